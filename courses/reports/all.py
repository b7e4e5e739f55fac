"""Every report module, imported so that each registers itself. The order
of registration is the order of the admin menu and of the evidence pack:
attendance first, then activity, indicators, the certificate register and
the live-session lists."""

from . import attendance  # noqa: F401, I001 - first on purpose
from . import activity, indicators, register  # noqa: F401
from . import live  # noqa: F401 - after the certificate register
