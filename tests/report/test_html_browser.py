"""The HTML report in a real headless Chromium (Debian's package), driven by Playwright.

Renders through the CLI, so these need the spaCy model. Skipped only when /usr/bin/chromium is
missing (CI's .ci/run installs it).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factlint.cli import app

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOT = Path(__file__).resolve().parents[1] / "output" / "seeds-report.png"

pytestmark = [
    pytest.mark.model,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="/usr/bin/chromium is absent (install the Debian package: apt-get install chromium)",
    ),
]

if CHROMIUM.exists():
    from playwright.sync_api import Browser, Page, sync_playwright
else:  # pragma: no cover - the module is skipped
    Browser = Page = object  # type: ignore[assignment,misc]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def check(paths: list[Path], output_format: str, output: Path) -> None:
    args = ["check", *map(str, paths), "--format", output_format, "--output", str(output)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code in (0, 1), result.output


def open_page(browser: Browser, path: Path, requests: list[str] | None = None) -> Page:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    if requests is not None:
        page.on("request", lambda request: requests.append(request.url))
    page.goto(path.as_uri())
    return page


def css_string(value: str) -> str:
    return json.dumps(value)  # a double-quoted CSS string for attribute selectors


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict]]:
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    folder = tmp_path_factory.mktemp("seeds-report")
    check([seeds], "html", folder / "report.html")
    check([seeds], "json", folder / "report.json")
    findings = json.loads((folder / "report.json").read_text(encoding="utf-8"))["findings"]
    return folder / "report.html", findings


def test_seeds_report_shows_a_card_for_every_conflict(
    browser: Browser, seeds_report: tuple[Path, list[dict]]
) -> None:
    html, findings = seeds_report
    requests: list[str] = []
    page = open_page(browser, html, requests)
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT), full_page=True)

    grouped = [f for f in findings if f["code"][:3] in {"FL1", "FL3"}]
    assert grouped, "the seeds gave no FL1xx/FL3xx findings: nothing to check the cards against"
    for f in grouped:
        place = (
            f"li[data-card][data-code={css_string(f['code'])}] li.place"
            f"[data-path={css_string(f['path'])}][data-line='{f['line']}']"
            f"[data-column='{f['column']}']"
        )
        assert page.locator(place).count() >= 1, f
        assert f["text"] in page.locator(place).first.locator("mark").all_inner_texts()
    codes = {f["code"] for f in grouped}
    for code in codes:
        cards = page.locator(f"li[data-card][data-code={css_string(code)}]")
        assert 1 <= cards.count() <= sum(f["code"] == code for f in findings)
        assert cards.first.is_visible()

    timeline = page.locator("#timeline")
    assert timeline.is_visible()
    assert page.locator("#timeline .tl-row").count() >= 1
    if any(f["code"].startswith("FL1") for f in findings):
        assert page.locator("#timeline .tl-mark.flagged").count() >= 1
    # Nothing but the file itself was loaded.
    assert requests and all(url.startswith(("file://", "data:")) for url in requests), requests


def test_filters_hide_and_show_cards(browser: Browser, seeds_report: tuple[Path, list]) -> None:
    page = open_page(browser, seeds_report[0])
    assert page.locator("#filters").is_visible()
    cards = page.locator("li[data-card]")
    first = cards.first
    severity = first.get_attribute("data-severity")
    family = first.get_attribute("data-family")
    same = page.locator(f"li[data-card][data-severity='{severity}']")
    others = page.locator(f"li[data-card]:not([data-severity='{severity}'])")

    box = page.locator(f"#filters input[name='severity'][value='{severity}']")
    box.click()
    assert not box.is_checked()
    assert all(not same.nth(i).is_visible() for i in range(same.count()))
    assert all(others.nth(i).is_visible() for i in range(others.count()))
    assert (
        f"Showing {others.count()} of {cards.count()}"
        in page.locator("#filter-status").inner_text()
    )
    box.click()
    assert all(same.nth(i).is_visible() for i in range(same.count()))

    family_box = page.locator(f"#filters input[name='family'][value='{family}']")
    family_box.click()
    assert not first.is_visible()
    # Timeline rows of hidden cards go too.
    for row in page.locator(f"#timeline [data-cards~='{first.get_attribute('id')}']").all():
        cards_of_row = (row.get_attribute("data-cards") or "").split()
        if cards_of_row == [first.get_attribute("id")]:
            assert not row.is_visible()
    family_box.click()
    assert first.is_visible()


def test_keyboard_reaches_the_cards_with_a_visible_focus(
    browser: Browser, seeds_report: tuple[Path, list]
) -> None:
    page = open_page(browser, seeds_report[0])
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('li[data-card]')"):
            break
    else:
        pytest.fail("60 Tab presses after the skip link never reached a card")
    assert page.evaluate("document.activeElement.tagName") == "A"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none")
    page.keyboard.press("Enter")  # the link jumps somewhere that exists
    target = page.evaluate("location.hash").lstrip("#")
    assert target and page.locator(f"[id='{target}']").count() == 1


def test_page_reads_without_javascript(browser: Browser, seeds_report: tuple[Path, list]) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(seeds_report[0].as_uri())
    assert not page.locator("#filters").is_visible()
    cards = page.locator("li[data-card]")
    assert cards.count() >= 1 and cards.first.is_visible()
    assert page.locator("#documents article.doc").count() >= 1
    context.close()


def test_document_markup_never_runs(browser: Browser, tmp_path: Path) -> None:
    payload = "<script>window.__pwned=1</script>"
    # The file name is markup too; it shows in the per-document view whatever the findings.
    named = tmp_path / "a <img src=x onerror=window.__pwned=1>.txt"
    named.write_text(
        f"Syrian President Ahmad al-Sharaa met Vladimir Putin in Moscow {payload} on Wednesday.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "Syrian President Ahmed al-Sharaa met Vladimir Putin in Moscow on Wednesday.\n",
        encoding="utf-8",
    )
    (tmp_path / "c.txt").write_text(
        "Putin received Syrian leader Ahmed al-Sharaa at the Kremlin.\n", encoding="utf-8"
    )
    report = tmp_path / "out" / "report.html"
    report.parent.mkdir()
    check([tmp_path / "a <img src=x onerror=window.__pwned=1>.txt", tmp_path / "b.txt",
           tmp_path / "c.txt"], "html", report)  # fmt: skip
    page = open_page(browser, report)
    page.wait_for_load_state("load")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("img").count() == 0
    assert page.locator("script").count() == 1  # the report's own
    assert named.name in page.locator("#documents").inner_text()
    if page.locator("li[data-card]").count():
        # A finding on the line with the payload: its text is shown, as text.
        assert payload in page.locator("body").text_content()
