"""The Wagtail admin speaks Polish throughout: the strings Wagtail's own Polish
catalogue lacks or gets wrong come from lms/locale_wagtail, and the default
moderation workflow carries a Polish name."""

import ast
import importlib
import io
import json
import re
from pathlib import Path

import pytest
from django.apps import apps as django_apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import translation
from wagtail.models import Task, Workflow
from wagtail.test.utils.form_data import nested_form_data, streamfield

from accounts import roles
from courses.catalogue.permissions import catalogue_grant_permissions
from tests import factories
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db

# Interface strings Wagtail's Polish catalogue left in English, as they were
# seen on the editor screens below (or in the admin's JavaScript catalogue).
KEPT_ENGLISH = [
    # The page editor: autosave, validation, publishing schedule, side panels.
    "Autosave is paused",
    "Autosave is <span>paused</span>",
    "Saved",
    "Currently idle",
    "View latest version",
    "A network error occurred",
    "Troubleshoot your connection to the site before proceeding",
    "The page could not be saved due to validation errors",
    "The page could not be created due to validation errors",
    "There are validation errors, click save to highlight them",
    "Correct the validation errors to resume preview",
    "Go to the first error",
    "Actions (footer)",
    "Schedule to publish",
    "This publishing schedule will only take effect",
    "Once scheduled:",
    "To be created by",
    "hasn't been submitted for moderation yet",
    "Moderators approval",
    # The accessibility and content checks panel.
    "Toggle checks",
    "Checks",
    "Readability",
    "This data explained",
    "How we calculate our metrics",
    "We extract the main content from the page preview",
    "We calculate reading time from word count",
    "We use a readability formula",
    "for more information on how content metrics are calculated",
    "Empty frame title found",
    "Input button text is empty",
    "Meta description is empty",
    "Add a concise description for search engines",
    # History and revisions.
    "Compare",
    "Is commenting action",
    # Explorer and listings.
    "Disable custom ordering",
    "Enable custom ordering",
    "Sort item order",
    "Usage count",
    "Locked by",
    "created in",
    "1 workflow",
    "Breadcrumb",
    # Image and document choosers.
    "Layout",
    "Grid layout",
    "List layout",
    "upload one now",
    "Maximum filesize",
    # The keyboard shortcuts dialog on every screen.
    "Show keyboard shortcuts",
    "Keyboard shortcuts are currently enabled",
    "Application",
    "Toggle minimap",
    "Close modal dialogs (like this one)",
    "Add or show comments",
    "Text editing",
]

# Wagtail's Polish that is wrong: gender forced on our neuter and feminine page
# types (and on the reader), garbled sentences, typos, and "cancel publication"
# on a plain Cancel button.
WRONG_POLISH = [
    "Ten szkolenie",
    "Ten lekcja",
    "ten szkolenie",
    "ten lekcja",
    "ten%(",
    "Cofnij również ich jej",
    "Anuluj publikację",
    "Wyślij do Zatwierdzenie",  # "Submit to %(workflow_name)s" in the nominative
    "Grupuj zadanie",  # "Group approval task" read as "group (verb) the task"
    "Tutaj znajdziejsz",
    "wszytkich",
    "odpublikowaćstronę",
    "Nie przesłałeś",
    "Wersja Live",
]

# Strings of the admin's JavaScript (autosave, content metrics) that the
# JavaScript catalogue must translate.
KEPT_ENGLISH_JS = [
    "A network error occurred.",
    "A server error occurred.",
    "Autosave in progress…",
    "Changes have been autosaved.",
    "Complex",
    "Fair",
    "Good",
    "%(time_zone_option)s: %(localized_time_zone_label)s",
]


