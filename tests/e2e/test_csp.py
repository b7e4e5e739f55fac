"""The Content-Security-Policy in Chromium: every kind of page a visitor, a
learner, a coordinator or an administrator opens (the H5P player and the
Wagtail admin's editors and choosers included) works under the policy with
no violation reported, neither as a `securitypolicyviolation` event in any
frame nor as a console error. These tests never bypass the policy."""

import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect
from wagtail.documents import get_document_model

from accounts import roles
from courses.models import Attendance, Certificate, CertificateBatch, Enrolment, LiveSession
from courses.progress import services as progress_services
from tests import factories
from tests.e2e.test_courses import VTT, add_block, choose, login
from tests.fixtures.h5p import add_h5p_block, installed_package

pytestmark = pytest.mark.django_db(transaction=True)

LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(
        `${event.effectiveDirective} blocked ${event.blockedURI || "inline"}`
        + ` in ${event.documentURI} (${event.sourceFile}:${event.lineNumber})`
    );
});
"""


class Violations:
    """What the browser reported against the policy, from every frame."""

    def __init__(self, page):
        self.page = page
        self.console = []
        page.add_init_script(LISTENER)
        page.on("console", self._console)

    def _console(self, message):
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.console.append(message.text)

    def collect(self) -> list[str]:
        reported = list(self.console)
        for frame in self.page.frames:
            try:
                reported += frame.evaluate("window.__cspViolations || []")
            except PlaywrightError:  # a frame that went away reports nothing more
                continue
        self.console.clear()
        return reported


@pytest.fixture
def violations(page):
    return Violations(page)


def visit(page, violations, address, status=200):
    response = page.goto(address)
    assert (response.status, urlsplit(page.url).path) == (status, address)
    assert "script-src 'self'" in response.headers.get("content-security-policy", ""), address
    page.wait_for_load_state("networkidle")
    assert violations.collect() == [], address


def refused_inline_script(page, violations) -> bool:
    """Whether the page refuses (and reports) a script injected into it."""
    page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.__injected = true;";
            document.body.append(script);
        }"""
    )
    page.wait_for_timeout(200)
    return not page.evaluate("window.__injected === true") and bool(violations.collect())


def close_modal(page):
    page.locator(".modal.in [data-dismiss=modal]").first.click()
    expect(page.locator(".modal.in")).to_have_count(0)


def document(title, name, content):
    return get_document_model().objects.create(title=title, file=ContentFile(content, name=name))


def test_visitor_and_learner_pages_report_no_violations(
    page, violations, live_server, settings, site_shell, catalogue, county, h5p_storage
):
    settings.SITE_URL = live_server.url
    admin = factories.user_with_role(roles.ADMINISTRATOR, email="admin-csp@example.org")
    learner = factories.user_with_role(
        roles.LEARNER, email="csp@example.org", institution=county["lo1"]
    )
    course, lessons = factories.course_with_lessons(catalogue, 3, quiz=True, title="Bezpieczeństwo")
    text, h5p, quiz = lessons
    video = document("Film: blokada ekranu", "blokada.mp4", b"\x00\x00\x00\x18ftypmp42")
    captions = document("Napisy: blokada ekranu", "blokada.vtt", VTT.encode())
    text.body.append(("video", {"video": video, "captions": captions, "captions_language": "pl"}))
    text.body.append(("document", {"document": captions, "title": "Napisy do pobrania"}))
    text.save_revision().publish()
    add_h5p_block(h5p, installed_package(admin), pass_mark=100)
    Enrolment.objects.create(user=learner, course=course, method="self")
    now = timezone.now()
    session = LiveSession.objects.create(
        course=course, title="Spotkanie na żywo", starts_at=now - timedelta(minutes=5),
        ends_at=now + timedelta(minutes=55), meeting_url="https://meet.example.org/wideo",
    )  # fmt: skip
    done, done_lessons = factories.course_with_lessons(catalogue, 1, title="Podpis elektroniczny")
    Enrolment.objects.create(user=learner, course=done, method="self")
    progress_services.lesson_open(user=learner, lesson=done_lessons[0])
    progress_services.lesson_mark_done(user=learner, lesson=done_lessons[0])
    certificate = Certificate.objects.get(user=learner)

    visit(page, violations, "/")
    assert refused_inline_script(page, violations)
    for address in (site_shell["content"].url, site_shell["statement"].url, catalogue.url):
        visit(page, violations, address)
    visit(page, violations, course.url)
    visit(page, violations, "/no-such-page/", status=404)
    visit(page, violations, f"/certificates/verify/{certificate.code}/")

    login(page, learner.email)  # the login form, then the RODO clause
    assert violations.collect() == []
    page.get_by_role("button", name=re.compile("Zapoznałem")).click()
    page.wait_for_load_state("networkidle")
    assert violations.collect() == []

    visit(page, violations, course.url)  # with the live session and its check-in form
    assert page.locator('a[href="https://meet.example.org/wideo"]').is_visible()
    page.locator("#live-checkin-code").fill(session.checkin_code)
    page.locator(".live-checkin button[type=submit]").click()
    page.wait_for_load_state("networkidle")
    assert Attendance.objects.filter(session=session, user=learner).exists()
    assert violations.collect() == []
    visit(page, violations, text.url)
    assert page.locator("video track[kind=captions]").count() == 1
    page.get_by_role("button", name="Oznacz jako ukończoną").click()
    page.wait_for_url(f"**{h5p.url}")
    assert violations.collect() == []
    visit(page, violations, h5p.url)
    page.wait_for_selector("[data-h5p-ready=true]", timeout=15_000)
    frame = page.frame_locator("iframe.h5p-iframe")
    frame.get_by_label("Trzy losowe słowa i cyfra").check()
    frame.get_by_role("button", name="Sprawdź").click()
    expect(frame.locator(".h5p-checkpoint-feedback")).to_contain_text("Tak, długie.")
    page.wait_for_load_state("networkidle")
    assert violations.collect() == []
    visit(page, violations, quiz.url)
    choose(page, ["Windows + L", "Szyfrowanie dysku", "Silne hasło logowania", "Fałsz"])
    page.get_by_role("button", name="Sprawdź odpowiedzi").click()
    page.wait_for_load_state("networkidle")
    assert "Test zaliczony" in page.content()
    assert violations.collect() == []
    for address in ("/my-courses/", "/certificates/", "/accounts/profile/"):
        visit(page, violations, address)
    visit(page, violations, "/admin/", status=403)  # the learner's "no access" page


