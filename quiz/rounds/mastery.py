"""How a reader does on each sign, from their history: weakness, mastery and focus.

Arithmetic on weights is exact (Fraction), so CPython and Pyodide pick the same round.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from .facts import SIGN_IDS, Facts
from .history import PastRound

RECENCY = Fraction(7, 10)  # an answer one round older counts 0.7 times as much
OLDEST = 20  # rounds older than this all count like this one (keeps fractions small)


@dataclass
class Tally:
    present: int = 0
    spotted: int = 0
    flagged_absent: int = 0

    def to_dict(self) -> dict[str, int]:
        return {"present": self.present, "spotted": self.spotted,
                "flagged_absent": self.flagged_absent}


def tally(past: PastRound, known: dict[str, Facts], sign: str) -> Tally:
    t = Tally()
    for tick in past.ticks:
        if sign in known[tick.scenario].signs:
            t.present += 1
            t.spotted += sign in tick.ticked
        elif sign in tick.ticked:
            t.flagged_absent += 1
    return t


def mastered(rounds: list[PastRound], known: dict[str, Facts], sign: str, streak: int
             ) -> bool:
    """Spotted in each of the last `streak` scenarios where present, no false alarm since."""
    events = [(sign in known[t.scenario].signs, sign in t.ticked)
              for past in rounds for t in past.ticks]
    present = [i for i, (is_present, _) in enumerate(events) if is_present]
    if len(present) < streak:
        return False
    last = present[-streak:]
    if not all(events[i][1] for i in last):
        return False
    return not any(ticked and not is_present for is_present, ticked in events[last[0]:])


@dataclass(frozen=True)
class Weakness:
    missed: Fraction  # how often it is missed where present, recent rounds counting more
    false_alarm: Fraction  # how often it is ticked where absent

    @property
    def total(self) -> Fraction:
        return self.missed + self.false_alarm


def weaknesses(rounds: list[PastRound], known: dict[str, Facts]) -> dict[str, Weakness]:
    sums = {s: [Fraction(0)] * 4 for s in SIGN_IDS}  # missed, present, flagged, absent
    for age, past in enumerate(reversed(rounds)):
        weight = RECENCY ** min(age, OLDEST)
        for tick in past.ticks:
            for sign, acc in sums.items():
                if sign in known[tick.scenario].signs:
                    acc[0] += weight * (sign not in tick.ticked)
                    acc[1] += weight
                else:
                    acc[2] += weight * (sign in tick.ticked)
                    acc[3] += weight
    # A sign never met counts as half missed, so untested signs are practised too.
    return {s: Weakness((m + Fraction(1, 2)) / (p + 1), f / (a + 1))
            for s, (m, p, f, a) in sums.items()}


def focus_signs(rounds: list[PastRound], known: dict[str, Facts], streak: int) -> list[str]:
    """The weakest signs the reader has got wrong and not mastered since (several if tied).

    A sign never got wrong is no focus: rounds then simply bring new scenarios.
    """
    weak = weaknesses(rounds, known)
    erred = {s for past in rounds for t in past.ticks for s in SIGN_IDS
             if (s in known[t.scenario].signs) != (s in t.ticked)}
    open_signs = [s for s in SIGN_IDS
                  if s in erred and not mastered(rounds, known, s, streak)]
    if not open_signs:
        return []
    worst = max(weak[s].total for s in open_signs)
    return [s for s in open_signs if weak[s].total == worst]
