"""GIFT: the same questions as the Moodle XML, as text Moodle imports natively.

Each question is one paragraph (a blank line ends a question in GIFT): its name carries
the stable identifier, its text (in [html]) the story and the prompt, each answer its
explanation as feedback. The move's keyed answers are `=` (either earns the mark); the
signs' answers carry weights, +1/n for a keyed option and -1/n for any other, from
Moodle's fixed list. GIFT cannot set a question's mark: Moodle gives each question 1,
so the signs question scores the engine's points divided by its maximum (set its
mark to the number of keyed options to get the points themselves).
"""

from __future__ import annotations

from ..model import Bank, Question
from .common import (
    check_exportable,
    feedback_html,
    groups,
    identifier,
    question_html,
    question_name,
    source_note,
    version,
    weight,
)
from .moodle import fraction

FORMAT = "gift"
DESCRIPTION = "GIFT"
SUFFIX = "gift.txt"
MEDIA_TYPE = "text/plain"

SPECIAL = "\\~=#{}:"  # GIFT's control characters, each written with a backslash


def escape(text: str) -> str:
    """Text as GIFT reads it back: control characters escaped, on one line."""
    text = " ".join(text.split())
    for char in SPECIAL:
        text = text.replace(char, "\\" + char)
    return text


def question(bank: Bank, q: Question, site: str) -> str:
    name = f"{question_name(q)} [{identifier(bank, q)}]"
    lines = [f"// [id:{identifier(bank, q)}]",  # Moodle's GIFT import: the idnumber
             f"::{escape(name)}::[html]{escape(question_html(q))}{{"]
    for option in q.options:
        share = weight(q, option)
        # The move: = for a keyed move, ~ for another; the signs: each answer's weight.
        mark = ("=" if share else "~") if q.kind == "single" else f"~%{fraction(share)}%"
        lines.append(f"\t{mark}{escape(option.label)}#{escape(feedback_html(option, site))}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def export(bank: Bank, site: str) -> bytes:
    check_exportable(bank)
    top = f"$course$/top/{bank.title}"
    parts = [f"// {source_note(bank, site)}\n", "// Import: Moodle, Question bank, Import, GIFT.\n"]
    for group in groups(bank):
        parts.append(f"\n$CATEGORY: {top}/{group.label}\n")
        parts += ["\n" + question(bank, q, site) for _, asked in group.scenarios for q in asked]
    return "".join(parts).encode("utf-8")


def filename(bank: Bank) -> str:
    return f"{bank.id}-{version(bank)}-{SUFFIX}"
