"""The activity report (remote-participation evidence), the indicator
summary and the certificate register as a report: every export read back
(CSV for Excel and plain, XLSX with typed cells, PDF text), Polish names,
formula escaping, totals, the local day in Europe/Warsaw, the scope rule,
the gender split, unique persons counted once, the audit log, and a fixed
number of queries for 1 and for 50 rows (of these reports, the attendance
list and the SCORM/cmi5 results, with package attempts)."""

import csv
import io
from datetime import date, datetime, time, timedelta

import openpyxl
import pypdf
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy
from wagtail.models import ModelLogEntry

from accounts import roles
from accounts.models import LoginEvent
from courses import exports
from courses.certificates.services import certificate_issue, certificate_revoke
from courses.models import Certificate, Enrolment, LearningSession
from courses.progress import services as progress_services
from courses.reports import activity, base, indicators, register
from courses.reports.filters import PeriodFilterForm
from courses.scorm import samples
from courses.scorm.packages import scorm_package_create
from tests import factories

pytestmark = pytest.mark.django_db

ATTENDANCE = "/admin/reports/attendance/"
ACTIVITY = "/admin/reports/activity/"
PACKAGES = "/admin/reports/packages/"
INDICATORS = "/admin/reports/indicators/"
REGISTER = "/admin/reports/certificate-register/"


def at(day: date, hour: int, minute: int = 0) -> datetime:
    """A moment in the site's time zone (Europe/Warsaw)."""
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def polish(text) -> str:
    with translation.override("pl"):
        return str(text)


@pytest.fixture
def days():
    today = timezone.localdate()
    return {"first": today - timedelta(days=3), "second": today - timedelta(days=2)}


@pytest.fixture
def period():
    today = timezone.localdate()
    return {"period_from": (today - timedelta(days=30)).isoformat(), "period_to": today.isoformat()}


def session(user, course, lessons, start, end, seconds):
    return LearningSession.objects.create(
        user=user, course=course, lesson=lessons[0], visit=f"v-{start:%H%M%S}-{user.pk}",
        started_at=start, last_seen_at=end, active_seconds=seconds,
    )  # fmt: skip


@pytest.fixture
def evidence(catalogue, county, learner_lo1, learner_lo2, days):
    """Łucja (I LO, woman) completes both courses and learns on two of them
    on the first day; Żaneta (II LO, gender not given) completes one and
    learns just after midnight Warsaw time on the second day (still the day
    before in UTC); "=HYPERLINK(1) Zając" (I LO, man) never completes and
    learns across midnight on the first day. Łucja also has a session
    outside the period and one on a course she withdrew from."""
    first, second = days["first"], days["second"]
    course_a, lessons_a = factories.course_with_lessons(catalogue, 2, title="Podpis elektroniczny")
    course_b, lessons_b = factories.course_with_lessons(catalogue, 1, title="Cyberhigiena")
    course_c, lessons_c = factories.course_with_lessons(catalogue, 1, title="Porzucony kurs")
    zajac = factories.user_with_role(
        roles.LEARNER, email="spozniony@example.org", institution=county["lo1"],
        first_name="=HYPERLINK(1)", last_name="Zając", gender="M",
    )  # fmt: skip
    learner_lo1.gender = "K"
    learner_lo1.save(update_fields=["gender"])
    for user, course in [
        (learner_lo1, course_a),
        (learner_lo1, course_b),
        (learner_lo2, course_a),
        (zajac, course_a),
    ]:
        Enrolment.objects.create(user=user, course=course, method="self")
    Enrolment.objects.create(
        user=learner_lo1, course=course_c, method="self", withdrawn_at=timezone.now()
    )
    completed = [(learner_lo1, lessons_a), (learner_lo1, lessons_b), (learner_lo2, lessons_a)]
    for user, lessons in completed:
        for lesson in lessons:
            progress_services.lesson_mark_done(user=user, lesson=lesson)

    session(learner_lo1, course_a, lessons_a, at(first, 8), at(first, 8, 50), 2700)
    session(learner_lo1, course_a, lessons_a, at(first, 10), at(first, 10, 30), 1500)
    session(learner_lo1, course_b, lessons_b, at(first, 11), at(first, 11, 20), 1200)
    long_ago = first - timedelta(days=40)
    session(learner_lo1, course_a, lessons_a, at(long_ago, 9), at(long_ago, 10), 3000)
    session(learner_lo1, course_c, lessons_c, at(first, 12), at(first, 12, 30), 1800)
    session(learner_lo2, course_a, lessons_a, at(second, 0, 30), at(second, 0, 50), 1200)
    session(zajac, course_a, lessons_a, at(first, 23, 50), at(second, 0, 10), 1200)
    for user, kind, moment in [
        (learner_lo1, "login", at(first, 7, 55)),
        (learner_lo1, "logout", at(first, 9)),
        (learner_lo1, "login", at(first, 9, 55)),
        (learner_lo1, "expired", at(first, 12)),
        (learner_lo2, "login", at(second, 0, 20)),
        (learner_lo2, "logout", at(first, 18)),  # the day before: not hers that night
    ]:
        LoginEvent.objects.create(user=user, kind=kind, at=moment)
    return {"a": course_a, "b": course_b, "zajac": zajac}


