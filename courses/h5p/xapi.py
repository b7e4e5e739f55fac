"""Reading an xAPI statement posted by the H5P player, and deciding on the
server what it means for progress. The browser is trusted for nothing
beyond that: the actor is ignored, the object must be the activity's IRI
(or one of its children), the score is checked and scaled here.

Rules: only top-level statements count (a child has a parent context or a
`subContentId`); `completed`, `answered`, `passed`, `failed` and `mastered`
end an attempt; `consume` and `experienced` say the learner viewed the
content."""

import math
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from django.conf import settings
from django.utils.translation import gettext_lazy as _

ADL = "http://adlnet.gov/expapi/verbs/"
ACTIVITY_STREAMS = "http://activitystrea.ms/schema/1.0/"
ATTEMPT_VERBS = frozenset({"completed", "answered", "passed", "failed", "mastered"})
VIEW_VERBS = frozenset({"consume", "experienced"})
MAX_VERB_LENGTH = 40

NOT_A_STATEMENT = _("The statement must be a JSON object with a verb and an object.")
WRONG_OBJECT = _("The statement is about another activity.")
BAD_VERB = _("The statement has no valid verb.")
BAD_SCORE = _(
    "The score is outside the activity's range: it must be from 0 to a positive maximum, "
    "with a minimum of 0."
)


class StatementError(Exception):
    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True)
class Statement:
    """What the server keeps of a statement, computed on the server."""

    verb: str
    is_top_level: bool
    ends_attempt: bool
    is_view: bool
    score_raw: float | None
    score_max: float | None
    scaled: float | None  # 0..1, or None for a statement without a usable score

    @property
    def percent(self) -> int | None:
        return None if self.scaled is None else round(self.scaled * 100)


def _number(value) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    value = float(value)
    return value if math.isfinite(value) else None


def verb_name(verb_id: str) -> str:
    """`http://adlnet.gov/expapi/verbs/answered` -> `answered`."""
    for prefix in (ADL, ACTIVITY_STREAMS):
        if verb_id.startswith(prefix):
            name = verb_id[len(prefix) :]
            if name and len(name) <= MAX_VERB_LENGTH and name.isascii() and name.isalpha():
                return name
    raise StatementError(BAD_VERB)


def score(result) -> tuple[float | None, float | None, float | None]:
    """(raw, max, scaled) from `result.score`, scaled here (the posted
    `scaled` is ignored). H5P scores every activity from 0 to a positive
    maximum, so a score is refused, not clamped, when its `min` is not 0 or
    its raw value lies outside [0, max]: a forged `min` would otherwise
    stretch the scale (raw 0, min -99, max 1 reads as 99 %). A result
    without a score has none."""
    if not isinstance(result, dict) or not isinstance(result.get("score"), dict):
        return None, None, None
    data = result["score"]
    if "raw" not in data and "max" not in data:
        return None, None, None
    raw, maximum = _number(data.get("raw")), _number(data.get("max"))
    minimum = _number(data.get("min", 0))
    if raw is None or maximum is None or maximum <= 0 or minimum != 0 or not 0 <= raw <= maximum:
        raise StatementError(BAD_SCORE)
    return raw, maximum, raw / maximum


def _is_child(statement: dict, object_id: str, iri: str) -> bool:
    context = statement.get("context")
    if isinstance(context, dict):
        activities = context.get("contextActivities")
        if isinstance(activities, dict) and activities.get("parent"):
            return True
    return object_id != iri


def belongs_to(object_id: str, iri: str) -> bool:
    """The activity itself or one of its children (`?subContentId=`)."""
    if object_id == iri:
        return True
    if not object_id.startswith(iri + "?"):
        return False
    query = parse_qs(urlsplit(object_id).query)
    return set(query) == {"subContentId"}


def read_statement(statement, *, iri: str) -> Statement:
    if not isinstance(statement, dict):
        raise StatementError(NOT_A_STATEMENT)
    verb, obj = statement.get("verb"), statement.get("object")
    if not isinstance(verb, dict) or not isinstance(obj, dict):
        raise StatementError(NOT_A_STATEMENT)
    verb_id, object_id = verb.get("id"), obj.get("id")
    if not isinstance(verb_id, str):
        raise StatementError(BAD_VERB)
    if not isinstance(object_id, str) or not belongs_to(object_id, iri):
        raise StatementError(WRONG_OBJECT)
    name = verb_name(verb_id)
    top_level = not _is_child(statement, object_id, iri)
    raw, maximum, scaled = score(statement.get("result"))
    return Statement(
        verb=name,
        is_top_level=top_level,
        ends_attempt=top_level and name in ATTEMPT_VERBS,
        is_view=top_level and name in VIEW_VERBS,
        score_raw=raw,
        score_max=maximum,
        scaled=scaled,
    )


def activity_iri(lesson_id: int, activity_id: str) -> str:
    """The xAPI object id of an H5P activity in a lesson: stable, the same on
    every page and in every language, and known to the server."""
    return f"{settings.SITE_URL}/courses/lessons/{lesson_id}/h5p/{activity_id}"
