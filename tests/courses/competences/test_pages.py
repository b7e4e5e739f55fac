"""The learner's side: the course page's competence section (pre-test
before the lessons, post-test after them, results after it), the test
pages from the participant's frozen standard, access and bad input."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from courses.competences import services
from courses.models import CompetenceAssessment, CompetenceAttempt, OutcomeAlignment
from tests import factories
from tests.courses.competences import factories as comp
from tests.courses.competences.factories import ALL_RIGHT, answers
from tests.courses.competences.test_services import finish_lessons

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999"


def ready(client, user):
    client.force_login(user)
    client.post("/accounts/privacy/")
    return client


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def post_data(data: dict) -> dict:
    return {key: list(value) if isinstance(value, tuple) else value for key, value in data.items()}


def section(client, course):
    return soup(client.get(course.url)).find("section", id="competences")


@pytest.fixture
def measured(catalogue, learner_lo1, client):
    course, lessons = comp.measured_course(catalogue, optional=True)
    enrolment = comp.enrol(learner_lo1, course)
    ready(client, learner_lo1)
    return {"course": course, "lessons": lessons, "enrolment": enrolment}


def test_the_course_page_leads_through_pre_test_lessons_post_test_and_results(
    client, measured, learner_lo1
):
    course = measured["course"]
    before = section(client, course)
    assert before.find("a", string="Test wstępny")["href"] == (
        f"/courses/{course.pk}/competence-test/pre/"
    )
    assert "Pomiń" in before.get_text()
    page = client.get(f"/courses/{course.pk}/competence-test/pre/")
    form = soup(page).find("form", class_="quiz")
    assert [legend.get_text(" ", strip=True) for legend in form.find_all("legend")] == [
        "1. Co chroni laptop poza biurem?",
        "2. Jak zablokować ekran? (zaznacz wszystkie pasujące)",
        "3. Zaznacz, co potrafisz",
    ]
    assert form.find("label", attrs={"for": "s-pre-s1"}).get_text() == "Potrafię zablokować ekran"
    assert "correct" not in str(form).lower()
    response = client.post(
        f"/courses/{course.pk}/competence-test/pre/", post_data(answers("pre")), follow=True
    )
    assert "odpowiedzi z testu wstępnego zostały zapisane" in response.content.decode()
    during = section(client, course)
    assert during.find("a", string="Test wstępny") is None
    assert "Test końcowy otworzy się po ukończeniu" in during.get_text()
    finish_lessons(learner_lo1, measured["lessons"])
    assert section(client, course).find("a", string="Test końcowy") is not None
    client.post(
        f"/courses/{course.pk}/competence-test/post/", post_data(answers("post", **ALL_RIGHT))
    )
    after = section(client, course)
    assert "Uzyskano kompetencje." in after.get_text()
    assert "Test wstępny: 0%, test końcowy: 100% (zmiana: 100 pkt proc.)." in after.get_text()
    rows = [
        [cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])]
        for row in after.find("table").find_all("tr")
    ]
    assert rows == [
        ["Efekt uczenia się", "Przed", "Po", "Kryterium", "Osiągnięty"],
        ["W1 Zna zasady pracy zdalnej", "0%", "100%", "60%", "tak"],
        ["U1 Potrafi zablokować ekran", "0%", "100%", "50%", "tak"],
    ]
    competences = after.find_all("table")[1]
    assert "4.2 Ochrona danych osobowych i prywatności 0 3 4" in competences.get_text(" ", True)
    assert after.find("a", string="Test końcowy") is None  # gained: nothing to retake


def test_results_name_the_outcomes_not_met(client, measured, learner_lo1):
    course = measured["course"]
    client.post(f"/courses/{course.pk}/competence-test/pre/skip/")
    assert section(client, course).find("a", string="Test wstępny") is None
    finish_lessons(learner_lo1, measured["lessons"])
    client.post(
        f"/courses/{course.pk}/competence-test/post/",
        post_data(answers("post", q1="a", q2=("e",))),
    )
    text = section(client, course).get_text(" ", strip=True)
    assert "Nie uzyskano jeszcze kompetencji: U1 (Potrafi zablokować ekran)." in text
    assert "Test końcowy: 50%. Test wstępny nie został rozwiązany." in text
    assert "Możesz ponownie rozwiązać test końcowy." in text
    course.competence_tests.all().delete()  # the trainer drops the tests later
    text = section(client, course).get_text(" ", strip=True)
    assert "Nie uzyskano jeszcze kompetencji: U1 (Potrafi zablokować ekran)." in text
    assert "Możesz ponownie rozwiązać test końcowy." in text  # their version keeps its test


def test_the_test_page_shows_the_participants_own_version(client, measured):
    course = measured["course"]
    client.get(f"/courses/{course.pk}/competence-test/pre/")  # started: version 1
    OutcomeAlignment.objects.filter(course=course).delete()
    test = course.competence_tests.get(kind="pre")
    test.questions = comp.CompetenceTestBlock().to_python(comp.questions_raw("pre")[:1])
    test.save()
    page = soup(client.get(f"/courses/{course.pk}/competence-test/pre/"))
    assert len(page.find("form", class_="quiz").find_all("fieldset")) == 3


def test_a_course_without_tests_has_no_section_and_no_test_pages(client, catalogue, learner_lo1):
    course, _lessons = factories.course_with_lessons(catalogue, 1)
    comp.enrol(learner_lo1, course)
    ready(client, learner_lo1)
    assert section(client, course) is None
    for kind in ("pre", "post"):
        assert client.get(f"/courses/{course.pk}/competence-test/{kind}/").status_code == 404
        url = f"/courses/{course.pk}/competence-test/{kind}/"
        assert client.post(url, post_data(answers(kind))).status_code == 404
    assert client.post(f"/courses/{course.pk}/competence-test/pre/skip/").status_code == 404
    assert not CompetenceAssessment.objects.exists()


def test_others_get_404_and_nothing_is_stored(
    measured, learner_lo2, coordinator_county, site_shell
):
    course = measured["course"]
    urls = [
        f"/courses/{course.pk}/competence-test/pre/",
        f"/courses/{course.pk}/competence-test/post/",
        f"/courses/{course.pk}/competence-test/inne/",
        f"/courses/{HUGE}/competence-test/pre/",
        f"/courses/{HUGE}/competence-test/pre/skip/",
        f"/courses/{course.pk}/competence-test/{HUGE}/",
    ]
    for user in (learner_lo2, coordinator_county):
        client = ready(Client(raise_request_exception=False), user)
        for url in urls:
            assert client.get(url).status_code == 404, (user, url)
            assert client.post(url, post_data(answers("pre"))).status_code == 404, (user, url)
    anonymous = Client()
    assert anonymous.get(urls[0]).status_code == 302
    assert not CompetenceAssessment.objects.exists()


def test_bad_answers_get_a_polish_message_and_store_nothing(client, measured):
    course = measured["course"]
    url = f"/courses/{course.pk}/competence-test/pre/"
    bad = [
        ({"q-pre-q1": "pre-zzz", "q-pre-q2": "pre-c"}, "Odpowiedzi nie pasują do tego testu."),
        ({"q-pre-q1": "pre-a"}, "Odpowiedz na wszystkie pytania przed wysłaniem."),
        ({**post_data(answers("pre")), "s-pre-x": "1"}, "Odpowiedzi nie pasują do tego testu."),
        ({**post_data(answers("pre")), "q-nieznane": "pre-a"}, "Odpowiedzi nie pasują"),
        ({}, "Odpowiedz na wszystkie pytania przed wysłaniem."),
    ]
    for data, message in bad:
        response = client.post(url, data, follow=True)
        assert response.status_code == 200
        assert message in response.content.decode()
    assert not CompetenceAttempt.objects.exists()
    response = client.post(f"/courses/{course.pk}/competence-test/post/", follow=True)
    assert "Test końcowy otworzy się po ukończeniu" in response.content.decode()
    assert client.get(f"/courses/{course.pk}/competence-test/post/", follow=True).status_code == 200
    assert not CompetenceAttempt.objects.exists()


def test_a_required_pre_test_cannot_be_skipped_but_locks_no_lesson(client, catalogue, learner_lo1):
    course, lessons = comp.measured_course(catalogue)
    enrolment = comp.enrol(learner_lo1, course)
    ready(client, learner_lo1)
    assert "Pomiń" not in section(client, course).get_text()
    response = client.post(f"/courses/{course.pk}/competence-test/pre/skip/", follow=True)
    assert "Testu wstępnego tego szkolenia nie można pominąć." in response.content.decode()
    assert services.assessment_start(enrolment=enrolment).pre_test_skipped_at is None
    assert client.get(lessons[0].url).status_code == 200  # the lessons stay open
