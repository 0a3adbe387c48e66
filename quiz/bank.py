"""Question banks: TOML files written by authors, loaded into checked, immutable data.

A bank is read whole and every problem in it is reported at once, each naming the
file, the question and the field, so an author can fix a bank in one pass.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .criteria import CRITERIA, MOVES, NONE, NONE_LABEL, SECTIONS, Section
from .errors import AnswerError, BankError, Problem

if TYPE_CHECKING:
    from .rounds import RoundSettings

ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TOPICS = {
    "salary": "Salary",
    "business": "Business deal",
    "contract": "Contract terms",
    "freelance": "Client and freelance work",
    "purchase": "Purchase",
    "personal": "Personal life",
}


@dataclass(frozen=True)
class Option:
    id: str
    label: str
    correct: bool
    explanation: str
    section: Section
    value: int = 0  # an assessment answer's weight; 0 in self-checks

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "correct": self.correct,
            "explanation": self.explanation,
            "section": self.section.to_dict(),
        }


@dataclass(frozen=True)
class Scenario:
    """A short story that one or more questions ask about."""

    id: str
    topic: str
    title: str
    story: str

    @property
    def topic_label(self) -> str:
        return TOPICS[self.topic]

    def to_dict(self) -> dict[str, str]:
        return {"id": self.id, "topic": self.topic, "title": self.title, "story": self.story}


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
        return {
            "id": self.id,
            "kind": self.kind,
            "role": self.role,
            "prompt": self.prompt,
            "scenario": self.scenario.id if self.scenario else None,
            "options": [o.to_dict() for o in self.options],
        }


@dataclass(frozen=True)
class Bank:
    id: str
    title: str
    kind: str  # "self-check" | "assessment"
    intro: str
    questions: tuple[Question, ...]
    scenarios: tuple[Scenario, ...] = ()
    rules: Any = None  # an assessment's decision rules (see quiz.assessment)
    digest: str = ""  # a hash of the bank file's text: saved progress is tied to it
    rounds: RoundSettings | None = None  # a self-check's practice rounds (see quiz.rounds)

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "title": self.title,
            "kind": self.kind,
            "intro": self.intro,
            "scenarios": [s.to_dict() for s in self.scenarios],
            "questions": [q.to_dict() for q in self.questions],
        }
        if self.rules is not None:
            data["rules"] = self.rules.to_dict()
        if self.rounds is not None:
            data["rounds"] = self.rounds.to_dict()
        return data


class Reader:
    """Reads fields out of parsed TOML, recording every problem instead of stopping."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def problem(self, question: str | None, field: str, message: str) -> None:
        self.problems.append(Problem(self.file, question, field, message))

    def table(self, data: dict[str, Any], key: str, q: str | None, *, required: bool = True
              ) -> dict[str, Any]:
        value = data.get(key)
        if value is None:
            if required:
                self.problem(q, key, "is missing")
            return {}
        if not isinstance(value, dict):
            self.problem(q, key, f"must be a table, not {type_name(value)}")
            return {}
        return value

    def tables(self, data: dict[str, Any], key: str) -> list[dict[str, Any]]:
        value = data.get(key)
        if value is None:
            self.problem(None, key, f"is missing: add at least one [[{key}]] entry")
            return []
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.problem(None, key, f"must be a list of [[{key}]] tables")
            return []
        if not value:
            self.problem(None, key, "is empty")
        return value

    def text(self, data: dict[str, Any], key: str, q: str | None, *, field: str = "") -> str:
        field = field or key
        value = data.get(key)
        if value is None:
            self.problem(q, field, "is missing")
            return ""
        if not isinstance(value, str):
            self.problem(q, field, f"must be text, not {type_name(value)}")
            return ""
        if not value.strip():
            self.problem(q, field, "is empty")
            return ""
        return value.strip()

    def ident(self, data: dict[str, Any], key: str, q: str | None) -> str:
        value = self.text(data, key, q)
        if value and not ID.match(value):
            self.problem(q, key, f"{value!r} is not an id (lower-case words joined by '-')")
            return ""
        return value

    def choice(self, data: dict[str, Any], key: str, q: str | None, allowed: dict[str, Any]
               ) -> str:
        value = self.text(data, key, q)
        if value and value not in allowed:
            self.problem(q, key, f"{value!r} is not one of: {', '.join(allowed)}")
            return ""
        return value

    def id_list(self, data: dict[str, Any], key: str, q: str | None, allowed: dict[str, Any]
                ) -> list[str]:
        value = data.get(key)
        if value is None:
            self.problem(q, key, "is missing (use [] for none)")
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem(q, key, "must be a list of ids, like [\"diminishing-returns\"]")
            return []
        for item in value:
            if item not in allowed:
                self.problem(q, key, f"{item!r} is not one of: {', '.join(allowed)}")
        if len(set(value)) != len(value):
            self.problem(q, key, "lists an id twice")
        return [v for v in value if v in allowed]

    def section(self, data: dict[str, Any], key: str, q: str | None) -> Section:
        value = self.text(data, key, q)
        if value and value not in SECTIONS:
            self.problem(q, key, f"links to {value!r}, which is not a guide section: "
                                 f"use one of {', '.join(SECTIONS)}")
        return SECTIONS.get(value, SECTIONS["introduction"])

    def only(self, data: dict[str, Any], allowed: set[str], q: str | None, prefix: str = ""
             ) -> None:
        for key in data:
            if key not in allowed:
                self.problem(q, prefix + key, f"is not a known field (known: "
                                              f"{', '.join(sorted(allowed))})")

    def unique(self, ids: list[str], field: str, what: str) -> None:
        seen: set[str] = set()
        for item in ids:
            if item in seen:
                self.problem(item, field, f"{what} id {item!r} is used twice")
            seen.add(item)


