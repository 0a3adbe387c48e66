"""What the three export formats share: the bank's content in the shape an LMS wants it.

A self-check scenario asks two questions: the move (single choice: one or two keyed
moves, either earns the one point) and the signs (multiple choice: right picks minus
wrong picks, never below 0, out of the number of keyed options; "none" is keyed when no
sign is present). Every format below expresses the signs rule the same way: each keyed
option is worth +1 and each other option -1, the sum floored at 0 (quiz.scoring).

Everything here is deterministic: the same bank gives the same bytes, and every
identifier is derived from the bank id and the question id (itself the scenario id and
the question's role), so a re-import matches what it imported before.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from html import escape

from ..errors import QuizError
from ..kinds import KINDS
from ..model import Bank, Option, Question, Scenario
from ..vocabulary import TOPICS, Section

EXPORTABLE = ("self-check",)  # the kinds of bank whose questions an LMS can score
DEFAULT_SITE = "https://walk-away.example.org/"

# What an instructor sees in the LMS's question bank (never shown to a reader on the site).
ROLE_NAMES = {"move": "the move", "signs": "the signs"}
LINK_TEXT = "In the guide: "
SOURCE_NOTE = ("Walk Away, {title}: exported from the question bank {bank} "
               "(version {version}); {site}")


class ExportError(QuizError):
    """A bank that cannot be exported (its kind), said in one line."""


def site_url(value: str | None = None) -> str:
    """Where the guide lives: `value`, else SITE_URL, as the command line takes it."""
    site = value or os.environ.get("SITE_URL") or DEFAULT_SITE
    return site.rstrip("/") + "/"


def check_exportable(bank: Bank) -> None:
    if bank.kind not in EXPORTABLE:
        kinds = ", ".join(f"{k} ({KINDS[k].DESCRIPTION})" for k in EXPORTABLE)
        raise ExportError(f"bank {bank.id!r} is of kind {bank.kind!r}, which cannot be "
                          f"exported; the kinds that can: {kinds}")


def version(bank: Bank) -> str:
    """The bank's version: the start of its content hash (the page's data-bank-hash)."""
    return bank.digest[:8]


def identifier(bank: Bank, question: Question) -> str:
    """A question's stable identifier in every format: bank id + scenario id + role."""
    return f"{bank.id}.{question.id}"


def guide_link(section: Section, site: str) -> str:
    return site + section.href


def html_paragraphs(text: str) -> str:
    """Plain text as HTML paragraphs on one line (a blank line ends a GIFT question)."""
    return "".join(f"<p>{escape(' '.join(p.split()), quote=False)}</p>"
                   for p in text.split("\n\n") if p.strip())


def feedback_html(option: Option, site: str) -> str:
    """An option's explanation and the link to the guide's section it rests on."""
    href = escape(guide_link(option.section, site))
    return (f"<p>{escape(option.explanation, quote=False)}</p><p>{LINK_TEXT}"
            f'<a href="{href}">{escape(option.section.title, quote=False)}</a></p>')


def question_html(question: Question) -> str:
    """The story, then the question's prompt (each question carries its scenario's story)."""
    story = html_paragraphs(question.scenario.story) if question.scenario else ""
    return f"{story}<p><strong>{escape(question.prompt, quote=False)}</strong></p>"


def question_name(question: Question) -> str:
    title = question.scenario.title if question.scenario else question.id
    return f"{title}: {ROLE_NAMES.get(question.role, question.role)}"


def max_points(question: Question) -> int:
    """As quiz.scoring: one point for the move, one per keyed option for the signs."""
    return 1 if question.kind == "single" else len(question.correct_ids)


def weight(question: Question, option: Option) -> Fraction:
    """An option's share of the question's points: the signs' +1/-1 per keyed option
    count, divided by the maximum; a move is all (keyed) or nothing."""
    if question.kind == "single":
        return Fraction(1 if option.correct else 0)
    return Fraction(1 if option.correct else -1, max_points(question))


def mapped_value(question: Question, option: Option) -> int:
    """An option's points as QTI maps them: +1 keyed; -1 (signs) or 0 (move) otherwise."""
    return int(weight(question, option) * max_points(question))


@dataclass(frozen=True)
class Group:
    """The scenarios of one topic, in bank order, with their questions."""

    topic: str
    label: str
    scenarios: tuple[tuple[Scenario, tuple[Question, ...]], ...]


def groups(bank: Bank) -> Iterator[Group]:
    """The bank by topic (the guide's order of topics), each scenario with its questions."""
    for topic, label in TOPICS.items():
        scenarios = tuple((s, tuple(q for q in bank.questions if q.scenario is s))
                          for s in bank.scenarios if s.topic == topic)
        if scenarios:
            yield Group(topic, label, scenarios)


def source_note(bank: Bank, site: str) -> str:
    return SOURCE_NOTE.format(title=bank.title, bank=bank.id, version=version(bank), site=site)
