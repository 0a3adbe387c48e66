"""Taking a bank in the terminal: questions by number, feedback and the summary as text.

Shared by the whole-bank `take` (quiz.cli) and practice rounds (quiz.cli_rounds).
"""

from __future__ import annotations

import os
import sys
import textwrap
from typing import Any, TextIO

from . import score, wording
from .errors import AnswerError
from .kinds import kind_of
from .model import Bank, Question

# Where printed guide links point: the site's address, as the site build takes it.
SITE = os.environ.get("SITE_URL", "https://walk-away.example.org/").rstrip("/") + "/"


def wrap(text: str, indent: str = "") -> str:
    paragraphs = [" ".join(p.split()) for p in text.strip().split("\n\n")]
    return "\n\n".join(textwrap.fill(p, 78, initial_indent=indent, subsequent_indent=indent)
                       for p in paragraphs)


def ask(bank: Bank, answers: dict[str, list[str]], question: Question, out: TextIO,
        inp: TextIO) -> list[str] | None:
    """Read the reader's choice by number, until the engine accepts it; None means stop."""
    hint = "one number" if question.kind == "single" else "numbers, e.g. 1 3"
    for number, option in enumerate(question.options, 1):
        print(f"  {number}) {option.label}", file=out)
    while True:
        print(f"  Your answer ({hint}; Enter skips, q finishes): ", end="", file=out, flush=True)
        line = inp.readline()
        if not line or line.strip().lower() in {"q", "quit"}:
            return None
        picks = line.replace(",", " ").split()
        if not picks:
            return []
        try:
            chosen = [question.options[int(p) - 1].id for p in picks if int(p) >= 1]
            if len(chosen) != len(picks):
                raise IndexError
        except (ValueError, IndexError):
            print(f"  Please type {hint} between 1 and {len(question.options)}.", file=out)
            continue
        try:
            score(bank, {**answers, question.id: chosen})
        except AnswerError as error:
            print(f"  {error}", file=out)
            continue
        return chosen


def take(bank: Bank, out: TextIO = sys.stdout, inp: TextIO = sys.stdin) -> dict[str, Any]:
    print(f"\n{bank.title}\n{'=' * len(bank.title)}\n\n{wrap(bank.intro)}", file=out)
    answers: dict[str, list[str]] = {}
    scenario = None
    for question in bank.questions:
        if question.scenario and question.scenario is not scenario:
            scenario = question.scenario
            head = f"{scenario.title} ({scenario.topic_label})"
            print(f"\n{head}\n{'-' * len(head)}\n{wrap(scenario.story)}", file=out)
        print(f"\n{question.prompt}", file=out)
        chosen = ask(bank, answers, question, out, inp)
        if chosen is None:
            break
        answers[question.id] = chosen
        if kind_of(bank).CHECKABLE:
            print_feedback(score(bank, answers).to_dict()["questions"][question.id], out)
    final: dict[str, Any] = score(bank, answers).to_dict()
    print_summary(bank, final, out)
    return final


def print_feedback(feedback: dict[str, Any], out: TextIO) -> None:
    if not feedback["answered"]:
        return
    print(f"  {feedback['verdict']}", file=out)
    for option in feedback["chosen"]:
        print(wrap(f"{option['label']}: {option['explanation']}", "    "), file=out)
        section = option["section"]
        print(f"    {wording.READ} {section['title']} — {SITE}{section['href']}", file=out)
    if feedback["right_answer"]:
        print(f"    {feedback['right_answer']}", file=out)


def print_summary(bank: Bank, result: dict[str, Any], out: TextIO) -> None:
    heading = wording.RESULTS_HEADING
    print(f"\n{heading}\n{'-' * len(heading)}", file=out)
    for line in kind_of(bank).summary(result, SITE):
        print(wrap(line, "  ").replace("  -", "-", 1) if line.startswith("- ") else
              line if line.startswith("  ") else wrap(line), file=out)
