"""The path migration 0008 names for the check-in code's default; the live
session models live in `courses.live.models`."""

from courses.live.models import checkin_code_new

__all__ = ["checkin_code_new"]
