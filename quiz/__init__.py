"""Walk Away's self-check engine: question banks, scoring and rendering.

Standard library only, so the same code runs in CPython and in Pyodide in the
reader's browser.
"""

from __future__ import annotations

import json
from typing import Any

from .errors import AnswerError, BankError, Problem, QuizError
from .kinds import KINDS, Outcome, kind_of
from .loading import bank_ids, load_bank, load_bank_file, parse_bank
from .model import Bank, Option, Question, Scenario
from .rounds import RoundResult, first_round, history_entry, next_round, progress
from .vocabulary import CHECKS, MOVES, SECTIONS, SIGNS, TOPICS, Section, Sign

__version__ = "0.1.0"


def score(bank: Bank | str, answers: object, round: object = None) -> Outcome:
    """Score `answers` ({question id: [option id, ...]}) against a bank or a bank id.

    With `round` (a list of scenario ids), only that round's scenarios count (banks
    with practice rounds). The bank's kind scores it (quiz.kinds). Returns a result
    whose `to_dict()` is plain JSON-ready data; raises AnswerError for malformed answers
    and nothing else for any input.
    """
    if not isinstance(bank, Bank):
        bank = load_bank(bank)
    return kind_of(bank).score(bank, answers, round)


def to_json(data: Any) -> str:
    """The one serialisation of results, so CPython and Pyodide agree byte for byte."""
    return json.dumps(data, ensure_ascii=False, indent=2)


__all__ = [
    "CHECKS",
    "KINDS",
    "MOVES",
    "SECTIONS",
    "SIGNS",
    "TOPICS",
    "AnswerError",
    "Bank",
    "BankError",
    "Option",
    "Outcome",
    "Problem",
    "Question",
    "QuizError",
    "RoundResult",
    "Scenario",
    "Section",
    "Sign",
    "bank_ids",
    "first_round",
    "history_entry",
    "kind_of",
    "load_bank",
    "load_bank_file",
    "next_round",
    "parse_bank",
    "progress",
    "score",
    "to_json",
]
