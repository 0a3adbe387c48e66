"""Practice rounds: a few scenarios at a time, each round leaning on the reader's weakest sign.

A reader's history is the list of their earlier round results, in the form `score`
returns them (or the short form `history_entry` makes). The reader's own browser or
file keeps it, so it is read defensively: entries or answers that are malformed, or
that name scenarios the bank no longer has, are skipped. What is right is always taken
from the current bank.

Arithmetic on weights is exact (Fraction), so CPython and Pyodide pick the same round.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from fractions import Fraction
from typing import Any

from . import wording
from .answers import check_answers, show
from .errors import AnswerError
from .fields import Reader, type_name
from .model import Bank, RoundSettings
from .scoring import Result, score_self_check
from .vocabulary import MOVES, NONE, SIGNS, STAY_AT_THE_TABLE

DEFAULT_SIZE = RoundSettings().size
DEFAULT_STREAK = RoundSettings().streak
MAX_STREAK = 20
MAX_SEED = 2**53 - 1  # the largest whole number a browser's JSON keeps exactly
RECENCY = Fraction(7, 10)  # an answer one round older counts 0.7 times as much
OLDEST = 20  # rounds older than this all count like this one (keeps fractions small)
STAY = STAY_AT_THE_TABLE  # accepting, like walking away, ends the talks
SIGN_IDS = tuple(s.id for s in SIGNS)


# --- settings, read from the bank's optional [rounds] table ----------------------------

def parse_rounds(data: dict[str, Any], r: Reader, scenarios: int) -> RoundSettings | None:
    """The [rounds] table of a self-check bank, or None when the bank has none."""
    if "rounds" not in data:
        return None
    table = r.table(data, "rounds", None)
    r.only(table, {"size", "mastery"}, None, "rounds.")
    size = whole(r, table, "size", "rounds.size", DEFAULT_SIZE, max(1, scenarios))
    mastery = table.get("mastery", {})
    if not isinstance(mastery, dict):
        r.problem(None, "rounds.mastery", f"must be a table, not {type_name(mastery)}")
        mastery = {}
    r.only(mastery, {"streak"}, None, "rounds.mastery.")
    streak = whole(r, mastery, "streak", "rounds.mastery.streak", DEFAULT_STREAK, MAX_STREAK)
    return RoundSettings(size, streak)


def whole(r: Reader, table: dict[str, Any], key: str, field: str, default: int, most: int
          ) -> int:
    value = table.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int):
        r.problem(None, field, f"must be a whole number, not {type_name(value)}")
        return default
    if not 1 <= value <= most:
        r.problem(None, field, f"is {value}: use a whole number from 1 to {most}")
        return default
    return value


def settings(bank: Bank) -> RoundSettings:
    """A bank has rounds when its file sets them ([rounds]: only self-checks may)."""
    if bank.rounds is None:
        raise AnswerError(f"the bank {bank.id!r} has no practice rounds")
    return bank.rounds


# --- what each scenario is about, from the current bank --------------------------------

@dataclass(frozen=True)
class Facts:
    id: str
    signs: frozenset[str]  # the signs present; empty when none is
    moves: frozenset[str]  # the best move, or the two defensible ones
    topic: str


def facts(bank: Bank) -> dict[str, Facts]:
    moves: dict[str, frozenset[str]] = {}
    signs: dict[str, frozenset[str]] = {}
    for q in bank.questions:
        if q.scenario and q.role == "move":
            moves[q.scenario.id] = q.correct_ids
        elif q.scenario and q.role == "signs":
            signs[q.scenario.id] = q.correct_ids - {NONE}
    return {s.id: Facts(s.id, signs[s.id], moves[s.id], s.topic) for s in bank.scenarios}


# --- history ---------------------------------------------------------------------------

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


# --- how the reader does on each sign --------------------------------------------------

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


# --- choosing a round ------------------------------------------------------------------

# Every round has one of each, if the bank does; a scenario with two right moves counts
# for both. Accepting comes last: where a round is too small for all, it gives way.
MIX: dict[str, Callable[[Facts], bool]] = {
    "walk-away": lambda f: "walk-away" in f.moves,
    "stay": lambda f: bool(f.moves & STAY),
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
    keep a walk-away, a stay-at-the-table, a no-sign and an accept scenario (MIX), and
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


# --- progress: each sign's trend across rounds, and mastery ----------------------------

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


# --- scoring one round -----------------------------------------------------------------

@dataclass(frozen=True)
class RoundResult(Result):
    round: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {**super().to_dict(), "round": list(self.round)}


def round_ids(bank: Bank, value: object) -> tuple[str, ...]:
    settings(bank)
    if not isinstance(value, list | tuple) or not value:
        raise AnswerError("a round must be a non-empty list of scenario ids")
    if len(value) > len(bank.scenarios):
        raise AnswerError(f"the round lists {len(value)} scenarios; the bank {bank.id!r} "
                          f"has {len(bank.scenarios)}")
    known = {s.id for s in bank.scenarios}
    seen: list[str] = []
    for item in value:
        if not isinstance(item, str):
            raise AnswerError(f"scenario ids in a round are text, not {show(item)}")
        if item not in known:
            raise AnswerError(f"unknown scenario {show(item)} in the round for bank {bank.id!r}")
        if item in seen:
            raise AnswerError(f"scenario {item!r} is listed twice in the round")
        seen.append(item)
    return tuple(seen)


def score_round(bank: Bank, answers: object, scenario_ids: object) -> RoundResult:
    """Score only the round's scenarios: answers to any other question are an error."""
    ids = round_ids(bank, scenario_ids)
    clean = check_answers(bank, answers)
    for qid in clean:
        question = bank.question(qid)
        sid = question.scenario.id if question and question.scenario else None
        if sid not in ids:
            raise AnswerError(f"question {qid!r} is not in this round: its scenario {sid!r} "
                              f"is not one of the round's {len(ids)}")
    order = {sid: i for i, sid in enumerate(ids)}
    scenarios = sorted((s for s in bank.scenarios if s.id in order), key=lambda s: order[s.id])
    questions = sorted((q for q in bank.questions if q.scenario and q.scenario.id in order),
                       key=lambda q: order[q.scenario.id] if q.scenario else 0)
    part = replace(bank, scenarios=tuple(scenarios), questions=tuple(questions))
    return RoundResult(part, score_self_check(part, clean).questions, ids)


__all__ = ["RoundResult", "RoundSettings", "first_round", "history_entry", "next_round",
           "parse_rounds", "progress", "read_history", "score_round"]
