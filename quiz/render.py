"""Build-time HTML for a bank: the ```quiz fence of pymdown-extensions' SuperFences.

The form's body comes from the bank's kind (quiz.kinds); around it, the parts every
quiz has: intro, status line, actions, and the results box. The results box ends with
a marker where site hooks add their own content (the "Learn more" links).
"""

from __future__ import annotations

import functools
import hashlib
from html import escape
from importlib import resources
from typing import Any

from . import wording
from .errors import QuizError
from .html import paragraphs
from .kinds import kind_of
from .loading import load_bank
from .model import Bank

# Where the site adds content after a quiz's results (overrides/walk_away/links.py).
RESULTS_EXTRA = "<!-- quiz:results-extra -->"
# Every quiz's root element has this attribute (its bank id): hooks find quiz pages by it.
QUIZ_ROOT = "data-quiz"


@functools.cache
def engine_digest() -> str:
    """A hash of the engine's own code: its results' wording and shape come from it."""
    digest = hashlib.sha256()
    for file in sorted(resources.files("quiz").iterdir(), key=lambda f: f.name):
        if file.name.endswith(".py"):
            digest.update(file.read_bytes())
    return digest.hexdigest()


def content_hash(bank: Bank) -> str:
    """Saved progress is kept only while the bank and the engine that scored it are the same."""
    return hashlib.sha256((bank.digest + engine_digest()).encode()).hexdigest()[:16]


def render_bank(bank: Bank) -> str:
    kind = kind_of(bank)
    results = f"{bank.id}--results"
    rounds = f' data-rounds="{bank.rounds.size}"' if bank.rounds else ""
    noscript = escape(wording.NOSCRIPT).replace(
        "{command}", f"<code>python -m quiz take {escape(bank.id)}</code>")
    return (
        f'<div class="quiz" {QUIZ_ROOT}="{escape(bank.id)}" '
        f'data-bank-hash="{content_hash(bank)}" data-state="idle"{rounds}>'
        f'<div class="quiz-intro">{paragraphs(bank.intro)}</div>'
        '<p class="quiz-status" role="status" data-quiz-status></p>'
        f'<noscript><p class="quiz-note">{noscript}</p></noscript>'
        f'<form class="quiz-form" data-quiz-form aria-label="{escape(bank.title)}" novalidate>'
        f"{kind.render(bank)}"
        '<div class="quiz-actions">'
        f'<button type="submit" class="md-button md-button--primary">{kind.BUTTON}</button> '
        '<button type="button" class="md-button" data-action="start-over">'
        f'{escape(wording.page_word("action.start-over"))}</button>'
        "</div></form>"
        f'<section class="quiz-results" data-quiz-results aria-labelledby="{results}" hidden>'
        f'<h2 id="{results}" tabindex="-1">{kind.HEADING}</h2>'
        f'<div role="status" data-results-body></div>{RESULTS_EXTRA}</section>'
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
