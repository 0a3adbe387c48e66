"""A slow or dead connection, as a reader meets it: progress, patience, and a clear failure."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect

import quiz
from harness import serve

pytestmark = pytest.mark.browser
BANK = quiz.load_bank("spot-the-signs")
# Lighthouse's mobile link: 1.6 Mbps down, 750 kbps up, 150 ms round trip.
SLOW_4G = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8,
           "uploadThroughput": 750e3 / 8}
# Every text the quiz's status line shows, with when it was shown.
STATUS_LOG = """
window.statusLog = [];
new MutationObserver(() => {
  const status = document.querySelector("[data-quiz-status]");
  const text = status?.textContent ?? "";
  if (text !== window.statusLog.at(-1)?.text) {
    window.statusLog.push({ ms: performance.now(), text });
  }
}).observe(document, { subtree: true, childList: true, characterData: true });
"""


def throttle(context: BrowserContext, page: Page) -> None:
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW_4G)


def test_slow_link_shows_progress_keeps_answers_and_becomes_ready(
    context: BrowserContext, page: Page, site_url: str, problems: list[str]
) -> None:
    throttle(context, page)
    page.add_init_script(STATUS_LOG)
    page.goto(site_url + "self-check/", timeout=60_000)
    move = BANK.questions[0]
    page.locator(f'input[name="{move.id}"][value="walk-away"]').check()
    page.locator(f'[data-check="{move.id}"]').click()  # pressed before Python is there
    root = page.locator('[data-quiz="spot-the-signs"]')
    expect(root).to_have_attribute("data-state", "ready", timeout=180_000)
    expect(page.locator(f'[data-feedback="{move.id}"] .quiz-feedback__verdict')).to_be_visible()
    log: list[dict[str, object]] = page.evaluate("window.statusLog")
    downloads = [(float(str(e["ms"])), str(e["text"])) for e in log
                 if "Downloading Python" in str(e["text"])]
    percents = [int(m[1]) for _, text in downloads if (m := re.search(r"(\d+) %", text))]
    assert len(percents) >= 5, log
    assert percents == sorted(percents) and percents[-1] >= 80
    gaps = [later - earlier for (earlier, _), (later, _) in itertools.pairwise(downloads)]
    assert max(gaps) < 5_000, f"progress not shown for {max(gaps):.0f} ms"
    assert not any("could not start" in str(e["text"]) for e in log)
    expect(page.locator(f'input[name="{move.id}"][value="walk-away"]')).to_be_checked()
    assert problems == []


def test_stalled_download_is_reported_and_try_again_resumes(
    page: Page, site_dir: Path
) -> None:
    served: list[str] = []
    with serve(site_dir, compress=True, stall=frozenset({"pyodide.asm.wasm"}),
               served=served) as url:
        page.goto(url + "self-check/")
        move = BANK.questions[0]
        page.locator(f'input[name="{move.id}"][value="pause"]').check()
        root = page.locator('[data-quiz="spot-the-signs"]')
        # The default limit (no data-timeout): 15 s without a byte, so within about 20 s.
        expect(root).to_have_attribute("data-state", "failed", timeout=25_000)
        status = root.locator("[data-quiz-status]")
        expect(status).to_contain_text("the download stopped")
        expect(page.locator(f'input[name="{move.id}"][value="pause"]')).to_be_checked()
        page.locator(f'[data-check="{move.id}"]').click()
        expect(page.locator(f'[data-feedback="{move.id}"]')).to_contain_text("answer is kept")

        status.get_by_role("button", name="Try again").click()
        expect(root).to_have_attribute("data-state", "ready", timeout=60_000)
        page.locator(f'[data-check="{move.id}"]').click()
        expect(page.locator(f'[data-feedback="{move.id}"] .quiz-feedback__verdict')
               ).to_be_visible()
    names = [path.rsplit("/", 1)[-1] for path in served]
    assert names.count("pyodide.asm.wasm") == 2, names  # the stalled one, then again
    # Files that had arrived before the stall come from the browser's cache.
    assert names.count("python_stdlib.zip") == 1 and names.count("pyodide.asm.mjs") == 1, names
