"""Practice rounds as a reader plays them: one scenario at a time, results with each
sign's trend, the next round from the engine, and a history kept in this browser."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, Route, expect

from tests.support.rounds_page import (
    BANK,
    FIRST,
    HISTORY_KEY,
    answer_round,
    answers_missing,
    cli,
    go_to,
    questions,
    round_ids,
    saved_history,
)

pytestmark = pytest.mark.browser
READY = 60_000  # ms: a cold Pyodide start on a busy 2-core machine
WEAK = "diminishing-returns"
DOM_BUDGET = 900


def quiz_root(page: Page):  # type: ignore[no-untyped-def]
    return page.locator('[data-quiz="spot-the-signs"]')


def dom_size(page: Page) -> int:
    count: int = page.evaluate("document.querySelectorAll('*').length")
    return count


def finish_round(page: Page, answers: dict[str, list[str]]) -> None:
    answer_round(page, answers)
    page.get_by_role("button", name=re.compile("results", re.I)).click()
    expect(page.locator("[data-round-trends]")).to_be_visible(timeout=READY)


def test_first_round_is_in_the_page_and_answerable_before_python(
    page: Page, site_url: str, problems: list[str]
) -> None:
    held: list[Route] = []

    def hold(route: Route) -> None:  # Python cannot finish loading until the test says
        held.append(route)

    page.route(re.compile(r"pyodide\.asm\.wasm$"), hold)
    page.goto(site_url + "self-check/")
    assert round_ids(page) == FIRST
    expect(page.locator("[data-round-progress]")).to_have_text(f"Scenario 1 of {len(FIRST)}")
    move, signs = questions(FIRST[0])
    page.locator(f'input[name="{move.id}"][value="pause"]').check()
    page.locator(f'input[name="{signs.id}"][value="none"]').check()
    page.locator(f'[data-check="{move.id}"]').click()
    expect(quiz_root(page)).to_have_attribute("data-state", "loading")
    saved = json.loads(page.evaluate("localStorage.getItem('walk-away:quiz:spot-the-signs')"))
    assert saved["answers"] == {move.id: ["pause"], signs.id: ["none"]}
    assert held, "the page asked for Python while the reader answered"
    for route in held:
        route.continue_()
    expect(page.locator(f'[data-feedback="{move.id}"] .quiz-feedback__verdict')).to_be_visible(
        timeout=READY)
    page.locator(f'[data-check="{signs.id}"]').click()
    expect(page.locator(f'[data-feedback="{signs.id}"] .quiz-feedback__verdict')).to_be_visible(
        timeout=READY)
    assert problems == []


def test_one_scenario_at_a_time_with_previous_and_next(page: Page, site_url: str) -> None:
    page.goto(site_url + "self-check/")
    progress = page.locator("[data-round-progress]")
    expect(progress).to_have_attribute("aria-live", "polite")
    expect(page.locator(".quiz-scenario:visible")).to_have_count(1)
    expect(page.locator('[data-action="previous"]')).to_be_disabled()
    page.locator('[data-action="next"]').focus()
    page.keyboard.press("Enter")
    expect(progress).to_have_text(f"Scenario 2 of {len(FIRST)}")
    second = page.locator(f'section[data-scenario="{FIRST[1]}"]')
    expect(second).to_be_visible()
    expect(second.locator(".quiz-scenario__number")).to_have_text(f"Scenario 2 of {len(FIRST)}:")
    assert page.evaluate("document.activeElement.id") == f"spot-the-signs--{FIRST[1]}"
    expect(page.locator(".quiz-scenario:visible")).to_have_count(1)
    page.locator('[data-action="previous"]').click()
    expect(progress).to_have_text(f"Scenario 1 of {len(FIRST)}")
    assert page.evaluate("document.activeElement.id") == f"spot-the-signs--{FIRST[0]}"
    go_to(page, len(FIRST))
    expect(page.locator('[data-action="next"]')).to_be_disabled()
    # Where the reader is in the round survives a reload.
    page.reload()
    expect(progress).to_have_text(f"Scenario {len(FIRST)} of {len(FIRST)}")
    assert dom_size(page) < DOM_BUDGET


def test_without_javascript_the_first_round_is_a_plain_list(
    browser, site_url: str  # type: ignore[no-untyped-def]
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "self-check/")
    expect(page.locator(".quiz-round .quiz-scenario:visible")).to_have_count(len(FIRST))
    expect(page.locator(".quiz-round-nav")).to_be_hidden()
    expect(page.locator("noscript")).to_have_count(1)
    context.close()


def test_a_round_ends_in_results_then_the_next_round_leans_on_the_weak_sign(
    page: Page, site_url: str, problems: list[str], tmp_path: Path
) -> None:
    page.goto(site_url + "self-check/")
    answers = answers_missing(FIRST, WEAK)
    finish_round(page, answers)
    # The round's score and profile are the engine's, for this round only.
    file = tmp_path / "answers.json"
    file.write_text(json.dumps(answers), encoding="utf-8")
    expected = cli("score", "spot-the-signs", str(file), "--round", ",".join(FIRST))
    root = quiz_root(page)
    expect(root).to_have_attribute("data-score", str(expected["score"]))
    assert root.get_attribute("data-max-score") == str(expected["max_score"])
    assert page.evaluate("document.activeElement.id") == "spot-the-signs--results"
    # Each sign's trend and mastery, worded by the engine as the command line words them.
    history = saved_history(page)
    assert len(history["entries"]) == 1 and history["entries"][0]["round"] == FIRST
    hist_file = tmp_path / "history.json"
    hist_file.write_text(json.dumps(history["entries"]), encoding="utf-8")
    seed = history["next"]["seed"]
    planned = cli("round", "spot-the-signs", "--history", str(hist_file), "--seed", str(seed),
                  "--json")
    trends = page.locator("[data-round-trends]")
    for sign in planned["progress"]["signs"].values():
        expect(trends).to_contain_text(sign["text"])
    expect(trends).to_contain_text(planned["progress"]["mastery"]["text"])
    expect(trends).to_contain_text(f"{planned['progress']['signs'][WEAK]['name']}: 0 of")
    # The next round: the engine's choice for this history and seed, rich in the weak sign.
    page.get_by_role("button", name="Practise my weak signs").click()
    expect(page.locator("[data-round-progress]")).to_have_text(
        f"Scenario 1 of {len(planned['round'])}")
    ids = round_ids(page)
    assert ids == planned["round"] and ids != FIRST
    facts = {s: set(q.correct_ids) for s in ids for q in questions(s) if q.kind == "multiple"}
    share = sum(WEAK in signs for signs in facts.values()) / len(ids)
    everywhere = sum(WEAK in q.correct_ids for q in BANK.questions if q.kind == "multiple")
    assert share > everywhere / len(BANK.scenarios)
    assert page.evaluate("document.activeElement.id") == f"spot-the-signs--{ids[0]}"
    expect(page.locator("[data-quiz-results]")).to_be_hidden()
    expect(page.locator("[data-quiz-form] input:checked")).to_have_count(0)
    assert dom_size(page) < DOM_BUDGET
    # The new round's questions are live: check one and score the round.
    move = questions(ids[0])[0]
    page.locator(f'input[name="{move.id}"]').first.check()
    page.locator(f'[data-check="{move.id}"]').click()
    expect(page.locator(f'[data-feedback="{move.id}"] .quiz-feedback__verdict')).to_be_visible(
        timeout=READY)
    assert problems == []


def test_history_survives_reload_and_navigation_and_can_be_cleared(
    page: Page, site_url: str, problems: list[str]
) -> None:
    page.goto(site_url + "self-check/")
    finish_round(page, answers_missing(FIRST, WEAK))
    page.reload()
    expect(page.locator("[data-round-trends]")).to_contain_text("0 of")
    page.get_by_role("button", name="Practise my weak signs").click()
    ids = round_ids(page)
    go_to(page, 3)
    page.reload()
    assert round_ids(page) == ids
    expect(page.locator("[data-round-progress]")).to_have_text(f"Scenario 3 of {len(ids)}")
    # Instant navigation away and back.
    page.locator('.md-nav a[href$="resources/"]').first.click()
    expect(page).to_have_url(re.compile(r"resources/$"))
    page.locator('.md-nav a[href$="self-check/"]').first.click()
    expect(page).to_have_url(re.compile(r"self-check/$"))
    expect(page.locator("[data-round-progress]")).to_have_text(f"Scenario 3 of {len(ids)}")
    assert round_ids(page) == ids
    # Finish the second round, then clear the history.
    finish_round(page, answers_missing(ids, WEAK))
    assert len(saved_history(page)["entries"]) == 2
    expect(page.locator("[data-round-trends]")).to_contain_text("→")
    page.get_by_role("button", name="Clear my practice history").click()
    expect(page.locator("[data-round-note]")).to_have_text(
        "Your practice history in this browser was cleared: 2 rounds.")
    expect(page.locator("[data-round-trends]")).to_have_count(0)
    assert saved_history(page)["entries"] == []
    page.reload()
    assert saved_history(page)["entries"] == []
    assert problems == []


@pytest.mark.parametrize("saved", [
    "not json", "[]", '{"v": 1, "entries": "x"}',
    '{"v": 1, "entries": [7, {"bank": "spot-the-signs", "round": ["<b>x</b>"]}],'
    ' "current": {"ids": ["no-such-scenario"], "seed": 1}, "progress": 5}',
])
def test_a_broken_history_is_dropped_quietly(
    page: Page, site_url: str, problems: list[str], saved: str
) -> None:
    page.goto(site_url + "self-check/")
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [HISTORY_KEY, saved])
    page.reload()
    assert round_ids(page) == FIRST
    expect(page.locator("[data-round-progress]")).to_have_text(f"Scenario 1 of {len(FIRST)}")
    assert problems == []
