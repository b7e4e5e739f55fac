"""Every URL pattern of the project, ours and Wagtail's and allauth's, with
hostile values in its path and query, as each kind of user: never a 5xx."""

import re
import time
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern
from django.utils import timezone
from django.views.static import serve

from accounts import roles
from accounts.services import privacy_acknowledge
from courses.models import Enrolment
from courses.reports import all as all_reports  # noqa: F401 (fills the registry)
from courses.reports import base
from tests import factories

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999"

# Values for each path converter: beyond the database's integer range, zero,
# junk and extreme dates. "-1" is tried wherever a pattern's regex allows it.
CONVERTER_VALUES = {
    "int": [HUGE, "0"],
    "id": [HUGE, "0"],
    "str": ["zzz", "9999-12-31"],
    "slug": ["zzz-zzz", "0001-01-01"],
    "path": ["zzz/zzz.js"],
    "uuid": ["00000000-0000-0000-0000-000000000000"],
}
NUMERIC_REGEX = re.compile(r"^(\\d|\[0-9\])[+*]?$|^(\\d|\[0-9\])\{")

# Wagtail's page that raises on purpose, to test error reporting.
DELIBERATE_ERRORS = {"/admin/failwhale/"}

QUERY = {
    "page": "abc",
    "p": "abc",
    "course": HUGE,
    "institution": HUGE,
    "lesson": HUGE,
    "user": HUGE,
    "id": HUGE,
    "period_from": "0001-01-01",
    "period_to": "9999-12-31",
    "status": "zzz",
    "ordering": "zzz",
    "next": "//evil.example.org",
}
POST_DATA = {
    **QUERY,
    "beat": HUGE,
    "visit": "zzz",
    "enrolment": HUGE,
    "users": HUGE,
    "courses": HUGE,
    "deadline": "9999-99-99",
    "code": "zzz",
    "data": "{zzz",
}


TOKEN = re.compile(r"<(?:(\w+):)?\w+>")
NAMED_GROUP = re.compile(r"\(\?P<\w+>((?:[^()]|\([^()]*\))*)\)")
OPTIONAL_GROUP = re.compile(r"\(\?:[^()]*\)[*?]")


def _regex_values(group: str) -> list[str]:
    if group.startswith("-?"):
        return [HUGE, "-1"]
    if NUMERIC_REGEX.search(group):
        return [HUGE, "0"]
    return ["zzz"]


def _filled(text: str, token: re.Pattern, values_for) -> list[str]:
    """text with every token replaced, once with the first hostile value of
    each, once with the second... (not every combination: that is too slow)."""
    values = [values_for(match) for match in token.finditer(text)]
    rounds = max((len(v) for v in values), default=1)
    filled = []
    for round_ in range(rounds):
        pieces = token.split(text)[:: (token.groups + 1)]
        chosen = [v[round_ % len(v)] for v in values]
        filled.append("".join(p + c for p, c in zip(pieces, [*chosen, ""], strict=True)))
    return filled


def _pattern_parts(pattern) -> list[str] | None:
    """The pattern as URL texts with hostile values, or None for one we cannot fill."""
    if isinstance(pattern, LocalePrefixPattern):
        return [pattern.language_prefix]
    if isinstance(pattern, RoutePattern):
        return _filled(
            str(pattern._route), TOKEN, lambda match: CONVERTER_VALUES[match[1] or "str"]
        )
    if isinstance(pattern, RegexPattern):
        regex = str(pattern._regex).lstrip("^").rstrip("$").replace("\\Z", "")
        regex = OPTIONAL_GROUP.sub("", regex)
        variants = _filled(regex, NAMED_GROUP, lambda match: _regex_values(match[1]))
        if any(char in variant for variant in variants for char in "()[]*+?\\|{}^$"):
            return None
        return variants
    return None


def _urls(patterns=None, prefix="") -> list[str]:
    """Hostile URLs for every pattern below the project's URLconf."""
    patterns = get_resolver().url_patterns if patterns is None else patterns
    found = []
    for entry in patterns:
        parts = _pattern_parts(entry.pattern)
        if parts is None:
            continue
        for part in parts:
            if isinstance(entry, URLResolver):
                found += _urls(entry.url_patterns, prefix + part)
            elif isinstance(entry, URLPattern) and entry.callback is not serve:
                found.append("/" + prefix + part)
    return sorted(set(found))


def _object_urls(course, lesson) -> list[str]:
    """Our views with real objects, so that hostile fields reach past the lookup."""
    return [
        reverse("courses:enrol", args=[course.pk]),
        reverse("courses:live_checkin", args=[course.pk]),
        reverse("courses:lesson_done", args=[lesson.pk]),
        reverse("courses:heartbeat", args=[lesson.pk]),
        reverse("courses:quiz_submit", args=[lesson.pk, lesson.quizzes()[0][0]]),
        reverse("courses_progress_grid", args=[course.pk]),
        f"/admin/enrolments/assign/?course={course.pk}",
    ]


@pytest.fixture
def people(site_shell, catalogue, county):
    """A learner, trainer and coordinator of one course, all past the RODO clause."""
    course, lessons = factories.course_with_lessons(catalogue, 2, quiz=True)
    learner = factories.user_with_role(roles.LEARNER, institution=county["lo1"])
    trainer = factories.user_with_role(roles.TRAINER, institution=county["lo1"])
    coordinator = factories.user_with_role(roles.COORDINATOR, institution=county["office"])
    coordinator.scope.set([county["office"]])
    Enrolment.objects.create(
        user=learner, course=course, deadline=timezone.localdate() + timedelta(days=7)
    )
    for user in (learner, trainer, coordinator):
        privacy_acknowledge(user=user, notice=site_shell["privacy"])
    pages = [site_shell["home"], catalogue, course, *lessons]
    reports = [
        reverse(name, args=args)
        for slug, report in base.REGISTRY.items()
        for name, args in [
            ("courses_report", [slug]),
            *[("courses_report_export", [slug, export_format]) for export_format in report.formats],
        ]
    ]
    return {
        "users": {"learner": learner, "trainer": trainer, "coordinator": coordinator},
        # Wagtail's catch-all pattern and the reports' slugs, filled by hand.
        "real": [page.url for page in pages] + reports + _object_urls(course, lessons[-1]),
    }


def _client(user) -> Client:
    client = Client(raise_request_exception=False)
    if user is not None:
        client.force_login(user)
    return client


def test_no_url_answers_5xx_to_hostile_values(people):
    urls = [url for url in _urls() if url not in DELIBERATE_ERRORS]
    assert len(urls) > 300, "the walker lost the project's URL patterns"
    urls += people["real"]
    failures = []
    started = time.monotonic()
    for role, user in [("anonymous", None), *people["users"].items()]:
        client = _client(user)
        for url in urls:
            response = client.get(url, QUERY)
            if response.status_code >= 500:
                failures.append(f"GET {url} as {role}: {response.status_code}")
            response = client.post(url, POST_DATA)
            if response.status_code >= 500:
                failures.append(f"POST {url} as {role}: {response.status_code}")
            if user is not None and "_auth_user_id" not in client.session:
                client = _client(user)  # the POST logged out
    print(f"{len(urls)} URLs in {time.monotonic() - started:.0f} s")
    assert not failures, "\n".join(failures)
