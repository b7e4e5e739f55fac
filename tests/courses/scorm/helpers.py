"""What the SCORM tests share: placing a package in a lesson, logging a
learner in, launching a part and committing to an attempt as the runtime
does."""

import json

from courses.catalogue.blocks import LessonStreamBlock


def add_package_block(lesson, package, *, required=True, pass_mark=None) -> str:
    block = LessonStreamBlock().child_blocks["scorm"]
    value = {"package": package.pk, "required": required, "pass_mark": pass_mark}
    lesson.body.append(("scorm", block.to_python(value)))
    lesson.complete_by_packages = True
    lesson.complete_by_button = False
    lesson.save_revision().publish()
    lesson.refresh_from_db()
    return lesson.body[-1].id


def log_in(client, user):
    """Logged in, with the RODO clause acknowledged."""
    client.force_login(user)
    client.post("/accounts/privacy/")


def launch(client, activity, unit=0):
    url = f"/courses/lessons/{activity['lesson'].pk}/scorm/{activity['activity_id']}/{unit}/launch/"
    return client.post(url)


def commit(client, attempt_id, core=None, **cmi_fields):
    data = {"cmi": {"core": core or {}, **cmi_fields}}
    return client.post(
        f"/scorm/attempts/{attempt_id}/commit/", json.dumps(data), content_type="application/json"
    )
