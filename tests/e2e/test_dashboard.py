"""The learning dashboard in Chromium: a coordinator opens the admin home
page and sees the panel with its charts and the same figures as tables;
axe-core checks the panel (Wagtail's own admin chrome is not ours to fix),
with the tables opened, and the panel does not scroll sideways at 320 px."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from accounts import roles
from courses.models import Enrolment, LearningSession
from tests import factories
from tests.conftest import coordinator_of
from tests.e2e.test_courses import login

pytestmark = pytest.mark.django_db(transaction=True)

PANEL = "#courses-dashboard-section"


def test_coordinator_sees_the_dashboard_panel(page, site_shell, catalogue, county, run_axe):
    coordinator = coordinator_of(county["lo1"], "koordynator@example.org")
    course, lessons = factories.course_with_lessons(catalogue, 2, title="Bezpieczny e-mail")
    today = timezone.localdate()
    for n in range(4):
        learner = factories.user_with_role(
            roles.LEARNER, email=f"osoba{n}@example.org", institution=county["lo1"]
        )
        Enrolment.objects.create(
            user=learner,
            course=course,
            method="assigned",
            deadline=today - timedelta(days=2),
            completed_at=timezone.now() if n == 0 else None,
        )
        started = timezone.now() - timedelta(days=n * 8)
        LearningSession.objects.create(
            user=learner, course=course, lesson=lessons[0], visit=f"v{n}",
            started_at=started, last_seen_at=started, active_seconds=1800 * (n + 1),
        )  # fmt: skip

    login(page, coordinator.email)
    page.goto("/admin/")
    panel = page.locator(PANEL)
    panel.wait_for()
    figures = panel.locator("dd")
    assert figures.all_inner_texts() == ["4", "1", "1", "3", "0"]
    assert panel.locator("[data-chart]").count() == 3
    for chart in panel.locator("[data-chart]").all():
        assert chart.get_attribute("aria-hidden") == "true"
        assert chart.bounding_box()["height"] > 0
    assert panel.locator("[data-chart=institutions] li").first.inner_text().split("\n") == [
        "I Liceum Ogólnokształcące",
        "25% (1/4)",
    ]

    for summary in panel.locator("summary").all():
        summary.click()
    tables = panel.locator("table")
    assert tables.count() == 3
    for table in tables.all():
        assert table.is_visible()
        assert table.locator("caption").inner_text().strip()
    assert "25%" in tables.nth(0).inner_text()  # 1 of 4 completed
    assert run_axe(page, within=PANEL) == []
    page.emulate_media(color_scheme="dark")  # the admin follows the system theme
    assert run_axe(page, within=PANEL) == []
    page.emulate_media(color_scheme="light")

    page.set_viewport_size({"width": 320, "height": 640})
    page.wait_for_timeout(500)  # the admin sidebar collapses with a transition
    overflow = page.evaluate(
        f"(() => {{ const e = document.querySelector('{PANEL}'); "
        "return e.scrollWidth - e.clientWidth; })()"
    )
    assert overflow <= 0
    assert run_axe(page, within=PANEL) == []

    panel.get_by_role("link", name="3").click()
    page.wait_for_url("**/admin/reports/overdue/")
    boxes = page.locator("input[name=enrolment]")
    assert boxes.count() == 3
    assert run_axe(page, within="main .nice-padding") == []
    boxes.first.check()
    page.get_by_role("button", name=re.compile("Wyślij przypomnienia")).click()
    page.wait_for_url("**/admin/reports/overdue/")
    assert Enrolment.objects.filter(reminded_at__isnull=False).count() == 1


LONG_NAME = "Szkoła Podstawowa nr 3 im. Marii Konopnickiej w Kozienicach"


def test_long_institution_names_show_whole_inside_the_chart(page, site_shell, catalogue, county):
    school = factories.InstitutionFactory(name=LONG_NAME, parent=county["office"])
    course, _lessons = factories.course_with_lessons(catalogue, 1, title="Bezpieczny e-mail")
    for n, institution in enumerate((school, county["lo1"])):
        learner = factories.user_with_role(
            roles.LEARNER, email=f"osoba{n}@example.org", institution=institution
        )
        Enrolment.objects.create(user=learner, course=course, method="assigned")
    coordinator = coordinator_of(county["office"], "koordynator@example.org")

    login(page, coordinator.email)
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto("/admin/")
        chart = page.locator(f"{PANEL} [data-chart=institutions]")
        label = chart.get_by_text(LONG_NAME, exact=True)
        assert label.count() == 1, width
        box, outer = label.bounding_box(), chart.bounding_box()
        assert box["width"] > 0 and box["height"] > 0
        assert outer["x"] <= box["x"] and box["x"] + box["width"] <= outer["x"] + outer["width"]
        assert outer["y"] <= box["y"] and box["y"] + box["height"] <= outer["y"] + outer["height"]
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, width
        # Nothing of it is clipped: the element shows all the text it holds.
        clipped = label.evaluate("e => e.scrollWidth > e.clientWidth + 1")
        assert not clipped, width
