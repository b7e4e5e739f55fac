"""Shared fixtures: a site with the shell pages built by focused factories
(not the demo data), and flags for the tests that CI must never skip."""

import importlib
import os

import pytest
from django.apps import apps as django_apps
from django.conf import settings as django_settings
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.test import override_settings
from wagtail.models import Collection, Locale, Page, Site

from accounts import roles
from courses.catalogue.permissions import catalogue_grant_permissions
from courses.certificates import keys, seal
from courses.models import CompetenceFramework
from tests import factories

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def require_or_skip(condition: bool, reason: str) -> None:
    """Skip outside CI when a machine-level tool is missing; fail in CI."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"CI must not skip: {reason}")
    pytest.skip(reason)


SEAL_ORGANISER = "Starostwo Powiatowe w Bolesławcu"
SEAL_PASSWORD = "test-seal"


@pytest.fixture(scope="session", autouse=True)
def demo_seal(tmp_path_factory):
    """The organiser's seal every document of the run is sealed with (a demo
    CA and seal, made once); returns its PKCS#12 path. Also in the environment,
    for the processes a large batch spawns (they read the settings afresh)."""
    path = str(tmp_path_factory.mktemp("seal") / "seal.p12")
    seal.demo_seal_write(path=path, organiser=SEAL_ORGANISER, password=SEAL_PASSWORD)
    with (
        pytest.MonkeyPatch.context() as environment,
        override_settings(SEAL_PKCS12_PATH=path, SEAL_PKCS12_PASSWORD=SEAL_PASSWORD),
    ):
        environment.setenv("SEAL_PKCS12_PATH", path)
        environment.setenv("SEAL_PKCS12_PASSWORD", SEAL_PASSWORD)
        seal.cache_clear()
        yield path
    seal.cache_clear()


@pytest.fixture(scope="session", autouse=True)
def credential_key(tmp_path_factory):
    """The issuer's Ed25519 key every credential of the run is signed with
    (made once); returns its PEM path. Also in the environment, for the
    processes a large batch spawns and the deploy checks' subprocesses."""
    path = str(tmp_path_factory.mktemp("credential") / "credential-key.pem")
    keys.demo_key_write(path=path)
    with (
        pytest.MonkeyPatch.context() as environment,
        override_settings(CREDENTIAL_KEY_PATH=path, CREDENTIAL_PREVIOUS_KEYS=""),
    ):
        environment.setenv("CREDENTIAL_KEY_PATH", path)
        keys.cache_clear()
        yield path
    keys.cache_clear()


@pytest.fixture(autouse=True)
def _migration_data_in_transactional_tests(request):
    """Transactional tests (browser tests among them) end with a flush that
    takes the rows data migrations created; put them back before each one."""
    marker = request.node.get_closest_marker("django_db")
    if not (marker and marker.kwargs.get("transaction")):
        return
    request.getfixturevalue("transactional_db")
    ContentType.objects.clear_cache()  # the flush recreated content types with new ids
    Locale.objects.get_or_create(language_code=django_settings.LANGUAGE_CODE)
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root"))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    if not Group.objects.filter(name=roles.LEARNER).exists():
        importlib.import_module("accounts.migrations.0003_roles").create_roles(django_apps, None)
        importlib.import_module("accounts.migrations.0010_role_capabilities").grant_capabilities(
            django_apps, None
        )
        for migration, grant in (
            ("0005_h5p", "grant_h5p_permissions"),
            ("0023_scorm_packages", "grant_scorm_permissions"),
        ):
            getattr(importlib.import_module(f"courses.migrations.{migration}"), grant)(
                django_apps, None
            )
    if not CompetenceFramework.objects.exists():
        importlib.import_module("courses.migrations.0017_digcomp_reference_data").load_digcomp(
            django_apps, None
        )