def type_name(value: object) -> str:
    return {str: "text", int: "a number", float: "a number", bool: "true/false",
            list: "a list", dict: "a table"}.get(type(value), type(value).__name__)


# --- the self-check format: scenarios, each asking the best move and the signs ---------

SIGN_OPTIONS: dict[str, str] = {c.id: c.name for c in CRITERIA} | {NONE: NONE_LABEL}
SCENARIO_KEYS = {"id", "topic", "title", "story", "best-move", "signs", "move-section",
                 "explain"}


def parse_self_check(data: dict[str, Any], r: Reader) -> tuple[tuple[Scenario, ...],
                                                              tuple[Question, ...]]:
    prompts = r.table(data, "prompts", None)
    r.only(prompts, {"move", "signs"}, None, "prompts.")
    move_prompt = r.text(prompts, "move", None, field="prompts.move")
    signs_prompt = r.text(prompts, "signs", None, field="prompts.signs")
    scenarios: list[Scenario] = []
    questions: list[Question] = []
    entries = r.tables(data, "scenarios")
    for index, entry in enumerate(entries, 1):
        sid = r.ident(entry, "id", f"scenarios #{index}") or f"scenarios #{index}"
        r.only(entry, SCENARIO_KEYS, sid)
        scenario = Scenario(sid, r.choice(entry, "topic", sid, TOPICS), r.text(entry, "title", sid),
                            r.text(entry, "story", sid))
        best = r.choice(entry, "best-move", sid, MOVES)
        signs = r.id_list(entry, "signs", sid, SIGN_OPTIONS)
        if NONE in signs:
            r.problem(sid, "signs", "lists 'none': write signs = [] when no sign is present")
        move_section = r.section(entry, "move-section", sid)
        explain = r.table(entry, "explain", sid)
        r.only(explain, set(MOVES) | set(SIGN_OPTIONS), sid, "explain.")

        def option(oid: str, label: str, correct: bool, section: Section) -> Option:
            text = r.text(explain, oid, sid, field=f"explain.{oid}")  # noqa: B023
            return Option(oid, label, correct, text, section)

        moves = tuple(option(m, label, m == best, move_section) for m, label in MOVES.items())
        present = set(signs) or {NONE}
        sign_options = tuple(
            option(s, label, s in present, SECTIONS.get(s, SECTIONS["when-to-walk-away"]))
            for s, label in SIGN_OPTIONS.items()
        )
        scenarios.append(scenario)
        questions.append(Question(f"{sid}-move", "single", "move", move_prompt, moves, scenario))
        questions.append(Question(f"{sid}-signs", "multiple", "signs", signs_prompt,
                                  sign_options, scenario))
    r.unique([s.id for s in scenarios], "id", "scenario")
    return tuple(scenarios), tuple(questions)


