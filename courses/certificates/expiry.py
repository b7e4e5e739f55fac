"""When certificates expire: the one clock their state is judged by, the
expiry date a course's validity period gives, and the days before it on
which the learner is reminded and may take the course again.

Every reader of a certificate's state (the register, reports, the
verification page, "my courses", the reminders) asks `today()` here, so a
test moves the clock for all of them by replacing this one function."""

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.utils import timezone


def today() -> date:
    """The local date certificates are judged on."""
    return timezone.localdate()


def expiry_date(issued_on: date, validity_months: int | None) -> date | None:
    """The last day a certificate issued on `issued_on` is valid (None: it
    never expires). A month later on the same day, or the month's last day
    (31 January + 1 month = 28 or 29 February)."""
    if not validity_months:
        return None
    return issued_on + relativedelta(months=validity_months)


def reminder_date(expires_on: date) -> date:
    """From this day on the holder is reminded (email once, "my courses")."""
    return expires_on - timedelta(days=settings.CERTIFICATE_EXPIRY_REMINDER_DAYS)


def renewal_date(expires_on: date) -> date:
    """From this day on the holder may take the course again."""
    return expires_on - timedelta(days=settings.CERTIFICATE_RECERTIFY_OPEN_DAYS)
