"""The one family of filter forms for every report and for the certificate
register page: course, institution (with the units below it), period and
status. Choices are limited to the user's scope, and a choice from outside
it is refused with a message, never widened or silently emptied; the period
must not run backwards and, in a report, is required. A form of the family
may name its period fields and its course choices differently (the
register: by issue, the courses with certificates in scope) and drop the
status; the reads take the period from `period`."""

from datetime import date

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import Institution
from courses import exports
from courses.catalogue import selectors as catalogue_selectors
from courses.dates import report_date_field
from courses.reports import scope
from lms.ids import IdModelChoiceField

COURSE_OUT_OF_SCOPE = _("You cannot report on this course. Choose one from the list.")
INSTITUTION_OUT_OF_SCOPE = _("This institution is outside your scope. Choose one from the list.")
PERIOD_REQUIRED = _("Give the start and the end of the period.")
PERIOD_REVERSED = _("The end of the period is before its start.")


class Status(models.TextChoices):
    ENROLLED = "enrolled", _("enrolled, not started")
    IN_PROGRESS = "in_progress", _("in progress")
    COMPLETED = "completed", _("completed")
    OVERDUE = "overdue", _("overdue")


exports.STATUS_LABELS.update(Status.choices)


class ReportFilterForm(forms.Form):
    """The report filters; subclasses set `period_fields`, `period_required`
    and `course_choices` where they differ."""

    period_fields = ("period_from", "period_to")
    period_required = True

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
        self.fields["course"].queryset = self.course_choices(user)
        self.fields["institution"].queryset = scope.report_institutions(user)

    def course_choices(self, user):
        """The courses the user may filter by."""
        return catalogue_selectors.courses_in_scope(user)

    @property
    def period(self) -> tuple[date | None, date | None]:
        """The chosen period's first and last day (None where open)."""
        start_field, end_field = self.period_fields
        return self.cleaned_data.get(start_field), self.cleaned_data.get(end_field)

    def clean(self):
        cleaned = super().clean()
        start, end = self.period
        if not (start and end):
            if self.period_required and not any(name in self.errors for name in self.period_fields):
                raise forms.ValidationError(PERIOD_REQUIRED)
        elif end < start:
            self.add_error(self.period_fields[1], PERIOD_REVERSED)
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
