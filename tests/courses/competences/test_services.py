"""The competence services: reference data, grading per outcome and
self-assessment, the gained rule, frozen standard versions and the course
completion that waits for the post-test."""

import pytest

from courses.competences import services
from courses.competences.services import CompetenceError
from courses.models import (
    CompetenceAssessment,
    CompetenceAttempt,
    CompetenceFramework,
    CompetenceStandard,
    Enrolment,
    OutcomeAlignment,
)
from courses.progress import services as progress_services
from tests.courses.competences import factories as comp
from tests.courses.competences.factories import ALL_RIGHT, answers, submit

pytestmark = pytest.mark.django_db


def finish_lessons(user, lessons):
    for lesson in lessons:
        progress_services.lesson_open(user=user, lesson=lesson)
        progress_services.lesson_mark_done(user=user, lesson=lesson)


@pytest.fixture
def measured(catalogue, learner_lo1):
    course, lessons = comp.measured_course(catalogue)
    return {"course": course, "lessons": lessons, "enrolment": comp.enrol(learner_lo1, course)}


def test_digcomp_22_and_30_ship_with_the_app():
    frameworks = {f.code: f for f in CompetenceFramework.objects.all()}
    assert set(frameworks) == {"digcomp-2-2", "digcomp-3-0"}
    for code, levels in (("digcomp-2-2", 8), ("digcomp-3-0", 4)):
        framework = frameworks[code]
        assert framework.levels.count() == levels
        assert framework.areas.count() == 5
        competences = [c for area in framework.areas.all() for c in area.competences.all()]
        assert len(competences) == 21
        assert all(c.name and c.name_en for c in competences)
    assert comp.competence("4.2").name == "Ochrona danych osobowych i prywatności"
    assert str(comp.competence("4.2", "digcomp-3-0")).startswith("DigComp 3.0: 4.2")


def test_pre_and_post_test_are_graded_per_outcome_and_self_assessment(measured, learner_lo1):
    enrolment = measured["enrolment"]
    pre = submit(
        enrolment=enrolment, kind="pre", data=answers("pre", q1="b", q2=("c",), ticked=("s1",))
    )
    assert (pre.score, pre.outcome_scores, pre.self_levels) == (25, {"W1": 0, "U1": 50}, {"U1": 1})
    finish_lessons(learner_lo1, measured["lessons"])
    post = submit(enrolment=enrolment, kind="post", data=answers("post", **ALL_RIGHT))
    assert (post.score, post.outcome_scores, post.self_levels) == (
        100,
        {"W1": 100, "U1": 100},
        {"U1": 3},
    )
    assessment = CompetenceAssessment.objects.get(enrolment=enrolment)
    assert assessment.gained is True and assessment.assessed_at == post.submitted_at
    assert assessment.results == {
        "outcomes": [
            {"code": "W1", "before": 0, "after": 100, "criterion": 60, "met": True},
            {"code": "U1", "before": 50, "after": 100, "criterion": 50, "met": True},
        ],
        "competences": [
            {
                "code": "4.1",
                "name": "Ochrona urządzeń",
                "framework": "digcomp-2-2",
                "target_level": 3,
                "before": None,
                "after": None,
            },
            {
                "code": "4.2",
                "name": "Ochrona danych osobowych i prywatności",
                "framework": "digcomp-2-2",
                "target_level": 4,
                "before": 1,
                "after": 3,
            },
        ],
        "score_before": 25,
        "score_after": 100,
        "gain": 75,
    }


def test_self_assessed_level_needs_every_lower_statement():
    statements = [{"id": "a", "level": 1}, {"id": "b", "level": 2}, {"id": "c", "level": 3}]
    assert services.self_level(statements, {"a", "c"}) == 1
    assert services.self_level(statements, {"b", "c"}) == 0
    assert services.self_level(statements, {"a", "b", "c"}) == 3


def test_a_failed_outcome_is_not_gained_and_a_later_pass_gains_for_good(measured, learner_lo1):
    enrolment = measured["enrolment"]
    submit(enrolment=enrolment, kind="pre", data=answers("pre"))
    finish_lessons(learner_lo1, measured["lessons"])
    submit(enrolment=enrolment, kind="post", data=answers("post", q1="a", q2=("c", "e")))
    assessment = CompetenceAssessment.objects.get(enrolment=enrolment)
    assert assessment.gained is False
    assert [row["met"] for row in assessment.results["outcomes"]] == [True, False]
    submit(enrolment=enrolment, kind="post", data=answers("post", **ALL_RIGHT))
    submit(enrolment=enrolment, kind="post", data=answers("post"))
    assessment.refresh_from_db()
    assert assessment.gained is True and assessment.results["score_after"] == 100
    assert CompetenceAttempt.objects.filter(assessment=assessment, kind="post").count() == 3


