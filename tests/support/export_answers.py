"""Every answer a reader can give to a self-check question, and the engine's points for it.

The export tests score these answers as each LMS would, from the exported files, and
compare with the engine (quiz.scoring), question by question.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction
from itertools import combinations

import quiz
from quiz.model import Question
from quiz.scoring import QuestionResult, score_self_check

SITE = "https://courses.example.net/walk-away/"  # not the default: links must follow it


def answers(question: Question) -> Iterator[tuple[str, ...]]:
    """Every answer the engine accepts: nothing, one move; any set of signs, or "none"."""
    ids = [o.id for o in question.options]
    if question.kind == "single":
        yield ()
        yield from ((i,) for i in ids)
        return
    plain = [o.id for o in question.options if not o.exclusive]
    for size in range(len(plain) + 1):
        yield from combinations(plain, size)
    yield from ((o.id,) for o in question.options if o.exclusive)


def refused(question: Question) -> Iterator[tuple[str, ...]]:
    """Answers an LMS lets a learner give but the engine refuses: "none" with signs."""
    if question.kind == "single":
        return
    plain = [o.id for o in question.options if not o.exclusive]
    for exclusive in (o.id for o in question.options if o.exclusive):
        for size in range(1, len(plain) + 1):
            yield from ((*c, exclusive) for c in combinations(plain, size))


def engine_points(bank: quiz.Bank, question: Question, picks: tuple[str, ...]) -> int:
    """The engine's points, through its own check of the answer (it must accept it)."""
    result = score_self_check(bank, {question.id: list(picks)})
    points: int = result.to_dict()["questions"][question.id]["points"]
    return points


def documented_points(question: Question, picks: tuple[str, ...]) -> int:
    """What the README says an export gives for a refused answer: "none" is one more
    option, right or wrong like the others (right picks minus wrong, never below 0)."""
    right = sum(1 for p in picks if p in question.correct_ids)
    return max(0, right - (len(picks) - right))


def max_points(question: Question) -> int:
    return QuestionResult(question, ()).max_points


def as_fraction(value: str | float | int) -> Fraction:
    return Fraction(str(value))
