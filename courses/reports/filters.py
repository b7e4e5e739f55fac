"""The filters every report shares: course, institution (with the units
below it), period and status. Choices are limited to the user's scope, and
a choice from outside it is refused with a message, never widened or
silently emptied; the period is required and must not run backwards."""

from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import Institution
from courses import exports
from courses.reports import scope
from lms.ids import IdModelChoiceField

COURSE_OUT_OF_SCOPE = _("You cannot report on this course. Choose one from the list.")
INSTITUTION_OUT_OF_SCOPE = _("This institution is outside your scope. Choose one from the list.")
PERIOD_REQUIRED = _("Give the start and the end of the period.")
PERIOD_REVERSED = _("The end of the period is before its start.")
DATE_OUT_OF_RANGE = _("Give a date between %(first)s and %(last)s.")

# The dates reports, registers and evidence packs can hold: the platform's
# records start after the first and every period a worker formats, shifts by
# a day or turns into a time zone-aware moment stays far from date.max.
REPORT_DATE_FIRST = date(2000, 1, 1)
REPORT_DATE_LAST = date(2100, 12, 31)


class Status(models.TextChoices):
    ENROLLED = "enrolled", _("enrolled, not started")
    IN_PROGRESS = "in_progress", _("in progress")
    COMPLETED = "completed", _("completed")
    OVERDUE = "overdue", _("overdue")


exports.STATUS_LABELS.update(Status.choices)


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


class ReportFilterForm(forms.Form):
    course = IdModelChoiceField(
        label=_("Course"),
        queryset=None,
        required=False,
        empty_label=_("all courses"),
        error_messages={"invalid_choice": COURSE_OUT_OF_SCOPE},
    )
    institution = IdModelChoiceField(
        label=_("Institution"),
        queryset=None,
        required=False,
        empty_label=_("all institutions"),
        error_messages={"invalid_choice": INSTITUTION_OUT_OF_SCOPE},
        help_text=_("Includes the units below it."),
    )
    period_from = report_date_field(_("From"))
    period_to = report_date_field(_("To"))
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("any")), *Status.choices], required=False
    )

    def __init__(self, data=None, *, user, **kwargs):
        super().__init__(data, **kwargs)
        self.user = user
        self.fields["course"].queryset = scope.report_courses(user)
        self.fields["institution"].queryset = scope.report_institutions(user)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("period_from"), cleaned.get("period_to")
        if not (start and end):
            if "period_from" not in self.errors and "period_to" not in self.errors:
                raise forms.ValidationError(PERIOD_REQUIRED)
        elif end < start:
            self.add_error("period_to", PERIOD_REVERSED)
        return cleaned

    @property
    def institution_ids(self) -> set[int] | None:
        """The chosen institution and the units below it; None for all."""
        institution = self.cleaned_data.get("institution")
        return Institution.objects.subtree_ids([institution.pk]) if institution else None

    def described(self) -> dict:
        """The filters in use, for the audit log and the evidence pack."""
        described = {}
        for name, value in self.cleaned_data.items():
            if isinstance(value, models.Model):
                described[name] = {"id": value.pk, "name": str(value)}
            elif isinstance(value, date):
                described[name] = value.isoformat()
            elif value:
                described[name] = value
        return described


class PeriodFilterForm(ReportFilterForm):
    """The filters without the status, for reports that are not about the
    state of one enrolment (activity, indicators, the certificate register)."""

    status = None
