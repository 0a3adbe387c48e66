"""The command line: list, show, score, check and take the banks (rounds: cli_rounds.py).

Scoring prints the same JSON the browser gets, so the two can be compared.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import textwrap
from pathlib import Path
from typing import Any, TextIO

from . import bank_ids, load_bank, load_bank_file, score, to_json
from .errors import AnswerError, BankError, QuizError
from .kinds import kind_of
from .loading import banks_dir
from .model import Bank, Question

# Where printed guide links point: the site's address, as the site build takes it.
SITE = os.environ.get("SITE_URL", "https://walk-away.example.org/").rstrip("/") + "/"


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        code: int = args.run(args)
    except QuizError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
    return code


def parser() -> argparse.ArgumentParser:
    from . import cli_rounds  # imports this module: load it late

    p = argparse.ArgumentParser(prog="python -m quiz",
                                description="Walk Away's self-check banks and scoring.")
    sub = p.add_subparsers(required=True, metavar="COMMAND")
    s = sub.add_parser("list", help="bank ids and titles")
    s.set_defaults(run=cmd_list)
    s = sub.add_parser("show", help="a whole bank, answers included")
    s.add_argument("bank")
    s.add_argument("--json", action="store_true", help="machine-readable output")
    s.set_defaults(run=cmd_show)
    s = sub.add_parser("score", help="score an answers file; prints the result as JSON")
    s.add_argument("bank")
    s.add_argument("answers", help='JSON file {"question-id": ["option-id", ...]}, or - for stdin')
    s.add_argument("--round", metavar="ID,ID,...", type=cli_rounds.round_option,
                   help="score one practice round: only these scenarios count")
    s.set_defaults(run=cmd_score)
    s = sub.add_parser("check", help="validate every bank (or the files given)")
    s.add_argument("files", nargs="*", type=Path)
    s.set_defaults(run=cmd_check)
    s = sub.add_parser("take", help="take a bank in the terminal (self-checks: in rounds)")
    s.add_argument("bank")
    cli_rounds.add_take_options(s)
    cli_rounds.add_commands(sub)
    return p


def cmd_list(args: argparse.Namespace) -> int:
    for bank_id in bank_ids():
        bank = load_bank(bank_id)
        print(f"{bank.id}\t{bank.title}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    bank = load_bank(args.bank)
    if args.json:
        print(to_json(bank.to_dict()))
        return 0
    print(bank.title, "", wrap(bank.intro), sep="\n")
    for question in bank.questions:
        print(f"\n[{question.id}] {question.prompt}")
        for option in question.options:
            mark = "*" if option.correct else " "
            print(f"  {mark} {option.id}: {option.explanation}")
    return 0


def read_answers(source: str) -> object:
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise AnswerError(f"cannot read answers from {source}: {error}") from None
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as error:  # bad JSON, absurd numbers or nesting
        raise AnswerError(f"answers in {source} are not valid JSON: {error}") from None


def cmd_score(args: argparse.Namespace) -> int:
    bank = load_bank(args.bank)
    print(to_json(score(bank, read_answers(args.answers), round=args.round).to_dict()))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    files = args.files or sorted(Path(str(banks_dir())).glob("*.toml"))
    problems: list[str] = []
    for file in files:
        try:
            bank = load_bank_file(file)
        except BankError as error:
            problems.append(str(error))
        else:
            print(f"ok  {file.name}: {bank.title} ({len(bank.questions)} questions)")
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    return 0


# --- taking a bank in the terminal -----------------------------------------------------

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
        print(f"    See: {option['section']['title']} — {SITE}{option['section']['href']}",
              file=out)
    if feedback["also_right"]:
        print(f"    {feedback['also_right']}", file=out)


def print_summary(bank: Bank, result: dict[str, Any], out: TextIO) -> None:
    print("\nYour results\n------------", file=out)
    for line in kind_of(bank).summary(result, SITE):
        print(wrap(line, "  ").replace("  -", "-", 1) if line.startswith("- ") else
              line if line.startswith("  ") else wrap(line), file=out)