def test_minimum_gain_counts_against_the_pre_test(catalogue, learner_lo1, learner_lo2):
    course, lessons = comp.measured_course(catalogue, optional=True, min_gain=50)
    improved, skipped = comp.enrol(learner_lo1, course), comp.enrol(learner_lo2, course)
    submit(
        enrolment=improved, kind="pre", data=answers("pre", q1="a", q2=("c",))
    )  # 75%: a post-test of 100% gains only 25 points
    services.pre_test_skip(enrolment=skipped)
    for enrolment in (improved, skipped):
        finish_lessons(enrolment.user, lessons)
        submit(enrolment=enrolment, kind="post", data=answers("post", **ALL_RIGHT))
    improved_result = CompetenceAssessment.objects.get(enrolment=improved)
    assert (improved_result.gained, improved_result.results["gain"]) == (False, 25)
    skipped_result = CompetenceAssessment.objects.get(enrolment=skipped)
    assert skipped_result.gained is False and skipped_result.results["score_before"] is None
    assert skipped_result.pre_test_skipped_at is not None


def test_a_change_after_the_start_makes_a_new_version_and_keeps_the_old(
    catalogue, learner_lo1, learner_lo2
):
    course, lessons = comp.measured_course(catalogue, pre=False)
    first, second = comp.enrol(learner_lo1, course), comp.enrol(learner_lo2, course)
    v1 = services.assessment_start(enrolment=first).standard
    assert services.standard_current(course=course) == v1  # no change, no new version
    OutcomeAlignment.objects.filter(course=course, outcome="W1").update(pass_percent=100)
    v2 = services.assessment_start(enrolment=second).standard
    assert (v1.number, v2.number) == (1, 2) and v2.frozen_at >= v1.frozen_at
    assert v2.content["outcomes"][0]["pass_percent"] == 100
    # 50% on W1: met against the first participant's 60%? no; 100% needed for the second.
    for enrolment in (first, second):
        finish_lessons(enrolment.user, lessons)
        submit(enrolment=enrolment, kind="post", data=answers("post", q1="a", q2=("c", "d")))
    first_result = CompetenceAssessment.objects.get(enrolment=first)
    second_result = CompetenceAssessment.objects.get(enrolment=second)
    assert first_result.results["outcomes"][0]["criterion"] == 60 and first_result.gained
    assert second_result.results["outcomes"][0]["criterion"] == 100
    assert second_result.gained is True  # 100% meets 100%
    stored = first_result.results
    OutcomeAlignment.objects.filter(course=course).update(pass_percent=10)
    services.standard_current(course=course)
    first_result.refresh_from_db()
    assert first_result.results == stored and first_result.standard == v1
    assert CompetenceStandard.objects.filter(course=course).count() == 3


def test_completion_waits_for_a_post_test_attempt_passed_or_not(measured, learner_lo1):
    enrolment = measured["enrolment"]
    submit(enrolment=enrolment, kind="pre", data=answers("pre"))
    finish_lessons(learner_lo1, measured["lessons"])
    enrolment.refresh_from_db()
    assert enrolment.completed_at is None
    submit(enrolment=enrolment, kind="post", data=answers("post"))
    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None
    assert CompetenceAssessment.objects.get(enrolment=enrolment).gained is False


def test_a_course_without_tests_completes_as_before(catalogue, learner_lo1):
    course, lessons = comp.factories.course_with_lessons(catalogue, 1)
    enrolment = comp.enrol(learner_lo1, course)
    finish_lessons(learner_lo1, lessons)
    assert Enrolment.objects.get(pk=enrolment.pk).completed_at is not None


def test_refusals_say_why_in_polish_and_store_nothing(catalogue, measured, learner_lo1):
    enrolment = measured["enrolment"]
    with pytest.raises(CompetenceError) as error:
        services.pre_test_skip(enrolment=enrolment)
    assert str(error.value) == "Testu wstępnego tego szkolenia nie można pominąć."
    with pytest.raises(CompetenceError) as error:
        submit(enrolment=enrolment, kind="post", data=answers("post", **ALL_RIGHT))
    assert str(error.value) == (
        "Test końcowy otworzy się po ukończeniu wszystkich obowiązkowych lekcji."
    )
    finish_lessons(learner_lo1, measured["lessons"])
    with pytest.raises(CompetenceError) as error:
        submit(enrolment=enrolment, kind="post", data={})
    assert str(error.value) == "Najpierw rozwiąż test wstępny: to szkolenie go wymaga."
    bad = [
        ({"q-pre-q1": "pre-zzz", "q-pre-q2": "pre-c"}, "Odpowiedzi nie pasują do tego testu."),
        ({"q-pre-q1": "pre-a"}, "Odpowiedz na wszystkie pytania przed wysłaniem."),
        ({**answers("pre"), "s-pre-nieznane": "1"}, "Odpowiedzi nie pasują do tego testu."),
        ({**answers("pre"), "q-pre-q1": ["pre-a", "pre-b"]}, "jedną odpowiedź"),
    ]
    for data, message in bad:
        with pytest.raises(CompetenceError) as error:
            submit(enrolment=enrolment, kind="pre", data=data)
        assert message in str(error.value)
    assert not CompetenceAttempt.objects.exists()
    submit(enrolment=enrolment, kind="pre", data=answers("pre"))
    submit(enrolment=enrolment, kind="post", data=answers("post"))
    with pytest.raises(CompetenceError) as error:
        submit(enrolment=enrolment, kind="pre", data=answers("pre"))
    assert str(error.value) == "Test wstępny jest już zamknięty: test końcowy został rozwiązany."
    assert CompetenceAttempt.objects.count() == 2
