"""What rounds read from the current bank: each scenario's key, and the bank's settings.

A reader's history is always read against these, so what is right is always taken from
the current bank, never from what the history kept.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import no_rounds
from ..model import Bank, RoundSettings
from ..vocabulary import NONE, SIGNS

SIGN_IDS = tuple(s.id for s in SIGNS)


def settings(bank: Bank) -> RoundSettings:
    """A bank has rounds when its file sets them ([rounds]: only self-checks may)."""
    if bank.rounds is None:
        raise no_rounds(bank.id)
    return bank.rounds


@dataclass(frozen=True)
class Facts:
    id: str
    signs: frozenset[str]  # the signs present; empty when none is
    moves: frozenset[str]  # the best move, or the two defensible ones
    topic: str


def facts(bank: Bank) -> dict[str, Facts]:
    """Each scenario's facts, by id, in bank order."""
    moves: dict[str, frozenset[str]] = {}
    signs: dict[str, frozenset[str]] = {}
    for q in bank.questions:
        if q.scenario and q.role == "move":
            moves[q.scenario.id] = q.correct_ids
        elif q.scenario and q.role == "signs":
            signs[q.scenario.id] = q.correct_ids - {NONE}
    return {s.id: Facts(s.id, signs[s.id], moves[s.id], s.topic) for s in bank.scenarios}
