"""Scoring a self-check: points per question and a profile of how well each sign is seen."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from . import wording
from .answers import check_answers
from .model import Bank, Option, Question
from .vocabulary import SIGNS, Sign


@dataclass(frozen=True)
class QuestionResult:
    question: Question
    chosen: tuple[Option, ...]

    @property
    def answered(self) -> bool:
        return bool(self.chosen)

    @property
    def max_points(self) -> int:
        return len(self.question.correct_ids)

    @property
    def points(self) -> int:
        # Partial credit for several choices: right picks minus wrong picks, never below 0.
        right = sum(1 for o in self.chosen if o.correct)
        return max(0, right - (len(self.chosen) - right))

    @property
    def missed(self) -> list[Option]:
        if not self.answered:
            return []
        return [o for o in self.question.options if o.correct and o not in self.chosen]

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
            "also_right": wording.also_right([o.label for o in self.missed]),
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
        right = sum(1 for q in answered if q.points)
        too_soon = sum(1 for q in answered
                       if q.chosen[0].id == "walk-away" and not q.chosen[0].correct)
        stayed = sum(1 for q in answered
                     if q.chosen[0].id != "walk-away" and q.question.correct_ids == {"walk-away"})
        return {"answered": len(answered), "right": right,
                "walked_away_too_soon": too_soon, "stayed_too_long": stayed}

    def summary(self, profile: list[SignProfile]) -> dict[str, Any]:
        strong = [p for p in profile if p.status == "strong"]
        reread = [p for p in profile if p.status == "reread"]
        moves = self.moves()
        text = wording.profile_summary([p.sign.name for p in strong],
                                       [p.sign.name for p in reread],
                                       moves["walked_away_too_soon"], moves["stayed_too_long"],
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


def score_self_check(bank: Bank, answers: object) -> Result:
    clean = check_answers(bank, answers)
    results = []
    for question in bank.questions:
        picks = clean.get(question.id, [])
        chosen = tuple(o for o in question.options if o.id in picks)
        results.append(QuestionResult(question, chosen))
    return Result(bank, tuple(results))


__all__ = ["QuestionResult", "Result", "SignProfile", "score_self_check"]
