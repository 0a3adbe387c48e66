"""The self-check kind of bank: scenarios, each asking the best move and the signs present.

Its format (the [[scenarios]] of a bank file, and the [rounds] table of its practice
rounds), its form and its summary; the points and the per-sign profile are quiz.scoring,
choosing and scoring rounds quiz.rounds.
"""

from __future__ import annotations

from dataclasses import replace
from html import escape
from typing import Any

from . import wording
from .fields import Reader
from .html import paragraphs, question_fieldset
from .model import Bank, BankBody, Option, Question, RoundSettings, Scenario
from .order import balanced_orders
from .rounds import first_round, score_round
from .scoring import Result, score_self_check
from .vocabulary import (
    ALTERNATIVES,
    FEATURES,
    MOVES,
    NONE,
    NONE_LABEL,
    SECTIONS,
    SIGNS,
    TOPICS,
    Section,
)

NAME = "self-check"
DESCRIPTION = "scenarios scored against the signs"
KEYS = frozenset({"prompts", "scenarios", "rounds"})
CHECKABLE = True  # each answer can be checked on its own
BUTTON, HEADING = wording.SELF_CHECK_SUMMARY

SIGN_OPTIONS: dict[str, str] = {s.id: s.name for s in SIGNS} | {NONE: NONE_LABEL}
# A sign's answer links to where that sign's line is drawn; "none" to the list of signs.
SIGN_LINKS: dict[str, Section] = {s.id: s.line for s in SIGNS}
SCENARIO_KEYS = {"id", "topic", "title", "story", "best-move", "signs", "move-section",
                 "explain", "alternative", "features"}
ROUNDS_KEYS = {"size", "mastery"}
MAX_STREAK = 20  # the most present scenarios in a row that mastering a sign may ask


# --- reading --------------------------------------------------------------------------

def parse(data: dict[str, Any], r: Reader) -> BankBody:
    prompts = r.table(data, "prompts", None)
    r.only(prompts, {"move", "signs"}, None, "prompts.")
    move_prompt = r.text(prompts, "move", None, field="prompts.move")
    signs_prompt = r.text(prompts, "signs", None, field="prompts.signs")
    scenarios: list[Scenario] = []
    questions: list[Question] = []
    for index, entry in enumerate(r.tables(data, "scenarios"), 1):
        scenario, asked = parse_scenario(entry, index, r, move_prompt, signs_prompt)
        scenarios.append(scenario)
        questions.extend(asked)
    r.unique([s.id for s in scenarios], "id", "scenario")
    return BankBody(in_balanced_order(questions), tuple(scenarios),
                    rounds=parse_rounds(data, r, len(scenarios)))


def parse_rounds(data: dict[str, Any], r: Reader, scenarios: int) -> RoundSettings | None:
    """The optional [rounds] table (quiz.rounds): a round's size, and what mastering a
    sign takes; None when the bank has none."""
    if "rounds" not in data:
        return None
    default = RoundSettings()
    table = r.table(data, "rounds", None)
    r.only(table, ROUNDS_KEYS, None, "rounds.")
    size = r.whole(table, "size", None, default=default.size, most=max(1, scenarios),
                   field="rounds.size")
    mastery = r.table(table, "mastery", None, required=False, field="rounds.mastery")
    r.only(mastery, {"streak"}, None, "rounds.mastery.")
    streak = r.whole(mastery, "streak", None, default=default.streak, most=MAX_STREAK,
                     field="rounds.mastery.streak")
    return RoundSettings(size, streak)


def in_balanced_order(questions: list[Question]) -> tuple[Question, ...]:
    """The move questions with their options in each scenario's order (quiz.order);
    the signs keep the guide's order, which tells nothing about the answer."""
    keys = [(q.scenario.id, q.correct_ids) for q in questions
            if q.role == "move" and q.scenario]
    orders = balanced_orders(MOVES, keys)

    def arranged(q: Question) -> Question:
        if q.role != "move" or q.scenario is None:
            return q
        by_id = {o.id: o for o in q.options}
        return replace(q, options=tuple(by_id[m] for m in orders[q.scenario.id]))

    return tuple(arranged(q) for q in questions)


