"""Walk Away's self-check engine: question banks, scoring and rendering.

Standard library only, so the same code runs in CPython and in Pyodide in the
reader's browser.
"""

from __future__ import annotations

import json
from typing import Any

from .assessment import Assessment, assess
from .bank import Bank, Option, Question, Scenario, bank_ids, load_bank, load_bank_file, parse_bank
from .criteria import CRITERIA, MOVES, SECTIONS, Criterion, Section
from .errors import AnswerError, BankError, Problem, QuizError
from .rounds import RoundResult, first_round, history_entry, next_round, progress, score_round
from .scoring import Result, score_self_check

__version__ = "0.1.0"


def score(bank: Bank | str, answers: object, round: object = None) -> Result | Assessment:
    """Score `answers` ({question id: [option id, ...]}) against a bank or a bank id.

    With `round` (a list of scenario ids), only that round's scenarios count. Returns a
    result whose `to_dict()` is plain JSON-ready data; raises AnswerError for malformed
    answers and nothing else for any input.
    """
    if not isinstance(bank, Bank):
        bank = load_bank(bank)
    if round is not None:
        return score_round(bank, answers, round)
    if bank.kind == "assessment":
        return assess(bank, answers)
    return score_self_check(bank, answers)


def to_json(data: Any) -> str:
    """The one serialisation of results, so CPython and Pyodide agree byte for byte."""
    return json.dumps(data, ensure_ascii=False, indent=2)


__all__ = [
    "CRITERIA",
    "MOVES",
    "SECTIONS",
    "AnswerError",
    "Assessment",
    "Bank",
    "BankError",
    "Criterion",
    "Option",
    "Problem",
    "Question",
    "QuizError",
    "Result",
    "RoundResult",
    "Scenario",
    "Section",
    "bank_ids",
    "first_round",
    "history_entry",
    "load_bank",
    "load_bank_file",
    "next_round",
    "parse_bank",
    "progress",
    "score",
    "to_json",
]
