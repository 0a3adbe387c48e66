"""Scoring a self-check: points per question and a profile of how well each sign is seen."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .answers import check_answers
from .bank import Bank, Option, Question
from .criteria import CRITERIA, Criterion


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
    def missed(self) -> list[str]:
        chosen = {o.id for o in self.chosen}
        return [o.id for o in self.question.options if o.correct and o.id not in chosen]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.question.id,
            "kind": self.question.kind,
            "answered": self.answered,
            "points": self.points,
            "max_points": self.max_points,
            "correct": self.answered and self.points == self.max_points and not self.missed,
            "chosen": [o.to_dict() for o in self.chosen],
            "missed": self.missed if self.answered else [],
        }


@dataclass(frozen=True)
class SignProfile:
    """How the reader did on one sign across the answered "which signs" questions."""

    criterion: Criterion
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
        name = self.criterion.name.lower()
        if self.status == "untested":
            return f"Not tested yet: answer scenarios where {name} may be present."
        sentences = []
        if self.present:
            sentences.append(f"You spotted {name} in {self.spotted} of {self.present} "
                             f"scenario{plural(self.present)} where it was present.")
        if self.flagged_absent:
            sentences.append(f"You saw it in {self.flagged_absent} "
                             f"scenario{plural(self.flagged_absent)} where it was not.")
        sentences.append("You see this sign well." if self.status == "strong"
                         else f"Reread {self.criterion.name}.")
        return " ".join(sentences)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.criterion.id,
            "name": self.criterion.name,
            "definition": self.criterion.definition,
            "section": self.criterion.section.to_dict(),
            "present": self.present,
            "spotted": self.spotted,
            "missed": self.missed,
            "flagged_absent": self.flagged_absent,
            "status": self.status,
            "summary": self.summary,
        }


def plural(count: int) -> str:
    return "" if count == 1 else "s"


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
        for criterion in CRITERIA:
            present = [q for q in signs if criterion.id in q.question.correct_ids]
            chosen = [q for q in signs if criterion.id in {o.id for o in q.chosen}]
            spotted = sum(1 for q in chosen if q in present)
            profiles.append(SignProfile(criterion, len(present), spotted, len(chosen) - spotted))
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
        lines = []
        if strong:
            lines.append("You see " + join(p.criterion.name.lower() for p in strong) + " well.")
        if reread:
            lines.append("Reread " + join(p.criterion.name.lower() for p in reread) + ".")
        if moves["walked_away_too_soon"]:
            lines.append(f"You chose to walk away in {moves['walked_away_too_soon']} "
                         f"scenario{plural(moves['walked_away_too_soon'])} where pausing or "
                         "negotiating on served you better.")
        if moves["stayed_too_long"]:
            lines.append(f"You stayed at the table in {moves['stayed_too_long']} "
                         f"scenario{plural(moves['stayed_too_long'])} where walking away "
                         "was wiser.")
        if not lines:
            lines.append("Answer more scenarios to test every sign." if moves["answered"]
                         else "Answer some scenarios to see your profile.")
        return {
            "text": " ".join(lines),
            "strengths": [p.criterion.id for p in strong],
            "reread": [p.criterion.section.to_dict() for p in reread],
            "moves": moves,
        }

    def to_dict(self) -> dict[str, Any]:
        profile = self.profile()
        return {
            "bank": self.bank.id,
            "kind": self.bank.kind,
            "score": self.score,
            "max_score": self.max_score,
            "answered": len(self.questions) - len(self.unanswered),
            "total": len(self.questions),
            "unanswered": self.unanswered,
            "questions": {q.question.id: q.to_dict() for q in self.questions},
            "criteria": {p.criterion.id: p.to_dict() for p in profile},
            "summary": self.summary(profile),
        }


def join(names: Iterable[str]) -> str:
    items = list(names)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def score_self_check(bank: Bank, answers: object) -> Result:
    clean = check_answers(bank, answers)
    results = []
    for question in bank.questions:
        picks = clean.get(question.id, [])
        chosen = tuple(o for o in question.options if o.id in picks)
        results.append(QuestionResult(question, chosen))
    return Result(bank, tuple(results))


__all__ = ["QuestionResult", "Result", "SignProfile", "score_self_check"]