def csv_rows(response, delimiter=";"):
    text = b"".join(response.streaming_content).decode("utf-8")
    return text, list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=delimiter))


def xlsx_sheet(response):
    content = b"".join(response.streaming_content)
    return openpyxl.load_workbook(io.BytesIO(content)).active


def pdf_text(response):
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    return reader, " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def logged(slug):
    entries = ModelLogEntry.objects.filter(action=exports.EXPORT_ACTION).order_by("pk")
    return [entry.data for entry in entries if entry.data["export"] == slug]


# --- Activity -----------------------------------------------------------------


def test_activity_csv_has_logins_sessions_and_time_per_person_and_day(
    client, evidence, coordinator_county, days, period
):
    client.force_login(coordinator_county)
    text, rows = csv_rows(client.get(ACTIVITY + "csv/", period))
    assert text.startswith("\ufeff" + polish(activity.HEADERS[0]) + ";")
    assert rows[0] == [polish(header) for header in activity.HEADERS]
    body = {(row[1], row[2], row[4]): row for row in rows[1:-1]}
    first, second = days["first"].isoformat(), days["second"].isoformat()
    assert set(body) == {
        (first, "Łucja Ćwik", "Podpis elektroniczny"),
        (first, "Łucja Ćwik", "Cyberhigiena"),
        (first, "'=HYPERLINK(1) Zając", "Podpis elektroniczny"),
        (second, "Żaneta Śliwa", "Podpis elektroniczny"),  # 00:30 in Warsaw, the day before in UTC
    }
    lucja = body[(first, "Łucja Ćwik", "Podpis elektroniczny")]
    assert lucja[3] == "I Liceum Ogólnokształcące"
    # First login, last logout (an expiry counts), sessions, first start, last seen, time.
    assert lucja[5:] == ["07:55", "12:00", "2", "08:00", "10:30", "1:10", "0"]
    # Logins are the person's: the same on her other course that day.
    assert body[(first, "Łucja Ćwik", "Cyberhigiena")][5:7] == ["07:55", "12:00"]
    zaneta = body[(second, "Żaneta Śliwa", "Podpis elektroniczny")]
    assert zaneta[5:] == ["00:20", "", "1", "00:30", "00:50", "0:20", "0"]
    # Past midnight, the last-seen moment carries its date.
    zajac = body[(first, "'=HYPERLINK(1) Zając", "Podpis elektroniczny")]
    assert zajac[5:] == ["", "", "1", "23:50", f"{second} 00:10", "0:20", "0"]
    with translation.override("pl"):
        totals = activity.Totals(people=3, days=3, effective=timedelta(minutes=130)).row()
    assert rows[-1] == [exports.csv_cell(cell) for cell in totals]
    assert "3" in rows[-1][2] and rows[-1][-2] == "2:10"  # Łucja's two courses: one day

    plain_text, plain = csv_rows(client.get(ACTIVITY + "csv-plain/", period), delimiter=",")
    assert not plain_text.startswith("\ufeff")
    assert len(plain) == len(rows) and plain[-1][-2] == "2:10"


