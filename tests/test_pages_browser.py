"""The built site in headless Chromium: clean loads, the colour toggle, search."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import ConsoleMessage, Page, Request, expect

from tests.support.site import page_paths

pytestmark = pytest.mark.browser


def test_every_page_loads_cleanly_and_stays_local(
    page: Page, site_dir: Path, site_url: str
) -> None:
    origin = urlsplit(site_url)
    local = f"{origin.scheme}://{origin.netloc}"
    errors: list[str] = []
    foreign: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            source = message.location.get("url", "")
            errors.append(f"{page.url}: console: {message.text} ({source})")

    def on_request(request: Request) -> None:
        if not (request.url.startswith(local + "/") or request.url.startswith(("data:", "blob:"))):
            foreign.append(f"{page.url}: {request.url}")

    page.on("console", on_console)
    page.on("pageerror", lambda exc: errors.append(f"{page.url}: pageerror: {exc}"))
    page.on("request", on_request)

    paths = page_paths(site_dir)
    assert len(paths) >= 7
    for path in paths:
        response = page.goto(site_url + path, wait_until="networkidle")
        assert response is not None and response.ok, path
        expect(page.locator("h1")).to_have_count(1)
    assert not errors and not foreign, "\n".join(
        ["console errors:", *errors, "requests to other origins:", *foreign]
    )


def scheme(page: Page) -> str | None:
    return page.locator("body").get_attribute("data-md-color-scheme")


def test_colour_toggle_works_and_is_remembered(page: Page, site_url: str) -> None:
    page.emulate_media(color_scheme="light")
    page.goto(site_url)
    assert scheme(page) == "default"

    toggle = page.locator("form[data-md-component=palette] label:visible")
    # System preference (light) -> light -> dark: two clicks reach the dark scheme.
    for _ in range(2):
        expect(toggle).to_have_count(1)
        toggle.click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")

    # A full load of another page, with the system still light, keeps the reader's choice.
    page.goto(site_url + "guide/signs/")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")

    # And one more click hands the choice back to the system (light).
    page.locator("form[data-md-component=palette] label:visible").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    page.goto(site_url + "resources/")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")


def test_search_leads_to_the_diminishing_returns_section(page: Page, site_url: str) -> None:
    page.goto(site_url)
    query = page.locator("input.md-search__input")
    query.click()  # on a desktop-sized window the search box sits in the header
    expect(query).to_be_focused()
    # Material's search listens for key presses, so type rather than fill.
    query.press_sequentially("diminishing returns", delay=20)

    # The section's own result: its heading is the match, its link goes to the anchor.
    # (With search.highlight the link carries ?h=... before the fragment.)
    target = page.locator(
        ".md-search-result__link[href*='guide/signs/'][href$='#diminishing-returns']",
        has=page.locator("h2", has_text=re.compile("Diminishing Returns", re.I)),
    ).first
    expect(target).to_be_visible()
    target.click()

    expect(page).to_have_url(re.compile(r"/guide/signs/(\?[^#]*)?#diminishing-returns$"))
    address = urlsplit(page.url)
    assert address.path.endswith("/guide/signs/")
    assert address.fragment == "diminishing-returns"
    heading = page.locator("h2#diminishing-returns")
    expect(heading).to_have_text(re.compile("Diminishing Returns"))
    expect(heading).to_be_in_viewport()
