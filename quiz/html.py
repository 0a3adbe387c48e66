"""HTML pieces every kind of bank's form is made of.

Inputs carry question ids as names and option ids as values, so a form's answers are
the engine's answer shape. Explanations and correct answers are not in the page: they
arrive from the engine once the reader checks an answer.
"""

from __future__ import annotations

from html import escape

from .model import Bank, Option, Question
from .wording import page_word


def paragraphs(text: str) -> str:
    return "".join(f"<p>{escape(' '.join(p.split()))}</p>" for p in text.split("\n\n")
                   if p.strip())


def option_input(question: Question, option: Option) -> str:
    kind = "radio" if question.kind == "single" else "checkbox"
    # The page script unchecks the other options when an exclusive one is chosen.
    exclusive = " data-exclusive" if option.exclusive else ""
    return (f'<label class="quiz-option"><input type="{kind}" name="{escape(question.id)}" '
            f'value="{escape(option.id)}"{exclusive}> <span>{escape(option.label)}</span>'
            "</label>")


def question_fieldset(bank: Bank, question: Question, label: str, *, checkable: bool) -> str:
    legend = f"{bank.id}--{question.id}--legend"
    options = "".join(option_input(question, o) for o in question.options)
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
        f'{escape(page_word("action.check"))}<span class="sr-only"> {escape(label)}</span>'
        "</button>"
        f'<div class="quiz-feedback" role="status" data-feedback="{qid}"></div>'
    )