def test_activity_xlsx_has_typed_cells_and_the_pdf_reads_back(
    client, evidence, coordinator_county, days, period
):
    client.force_login(coordinator_county)
    sheet = xlsx_sheet(client.get(ACTIVITY + "xlsx/", period))
    assert sheet["C1"].value == polish(activity.HEADERS[2])
    assert sheet.freeze_panes == "A2"
    rows = {sheet.cell(row, 3).value: row for row in range(2, sheet.max_row)}
    assert {"Łucja Ćwik", "Żaneta Śliwa", "'=HYPERLINK(1) Zając"} <= set(rows)
    zaneta = rows["Żaneta Śliwa"]
    assert sheet.cell(zaneta, 2).value.date() == days["second"]  # a date cell
    assert sheet.cell(zaneta, 2).number_format == "yyyy-mm-dd"
    assert sheet.cell(zaneta, 6).value == time(0, 20)  # a time cell
    assert sheet.cell(zaneta, 6).number_format == "hh:mm"
    assert sheet.cell(zaneta, 8).value == 1
    assert sheet.cell(zaneta, 11).number_format == "[h]:mm"
    assert sheet.cell(zaneta, 11).value == timedelta(minutes=20)
    zajac = rows["'=HYPERLINK(1) Zając"]
    assert sheet.cell(zajac, 10).value == datetime.combine(days["second"], time(0, 10))
    assert sheet.cell(sheet.max_row, 11).value == timedelta(minutes=130)

    reader, text = pdf_text(client.get(ACTIVITY + "pdf/", period))
    for expected in (polish(activity.ActivityReport.title), "Łucja Ćwik", "Żaneta Śliwa",
                     "Podpis elektroniczny", "07:55", "2:10", "strona 1 z 1"):  # fmt: skip
        assert expected in text, expected
    assert polish(activity.HEADERS[5]) in text
    assert f"{polish(gettext_lazy('Status'))}:" not in text  # no status filter here
    assert reader.trailer["/Root"]["/Lang"] == "pl"
    assert [entry["format"] for entry in logged("activity")] == ["xlsx", "pdf"]
    assert {entry["rows"] for entry in logged("activity")} == {4}


def test_activity_follows_the_scope_and_the_filters(
    client, evidence, coordinator_lo1, county, days, period
):
    client.force_login(coordinator_lo1)
    page = client.get(ACTIVITY, period).content.decode()
    assert "Łucja Ćwik" in page and "Zając" in page
    assert "Żaneta" not in page  # II LO is outside this coordinator's scope
    assert 'name="status"' not in page  # the activity report has no status filter
    _text, rows = csv_rows(client.get(ACTIVITY + "csv/", period))
    assert {row[2] for row in rows[1:-1]} == {"Łucja Ćwik", "'=HYPERLINK(1) Zając"}
    assert "II Liceum Ogólnokształcące" not in {row[3] for row in rows}
    course_b = client.get(ACTIVITY + "csv/", {**period, "course": evidence["b"].pk})
    assert [row[4] for row in csv_rows(course_b)[1][1:-1]] == ["Cyberhigiena"]
    one_day = {"period_from": days["second"].isoformat(), "period_to": days["second"].isoformat()}
    assert len(csv_rows(client.get(ACTIVITY + "csv/", one_day))[1]) == 2  # header and totals
    outside = client.get(ACTIVITY, {**period, "institution": county["lo2"].pk}).content.decode()
    assert "poza Twoim zakresem" in outside and "Łucja" not in outside


# --- Indicators ---------------------------------------------------------------


def indicator_table(sheet):
    return [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]


