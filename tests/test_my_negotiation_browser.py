"""Check my negotiation as a reader takes it, in headless Chromium against the built site."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Locator, Page, expect

import quiz
from harness import serve
from tests.support.banks import option_label
from tests.support.quiz_page import with_load_timeout
from tests.test_accessibility_browser import axe_violations

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parent.parent
BANK_ID = "my-negotiation"
BANK = quiz.load_bank(BANK_ID)
PAGE = "my-negotiation/"
READY = 60_000  # ms: a cold Pyodide start on a busy 2-core machine
STORAGE_KEY = f"walk-away:quiz:{BANK_ID}"

# A reader with signs weighing who does not know their alternative: the engine pauses.
READER = {
    "demands-cross-line": "disagree",
    "no-one-moves": "agree",  # by keyboard
    "rounds-without-progress": "strongly-agree",
    "costs-outweigh-gains": "agree",
    "goals-incompatible": "neutral",
    "know-alternative": "not-sure",  # by keyboard
    "offer-below-alternative": "no",
    "interests-stated": "agree",
    "options-explored": "disagree",
    "time-could-help": "agree",
}
BY_KEYBOARD = ("no-one-moves", "know-alternative")


def cli_score(answers: dict[str, list[str]], tmp_path: Path) -> dict[str, Any]:
    file = tmp_path / "answers.json"
    file.write_text(json.dumps(answers), encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "quiz", "score", BANK_ID, str(file)],
                         cwd=ROOT, capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(run.stdout)
    return result


def root(page: Page) -> Locator:
    return page.locator(f'[data-quiz="{BANK_ID}"]')


def statement(page: Page, qid: str) -> Locator:
    question = BANK.question(qid)
    assert question is not None
    return page.get_by_role("group", name=question.prompt, exact=True)


def label_of(qid: str, option: str) -> str:
    return option_label(BANK, qid, option)


def click_label(page: Page, qid: str, option: str) -> None:
    text = label_of(qid, option)
    statement(page, qid).locator("label").filter(
        has_text=re.compile(rf"^\s*{re.escape(text)}\s*$")).click()
    expect(radio(page, qid, option)).to_be_checked()


def radio(page: Page, qid: str, option: str) -> Locator:
    return page.locator(f'input[name="{qid}"][value="{option}"]')


def choose_by_keyboard(page: Page, qid: str, option: str) -> None:
    """Focus the group's first radio, select it with Space, then arrow down to the choice."""
    question = BANK.question(qid)
    assert question is not None
    page.locator(f'input[name="{qid}"]').first.focus()
    page.keyboard.press("Space")
    for _ in range([o.id for o in question.options].index(option)):
        page.keyboard.press("ArrowDown")
    expect(radio(page, qid, option)).to_be_checked()
    assert page.evaluate("document.activeElement.value") == option


def recommendation_button(page: Page) -> Locator:
    return page.get_by_role("button", name=re.compile("recommendation", re.I))


def answer_and_recommend(page: Page, picks: dict[str, str]) -> str:
    for qid, option in picks.items():
        click_label(page, qid, option)
    recommendation_button(page).click()
    expect(page.locator(f'[data-quiz="{BANK_ID}"][data-recommendation]')).to_be_attached(
        timeout=READY)
    return root(page).get_attribute("data-recommendation") or ""


def test_the_page_says_it_is_private_and_guidance_before_any_answer(
    page: Page, site_url: str
) -> None:
    page.goto(site_url + PAGE)
    content = page.locator("article")
    expect(content.locator("h1")).to_have_text(re.compile("my negotiation", re.I))
    notice = content.locator(".admonition")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text(re.compile(r"nothing is sent anywhere", re.I))
    expect(notice).to_contain_text(re.compile(r"this browser", re.I))
    expect(notice).to_contain_text(re.compile(r"guidance", re.I))
    expect(notice).to_contain_text(re.compile(r"not professional", re.I))
    # Said before the statements, not only after a result.
    order = page.evaluate("""() => {
        const notice = document.querySelector('article .admonition');
        const form = document.querySelector('[data-quiz-form]');
        return notice.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING;
    }""")
    assert order
    expect(page.locator(f'[data-quiz="{BANK_ID}"] fieldset')).to_have_count(len(BANK.questions))
    expect(page.locator("[data-quiz-results]")).to_be_hidden()


