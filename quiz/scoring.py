"""Scoring a self-check: points per question and a profile of how well each sign is seen."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from . import wording
from .answers import check_answers
from .model import Bank, Option, Question
from .vocabulary import SIGNS, STAY_AT_THE_TABLE, Sign


@dataclass(frozen=True)
class QuestionResult:
    question: Question
    chosen: tuple[Option, ...]

    @property
    def answered(self) -> bool:
        return bool(self.chosen)

    @property
    def single(self) -> bool:
        return self.question.kind == "single"

    @property
    def max_points(self) -> int:
        # One choice, one point, even where two moves are right (either earns it).
        return 1 if self.single else len(self.question.correct_ids)

    @property
    def points(self) -> int:
        # Partial credit for several choices: right picks minus wrong picks, never below 0.
        right = sum(1 for o in self.chosen if o.correct)
        return max(0, right - (len(self.chosen) - right))

    @property
    def missed(self) -> list[Option]:
        """The right options not chosen; after a right single choice, nothing is missed."""
        if not self.answered or (self.single and self.points):
            return []
        return [o for o in self.question.options if o.correct and o not in self.chosen]

    @property
    def right_answer(self) -> str:
        """After a wrong or partial answer, the whole right answer, in the options' order."""
        if not self.answered or self.correct:
            return ""
        labels = [o.label for o in self.question.options if o.correct]
        return wording.right_answer(labels, either=self.single)

    @property
    def correct(self) -> bool:
        return self.answered and self.points == self.max_points and not self.missed

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.question.id,
            "kind": self.question.kind,
            "answered": self.answered,
            "points": self.points,
            "max_points": self.max_points,
            "correct": self.correct,
            "verdict": wording.verdict(self.points, self.max_points, self.correct)
            if self.answered else "",
            "chosen": [o.to_dict() for o in self.chosen],
            "missed": [o.id for o in self.missed],
            "missed_labels": [o.label for o in self.missed],
            "right_answer": self.right_answer,
        }


@dataclass(frozen=True)
class SignProfile:
    """How the reader did on one sign across the answered "which signs" questions."""

    sign: Sign
    present: int
    spotted: int
    flagged_absent: int

    @property
    def missed(self) -> int:
        return self.present - self.spotted

    @property
    def status(self) -> str:
        if self.present == 0 and self.flagged_absent == 0:
            return "untested"
        return "strong" if self.missed == 0 and self.flagged_absent == 0 else "reread"

    @property
    def summary(self) -> str:
        return wording.sign_summary(self.sign.name, self.spotted, self.present,
                                    self.flagged_absent, self.status)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.sign.id,
            "name": self.sign.name,
            "section": self.sign.section.to_dict(),
            "present": self.present,
            "spotted": self.spotted,
            "missed": self.missed,
            "flagged_absent": self.flagged_absent,
            "status": self.status,
            "counts": wording.sign_counts(self.spotted, self.present, self.flagged_absent,
                                          self.status == "untested"),
            "summary": self.summary,
        }


@dataclass(frozen=True)
class Result:
    bank: Bank
    questions: tuple[QuestionResult, ...]

    @property
    def score(self) -> int:
        return sum(q.points for q in self.questions)

    @property
    def max_score(self) -> int:
        return sum(q.max_points for q in self.questions)

    @property
    def unanswered(self) -> list[str]:
        return [q.question.id for q in self.questions if not q.answered]

    def profile(self) -> list[SignProfile]:
        signs = [q for q in self.questions if q.question.role == "signs" and q.answered]
        profiles = []
        for sign in SIGNS:
            present = [q for q in signs if sign.id in q.question.correct_ids]
            chosen = [q for q in signs if sign.id in {o.id for o in q.chosen}]
            spotted = sum(1 for q in chosen if q in present)
            profiles.append(SignProfile(sign, len(present), spotted, len(chosen) - spotted))
        return profiles

    def moves(self) -> dict[str, Any]:
        answered = [q for q in self.questions if q.question.role == "move" and q.answered]
        mistakes = [mistake(q.chosen[0].id, q.question.correct_ids)
                    for q in answered if not q.points]
        return {"answered": len(answered), "right": len(answered) - len(mistakes)} | {
            name: mistakes.count(name) for name in MOVE_MISTAKES}

    def summary(self, profile: list[SignProfile]) -> dict[str, Any]:
        strong = [p for p in profile if p.status == "strong"]
        reread = [p for p in profile if p.status == "reread"]
        moves = self.moves()
        text = wording.profile_summary([p.sign.name for p in strong],
                                       [p.sign.name for p in reread],
                                       {name: moves[name] for name in MOVE_MISTAKES},
                                       moves["answered"])
        return {
            "text": text,
            "strengths": [p.sign.id for p in strong],
            "reread": [p.sign.section.to_dict() for p in reread],
            "moves": moves,
            "moves_text": wording.moves_line(moves["right"], moves["answered"]),
        }

    def to_dict(self) -> dict[str, Any]:
        profile = self.profile()
        answered = len(self.questions) - len(self.unanswered)
        return {
            "bank": self.bank.id,
            "kind": self.bank.kind,
            "score": self.score,
            "max_score": self.max_score,
            "score_text": wording.score_line(self.score, self.max_score),
            "answered": answered,
            "total": len(self.questions),
            "answered_text": wording.answered_line(answered, len(self.questions)),
            "unanswered": self.unanswered,
            "questions": {q.question.id: q.to_dict() for q in self.questions},
            "criteria": {p.sign.id: p.to_dict() for p in profile},
            "summary": self.summary(profile),
        }


# The wrong moves a reader's summary names, in the order it names them.
MOVE_MISTAKES = tuple(wording.MOVE_MISTAKES)


def mistake(chosen: str, right: frozenset[str]) -> str:
    """What kind of wrong move `chosen` is, where `right` are the right moves ("" if minor).

    Walking away and accepting both end the talks, so choosing either wrongly is ending
    too soon. Staying at the table is too long only when no move that stays is right:
    choosing to pause where negotiating on was right is a lesser slip, not named.
    """
    if chosen == "walk-away":
        return "walked_away_too_soon"
    if chosen == "accept":
        return "accepted_too_soon"
    if right & STAY_AT_THE_TABLE:
        return ""
    if "walk-away" in right:
        return "stayed_too_long"
    return "missed_a_good_offer" if "accept" in right else ""


def score_self_check(bank: Bank, answers: object) -> Result:
    clean = check_answers(bank, answers)
    results = []
    for question in bank.questions:
        picks = clean.get(question.id, [])
        chosen = tuple(o for o in question.options if o.id in picks)
        results.append(QuestionResult(question, chosen))
    return Result(bank, tuple(results))


__all__ = ["QuestionResult", "Result", "SignProfile", "score_self_check"]
