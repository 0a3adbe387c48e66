"""Practice rounds on the command line: `round` picks the next one, `take` plays them.

The history is a JSON file holding a list of round results, as `score --round` prints
them. It is only ever replaced whole (write a copy, then rename), and a file that is
not such a list stops the command with a message and is left untouched.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any, TextIO

from . import load_bank, next_round, progress, score, to_json, wording
from .errors import AnswerError, QuizError
from .model import Bank
from .terminal import ask, print_feedback, print_summary, take, wrap

DEFAULT_HISTORY = "~/.walk-away-history.json"


def read_history_file(source: str, *, missing_ok: bool) -> list[Any]:
    """The history list in a file (or stdin for -); a new history if allowed and absent."""
    path = Path(source).expanduser()
    try:
        text = sys.stdin.read() if source == "-" else path.read_text(encoding="utf-8")
    except FileNotFoundError:
        if missing_ok:
            return []
        raise AnswerError(f"cannot read the history: there is no file {source}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise AnswerError(f"cannot read the history from {source}: {error}") from None
    if not text.strip():
        return []
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as error:
        raise AnswerError(f"the history in {source} is not valid JSON ({error}); "
                          "the file is left as it is: repair or move it") from None
    if not isinstance(data, list):
        raise AnswerError(f"the history in {source} must be a JSON list of round results; "
                          "the file is left as it is: repair or move it")
    return data


def save_history(source: str, history: list[Any]) -> None:
    """Replace the file in one step, so a crash never leaves half a history."""
    path = Path(source).expanduser()
    try:
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise QuizError(f"cannot save the history to {source}: {error}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            file.write(to_json(history) + "\n")
            file.flush()
            os.fsync(file.fileno())
        os.replace(temp, path)
    except OSError as error:
        Path(temp).unlink(missing_ok=True)
        raise QuizError(f"cannot save the history to {source}: {error}") from None


def print_progress(data: dict[str, Any], out: TextIO) -> None:
    print("\nEach sign, round by round (spotted of present):", file=out)
    for sign in data["signs"].values():
        print(wrap(sign["text"], "  "), file=out)
    print("\n" + wrap(data["mastery"]["text"]), file=out)
    print("\n" + wrap(data["text"]), file=out)


def cmd_round(args: argparse.Namespace) -> int:
    bank = load_bank(args.bank)
    history = read_history_file(args.history, missing_ok=False) if args.history else []
    ids = next_round(bank, history, args.seed, args.size)
    data = progress(bank, history)
    if args.json:
        print(to_json({"round": ids, "progress": data}))
        return 0
    print(f"Next round of {bank.title}: {len(ids)} scenarios")
    titles = {s.id: s for s in bank.scenarios}
    for number, sid in enumerate(ids, 1):
        print(f"  {number}. {titles[sid].title} ({titles[sid].topic_label}) [{sid}]")
    if data["rounds"]:
        print_progress(data, sys.stdout)
    return 0


def play_round(bank: Bank, ids: list[str], out: TextIO, inp: TextIO
               ) -> tuple[dict[str, list[str]], bool]:
    """One round, one scenario at a time; returns the answers and whether the reader quit."""
    answers: dict[str, list[str]] = {}
    scenarios = {s.id: s for s in bank.scenarios}
    for number, sid in enumerate(ids, 1):
        scenario = scenarios[sid]
        place = wording.scenario_number(number, len(ids))
        head = f"{place}: {scenario.title} ({scenario.topic_label})"
        print(f"\n{head}\n{'-' * len(head)}\n{wrap(scenario.story)}", file=out)
        for question in (q for q in bank.questions if q.scenario is scenario):
            print(f"\n{question.prompt}", file=out)
            chosen = ask(bank, answers, question, out, inp)
            if chosen is None:
                return answers, True
            answers[question.id] = chosen
            result = score(bank, answers, round=ids).to_dict()
            print_feedback(result["questions"][question.id], out)
    return answers, False


def take_rounds(bank: Bank, source: str, seed: int, size: int | None,
                out: TextIO = sys.stdout, inp: TextIO = sys.stdin) -> None:
    """Play rounds until the reader stops, adding each round's result to the history."""
    history = read_history_file(source, missing_ok=True)
    print(f"\n{bank.title}\n{'=' * len(bank.title)}\n\n{wrap(bank.intro)}", file=out)
    while True:
        ids = next_round(bank, history, seed, size)
        played = progress(bank, history)["rounds"]
        print(f"\nRound {played + 1}: {len(ids)} scenarios", file=out)
        answers, quit_ = play_round(bank, ids, out, inp)
        if answers:
            result = score(bank, answers, round=ids).to_dict()
            print_summary(bank, result, out)
            history.append(result)
            save_history(source, history)
            print_progress(progress(bank, history), out)
            print(f"\nThis round is saved in {source}.", file=out)
        else:
            print("\nNothing answered: this round is not saved.", file=out)
        if quit_ or not again(out, inp):
            return


def again(out: TextIO, inp: TextIO) -> bool:
    print("\nPlay the next round? (y/N): ", end="", file=out, flush=True)
    return inp.readline().strip().lower() in {"y", "yes"}


def cmd_take(args: argparse.Namespace) -> int:
    bank = load_bank(args.bank)
    if bank.rounds is None or args.all:
        if args.history:
            raise AnswerError("--history keeps practice rounds: it goes with a bank that "
                              "has them, without --all")
        take(bank)
        return 0
    take_rounds(bank, args.history or DEFAULT_HISTORY, args.seed, args.size)
    return 0


def round_option(text: str) -> list[str]:
    """--round ID,ID,...: the scenario ids of one round."""
    return [part.strip() for part in text.split(",") if part.strip()]


def add_commands(sub: Any) -> None:
    """The `round` command, and the options `score` and `take` get for rounds."""
    s = sub.add_parser("round", help="the next practice round, chosen from your history")
    s.add_argument("bank")
    s.add_argument("--history", metavar="FILE",
                   help="JSON list of earlier round results, or - for stdin")
    s.add_argument("--seed", type=int, default=0, help="breaks ties (default 0)")
    s.add_argument("--size", type=int, help="scenarios in the round (default: the bank's)")
    s.add_argument("--json", action="store_true", help="machine-readable output")
    s.set_defaults(run=cmd_round)


def add_take_options(s: argparse.ArgumentParser) -> None:
    s.add_argument("--history", metavar="FILE",
                   help=f"where practice rounds are kept (default {DEFAULT_HISTORY})")
    s.add_argument("--seed", type=int, default=0, help="breaks ties in choosing rounds")
    s.add_argument("--size", type=int, help="scenarios per round (default: the bank's)")
    s.add_argument("--all", action="store_true",
                   help="every scenario at once, as on the page without rounds; no history")
    s.set_defaults(run=cmd_take)