def test_reader_takes_it_and_gets_the_command_lines_recommendation(
    page: Page, site_url: str, problems: list[str], tmp_path: Path
) -> None:
    page.goto(site_url + PAGE)
    for qid, option in READER.items():
        if qid in BY_KEYBOARD:
            choose_by_keyboard(page, qid, option)
        else:
            click_label(page, qid, option)
    expect(page.locator("[data-quiz-form] input:checked")).to_have_count(len(READER))
    recommendation_button(page).click()
    done = page.locator(f'[data-quiz="{BANK_ID}"][data-recommendation]')
    expect(done).to_be_attached(timeout=READY)

    expected = cli_score({k: [v] for k, v in READER.items()}, tmp_path)
    assert expected["recommendation"] == "pause"  # the answers are meant to pause
    assert root(page).get_attribute("data-recommendation") == expected["recommendation"]
    results = page.locator("[data-quiz-results]")
    expect(results).to_be_visible()
    expect(results.locator(".quiz-recommendation")).to_have_text(
        expected["recommendation_label"])
    expect(results).to_contain_text(expected["advice"])
    assert expected["reasons"]
    for reason in expected["reasons"]:
        expect(results).to_contain_text(reason["text"])
        link = results.locator(f'a[href$="{reason["section"]["href"]}"]').first
        expect(link).to_be_attached()
    assert expected["next_steps"][0].startswith("Work out your best alternative")
    for step in expected["next_steps"]:
        expect(results).to_contain_text(step)
    disclaimer = results.locator(".quiz-disclaimer")
    expect(disclaimer).to_contain_text("not professional advice")
    expect(disclaimer).to_contain_text("nothing you answered was sent anywhere")
    assert page.evaluate("document.activeElement.id") == f"{BANK_ID}--results"
    expect(root(page)).to_have_attribute("data-state", "ready")
    assert problems == []


def test_reload_restores_and_start_over_clears(
    page: Page, site_url: str, problems: list[str]
) -> None:
    picks = {"demands-cross-line": "strongly-agree", "know-alternative": "yes",
             "interests-stated": "agree"}
    page.goto(site_url + PAGE)
    assert answer_and_recommend(page, picks) == "walk-away"  # the red line

    page.reload()
    for qid, option in picks.items():
        expect(radio(page, qid, option)).to_be_checked()
    expect(page.locator("[data-quiz-form] input:checked")).to_have_count(len(picks))
    expect(root(page)).to_have_attribute("data-recommendation", "walk-away")
    results = page.locator("[data-quiz-results]")
    expect(results).to_be_visible()
    expect(results.locator(".quiz-recommendation")).to_have_text("Walk away")

    # The results end with the same "Start over" as the form (one word for one action).
    expect(results.get_by_role("button", name="Start over")).to_be_visible()
    page.locator("[data-quiz-form]").get_by_role("button", name="Start over").click()
    expect(page.locator("[data-quiz-form] input:checked")).to_have_count(0)
    expect(results).to_be_hidden()
    expect(root(page)).not_to_have_attribute("data-recommendation", re.compile(".*"))
    page.reload()
    expect(page.locator(f'[data-quiz="{BANK_ID}"] fieldset')).to_have_count(len(BANK.questions))
    expect(page.locator("[data-quiz-form] input:checked")).to_have_count(0)
    expect(results).to_be_hidden()
    expect(root(page)).not_to_have_attribute("data-recommendation", re.compile(".*"))
    assert page.evaluate(f"localStorage.getItem({json.dumps(STORAGE_KEY)})") is None
    assert problems == []


