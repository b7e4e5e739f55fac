"""Reads of the competence domain."""

from typing import Any

from django.db.models import Exists, F, OuterRef, Q, Subquery

from courses.models import (
    CompetenceAssessment,
    CompetenceAttempt,
    CompetenceStandard,
    CompetenceTest,
    CoursePage,
    Enrolment,
)
from courses.progress import selectors as progress_selectors
from lms import site_cache

# --- The learner's pages and the completion rule --------------------------

# A post-test attempt of the enrolment's current attempt at the course: a
# re-certification (Enrolment.attempt_started_at) asks for the post-test again.
IN_CURRENT_ATTEMPT = Q(assessment__enrolment__attempt_started_at__isnull=True) | Q(
    submitted_at__gte=F("assessment__enrolment__attempt_started_at")
)


def course_competence_state(course: CoursePage, enrolment: Enrolment) -> Any:
    """The enrolment (annotated, hence typed Any) with what the course page's
    competence section needs, in one query: the course's tests (pre-test
    optional or not, post-test present), the participant's assessment and
    standard, whether they took each test, and whether required lessons are
    still to be done."""
    tests = CompetenceTest.objects.filter(course=OuterRef("course_id"))
    attempts = CompetenceAttempt.objects.filter(assessment__enrolment=OuterRef("pk"))
    pending = progress_selectors.required_lessons_pending(enrolment.user_id, course)
    return (
        Enrolment.objects.filter(pk=enrolment.pk)
        .select_related("competence_assessment__standard")
        .annotate(
            pre_test_optional=Subquery(
                tests.filter(kind=CompetenceTest.Kind.PRE).values("optional")[:1]
            ),
            has_post_test=Exists(tests.filter(kind=CompetenceTest.Kind.POST)),
            pre_attempted=Exists(attempts.filter(kind=CompetenceTest.Kind.PRE)),
            post_attempted=Exists(attempts.filter(kind=CompetenceTest.Kind.POST)),
            post_attempted_now=Exists(
                attempts.filter(IN_CURRENT_ATTEMPT, kind=CompetenceTest.Kind.POST)
            ),
            lessons_pending=Exists(pending),
        )
        .get()
    )


def course_is_measured(course: CoursePage) -> bool:
    """Whether the course has a pre- or post-test, or had one that someone
    started (their results stay on show): the same for everyone, so kept per
    process until a page or test changes (lms.site_cache), and the many
    courses without tests cost the course page no query. A standard version
    is only ever made while a test exists, so it never turns this to True."""

    def build():
        return (
            CompetenceTest.objects.filter(course=course).exists()
            or CompetenceStandard.objects.filter(course=course).exists()
        )

    return site_cache.memo(f"courses:competence-measured:{course.pk}", build)


def _assessment(enrolment: Enrolment) -> CompetenceAssessment | None:
    try:
        return enrolment.competence_assessment
    except CompetenceAssessment.DoesNotExist:
        return None


def course_page_section(request, course: CoursePage, enrolment: Enrolment) -> dict:
    """The competence tests and results on an enrolled learner's course page
    (a section of courses.progress.sections): the pre-test before the
    lessons, the post-test once the required lessons are done, the results
    after it. The tests shown are those of the participant's standard once
    they started, else the course's current ones. One query, none for a
    course without tests."""
    if not course_is_measured(course):
        return {}
    state = course_competence_state(course, enrolment)
    assessment = _assessment(state)
    if assessment is not None:
        content = assessment.standard.content
        pre_test, post_test = content["pre_test"], content["post_test"]
        has_pre = pre_test is not None
        optional = bool(pre_test and pre_test["optional"])
        has_post = post_test is not None
    else:
        has_pre = state.pre_test_optional is not None
        optional = bool(state.pre_test_optional)
        has_post = state.has_post_test
    if not (has_pre or has_post):
        return {}
    skipped = assessment is not None and assessment.pre_test_skipped_at is not None
    pre_open = has_pre and not state.pre_attempted and not skipped and not state.post_attempted
    post_open = has_post and not state.lessons_pending and not (pre_open and not optional)
    return {
        "competences": {
            "pre_test": pre_open,
            "pre_test_optional": optional,
            # Gained: nothing to retake, until a re-certification asks again.
            "post_test": post_open
            and not (assessment and assessment.gained and state.post_attempted_now),
            "post_retake": state.post_attempted,
            "post_test_later": has_post and state.lessons_pending,
            "results": results_view(assessment) if assessment and assessment.assessed_at else None,
        }
    }


def results_view(assessment: CompetenceAssessment) -> dict:
    """The stored results with the outcomes' texts and the competences'
    target levels, as the learner reads them (from their standard)."""
    content = assessment.standard.content
    texts = {outcome["code"]: outcome for outcome in content["outcomes"]}
    results = assessment.results
    outcomes = [
        {**row, "text": texts.get(row["code"], {}).get("text", "")} for row in results["outcomes"]
    ]
    return {
        "gained": assessment.gained,
        "outcomes": outcomes,
        "missing": [row for row in outcomes if not row["met"]],
        "competences": results["competences"],
        "score_before": results["score_before"],
        "score_after": results["score_after"],
        "gain": results["gain"],
        "framework": content["framework"],
    }


def post_test_rule(user_id: int, course: CoursePage) -> bool:
    """The completion rule (a rule of courses.progress.rules): a course with
    a post-test completes once the learner submitted a post-test attempt,
    passed or not (completion certifies participation; the gain is its own
    indicator), in the current attempt: a re-certification is assessed anew."""
    if not CompetenceTest.objects.filter(course=course, kind=CompetenceTest.Kind.POST).exists():
        return True  # one query for the courses without one
    # Held until a post-test attempt, unless the participant's standard
    # predates the post-test (they could never take it).
    post_attempts = CompetenceAttempt.objects.filter(
        IN_CURRENT_ATTEMPT, assessment=OuterRef("pk"), kind=CompetenceTest.Kind.POST
    )
    return CompetenceAssessment.objects.filter(
        Q(Exists(post_attempts)) | Q(standard__content__post_test=None),
        enrolment__user_id=user_id,
        enrolment__course=course,
        enrolment__withdrawn_at__isnull=True,
    ).exists()


def test_page_enrolment(user, course_id: int) -> Enrolment | None:
    """The learner's active enrolment on a live course, with the course."""
    return (
        Enrolment.objects.active()
        .filter(user=user, course_id=course_id, course__live=True)
        .select_related("course", "user")
        .first()
    )
