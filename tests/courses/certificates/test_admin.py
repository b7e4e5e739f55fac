"""The coordinators' certificate register in the Wagtail admin: who sees
which certificates, filters and their refusals, revoking and reissuing,
PDFs and design previews, CSV/XLSX exports (read back) with their audit
log entries, ZIP downloads built in the background, and a fixed number of
queries for the listing."""

import codecs
import csv
import datetime
import io
import zipfile

import openpyxl
import pypdf
import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.shortcuts import resolve_url
from django.utils import timezone
from django.utils.html import escape
from wagtail.models import ModelLogEntry

from accounts import roles
from accounts.models import User
from courses import exports
from courses.certificates import register as certificate_register
from courses.certificates.services import PERIOD_REVERSED, REASON_REQUIRED, certificate_issue
from courses.models import Certificate, CertificateBatch, Enrolment
from courses.reports import filters as report_filters
from courses.reports import register as register_report
from courses.reports import register_admin
from tests import factories
from tests.conftest import coordinator_of

pytestmark = pytest.mark.django_db

REGISTER = "/admin/certificates/"
LOGIN = resolve_url(settings.WAGTAILADMIN_LOGIN_URL) + "?next="


def issue(learner, course, *, issued_at=None):
    enrolment = Enrolment.objects.create(
        user=learner, course=course, method="self", completed_at=timezone.now()
    )
    certificate = certificate_issue(enrolment=enrolment)
    if issued_at:
        Certificate.objects.filter(pk=certificate.pk).update(issued_at=issued_at)
        certificate.refresh_from_db()
    return certificate


def numbers(response):
    return {certificate.number for certificate in response.context["page_obj"]}


def local(year, month, day):
    return timezone.make_aware(datetime.datetime(year, month, day, 12))


@pytest.fixture
def register(site_shell, catalogue, county, learner_lo1, learner_lo2):
    """Certificates of two courses in both high schools and in another county."""
    course_a, _lessons = factories.course_with_lessons(catalogue, title="Praca zdalna")
    course_b, _lessons = factories.course_with_lessons(catalogue, title="Cyberhigiena")
    outsider = factories.user_with_role(
        roles.LEARNER, email="luban@example.org", institution=county["other"],
        first_name="Olaf", last_name="Obcy",
    )  # fmt: skip
    return {
        "course_a": course_a,
        "course_b": course_b,
        "lo1_a": issue(learner_lo1, course_a, issued_at=local(2026, 3, 10)),
        "lo2_a": issue(learner_lo2, course_a, issued_at=local(2026, 5, 20)),
        "lo1_b": issue(learner_lo1, course_b, issued_at=local(2026, 6, 1)),
        "other_a": issue(outsider, course_a, issued_at=local(2026, 4, 1)),
    }


@pytest.fixture
def trainer(db):
    return factories.user_with_role(roles.TRAINER, email="trener@example.org")


@pytest.fixture
def administrator(db):
    return factories.user_with_role(roles.ADMINISTRATOR, email="admin@example.org")


@pytest.fixture
def coordinator_other(county):
    return coordinator_of(county["other"], "koordynator.luban@example.org")


# --- Access -------------------------------------------------------------------


