"""The reader's progress, in words: each sign's trend across rounds, and mastery.

The only part of quiz.rounds that words anything; every sentence is quiz.wording's.
"""

from __future__ import annotations

from typing import Any

from .. import wording
from ..model import Bank
from ..vocabulary import SIGNS
from .facts import SIGN_IDS, facts, settings
from .history import read_history
from .mastery import focus_signs, mastered, tally, weaknesses


def progress(bank: Bank, history: object) -> dict[str, Any]:
    """Per sign: spotted of present in each round, a sentence, and whether it is mastered."""
    streak = settings(bank).streak
    known = facts(bank)
    rounds = read_history(bank, history)
    focus = focus_signs(rounds, known, streak)
    weak = weaknesses(rounds, known)
    signs: dict[str, Any] = {}
    for c in SIGNS:
        tallies = [tally(past, known, c.id) for past in rounds]
        done = mastered(rounds, known, c.id, streak)
        signs[c.id] = {
            "id": c.id,
            "name": c.name,
            "section": c.section.to_dict(),
            "rounds": [t.to_dict() for t in tallies],
            "mastered": done,
            "weakness": int(weak[c.id].total * 100),
            "text": wording.trend(c.name, [(t.spotted, t.present) for t in tallies],
                                  sum(t.flagged_absent for t in tallies), done),
        }
    practised = {s for past in rounds for s in past.practised}
    mastered_ids = [s for s, data in signs.items() if data["mastered"]]
    return {
        "bank": bank.id,
        "rounds": len(rounds),
        "practised": len(practised),
        "scenarios": len(known),
        "mastery": {"streak": streak, "text": wording.mastery(streak)},
        "signs": signs,
        "mastered": mastered_ids,
        "focus": focus,
        "text": wording.rounds_overall(len(rounds), len(SIGN_IDS),
                                       [signs[s]["name"] for s in mastered_ids],
                                       [signs[s]["name"] for s in focus]),
    }
