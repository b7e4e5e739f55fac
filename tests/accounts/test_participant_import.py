"""Participant import from CSV/XLSX: a full preview of every row's problems,
then an all-or-nothing import that invites new people and updates known ones."""

import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError
from openpyxl import Workbook

from accounts import participant_import as pi
from accounts import roles, services
from accounts.models import Invitation, User
from tests import factories

pytestmark = pytest.mark.django_db

URL = "/admin/participants/import/"
HEADER = "imię;nazwisko;e-mail;jednostka;stanowisko"


def csv_upload(text, *, encoding="utf-8-sig", name="uczestnicy.csv"):
    return SimpleUploadedFile(name, text.encode(encoding), content_type="text/csv")


def xlsx_upload(rows, name="uczestnicy.xlsx"):
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


@pytest.fixture
def coordinator_client(client, coordinator_county):
    client.force_login(coordinator_county)
    return client


def preview(client, upload):
    response = client.post(URL, {"file": upload})
    assert response.status_code == 200
    return response


def confirm(client, response, django_capture_on_commit_callbacks):
    payload = response.context["payload"]
    assert payload
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(URL, {"payload": payload})


def test_clean_csv_with_bom_and_semicolons_imports_and_invites(
    coordinator_client, county, django_capture_on_commit_callbacks
):
    text = "\n".join(
        [
            HEADER,
            "Łucja;Żółć;Lucja.Zolc@Example.org;I LO;nauczycielka",
            "Grzegorz;Brzęczyszczykiewicz;g.b@example.org;II Liceum Ogólnokształcące;woźny",
        ]
    )
    response = preview(coordinator_client, csv_upload(text))
    assert response.context["error_count"] == 0
    assert User.objects.count() == 1  # only the coordinator: the preview stores nothing
    response = confirm(coordinator_client, response, django_capture_on_commit_callbacks)
    assert response.status_code == 302

    lucja = User.objects.get(email="lucja.zolc@example.org")
    assert (lucja.first_name, lucja.last_name, lucja.institution) == (
        "Łucja",
        "Żółć",
        county["lo1"],
    )
    assert lucja.groups.filter(name=roles.LEARNER).exists()
    assert not lucja.has_usable_password()
    assert sorted(m.to[0] for m in mail.outbox) == ["g.b@example.org", "lucja.zolc@example.org"]
    assert Invitation.objects.count() == 2


def test_comma_separated_csv_without_bom_and_english_headers(coordinator_client, county):
    text = "First name,Last name,Email,Institution,Position\nAnna,Ćma,anna@example.org,I LO,\n"
    response = preview(coordinator_client, csv_upload(text, encoding="utf-8"))
    assert response.context["error_count"] == 0
    assert [r.email for r in response.context["rows"]] == ["anna@example.org"]


def test_xlsx_imports(coordinator_client, county, django_capture_on_commit_callbacks):
    upload = xlsx_upload(
        [
            ["Imię", "Nazwisko", "E-mail", "Jednostka", "Stanowisko"],
            ["Ewa", "Śmigło", "ewa@example.org", "I LO", "sekretarka"],
        ]
    )
    response = confirm(
        coordinator_client, preview(coordinator_client, upload), django_capture_on_commit_callbacks
    )
    assert response.status_code == 302
    assert User.objects.get(email="ewa@example.org").position == "sekretarka"


def test_every_kind_of_bad_row_is_shown_and_nothing_is_stored(coordinator_client, county):
    text = "\n".join(
        [
            HEADER,
            "Jan;Kowalski;to-nie-jest-email;I LO;",
            "Anna;Nowak;anna@example.org;Szkoła Nieistniejąca;",
            ";Bez Imienia;bez@example.org;I LO;",
            "Ola;Duplikat;anna@example.org;I LO;",
            "Piotr;;piotr@example.org;I LO;",
        ]
    )
    response = preview(coordinator_client, csv_upload(text))
    rows = {row.line: row.errors for row in response.context["rows"]}
    assert rows[2] == ["„to-nie-jest-email” nie jest prawidłowym adresem e-mail"]
    assert rows[3] == ["jednostka „Szkoła Nieistniejąca” jest nieznana lub poza Twoim zakresem"]
    assert rows[4] == ["brak imienia"]
    assert rows[5] == ["ten adres e-mail występuje już w wierszu 3"]
    assert rows[6] == ["brak nazwiska"]
    assert response.context["payload"] is None
    body = response.content.decode()
    assert "5 wierszy zawiera błędy" in body
    assert User.objects.count() == 1


