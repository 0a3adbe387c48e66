"""Mark links to pages with a quiz, so the page script can start Python on intent.

A reader pointing at or focusing such a link is likely to open it: quiz.js then starts
Python early. Pages are rendered (on_page_content, every page) before their templates
(on_post_page), so every quiz page is known before any link is marked. Links stay
relative, so a sub-path deploy works unchanged.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urljoin, urlsplit

from mkdocs.config.defaults import MkDocsConfig

from quiz.render import QUIZ_ROOT

ORIGIN = "http://site.invalid/"  # resolves page-relative links; never requested
LINK = re.compile(r'<a\b(?P<attrs>[^>]*?)\bhref="(?P<href>[^"]*)"')
_quiz_pages: set[str] = set()


def on_pre_build(config: MkDocsConfig) -> None:
    _quiz_pages.clear()


def on_page_content(html: str, page: Any, config: MkDocsConfig, files: Any) -> str:
    if f'{QUIZ_ROOT}="' in html:
        _quiz_pages.add(urlsplit(urljoin(ORIGIN, page.url)).path)
    return html


def on_post_page(output: str, page: Any, config: MkDocsConfig) -> str:
    here = urljoin(ORIGIN, page.url)

    def mark(link: re.Match[str]) -> str:
        target = urlsplit(urljoin(here, link["href"]))
        if target.netloc != urlsplit(ORIGIN).netloc or target.path not in _quiz_pages:
            return link[0]
        return f'{link[0]} data-quiz-link'
    return LINK.sub(mark, output)
