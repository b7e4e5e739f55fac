"""Reading what a SCO commits: the CMI data model of SCORM 1.2 (`cmi.core.*`)
and SCORM 2004 (`cmi.*`), as scorm-again posts it (`{"cmi": {...}}`).

The browser is never trusted beyond progress: every value is checked
against the data model (types, vocabularies, lengths: `suspend_data` up to
4,096 characters in 1.2 and 64,000 in 2004), a score outside its range is
refused, and the result is a normalized `Commit` that the services store.
Pure: a dict in, a `Commit` out, or `CommitError` saying what is wrong."""

import math
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext_lazy as _

from courses.scorm import manifest
from lms.errors import TemplatedError

NOT_AN_OBJECT = _("The package sent data the platform cannot read.")
BAD_VOCABULARY = _("The package sent “%(value)s” as %(element)s, which is not an allowed value.")
TOO_LONG = _("The package sent more than %(limit)s characters as %(element)s.")
NOT_A_NUMBER = _("The package sent “%(value)s” as %(element)s, which is not a number.")
OUT_OF_RANGE = _("The package sent the score %(value)s, outside its range (%(low)s to %(high)s).")
BAD_TIME = _("The package sent “%(value)s” as %(element)s, which is not a time span.")
TOO_MANY_INTERACTIONS = _("The package sent more than %(limit)s interactions.")

MAX_INTERACTIONS = 250
COMPLETED, INCOMPLETE, NOT_ATTEMPTED, UNKNOWN = (
    "completed",
    "incomplete",
    "not attempted",
    "unknown",
)
PASSED, FAILED = "passed", "failed"

LESSON_STATUS_12 = {"passed", "completed", "failed", "incomplete", "browsed", "not attempted"}
EXIT_12 = {"", "time-out", "suspend", "logout"}
INTERACTION_TYPES_12 = {
    "true-false", "choice", "fill-in", "matching", "performance", "sequencing", "likert",
    "numeric",
}  # fmt: skip
RESULTS_12 = {"correct", "wrong", "unanticipated", "neutral"}
COMPLETION_2004 = {COMPLETED, INCOMPLETE, NOT_ATTEMPTED, UNKNOWN}
SUCCESS_2004 = {PASSED, FAILED, UNKNOWN}
EXIT_2004 = {"", "time-out", "suspend", "logout", "normal"}
INTERACTION_TYPES_2004 = INTERACTION_TYPES_12 | {"long-fill-in", "other"}
RESULTS_2004 = {"correct", "incorrect", "unanticipated", "neutral"}

# CMITimespan (1.2): HHHH:MM:SS.SS; timeinterval (2004): ISO 8601 duration.
TIMESPAN_12 = re.compile(r"^(\d{2,4}):([0-5]\d):([0-5]\d)(\.\d{1,2})?$")
DURATION = re.compile(
    r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?"
    r"(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d{1,2})?)S)?)?$"
)
DURATION_SECONDS = (365 * 86400, 30 * 86400, 86400, 3600, 60, 1)


class CommitError(TemplatedError):
    """A refused commit: nothing of it is stored."""


@dataclass(frozen=True)
class Commit:
    """One SCO's committed state, in SCORM 2004's terms for both versions
    (1.2's lesson_status split into completion and success)."""

    completion: str = UNKNOWN
    success: str = UNKNOWN
    score_raw: float | None = None
    score_min: float | None = None
    score_max: float | None = None
    score_scaled: float | None = None
    location: str = ""
    suspend_data: str = ""
    exit: str = ""
    session_seconds: float = 0
    total_seconds: float | None = None
    progress_measure: float | None = None
    interactions: list[dict] = field(default_factory=list)

    @property
    def score_percent(self) -> float | None:
        """The score as a percentage: the scaled score, else raw within
        min and max, else raw on SCORM 1.2's customary 0 to 100."""
        if self.score_scaled is not None:
            return max(0.0, self.score_scaled) * 100
        if self.score_raw is None:
            return None
        low = self.score_min if self.score_min is not None else 0.0
        high = self.score_max if self.score_max is not None else 100.0
        return (self.score_raw - low) / (high - low) * 100 if high > low else None


def _text(values: dict, key: str, element: str, limit: int) -> str:
    value = values.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        raise CommitError(NOT_AN_OBJECT)
    value = str(value)
    if len(value) > limit:
        raise CommitError(TOO_LONG, limit=limit, element=element)
    return value


def _choice(values: dict, key: str, element: str, allowed: set[str], default: str = "") -> str:
    value = _text(values, key, element, 64) or default
    if value not in allowed:
        raise CommitError(BAD_VOCABULARY, value=value[:40], element=element)
    return value


def _number(values: dict, key: str, element: str) -> float | None:
    value = values.get(key, "")
    if value in ("", None):
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise CommitError(NOT_A_NUMBER, value=str(value)[:40], element=element)
    try:
        number = float(Decimal(str(value).strip()))
    except (InvalidOperation, ValueError):
        raise CommitError(NOT_A_NUMBER, value=str(value)[:40], element=element) from None
    if not math.isfinite(number) or abs(number) > 1e9:
        raise CommitError(NOT_A_NUMBER, value=str(value)[:40], element=element)
    return number


def _object(values, key: str) -> dict:
    value = values.get(key, {}) if isinstance(values, dict) else None
    if value in ("", None):
        return {}
    if not isinstance(value, dict):
        raise CommitError(NOT_AN_OBJECT)
    return value


