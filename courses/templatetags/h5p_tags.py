"""The H5P activity block's player settings: the URLs of the package files,
the xAPI and saved-state endpoints and the activity's xAPI IRI, the same
for every learner and kept per process for the lesson's live revision and
the language (until any page or package changes: lms.site_cache); and the
learner's saved state (one query per activity, only for learners)."""

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from courses.h5p import selectors as h5p_selectors
from courses.h5p import xapi
from lms import site_cache

register = template.Library()


def _shared_config(*, lesson, activity_id: str, value) -> dict:
    package = value["package"]
    base = reverse("courses:h5p_file", args=[lesson.pk, package.pk, package.directory, "h5p.json"])
    base = base.removesuffix("/h5p.json")
    placeholder = reverse(
        "courses:h5p_user_data", args=[lesson.pk, "H5PCONTENT", "H5PDATATYPE", "H5PSUBCONTENT"]
    )
    return {
        "id": activity_id,
        "title": package.title,
        "frameTitle": _("Interactive activity: %(title)s") % {"title": package.title},
        "language": package.language or "pl",
        "h5pJsonPath": base,
        "librariesPath": f"{base}/libraries",
        "frameJs": static("h5p-standalone/frame.bundle.js"),
        "frameCss": static("h5p-standalone/styles/h5p.css"),
        "customJs": static("courses/js/h5p-csrf.js"),
        "xapiUrl": reverse("courses:h5p_xapi", args=[lesson.pk, activity_id]),
        "userDataUrl": placeholder.replace("H5PSUBCONTENT", ":subContentId")
        .replace("H5PDATATYPE", ":dataType")
        .replace("H5PCONTENT", ":contentId"),
        "iri": xapi.activity_iri(lesson.pk, activity_id),
        "saveFreq": settings.H5P_SAVE_SECONDS,
        "completeOnView": bool(value["complete_on_view"]),
    }


def _player_config(*, request, lesson, activity_id: str, value) -> dict:
    name = (
        f"courses:h5p-config:{lesson.pk}:{lesson.live_revision_id}:{activity_id}:"
        f"{translation.get_language()}"
    )
    shared = site_cache.memo(
        name, lambda: _shared_config(lesson=lesson, activity_id=activity_id, value=value)
    )
    state = h5p_selectors.h5p_saved_state(
        user=request.user, lesson=lesson, activity_id=activity_id,
        directory=value["package"].directory,
    )  # fmt: skip
    return {**shared, "state": state}


@register.inclusion_tag("courses/h5p/player.html", takes_context=True)
def h5p_player(context, value):
    """The player for a learner on their lesson page; a placeholder in
    previews and wherever the package cannot be played yet."""
    request, lesson = context.get("request"), context.get("page")
    package = value["package"] if value else None
    result = {"value": value, "package": package, "config": None, "block_id": context.get("id")}
    playable = (
        package is not None
        and package.is_ready
        and request is not None
        and request.user.is_authenticated
        and context.get("progress") is not None
        and context.get("id")
    )
    if playable:
        result["config"] = _player_config(
            request=request, lesson=lesson, activity_id=context["id"], value=value
        )
        result["config_id"] = f"h5p-config-{context['id']}"
    return result
