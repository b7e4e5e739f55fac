"""H5P in Chromium with the real h5p-standalone from npm: a learner answers
the project's checkpoint question in a lesson, the statement reaches the
server, the lesson is completed and the course progress moves; after a
reload the saved state comes back. axe-core checks the lesson page and the
player's frame."""

import re
import time

import pytest
from playwright.sync_api import expect

from accounts import roles
from courses.models import Enrolment, H5PResult, H5PStatement, H5PUserData, LessonProgress
from tests import factories
from tests.e2e.test_courses import login
from tests.fixtures.h5p import add_h5p_block, installed_package

pytestmark = pytest.mark.django_db(transaction=True)

RIGHT = "Trzy losowe słowa i cyfra"
WRONG = "Imię kota"


def wait_until(condition, seconds=15):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


@pytest.fixture
def axe_everywhere(axe_source):
    """axe-core in the page and in every frame it can reach, run from the top."""

    def run(page):
        for frame in page.frames:
            if not frame.evaluate("typeof window.axe !== 'undefined'"):
                frame.add_script_tag(content=axe_source)
        return page.evaluate(
            """async () => {
                const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
                const result = await axe.run(document, {
                    runOnly: {type: 'tag', values: tags},
                    resultTypes: ['violations'],
                    iframes: true,
                });
                return result.violations.map(v => ({
                    id: v.id, impact: v.impact, help: v.help,
                    targets: v.nodes.map(n => n.target.join(' ')).slice(0, 5),
                }));
            }"""
        )

    return run


def test_learner_answers_h5p_activity_and_resumes(
    page, site_shell, catalogue, county, settings, tmp_path, h5p_storage, axe_everywhere
):
    settings.H5P_SAVE_SECONDS = 1
    admin = factories.user_with_role(roles.ADMINISTRATOR, email="admin-h5p@example.org")
    learner = factories.user_with_role(
        roles.LEARNER, email="h5p@example.org", institution=county["lo1"]
    )
    course, lessons = factories.course_with_lessons(catalogue, 2, title="Hasła w urzędzie")
    lesson = lessons[1]
    activity_id = add_h5p_block(lesson, installed_package(admin), pass_mark=100)
    Enrolment.objects.create(user=learner, course=course, method="self")

    login(page, learner.email)
    page.get_by_role("button", name=re.compile("Zapoznałem")).click()
    page.goto(lesson.url)
    page.wait_for_selector("[data-h5p-ready=true]", timeout=15_000)
    frame = page.frame_locator("iframe.h5p-iframe")
    expect(frame.get_by_role("group", name="Które hasło jest najbezpieczniejsze?")).to_be_visible()
    title = page.locator("iframe.h5p-iframe").get_attribute("title")
    assert "Punkt kontrolny: hasło" in title
    assert axe_everywhere(page) == []

    frame.get_by_label(WRONG).check()
    frame.get_by_role("button", name="Sprawdź").click()
    expect(frame.locator(".h5p-checkpoint-feedback")).to_contain_text("Za łatwe do zgadnięcia.")
    assert wait_until(lambda: H5PResult.objects.filter(user=learner, attempts=1).exists())
    assert not LessonProgress.objects.get(user=learner, lesson=lesson).is_completed

    frame.get_by_label(RIGHT).check()
    frame.get_by_role("button", name="Sprawdź").click()
    assert wait_until(
        lambda: LessonProgress.objects.filter(
            user=learner, lesson=lesson, status="completed"
        ).exists()
    )
    result = H5PResult.objects.get(user=learner, activity_id=activity_id)
    assert (result.attempts, result.best_score) == (2, 100)
    statement = H5PStatement.objects.filter(user=learner, ends_attempt=True).last()
    assert statement.verb == "answered" and statement.score_scaled == 1
    assert statement.raw["object"]["id"].endswith(f"/h5p/{activity_id}")
    # H5P core saves the state every H5P_SAVE_SECONDS: wait for the answered one.
    assert wait_until(
        lambda: (
            H5PUserData.objects.filter(
                user=learner, data__contains='"selected":0', activity_id=activity_id
            )
            .filter(data__contains='"checked":true')
            .exists()
        )
    )
    assert axe_everywhere(page) == []  # with the feedback shown

    page.reload()
    page.wait_for_selector("[data-h5p-ready=true]", timeout=15_000)
    frame = page.frame_locator("iframe.h5p-iframe")
    expect(frame.get_by_label(RIGHT)).to_be_checked()
    expect(frame.locator(".h5p-checkpoint-feedback")).to_contain_text("Tak, długie.")
    assert page.locator(".lesson-aside progress").get_attribute("value") == "50"
    assert page.locator(".lesson-status").inner_text().strip() != ""
    assert axe_everywhere(page) == []
    page.screenshot(path=str(tmp_path / "h5p-lesson.png"), full_page=True)
