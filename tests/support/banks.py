"""Reading a shipped bank the way tests need it.

Tests about the engine, rather than about one story, pick the self-check's scenarios by
their properties ("a scenario with no sign whose only key is pause", "a scenario with two
signs") from the loaded bank, so that re-keying or rewriting the bank's stories does not
silently change what they test.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import quiz
from quiz.vocabulary import NONE


def option_label(bank: quiz.Bank, qid: str, option: str) -> str:
    """The label a reader sees for `option` of question `qid`."""
    question = bank.question(qid)
    assert question is not None
    chosen = question.option(option)
    assert chosen is not None
    return chosen.label


@dataclass(frozen=True)
class Keyed:
    """One scenario of a self-check bank, its two questions and its key."""

    scenario: quiz.Scenario
    move: quiz.Question  # "<id>-move"
    signs_question: quiz.Question  # "<id>-signs"
    moves: frozenset[str]  # the right move, or the two accepted ones
    signs: frozenset[str]  # the signs present; empty when none is

    @property
    def id(self) -> str:
        return self.scenario.id


def keyed(bank: quiz.Bank) -> list[Keyed]:
    """Every scenario of a self-check bank with its key, in bank order."""
    asked: dict[tuple[str, str], quiz.Question] = {
        (q.scenario.id, q.role): q for q in bank.questions if q.scenario is not None}
    out = []
    for s in bank.scenarios:
        move, signs = asked[(s.id, "move")], asked[(s.id, "signs")]
        out.append(Keyed(s, move, signs, move.correct_ids, signs.correct_ids - {NONE}))
    return out


def scenarios_where(bank: quiz.Bank, *, moves: Iterable[str] | None = None,
                    signs: Iterable[str] | None = None, sign_count: int | None = None,
                    among: Iterable[str] | None = None,
                    test: Callable[[Keyed], bool] | None = None) -> list[Keyed]:
    """The scenarios, in bank order, whose key fits every condition given.

    moves: exactly these right moves ({"pause"}: pause is the only key); signs: exactly
    these signs present ([]: no sign); sign_count: that many signs present; among: only
    these scenario ids; test: any other condition.
    """
    want_moves = None if moves is None else frozenset(moves)
    want_signs = None if signs is None else frozenset(signs)
    within = None if among is None else set(among)
    return [k for k in keyed(bank)
            if (want_moves is None or k.moves == want_moves)
            and (want_signs is None or k.signs == want_signs)
            and (sign_count is None or len(k.signs) == sign_count)
            and (within is None or k.id in within)
            and (test is None or test(k))]


def scenario_where(bank: quiz.Bank, *, moves: Iterable[str] | None = None,
                   signs: Iterable[str] | None = None, sign_count: int | None = None,
                   among: Iterable[str] | None = None,
                   test: Callable[[Keyed], bool] | None = None) -> Keyed:
    """The first scenario (bank order) that `scenarios_where` finds; a clear failure,
    naming what was asked for, when the bank has none."""
    found = scenarios_where(bank, moves=moves, signs=signs, sign_count=sign_count,
                            among=among, test=test)
    if not found:
        asked = {k: v for k, v in (("moves", moves), ("signs", signs),
                                   ("sign_count", sign_count), ("among", among),
                                   ("test", test)) if v is not None}
        raise LookupError(f"bank {bank.id!r} has no scenario with {asked}: the test needs "
                          "one (change the bank or the test)")
    return found[0]


def live_questions(bank: quiz.Bank) -> list[quiz.Question]:
    """The questions a new reader's form shows, in page order: a self-check's first round
    (quiz.first_round, which the page renders in bank order), or every question."""
    if bank.rounds is None:
        return list(bank.questions)
    first = quiz.first_round(bank)
    return [q for sid in first for q in bank.questions
            if q.scenario is not None and q.scenario.id == sid]


# A scenario's nine explanations, one letter each: for banks a test writes out whole.
EXPLAIN_TOML = """[scenarios.explain]
keep-negotiating = "k"
pause = "p"
accept = "a"
walk-away = "w"
unreasonable-demands = "u"
lack-of-flexibility = "l"
diminishing-returns = "d"
mismatch-in-key-objectives = "m"
none = "n"
"""