def wagtail_msgids(domain: str) -> set[str | tuple[str, int]]:
    """Every string of the installed Wagtail apps' interface, as keys of a
    gettext catalogue (plurals by their first form): Wagtail's English
    catalogues list them all."""
    keys = set()
    entry = re.compile(r'^(msgctxt|msgid|msgid_plural) ((?:".*"\n)+)', re.M)
    apps = [app for app in django_apps.get_app_configs() if app.name.startswith("wagtail")]
    catalogues = [Path(app.path, "locale", "en", "LC_MESSAGES", f"{domain}.po") for app in apps]
    for po in filter(Path.exists, catalogues):
        for block in po.read_text(encoding="utf-8").split("\n\n"):
            fields = {
                name: "".join(ast.literal_eval(part) for part in text.splitlines())
                for name, text in entry.findall(block + "\n")
            }
            if not fields.get("msgid"):
                continue
            msgid = fields["msgid"]
            if "msgctxt" in fields:
                msgid = f"{fields['msgctxt']}\x04{msgid}"
            keys.add((msgid, 0) if "msgid_plural" in fields else msgid)
    return keys


@pytest.fixture
def course(catalogue):
    """A published course with two lessons, the first of them published in two
    revisions (so that they can be compared)."""
    course, lessons = factories.course_with_lessons(catalogue)
    lesson = lessons[0]
    lesson.save_revision().publish()
    lesson.title = "Lekcja po poprawkach"
    lesson.save_revision().publish()
    return course


def administrator():
    return get_user_model().objects.create_superuser(
        email="admin.pl@example.org", password=TEST_PASSWORD, first_name="Anna", last_name="Nowak"
    )


def trainer_of(course):
    catalogue_grant_permissions(catalogue=course.get_parent())
    user = factories.user_with_role(roles.TRAINER, email="trener.pl@example.org")
    course.trainers.add(user)
    course.save_revision().publish()
    return user


def editor_screens(course) -> dict[str, str]:
    lesson = course.get_children().first()
    first, last = lesson.revisions.order_by("created_at", "pk")[:2]
    return {
        "dashboard": "/admin/",
        "course list": f"/admin/pages/{course.get_parent().pk}/",
        "add lesson": f"/admin/pages/add/courses/lessonpage/{course.pk}/",
        "edit course": f"/admin/pages/{course.pk}/edit/",
        "edit lesson": f"/admin/pages/{lesson.pk}/edit/",
        "lesson history": f"/admin/pages/{lesson.pk}/history/",
        "compare revisions": f"/admin/pages/{lesson.pk}/revisions/compare/{first.pk}...{last.pk}/",
        "unpublish course": f"/admin/pages/{course.pk}/unpublish/",
        "delete course": f"/admin/pages/{course.pk}/delete/",
        "course usage": f"/admin/pages/{course.pk}/usage/",
        "image chooser": "/admin/images/chooser/",
        "document chooser": "/admin/documents/chooser/",
        "workflows": "/admin/workflows/list/",
        "workflow tasks": "/admin/workflows/tasks/index/",
    }


ADMIN_SCREENS = [
    "dashboard",
    "course list",
    "add lesson",
    "edit course",
    "edit lesson",
    "lesson history",
    "compare revisions",
    "unpublish course",
    "delete course",
    "course usage",
    "image chooser",
    "document chooser",
    "workflows",
    "workflow tasks",
]
# A trainer may neither unpublish nor delete a course, nor manage workflows.
ADMIN_ONLY = {"unpublish course", "delete course", "course usage", "workflows", "workflow tasks"}
TRAINER_SCREENS = [screen for screen in ADMIN_SCREENS if screen not in ADMIN_ONLY]


def english_left(body: str) -> list[str]:
    """The kept English strings shown on a screen, as whole words (so that
    "Compare" is not found in "compare_url" or "Checks" in "Checksum")."""
    return [
        text for text in KEPT_ENGLISH if re.search(rf"(?<![\w-]){re.escape(text)}(?![\w-])", body)
    ]


def wrong_polish(body: str) -> list[str]:
    return [text for text in WRONG_POLISH if text in body]


def screen_body(client, url: str) -> str:
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="pl")
    assert response.status_code == 200, url
    if response.headers["Content-Type"].startswith("application/json"):
        return json.loads(response.content)["html"]
    body = response.content.decode()
    assert 'lang="pl"' in body, url
    return body


@pytest.mark.parametrize("screen", ADMIN_SCREENS)
def test_administrator_sees_the_editor_screens_in_polish(client, course, screen):
    client.force_login(administrator())
    body = screen_body(client, editor_screens(course)[screen])
    assert english_left(body) == []
    assert wrong_polish(body) == []