def test_admin_and_coordinator_pages_report_no_violations(
    page, violations, live_server, settings, site_shell, catalogue, county, learner_lo1
):
    # The editors' shortcut bar on the site loads the admin's files from here.
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    admin = factories.user_with_role(
        roles.ADMINISTRATOR, email="admin-csp@example.org", is_superuser=True
    )
    course, lessons = factories.course_with_lessons(catalogue, 2, title="Praca zdalna")
    Enrolment.objects.create(user=learner_lo1, course=course, method="self")
    progress_services.lesson_open(user=learner_lo1, lesson=lessons[0])
    factories.wagtail_factories.ImageFactory(title="Zrzut ekranu")
    document("Regulamin", "regulamin.txt", b"Regulamin szkolenia")
    now = timezone.now()
    session = LiveSession.objects.create(
        course=course, title="Spotkanie", starts_at=now - timedelta(minutes=5),
        ends_at=now + timedelta(minutes=55), meeting_url="https://meet.example.org/wideo",
    )  # fmt: skip
    batch = CertificateBatch.objects.create(
        requested_by=admin, status=CertificateBatch.Status.RUNNING, total=4, done=1
    )

    login(page, admin.email)
    # The RODO clause on the first visit of the site (the preview shows the site, too).
    page.goto(course.url)
    page.get_by_role("button", name=re.compile("Zapoznałem")).click()
    page.wait_for_load_state("networkidle")
    assert violations.collect() == []
    visit(page, violations, "/admin/")  # the dashboard with its charts
    assert page.locator("[data-chart=institutions]").count() == 1
    visit(page, violations, f"/admin/pages/{catalogue.pk}/")
    visit(page, violations, f"/admin/pages/{course.pk}/edit/")
    visit(page, violations, f"/admin/pages/{lessons[0].pk}/edit/")
    # The preview panel shows the lesson as the site renders it, inside the admin.
    toggle = page.locator('[data-side-panel-toggle="preview"]')
    toggle.click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.get_by_role("heading", level=1)).to_have_text(lessons[0].title)
    page.wait_for_load_state("networkidle")
    assert violations.collect() == []
    toggle.click()

    add_block(page, "Obraz")
    page.get_by_role("button", name="Wybierz obraz").click()
    expect(
        page.locator(".modal .image-choice, .modal [data-chooser-modal-choice]").first
    ).to_be_visible()
    assert violations.collect() == []
    close_modal(page)
    add_block(page, "Dokument do pobrania")
    page.get_by_role("button", name="Wybierz dokument").click()
    expect(page.get_by_role("link", name="Regulamin", exact=True)).to_be_visible()
    assert violations.collect() == []
    close_modal(page)

    for address in (
        "/admin/reports/activity/",
        "/admin/reports/attendance/",
        "/admin/reports/site-history/",
        "/admin/progress/",
        f"/admin/progress/{course.pk}/",
        "/admin/enrolments/",
        "/admin/certificates/",
        f"/admin/live-sessions/{session.pk}/attendance/",
        "/admin/images/",
        "/admin/documents/",
    ):
        visit(page, violations, address)

    # The job page updates itself (job-poll.js) once the file is ready.
    visit(page, violations, f"/admin/certificates/batches/{batch.pk}/")
    CertificateBatch.objects.filter(pk=batch.pk).update(
        status=CertificateBatch.Status.FAILED, done=4
    )
    expect(page.locator("#job-status")).to_have_attribute("data-state", "failed", timeout=10_000)
    assert violations.collect() == []

    visit(page, violations, course.url)  # the site with the editors' shortcut bar
    expect(page.locator("#wagtail-userbar-trigger")).to_be_visible()
    assert violations.collect() == []
