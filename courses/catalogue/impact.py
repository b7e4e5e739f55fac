"""How many learners a change of a course's share of effective time would
affect, for the course editor. The time is progress's data, which the
catalogue may not import, so catalogue owns this slot and
`CoursesConfig.ready()` (courses/apps.py) fills it with progress's
selector, like the registries of courses/progress/rules.py."""

from collections.abc import Callable
from typing import NamedTuple


class ShareImpact(NamedTuple):
    """Learners still on the course (active, not completed) under the new
    share's time, and of them those who had reached the old share's."""

    below: int
    reached_old: int


# (course, old needed seconds, new needed seconds) -> ShareImpact, in one query.
ShareImpactCount = Callable[..., ShareImpact]

SHARE_IMPACT: list[ShareImpactCount] = []
