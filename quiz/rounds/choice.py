"""Choosing a round: the fixed first round, then each next one from the reader's history.

The seed only breaks ties, and the weights are exact (Fraction), so CPython and Pyodide
choose the same round for the same history and seed.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from fractions import Fraction

from ..answers import show
from ..errors import AnswerError
from ..model import Bank
from .facts import SIGN_IDS, Facts, facts, settings
from .history import PastRound, read_history
from .mastery import focus_signs, weaknesses

MAX_SEED = 2**53 - 1  # the largest whole number a browser's JSON keeps exactly

# Every round has one of each, if the bank does: every move (a reader who always picks
# one move must meet the others) and "no sign"; a scenario with two right moves counts
# for both. Accepting comes last: where a round is too small for all, it gives way.
MIX: dict[str, Callable[[Facts], bool]] = {
    "walk-away": lambda f: "walk-away" in f.moves,
    "keep-negotiating": lambda f: "keep-negotiating" in f.moves,
    "pause": lambda f: "pause" in f.moves,
    "no-sign": lambda f: not f.signs,
    "accept": lambda f: "accept" in f.moves,
}


def check_size(bank: Bank, size: object) -> int:
    if size is None:
        size = settings(bank).size
    if isinstance(size, bool) or not isinstance(size, int) or size < 1:
        raise AnswerError(f"the round size must be a whole number from 1, not {show(size)}")
    return min(size, len(bank.scenarios))


def check_seed(seed: object) -> int:
    if isinstance(seed, bool) or not isinstance(seed, int) or not 0 <= seed <= MAX_SEED:
        raise AnswerError(f"the seed must be a whole number from 0 to {MAX_SEED}, "
                          f"not {show(seed)}")
    return seed


def first_round(bank: Bank, size: object = None) -> list[str]:
    """The round every new reader starts with: a fixed, balanced pick from the bank.

    Every move and "no sign" first, then every sign, then new topics; in bank order,
    so it can be rendered into the page before Python has loaded.
    """
    count = check_size(bank, size)
    known = facts(bank)
    order = list(known)
    chosen: list[str] = []

    def covers(sid: str) -> tuple[int, int, int]:
        f = known[sid]
        mix = sum(1 for need, has in MIX.items()
                  if has(f) and not any(MIX[need](known[c]) for c in chosen))
        signs = len(f.signs - {s for c in chosen for s in known[c].signs})
        topic = int(f.topic not in {known[c].topic for c in chosen})
        return mix, signs, topic

    while len(chosen) < count:
        rest = [s for s in order if s not in chosen]
        chosen.append(max(rest, key=lambda s: (covers(s), -order.index(s))))
    return [s for s in order if s in chosen]


def next_round(bank: Bank, history: object, seed: object = 0, size: object = None
               ) -> list[str]:
    """The scenario ids of the reader's next round.

    The first round is `first_round`. Later rounds give about half their places to
    scenarios with the weakest sign the reader got wrong and has not mastered since,
    keep a scenario for every move and one with no sign (MIX), and
    fill the rest by weakness and novelty. The seed only breaks ties; the previous round
    is never repeated when the bank has other scenarios.
    """
    count = check_size(bank, size)
    rng = random.Random(check_seed(seed))
    known = facts(bank)
    rounds = read_history(bank, history)
    if not rounds:
        return first_round(bank, count)
    tie = {sid: rng.random() for sid in known}
    sign_tie = {s: rng.random() for s in SIGN_IDS}
    focus = min(focus_signs(rounds, known, settings(bank).streak),
                key=lambda s: sign_tie[s], default=None)
    value = values(rounds, known)

    def key(sid: str) -> tuple[bool, Fraction, float]:
        return focus not in known[sid].signs, -value[sid], tie[sid]

    chosen = pick(known, count, focus, key)
    previous = set(rounds[-1].shown)
    if set(chosen) == previous and len(known) > count:
        chosen = avoid_repeat(known, chosen, key)
    rng.shuffle(chosen)
    return chosen


def values(rounds: list[PastRound], known: dict[str, Facts]) -> dict[str, Fraction]:
    """How much practising each scenario is worth now: its weak signs, and novelty."""
    weak = weaknesses(rounds, known)
    last_practised: dict[str, int] = {}
    for age, past in enumerate(reversed(rounds)):
        for sid in past.practised:
            last_practised.setdefault(sid, age)
    out = {}
    for sid, f in known.items():
        gain = sum((weak[s].missed if s in f.signs else weak[s].false_alarm for s in SIGN_IDS),
                   Fraction(0))
        ago = last_practised.get(sid)
        novelty = Fraction(1) if ago is None else (1 - Fraction(1, 2) ** ago) / 2
        out[sid] = gain + novelty
    return out


def pick(known: dict[str, Facts], count: int, focus: str | None,
         key: Callable[[str], tuple[bool, Fraction, float]]) -> list[str]:
    chosen: list[str] = []

    def unmet() -> list[Callable[[Facts], bool]]:
        return [has for has in MIX.values() if not any(has(known[c]) for c in chosen)]

    def best(test: Callable[[Facts], bool], *, mix: bool = False) -> str | None:
        rest = [s for s in known if s not in chosen and test(known[s])]
        needs = unmet() if mix else []  # one scenario meeting two needs saves a place
        return min(rest, key=lambda s: (-sum(has(known[s]) for has in needs), key(s)),
                   default=None)

    for has in MIX.values():
        if len(chosen) < count and has in unmet():
            found = best(has, mix=True)
            if found:
                chosen.append(found)
    quota = (count + 1) // 2
    while focus and len(chosen) < count and sum(focus in known[c].signs for c in chosen) < quota:
        found = best(lambda f: focus in f.signs)
        if not found:
            break
        chosen.append(found)
    while len(chosen) < count:
        found = best(lambda f: True)
        assert found
        chosen.append(found)
    return chosen


def avoid_repeat(known: dict[str, Facts], chosen: list[str],
                 key: Callable[[str], tuple[bool, Fraction, float]]) -> list[str]:
    """Swap one scenario for the best other one, keeping the mix when possible."""
    outside = sorted((s for s in known if s not in chosen), key=key)
    inside = sorted(chosen, key=key, reverse=True)
    for new in outside:
        for old in inside:
            swapped = [new if s == old else s for s in chosen]
            if keeps_mix(known, chosen, swapped):
                return swapped
    return [outside[0] if s == inside[0] else s for s in chosen]


def keeps_mix(known: dict[str, Facts], before: list[str], after: list[str]) -> bool:
    return all(any(has(known[s]) for s in after) for has in MIX.values()
               if any(has(known[s]) for s in before))
