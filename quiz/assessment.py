"""Weighing the reader's own negotiation: statements, answer scales and decision rules.

The rules live in the bank file, in the order they are tried; the first rule whose
conditions all hold gives the recommendation. Each statement measures one factor: one
of the four signs, or one of the checks negotiators make before walking away.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .answers import check_answers
from .bank import Bank, Option, Question, Reader
from .criteria import CRITERIA_BY_ID, MOVES, SECTIONS, Section
from .scoring import join

# The checks besides the four signs, and where the guide discusses them.
CHECKS: dict[str, tuple[str, str]] = {
    "alternative-known": ("Your best alternative", "before-you-decide"),
    "offer-below-alternative": ("The offer against your alternative", "before-you-decide"),
    "interests-stated": ("Interests stated", "before-you-decide"),
    "options-explored": ("Options explored", "before-you-decide"),
    "time-could-help": ("What time could change", "recognizing-an-impasse"),
}
FACTORS: dict[str, str] = {c.id: c.name for c in CRITERIA_BY_ID.values()} | {
    k: v[0] for k, v in CHECKS.items()
}
# An answer's value (-2..2) read as a level the rules can name.
LEVELS = ("strong", "yes", "neutral", "no")
RECOMMENDATIONS = {
    "keep-negotiating": "Keep negotiating",
    "pause": "Pause and revisit under better conditions",
    "walk-away": "Walk away",
}


def level(value: int | None) -> str:
    if value is None or value == 0:
        return "neutral"
    if value >= 2:
        return "strong"
    return "yes" if value > 0 else "no"


@dataclass(frozen=True)
class Rule:
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


# --- reading an assessment bank --------------------------------------------------------

STATEMENT_KEYS = {"id", "factor", "text", "scale", "why", "section"}
RULE_KEYS = {"id", "when", "min-signs", "max-signs", "recommend", "advice", "next", "section"}


def parse_scales(data: dict[str, Any], r: Reader) -> dict[str, tuple[tuple[str, str, int], ...]]:
    scales: dict[str, tuple[tuple[str, str, int], ...]] = {}
    for name, options in r.table(data, "scales", None).items():
        if not isinstance(options, dict) or not options:
            r.problem(None, f"scales.{name}", "must be a table of answers")
            continue
        items = []
        for oid, option in options.items():
            field = f"scales.{name}.{oid}"
            if not isinstance(option, dict):
                r.problem(None, field, 'must be like { label = "Agree", value = 1 }')
                continue
            r.only(option, {"label", "value"}, None, field + ".")
            value = option.get("value")
            if not isinstance(value, int) or isinstance(value, bool) or not -2 <= value <= 2:
                r.problem(None, field + ".value", "must be a whole number from -2 to 2")
                value = 0
            items.append((oid, r.text(option, "label", None, field=field + ".label"), value))
        scales[name] = tuple(items)
    return scales


def parse_statements(data: dict[str, Any], r: Reader,
                     scales: dict[str, tuple[tuple[str, str, int], ...]]) -> tuple[Question, ...]:
    questions = []
    for index, entry in enumerate(r.tables(data, "statements"), 1):
        sid = r.ident(entry, "id", f"statements #{index}") or f"statements #{index}"
        r.only(entry, STATEMENT_KEYS, sid)
        factor = r.choice(entry, "factor", sid, FACTORS)
        text, why = r.text(entry, "text", sid), r.text(entry, "why", sid)
        section = r.section(entry, "section", sid)
        scale = r.choice(entry, "scale", sid, scales)
        options = tuple(Option(oid, label, False, why, section, value)
                        for oid, label, value in scales.get(scale, ()))
        questions.append(Question(sid, "single", factor or "unknown", text, options))
    r.unique([q.id for q in questions], "id", "statement")
    return tuple(questions)


def parse_when(entry: dict[str, Any], rid: str, r: Reader) -> dict[str, tuple[str, ...]]:
    when: dict[str, tuple[str, ...]] = {}
    for factor, accepted in r.table(entry, "when", rid, required=False).items():
        levels = [accepted] if isinstance(accepted, str) else accepted
        if factor not in FACTORS:
            r.problem(rid, f"when.{factor}", f"is not a factor: use one of {', '.join(FACTORS)}")
        elif not isinstance(levels, list) or not levels or any(x not in LEVELS for x in levels):
            r.problem(rid, f"when.{factor}", f"must list levels from: {', '.join(LEVELS)}")
        else:
            when[factor] = tuple(levels)
    return when


def parse_rule(entry: dict[str, Any], index: int, r: Reader) -> Rule:
    rid = r.ident(entry, "id", f"rules #{index}") or f"rules #{index}"
    r.only(entry, RULE_KEYS, rid)
    when = parse_when(entry, rid, r)
    counts = {}
    for key in ("min-signs", "max-signs"):
        value = entry.get(key)
        if value is not None and (not isinstance(value, int) or isinstance(value, bool)
                                  or not 0 <= value <= len(CRITERIA_BY_ID)):
            r.problem(rid, key, f"must be a whole number from 0 to {len(CRITERIA_BY_ID)}")
            value = None
        counts[key] = value
    steps = entry.get("next", [])
    if not isinstance(steps, list) or not all(isinstance(s, str) and s.strip() for s in steps):
        r.problem(rid, "next", "must be a list of non-empty texts")
        steps = []
    return Rule(rid, when, counts["min-signs"] or 0, counts["max-signs"],
                r.choice(entry, "recommend", rid, MOVES), r.text(entry, "advice", rid),
                tuple(s.strip() for s in steps), r.section(entry, "section", rid))


def parse_reminder(entry: dict[str, Any], index: int, r: Reader) -> Reminder:
    rid = r.ident(entry, "id", f"reminders #{index}") or f"reminders #{index}"
    r.only(entry, {"id", "when", "next"}, rid)
    return Reminder(rid, parse_when(entry, rid, r), r.text(entry, "next", rid))


def parse_assessment(data: dict[str, Any], r: Reader) -> tuple[tuple[Question, ...], Rules]:
    questions = parse_statements(data, r, parse_scales(data, r))
    rules = tuple(parse_rule(e, i, r) for i, e in enumerate(r.tables(data, "rules"), 1))
    listed = r.tables(data, "reminders") if "reminders" in data else []  # reminders are optional
    reminders = tuple(parse_reminder(e, i, r) for i, e in enumerate(listed, 1))
    r.unique([x.id for x in rules] + [x.id for x in reminders], "id", "rule")
    if rules and (rules[-1].when or rules[-1].min_signs or rules[-1].max_signs is not None):
        r.problem(rules[-1].id, "when", "the last rule must have no conditions, so every "
                                        "set of answers gets a recommendation")
    return questions, Rules(rules, reminders)


# --- assessing ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Assessment:
    bank: Bank
    chosen: dict[str, Option]  # question id -> the answer given

    def factor_values(self) -> dict[str, int | None]:
        """Each factor's value: the strongest answer among its statements, None if none."""
        values: dict[str, int | None] = dict.fromkeys(FACTORS)
        for question in self.bank.questions:
            option = self.chosen.get(question.id)
            if option is not None:
                known = values[question.role]
                values[question.role] = option.value if known is None else max(known, option.value)
        return values

    @staticmethod
    def section_of(question: Question) -> Section:
        return (CRITERIA_BY_ID[question.role].section if question.role in CRITERIA_BY_ID
                else SECTIONS[CHECKS[question.role][1]])

    def reason(self, question: Question, option: Option, text: str) -> dict[str, Any]:
        section = self.section_of(question)
        return {"factor": question.role, "name": FACTORS[question.role],
                "statement": question.id, "answer": option.id, "answer_label": option.label,
                "text": text, "section": section.to_dict()}

    def answered_reason(self, question: Question, lead: str) -> dict[str, Any] | None:
        option = self.chosen.get(question.id)
        if option is None:
            return None
        return self.reason(question, option,
                           f"{lead}: you answered “{option.label}” to “{question.prompt}”")

    def sign_reasons(self, levels: dict[str, str], weighing: list[str]) -> list[dict[str, Any]]:
        """Why signs count or do not: each sign that weighs, or why none does."""
        signs = [q for q in self.bank.questions if q.role in CRITERIA_BY_ID]
        if weighing:
            return [self.reason(q, o, f"{FACTORS[q.role]} weighs: you answered “{o.label}” "
                                      f"to “{q.prompt}”")
                    for q in signs if (o := self.chosen.get(q.id)) and q.role in weighing
                    and o.value > 0]
        values = self.factor_values()
        groups = {"you disagreed with": [c for c in CRITERIA_BY_ID if levels[c] == "no"],
                  "you were not sure of": [c for c in CRITERIA_BY_ID
                                           if levels[c] == "neutral" and values[c] is not None],
                  "you did not answer": [c for c in CRITERIA_BY_ID if values[c] is None]}
        parts = [f"{wording} all four" if len(ids) == len(CRITERIA_BY_ID)
                 else f"{wording} {join(FACTORS[c].lower() for c in ids)}"
                 for wording, ids in groups.items() if ids]
        return [{"factor": "signs", "name": "The four signs", "statement": None, "answer": None,
                 "answer_label": "", "text": "No sign weighs: " + "; ".join(parts) + ".",
                 "section": SECTIONS["when-to-walk-away"].to_dict()}]

    def check_reasons(self, rule: Rule, levels: dict[str, str]) -> list[dict[str, Any]]:
        """The checks the deciding rule rests on, and why it is not walk away."""
        factors = [f for f in CHECKS if f in rule.when]
        if rule.recommend != "walk-away" and levels["offer-below-alternative"] == "no":
            factors.append("offer-below-alternative")
        reasons = []
        for question in self.bank.questions:
            if question.role not in factors:
                continue
            lead = FACTORS[question.role]
            if question.role == "offer-below-alternative" and levels[question.role] == "no":
                lead = "The offer is not below your alternative"
            reason = self.answered_reason(question, lead)
            if reason is None and question.role in rule.when:
                reason = {"factor": question.role, "name": lead, "statement": question.id,
                          "answer": None, "answer_label": "",
                          "text": f"{lead}: you did not answer “{question.prompt}”, so it "
                                  "counts as not sure",
                          "section": self.section_of(question).to_dict()}
            if reason:
                reasons.append(reason)
        return reasons

    def to_dict(self) -> dict[str, Any]:
        levels = {f: level(v) for f, v in self.factor_values().items()}
        weighing = [c for c in CRITERIA_BY_ID if levels[c] in ("strong", "yes")]
        assert isinstance(self.bank.rules, Rules)
        rule = next(x for x in self.bank.rules.rules if x.holds(levels, len(weighing)))
        reasons = []
        if self.chosen:  # with no answer at all, there is nothing to rest on
            reasons = self.sign_reasons(levels, weighing) + self.check_reasons(rule, levels)
        unanswered = [q.id for q in self.bank.questions if q.id not in self.chosen]
        return {
            "bank": self.bank.id,
            "kind": self.bank.kind,
            "recommendation": rule.recommend,
            "recommendation_label": RECOMMENDATIONS[rule.recommend],
            "rule": rule.id,
            "advice": rule.advice,
            "reasons": reasons,
            "next_steps": [*(m.next for m in self.bank.rules.reminders if m.holds(levels)),
                           *rule.next],
            "section": rule.section.to_dict(),
            "signs": {c: {"name": FACTORS[c], "level": levels[c], "weighs": c in weighing,
                          "section": CRITERIA_BY_ID[c].section.to_dict()}
                      for c in CRITERIA_BY_ID},
            "checks": {k: levels[k] for k in CHECKS},
            "answered": len(self.chosen),
            "total": len(self.bank.questions),
            "unanswered": unanswered,
        }


def assess(bank: Bank, answers: object) -> Assessment:
    clean = check_answers(bank, answers)
    chosen = {}
    for question in bank.questions:
        picks = clean.get(question.id)
        option = question.option(picks[0]) if picks else None
        if option is not None:
            chosen[question.id] = option
    return Assessment(bank, chosen)
