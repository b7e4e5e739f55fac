"""The anonymous page cache (lms.page_cache): public catalogue and course
pages come from the shared cache, a publish shows at once, and nothing a
logged-in person sees is ever stored or served to anyone else."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from courses.models import Enrolment
from lms.page_cache import HIT_HEADER
from tests import factories

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def hit(response) -> bool:
    return response.get(HIT_HEADER) == "hit"


def ready(client, user):
    """Log in and acknowledge the RODO clause."""
    client.force_login(user)
    client.post("/accounts/privacy/")
    return client


def test_anonymous_hit_costs_one_query_and_a_publish_shows_at_once(
    client, catalogue, django_assert_num_queries
):
    course, _lessons = factories.course_with_lessons(catalogue, title="Cyberhigiena")
    first = client.get(course.url)
    assert not hit(first)
    with django_assert_num_queries(1):  # the entry and the site generation, one read
        second = client.get(course.url)
    assert hit(second)
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert second["X-Frame-Options"] == "DENY"
    assert not second.cookies

    course.title = "Cyberhigiena w urzędzie"
    course.save_revision().publish()
    after = client.get(course.url)
    assert not hit(after)
    assert soup(after).h1.get_text(strip=True) == "Cyberhigiena w urzędzie"
    assert hit(client.get(course.url))
    # The catalogue lists the new title too.
    assert "Cyberhigiena w urzędzie" in client.get(catalogue.url).content.decode()

    course.unpublish()
    assert client.get(course.url).status_code == 404


def test_catalogue_filters_are_cached_apart_and_head_is_answered(client, catalogue):
    factories.course_with_lessons(catalogue, title="Cyberhigiena")
    factories.course_with_lessons(catalogue, title="Pakiet biurowy")

    def titles(response):
        return [h.get_text(strip=True) for h in soup(response).select(".course-card__title")]

    for _round in range(2):
        assert titles(client.get(catalogue.url + "?q=cyber")) == ["Cyberhigiena"]
        assert titles(client.get(catalogue.url)) == ["Cyberhigiena", "Pakiet biurowy"]
    head = client.head(catalogue.url)
    assert hit(head)
    assert head.status_code == 200
    assert head.content == b""


def test_a_learners_page_is_never_stored_and_never_served_a_cached_one(
    client, catalogue, learner_lo1, learner_lo2
):
    course, lessons = factories.course_with_lessons(catalogue, 2, title="Podpis elektroniczny")
    Enrolment.objects.create(user=learner_lo1, course=course, method="self")
    learner = ready(Client(), learner_lo1)
    learner.post(f"/courses/lessons/{lessons[0].pk}/done/")

    mine = learner.get(course.url)
    assert not hit(mine)
    assert soup(mine).find("progress")["value"] == "50"

    # Nobody else gets the learner's page: an anonymous visitor...
    anonymous = client.get(course.url)
    assert not hit(anonymous)
    assert soup(anonymous).find("progress") is None
    assert "Zaloguj się, aby się zapisać" in anonymous.content.decode()
    assert hit(client.get(course.url))

    # ...nor another learner, and no logged-in person gets the cached anonymous page.
    other = ready(Client(), learner_lo2)
    theirs = other.get(course.url)
    assert not hit(theirs)
    assert soup(theirs).find("progress") is None
    assert soup(theirs).find("button", string="Zapisz się na szkolenie") is not None
    again = learner.get(course.url)
    assert not hit(again)
    assert soup(again).find("progress")["value"] == "50"


def test_a_visitor_with_a_session_or_a_message_is_not_answered_from_the_cache(client, catalogue):
    course, _lessons = factories.course_with_lessons(catalogue)
    client.get(course.url)
    assert hit(client.get(course.url))
    for cookie in ("sessionid", "messages"):
        visitor = Client()
        visitor.cookies[cookie] = "anything"
        assert not hit(visitor.get(course.url))


def test_language_variants_do_not_mix(client, catalogue):
    course, _lessons = factories.course_with_lessons(catalogue)
    polish_url, english_url = course.url, f"/en{course.url}"
    for _round in range(2):
        polish = client.get(polish_url)
        english = client.get(english_url)
        assert soup(polish).html["lang"] == "pl"
        assert soup(english).html["lang"] == "en"
        assert "Learning outcomes" in english.content.decode()
        assert "Learning outcomes" not in polish.content.decode()
    assert hit(polish) and hit(english)


def test_other_pages_are_not_cached(client, catalogue, site_shell):
    client.get("/")
    assert not hit(client.get("/"))
    assert not hit(client.get("/accounts/login/"))
