"""Every report module, imported so that each registers itself."""

from . import attendance  # noqa: F401
