"""The site history in the admin (Wagtail's audit log): each coordinator
reads only the entries of their scope, and every export entry says in
Polish what was exported with which filters."""

import csv
import html
import io
from datetime import date

import openpyxl
import pytest
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from accounts import roles
from courses import exports
from tests import factories
from tests.conftest import coordinator_of

pytestmark = pytest.mark.django_db

HISTORY = "/admin/reports/site-history/"


@pytest.fixture
def administrator(db):
    return factories.user_with_role(roles.ADMINISTRATOR, email="admin@example.org")


def polish_date(iso: str) -> str:
    return f"{date.fromisoformat(iso):%d.%m.%Y}"


def export(client, slug, data, export_format="csv-plain"):
    response = client.get(f"/admin/reports/{slug}/{export_format}/", data)
    assert response.status_code == 200
    b"".join(response.streaming_content) if response.streaming else response.content


def test_school_coordinator_reads_only_their_scope(
    client, course_data, county, coordinator_lo1, coordinator_county, administrator, period
):
    course = course_data["course"]
    for person, last_name in ((coordinator_county, "Powiatowa"), (administrator, "Adminowa")):
        person.last_name = last_name
        person.save(update_fields=["last_name"])
    client.force_login(coordinator_lo1)
    export(client, "attendance", {**period, "institution": county["lo1"].pk})
    client.force_login(coordinator_county)
    export(client, "attendance", {**period, "institution": county["lo2"].pk, "course": course.pk})
    export(client, "attendance", period)  # the whole county
    lo2_learner = factories.user_with_role(
        roles.LEARNER, email="inny@example.org", institution=county["lo2"], last_name="Obcy"
    )
    log(instance=lo2_learner, action="wagtail.edit", user=administrator)

    client.force_login(coordinator_lo1)
    response = client.get(HISTORY)
    assert response.status_code == 200
    body = response.content.decode()
    assert "jednostka: I Liceum Ogólnokształcące" in body  # their own export
    assert "II Liceum" not in body and "Podpis elektroniczny" not in body
    assert body.count("Wyeksportowano:") == 1
    assert "Obcy" not in body
    user_choices = response.context["filters"].form.fields["user"].queryset
    assert set(user_choices) == {coordinator_lo1}
    assert "Powiatowa" not in body and "Adminowa" not in body

    client.force_login(coordinator_county)
    county_body = client.get(HISTORY).content.decode()
    assert county_body.count("Wyeksportowano:") == 3  # the school is in the county's scope
    assert "Obcy" in county_body

    client.force_login(administrator)
    response = client.get(HISTORY)
    body = response.content.decode()
    assert body.count("Wyeksportowano:") == 3 and "Obcy" in body
    user_choices = set(response.context["filters"].form.fields["user"].queryset)
    assert {coordinator_lo1, coordinator_county, administrator} <= user_choices


