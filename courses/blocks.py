"""The path migration 0009 imports `stream_with_ids` from; the lesson blocks
live in `courses.catalogue.blocks`."""

from courses.catalogue.blocks import stream_with_ids

__all__ = ["stream_with_ids"]