def parse_scenario(entry: dict[str, Any], index: int, r: Reader, move_prompt: str,
                   signs_prompt: str) -> tuple[Scenario, tuple[Question, Question]]:
    sid = r.ident(entry, "id", f"scenarios #{index}") or f"scenarios #{index}"
    r.only(entry, SCENARIO_KEYS, sid)
    alternative = r.choice(entry, "alternative", sid, ALTERNATIVES) \
        if "alternative" in entry else ""
    features = r.id_list(entry, "features", sid, FEATURES) if "features" in entry else []
    scenario = Scenario(sid, r.choice(entry, "topic", sid, TOPICS), r.text(entry, "title", sid),
                        r.text(entry, "story", sid), alternative, tuple(features))
    best = r.one_or_two(entry, "best-move", sid, MOVES)
    signs = r.id_list(entry, "signs", sid, SIGN_OPTIONS)
    if NONE in signs:
        r.problem(sid, "signs", "lists 'none': write signs = [] when no sign is present")
    move_section = r.section(entry, "move-section", sid)
    explain = r.table(entry, "explain", sid)
    r.only(explain, set(MOVES) | set(SIGN_OPTIONS), sid, "explain.")

    def option(oid: str, label: str, correct: bool, section: Section) -> Option:
        text = r.text(explain, oid, sid, field=f"explain.{oid}")
        return Option(oid, label, correct, text, section, exclusive=oid == NONE)

    present = set(signs) or {NONE}
    moves = tuple(option(m, label, m in best, move_section) for m, label in MOVES.items())
    sign_options = tuple(
        option(s, label, s in present, SIGN_LINKS.get(s, SECTIONS["when-to-walk-away"]))
        for s, label in SIGN_OPTIONS.items())
    return scenario, (
        Question(f"{sid}-move", "single", "move", move_prompt, moves, scenario),
        Question(f"{sid}-signs", "multiple", "signs", signs_prompt, sign_options, scenario))


# --- scoring and rendering ---------------------------------------------------------------

def score(bank: Bank, answers: object, round: object = None) -> Result:
    """The whole bank, or with `round` (scenario ids) only that round (quiz.rounds)."""
    if round is not None:
        return score_round(bank, answers, round)
    return score_self_check(bank, answers)


def render(bank: Bank) -> str:
    if bank.rounds is None:
        total = len(bank.scenarios)
        return "".join(render_scenario(bank, s, n, total)
                       for n, s in enumerate(bank.scenarios, 1))
    return render_rounds(bank)


def render_rounds(bank: Bank) -> str:
    """The first round live, in its order; every other scenario once, in a <template>.

    Templates are not in the page's DOM until the page script clones one for a later
    round, so the page stays small and the bank stays the one source of the text.
    """
    first = first_round(bank)
    by_id = {s.id: s for s in bank.scenarios}
    live = "".join(render_scenario(bank, by_id[sid], n, len(first), current=n == 1)
                   for n, sid in enumerate(first, 1))
    later = "".join(f'<template data-scenario="{escape(s.id)}">'
                    f"{render_scenario(bank, s, 0, len(first))}</template>"
                    for s in bank.scenarios if s.id not in first)
    return (f'<div class="quiz-round" data-round="{escape(" ".join(first))}">{live}</div>'
            f"{round_nav(len(first))}{later}")


def round_nav(total: int) -> str:
    """Shown once the page script runs (quiz.css): without it the first round is a plain list."""
    return (
        '<div class="quiz-round-nav">'
        '<p class="quiz-round-nav__progress" aria-live="polite" data-round-progress>'
        f"{wording.scenario_number(1, total)}</p>"
        '<button type="button" class="md-button" data-action="previous">'
        f'{escape(wording.page_word("action.previous"))}</button> '
        '<button type="button" class="md-button" data-action="next">'
        f'{escape(wording.page_word("action.next"))}</button>'
        "</div>"
    )


def render_scenario(bank: Bank, scenario: Scenario, number: int, total: int, *,
                    current: bool = False) -> str:
    """One scenario; number 0 leaves the number for the page script (a later round)."""
    heading = f"{bank.id}--{scenario.id}"
    # In rounds a scenario's number changes, so its Check buttons name it by its title.
    title = scenario.title if bank.rounds else None
    body = "".join(
        question_fieldset(bank, q, wording.check_target(q.prompt, title=title, number=number),
                          checkable=True)
        for q in bank.questions if q.scenario is scenario)
    place = f"{wording.scenario_number(number, total)}:" if number else ""
    return (
        f'<section class="quiz-scenario" aria-labelledby="{escape(heading)}" '
        f'data-scenario="{escape(scenario.id)}"{" data-current" if current else ""}>'
        f'<h2 id="{escape(heading)}" class="quiz-scenario__title" tabindex="-1">'
        f'<span class="quiz-scenario__number">{place}</span> '
        f"{escape(scenario.title)}</h2>"
        f'<p class="quiz-scenario__topic">{escape(scenario.topic_label)}</p>'
        f'<div class="quiz-scenario__story">{paragraphs(scenario.story)}</div>'
        f"{body}</section>"
    )


# --- the command line's summary ----------------------------------------------------------

def summary(result: dict[str, Any], site: str) -> list[str]:
    """The result as lines of text, in the engine's own words."""
    lines = [f"{result['score_text']} {result['answered_text']}", ""]
    for sign in result["criteria"].values():
        bar = "#" * sign["spotted"] + "." * sign["missed"]
        lines.append(f"  {sign['name']:<28} {bar:<8} {sign['counts']}")
    if result["summary"]["moves_text"]:
        lines += ["", result["summary"]["moves_text"]]
    lines += ["", result["summary"]["text"]]
    lines += [f"  {wording.READ} {s['title']} — {site}{s['href']}"
              for s in result["summary"]["reread"]]
    return lines