def test_anonymous_learner_and_trainer_are_turned_away(
    client, register, learner_lo1, trainer, coordinator_lo1
):
    pk = register["lo1_a"].pk
    batch = CertificateBatch.objects.create(requested_by=coordinator_lo1)
    urls = [
        REGISTER,
        f"{REGISTER}export/csv/",
        f"{REGISTER}export/xlsx/",
        f"{REGISTER}{pk}/pdf/",
        f"{REGISTER}{pk}/revoke/",
        f"{REGISTER}{pk}/reissue/",
        f"{REGISTER}batches/new/",
        f"{REGISTER}batches/{batch.pk}/",
        f"{REGISTER}batches/{batch.pk}/download/",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(LOGIN), url
    client.force_login(learner_lo1)
    for url in urls:
        assert client.get(url).status_code == 403, url
    client.force_login(trainer)
    for url in urls:
        response = client.get(url)
        assert (response.status_code, response["Location"]) == (302, "/admin/"), url
    assert client.post(f"{REGISTER}{pk}/revoke/", {"reason": "x"}).status_code == 302
    assert Certificate.objects.get(pk=pk).status == Certificate.Status.VALID


def test_each_coordinator_sees_only_their_scope(
    client, register, coordinator_lo1, coordinator_county, coordinator_other, administrator
):
    expected = {
        coordinator_lo1: {register["lo1_a"].number, register["lo1_b"].number},
        coordinator_county: {
            register["lo1_a"].number, register["lo1_b"].number, register["lo2_a"].number,
        },
        coordinator_other: {register["other_a"].number},
        administrator: {c.number for c in Certificate.objects.all()},
    }  # fmt: skip
    for user, visible in expected.items():
        client.force_login(user)
        response = client.get(REGISTER)
        assert response.status_code == 200
        assert numbers(response) == visible, user
        body = response.content.decode()
        hidden = {c.number for c in Certificate.objects.all()} - visible
        assert not any(number in body for number in hidden)


def test_menu_item_for_coordinators_only(client, register, coordinator_lo1, trainer):
    client.force_login(coordinator_lo1)
    assert REGISTER in client.get("/admin/").content.decode()
    client.force_login(trainer)
    assert REGISTER not in client.get("/admin/").content.decode()


def test_objects_outside_the_scope_are_not_found(client, register, coordinator_lo1):
    client.force_login(coordinator_lo1)
    outside = register["lo2_a"]
    for url in (
        f"{REGISTER}{outside.pk}/pdf/",
        f"{REGISTER}{outside.pk}/revoke/",
        f"{REGISTER}{outside.pk}/reissue/",
    ):
        assert client.get(url).status_code == 404, url
    assert client.post(f"{REGISTER}{outside.pk}/revoke/", {"reason": "Błąd"}).status_code == 404
    assert client.post(f"{REGISTER}{outside.pk}/reissue/").status_code == 404
    outside.refresh_from_db()
    assert outside.status == Certificate.Status.VALID
    assert Certificate.objects.count() == 4


# --- Filters ------------------------------------------------------------------


def test_filters_by_course_institution_subtree_period_and_status(
    client, register, county, coordinator_county, administrator
):
    client.force_login(administrator)
    course_a = register["course_a"].pk
    assert numbers(client.get(REGISTER, {"course": course_a})) == {
        register["lo1_a"].number, register["lo2_a"].number, register["other_a"].number,
    }  # fmt: skip
    # The county office has no certificates of its own: its schools' are included.
    assert numbers(client.get(REGISTER, {"institution": county["office"].pk})) == {
        register["lo1_a"].number, register["lo2_a"].number, register["lo1_b"].number,
    }  # fmt: skip
    assert numbers(client.get(REGISTER, {"institution": county["lo2"].pk})) == {
        register["lo2_a"].number
    }
    period = {"issued_from": "2026-04-01", "issued_to": "2026-05-20"}
    assert numbers(client.get(REGISTER, period)) == {
        register["other_a"].number, register["lo2_a"].number,
    }  # fmt: skip
    register["lo1_b"].status = Certificate.Status.REVOKED
    register["lo1_b"].save()
    assert numbers(client.get(REGISTER, {"status": "revoked"})) == {register["lo1_b"].number}
    both = {"course": course_a, "institution": county["lo1"].pk, "status": "valid"}
    assert numbers(client.get(REGISTER, both)) == {register["lo1_a"].number}


def test_reversed_period_is_a_form_error_and_lists_nothing(client, register, administrator):
    client.force_login(administrator)
    response = client.get(REGISTER, {"issued_from": "2026-06-01", "issued_to": "2026-03-01"})
    assert response.status_code == 200
    assert response.context["form"].errors == {"issued_to": [str(PERIOD_REVERSED)]}
    assert numbers(response) == set()
    assert str(PERIOD_REVERSED) in response.content.decode()
    export = client.get(
        f"{REGISTER}export/csv/", {"issued_from": "2026-06-01", "issued_to": "2026-03-01"}
    )
    assert export["Content-Type"].startswith("text/html")
    assert not ModelLogEntry.objects.filter(action=exports.EXPORT_ACTION).exists()


def test_filters_outside_the_scope_are_refused_not_widened(
    client, register, county, catalogue, coordinator_lo1, learner_lo2
):
    only_lo2, _lessons = factories.course_with_lessons(catalogue, title="Tylko II LO")
    issue(learner_lo2, only_lo2)
    client.force_login(coordinator_lo1)
    response = client.get(REGISTER, {"institution": county["lo2"].pk})
    assert response.context["form"].errors == {
        "institution": [str(report_filters.INSTITUTION_OUT_OF_SCOPE)]
    }
    assert numbers(response) == set()
    response = client.get(REGISTER, {"course": only_lo2.pk})
    assert response.context["form"].errors == {"course": [str(register_report.COURSE_OUT_OF_SCOPE)]}
    assert numbers(response) == set()
    export = client.get(f"{REGISTER}export/xlsx/", {"institution": county["other"].pk})
    assert export["Content-Type"].startswith("text/html")
    batch = client.post(f"{REGISTER}batches/new/", {"institution": county["lo2"].pk})
    assert batch.status_code == 200
    assert not CertificateBatch.objects.exists()


# --- Revoke, reissue, PDF, preview -------------------------------------------------


def test_revoke_needs_a_reason(client, register, coordinator_lo1):
    certificate = register["lo1_a"]
    client.force_login(coordinator_lo1)
    assert client.get(f"{REGISTER}{certificate.pk}/revoke/").status_code == 200
    response = client.post(f"{REGISTER}{certificate.pk}/revoke/", {"reason": "  "})
    assert response.status_code == 200
    assert response.context["form"].errors == {"reason": [str(REASON_REQUIRED)]}
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.VALID

    back = f"{REGISTER}?course={certificate.course_id}"
    response = client.post(
        f"{REGISTER}{certificate.pk}/revoke/",
        {"reason": "Wydane omyłkowo", "next": back},
        follow=True,
    )
    assert response.redirect_chain == [(back, 302)]
    certificate.refresh_from_db()
    assert (certificate.status, certificate.revoke_reason, certificate.revoked_by) == (
        Certificate.Status.REVOKED, "Wydane omyłkowo", coordinator_lo1,
    )  # fmt: skip
    assert [m.level_tag for m in response.context["messages"]] == ["success"]
    # The register shows the Polish calendar day (near midnight UTC it is the next one).
    assert timezone.localdate(certificate.revoked_at).isoformat() in response.content.decode()

    again = client.post(f"{REGISTER}{certificate.pk}/revoke/", {"reason": "Drugi raz"}, follow=True)
    assert [m.level_tag for m in again.context["messages"]] == ["error"]


def test_actions_return_only_to_local_addresses(client, register, coordinator_lo1):
    client.force_login(coordinator_lo1)
    response = client.post(
        f"{REGISTER}{register['lo1_a'].pk}/revoke/",
        {"reason": "Błąd", "next": "https://evil.example.com/"},
    )
    assert response["Location"] == REGISTER
    page = client.get(f"{REGISTER}{register['lo1_b'].pk}/reissue/?next=javascript:alert(1)")
    assert "javascript:" not in page.content.decode()


def test_reissue_gives_a_new_number_and_the_old_shows_replaced(client, register, coordinator_lo1):
    old = register["lo1_a"]
    client.force_login(coordinator_lo1)
    assert client.get(f"{REGISTER}{old.pk}/reissue/").status_code == 200
    response = client.post(f"{REGISTER}{old.pk}/reissue/", follow=True)
    old.refresh_from_db()
    new = old.replaced_by
    assert old.status == Certificate.Status.REPLACED
    assert new.number != old.number and new.status == Certificate.Status.VALID
    assert [m.level_tag for m in response.context["messages"]] == ["success"]
    assert new.number in numbers(response) and old.number in numbers(response)
    row = response.content.decode().split(f'<th scope="row">{old.number}</th>')[1].split("</tr>")[0]
    assert new.number in row
    again = client.post(f"{REGISTER}{old.pk}/reissue/", follow=True)
    assert [m.level_tag for m in again.context["messages"]] == ["error"]
    assert Certificate.objects.filter(enrolment=old.enrolment).count() == 2


def test_pdf_of_a_certificate_in_scope(client, register, coordinator_lo1):
    client.force_login(coordinator_lo1)
    response = client.get(f"{REGISTER}{register['lo1_a'].pk}/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    entry = ModelLogEntry.objects.get(action=exports.EXPORT_ACTION)
    assert entry.data["filters"] == {"certificate": register["lo1_a"].number}


def test_design_previews(client, site_shell, coordinator_lo1, trainer):
    client.force_login(coordinator_lo1)
    page = client.get(REGISTER).content.decode()
    for design in ("classic", "modern"):
        url = f"{REGISTER}preview/{design}/"
        assert f'href="{url}"' in page
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"].startswith("inline")
        assert response.content.startswith(b"%PDF")
    assert client.get(f"{REGISTER}preview/gothic/").status_code == 404
    client.force_login(trainer)
    assert client.get(f"{REGISTER}preview/modern/").status_code == 200


# --- Exports ------------------------------------------------------------------


@pytest.fixture
def tricky(register, county, learner_lo1):
    """A holder with Polish letters and a reason that looks like a formula."""
    learner = factories.user_with_role(
        roles.LEARNER, email="zazolc@example.org", institution=county["lo1"],
        first_name="Zażółć", last_name="Gęślą-Jaźń",
    )  # fmt: skip
    certificate = issue(learner, register["course_b"], issued_at=local(2026, 7, 2))
    Certificate.objects.filter(pk=certificate.pk).update(
        status=Certificate.Status.REVOKED,
        revoked_at=local(2026, 7, 3),
        revoke_reason='=HYPERLINK("http://evil.example.com")',
    )
    certificate.refresh_from_db()
    return certificate


def test_escape_formula():
    for value in ("=1+1", "+48", "-5", "@SUM(A1)", "\tx", "\rx"):
        assert exports.escape_formula(value) == "'" + value
    assert exports.escape_formula("Zażółć") == "Zażółć"
    assert exports.escape_formula(5) == 5


def test_csv_export_reads_back(client, tricky, coordinator_lo1):
    """The register page exports the register report's file: a row number,
    the register's columns, and the totals as the last row."""
    client.force_login(coordinator_lo1)
    response = client.get(f"{REGISTER}export/csv/", {"course": tricky.course_id})
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment")
    content = b"".join(response.streaming_content)
    assert content.startswith(codecs.BOM_UTF8)
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == [str(header) for header in register_report.HEADERS]
    assert rows[0][1:] == [str(header) for header in certificate_register.REGISTER_HEADERS]
    assert [row[0] for row in rows[1:-1]] == ["1", "2"]
    assert rows[-1][1] == "Razem – zaświadczeń: 2, ważnych: 1, wygasłych: 0, unieważnionych: 1"
    by_number = {row[1]: row[1:] for row in rows[1:-1]}
    others = Certificate.objects.filter(course=tricky.course).exclude(pk=tricky.pk)
    assert set(by_number) == {tricky.number, others.get().number}
    row = by_number[tricky.number]
    assert row[1] == str(Certificate.Status.REVOKED.label)
    assert row[2] == "Zażółć Gęślą-Jaźń"
    assert row[3] == "I Liceum Ogólnokształcące"
    assert row[5] == "4,0"
    assert row[10:13] == ["2026-07-02", "", "2026-07-03"]  # issued, no expiry, revoked
    assert row[13] == '\'=HYPERLINK("http://evil.example.com")'


def test_xlsx_export_reads_back(client, tricky, coordinator_lo1):
    client.force_login(coordinator_lo1)
    response = client.get(f"{REGISTER}export/xlsx/", {"institution": tricky.institution_id})
    assert response.status_code == 200
    assert response["Content-Type"] == exports.XLSX_CONTENT_TYPE
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows())
    assert [cell.value for cell in rows[0]] == [str(header) for header in register_report.HEADERS]
    assert all(cell.font.b for cell in rows[0])
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["F"].width > 30
    by_number = {row[1].value: row[1:] for row in rows[1:-1]}
    assert len(by_number) == 3  # lo1_a, lo1_b and the tricky one
    row = by_number[tricky.number]
    assert row[2].value == "Zażółć Gęślą-Jaźń"
    assert row[5].value == 4
    assert row[10].is_date and row[10].value == datetime.datetime(2026, 7, 2)
    assert row[11].value is None  # no expiry
    assert row[12].is_date and row[12].value == datetime.datetime(2026, 7, 3)
    assert row[13].data_type == "s"
    assert row[13].value == '\'=HYPERLINK("http://evil.example.com")'


def test_pdf_export_from_the_register_page(client, tricky, coordinator_lo1):
    """The register page offers the register report's PDF too, with its own
    filters (the status among them) in the header."""
    client.force_login(coordinator_lo1)
    page = client.get(REGISTER, {"status": "revoked"}).content.decode()
    assert f"{REGISTER}export/pdf/?status=revoked" in page
    response = client.get(f"{REGISTER}export/pdf/", {"status": "revoked"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert tricky.number in text and "Zażółć Gęślą-Jaźń" in text
    assert "Status: unieważnione" in text
    assert "Razem – zaświadczeń: 1" in text
    entry = ModelLogEntry.objects.get(action=exports.EXPORT_ACTION)
    assert (entry.data["export"], entry.data["format"], entry.data["rows"]) == (
        "certificate_register", "pdf", 1,
    )  # fmt: skip


def test_every_export_is_in_the_audit_log(client, tricky, county, coordinator_lo1, administrator):
    client.force_login(coordinator_lo1)
    b"".join(client.get(f"{REGISTER}export/csv/", {"status": "revoked"}).streaming_content)
    client.get(f"{REGISTER}export/xlsx/", {"institution": county["lo1"].pk})
    entries = ModelLogEntry.objects.filter(action=exports.EXPORT_ACTION).order_by("pk")
    assert [(e.user_id, e.data["format"], e.data["rows"]) for e in entries] == [
        (coordinator_lo1.pk, "csv", 1),
        (coordinator_lo1.pk, "xlsx", 3),
    ]
    assert entries[0].data["export"] == "certificate_register"
    assert entries[0].data["filters"] == {"status": "revoked"}
    assert entries[1].data["filters"] == {
        "institution": {"id": county["lo1"].pk, "name": county["lo1"].name}
    }
    assert entries[0].message == exports.export_log_message(entries[0].data)
    client.force_login(administrator)
    history = client.get("/admin/reports/site-history/").content.decode()
    assert escape(entries[0].message) in history


# --- ZIP downloads -------------------------------------------------------------


def test_zip_of_the_valid_certificates(
    client, register, coordinator_lo1, coordinator_county, django_capture_on_commit_callbacks
):
    revoked = register["lo1_b"]
    Certificate.objects.filter(pk=revoked.pk).update(status=Certificate.Status.REVOKED)
    extra = issue(
        factories.user_with_role(
            roles.LEARNER, email="trzeci@example.org", institution=register["lo1_a"].institution
        ),
        register["course_b"],
    )
    client.force_login(coordinator_lo1)
    assert client.get(f"{REGISTER}batches/new/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{REGISTER}batches/new/", {"issued_from": "2026-01-01"})
    batch = CertificateBatch.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{REGISTER}batches/{batch.pk}/"
    assert (batch.status, batch.total, batch.done, batch.requested_by) == (
        CertificateBatch.Status.READY, 2, 2, coordinator_lo1,
    )  # fmt: skip
    entry = ModelLogEntry.objects.get(action=exports.EXPORT_ACTION)
    assert (entry.data["export"], entry.data["rows"]) == ("certificate_pdfs", 2)

    page = client.get(response["Location"])
    body = page.content.decode()
    assert f"{REGISTER}batches/{batch.pk}/download/" in body
    assert "http-equiv" not in body and page.context["poll_seconds"] is None
    assert f"{REGISTER}batches/{batch.pk}/" in client.get(REGISTER).content.decode()

    download = client.get(f"{REGISTER}batches/{batch.pk}/download/")
    assert download.status_code == 200
    assert download["Content-Type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content))) as archive:
        names = set(archive.namelist())
        signatures = {".pdf": b"%PDF", ".png": b"\x89PNG", ".jwt": b"eyJ"}
        assert all(archive.read(name).startswith(signatures[name[-4:]]) for name in names)
    expected = {register["lo1_a"].number, extra.number}
    assert names == {
        number.replace("/", "-") + extension
        for number in expected
        for extension in (".pdf", ".jwt", ".png")
    }

    client.force_login(coordinator_county)  # in scope of the certificates, but not the asker
    assert client.get(f"{REGISTER}batches/{batch.pk}/").status_code == 404
    assert client.get(f"{REGISTER}batches/{batch.pk}/download/").status_code == 404


def test_zip_with_nothing_to_put_in_is_refused(client, register, coordinator_lo1):
    client.force_login(coordinator_lo1)
    response = client.post(
        f"{REGISTER}batches/new/", {"issued_from": "2030-01-01", "issued_to": "2030-12-31"}
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [str(register_admin.NOTHING_TO_DOWNLOAD)]
    reversed_period = client.post(
        f"{REGISTER}batches/new/", {"issued_from": "2026-06-01", "issued_to": "2026-01-01"}
    )
    assert reversed_period.context["form"].errors == {"issued_to": [str(PERIOD_REVERSED)]}
    assert not CertificateBatch.objects.exists()


def test_batch_in_progress_shows_progress_and_reloads(client, coordinator_lo1):
    batch = CertificateBatch.objects.create(
        requested_by=coordinator_lo1, status=CertificateBatch.Status.RUNNING, total=40, done=10
    )
    client.force_login(coordinator_lo1)
    body = client.get(f"{REGISTER}batches/{batch.pk}/").content.decode()
    assert '<progress id="job-progress" max="40" value="10">25%</progress>' in body
    assert '<label for="job-progress">10 z 40 zaświadczeń (25%)</label>' in body
    assert 'http-equiv="refresh"' in body and "data-poll-seconds" in body
    assert "/download/" not in body
    assert client.get(f"{REGISTER}batches/{batch.pk}/download/").status_code == 404


# --- Query budget ---------------------------------------------------------------


@pytest.mark.parametrize("count", [1, 50])
def test_register_query_count_is_fixed(
    client, site_shell, catalogue, county, coordinator_county, django_assert_num_queries, count
):
    course, _lessons = factories.course_with_lessons(catalogue)
    for number in range(count + 1):
        learner = factories.user_with_role(
            roles.LEARNER, email=f"u{number}@example.org", institution=county["lo1"]
        )
        certificate = issue(learner, course)
    Certificate.objects.filter(pk=certificate.pk).update(status=Certificate.Status.REPLACED)
    CertificateBatch.objects.create(requested_by=coordinator_county, course=course)
    client.force_login(coordinator_county)
    url = f"{REGISTER}?institution={county['office'].pk}&course={course.pk}"
    client.get(url)
    with django_assert_num_queries(20):
        response = client.get(url)
    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count == count + 1
    assert len(numbers(response)) == min(count + 1, register_admin.PER_PAGE)
    if count + 1 > register_admin.PER_PAGE:
        assert f"?institution={county['office'].pk}&amp;course={course.pk}&amp;p=2" in (
            response.content.decode()
        )
        assert len(numbers(client.get(url + "&p=2"))) == 1
    # Asking for the ZIP (built at commit, which this test never reaches).
    # The same for 1 and 50 rows whatever ran before: warm the process-wide
    # content type cache (for 50 rows the second page above warms it).
    ContentType.objects.get_for_model(User)
    with django_assert_num_queries(15):
        response = client.post(f"{REGISTER}batches/new/", {"course": course.pk})
    assert response.status_code == 302
    assert CertificateBatch.objects.latest("pk").total == count  # not the replaced one