@pytest.mark.parametrize("screen", TRAINER_SCREENS)
def test_trainer_sees_the_editor_screens_in_polish(client, course, screen):
    client.force_login(trainer_of(course))
    body = screen_body(client, editor_screens(course)[screen])
    assert english_left(body) == []
    assert wrong_polish(body) == []


def test_saving_a_lesson_with_errors_says_so_in_polish(client, course):
    client.force_login(administrator())
    lesson = course.get_children().first()
    form = nested_form_data({"title": "", "slug": lesson.slug, "body": streamfield([])})
    body = client.post(f"/admin/pages/{lesson.pk}/edit/", form).content.decode()
    assert "Nie można zapisać strony, bo formularz zawiera błędy." in body
    assert english_left(body) == []


def test_usage_summary_names_no_gender(client, course):
    """Wagtail's "Ten %(model_name)s został przywołany" gave "Ten szkolenie"."""
    client.force_login(administrator())
    body = screen_body(client, f"/admin/pages/{course.pk}/delete/")
    assert "Liczba odwołań do tego elementu (szkolenie): 0." in body


def test_unpublish_offers_the_subpages_in_correct_polish(client, course):
    client.force_login(administrator())
    body = screen_body(client, f"/admin/pages/{course.pk}/unpublish/")
    assert "Ta strona ma 2 strony podrzędne. Cofnij również ich publikację" in body
    assert re.search(r'class="button button-secondary">\s*Anuluj\s*</a>', body)


def test_admin_javascript_catalogue_translates_autosave_and_metrics(client):
    client.force_login(administrator())
    response = client.get("/admin/jsi18n/", HTTP_ACCEPT_LANGUAGE="pl")
    assert response.status_code == 200
    found = re.search(r"const newcatalog = (\{.*?\});\n", response.content.decode(), re.S)
    catalogue = json.loads(found.group(1))
    untranslated = [text for text in KEPT_ENGLISH_JS if not catalogue.get(text)]
    assert untranslated == []
    assert catalogue["Changes have been autosaved."] == "Zmiany zostały zapisane automatycznie."


def test_every_wagtail_string_has_a_polish_translation():
    """Catches what a Wagtail upgrade adds before anyone sees it in English."""
    catalogue = translation.trans_real.translation("pl")._catalog
    untranslated = sorted(
        map(str, (key for key in wagtail_msgids("django") if key not in catalogue))
    )
    assert untranslated == []


def test_every_wagtail_javascript_string_has_a_polish_translation(client):
    client.force_login(administrator())
    response = client.get("/admin/jsi18n/", HTTP_ACCEPT_LANGUAGE="pl")
    found = re.search(r"const newcatalog = (\{.*?\});\n", response.content.decode(), re.S)
    catalogue = json.loads(found.group(1))
    msgids = {key[0] if isinstance(key, tuple) else key for key in wagtail_msgids("djangojs")}
    assert sorted(msgids - catalogue.keys()) == []


def test_default_moderation_workflow_is_named_in_polish():
    assert Workflow.objects.filter(name="Zatwierdzenie przez moderatorów").exists()
    assert Task.objects.filter(name="Zatwierdzenie przez moderatorów").exists()
    assert not Workflow.objects.filter(name="Moderators approval").exists()
    assert not Task.objects.filter(name="Moderators approval").exists()


def test_demo_data_keeps_the_workflow_names_polish(monkeypatch, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setenv("DEMO_PASSWORD", "haslo-demo-testowe-2026")
    call_command("load_demo_data", stdout=io.StringIO())
    assert set(Workflow.objects.values_list("name", flat=True)) == {
        "Zatwierdzenie przez moderatorów"
    }
    assert set(Task.objects.values_list("name", flat=True)) == {"Zatwierdzenie przez moderatorów"}


def test_workflow_rename_reverses_to_wagtails_name():
    migration = importlib.import_module("accounts.migrations.0009_polish_workflow_names")
    migration.workflow_names_to_english(django_apps, None)
    assert Workflow.objects.filter(name="Moderators approval").exists()
    assert Task.objects.filter(name="Moderators approval").exists()
    migration.workflow_names_to_polish(django_apps, None)
    assert Workflow.objects.filter(name="Zatwierdzenie przez moderatorów").exists()
