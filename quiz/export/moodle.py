"""Moodle XML: one category for the bank and one per topic, a multichoice question per
question, the story in each question's text and every answer's explanation as feedback.

Grades: the move is single-answer, every keyed move at 100 % (either earns the mark).
The signs are multiple-answer, worth as many marks as keyed options (defaultgrade), each
keyed option at +1/n and every other at -1/n: Moodle adds the chosen answers' fractions
and keeps the sum between 0 and 1, which is the engine's right minus wrong, floored at 0.
Every fraction is one Moodle accepts (its fixed list), written as Moodle writes it.
"""

from __future__ import annotations

from fractions import Fraction
from xml.sax.saxutils import escape

from ..model import Bank, Question
from .common import (
    check_exportable,
    feedback_html,
    groups,
    identifier,
    max_points,
    question_html,
    question_name,
    source_note,
    version,
    weight,
)

FORMAT = "moodle"
DESCRIPTION = "Moodle XML"
SUFFIX = "moodle.xml"
MEDIA_TYPE = "application/xml"

# Moodle's accepted grades (question_bank::fraction_options_full), as percentages.
ACCEPTED = ("100", "90", "83.33333", "80", "75", "70", "66.66667", "60", "50", "40",
            "33.33333", "30", "25", "20", "16.66667", "14.28571", "12.5", "11.11111",
            "10", "5", "0")


def exact(percentage: str) -> Fraction:
    """The fraction a rounded percentage stands for (33.33333 is a third)."""
    return Fraction(percentage).limit_denominator(1000) / 100


FRACTIONS: dict[Fraction, str] = {exact(p): p for p in ACCEPTED} | {
    -exact(p): f"-{p}" for p in ACCEPTED if p != "0"}


def fraction(value: Fraction) -> str:
    """The percentage Moodle stores for `value`; ValueError if Moodle has no such grade."""
    if value not in FRACTIONS:
        raise ValueError(f"Moodle accepts no grade of {value} (its fixed list of fractions)")
    return FRACTIONS[value]


def text(value: str, indent: str) -> str:
    """A <text> element; HTML in a CDATA section, as Moodle's own export writes it."""
    if "<" not in value:
        return f"{indent}<text>{escape(value)}</text>\n"
    return f"{indent}<text><![CDATA[{value.replace(']]>', ']]]]><![CDATA[>')}]]></text>\n"


def category(path: str, idnumber: str, info: str) -> str:
    return ('  <question type="category">\n'
            f"    <category>\n{text(path, '      ')}    </category>\n"
            f'    <info format="html">\n{text(info, "      ")}    </info>\n'
            f"    <idnumber>{escape(idnumber)}</idnumber>\n"
            "  </question>\n")


def question(bank: Bank, q: Question, site: str) -> str:
    single = q.kind == "single"
    answers = "".join(
        f'    <answer fraction="{fraction(weight(q, o))}" format="html">\n'
        f"{text(o.label, '      ')}"
        f'      <feedback format="html">\n{text(feedback_html(o, site), "        ")}'
        "      </feedback>\n    </answer>\n"
        for o in q.options)
    return (
        '  <question type="multichoice">\n'
        f"    <name>\n{text(question_name(q), '      ')}    </name>\n"
        f'    <questiontext format="html">\n{text(question_html(q), "      ")}'
        "    </questiontext>\n"
        f'    <generalfeedback format="html">\n{text("", "      ")}    </generalfeedback>\n'
        f"    <defaultgrade>{max_points(q)}</defaultgrade>\n"
        "    <penalty>0</penalty>\n"
        "    <hidden>0</hidden>\n"
        f"    <idnumber>{escape(identifier(bank, q))}</idnumber>\n"
        f"    <single>{'true' if single else 'false'}</single>\n"
        "    <shuffleanswers>false</shuffleanswers>\n"
        "    <answernumbering>abc</answernumbering>\n"
        "    <showstandardinstruction>0</showstandardinstruction>\n"
        f'    <correctfeedback format="html">\n{text("", "      ")}    </correctfeedback>\n'
        '    <partiallycorrectfeedback format="html">\n'
        f'{text("", "      ")}    </partiallycorrectfeedback>\n'
        f'    <incorrectfeedback format="html">\n{text("", "      ")}    </incorrectfeedback>\n'
        f"{answers}"
        "  </question>\n")


def export(bank: Bank, site: str) -> bytes:
    check_exportable(bank)
    note = source_note(bank, site)
    top = f"$course$/top/{bank.title}"
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n',
             f"<!-- {escape(note).replace('--', '- -')} -->\n", "<quiz>\n",
             category(top, bank.id, f"<p>{escape(note)}</p>")]
    for group in groups(bank):
        parts.append(category(f"{top}/{group.label}", f"{bank.id}.{group.topic}",
                              f"<p>{escape(bank.title)}: {escape(group.label)}</p>"))
        parts += [question(bank, q, site) for _, asked in group.scenarios for q in asked]
    parts.append("</quiz>\n")
    return "".join(parts).encode("utf-8")


def filename(bank: Bank) -> str:
    return f"{bank.id}-{version(bank)}-{SUFFIX}"


__all__ = ["ACCEPTED", "FRACTIONS", "export", "filename", "fraction"]
