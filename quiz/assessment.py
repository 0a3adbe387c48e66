"""The assessment kind of bank: weighing the reader's own negotiation (Check my negotiation).

Statements, answer scales and decision rules. The rules live in the bank file, in the
order they are tried; the first rule whose conditions all hold gives the recommendation,
one of the moves. With no answer at all there is nothing to weigh, and the result asks
for answers instead (recommendation ANSWERS_NEEDED, no rule). Each statement measures
one factor: one of the four signs, or one of the checks negotiators make before walking
away (quiz.vocabulary).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from . import wording
from .answers import check_answers
from .errors import no_rounds
from .fields import Reader
from .html import question_fieldset
from .model import Bank, BankBody, Option, Question, Reminder, Rule, Rules
from .vocabulary import CHECKS, MOVES, SECTIONS, SIGNS_BY_ID, Section

NAME = "assessment"
DESCRIPTION = "statements about the reader's own negotiation"
KEYS = frozenset({"statements", "scales", "rules", "reminders"})
CHECKABLE = False  # one recommendation for all the answers together
BUTTON, HEADING = wording.ASSESSMENT_SUMMARY

# What a statement can measure: a sign or a check.
FACTORS: dict[str, str] = {s.id: s.name for s in SIGNS_BY_ID.values()} | {
    c.id: c.name for c in CHECKS.values()}
# An answer's value (-2..2) read as a level the rules can name.
LEVELS = ("strong", "yes", "neutral", "no")
# The result's recommendation when nothing was answered: not a move, a request for answers.
ANSWERS_NEEDED = "answers-needed"


def level(value: int | None) -> str:
    if value is None or value == 0:
        return "neutral"
    if value >= 2:
        return "strong"
    return "yes" if value > 0 else "no"


def factor_section(factor: str) -> Section:
    return SIGNS_BY_ID[factor].section if factor in SIGNS_BY_ID else CHECKS[factor].section


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
                                  or not 0 <= value <= len(SIGNS_BY_ID)):
            r.problem(rid, key, f"must be a whole number from 0 to {len(SIGNS_BY_ID)}")
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


def parse(data: dict[str, Any], r: Reader) -> BankBody:
    questions = parse_statements(data, r, parse_scales(data, r))
    rules = tuple(parse_rule(e, i, r) for i, e in enumerate(r.tables(data, "rules"), 1))
    listed = r.tables(data, "reminders") if "reminders" in data else []  # reminders are optional
    reminders = tuple(parse_reminder(e, i, r) for i, e in enumerate(listed, 1))
    r.unique([x.id for x in rules] + [x.id for x in reminders], "id", "rule")
    if rules and (rules[-1].when or rules[-1].min_signs or rules[-1].max_signs is not None):
        r.problem(rules[-1].id, "when", "the last rule must have no conditions, so every "
                                        "set of answers gets a recommendation")
    return BankBody(questions, rules=Rules(rules, reminders))


# --- assessing ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Assessment:
    bank: Bank
    rules: Rules
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

    def reason(self, question: Question, text: str, name: str = "") -> dict[str, Any]:
        option = self.chosen.get(question.id)
        return {"factor": question.role, "name": name or FACTORS[question.role],
                "statement": question.id, "answer": option.id if option else None,
                "answer_label": option.label if option else "", "text": text,
                "section": factor_section(question.role).to_dict()}

    def sign_reasons(self, values: dict[str, int | None], weighing: list[str]
                     ) -> list[dict[str, Any]]:
        """Why signs count or do not: each sign that weighs, or why none does."""
        if weighing:
            return [self.reason(q, wording.sign_weighs(FACTORS[q.role], o.label, q.prompt))
                    for q in self.bank.questions
                    if q.role in weighing and (o := self.chosen.get(q.id)) and o.value > 0]
        names = {lvl: [s.name for s in SIGNS_BY_ID.values()
                       if values[s.id] is not None and level(values[s.id]) == lvl]
                 for lvl in ("no", "neutral")}
        unanswered = [s.name for s in SIGNS_BY_ID.values() if values[s.id] is None]
        text = wording.no_sign_weighs(names["no"], names["neutral"], unanswered,
                                      len(SIGNS_BY_ID))
        return [{"factor": "signs", "name": wording.SIGNS_REASON_NAME, "statement": None,
                 "answer": None, "answer_label": "", "text": text,
                 "section": SECTIONS["when-to-walk-away"].to_dict()}]

    def check_reasons(self, rule: Rule, levels: dict[str, str]) -> list[dict[str, Any]]:
        """The checks the deciding rule rests on, and why it is not walk away.

        The offer is said to be not below the alternative only when the reader answered
        so and knows that alternative: "not sure", no answer, or an alternative the
        reader does not know never reads as the offer holding up against it.
        """
        offer_not_below = (rule.recommend != "walk-away"
                           and levels["offer-below-alternative"] == "no"
                           and levels["alternative-known"] in ("yes", "strong"))
        reasons = []
        for question in self.bank.questions:
            option = self.chosen.get(question.id)
            if question.role == "offer-below-alternative" and offer_not_below and option:
                reasons.append(self.reason(question, wording.offer_not_below(
                    option.label, question.prompt)))
            elif question.role in CHECKS and question.role in rule.when:
                name = FACTORS[question.role]
                reasons.append(self.reason(question, wording.factor_answer(
                    name, option.label, question.prompt) if option
                    else wording.factor_unanswered(name, question.prompt)))
        return reasons

    def decision(self, values: dict[str, int | None], levels: dict[str, str],
                 weighing: list[str]) -> dict[str, Any]:
        """The recommendation, its rule, advice, reasons and next steps; with no answer at
        all, a request for answers instead."""
        if not self.chosen:  # nothing to weigh: ask for answers, recommend nothing
            return {"recommendation": ANSWERS_NEEDED,
                    "recommendation_label": wording.ANSWERS_NEEDED_LABEL, "rule": None,
                    "advice": wording.ANSWERS_NEEDED, "reasons": [],
                    "next_steps": list(wording.ANSWERS_NEEDED_STEPS),
                    "section": SECTIONS["before-you-decide"].to_dict()}
        rule = next(x for x in self.rules.rules if x.holds(levels, len(weighing)))
        return {"recommendation": rule.recommend,
                "recommendation_label": MOVES[rule.recommend], "rule": rule.id,
                "advice": rule.advice,
                "reasons": self.sign_reasons(values, weighing) + self.check_reasons(rule, levels),
                "next_steps": [*(m.next for m in self.rules.reminders if m.holds(levels)),
                               *rule.next],
                "section": rule.section.to_dict()}

    def to_dict(self) -> dict[str, Any]:
        values = self.factor_values()
        levels = {f: level(v) for f, v in values.items()}
        weighing = [s for s in SIGNS_BY_ID if levels[s] in ("strong", "yes")]
        unanswered = [q.id for q in self.bank.questions if q.id not in self.chosen]
        return {
            "bank": self.bank.id,
            "kind": self.bank.kind,
            **self.decision(values, levels, weighing),
            "signs": {s: {"name": FACTORS[s], "level": levels[s], "weighs": s in weighing,
                          "section": SIGNS_BY_ID[s].section.to_dict()}
                      for s in SIGNS_BY_ID},
            "checks": {k: levels[k] for k in CHECKS},
            "answered": len(self.chosen),
            "total": len(self.bank.questions),
            "unanswered": unanswered,
            # Unanswered statements count as "not sure" only when something was answered.
            "unanswered_text": wording.statements_unanswered(len(unanswered),
                                                             len(self.bank.questions))
            if self.chosen else "",
            "disclaimer": wording.DISCLAIMER,
        }


def score(bank: Bank, answers: object, round: object = None) -> Assessment:
    if round is not None:
        raise no_rounds(bank.id)
    if bank.rules is None:
        raise ValueError(f"bank {bank.id!r} is an assessment without rules")
    clean = check_answers(bank, answers)
    chosen = {}
    for question in bank.questions:
        picks = clean.get(question.id)
        option = question.option(picks[0]) if picks else None
        if option is not None:
            chosen[question.id] = option
    return Assessment(bank, bank.rules, chosen)


# --- rendering and the command line's summary ---------------------------------------------

def render(bank: Bank) -> str:
    """Numbered statements, each its own question."""
    items = "".join(f'<li class="quiz-statement">{question_fieldset(bank, q, "", checkable=False)}'
                    "</li>" for q in bank.questions)
    return f'<ol class="quiz-statements">{items}</ol>'


def summary(result: dict[str, Any], site: str) -> list[str]:
    """The recommendation (or the request for answers) as lines of text, in the engine's
    own words."""
    lines = [result["recommendation_label"], "", result["advice"]]
    if result["reasons"]:
        lines += ["", "Why:", *(f"- {r['text']}" for r in result["reasons"])]
    lines += ["", "What to do next:", *(f"- {step}" for step in result["next_steps"])]
    section = result["section"]
    lines += ["", f"{wording.READ} {section['title']} — {site}{section['href']}"]
    if result["unanswered_text"]:
        lines += ["", result["unanswered_text"]]
    return [*lines, "", result["disclaimer"]]
