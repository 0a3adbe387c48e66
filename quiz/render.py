"""Build-time HTML for a bank: the ```quiz fence of pymdown-extensions' SuperFences.

The form carries question ids as input names and option ids as values, so a form's
answers are the engine's answer shape. Explanations and correct answers are not in
the page: they arrive from the engine once the reader checks an answer.
"""

from __future__ import annotations

from html import escape
from typing import Any

from . import load_bank
from .bank import Bank, Question, Scenario
from .errors import QuizError


def paragraphs(text: str) -> str:
    return "".join(f"<p>{escape(' '.join(p.split()))}</p>" for p in text.split("\n\n")
                   if p.strip())


def render_question(bank: Bank, question: Question, label: str, *, checkable: bool = True) -> str:
    kind = "radio" if question.kind == "single" else "checkbox"
    legend = f"{bank.id}--{question.id}--legend"
    options = "".join(
        f'<label class="quiz-option"><input type="{kind}" name="{escape(question.id)}" '
        f'value="{escape(o.id)}"> <span>{escape(o.label)}</span></label>'
        for o in question.options
    )
    return (
        f'<fieldset class="quiz-question" data-question="{escape(question.id)}" '
        f'data-kind="{question.kind}">'
        f'<legend id="{escape(legend)}">{escape(question.prompt)}</legend>'
        f'<div class="quiz-options">{options}</div>'
        f"{check_button(question, label) if checkable else ''}"
        "</fieldset>"
    )


def check_button(question: Question, label: str) -> str:
    qid = escape(question.id)
    return (
        f'<button type="button" class="md-button quiz-check" data-check="{qid}">'
        f'Check<span class="sr-only"> {escape(label)}</span></button>'
        f'<div class="quiz-feedback" role="status" data-feedback="{qid}"></div>'
    )


def render_scenario(bank: Bank, scenario: Scenario, number: int, total: int) -> str:
    heading = f"{bank.id}--{scenario.id}"
    questions = [q for q in bank.questions if q.scenario is scenario]
    body = "".join(
        render_question(bank, q, f"your answer to “{q.prompt}” in scenario {number}")
        for q in questions
    )
    return (
        f'<section class="quiz-scenario" aria-labelledby="{escape(heading)}">'
        f'<h2 id="{escape(heading)}" class="quiz-scenario__title">'
        f'<span class="quiz-scenario__number">Scenario {number} of {total}:</span> '
        f"{escape(scenario.title)}</h2>"
        f'<p class="quiz-scenario__topic">{escape(scenario.topic_label)}</p>'
        f'<div class="quiz-scenario__story">{paragraphs(scenario.story)}</div>'
        f"{body}</section>"
    )


def render_statements(bank: Bank) -> str:
    """An assessment: numbered statements, each its own question."""
    items = "".join(f'<li class="quiz-statement">{render_question(bank, q, "", checkable=False)}'
                    "</li>" for q in bank.questions)
    return f'<ol class="quiz-statements">{items}</ol>'


# What the summary is called, per kind of bank.
SUMMARY = {"self-check": ("See my results", "Your results"),
           "assessment": ("See my recommendation", "Your recommendation")}


def render_bank(bank: Bank) -> str:
    if bank.scenarios:
        total = len(bank.scenarios)
        body = "".join(render_scenario(bank, s, n, total) for n, s in enumerate(bank.scenarios, 1))
    else:
        body = render_statements(bank)
    results = f"{bank.id}--results"
    button, heading = SUMMARY[bank.kind]
    return (
        f'<div class="quiz" data-quiz="{escape(bank.id)}" data-bank-hash="{bank.digest}" '
        'data-state="idle">'
        f'<div class="quiz-intro">{paragraphs(bank.intro)}</div>'
        '<p class="quiz-status" role="status" data-quiz-status></p>'
        '<noscript><p class="quiz-note">This is scored by Python in your browser '
        "and needs JavaScript. You can also take it in a terminal: "
        f"<code>python -m quiz take {escape(bank.id)}</code>.</p></noscript>"
        f'<form class="quiz-form" data-quiz-form aria-label="{escape(bank.title)}" novalidate>'
        f"{body}"
        '<div class="quiz-actions">'
        f'<button type="submit" class="md-button md-button--primary">{button}</button> '
        '<button type="button" class="md-button" data-action="start-over">Start over</button>'
        "</div></form>"
        f'<section class="quiz-results" data-quiz-results aria-labelledby="{results}" hidden>'
        f'<h2 id="{results}" tabindex="-1">{heading}</h2>'
        '<div role="status" data-results-body></div></section>'
        "</div>"
    )


def fence(source: str, language: str, css_class: str, options: dict[str, Any], md: Any,
          **kwargs: Any) -> str:
    """SuperFences format function: the fence's body is the bank id.

    A bad bank or an unknown id must stop the build, and SuperFences swallows every
    exception but its own, so the error is re-raised as that one.
    """
    try:
        return render_bank(load_bank(source.strip()))
    except QuizError as error:
        from pymdownx.superfences import SuperFencesException  # type: ignore[import-untyped]

        raise SuperFencesException(f"```quiz fence: {error}") from None
