"""An engine that refuses answers is not a Python that cannot start.

The route here is a page older than its engine: the browser shows a cached page whose
form still offers an option that the bank, and so the engine, no longer has.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Locator, Page, Route, expect

import quiz
from tests.support.banks import live_questions

pytestmark = pytest.mark.browser
READY = 60_000  # ms: a cold Pyodide start on a busy 2-core machine
PAGES = {"spot-the-signs": "self-check/", "my-negotiation": "my-negotiation/"}
REMOVED = "an-option-since-removed"


def offer_removed_option(page: Page, question: quiz.Question) -> Locator:
    """Turn the question's last option into one the engine does not know, and choose it."""
    last = question.options[-1].id
    page.evaluate("([name, value, removed]) => { document.querySelector("
                  "`input[name=\"${name}\"][value=\"${value}\"]`).value = removed; }",
                  [question.id, last, REMOVED])
    option = page.locator(f'input[name="{question.id}"][value="{REMOVED}"]')
    option.check()
    return option


def expect_engine_problem(box: Locator, question: quiz.Question) -> None:
    expect(box).to_contain_text("could not be scored", timeout=READY)
    expect(box).to_contain_text(f"question '{question.id}': unknown option '{REMOVED}'")
    expect(box).to_contain_text("answers are kept")
    expect(box).not_to_contain_text("could not start")


def expect_python_still_running(root: Locator) -> None:
    expect(root).to_have_attribute("data-state", "ready")
    status = root.locator("[data-quiz-status]")
    expect(status).not_to_contain_text("could not start")
    expect(status.get_by_role("button", name="Try again")).to_have_count(0)


@pytest.mark.parametrize("bank_id", list(PAGES))
def test_an_engine_error_names_the_problem_and_keeps_the_quiz_usable(
    page: Page, site_url: str, problems: list[str], bank_id: str
) -> None:
    bank = quiz.load_bank(bank_id)
    page.goto(site_url + PAGES[bank_id])
    root = page.locator(f'[data-quiz="{bank_id}"]')
    kept, broken = live_questions(bank)[1], live_questions(bank)[0]  # on the page at first
    page.locator(f'input[name="{kept.id}"][value="{kept.options[0].id}"]').check()
    offer_removed_option(page, broken)
    results = root.locator("[data-results-body]")

    if bank.kind == "self-check":
        page.locator(f'[data-check="{broken.id}"]').click()
        expect_engine_problem(root.locator(f'[data-feedback="{broken.id}"]'), broken)
        expect_python_still_running(root)
        page.get_by_role("button", name=re.compile("results", re.I)).click()
    else:
        page.get_by_role("button", name=re.compile("recommendation", re.I)).click()
    expect_engine_problem(results, broken)
    expect_python_still_running(root)
    expect(page.locator(f'input[name="{kept.id}"][value="{kept.options[0].id}"]')).to_be_checked()

    # The reader changes the answer named, and everything works again.
    real = broken.options[0].id
    page.locator(f'input[name="{broken.id}"][value="{real}"]').check()
    if bank.kind == "self-check":
        page.locator(f'[data-check="{broken.id}"]').click()
        expect(root.locator(f'[data-feedback="{broken.id}"] .quiz-feedback__verdict')
               ).to_be_visible(timeout=READY)
        page.get_by_role("button", name=re.compile("results", re.I)).click()
        expect(root).to_have_attribute("data-score", re.compile(r"^\d+$"))
    else:
        page.get_by_role("button", name=re.compile("recommendation", re.I)).click()
        expect(root).to_have_attribute("data-recommendation", re.compile(r"^[a-z-]+$"))
    expect(results).not_to_contain_text("could not be scored")

    page.reload()
    expect(page.locator(f'input[name="{kept.id}"][value="{kept.options[0].id}"]')).to_be_checked()
    expect(page.locator(f'input[name="{broken.id}"][value="{real}"]')).to_be_checked()
    assert problems == []


def test_a_fault_inside_the_engine_is_not_a_python_that_cannot_start(
    page: Page, site_url: str
) -> None:
    """A Python exception escaping the engine (a bug, not bad answers) names itself, and
    Python, the quiz and the reader's answers stay as they were."""
    def faulty_worker(route: Route) -> None:
        body = route.fetch().text()
        call = "reply: handle(JSON.stringify(request))"
        assert call in body, "the worker no longer scores this way: update this test"
        faulty = ("reply: handle(JSON.stringify(request), "  # scoring fails, warming works
                  "...(request.type === 'score' ? ['extra'] : []))")
        route.fulfill(body=body.replace(call, faulty),
                      content_type="text/javascript")

    page.route("**/quiz-worker.js", faulty_worker)
    bank = quiz.load_bank("spot-the-signs")
    question = live_questions(bank)[0]
    page.goto(site_url + PAGES[bank.id])
    root = page.locator(f'[data-quiz="{bank.id}"]')
    expect(root).to_have_attribute("data-state", "ready", timeout=READY)
    option = page.locator(f'input[name="{question.id}"][value="{question.options[0].id}"]')
    option.check()
    page.locator(f'[data-check="{question.id}"]').click()
    box = root.locator(f'[data-feedback="{question.id}"]')
    expect(box).to_contain_text("could not be scored: TypeError", timeout=READY)
    expect(box).not_to_contain_text("Traceback")
    expect_python_still_running(root)
    expect(option).to_be_checked()
