"""Writes of the competence domain: freezing a course's standard as a
version, starting a participant's assessment, skipping the pre-test and
grading pre- and post-test attempts on the server. Keyword-only, atomic;
refusals raise CompetenceError with one of the message constants below.

Grading reuses the lesson quiz's reading and scoring (courses.catalogue.quiz)
on the questions of the participant's frozen standard, so a test always
means what it meant when they started. Once a post-test attempt has gained
the competence, the assessment keeps that result: later attempts are stored
but never take a gained competence away (like course completion)."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.catalogue import quiz
from courses.catalogue.services import CourseError
from courses.models import (
    CompetenceAssessment,
    CompetenceAttempt,
    CompetenceStandard,
    CompetenceTest,
    CoursePage,
    Enrolment,
    OutcomeAlignment,
)
from courses.progress import selectors as progress_selectors
from courses.progress import services as progress_services

NO_TEST = _("This course has no such test.")
LESSONS_FIRST = _("The post-test opens once you have completed every required lesson.")
PRE_TEST_FIRST = _("Take the pre-test first: this course requires it.")
PRE_TEST_CLOSED = _("The pre-test is closed: you have already taken the post-test.")
PRE_TEST_REQUIRED = _("The pre-test of this course cannot be skipped.")
UNKNOWN_STATEMENT = _("The answers do not match this test. Reload the page and try again.")

STATEMENT_PREFIX = "s-"


class CompetenceError(CourseError):
    """A refused competence-test operation."""


def _question_json(child) -> dict:
    """One test block as the standard's QUESTION (ids are the block ids)."""
    value = child.value
    if child.block_type == "self_assessment":
        return {
            "id": child.id,
            "type": "self_assessment",
            "outcome": value["outcome"].strip().upper(),
            "statements": [
                {"id": item.id, "text": str(item.value["text"]), "level": item.value["level"]}
                for item in value["statements"].bound_blocks
            ],
        }
    return {
        "id": child.id,
        "type": "question",
        "outcome": value["outcome"].strip().upper(),
        "kind": value["kind"],
        "text": str(value["text"]),
        "options": [
            {
                "id": item.id,
                "text": str(item.value["text"]),
                "correct": bool(item.value["correct"]),
                "feedback": str(item.value["feedback"] or ""),
            }
            for item in value["options"].bound_blocks
        ],
    }


def standard_content(course: CoursePage) -> dict:
    """The standard as the course states it now (see the shape in
    courses/competences/models.py): its aligned outcomes with competence,
    target level and criterion, the minimum gain and both tests."""
    outcomes = {code: (kind, text) for code, kind, text in course.numbered_outcomes()}
    alignments = OutcomeAlignment.objects.filter(course=course).select_related(
        "competence__area__framework"
    )
    framework = None
    rows = []
    for alignment in alignments:
        kind, text = outcomes.get(alignment.outcome, ("", ""))
        competence = None
        if alignment.competence:
            area = alignment.competence.area
            framework = {"code": area.framework.code, "name": area.framework.name}
            competence = {
                "code": alignment.competence.code,
                "area": area.code,
                "name": alignment.competence.name,
                "name_en": alignment.competence.name_en,
                "framework": area.framework.code,
            }
        rows.append(
            {
                "code": alignment.outcome,
                "kind": kind,
                "text": text,
                "competence": competence,
                "target_level": alignment.target_level,
                "pass_percent": alignment.pass_percent,
            }
        )
    tests = {test.kind: test for test in CompetenceTest.objects.filter(course=course)}
    pre, post = tests.get(CompetenceTest.Kind.PRE), tests.get(CompetenceTest.Kind.POST)
    return {
        "framework": framework,
        "outcomes": rows,
        "min_gain": post.min_gain if post else 0,
        "pre_test": {
            "optional": pre.optional,
            "questions": [_question_json(child) for child in pre.questions],
        }
        if pre
        else None,
        "post_test": {"questions": [_question_json(child) for child in post.questions]}
        if post
        else None,
    }


@transaction.atomic
def standard_current(*, course: CoursePage) -> CompetenceStandard:
    """The version of the course's standard in force: the latest one while
    the live course still states it, else a new version frozen now, so that
    participants who already started keep being assessed against theirs.
    The course row is locked so two first participants make one version."""
    course = CoursePage.objects.select_for_update().get(pk=course.pk)  # the live values
    content = standard_content(course)
    latest = CompetenceStandard.objects.filter(course=course).order_by("-number").first()
    if latest is not None and latest.content == content:
        return latest
    return CompetenceStandard.objects.create(
        course=course, number=(latest.number + 1) if latest else 1, content=content
    )


