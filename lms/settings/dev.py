"""Settings for a developer's machine and for `make run`: the base defaults
(SQLite, database cache, console email) with a visible insecure key."""

from .base import *  # noqa: F403
