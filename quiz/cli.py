"""The command line: list, show, score, check and take the banks (rounds: cli_rounds.py;
analyse and the thresholds check applies: cli_analyse.py).

Scoring prints the same JSON the browser gets, so the two can be compared.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import (
    bank_ids,
    cli_analyse,
    cli_export,
    cli_review,
    cli_rounds,
    load_bank,
    load_bank_file,
    score,
    to_json,
)
from .errors import AnswerError, BankError, QuizError
from .loading import banks_dir
from .terminal import wrap


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
    cli_analyse.add_command(sub)
    cli_review.add_command(sub)
    cli_export.add_command(sub)
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
            crossed = (cli_analyse.crossed_thresholds(bank, file.name)  # item analysis
                       + cli_review.review_problems(bank, Path(file)))  # blind review
            if crossed:
                problems += crossed
            else:
                print(f"ok  {file.name}: {bank.title} ({len(bank.questions)} questions)")
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    return 0