def test_every_export_names_its_filters_in_polish(
    client, course_data, county, coordinator_county, administrator, period
):
    course = course_data["course"]
    start, end = polish_date(period["period_from"]), polish_date(period["period_to"])
    filters = {**period, "course": course.pk, "institution": county["lo1"].pk}
    client.force_login(coordinator_county)
    export(client, "attendance", {**filters, "status": "completed"}, "xlsx")
    for slug in (
        "activity",
        "live-session-attendance",
        "live-course-attendance",
        "certificate-register",
    ):
        export(client, slug, filters)
    export(client, "indicators", filters, "xlsx")
    response = client.get(
        "/admin/certificates/export/csv/",
        {"status": "revoked", "issued_from": period["period_from"]},
    )
    b"".join(response.streaming_content)
    assert client.post("/admin/evidence-packs/", filters).status_code == 302
    # The ZIP of certificate PDFs and a single PDF need issued certificates:
    # their entries as those views write them.
    exports.export_log(
        user=coordinator_county,
        export="certificate_pdfs",
        export_format="zip",
        filters={"institution": {"id": county["lo1"].pk, "name": county["lo1"].name}},
        rows=2,
    )
    exports.export_log(
        user=coordinator_county,
        export="certificate_pdf",
        export_format="pdf",
        filters={"certificate": "CA-2026-000014"},
        rows=1,
    )
    # An entry from before the filters were described: no filters, no names.
    log(
        instance=coordinator_county,
        action=exports.EXPORT_ACTION,
        user=coordinator_county,
        data={"export": "evidence_pack", "format": "zip", "rows": 0},
    )
    assert ModelLogEntry.objects.filter(action=exports.EXPORT_ACTION).count() == 11

    client.force_login(administrator)
    body = html.unescape(client.get(HISTORY).content.decode())
    chosen = (
        f"szkolenie: Podpis elektroniczny; jednostka: I Liceum Ogólnokształcące; "
        f"okres: {start}–{end}"
    )
    for expected in (
        f"Wyeksportowano: raport obecności i postępów (XLSX), 1 wiersz; {chosen}; "
        "status: ukończona",
        "Wyeksportowano: raport aktywności (udział zdalny) (CSV-PLAIN)",
        "Wyeksportowano: zestawienie wskaźników (XLSX)",
        "Wyeksportowano: lista obecności na zajęciach na żywo (CSV-PLAIN), 0 wierszy; " + chosen,
        "Wyeksportowano: obecność na zajęciach na żywo według szkoleń (CSV-PLAIN)",
        "Wyeksportowano: raport rejestru zaświadczeń (CSV-PLAIN)",
        f"Wyeksportowano: rejestr zaświadczeń (CSV), 0 wierszy; data wydania: od {start}; "
        "status: unieważnione",
        f"Wyeksportowano: pakiet dowodowy (ZIP); {chosen}",
        "Wyeksportowano: pliki PDF zaświadczeń (ZIP), 2 wiersze; "
        "jednostka: I Liceum Ogólnokształcące",
        "Wyeksportowano: plik PDF zaświadczenia (PDF), 1 wiersz; zaświadczenie: CA-2026-000014",
    ):
        assert expected in body, expected
    assert "evidence_pack" not in body
    assert body.count("Wyeksportowano: pakiet dowodowy (ZIP)") == 2  # the old entry too


def test_a_persons_history_hides_their_exports_about_other_schools(
    client, course_data, county, coordinator_lo1, period
):
    """Someone working at the school with a county-wide scope exports the
    other school's data; the school's coordinator opens that person's history."""
    deputy = coordinator_of(county["lo1"], "wicestarosta@example.org")
    deputy.scope.set([county["office"]])
    client.force_login(deputy)
    export(client, "attendance", {**period, "institution": county["lo2"].pk})
    log(instance=deputy, action="wagtail.edit", user=deputy)
    client.force_login(coordinator_lo1)
    response = client.get(f"/admin/participants/history/{deputy.pk}/")
    assert response.status_code == 200
    body = html.unescape(response.content.decode())
    assert "II Liceum" not in body and "Wyeksportowano" not in body
    client.force_login(deputy)
    body = html.unescape(client.get(f"/admin/participants/history/{deputy.pk}/").content.decode())
    assert "jednostka: II Liceum Ogólnokształcące" in body


def test_site_history_downloads_keep_formula_like_names_as_text(
    client, county, coordinator_county, administrator
):
    """A name a spreadsheet would run (here a learner's and an editor's)
    comes out of the site history's CSV and XLSX escaped, as in our own
    exports."""
    learner = factories.user_with_role(
        roles.LEARNER,
        email="uczen@example.org",
        institution=county["lo1"],
        first_name='=HYPERLINK("http://evil.example.org")',
        last_name="Zając",
    )
    administrator.first_name, administrator.last_name = "@SUM(A1)", "Adminowa"
    administrator.save(update_fields=["first_name", "last_name"])
    log(instance=learner, action="wagtail.edit", user=administrator)
    client.force_login(coordinator_county)

    response = client.get(HISTORY, {"export": "csv"})
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8")
    rows = [row for row in csv.reader(io.StringIO(text)) if any("Zając" in cell for cell in row)]
    assert len(rows) == 1
    assert '\'=HYPERLINK("http://evil.example.org") Zając' in rows[0]
    assert "'@SUM(A1) Adminowa" in rows[0]

    response = client.get(HISTORY, {"export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    cells = [cell.value for row in sheet.iter_rows() for cell in row if cell.value]
    assert '\'=HYPERLINK("http://evil.example.org") Zając' in cells
    assert "'@SUM(A1) Adminowa" in cells
