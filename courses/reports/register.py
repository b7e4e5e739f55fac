"""The certificate register as a report, the one code path that writes the
register's files: the register page's exports, the reports menu (also as a
PDF) and the evidence pack. It lists the register entries (as issued) of
the certificates in the user's scope, issued in the period, on the chosen
course, to members of the chosen institution (with the units below it, by
the holder's institution at issue) and, on the register page, of the chosen
status. Rows and headers are the register's own
(`courses.certificates.register`), after a row number."""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django import forms
from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from courses import exports
from courses.certificates import register as certificate_register
from courses.certificates.selectors import certificates_in_scope
from courses.dates import report_date_field
from courses.models import Certificate, CoursePage
from courses.reports.activity import local_bounds
from courses.reports.base import TableReport, register
from courses.reports.filters import PeriodFilterForm, ReportFilterForm
from lms.ids import IdModelChoiceField

COLUMNS = [(pgettext_lazy("row number", "No."), 5), *certificate_register.REGISTER_COLUMNS]
COURSE_OUT_OF_SCOPE = gettext_lazy(
    "This course has no certificates in your scope. Choose one from the list."
)
exports.STATUS_LABELS.update(Certificate.State.choices)


class RegisterFilterForm(ReportFilterForm):
    """The register page's filters: the report filters with the period of
    issue (open at either end) and the certificate's state (valid, expired,
    replaced, revoked: `Certificate.State`); the courses to
    choose from are those with certificates in the user's scope."""

    period_fields = ("issued_from", "issued_to")
    period_required = False
    field_order = ("course", "institution", "issued_from", "issued_to", "status")

    course = IdModelChoiceField(
        label=gettext_lazy("Course"),
        queryset=None,
        required=False,
        empty_label=gettext_lazy("all courses"),
        error_messages={"invalid_choice": COURSE_OUT_OF_SCOPE},
    )
    period_from = None
    period_to = None
    issued_from = report_date_field(gettext_lazy("Issued from"))
    issued_to = report_date_field(gettext_lazy("Issued to"))
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        choices=[("", gettext_lazy("any")), *Certificate.State.choices],
        required=False,
    )

    def course_choices(self, user):
        return CoursePage.objects.filter(
            pk__in=certificates_in_scope(user).values("course_id")
        ).order_by("title")


class BatchForm(RegisterFilterForm):
    """The same filters for a ZIP of PDFs; only valid certificates go in."""

    status = None


def register_filtered(form: ReportFilterForm):
    """The certificates in the user's scope that a valid form of the family
    chooses, unordered. Without a status filter every status is listed: the
    register has no gaps, revoked entries included."""
    data = form.cleaned_data
    certificates = certificates_in_scope(form.user)
    start, end = form.period
    if start or end:
        first, last = local_bounds(start or end, end or start)
        if start:
            certificates = certificates.filter(issued_at__gte=first)
        if end:
            certificates = certificates.filter(issued_at__lt=last)
    if data.get("course"):
        certificates = certificates.filter(course=data["course"])
    if form.institution_ids is not None:
        certificates = certificates.filter(institution_id__in=form.institution_ids)
    if data.get("status"):
        certificates = certificates.in_state(data["status"])
    return certificates


def register_certificates(form: ReportFilterForm):
    """The register entries of a valid form, in register order."""
    return certificate_register.register_entries(register_filtered(form)).in_register_order()


@dataclass
class Totals:
    """How many entries, of them valid, expired and revoked (the rest were
    replaced), by their state today."""

    certificates: int = 0
    valid: int = 0
    expired: int = 0
    revoked: int = 0

    def add(self, certificate) -> None:
        state = certificate.state
        self.certificates += 1
        self.valid += state == Certificate.State.VALID
        self.expired += state == Certificate.State.EXPIRED
        self.revoked += state == Certificate.State.REVOKED

    def row(self) -> list:
        return [
            "",
            _(
                "Total – certificates: %(count)s, valid: %(valid)s, expired: %(expired)s, "
                "revoked: %(revoked)s"
            )
            % {
                "count": self.certificates,
                "valid": self.valid,
                "expired": self.expired,
                "revoked": self.revoked,
            },
            *[""] * (len(certificate_register.REGISTER_HEADERS) - 1),
        ]


def register_report_rows(certificates: Iterable, totals: Totals) -> Iterator[list]:
    for number, certificate in enumerate(certificates, start=1):
        totals.add(certificate)
        yield [number, *certificate_register.register_row(certificate)]


def register_totals(certificates) -> Totals:
    """Totals of the whole filtered set, in one query."""
    return Totals(
        **certificates.order_by()
        .with_state()
        .aggregate(
            certificates=Count("pk"),
            valid=Count("pk", filter=Q(state_now=Certificate.State.VALID)),
            expired=Count("pk", filter=Q(state_now=Certificate.State.EXPIRED)),
            revoked=Count("pk", filter=Q(state_now=Certificate.State.REVOKED)),
        )
    )


@register
class RegisterReport(TableReport):
    """Rejestr zaświadczeń. In the reports menu and the evidence pack its
    form has no status (every entry, valid, revoked or replaced, so the
    register has no gaps); the register page passes its `RegisterFilterForm`."""

    slug = "certificate-register"
    export_label = gettext_lazy("certificate register report")
    menu_label = gettext_lazy("Certificate register")
    title = gettext_lazy("Certificate register")
    filename = "rejestr-zaswiadczen"
    sheet_name = gettext_lazy("Register")
    columns = COLUMNS
    form_class = PeriodFilterForm

    def objects(self):
        return register_certificates(self.form)

    def rows(self, objects, totals):
        return register_report_rows(objects, totals)

    def new_totals(self):
        return Totals()

    def page_totals(self, objects):
        return register_totals(objects)


HEADERS = RegisterReport.headers
