"""Browser tests: Playwright for Python driving Debian's Chromium against
pytest-django's live server, with axe-core from npm injected into pages."""

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import require_or_skip

ROOT = Path(__file__).resolve().parents[2]
AXE_PATH = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if Path(str(item.fspath)).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    require_or_skip(
        Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is not None,
        f"Chromium not found at {CHROMIUM} (apt-get install chromium)",
    )
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls
    # that fixtures and tests make beside it are still synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def page(browser, live_server, request):
    # axe-core goes into pages as an inline script, which the site's
    # Content-Security-Policy refuses: only accessibility tests (those that
    # use axe) have the browser ignore the policy; every other test runs
    # under it (tests/e2e/test_csp.py checks that nothing is refused).
    context = browser.new_context(
        base_url=live_server.url,
        viewport={"width": 1280, "height": 900},
        bypass_csp="axe_source" in request.fixturenames,
    )
    page = context.new_page()
    yield page
    # Leave the page first so its last requests (a lesson's heartbeat beacon)
    # reach the server before the test database is flushed.
    page.goto("about:blank")
    page.wait_for_timeout(500)
    context.close()


@pytest.fixture(scope="session")
def axe_source():
    require_or_skip(AXE_PATH.exists(), "axe-core is not installed (npm ci --ignore-scripts)")
    return AXE_PATH.read_text()


@pytest.fixture
def run_axe(axe_source):
    """Run axe-core's WCAG 2.0/2.1/2.2 A and AA rules on the page, or only
    inside `within` (a CSS selector: our part of a Wagtail admin page);
    return the violations."""

    def run(page, within=None):
        if not page.evaluate("typeof window.axe !== 'undefined'"):
            page.add_script_tag(content=axe_source)
        return page.evaluate(
            """async (within) => {
                const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
                const result = await axe.run(within ? {include: [within]} : document, {
                    runOnly: {type: 'tag', values: tags},
                    resultTypes: ['violations'],
                });
                return result.violations.map(v => ({
                    id: v.id, impact: v.impact, help: v.help,
                    targets: v.nodes.map(n => n.target.join(' ')).slice(0, 5),
                }));
            }""",
            within,
        )

    return run
