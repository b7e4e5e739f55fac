"""The dates the platform's reports, registers, deadlines and evidence packs
can hold, and the form field that keeps a filter within them. Shared by every
package (it imports none of them)."""

from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

DATE_OUT_OF_RANGE = _("Give a date between %(first)s and %(last)s.")

# The dates reports, registers and evidence packs can hold: the platform's
# records start after the first and every period a worker formats, shifts by
# a day or turns into a time zone-aware moment stays far from date.max.
REPORT_DATE_FIRST = date(2000, 1, 1)
REPORT_DATE_LAST = date(2100, 12, 31)


def validate_report_date(value: date) -> None:
    """Refuse dates at the calendar's ends (0001-01-01, 9999-12-31) at the
    form: a period built on them overflows when reports compute its bounds."""
    if not REPORT_DATE_FIRST <= value <= REPORT_DATE_LAST:
        raise ValidationError(
            DATE_OUT_OF_RANGE,
            code="out_of_range",
            params={"first": REPORT_DATE_FIRST.isoformat(), "last": REPORT_DATE_LAST.isoformat()},
        )


def report_date_field(label) -> forms.DateField:
    """An optional date filter of a report or register, within the range above."""
    return forms.DateField(
        label=label,
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        validators=[validate_report_date],
    )