@transaction.atomic
def assessment_start(*, enrolment: Enrolment) -> CompetenceAssessment:
    """The participant's assessment, bound to the standard in force the
    first time they meet a test (opening or skipping one); idempotent."""
    existing = CompetenceAssessment.objects.filter(enrolment=enrolment).first()
    if existing is not None:
        return existing
    standard = standard_current(course=enrolment.course)
    try:
        with transaction.atomic():
            return CompetenceAssessment.objects.create(enrolment=enrolment, standard=standard)
    except IntegrityError:  # started concurrently: the row exists now
        return CompetenceAssessment.objects.get(enrolment=enrolment)


@transaction.atomic
def pre_test_skip(*, enrolment: Enrolment) -> CompetenceAssessment:
    """Record that the participant chose not to take an optional pre-test
    (their "before" is then unknown, which the results show)."""
    assessment = _locked(assessment_start(enrolment=enrolment))
    pre_test = assessment.standard.content["pre_test"]
    if pre_test is None:
        raise CompetenceError(NO_TEST)
    if not pre_test["optional"]:
        raise CompetenceError(PRE_TEST_REQUIRED)
    if assessment.pre_test_skipped_at is None:
        assessment.pre_test_skipped_at = timezone.now()
        assessment.save(update_fields=["pre_test_skipped_at"])
    return assessment


def _locked(assessment: CompetenceAssessment) -> CompetenceAssessment:
    return (
        CompetenceAssessment.objects.select_for_update(of=("self",))
        .select_related("standard", "enrolment__user", "enrolment__course")
        .get(pk=assessment.pk)
    )


def competence_test_open(*, assessment: CompetenceAssessment, kind: str) -> dict:
    """The participant's test of that kind from their standard, when they
    may take it now (the test page asks before showing it, the submission
    before grading); else CompetenceError saying why."""
    content = assessment.standard.content
    test = content.get("pre_test" if kind == CompetenceTest.Kind.PRE else "post_test")
    if kind not in CompetenceTest.Kind.values or test is None:
        raise CompetenceError(NO_TEST)
    attempts = CompetenceAttempt.objects.filter(assessment=assessment)
    enrolment = assessment.enrolment
    if kind == CompetenceTest.Kind.PRE:
        if attempts.filter(kind=CompetenceTest.Kind.POST).exists():
            raise CompetenceError(PRE_TEST_CLOSED)
        return test
    if progress_selectors.required_lessons_pending(enrolment.user_id, enrolment.course).exists():
        raise CompetenceError(LESSONS_FIRST)
    pre_test = content["pre_test"]
    if (
        pre_test
        and not pre_test["optional"]
        and not attempts.filter(kind=CompetenceTest.Kind.PRE).exists()
    ):
        raise CompetenceError(PRE_TEST_FIRST)
    return test


def graded_items(test: dict) -> list[tuple[str, dict, list[tuple[str, dict]]]]:
    """The test's graded questions as courses.catalogue.quiz reads them."""
    return [
        (item["id"], item, [(option["id"], option) for option in item["options"]])
        for item in test["questions"]
        if item["type"] == "question"
    ]


def _read_statements(test: dict, data) -> list[str]:
    known = {
        statement["id"]
        for item in test["questions"]
        if item["type"] == "self_assessment"
        for statement in item["statements"]
    }
    ticked = {key[len(STATEMENT_PREFIX) :] for key in data if key.startswith(STATEMENT_PREFIX)}
    if not ticked <= known:
        raise CompetenceError(UNKNOWN_STATEMENT)
    return sorted(ticked)


def self_level(statements: list[dict], ticked: set[str]) -> int:
    """The highest level L such that every statement at a level up to L was
    ticked; 0 when the lowest level's statements were not all ticked."""
    reached = 0
    for level in sorted({statement["level"] for statement in statements}):
        if not all(s["id"] in ticked for s in statements if s["level"] == level):
            break
        reached = level
    return reached


def attempt_scores(test: dict, answers: dict) -> tuple[int, dict[str, int], dict[str, int]]:
    """(score, {outcome: percent}, {outcome: self-assessed level}) of
    answers {"questions": {id: [option ids]}, "statements": [ids]}: an
    outcome's percent is the mean of its questions' scores, in whole percent;
    the test's score is the mean over all its questions."""
    score, results = quiz.grade(graded_items(test), answers["questions"])
    outcome_of = {item["id"]: item["outcome"] for item in test["questions"]}
    per_outcome: dict[str, list[float]] = {}
    for result in results:
        per_outcome.setdefault(outcome_of[result.id], []).append(result.score)
    outcome_scores = {code: round(100 * sum(s) / len(s)) for code, s in per_outcome.items()}
    statements: dict[str, list[dict]] = {}
    for item in test["questions"]:
        if item["type"] == "self_assessment":
            statements.setdefault(item["outcome"], []).extend(item["statements"])
    ticked = set(answers["statements"])
    levels = {code: self_level(items, ticked) for code, items in statements.items()}
    return score, outcome_scores, levels


