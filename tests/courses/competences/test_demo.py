"""The demo course's standard (lms/demo_data, [competences] of the
cyberhygiene course) is built through the page like a trainer's edit, once,
with ids that persist: its standard stays one version across loads, and a
demo learner can take both tests."""

import pytest

from courses import demo
from courses.competences import services
from courses.models import CompetenceStandard, CoursePage
from lms.demo_data import DEMO_DATA, course_data
from tests import factories
from tests.courses.competences import factories as comp
from tests.courses.competences.test_services import finish_lessons

pytestmark = pytest.mark.django_db


def test_the_demo_course_gets_its_alignments_and_tests_once(catalogue, learner_lo1):
    spec = course_data(DEMO_DATA / "courses" / "cyberhigiena-w-urzedzie-i-szkole.toml")
    course, lessons = factories.course_with_lessons(
        catalogue,
        1,
        outcomes_knowledge="\n".join(spec["outcomes_knowledge"]),
        outcomes_skills="\n".join(spec["outcomes_skills"]),
        outcomes_social="\n".join(spec["outcomes_social"]),
    )
    demo._competences(course, spec)
    demo._competences(course, spec)  # a second load keeps what is there
    course = CoursePage.objects.get(pk=course.pk)
    assert [(a.outcome, a.competence.code) for a in course.outcome_alignments.all()] == [
        ("W1", "4.1"),
        ("W2", "4.1"),
        ("U1", "4.1"),
        ("U2", "4.2"),
    ]
    assert sorted(course.competence_tests.values_list("kind", flat=True)) == ["post", "pre"]
    first = services.standard_current(course=course)
    assert services.standard_current(course=CoursePage.objects.get(pk=course.pk)) == first
    assert CompetenceStandard.objects.filter(course=course).count() == 1
    assert first.content["framework"] == {"code": "digcomp-2-2", "name": "DigComp 2.2"}

    enrolment = comp.enrol(learner_lo1, course)
    pre = first.content["pre_test"]
    right = {}
    for item in pre["questions"]:
        if item["type"] == "question":
            right[f"q-{item['id']}"] = [o["id"] for o in item["options"] if o["correct"]]
    attempt = comp.submit(enrolment=enrolment, kind="pre", data=right)
    assert attempt.score == 100
    finish_lessons(learner_lo1, lessons)
    post = first.content["post_test"]
    right = {
        f"q-{item['id']}": [o["id"] for o in item["options"] if o["correct"]]
        for item in post["questions"]
        if item["type"] == "question"
    }
    comp.submit(enrolment=enrolment, kind="post", data=right)
    enrolment.refresh_from_db()
    assert enrolment.competence_assessment.gained is True
