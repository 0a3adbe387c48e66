"""Python starts early when a reader heads for a quiz page, and only then."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser
PYTHON = re.compile(r"/assets/(pyodide|quiz)/")
SAVE_DATA = "Object.defineProperty(navigator, 'connection', { value: { saveData: true } });"


def python_requests(page: Page) -> list[str]:
    urls: list[str] = []
    page.on("request", lambda r: urls.append(r.url) if PYTHON.search(r.url) else None)
    return urls


def test_pointing_at_a_quiz_link_starts_python_and_the_quiz_page_uses_it(
    page: Page, site_url: str, problems: list[str]
) -> None:
    urls = python_requests(page)
    page.goto(site_url + "guide/")
    page.locator('.md-nav a[href$="resources/"]').first.hover()  # not a quiz page
    page.wait_for_load_state("networkidle")
    assert urls == []
    link = page.locator('.md-nav a[href$="self-check/"][data-quiz-link]').first
    with page.expect_request(lambda r: r.url.endswith("pyodide.asm.wasm"), timeout=15_000):
        link.hover()
    link.click()  # instant navigation: the same worker carries on
    expect(page.locator('[data-quiz="spot-the-signs"]')).to_have_attribute(
        "data-state", "ready", timeout=60_000)
    assert sum(u.endswith("pyodide.asm.wasm") for u in urls) == 1
    assert problems == []


def test_focusing_a_quiz_link_starts_python(page: Page, site_url: str) -> None:
    urls = python_requests(page)
    page.goto(site_url + "resources/")
    page.wait_for_load_state("networkidle")
    assert urls == []
    with page.expect_request(lambda r: r.url.endswith("runtime.json"), timeout=15_000):
        page.locator('a[href$="my-negotiation/"][data-quiz-link]').first.focus()


def test_save_data_waits_for_the_quiz_page(page: Page, site_url: str) -> None:
    urls = python_requests(page)
    page.add_init_script(SAVE_DATA)
    page.goto(site_url + "guide/")
    page.locator('.md-nav a[href$="self-check/"][data-quiz-link]').first.hover()
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1500)  # long enough for a worker to have asked for runtime.json
    assert urls == []
