"""The certificate register as a report, so it also comes as a PDF and goes
into the evidence pack: the register entries (as issued) of the certificates
in the user's scope, issued in the period, on the chosen course and to
members of the chosen institution (with the units below it, by the holder's
institution at issue). Rows and headers are the register's own
(`courses.certificates.register`), after a row number."""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from courses.certificates import register as certificate_register
from courses.certificates.selectors import certificates_in_scope
from courses.models import Certificate
from courses.reports.activity import local_bounds
from courses.reports.base import TableReport, register
from courses.reports.filters import PeriodFilterForm, ReportFilterForm

COLUMNS = [(pgettext_lazy("row number", "No."), 5), *certificate_register.REGISTER_COLUMNS]


def register_certificates(form: ReportFilterForm):
    """The certificates of a valid filter form, in register order. Every
    status is listed: the register has no gaps, revoked entries included."""
    data = form.cleaned_data
    first, last = local_bounds(data["period_from"], data["period_to"])
    certificates = certificates_in_scope(form.user).filter(issued_at__gte=first, issued_at__lt=last)
    if data.get("course"):
        certificates = certificates.filter(course=data["course"])
    if form.institution_ids is not None:
        certificates = certificates.filter(institution_id__in=form.institution_ids)
    return certificates.only(*certificate_register.REGISTER_FIELDS).in_register_order()


@dataclass
class Totals:
    """How many entries, of them valid and revoked (the rest were replaced)."""

    certificates: int = 0
    valid: int = 0
    revoked: int = 0

    def add(self, certificate) -> None:
        self.certificates += 1
        self.valid += certificate.status == Certificate.Status.VALID
        self.revoked += certificate.status == Certificate.Status.REVOKED

    def row(self) -> list:
        return [
            "",
            _("Total – certificates: %(count)s, valid: %(valid)s, revoked: %(revoked)s")
            % {"count": self.certificates, "valid": self.valid, "revoked": self.revoked},
            *[""] * (len(certificate_register.REGISTER_HEADERS) - 1),
        ]


def register_report_rows(certificates: Iterable, totals: Totals) -> Iterator[list]:
    for number, certificate in enumerate(certificates, start=1):
        totals.add(certificate)
        yield [number, *certificate_register.register_row(certificate)]


def register_totals(certificates) -> Totals:
    """Totals of the whole filtered set, in one query."""
    return Totals(
        **certificates.order_by().aggregate(
            certificates=Count("pk"),
            valid=Count("pk", filter=Q(status=Certificate.Status.VALID)),
            revoked=Count("pk", filter=Q(status=Certificate.Status.REVOKED)),
        )
    )


@register
class RegisterReport(TableReport):
    """Rejestr zaświadczeń. The status filter is ignored (the register lists
    every entry, valid, revoked or replaced, so it has no gaps); the form
    has none."""

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