def test_formula_like_cells_are_flagged_in_the_preview_and_stored_as_text(
    coordinator_client, county, django_capture_on_commit_callbacks
):
    """Cells a spreadsheet would run (OWASP's =, +, -, @; a leading tab is
    folded away, what follows it counts) are named in the preview and then
    imported as the literal text."""
    text = "\n".join(
        [
            HEADER,
            '=HYPERLINK("http://evil.example.org");Nowak;anna@example.org;I LO;referent',
            "Jan;-Kowalski;jan@example.org;I LO;@SUM(A1)",
            "\t+48 600 000 000;Wiśniewska;ewa@example.org;I LO;",
            "Ola;Zwykła;ola@example.org;I LO;sekretarka",
        ]
    )
    response = preview(coordinator_client, csv_upload(text))
    assert response.context["error_count"] == 0
    body = response.content.decode()
    for column, char in (("Imię", "="), ("Nazwisko", "-"), ("Stanowisko", "@"), ("Imię", "+")):
        warning = (
            f"Komórka „{column}” zaczyna się od znaku „{char}” – zostanie zapisana jako "
            "zwykły tekst, nie formuła."
        )
        assert warning in body, warning
    warned = {row.line: len(row.warnings) for row in response.context["rows"]}
    assert warned == {2: 1, 3: 2, 4: 1, 5: 0}
    assert body.count("Komórka „") == 4
    response = confirm(coordinator_client, response, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert User.objects.get(email="anna@example.org").first_name == (
        '=HYPERLINK("http://evil.example.org")'
    )
    jan = User.objects.get(email="jan@example.org")
    assert (jan.last_name, jan.position) == ("-Kowalski", "@SUM(A1)")
    assert User.objects.get(email="ewa@example.org").first_name == "+48 600 000 000"


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            csv_upload(HEADER + "\nŁucja;Żółć;l@example.org;I LO;", encoding="cp1250"),
            "nie jest zapisany w kodowaniu UTF-8",
        ),
        (
            SimpleUploadedFile("lista.xlsx", b"PK\x03\x04 to nie jest arkusz"),
            "nie jest poprawnym arkuszem XLSX",
        ),
        (SimpleUploadedFile("lista.pdf", b"%PDF-1.7"), "Prześlij plik CSV lub arkusz XLSX."),
        (csv_upload("imię;nazwisko\nJan;Kos"), "Brakuje wymaganych kolumn: e-mail, jednostka."),
        (csv_upload(HEADER + "\n" + "x" * (pi.MAX_FILE_BYTES + 1)), "Plik jest większy niż 2 MB."),
    ],
    ids=["cp1250", "fake-xlsx", "pdf", "missing-columns", "too-large"],
)
def test_unreadable_files_get_a_clear_polish_message(coordinator_client, county, upload, message):
    response = preview(coordinator_client, upload)
    assert message in response.content.decode()
    assert "rows" not in response.context
    assert User.objects.count() == 1


def test_reimport_updates_existing_users_without_duplicates(
    coordinator_client, county, learner_lo1, django_capture_on_commit_callbacks
):
    text = f"{HEADER}\nŁucja;Ćwik-Nowa;{learner_lo1.email.upper()};II LO;dyrektorka"
    response = preview(coordinator_client, csv_upload(text))
    assert [row.is_update for row in response.context["rows"]] == [True]
    confirm(coordinator_client, response, django_capture_on_commit_callbacks)
    assert User.objects.filter(email=learner_lo1.email).count() == 1
    learner_lo1.refresh_from_db()
    assert (learner_lo1.last_name, learner_lo1.institution, learner_lo1.position) == (
        "Ćwik-Nowa",
        county["lo2"],
        "dyrektorka",
    )
    assert learner_lo1.has_usable_password()
    assert mail.outbox == []  # known people are not invited again


def test_forged_payload_is_refused(coordinator_client, county):
    response = coordinator_client.post(
        URL, {"payload": "eyJmYWtlIjoxfQ:forged:signature"}, follow=True
    )
    assert "Podgląd wygasł lub został zmieniony." in response.content.decode()
    assert User.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_import_is_all_or_nothing_when_a_row_fails_midway(county, coordinator_county):
    rows = [
        pi.ParticipantRow(line=2, first_name="Ala", last_name="Kot", email="ala@example.org",
                          institution_name="I LO", position="", institution_id=county["lo1"].pk),
        pi.ParticipantRow(line=3, first_name="Ola", last_name="Pies", email="ola@example.org",
                          institution_name="?", position="", institution_id=987654),
    ]  # fmt: skip
    with pytest.raises(IntegrityError):
        services.participants_import(rows=rows, imported_by=coordinator_county)
    assert not User.objects.filter(email__in=["ala@example.org", "ola@example.org"]).exists()
    assert Invitation.objects.count() == 0
    assert mail.outbox == []


def test_rows_with_errors_are_refused_by_the_service(county, coordinator_county):
    row = pi.ParticipantRow(
        line=2, first_name="", last_name="Kot", email="a@example.org", institution_name="I LO",
        position="", institution_id=county["lo1"].pk, errors=["brak imienia"],
    )  # fmt: skip
    with pytest.raises(services.AccountError):
        services.participants_import(rows=[row], imported_by=coordinator_county)
    assert not User.objects.filter(email="a@example.org").exists()


def test_gender_column_is_ignored_unless_reporting_by_gender(
    coordinator_client, county, django_capture_on_commit_callbacks
):
    text = "imię;nazwisko;e-mail;jednostka;stanowisko;płeć\nEwa;Lis;ewa@example.org;I LO;;K"
    confirm(
        coordinator_client,
        preview(coordinator_client, csv_upload(text)),
        django_capture_on_commit_callbacks,
    )
    assert User.objects.get(email="ewa@example.org").gender == ""

    factories.account_settings(report_by_gender=True)
    text = "imię;nazwisko;e-mail;jednostka;stanowisko;płeć\nJan;Lis;jan@example.org;I LO;;x"
    response = preview(coordinator_client, csv_upload(text))
    assert response.context["rows"][0].errors == [
        "płeć „x” nie została rozpoznana (użyj K lub M albo zostaw puste)"
    ]
