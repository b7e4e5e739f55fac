"""The "add page" form in the admin: leaving it without saving leaves no
draft page behind (it does not autosave; the edit form still does)."""

import re

import pytest

from courses.models import LessonPage

pytestmark = pytest.mark.django_db


def _form_controllers(body: str) -> list[str]:
    """The Stimulus controllers on the editor's form: the browser autosaves
    only when `w-autosave` is among them."""
    form = re.search(r'data-edit-form\s+data-controller="([^"]*)"', body)
    assert form is not None, "the editor form was not found"
    return form.group(1).split()


def test_add_lesson_form_does_not_autosave(client, trainer_course):
    client.force_login(trainer_course["trainer"])
    response = client.get(f"/admin/pages/add/courses/lessonpage/{trainer_course['course'].pk}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "w-autosave" not in _form_controllers(body)
    assert "data-w-autosave-interval-value" not in body
    assert LessonPage.objects.count() == len(trainer_course["lessons"])


def test_edit_lesson_form_keeps_autosaving(client, trainer_course):
    client.force_login(trainer_course["trainer"])
    lesson = trainer_course["lessons"][0]
    response = client.get(f"/admin/pages/{lesson.pk}/edit/")
    assert response.status_code == 200
    assert "w-autosave" in _form_controllers(response.content.decode())
