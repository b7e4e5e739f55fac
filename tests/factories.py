"""Focused factories for tests (the demo data is never used by tests)."""

import datetime

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from accounts import roles
from accounts.models import AccountSettings, Institution
from accounts.services import email_mark_verified
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
    user.groups.add(Group.objects.get(name=role))
    if role != roles.LEARNER:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
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
