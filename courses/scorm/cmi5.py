"""cmi5 on our side (the cmi5 specification, "quartz"): the launch
parameters and the LMS.LaunchData document we give an AU, and the rules for
the statements it sends to our minimal xAPI endpoint. Only the cmi5-defined
statements of the AU itself are accepted, for its registration and session,
in the order cmi5 prescribes: "initialized" first, "completed" once per
registration, "passed" or "failed" once per session (never "passed" below
the mastery score, never "failed" at it, nothing after "passed"),
"terminated" last. Pure: dicts in, a `Statement` out, or `StatementError`."""

import math
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from lms.errors import TemplatedError

VERBS = "http://adlnet.gov/expapi/verbs/"
SESSION_EXTENSION = "https://w3id.org/xapi/cmi5/context/extensions/sessionid"
INITIALIZED, COMPLETED, PASSED, FAILED, TERMINATED = (
    "initialized", "completed", "passed", "failed", "terminated",
)  # fmt: skip
ACCEPTED = (INITIALIZED, COMPLETED, PASSED, FAILED, TERMINATED)

NOT_A_STATEMENT = _("The AU sent something that is not an xAPI statement.")
VERB_NOT_ACCEPTED = _("The AU sent the verb “%(verb)s”, which this platform does not accept.")
WRONG_ACTIVITY = _("The statement is about another activity than this AU.")
WRONG_REGISTRATION = _("The statement belongs to another registration or session.")
OUT_OF_ORDER = _("The statement “%(verb)s” is not allowed now: %(reason)s")
BAD_SCORE = _("The statement's scaled score %(value)s is not between -1 and 1.")
NOT_INITIALIZED = _("the session has not been initialized.")
ALREADY_INITIALIZED = _("the session was initialized already.")
ALREADY_TERMINATED = _("the session has ended.")
ALREADY_COMPLETED = _("the AU was completed already in this registration.")
ALREADY_JUDGED = _("the session has a result already.")
BELOW_MASTERY = _("the score is below the mastery score.")
AT_MASTERY = _("the score reaches the mastery score.")


class StatementError(TemplatedError):
    """A refused statement: nothing of the batch it came in is stored."""


@dataclass(frozen=True)
class Statement:
    """What the platform reads from one accepted statement."""

    verb: str
    score_scaled: float | None = None


@dataclass
class SessionState:
    """What the order rules need to know of a session and its registration."""

    initialized: bool = False
    terminated: bool = False
    judged: bool = False
    completed: bool = False
    passed: bool = False


def actor(user) -> dict:
    """The learner as an xAPI agent: an account on this platform, by id."""
    return {
        "objectType": "Agent",
        "account": {"homePage": settings.SITE_URL, "name": str(user.pk)},
        "name": f"{user.first_name} {user.last_name}".strip() or user.email,
    }


def launch_data(*, session_id: str, move_on: str, mastery: float | None, return_url: str):
    """The LMS.LaunchData state document (cmi5 section 10.2.1)."""
    data = {
        "contextTemplate": {"extensions": {SESSION_EXTENSION: session_id}},
        "launchMode": "Normal",
        "launchMethod": "AnyWindow",
        "moveOn": move_on or "NotApplicable",
        "returnURL": return_url,
    }
    if mastery is not None:
        data["masteryScore"] = mastery
    return data


def move_on_met(move_on: str, *, completed: bool, passed: bool) -> bool:
    """Whether the AU's moveOn criterion is satisfied (cmi5 section 13.1.4)."""
    return {
        "Completed": completed,
        "Passed": passed,
        "CompletedAndPassed": completed and passed,
        "CompletedOrPassed": completed or passed,
    }.get(move_on, True)


def _scaled(result) -> float | None:
    score = result.get("score") if isinstance(result, dict) else None
    value = score.get("scaled") if isinstance(score, dict) else None
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise StatementError(BAD_SCORE, value=str(value)[:20])
    if not -1 <= value <= 1:
        raise StatementError(BAD_SCORE, value=value)
    return float(value)


def statement_read(data, *, activity_id: str, registration: str, session_id: str) -> Statement:
    """Check that a statement is one of this AU's, for its registration and
    session, with a cmi5 verb; the order is checked by `order_check`."""
    if not isinstance(data, dict):
        raise StatementError(NOT_A_STATEMENT)
    verb = data.get("verb", {}).get("id", "") if isinstance(data.get("verb"), dict) else ""
    name = verb.removeprefix(VERBS) if isinstance(verb, str) else ""
    if not verb.startswith(VERBS) or name not in ACCEPTED:
        raise StatementError(VERB_NOT_ACCEPTED, verb=str(verb)[:100])
    target = data.get("object")
    if not isinstance(target, dict) or target.get("id") != activity_id:
        raise StatementError(WRONG_ACTIVITY)
    context = data.get("context")
    extensions = context.get("extensions") if isinstance(context, dict) else None
    if (
        not isinstance(extensions, dict)
        or context.get("registration") != registration
        or extensions.get(SESSION_EXTENSION) != session_id
    ):
        raise StatementError(WRONG_REGISTRATION)
    return Statement(verb=name, score_scaled=_scaled(data.get("result")))


def order_check(state: SessionState, statement: Statement, mastery: float | None) -> None:
    """Refuse a statement that cmi5's order rules forbid; moves `state` on."""
    verb = statement.verb

    def refuse(reason):
        raise StatementError(OUT_OF_ORDER, verb=verb, reason=reason)

    if state.terminated:
        refuse(ALREADY_TERMINATED)
    if verb == INITIALIZED:
        if state.initialized:
            refuse(ALREADY_INITIALIZED)
        state.initialized = True
        return
    if not state.initialized:
        refuse(NOT_INITIALIZED)
    if verb == COMPLETED:
        if state.completed:
            refuse(ALREADY_COMPLETED)
        state.completed = True
    elif verb in (PASSED, FAILED):
        if state.judged or state.passed:
            refuse(ALREADY_JUDGED)
        score = statement.score_scaled
        if mastery is not None and score is not None:
            if verb == PASSED and score < mastery:
                refuse(BELOW_MASTERY)
            if verb == FAILED and score >= mastery:
                refuse(AT_MASTERY)
        state.judged = True
        state.passed = verb == PASSED
    elif verb == TERMINATED:
        state.terminated = True
