"""Helpers for a self-check page that shows one round, one scenario at a time."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, expect

import quiz

ROOT = Path(__file__).resolve().parent.parent.parent
BANK = quiz.load_bank("spot-the-signs")
FIRST = quiz.first_round(BANK)
HISTORY_KEY = "walk-away:rounds:spot-the-signs"


def round_ids(page: Page) -> list[str]:
    ids: list[str] = page.eval_on_selector_all(
        ".quiz-round > section[data-scenario]", "all => all.map((s) => s.dataset.scenario)")
    return ids


def questions(scenario: str) -> list[quiz.Question]:
    return [q for q in BANK.questions if q.scenario and q.scenario.id == scenario]


def go_to(page: Page, number: int) -> None:
    """Press Next or Previous until scenario `number` (from 1) is the one shown."""
    progress = page.locator("[data-round-progress]")
    for _ in range(20):
        text = progress.text_content() or ""
        now = int(text.split()[1])
        if now == number:
            break
        page.locator(f'[data-action="{"next" if now < number else "previous"}"]').click()
    expect(progress).to_have_text(f"Scenario {number} of {len(round_ids(page))}")


def answer_round(page: Page, answers: dict[str, list[str]]) -> None:
    """Answer the shown round scenario by scenario, as a reader does with Next."""
    for number, scenario in enumerate(round_ids(page), 1):
        go_to(page, number)
        for question in questions(scenario):
            for option in answers.get(question.id, []):
                page.locator(f'input[name="{question.id}"][value="{option}"]').check()


def answers_missing(scenarios: list[str], weak: str) -> dict[str, list[str]]:
    """Every move right, every sign spotted but `weak`, which this reader never ticks."""
    answers: dict[str, list[str]] = {}
    for sid in scenarios:
        for q in questions(sid):
            right = sorted(q.correct_ids)
            if q.kind == "multiple":
                right = [o for o in right if o != weak] or ["none"]
            answers[q.id] = right
    return answers


def cli(*args: str, stdin: str | None = None) -> Any:
    run = subprocess.run([sys.executable, "-m", "quiz", *args], cwd=ROOT, input=stdin,
                         capture_output=True, text=True, check=True)
    return json.loads(run.stdout)


def saved_history(page: Page) -> Any:
    return json.loads(page.evaluate(f"localStorage.getItem({HISTORY_KEY!r})") or "null")
