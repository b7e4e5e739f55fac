"""The site shell in a real browser: no axe violations in any display mode,
the skip link first, the display switch by keyboard and remembered, and no
horizontal scrolling at 320 CSS px."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)

MODES = {
    "default": {"ca-text-size": "normal", "ca-contrast": "normal"},
    "high-contrast": {"ca-text-size": "normal", "ca-contrast": "high"},
    "largest-text": {"ca-text-size": "largest", "ca-contrast": "normal"},
}


def set_mode(page, mode):
    values = MODES[mode]
    page.evaluate(
        "values => { for (const [k, v] of Object.entries(values)) localStorage.setItem(k, v); }",
        values,
    )
    page.reload()
    assert page.evaluate("document.documentElement.dataset.textSize") == values["ca-text-size"]
    assert page.evaluate("document.documentElement.dataset.contrast") == values["ca-contrast"]


@pytest.mark.parametrize("mode", list(MODES))
@pytest.mark.parametrize("key", ["home", "content", "statement"])
def test_pages_have_no_axe_violations(page, site_shell, run_axe, key, mode):
    page.goto(site_shell[key].url)
    set_mode(page, mode)
    violations = run_axe(page)
    assert violations == []


def test_skip_link_is_first_tab_stop_and_moves_focus_to_main(page, site_shell):
    page.goto("/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_display_switch_works_by_keyboard_and_is_remembered(page, site_shell):
    page.goto("/")
    base_size = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    largest = page.get_by_role("button", name="A++ – tekst największy")
    largest.focus()
    page.keyboard.press("Enter")
    assert largest.get_attribute("aria-pressed") == "true"
    contrast = page.get_by_role("button", name="Wysoki kontrast")
    contrast.focus()
    page.keyboard.press("Space")
    assert contrast.get_attribute("aria-pressed") == "true"

    page.get_by_role("link", name="O projekcie").click()
    page.wait_for_url("**/o-projekcie/")
    size = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    assert size == pytest.approx(base_size * 1.5)
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(0, 0, 0)"
    assert (
        page.get_by_role("button", name="Wysoki kontrast").get_attribute("aria-pressed") == "true"
    )

    # A new visit in the same browser profile keeps the choice.
    other = page.context.new_page()
    other.goto("/")
    assert other.evaluate("document.documentElement.dataset.textSize") == "largest"
    other.get_by_role("button", name="A – tekst normalny").click()
    other.get_by_role("button", name="Wysoki kontrast").click()
    other.reload()
    assert other.evaluate("document.documentElement.dataset.contrast") == "normal"
    assert other.evaluate("document.documentElement.dataset.textSize") == "normal"


@pytest.mark.parametrize("mode", list(MODES))
@pytest.mark.parametrize("key", ["home", "content", "statement"])
def test_no_horizontal_scroll_at_320_px(page, site_shell, key, mode):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(site_shell[key].url)
    set_mode(page, mode)
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0


def test_language_switch_leads_to_english_interface(page, site_shell):
    page.goto("/o-projekcie/")
    page.get_by_role("link", name="English").click()
    page.wait_for_url("**/en/o-projekcie/")
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.get_by_role("button", name="High contrast").is_visible()
    page.get_by_role("link", name="Polski").click()
    page.wait_for_url("**/o-projekcie/")
    assert page.evaluate("document.documentElement.lang") == "pl"


def test_axe_harness_reports_real_violations(page, run_axe):
    page.set_content('<html><body><main><img src="data:,"><a href="#"></a></main></body></html>')
    rules = {violation["id"] for violation in run_axe(page)}
    assert {"image-alt", "html-has-lang", "link-name"} <= rules
