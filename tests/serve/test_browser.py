"""The dashboard in headless Chromium (Debian's, driven by Playwright; no browser download).

The board loads, a pasted story appears on it with its events, the pair page's chart renders
with no console errors, and the duty look-up answers.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from typing import Any

import pytest
from _service_helpers import SEED, TOKEN, fixed_today

from conftest import ThreadedServer
from tariffscope.serve import ServiceConfig, create_app

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.issue(11)]


def _chromium() -> str | None:
    for name in (
        os.environ.get("CHROMIUM", ""),
        "/usr/bin/chromium",
        "chromium",
        "chromium-browser",
    ):
        if name and shutil.which(name):
            return str(shutil.which(name))
    return None


CHROMIUM = _chromium()
if CHROMIUM is None:
    pytest.skip("Debian's chromium is not installed (.ci/run installs it)", allow_module_level=True)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ThreadedServer]:
    folder = tmp_path_factory.mktemp("browser")
    config = ServiceConfig(db=folder / "store.duckdb", token=TOKEN, today=fixed_today)
    with ThreadedServer(create_app(config)) as running:
        yield running


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        opened = p.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"], headless=True
        )
        yield opened
        opened.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context()
    opened = context.new_page()
    opened.errors = []  # type: ignore[attr-defined]
    opened.on("console", lambda m: m.type == "error" and opened.errors.append(m.text))
    opened.on("pageerror", lambda e: opened.errors.append(str(e)))
    yield opened
    context.close()


def test_the_board_loads_and_a_pasted_story_appears(server: ThreadedServer, page: Any) -> None:
    page.goto(server.url + "/")
    assert page.locator("h1").inner_text() == "Negotiations"
    assert "No stories yet" in page.locator("#board").inner_text()
    page.fill("#paste-text", SEED.read_text(encoding="utf-8"))
    page.fill("#paste-token", TOKEN)
    page.keyboard.press("Tab")
    page.click("#paste-form button[type=submit]")
    row = page.locator('#board tr[data-pair="USA-JPN"]')
    row.wait_for(timeout=120_000)
    text = row.inner_text()
    assert "talks ongoing" in text
    assert "2025-08-01" in text and "14 days left" in text
    assert page.errors == []


def test_the_pair_page_draws_its_timeline(server: ThreadedServer, page: Any) -> None:
    page.goto(server.url + "/")
    page.locator('#board tr[data-pair="USA-JPN"] a').wait_for(timeout=120_000)
    page.click('#board tr[data-pair="USA-JPN"] a')
    page.wait_for_url("**/pair/USA-JPN")
    page.locator("#timeline-chart svg.marks").wait_for(timeout=30_000)
    events = page.locator("#events tbody").inner_text()
    assert "Bloomberg" in events
    assert "Ishiba" in page.locator("#quotes").inner_text()
    page.fill("#steps-hts", "8703.23.01")
    page.click("#steps-form button")
    page.locator("#duty-steps svg.marks").wait_for(timeout=30_000)
    assert page.errors == []


def test_the_duty_look_up_answers(server: ThreadedServer, page: Any) -> None:
    page.goto(server.url + "/lookup")
    page.fill("#hts", "8703.23.01")
    page.fill("#origin", "DEU")
    page.fill("#date", "2025-07-25")
    page.press("#date", "Enter")  # the keyboard alone submits the form
    page.locator("#duty-total").wait_for()
    assert page.locator("#duty-total").inner_text() == "27.5%"
    page.locator("#duty-steps svg.marks").wait_for(timeout=30_000)
    assert page.errors == []
