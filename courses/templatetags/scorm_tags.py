"""The SCORM/cmi5 activity block's player: the package's parts with the
learner's state in each (one query per activity, only for learners) and
what the player script needs (the launch address, the runtime to load)."""

from django import template
from django.templatetags.static import static
from django.urls import reverse

from courses.scorm import manifest, selectors

register = template.Library()

RUNTIMES = {
    manifest.SCORM12: "scorm-again/scorm12.min.js",
    manifest.SCORM2004_2: "scorm-again/scorm2004.min.js",
    manifest.SCORM2004_3: "scorm-again/scorm2004.min.js",
    manifest.SCORM2004_4: "scorm-again/scorm2004.min.js",
    manifest.CMI5: "",  # the AU brings its own xAPI client
}


@register.inclusion_tag("courses/scorm/player.html", takes_context=True)
def scorm_player(context, value):
    """The player for a learner on their lesson page; a placeholder in
    previews and wherever the package cannot be played yet."""
    request, lesson = context.get("request"), context.get("page")
    package = value["package"] if value else None
    block_id = context.get("id")
    result = {"package": package, "config": None, "block_id": block_id, "units": []}
    playable = (
        package is not None
        and package.is_ready
        and request is not None
        and request.user.is_authenticated
        and context.get("progress") is not None
        and block_id
    )
    if not playable:
        return result
    attempts = selectors.learner_attempts(user=request.user, lesson=lesson)
    launch = reverse("courses:scorm_launch", args=[lesson.pk, block_id, 0])
    result["units"] = [
        {"index": index, "unit": unit, "attempt": attempts.get((block_id, unit.identifier))}
        for index, unit in enumerate(package.units)
    ]
    result["units_started"] = any(part["attempt"] for part in result["units"])
    result["config_id"] = f"scorm-config-{block_id}"
    result["config"] = {
        "version": package.version,
        "runtime": static(RUNTIMES[package.version]) if RUNTIMES[package.version] else "",
        "launchUrl": launch.removesuffix("0/launch/") + "{index}/launch/",
        "units": [unit.identifier for unit in package.units],
    }
    if package.manifest.get("activity_tree"):
        result["config"]["sequencingUrl"] = reverse(
            "courses:scorm_sequencing", args=[lesson.pk, block_id]
        )
    return result
