"""Every report module, imported so that each registers itself. The order
of registration is the order of the admin menu and of the evidence pack:
attendance first, then activity, indicators and the certificate register."""

from . import attendance  # noqa: F401, I001 - first on purpose
from . import activity, indicators, register  # noqa: F401
