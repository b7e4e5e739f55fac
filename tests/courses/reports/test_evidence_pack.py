"""The evidence pack: one ZIP with every report in each format, the
certificate PDFs and a README; built in the background, handed only to the
person who asked (or a coordinator with the same scope), removed later."""

import io
import os
import zipfile
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry

from accounts import roles
from courses import exports
from courses.models import EvidencePack
from tests import factories
from tests.conftest import coordinator_of

pytestmark = pytest.mark.django_db


def request_pack(client, data, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/admin/evidence-packs/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return EvidencePack.objects.latest("pk")


def test_pack_holds_the_reports_certificates_and_a_readme(
    client,
    course_data,
    coordinator_county,
    period,
    django_capture_on_commit_callbacks,
):
    client.force_login(coordinator_county)
    pack = request_pack(
        client, {**period, "course": course_data["course"].pk}, django_capture_on_commit_callbacks
    )
    pack.refresh_from_db()
    assert pack.status == EvidencePack.Status.READY
    assert pack.done == pack.total > 0
    page = client.get(f"/admin/evidence-packs/{pack.pk}/").content.decode()
    assert f"/admin/evidence-packs/{pack.pk}/download/" in page
    response = client.get(f"/admin/evidence-packs/{pack.pk}/download/")
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    names = archive.namelist()
    start, end = period["period_from"], period["period_to"]
    for expected in (
        "README.txt",
        f"raporty/lista-obecnosci-{start}-{end}.csv",
        f"raporty/lista-obecnosci-{start}-{end}.xlsx",
        f"raporty/lista-obecnosci-{start}-{end}.pdf",
    ):
        assert expected in names, names
    certificates = [name for name in names if name.startswith("zaswiadczenia/")]
    (pdf,) = [name for name in certificates if name.endswith(".pdf")]
    assert pdf.startswith("zaswiadczenia/CA-")
    stem = pdf.removesuffix(".pdf")
    assert sorted(certificates) == [f"{stem}.jwt", pdf, f"{stem}.png"]  # with its credential
    readme = archive.read("README.txt").decode()
    assert "Podpis elektroniczny" in readme  # the course filter
    assert f"raporty/lista-obecnosci-{start}-{end}.xlsx" in readme
    assert coordinator_county.email in readme
    # The pack's attendance list is the report's own export, row for row.
    exported = b"".join(
        client.get("/admin/reports/attendance/csv/", {**period, "course": course_data["course"].pk})
        .streaming_content
    )  # fmt: skip
    assert archive.read(f"raporty/lista-obecnosci-{start}-{end}.csv") == exported
    assert ModelLogEntry.objects.filter(
        action=exports.EXPORT_ACTION, data__export="evidence_pack"
    ).exists()


def test_pack_is_handed_only_to_its_requester_or_the_same_scope(
    client,
    course_data,
    coordinator_lo1,
    county,
    period,
    django_capture_on_commit_callbacks,
):
    client.force_login(coordinator_lo1)
    pack = request_pack(client, period, django_capture_on_commit_callbacks)
    other = coordinator_of(county["lo2"], "inny@example.org")
    client.force_login(other)
    assert client.get(f"/admin/evidence-packs/{pack.pk}/").status_code == 404
    assert client.get(f"/admin/evidence-packs/{pack.pk}/download/").status_code == 404
    same_scope = coordinator_of(county["lo1"], "zastepca@example.org")
    client.force_login(same_scope)
    assert client.get(f"/admin/evidence-packs/{pack.pk}/download/").status_code == 200
    learner = factories.user_with_role(roles.LEARNER, email="uczen@example.org")
    client.force_login(learner)
    assert client.get("/admin/evidence-packs/").status_code in (302, 403)


def test_bad_filters_store_nothing_and_old_packs_are_pruned(
    client,
    course_data,
    coordinator_lo1,
    county,
    period,
    django_capture_on_commit_callbacks,
):
    client.force_login(coordinator_lo1)
    response = client.post("/admin/evidence-packs/", {**period, "institution": county["lo2"].pk})
    assert response.status_code == 200
    assert "poza Twoim zakresem" in response.content.decode()
    response = client.post("/admin/evidence-packs/", {"period_from": "", "period_to": ""})
    assert "Podaj początek i koniec okresu." in response.content.decode()
    assert not EvidencePack.objects.exists()
    pack = request_pack(client, period, django_capture_on_commit_callbacks)
    pack.refresh_from_db()
    path = pack.file.path
    EvidencePack.objects.filter(pk=pack.pk).update(requested_at=timezone.now() - timedelta(days=4))
    out = io.StringIO()
    call_command("prune_private_files", stdout=out)
    assert "1" in out.getvalue()
    assert not EvidencePack.objects.exists()
    assert not os.path.exists(path)