# --- loading ---------------------------------------------------------------------------

BANK_KEYS = {"id", "title", "kind", "intro", "prompts", "scenarios", "statements", "scales",
             "rules", "reminders", "rounds"}
KINDS = {"self-check": "scenarios scored against the signs",
         "assessment": "statements about the reader's own negotiation"}


def parse_bank(text: str, file: str) -> Bank:
    """Parse and check one bank's TOML text; `file` names it in error messages."""
    r = Reader(file)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise BankError([Problem(file, None, "(syntax)", f"not valid TOML: {error}")]) from None
    r.only(data, BANK_KEYS, None)
    bank_id = r.ident(data, "id", None)
    expected = Path(file).stem
    if bank_id and bank_id != expected:
        r.problem(None, "id", f"is {bank_id!r} but the file is named {expected}.toml")
    title = r.text(data, "title", None)
    kind = r.choice(data, "kind", None, KINDS)
    intro = r.text(data, "intro", None)
    scenarios: tuple[Scenario, ...] = ()
    questions: tuple[Question, ...] = ()
    rules = None
    rounds = None
    if kind == "self-check":
        from .rounds import parse_rounds  # imports this module: load it late

        scenarios, questions = parse_self_check(data, r)
        rounds = parse_rounds(data, r, len(scenarios))
    elif kind == "assessment":
        from .assessment import parse_assessment  # imports this module: load it late

        questions, rules = parse_assessment(data, r)
        if "rounds" in data:
            r.problem(None, "rounds", "only self-check banks have rounds")
    if r.problems:
        raise BankError(r.problems)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    return Bank(bank_id, title, kind, intro, questions, scenarios, rules, digest, rounds)


def banks_dir() -> Any:
    return resources.files("quiz") / "banks"


def bank_ids() -> list[str]:
    """Ids of the banks shipped with the package, sorted."""
    return sorted(p.name.removesuffix(".toml") for p in banks_dir().iterdir()
                  if p.name.endswith(".toml"))


def load_bank_file(path: str | Path) -> Bank:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise BankError([Problem(path.name, None, "(file)", f"cannot be read: {error}")]) from None
    return parse_bank(text, f"banks/{path.name}" if path.parent.name == "banks" else str(path))


_CACHE: dict[str, Bank] = {}


def clear_cache() -> None:
    """Forget loaded banks, so edited bank files are read again."""
    _CACHE.clear()


def load_bank(bank_id: str) -> Bank:
    """A shipped bank by id (cached: banks are immutable)."""
    if not isinstance(bank_id, str) or bank_id not in _CACHE:
        if not isinstance(bank_id, str) or not ID.match(bank_id) or bank_id not in bank_ids():
            raise AnswerError(f"there is no question bank {str(bank_id)[:60]!r}; "
                              f"known banks: {', '.join(bank_ids())}")
        file = banks_dir() / f"{bank_id}.toml"
        _CACHE[bank_id] = parse_bank(file.read_text(encoding="utf-8"), f"quiz/banks/{bank_id}.toml")
    return _CACHE[bank_id]