def test_indicators_per_institution_and_course_with_unique_totals(
    client, evidence, coordinator_county, period
):
    client.force_login(coordinator_county)
    streamed = client.get(INDICATORS + "csv/", period)
    assert streamed.streaming
    csv_table = csv_rows(streamed)[1]
    sheet = xlsx_sheet(client.get(INDICATORS + "xlsx/", period))
    headers = [cell.value for cell in sheet[1]]
    assert headers == [polish(header) for header, _width in indicators.columns(False)]
    with translation.override("pl"):
        institution = str(indicators.GROUP_LABELS["institution"])
        course = str(indicators.GROUP_LABELS["course"])
        nothing = indicators.Figures(0, 0, 0, 0, (0, 0, 0))
        total_label = indicators.Totals(nothing, False).row()[2]
    rows = indicator_table(sheet)
    assert rows[-1][2] == total_label
    # Group, name, persons trained, persons who gained competences (none
    # assessed here), enrolled, completed, rate (%), hours.
    assert [row[1:] for row in rows[:-1]] == [
        [institution, "I Liceum Ogólnokształcące", 1, 0, 3, 2, 66.7, 1.8],
        [institution, "II Liceum Ogólnokształcące", 1, 0, 1, 1, 100, 0.3],
        [course, "Cyberhigiena", 1, 0, 1, 1, 100, 0.3],
        [course, "Podpis elektroniczny", 2, 0, 3, 2, 66.7, 1.8],
    ]
    # Łucja trained on two courses counts once: 2 persons, not 1 + 2.
    assert rows[-1][3:] == [2, 0, 4, 3, 75, 2.2]
    # The CSV holds the same rows, with decimal commas.
    assert csv_table[0] == [polish(header) for header, _width in indicators.columns(False)]
    assert csv_table[1][2:] == ["I Liceum Ogólnokształcące", "1", "0", "3", "2", "66,7", "1,8"]
    assert csv_table[-1][3:] == ["2", "0", "4", "3", "75,0", "2,2"]
    assert [row[0] for row in rows[:-1]] == [1, 2, 3, 4]

    _reader, text = pdf_text(client.get(INDICATORS + "pdf/", period))
    for expected in (polish(indicators.IndicatorReport.title), "I Liceum Ogólnokształcące",
                     "Podpis elektroniczny", "66.7", "strona 1 z 1"):  # fmt: skip
        assert expected in text, expected
    assert polish(indicators.GENDER_COLUMNS[0][0]) not in text
    assert [entry["format"] for entry in logged("indicators")] == ["csv", "xlsx", "pdf"]
    assert {entry["rows"] for entry in logged("indicators")} == {4}


def test_indicators_split_by_gender_when_the_setting_is_on(
    client, evidence, coordinator_county, period
):
    factories.account_settings(report_by_gender=True)
    client.force_login(coordinator_county)
    page = client.get(INDICATORS, period).content.decode()
    assert polish(indicators.GENDER_COLUMNS[0][0]) in page
    sheet = xlsx_sheet(client.get(INDICATORS + "xlsx/", period))
    assert [cell.value for cell in sheet[1]] == [
        polish(header) for header, _width in indicators.columns(True)
    ]
    rows = indicator_table(sheet)
    # Persons trained, then women, men, not given.
    assert [row[2:7] for row in rows[:-1]] == [
        ["I Liceum Ogólnokształcące", 1, 1, 0, 0],
        ["II Liceum Ogólnokształcące", 1, 0, 0, 1],
        ["Cyberhigiena", 1, 1, 0, 0],
        ["Podpis elektroniczny", 2, 1, 0, 1],
    ]
    assert rows[-1][3:7] == [2, 1, 0, 1]
    text = pdf_text(client.get(INDICATORS + "pdf/", period))[1]
    assert polish(indicators.GENDER_COLUMNS[0][0]) in text


def test_indicators_follow_the_scope(client, evidence, coordinator_lo1, period):
    client.force_login(coordinator_lo1)
    page = client.get(INDICATORS, period).content.decode()
    assert "I Liceum Ogólnokształcące" in page
    assert "II Liceum" not in page
    rows = indicator_table(xlsx_sheet(client.get(INDICATORS + "xlsx/", period)))
    assert [row[2] for row in rows[:-1]] == [
        "I Liceum Ogólnokształcące",
        "Cyberhigiena",
        "Podpis elektroniczny",
    ]
    assert rows[-1][3:] == [1, 0, 3, 2, 66.7, 1.8]


# --- Certificate register -----------------------------------------------------