def _seconds(value: str, element: str, pattern: re.Pattern) -> float:
    if not value:
        return 0.0
    match = pattern.match(value)
    if match is None or value in ("P", "PT") or value.endswith("T"):
        raise CommitError(BAD_TIME, value=value[:40], element=element)
    if pattern is TIMESPAN_12:
        hours, minutes, seconds, fraction = match.groups()
        return int(hours) * 3600 + int(minutes) * 60 + int(seconds) + float(fraction or 0)
    return sum(
        float(part or 0) * unit for part, unit in zip(match.groups(), DURATION_SECONDS, strict=True)
    )


def _score(score: dict, prefix: str, *, scaled: bool) -> dict:
    raw = _number(score, "raw", f"{prefix}.raw")
    low = _number(score, "min", f"{prefix}.min")
    high = _number(score, "max", f"{prefix}.max")
    if raw is not None and (low is not None or high is not None):
        floor = low if low is not None else -math.inf
        ceiling = high if high is not None else math.inf
        if not floor <= raw <= ceiling:
            raise CommitError(OUT_OF_RANGE, value=raw, low=low, high=high)
    result = {"score_raw": raw, "score_min": low, "score_max": high}
    if scaled:
        value = _number(score, "scaled", f"{prefix}.scaled")
        if value is not None and not -1 <= value <= 1:
            raise CommitError(OUT_OF_RANGE, value=value, low=-1, high=1)
        result["score_scaled"] = value
    return result


def _interactions(values: dict, *, scorm12: bool) -> list[dict]:
    """scorm-again sends lists as objects keyed by index."""
    found = _object(values, "interactions")
    if len(found) > MAX_INTERACTIONS:
        raise CommitError(TOO_MANY_INTERACTIONS, limit=MAX_INTERACTIONS)
    kinds = INTERACTION_TYPES_12 if scorm12 else INTERACTION_TYPES_2004
    results = RESULTS_12 if scorm12 else RESULTS_2004
    response_key = "student_response" if scorm12 else "learner_response"
    limit = 255 if scorm12 else 4000
    interactions = []
    for key in sorted(found, key=lambda key: int(key) if str(key).isdigit() else 0):
        item = _object(found, key)
        element = f"cmi.interactions.{str(key)[:6]}"
        kind = _text(item, "type", f"{element}.type", 32)
        if kind and kind not in kinds:
            raise CommitError(BAD_VOCABULARY, value=kind[:40], element=f"{element}.type")
        result = _text(item, "result", f"{element}.result", 64)
        if result and result not in results:
            _number(item, "result", f"{element}.result")  # a numeric result is allowed
        interactions.append(
            {
                "id": _text(item, "id", f"{element}.id", limit),
                "type": kind,
                "response": _text(item, response_key, f"{element}.{response_key}", limit),
                "result": result,
            }
        )
    return interactions


def commit_read(version: str, data) -> Commit:
    """The commit a SCO of a package of `version` posted (scorm-again's JSON)."""
    cmi = _object(data, "cmi") if isinstance(data, dict) else None
    if not cmi:
        raise CommitError(NOT_AN_OBJECT)
    if version == manifest.SCORM12:
        return _commit_12(cmi)
    return _commit_2004(cmi)


def _commit_12(cmi: dict) -> Commit:
    core = _object(cmi, "core")
    status = _choice(
        core, "lesson_status", "cmi.core.lesson_status", LESSON_STATUS_12, NOT_ATTEMPTED
    )
    completion = (
        COMPLETED if status in ("passed", "completed", "failed")
        else NOT_ATTEMPTED if status == "not attempted" else INCOMPLETE
    )  # fmt: skip
    success = status if status in (PASSED, FAILED) else UNKNOWN
    return Commit(
        completion=completion,
        success=success,
        **_score(_object(core, "score"), "cmi.core.score", scaled=False),
        location=_text(core, "lesson_location", "cmi.core.lesson_location", 255),
        suspend_data=_text(cmi, "suspend_data", "cmi.suspend_data", 4096),
        exit=_choice(core, "exit", "cmi.core.exit", EXIT_12),
        session_seconds=_seconds(
            _text(core, "session_time", "cmi.core.session_time", 32),
            "cmi.core.session_time",
            TIMESPAN_12,
        ),
        total_seconds=_seconds(
            _text(core, "total_time", "cmi.core.total_time", 32),
            "cmi.core.total_time",
            TIMESPAN_12,
        )
        or None,
        interactions=_interactions(cmi, scorm12=True),
    )


def _commit_2004(cmi: dict) -> Commit:
    progress = _number(cmi, "progress_measure", "cmi.progress_measure")
    if progress is not None and not 0 <= progress <= 1:
        raise CommitError(OUT_OF_RANGE, value=progress, low=0, high=1)
    return Commit(
        completion=_choice(
            cmi, "completion_status", "cmi.completion_status", COMPLETION_2004, UNKNOWN
        ),
        success=_choice(cmi, "success_status", "cmi.success_status", SUCCESS_2004, UNKNOWN),
        **_score(_object(cmi, "score"), "cmi.score", scaled=True),
        location=_text(cmi, "location", "cmi.location", 1000),
        suspend_data=_text(cmi, "suspend_data", "cmi.suspend_data", 64000),
        exit=_choice(cmi, "exit", "cmi.exit", EXIT_2004),
        session_seconds=_seconds(
            _text(cmi, "session_time", "cmi.session_time", 64), "cmi.session_time", DURATION
        ),
        total_seconds=_seconds(
            _text(cmi, "total_time", "cmi.total_time", 64), "cmi.total_time", DURATION
        )
        or None,
        progress_measure=progress,
        interactions=_interactions(cmi, scorm12=False),
    )
