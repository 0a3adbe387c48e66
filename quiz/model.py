"""A loaded bank: immutable data, the same whatever kind of bank it is.

Reading and checking bank files is quiz.fields and each kind's module; this is only
what they produce.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .vocabulary import TOPICS, Section


@dataclass(frozen=True)
class Option:
    id: str
    label: str
    correct: bool
    explanation: str
    section: Section
    value: int = 0  # an assessment answer's weight; 0 in self-checks
    exclusive: bool = False  # choosing it unchooses the question's other options

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "label": self.label, "correct": self.correct,
                "explanation": self.explanation, "section": self.section.to_dict()}


@dataclass(frozen=True)
class Scenario:
    """A short story that one or more questions ask about."""

    id: str
    topic: str
    title: str
    story: str
    # For authors' analysis, never shown to readers: what the story says of the reader's
    # best alternative ("weak", "strong"; "" when it says nothing), and the special cases
    # it covers (ids of vocabulary.FEATURES).
    alternative: str = ""
    features: tuple[str, ...] = ()

    @property
    def topic_label(self) -> str:
        return TOPICS[self.topic]

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "topic": self.topic, "title": self.title,
                                "story": self.story}
        if self.alternative:
            data["alternative"] = self.alternative
        if self.features:
            data["features"] = list(self.features)
        return data


@dataclass(frozen=True)
class Question:
    id: str
    kind: str  # "single" | "multiple"
    role: str  # what it asks about: "move", "signs", or an assessment's factor
    prompt: str
    options: tuple[Option, ...]
    scenario: Scenario | None = None

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)

    @property
    def correct_ids(self) -> frozenset[str]:
        return frozenset(o.id for o in self.options if o.correct)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "role": self.role, "prompt": self.prompt,
                "scenario": self.scenario.id if self.scenario else None,
                "options": [o.to_dict() for o in self.options]}


# --- an assessment's decision rules -----------------------------------------------------

@dataclass(frozen=True)
class Rule:
    """The first rule whose conditions all hold gives the recommendation."""

    id: str
    when: dict[str, tuple[str, ...]]  # factor -> accepted levels
    min_signs: int  # how many signs must weigh (0: no condition)
    max_signs: int | None  # at most this many signs may weigh (None: no condition)
    recommend: str
    advice: str
    next: tuple[str, ...]
    section: Section

    def holds(self, levels: dict[str, str], weighing: int) -> bool:
        if weighing < self.min_signs:
            return False
        if self.max_signs is not None and weighing > self.max_signs:
            return False
        return all(levels[f] in accepted for f, accepted in self.when.items())

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "when": {k: list(v) for k, v in self.when.items()},
                "min_signs": self.min_signs, "max_signs": self.max_signs,
                "recommend": self.recommend, "advice": self.advice, "next": list(self.next),
                "section": self.section.to_dict()}


@dataclass(frozen=True)
class Reminder:
    """A next step added to any recommendation while its conditions hold."""

    id: str
    when: dict[str, tuple[str, ...]]
    next: str

    def holds(self, levels: dict[str, str]) -> bool:
        return all(levels[f] in accepted for f, accepted in self.when.items())

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "when": {k: list(v) for k, v in self.when.items()},
                "next": self.next}


@dataclass(frozen=True)
class Rules:
    rules: tuple[Rule, ...]
    reminders: tuple[Reminder, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"rules": [r.to_dict() for r in self.rules],
                "reminders": [r.to_dict() for r in self.reminders]}


@dataclass(frozen=True)
class RoundSettings:
    """A self-check's practice rounds (quiz.rounds), from the bank's [rounds] table."""

    size: int = 7  # scenarios per round
    streak: int = 3  # mastery: spotted in this many present scenarios in a row

    def to_dict(self) -> dict[str, Any]:
        return {"size": self.size, "mastery": {"streak": self.streak}}


@dataclass(frozen=True)
class BankBody:
    """What a kind of bank reads from its file, besides the fields every bank has."""

    questions: tuple[Question, ...]
    scenarios: tuple[Scenario, ...] = ()
    rules: Rules | None = None
    rounds: RoundSettings | None = None


@dataclass(frozen=True)
class Bank:
    id: str
    title: str
    kind: str  # a key of quiz.kinds.KINDS
    intro: str
    questions: tuple[Question, ...]
    scenarios: tuple[Scenario, ...] = ()
    rules: Rules | None = None  # an assessment's decision rules
    digest: str = ""  # a hash of the bank file's text: saved progress is tied to it
    rounds: RoundSettings | None = None  # a self-check's practice rounds


    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id, "title": self.title, "kind": self.kind, "intro": self.intro,
            "scenarios": [s.to_dict() for s in self.scenarios],
            "questions": [q.to_dict() for q in self.questions],
        }
        if self.rules is not None:
            data["rules"] = self.rules.to_dict()
        if self.rounds is not None:
            data["rounds"] = self.rounds.to_dict()
        return data
