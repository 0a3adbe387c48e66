"""Reading a reader's history: their earlier rounds, as the rest of quiz.rounds uses them.

A history is the list of earlier round results, in the form `score` returns them (or the
short form `history_entry` makes). The reader's own browser or file keeps it, so it is
read defensively: entries or answers that are malformed, or that name scenarios the bank
no longer has, are skipped.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..errors import AnswerError
from ..model import Bank
from ..vocabulary import MOVES, NONE
from .facts import SIGN_IDS, Facts, facts


@dataclass(frozen=True)
class Ticks:
    """The signs a reader ticked for one scenario ("none" ticked: no signs)."""

    scenario: str
    ticked: frozenset[str]


@dataclass(frozen=True)
class PastRound:
    shown: tuple[str, ...]  # the round's scenarios the bank still has, in order
    ticks: tuple[Ticks, ...]  # its answered "which signs" questions, in round order
    practised: frozenset[str]  # scenarios with at least one answered question


def read_history(bank: Bank, history: object) -> list[PastRound]:
    """The usable rounds of a history, oldest first; raises only if it is not a list."""
    if history is None:
        return []
    if not isinstance(history, list | tuple):
        raise AnswerError("the history must be a list of earlier round results")
    known = facts(bank)
    rounds = [read_entry(bank, entry, known) for entry in history]
    return [r for r in rounds if r is not None]


def read_entry(bank: Bank, entry: object, known: dict[str, Facts]) -> PastRound | None:
    if not isinstance(entry, Mapping) or entry.get("bank", bank.id) != bank.id:
        return None
    questions = entry.get("questions")
    if not isinstance(questions, Mapping):
        return None
    listed = entry.get("round")
    if listed is None:  # a whole-bank result: the scenarios it answered
        listed = [q.scenario.id for q in bank.questions
                  if q.scenario and chosen_ids(questions.get(q.id)) is not None]
    if not isinstance(listed, list):
        return None
    shown = tuple(dict.fromkeys(s for s in listed if isinstance(s, str) and s in known))
    ticks: list[Ticks] = []
    practised: set[str] = set()
    for sid in shown:
        move = chosen_ids(questions.get(f"{sid}-move"))
        signs = chosen_ids(questions.get(f"{sid}-signs"))
        if move is not None and (len(move) != 1 or move[0] not in MOVES):
            move = None
        if signs is not None and not valid_signs(signs):
            signs = None
        if move is not None or signs is not None:
            practised.add(sid)
        if signs is not None:
            ticks.append(Ticks(sid, frozenset(signs) - {NONE}))
    return PastRound(shown, tuple(ticks), frozenset(practised)) if shown else None


def chosen_ids(question: object) -> list[str] | None:
    """The option ids a stored question result chose; None if unanswered or malformed."""
    if not isinstance(question, Mapping):
        return None
    chosen = question.get("chosen")
    if not isinstance(chosen, list) or not chosen:
        return None
    ids = [c.get("id") if isinstance(c, Mapping) else c for c in chosen]
    if not all(isinstance(i, str) for i in ids) or len(set(ids)) != len(ids):
        return None
    return [str(i) for i in ids]


def valid_signs(ids: list[str]) -> bool:
    if ids == [NONE]:
        return True
    return all(i in SIGN_IDS for i in ids)


def history_entry(result: Mapping[str, Any]) -> dict[str, Any]:
    """The short form of a round's result that the history needs: what was chosen.

    A browser keeps many of these in little space; `read_history` reads both forms.
    """
    questions = result.get("questions", {})
    return {
        "bank": result.get("bank"),
        "round": list(result.get("round", [])),
        "questions": {qid: {"chosen": [{"id": o["id"]} for o in q["chosen"]]}
                      for qid, q in questions.items() if q.get("chosen")},
    }