def test_register_report_lists_the_certificates_in_scope_with_totals(
    client, evidence, coordinator_county, coordinator_lo1, learner_lo1, period
):
    revoked = Certificate.objects.get(user=learner_lo1, course=evidence["b"])
    certificate_revoke(certificate=revoked, by=coordinator_county, reason="Błąd w danych")
    client.force_login(coordinator_county)
    _text, rows = csv_rows(client.get(REGISTER + "csv/", period))
    assert rows[0] == [polish(header) for header in register.HEADERS]
    holders = sorted((row[3], row[5], row[2]) for row in rows[1:-1])
    valid, revoked_label = (
        polish(Certificate.Status.VALID.label),
        polish(Certificate.Status.REVOKED.label),
    )
    assert holders == [
        ("Łucja Ćwik", "Cyberhigiena", revoked_label),
        ("Łucja Ćwik", "Podpis elektroniczny", valid),
        ("Żaneta Śliwa", "Podpis elektroniczny", valid),
    ]
    assert [row[0] for row in rows[1:-1]] == ["1", "2", "3"]
    with translation.override("pl"):
        assert rows[-1][1] == register.Totals(certificates=3, valid=2, revoked=1).row()[1]
    plain = csv_rows(client.get(REGISTER + "csv-plain/", period), delimiter=",")[1]
    assert len(plain) == 5

    sheet = xlsx_sheet(client.get(REGISTER + "xlsx/", period))
    assert sheet["B2"].value.startswith("CA/")
    assert isinstance(sheet["J2"].value, datetime)  # issued: a date cell
    assert sheet["J2"].number_format == "yyyy-mm-dd"
    _reader, text = pdf_text(client.get(REGISTER + "pdf/", period))
    for expected in ("Łucja Ćwik", "Żaneta Śliwa", "Błąd w danych", "strona 1 z 1"):
        assert expected in text, expected
    assert [entry["format"] for entry in logged("certificate-register")] == [
        "csv", "csv-plain", "xlsx", "pdf",
    ]  # fmt: skip
    assert {entry["rows"] for entry in logged("certificate-register")} == {3}

    client.force_login(coordinator_lo1)
    _text, rows = csv_rows(client.get(REGISTER + "csv/", period))
    assert {row[3] for row in rows[1:-1]} == {"Łucja Ćwik"}  # no II LO certificate
    old = {"period_from": "2020-01-01", "period_to": "2020-12-31"}
    assert len(csv_rows(client.get(REGISTER + "csv/", old))[1]) == 2


def test_reports_are_registered_with_their_formats():
    assert list(base.REGISTRY)[:5] == [
        "attendance", "activity", "packages", "indicators", "certificate-register",
    ]  # fmt: skip
    assert base.REGISTRY["indicators"].formats == tuple(base.FORMATS)
    assert base.REGISTRY["activity"].formats == tuple(base.FORMATS)
    for slug in ("activity", "packages", "indicators", "certificate-register"):
        assert base.REGISTRY[slug].form_class is PeriodFilterForm


# --- Query counts -------------------------------------------------------------


@pytest.fixture
def many(catalogue, county, days, admin, scorm_storage):
    """`count` participants, each in an institution of their own, enrolled on
    one course, completed with a certificate, with a session, a login and
    an attempt at each of the two parts of a SCORM package."""

    def build(count):
        course, lessons = factories.course_with_lessons(catalogue, 1)
        package = scorm_package_create(
            file=SimpleUploadedFile("praca.zip", samples.scorm2004_package()), by=admin
        )
        for number in range(count):
            unit = factories.InstitutionFactory(name=f"Szkoła {number}", parent=county["office"])
            learner = factories.user_with_role(
                roles.LEARNER, email=f"l{number}@example.org", institution=unit
            )
            enrolment = Enrolment.objects.create(
                user=learner, course=course, method="self", completed_at=timezone.now()
            )
            certificate_issue(enrolment=enrolment)
            session(learner, course, lessons, at(days["first"], 9), at(days["first"], 9, 30), 600)
            LoginEvent.objects.create(user=learner, kind="login", at=at(days["first"], 8))
            for unit in ("ITEM-1", "ITEM-2"):
                factories.scorm_attempt(
                    learner, lessons[0], course, package, "blok", unit,
                    at(days["first"], 9), at(days["first"], 9, 20), commits=1, best_score=50,
                )  # fmt: skip

    return build


@pytest.mark.parametrize("count", [1, 50])
@pytest.mark.parametrize(
    ("url", "export_format", "page_queries", "export_queries"),
    [
        (ATTENDANCE, "csv", 20, 15),
        (ACTIVITY, "csv", 19, 14),  # with the package parts: one query more
        (PACKAGES, "csv", 18, 13),
        (INDICATORS, "xlsx", 17, 14),
        (REGISTER, "csv", 16, 12),
    ],
)
def test_reports_run_a_fixed_number_of_queries(
    client, many, coordinator_county, period, count, url, export_format,
    page_queries, export_queries, django_assert_num_queries,
):  # fmt: skip
    many(count)
    client.force_login(coordinator_county)
    client.get(url, period)
    with django_assert_num_queries(page_queries):
        response = client.get(url, period)
        assert response.status_code == 200
    assert response.context["page_obj"].paginator.count >= count
    b"".join(client.get(f"{url}{export_format}/", period).streaming_content)  # caches warm
    with django_assert_num_queries(export_queries):
        response = client.get(f"{url}{export_format}/", period)
        b"".join(response.streaming_content)
    assert logged(url.strip("/").split("/")[-1])[-1]["rows"] >= count
