"""Checking a reader's answers before scoring: one clear error for anything malformed."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .errors import AnswerError
from .model import Bank

Answers = dict[str, list[str]]


def show(value: object) -> str:
    """A short, safe rendering of reader input for an error message.

    Only text and small scalars are quoted: repr() of a huge number or a deeply
    nested list would itself fail.
    """
    if isinstance(value, str):
        return repr(value) if len(value) <= 40 else repr(value[:37] + "...")
    if value is None or isinstance(value, bool | float) or (
        isinstance(value, int) and -(10**12) < value < 10**12
    ):
        return repr(value)
    kinds = {int: "a number", list: "a list", tuple: "a list", dict: "an object"}
    return kinds.get(type(value), f"a {type(value).__name__}")


def check_answers(bank: Bank, answers: object) -> Answers:
    """Return the answers as {question id: [option id, ...]}, or raise AnswerError."""
    if not isinstance(answers, Mapping):
        raise AnswerError("answers must be an object mapping question ids to lists of option ids")
    if len(answers) > len(bank.questions):
        raise AnswerError(f"too many answers: {len(answers)} given, the bank "
                          f"{bank.id!r} has {len(bank.questions)} questions")
    clean: Answers = {}
    for qid, chosen in answers.items():
        question = bank.question(qid) if isinstance(qid, str) else None
        if question is None:
            raise AnswerError(f"unknown question {show(qid)} in bank {bank.id!r}")
        if not isinstance(chosen, list | tuple):
            raise AnswerError(f"question {qid!r}: the answer must be a list of option ids, "
                              f"not {show(chosen)}")
        if len(chosen) > len(question.options):
            raise AnswerError(f"question {qid!r}: {len(chosen)} choices for "
                              f"{len(question.options)} options")
        picks = list(_option_ids(question.id, chosen, {o.id for o in question.options}))
        if question.kind == "single" and len(picks) > 1:
            raise AnswerError(f"question {qid!r} takes one choice, got {len(picks)}")
        exclusive = [p for p in picks if (o := question.option(p)) and o.exclusive]
        if exclusive and len(picks) > 1:
            raise AnswerError(f"question {qid!r}: {exclusive[0]!r} cannot be chosen together "
                              "with another option")
        clean[qid] = picks
    return clean


def _option_ids(qid: str, chosen: list[Any] | tuple[Any, ...], known: set[str]) -> list[str]:
    seen: list[str] = []
    for pick in chosen:
        if not isinstance(pick, str):
            raise AnswerError(f"question {qid!r}: option ids are text, not {show(pick)}")
        if pick not in known:
            raise AnswerError(f"question {qid!r}: unknown option {show(pick)}")
        if pick in seen:
            raise AnswerError(f"question {qid!r}: option {pick!r} is chosen twice")
        seen.append(pick)
    return seen
