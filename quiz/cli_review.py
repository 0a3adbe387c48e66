"""`python -m quiz review`: blind review of a self-check bank (the rules: quiz.review).

  review packet BANK --reader N [--only ID,ID]   the stories for one reader, no keys
  review tally BANK ANSWERS.json... --review LABEL [--write]
                                                 agreement with the keys; --write adds
                                                 the rows to the bank's review file
  review status BANK                             what still needs a blind reading
Author-facing text, so it lives here and not in quiz.wording.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from .analysis import FULL_BANK
from .cli_analyse import names_a_file
from .loading import banks_dir, load_bank_file
from .model import Bank
from .review import (
    MIN_READERS,
    ReviewError,
    from_text,
    packet,
    problems,
    read_answers,
    review_file,
    tally,
    to_text,
)
from .self_check import NAME as SELF_CHECK


def add_command(sub: Any) -> None:
    s = sub.add_parser("review", help="blind review of a self-check bank, for authors")
    steps = s.add_subparsers(required=True, metavar="STEP")
    p = steps.add_parser("packet", help="one reader's stories, without keys")
    p.add_argument("bank", help="a bank id, or the path of a bank file (.toml)")
    p.add_argument("--reader", type=int, required=True, help="the reader's number (1, 2, …)")
    p.add_argument("--only", help="scenario ids, comma-separated (default: every scenario)")
    p.set_defaults(run=cmd_packet)
    t = steps.add_parser("tally", help="readers' answers against the keys")
    t.add_argument("bank", help="a bank id, or the path of a bank file (.toml)")
    t.add_argument("answers", nargs="+", type=Path, help="one JSON file per reader")
    t.add_argument("--review", required=True, help="a label for this review, e.g. 2")
    t.add_argument("--write", action="store_true", help="add the rows to the review file")
    t.set_defaults(run=cmd_tally)
    st = steps.add_parser("status", help="what still needs a blind reading")
    st.add_argument("bank", help="a bank id, or the path of a bank file (.toml)")
    st.set_defaults(run=cmd_status)


def bank_file(name: str) -> Path:
    return Path(name) if names_a_file(name) else Path(str(banks_dir())) / f"{name}.toml"


def cmd_packet(args: argparse.Namespace) -> int:
    bank = load_bank_file(bank_file(args.bank))
    only = set(args.only.split(",")) if args.only else None
    unknown = sorted((only or set()) - {s.id for s in bank.scenarios})
    if unknown:
        print(f"review: no scenario {', '.join(unknown)} in {bank.id}", file=sys.stderr)
        return 2
    print(packet(bank, args.reader, only), end="")
    return 0


def cmd_tally(args: argparse.Namespace) -> int:
    file = bank_file(args.bank)
    bank = load_bank_file(file)
    if len(args.answers) < MIN_READERS:
        print(f"review: a review needs at least {MIN_READERS} independent readers",
              file=sys.stderr)
        return 2
    try:
        readers = [read_answers(bank, json.loads(p.read_text(encoding="utf-8")), p.name)
                   for p in args.answers]
    except (OSError, ValueError, ReviewError) as error:
        print(f"review: {error}", file=sys.stderr)
        return 2
    rows = tally(bank, readers, args.review)
    for row in rows:
        line = row.to_csv()
        print(f"{line['decision']:<8} {row.scenario:<34} move {line['move_agreement']}"
              + (f"; signs disputed: {line['signs_disagreed']}" if row.signs_disagreed else ""))
    if args.write:
        path = review_file(file)
        old = from_text(path.read_text(encoding="utf-8"), path.name) if path.exists() else []
        path.write_text(to_text(old + rows), encoding="utf-8")
        print(f"{len(rows)} rows added to {path}")
    return 0


def review_problems(bank: Bank, file: Path) -> list[str]:
    """For `check`: a full self-check must have been read blind, and still agree."""
    path = review_file(file)
    if bank.kind != SELF_CHECK or (not path.exists() and len(bank.scenarios) < FULL_BANK):
        return []
    if not path.exists():
        return [f"{file.name}: no blind review ({path.name}); see the README's Authoring"]
    try:
        rows = from_text(path.read_text(encoding="utf-8"), path.name)
    except ReviewError as error:
        return [str(error)]
    return [f"{path.name}: {p}" for p in problems(bank, rows)]


def cmd_status(args: argparse.Namespace) -> int:
    file = bank_file(args.bank)
    found = review_problems(load_bank_file(file), file)
    print("\n".join(found) if found else f"every scenario of {file.name} stands after review")
    return 1 if found else 0
