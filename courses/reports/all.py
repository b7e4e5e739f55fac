"""Every report module, imported so that each registers itself. The order
of registration is the order of the admin menu and of the evidence pack:
attendance first, then activity, the SCORM/cmi5 results, indicators, the
certificate register, the live-session lists and the four-stage competence
document."""

from courses.reports import attendance  # noqa: F401, I001 - first on purpose
from courses.reports import activity  # noqa: F401
from courses.reports import packages  # noqa: F401 - after attendance and activity
from courses.reports import indicators, register  # noqa: F401
from courses.reports import live  # noqa: F401 - after the certificate register
from courses.reports import competence_document  # noqa: F401 - last
