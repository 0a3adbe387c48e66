"""The self-check as a reader takes it, in headless Chromium against the built site."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

import quiz
from harness import serve
from tests.support.quiz_page import with_load_timeout
from tests.support.rounds_page import FIRST, answer_round, go_to, questions

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parent.parent
BANK = quiz.load_bank("spot-the-signs")
READY = 60_000  # ms: a cold Pyodide start on a busy 2-core machine


def reader_answers() -> dict[str, list[str]]:
    """A realistic mix over the first round: some right, some wrong, some partly right,
    one left out."""
    answers: dict[str, list[str]] = {}
    asked = [q for sid in FIRST for q in questions(sid)]
    for n, question in enumerate(asked[:-1]):
        correct = sorted(question.correct_ids)
        if question.kind == "single":
            wrong = [o.id for o in question.options if not o.correct]
            answers[question.id] = correct if n % 3 else wrong[:1]
        else:
            signs = [o.id for o in question.options if o.id != "none"]
            answers[question.id] = correct if n % 4 else signs[n % 4 : n % 4 + 1]
    return answers


def cli_score(answers: dict[str, list[str]], tmp_path: Path) -> dict[str, object]:
    file = tmp_path / "answers.json"
    file.write_text(json.dumps(answers), encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "quiz", "score", "spot-the-signs", str(file),
                          "--round", ",".join(FIRST)],
                         cwd=ROOT, capture_output=True, text=True, check=True)
    result: dict[str, object] = json.loads(run.stdout)
    return result


def tick(page: Page, question: str, option: str) -> None:
    page.locator(f'input[name="{question}"][value="{option}"]').check()


def quiz_root(page: Page):  # type: ignore[no-untyped-def]
    return page.locator('[data-quiz="spot-the-signs"]')


def test_reader_takes_the_first_round(
    page: Page, site_url: str, problems: list[str], tmp_path: Path
) -> None:
    answers = reader_answers()
    page.goto(site_url + "self-check/")
    first = questions(FIRST[0])[0]  # the page's first question: the round's first move
    # The first question by keyboard only: Tab into the radio group, arrows to choose.
    page.locator(f'input[name="{first.id}"]').first.focus()
    page.keyboard.press("Space")
    target = [o.id for o in first.options].index(answers[first.id][0])
    for _ in range(target):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")  # to its Check button
    focused = page.evaluate("document.activeElement.dataset.check")
    assert focused == first.id
    page.keyboard.press("Enter")
    feedback = page.locator(f'[data-feedback="{first.id}"]')
    expect(feedback.locator(".quiz-feedback__verdict")).to_be_visible(timeout=READY)
    option = first.option(answers[first.id][0])
    assert option is not None
    expect(feedback).to_contain_text(option.explanation)
    expect(quiz_root(page)).to_have_attribute("data-state", "ready")

    answer_round(page, {k: v for k, v in answers.items() if k != first.id})
    page.get_by_role("button", name=re.compile("results", re.I)).click()
    root = quiz_root(page)
    expect(root).to_have_attribute("data-score", re.compile(r"\d+"))
    expected = cli_score(answers, tmp_path)
    assert root.get_attribute("data-score") == str(expected["score"])
    assert root.get_attribute("data-max-score") == str(expected["max_score"])
    results = page.locator("[data-quiz-results]")
    expect(results).to_contain_text(f"You scored {expected['score']} of {expected['max_score']}")
    for sign in quiz.SIGNS:
        expect(results.locator(".quiz-profile")).to_contain_text(sign.name)
    assert page.evaluate("document.activeElement.id") == "spot-the-signs--results"
    assert problems == []


def test_none_of_these_and_signs_exclude_each_other(page: Page, site_url: str) -> None:
    page.goto(site_url + "self-check/")
    question = next(q for q in BANK.questions if q.kind == "multiple")
    tick(page, question.id, "diminishing-returns")
    tick(page, question.id, "lack-of-flexibility")
    tick(page, question.id, "none")
    checked = page.locator(f'input[name="{question.id}"]:checked')
    expect(checked).to_have_count(1)
    tick(page, question.id, "unreasonable-demands")
    expect(checked).to_have_count(1)
    expect(page.locator(f'input[name="{question.id}"][value="none"]')).not_to_be_checked()


def test_reload_and_instant_navigation_keep_everything(
    page: Page, site_url: str, problems: list[str]
) -> None:
    wasm: list[str] = []
    page.on("request", lambda r: wasm.append(r.url) if r.url.endswith(".wasm") else None)
    page.goto(site_url + "self-check/")
    move, signs = questions(FIRST[0])
    tick(page, move.id, "walk-away")
    page.locator(f'[data-check="{move.id}"]').click()
    expect(page.locator(f'[data-feedback="{move.id}"] .quiz-feedback__verdict')).to_be_visible(
        timeout=READY)
    tick(page, signs.id, "none")
    page.get_by_role("button", name=re.compile("results", re.I)).click()
    expect(quiz_root(page)).to_have_attribute("data-score", re.compile(r"\d+"))
    score = quiz_root(page).get_attribute("data-score")

    page.reload()
    expect(page.locator(f'input[name="{move.id}"][value="walk-away"]')).to_be_checked()
    expect(page.locator(f'input[name="{signs.id}"][value="none"]')).to_be_checked()
    expect(page.locator(f'[data-feedback="{move.id}"]')).to_contain_text("point")
    expect(quiz_root(page)).to_have_attribute("data-score", score or "")
    expect(page.locator("[data-quiz-results]")).to_be_visible()

    # Instant navigation away and back: same tab, same worker, same answers.
    expect(quiz_root(page)).to_have_attribute("data-state", "ready", timeout=READY)
    wasm.clear()
    page.locator('.md-nav a[href$="resources/"]').first.click()
    expect(page).to_have_url(re.compile(r"resources/$"))
    page.locator('.md-nav a[href$="self-check/"]').first.click()
    expect(page).to_have_url(re.compile(r"self-check/$"))
    expect(page.locator(f'input[name="{move.id}"][value="walk-away"]')).to_be_checked()
    third = questions(FIRST[1])[0]
    go_to(page, 2)
    tick(page, third.id, "pause")
    page.locator(f'[data-check="{third.id}"]').click()
    expect(page.locator(f'[data-feedback="{third.id}"] .quiz-feedback__verdict')).to_be_visible(
        timeout=READY)
    assert wasm == [], "instant navigation must reuse the tab's Python worker"
    page.get_by_role("button", name="Start over").click()
    expect(page.locator(f'input[name="{move.id}"]:checked')).to_have_count(0)
    page.reload()
    expect(page.locator("[data-quiz-form] input:checked")).to_have_count(0)
    assert problems == []


def test_pages_without_a_quiz_download_no_python(page: Page, site_url: str) -> None:
    urls: list[str] = []
    page.on("request", lambda r: urls.append(r.url))
    for path in ("", "guide/", "guide/signs/", "resources/"):
        page.goto(site_url + path)
        page.mouse.wheel(0, 5000)
        page.wait_for_load_state("networkidle")
    python = [u for u in urls if re.search(r"/assets/(pyodide|quiz)/|quiz-worker", u)]
    assert python == []


@pytest.mark.parametrize("breakage", ["missing", "wrong_type"])
def test_python_that_cannot_start_is_explained_and_answers_kept(
    page: Page, site_dir: Path, breakage: str
) -> None:
    broken = frozenset({"pyodide.asm.wasm"})
    with serve(site_dir, **{breakage: broken}) as url:
        page.route(re.compile(r"self-check/$"), with_load_timeout(8000))
        page.goto(url + "self-check/")
        move = questions(FIRST[0])[0]
        tick(page, move.id, "pause")
        root = quiz_root(page)
        expect(root).to_have_attribute("data-state", "failed", timeout=30_000)
        status = root.locator("[data-quiz-status]")
        expect(status).to_contain_text("Python could not start")
        expect(status).not_to_contain_text("Traceback")
        expect(status.get_by_role("button", name="Try again")).to_be_visible()
        expect(page.locator(f'input[name="{move.id}"][value="pause"]')).to_be_checked()
        page.locator(f'[data-check="{move.id}"]').click()
        expect(page.locator(f'[data-feedback="{move.id}"]')).to_contain_text("answer is kept")
        page.reload()
        expect(page.locator(f'input[name="{move.id}"][value="pause"]')).to_be_checked()


def test_site_served_under_a_sub_path(page: Page, site_dir: Path, problems: list[str]) -> None:
    with serve(site_dir, prefix="/walk-away/") as url:
        page.goto(url + "self-check/")
        move = questions(FIRST[0])[0]
        tick(page, move.id, "keep-negotiating")
        page.locator(f'[data-check="{move.id}"]').click()
        link = page.locator(f'[data-feedback="{move.id}"] a').first
        expect(link).to_be_visible(timeout=READY)
        assert "/walk-away/guide/" in (link.get_attribute("href") or "")
        link.click()
        expect(page.locator("h1")).to_be_visible()
        assert page.url.startswith(url)
    assert problems == []