def _competence_level(content: dict, code: str, levels: dict[str, int] | None) -> int | None:
    """A competence's self-assessed level: the lowest over its outcomes with
    statements (the level reached on all of them); None without statements."""
    if levels is None:
        return None
    found = [
        levels[outcome["code"]]
        for outcome in content["outcomes"]
        if outcome["competence"] and outcome["competence"]["code"] == code
        if outcome["code"] in levels
    ]
    return min(found) if found else None


def assessment_results(
    content: dict, before: CompetenceAttempt | None, after: CompetenceAttempt
) -> tuple[dict, bool]:
    """The results (shape in courses/competences/models.py) and whether the
    competence is gained: every outcome the post-test scores meets its
    criterion (at least one is scored) and, with a minimum gain, the
    post-test score exceeds the pre-test's by it (not gained without a
    pre-test). An outcome the post-test does not score is not met."""
    outcomes = []
    for outcome in content["outcomes"]:
        score_after = after.outcome_scores.get(outcome["code"])
        outcomes.append(
            {
                "code": outcome["code"],
                "before": before.outcome_scores.get(outcome["code"]) if before else None,
                "after": score_after,
                "criterion": outcome["pass_percent"],
                "met": score_after is not None and score_after >= outcome["pass_percent"],
            }
        )
    competences = {}
    for outcome in content["outcomes"]:
        competence = outcome["competence"]
        if competence is None or competence["code"] in competences:
            continue
        targets = [
            o["target_level"]
            for o in content["outcomes"]
            if o["competence"] and o["competence"]["code"] == competence["code"]
            if o["target_level"]
        ]
        competences[competence["code"]] = {
            "code": competence["code"],
            "name": competence["name"],
            "framework": competence["framework"],
            "target_level": max(targets) if targets else None,
            "before": _competence_level(
                content, competence["code"], before.self_levels if before else None
            ),
            "after": _competence_level(content, competence["code"], after.self_levels),
        }
    score_before = before.score if before else None
    gain = after.score - score_before if score_before is not None else None
    scored = [row for row in outcomes if row["after"] is not None]
    gained = bool(scored) and all(row["met"] for row in scored)
    if content["min_gain"]:
        gained = gained and gain is not None and gain >= content["min_gain"]
    results = {
        "outcomes": outcomes,
        "competences": list(competences.values()),
        "score_before": score_before,
        "score_after": after.score,
        "gain": gain,
    }
    return results, gained


@transaction.atomic
def competence_attempt_submit(*, enrolment: Enrolment, kind: str, data) -> CompetenceAttempt:
    """Grade a posted pre- or post-test against the participant's frozen
    standard and store the attempt; a post-test attempt also stores the
    before/after results and whether the competence is gained, and lets a
    course that waited for it complete."""
    assessment = _locked(assessment_start(enrolment=enrolment))
    content = assessment.standard.content
    attempts = CompetenceAttempt.objects.filter(assessment=assessment)
    test = competence_test_open(assessment=assessment, kind=kind)
    try:
        answers = {
            "questions": quiz.read_answers(graded_items(test), data),
            "statements": _read_statements(test, data),
        }
    except quiz.QuizInputError as error:
        raise CompetenceError(error.message) from None
    score, outcome_scores, levels = attempt_scores(test, answers)
    attempt = CompetenceAttempt.objects.create(
        assessment=assessment,
        kind=kind,
        number=attempts.filter(kind=kind).count() + 1,
        answers=answers,
        outcome_scores=outcome_scores,
        self_levels=levels,
        score=score,
    )
    if kind == CompetenceTest.Kind.POST and not assessment.gained:
        before = attempts.filter(kind=CompetenceTest.Kind.PRE).order_by("-number").first()
        assessment.results, assessment.gained = assessment_results(content, before, attempt)
        assessment.assessed_at = attempt.submitted_at
        assessment.save(update_fields=["results", "gained", "assessed_at"])
    if kind == CompetenceTest.Kind.POST:
        progress_services.course_completion_check(user=enrolment.user, course=enrolment.course)
    return attempt
