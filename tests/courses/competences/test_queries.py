"""Query budgets of the new pages: the course page with the competence
section (results shown) and the post-test page cost the same for 1 and for
50 learning outcomes and questions."""

import pytest

from courses.competences.blocks import CompetenceTestBlock
from courses.models import CompetenceTest, OutcomeAlignment
from tests import factories
from tests.courses.competences import factories as comp
from tests.courses.competences.test_pages import post_data, ready
from tests.courses.competences.test_services import finish_lessons

pytestmark = pytest.mark.django_db

# The course page's 7 (tests/courses/catalogue/test_learner_pages.py), the
# competence section's one read and the certificate (the post-test completed
# the course); the test page: the site generation,
# session, user, the enrolment with its course, the assessment with its
# standard, the required lessons left, the attempts so far, the site root.
COURSE_PAGE = 9
POST_TEST_PAGE = 8


def big_course(catalogue, count):
    outcomes = "\n".join(f"Zna zasadę numer {n}" for n in range(1, count + 1))
    course, lessons = factories.course_with_lessons(catalogue, 1, outcomes_knowledge=outcomes)
    questions = []
    for n in range(1, count + 1):
        OutcomeAlignment.objects.create(
            course=course, outcome=f"W{n}", competence=comp.competence("4.1"), target_level=2
        )
        question = comp.questions_raw(f"p{n}")[0]
        question["value"]["outcome"] = f"W{n}"
        questions.append(question)
    CompetenceTest.objects.create(
        course=course, kind="post", questions=CompetenceTestBlock().to_python(questions)
    )
    return course, lessons


@pytest.mark.parametrize("count", [1, 50])
def test_course_and_test_pages_cost_the_same_for_1_and_50_outcomes(
    client, catalogue, learner_lo1, django_assert_num_queries, count
):
    course, lessons = big_course(catalogue, count)
    comp.enrol(learner_lo1, course)
    ready(client, learner_lo1)
    finish_lessons(learner_lo1, lessons)
    url = f"/courses/{course.pk}/competence-test/post/"
    client.get(url)  # starts the assessment; caches warm
    with django_assert_num_queries(POST_TEST_PAGE):
        page = client.get(url)
    assert page.content.decode().count('type="radio"') == 2 * count
    wrong = {f"q-p{n}-q1": f"p{n}-b" for n in range(1, count + 1)}
    client.post(url, post_data(wrong))
    client.get(course.url)
    with django_assert_num_queries(COURSE_PAGE):
        response = client.get(course.url)
    assert f"W{count} Zna zasadę numer {count}" in response.content.decode()