def test_the_recommendation_prints_cleanly(page: Page, site_url: str) -> None:
    page.goto(site_url + PAGE)
    picks = {"know-alternative": "no", "offer-below-alternative": "yes"}
    assert answer_and_recommend(page, picks) == "pause"
    results = page.locator("[data-quiz-results]")
    printing = results.get_by_role("button", name=re.compile("print", re.I))
    expect(printing).to_be_visible()
    # A stand-in for the print dialog, which headless Chromium does not open.
    page.evaluate("() => { window.__printed = 0; window.print = () => window.__printed++; }")
    printing.click()
    assert page.evaluate("window.__printed") == 1

    page.emulate_media(media="print")
    expect(results).to_be_visible()
    expect(results.locator(".quiz-recommendation")).to_be_visible()
    expect(results.locator(".quiz-disclaimer")).to_be_visible()
    expect(results.get_by_text(re.compile("Work out your best alternative"))).to_be_visible()
    buttons = root(page).locator("button")
    assert buttons.count() >= 3
    for n in range(buttons.count()):
        expect(buttons.nth(n)).to_be_hidden()
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF")
    assert len(pdf) > 10_000
    page.emulate_media(media="screen")
    expect(printing).to_be_visible()


def test_python_that_cannot_start_is_explained_and_answers_kept(
    page: Page, site_dir: Path
) -> None:
    with serve(site_dir, missing=frozenset({"pyodide.asm.wasm"})) as url:
        page.route(re.compile(r"my-negotiation/$"), with_load_timeout(5000))
        page.goto(url + PAGE)
        click_label(page, "no-one-moves", "strongly-agree")
        click_label(page, "know-alternative", "no")
        expect(root(page)).to_have_attribute("data-state", "failed", timeout=30_000)
        status = root(page).locator("[data-quiz-status]")
        expect(status).to_contain_text("Python could not start")
        expect(status).not_to_contain_text("Traceback")
        expect(status.get_by_role("button", name="Try again")).to_be_visible()
        recommendation_button(page).click()
        expect(page.locator("[data-quiz-results]")).to_contain_text("answers are kept")
        expect(root(page)).not_to_have_attribute("data-recommendation", re.compile(".*"))
        page.reload()
        expect(radio(page, "no-one-moves", "strongly-agree")).to_be_checked()
        expect(radio(page, "know-alternative", "no")).to_be_checked()


def test_no_answers_get_a_request_for_answers_shown_like_a_result(
    page: Page, site_url: str, problems: list[str], tmp_path: Path
) -> None:
    """Was: a recommendation with nothing answered. Now the engine asks for answers, and
    the page shows that request where a recommendation goes, focused and announced."""
    expected = cli_score({}, tmp_path)
    assert expected["recommendation"] == "answers-needed"
    page.goto(site_url + PAGE)
    recommendation_button(page).click()
    done = page.locator(f'[data-quiz="{BANK_ID}"][data-recommendation]')
    expect(done).to_be_attached(timeout=READY)
    assert root(page).get_attribute("data-recommendation") == "answers-needed"
    results = page.locator("[data-quiz-results]")
    expect(results).to_be_visible()
    expect(results.locator(".quiz-recommendation")).to_have_text(
        expected["recommendation_label"])
    expect(results).to_contain_text(expected["advice"])
    for step in expected["next_steps"]:
        expect(results).to_contain_text(step)
    expect(results.get_by_role("heading", name="Why")).to_have_count(0)
    for label in quiz.MOVES.values():
        expect(results.locator(".quiz-recommendation")).not_to_have_text(label)
    assert page.evaluate("document.activeElement.id") == f"{BANK_ID}--results"
    expect(results.get_by_role("heading", name=re.compile("recommendation", re.I))).to_be_visible()
    assert axe_violations(page) == []
    assert problems == []


def test_an_offer_worth_taking_gets_accept_as_on_the_command_line(
    page: Page, site_url: str, problems: list[str], tmp_path: Path
) -> None:
    picks = {"rounds-without-progress": "strongly-agree", "costs-outweigh-gains": "strongly-agree",
             "demands-cross-line": "disagree", "know-alternative": "yes",
             "offer-below-alternative": "no"}
    expected = cli_score({k: [v] for k, v in picks.items()}, tmp_path)
    assert expected["recommendation"] == "accept"
    page.goto(site_url + PAGE)
    assert answer_and_recommend(page, picks) == "accept"
    results = page.locator("[data-quiz-results]")
    expect(results.locator(".quiz-recommendation")).to_have_text("Accept the offer")
    expect(results).to_contain_text(expected["advice"])
    for reason in expected["reasons"]:
        expect(results).to_contain_text(reason["text"])
    assert problems == []