@pytest.fixture
def site_shell(db):
    """A default site rooted at a HomePage, with the accessibility statement,
    the RODO clause, a content page in the menu and the site settings."""
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).delete()
    home = factories.HomePageFactory(parent=root, title="Strona główna testowa", slug="home")
    Site.objects.all().delete()
    site = Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    content = factories.ContentPageFactory(
        parent=home, title="O projekcie", slug="o-projekcie", show_in_menus=True
    )
    statement = factories.AccessibilityStatementPageFactory(parent=home)
    privacy = factories.PrivacyNoticePageFactory(parent=home)
    settings = factories.SiteSettingsFactory(
        site=site, accessibility_statement=statement, privacy_notice=privacy
    )
    return {
        "site": site,
        "home": home,
        "content": content,
        "statement": statement,
        "privacy": privacy,
        "settings": settings,
    }


@pytest.fixture
def county(db):
    """Starostwo with two high schools below it, and a unit of another county."""
    office = factories.InstitutionFactory(
        name="Starostwo Powiatowe w Bolesławcu", short_name="Starostwo", kind="office"
    )
    lo1 = factories.InstitutionFactory(
        name="I Liceum Ogólnokształcące", short_name="I LO", parent=office
    )
    lo2 = factories.InstitutionFactory(
        name="II Liceum Ogólnokształcące", short_name="II LO", parent=office
    )
    other = factories.InstitutionFactory(name="Starostwo Powiatowe w Lubaniu", kind="office")
    return {"office": office, "lo1": lo1, "lo2": lo2, "other": other}


def coordinator_of(institution, email):
    user = factories.user_with_role(roles.COORDINATOR, email=email, institution=institution)
    user.scope.set([institution])
    return user


@pytest.fixture
def coordinator_lo1(county):
    return coordinator_of(county["lo1"], "koordynator.lo1@example.org")


@pytest.fixture
def coordinator_county(county):
    return coordinator_of(county["office"], "koordynator@example.org")


@pytest.fixture
def learner_lo1(county):
    return factories.user_with_role(
        roles.LEARNER,
        email="uczen.lo1@example.org",
        institution=county["lo1"],
        first_name="Łucja",
        last_name="Ćwik",
    )


@pytest.fixture
def learner_lo2(county):
    return factories.user_with_role(
        roles.LEARNER,
        email="nauczyciel.lo2@example.org",
        institution=county["lo2"],
        first_name="Żaneta",
        last_name="Śliwa",
    )


@pytest.fixture
def catalogue(site_shell):
    return factories.CourseCatalogPageFactory(parent=site_shell["home"])


@pytest.fixture
def trainer_course(catalogue):
    """A published course whose trainer may edit it (trainers' catalogue permissions)."""
    catalogue_grant_permissions(catalogue=catalogue)
    trainer = factories.user_with_role(roles.TRAINER, email="trener.a@example.org")
    course, lessons = factories.course_with_lessons(catalogue)
    course.trainers.add(trainer)
    course.save_revision().publish()
    return {"trainer": trainer, "course": course, "lessons": lessons}


def _folder_storage(settings, root, *, alias: str, setting: str):
    """Point a package storage setting at a folder of the test's own."""
    settings.STORAGES = {
        **settings.STORAGES,
        alias: {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(root)},
        },
    }
    setattr(settings, setting, alias)
    return root


@pytest.fixture
def scorm_storage(settings, tmp_path):
    """SCORM/cmi5 packages stored in a folder of the test's own, returned."""
    return _folder_storage(
        settings, tmp_path / "scorm-storage", alias="scorm_test", setting="SCORM_STORAGE"
    )


@pytest.fixture
def h5p_storage(settings, tmp_path):
    """H5P packages stored in a folder of the test's own, returned."""
    return _folder_storage(
        settings, tmp_path / "h5p-storage", alias="h5p_test", setting="H5P_STORAGE"
    )


@pytest.fixture
def admin(db):
    """An administrator of the platform (installs H5P libraries, approves packages)."""
    return factories.user_with_role(roles.ADMINISTRATOR, email="admin@example.org")
