"""The courses part of "download my data": enrolments, lesson progress,
quiz attempts, learning sessions, H5P results and statements, SCORM/cmi5
attempts, certificates, and competence assessments with their test attempts,
registered into accounts' export."""

import json
from typing import Any

from django.db.models import Prefetch

from accounts.models import User
from courses.models import CompetenceAttempt


def _iso(value):
    return value.isoformat() if value else None


def enrolments(user: User) -> list[dict[str, Any]]:
    return [
        {
            "course": enrolment.course.title,
            "how": enrolment.method,
            "enrolled_at": _iso(enrolment.enrolled_at),
            "deadline": _iso(enrolment.deadline),
            "completed_at": _iso(enrolment.completed_at),
            "withdrawn_at": _iso(enrolment.withdrawn_at),
        }
        for enrolment in user.enrolments.select_related("course").order_by("enrolled_at")
    ]


def lesson_progress(user: User) -> list[dict[str, Any]]:
    return [
        {
            "lesson": progress.lesson.title,
            "status": progress.status,
            "first_opened_at": _iso(progress.first_opened_at),
            "completed_at": _iso(progress.completed_at),
            "best_score": progress.best_score,
            "effective_seconds": progress.effective_seconds,
        }
        for progress in user.lesson_progress.select_related("lesson").order_by("first_opened_at")
    ]


def quiz_attempts(user: User) -> list[dict[str, Any]]:
    return [
        {
            "lesson": attempt.lesson.title,
            "attempt": attempt.number,
            "score": attempt.score,
            "passed": attempt.passed,
            "submitted_at": _iso(attempt.submitted_at),
        }
        for attempt in user.quiz_attempts.select_related("lesson").order_by("submitted_at")
    ]


def learning_sessions(user: User) -> list[dict[str, Any]]:
    return [
        {
            "lesson": session.lesson.title,
            "started_at": _iso(session.started_at),
            "last_seen_at": _iso(session.last_seen_at),
            "active_seconds": session.active_seconds,
        }
        for session in user.learning_sessions.select_related("lesson").order_by("started_at")
    ]


def h5p_results(user: User) -> list[dict[str, Any]]:
    return [
        {
            "lesson": result.lesson.title,
            "activity": result.activity_id,
            "attempts": result.attempts,
            "best_score": result.best_score,
            "completed_at": _iso(result.completed_at),
        }
        for result in user.h5p_results.select_related("lesson").order_by("pk")
    ]


def h5p_statements(user: User) -> list[dict[str, Any]]:
    """The interaction records as received (the raw xAPI statement included)."""
    return [
        {
            "activity": statement.activity_id,
            "verb": statement.verb,
            "score": statement.score_raw,
            "max_score": statement.score_max,
            "received_at": _iso(statement.created_at),
            "statement": statement.raw,
        }
        for statement in user.h5p_statements.order_by("created_at")
    ]


def package_attempts(user: User) -> list[dict[str, Any]]:
    """Every attempt at a SCORM/cmi5 part, with what the package stored."""
    return [
        {
            "lesson": attempt.lesson.title,
            "package": attempt.package.title,
            "part": attempt.unit,
            "attempt": attempt.number,
            "completion_status": attempt.completion_status,
            "success_status": attempt.success_status,
            "best_score": attempt.best_score,
            "location": attempt.location,
            "suspend_data": attempt.suspend_data,
            "interactions": attempt.interactions,
            "time_reported_by_the_package_seconds": attempt.reported_seconds,
            "started_at": _iso(attempt.started_at),
            "last_commit_at": _iso(attempt.updated_at),
            "done_at": _iso(attempt.done_at),
        }
        for attempt in user.scorm_attempts.select_related("lesson", "package").order_by("pk")
    ]


def package_sequencing(user: User) -> list[dict[str, Any]]:
    """Where the learner stands in each SCORM 2004 package's sequencing, as
    their browser saved it."""
    return [
        {
            "lesson": state.lesson.title,
            "package": state.package.title,
            "saved_at": _iso(state.updated_at),
            "state": json.loads(state.state),
        }
        for state in user.scorm_sequencing.select_related("lesson", "package").order_by("pk")
    ]


def certificates(user: User) -> list[dict[str, Any]]:
    return [
        {
            "number": certificate.number,
            "status": certificate.status,
            "course": certificate.course_title,
            "holder_name": certificate.holder_name,
            "gender": certificate.learner_gender,
            "institution": certificate.institution_name,
            "hours": str(certificate.hours),
            "start_date": _iso(certificate.start_date),
            "end_date": _iso(certificate.end_date),
            "issued_at": _iso(certificate.issued_at),
            "revoked_at": _iso(certificate.revoked_at),
            "verification_url": certificate.verification_url,
        }
        for certificate in user.certificates.order_by("issued_at")
    ]


def _competence_assessment(enrolment) -> dict[str, Any]:
    assessment = enrolment.competence_assessment
    results = assessment.results or {}
    return {
        "course": enrolment.course.title,
        "standard_version": assessment.standard.number,
        "started_at": _iso(assessment.started_at),
        "pre_test_skipped_at": _iso(assessment.pre_test_skipped_at),
        "assessed_at": _iso(assessment.assessed_at),
        "gained": assessment.gained,
        "outcomes": [
            {key: outcome.get(key) for key in ("code", "before", "after", "met")}
            for outcome in results.get("outcomes", [])
        ],
        "score_before": results.get("score_before"),
        "score_after": results.get("score_after"),
    }


def competence_assessments(user: User) -> list[dict[str, Any]]:
    """Each course's competence record: the standard version the learner
    was assessed against, and their result per outcome before and after."""
    enrolments = (
        user.enrolments.filter(competence_assessment__isnull=False)
        .select_related("course", "competence_assessment__standard")
        .defer("competence_assessment__standard__content")
        .order_by("competence_assessment__started_at", "pk")
    )
    return [_competence_assessment(enrolment) for enrolment in enrolments]


def competence_attempts(user: User) -> list[dict[str, Any]]:
    """Every pre- and post-test attempt, with the answers as submitted."""
    enrolments = (
        user.enrolments.filter(competence_assessment__isnull=False)
        .select_related("course", "competence_assessment")
        .prefetch_related(
            Prefetch(
                "competence_assessment__attempts",
                queryset=CompetenceAttempt.objects.order_by("submitted_at", "pk"),
            )
        )
        .order_by("competence_assessment__started_at", "pk")
    )
    return [
        {
            "course": enrolment.course.title,
            "test": attempt.kind,
            "attempt": attempt.number,
            "score": attempt.score,
            "submitted_at": _iso(attempt.submitted_at),
            "answers": attempt.answers,
        }
        for enrolment in enrolments
        for attempt in enrolment.competence_assessment.attempts.all()
    ]


SECTIONS = {
    "enrolments": enrolments,
    "lesson_progress": lesson_progress,
    "quiz_attempts": quiz_attempts,
    "learning_sessions": learning_sessions,
    "h5p_results": h5p_results,
    "h5p_statements": h5p_statements,
    "package_attempts": package_attempts,
    "package_sequencing": package_sequencing,
    "certificates": certificates,
    "competence_assessments": competence_assessments,
    "competence_attempts": competence_attempts,
}
