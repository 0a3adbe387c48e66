"""Scoring one round: only its scenarios count, and the result says which they were.

The self-check kind (quiz.self_check.score) calls this when a round is given.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from ..answers import check_answers, show
from ..errors import AnswerError
from ..model import Bank
from ..scoring import Result, score_self_check
from .facts import settings


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
