"""Focused factories for tests (the demo data is never used by tests)."""

import datetime

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from accounts import roles
from accounts.models import AccountSettings, Institution
from accounts.services import email_mark_verified
from courses.catalogue.blocks import QuizBlock
from courses.models import CourseCatalogPage, CoursePage, LessonPage, ScormAttempt
from lms.models import (
    AccessibilityStatementPage,
    ContentPage,
    HomePage,
    PrivacyNoticePage,
    SiteSettings,
)

TEST_PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()

    email = factory.Sequence(lambda n: f"uczestnik{n}@example.org")
    first_name = "Zofia"
    last_name = "Żółkiewska"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        password = kwargs.pop("password", TEST_PASSWORD)
        return model_class.objects.create_user(*args, password=password, **kwargs)


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Strona główna"
    lead = "Szkolenia zdalne dla urzędników i nauczycieli."


class ContentPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ContentPage

    title = factory.Sequence(lambda n: f"Strona {n}")
    lead = "Krótki wstęp."
    body = [("heading", {"text": "Sekcja", "level": "h2"}), ("paragraph", "<p>Treść.</p>")]


class PrivacyNoticePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = PrivacyNoticePage

    title = "Klauzula informacyjna RODO"
    slug = "rodo"
    version = "2.1"
    valid_from = datetime.date(2026, 10, 1)
    body = [("paragraph", "<p>Administratorem danych jest Starostwo.</p>")]


class AccessibilityStatementPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = AccessibilityStatementPage

    title = "Deklaracja dostępności"
    slug = "deklaracja-dostepnosci"
    entity_name = "Starostwo Powiatowe w Bolesławcu"
    site_url = "https://akademia.example.org/"
    published_on = datetime.date(2026, 9, 1)
    updated_on = datetime.date(2026, 11, 2)
    prepared_on = datetime.date(2026, 11, 3)
    contact_person = "Jan Kowalski"
    contact_email = "dostepnosc@example.org"
    contact_phone = "+48 75 000 00 00"
    procedure = "<p>Żądanie rozpatrujemy w ciągu 7 dni.</p>"


class SiteSettingsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SiteSettings

    organiser_name = "Powiat Bolesławiecki"
    organiser_address = "ul. Sierpnia 1980 r. 6\n59-700 Bolesławiec"
    funding_statement = (
        "Projekt grantowy finansowany ze środków Europejskiego Funduszu Rozwoju Regionalnego "
        "w ramach Programu Operacyjnego Polska Cyfrowa"
    )
    contact_email = "szkolenia@example.org"


class InstitutionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Institution
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Jednostka {n}")
    kind = Institution.Kind.SCHOOL


def user_with_role(role: str, *, verified: bool = True, **fields):
    """A user in one of the role groups, with a verified email for allauth."""
    user = UserFactory(**fields)
    user.groups.add(Group.objects.get(name=role))  # staff status follows (accounts.signals)
    user.refresh_from_db(fields=["is_staff"])
    if verified:
        email_mark_verified(user=user)
    return user


def account_settings(**fields) -> AccountSettings:
    """Change the installation's account settings for a test."""
    settings_obj = AccountSettings.load()
    for name, value in fields.items():
        setattr(settings_obj, name, value)
    settings_obj.save()
    return settings_obj


def invited_user(**fields):
    """A learner imported but not yet onboarded: no password, email unverified."""
    user = user_with_role(roles.LEARNER, verified=False, **fields)
    user.set_unusable_password()
    user.save()
    return user


QUIZ = {
    "title": "Sprawdź się",
    "pass_mark": 70,
    "max_attempts": 3,
    "shuffle": True,
    "questions": [
        {
            "text": "Którym skrótem zablokujesz ekran w systemie Windows?",
            "kind": "single",
            "options": [
                {"text": "Windows + L", "correct": True, "feedback": "Tak, to blokada ekranu."},
                {"text": "Alt + F4", "correct": False, "feedback": "To zamyka okno."},
                {"text": "Ctrl + C", "correct": False, "feedback": "To kopiuje."},
            ],
        },
        {
            "text": "Co chroni dane na skradzionym laptopie?",
            "kind": "multiple",
            "options": [
                {"text": "Szyfrowanie dysku", "correct": True, "feedback": "Tak."},
                {"text": "Silne hasło logowania", "correct": True, "feedback": "Tak."},
                {"text": "Tapeta z logo urzędu", "correct": False, "feedback": "Nie chroni."},
            ],
        },
        {
            "text": "Publiczne Wi-Fi w kawiarni jest bezpieczne bez VPN.",
            "kind": "true_false",
            "options": [
                {"text": "Prawda", "correct": False, "feedback": "Ruch może być podsłuchany."},
                {"text": "Fałsz", "correct": True, "feedback": "Używaj VPN."},
            ],
        },
    ],
}


class CourseCatalogPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CourseCatalogPage

    title = "Szkolenia"
    slug = "szkolenia"


class CoursePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CoursePage

    title = factory.Sequence(lambda n: f"Kurs {n}")
    summary = "Bezpieczna praca zdalna na służbowym laptopie."
    hours = 4
    outcomes_knowledge = "Zna zasady pracy zdalnej\nRozumie rolę szyfrowania"
    outcomes_skills = "Potrafi zablokować ekran"
    outcomes_social = "Dba o dane mieszkańców"
    # No share of the hours by default (the model's default is 80): tests of
    # the other completion rules do not spend hours in heartbeats; the
    # share's own tests set it.
    completion_min_time_percent = 0


# The course editor's competence panels as empty formsets, for posting its form.
EMPTY_COMPETENCE_FORMSETS = {
    f"{prefix}-{key}": "0"
    for prefix in ("outcome_alignments", "competence_tests")
    for key in ("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS")
}


class LessonPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LessonPage

    title = factory.Sequence(lambda n: f"Lekcja {n}")
    intro = "Wprowadzenie do lekcji."
    body = [("heading", {"text": "Po co", "level": "h2"}), ("paragraph", "<p>Treść lekcji.</p>")]


def course_with_lessons(catalogue, lesson_count=2, *, quiz=False, **fields):
    """A live course with lessons; with quiz=True the last lesson ends with QUIZ
    and is completed by passing it."""
    course = CoursePageFactory(parent=catalogue, **fields)
    lessons = [LessonPageFactory(parent=course) for _ in range(lesson_count)]
    if quiz:
        last = lessons[-1]
        # Through to_python so that questions and options get ids that persist.
        last.body.append(("quiz", QuizBlock().to_python(QUIZ)))
        last.complete_by_quiz = True
        last.complete_by_button = False
        last.save_revision().publish()
        last.refresh_from_db()
    return course, lessons


def scorm_attempt(user, lesson, course, package, activity_id, unit, started, last, **fields):
    """An attempt at a package part as the SCORM/cmi5 services leave it
    after its last commit (`last`), for reads that only look at the stored
    figures (reports); the runtime's own tests play the packages instead."""
    return ScormAttempt.objects.create(
        user=user, lesson=lesson, course=course, package=package, activity_id=activity_id,
        unit=unit, directory=package.directory, started_at=started, updated_at=last, **fields,
    )  # fmt: skip
