"""Mark links to pages with a quiz, so the page script can start Python on intent.

A reader pointing at or focusing such a link is likely to open it: quiz.js then starts
Python early. MkDocs renders every page (on_page_content) before it fills any template
(on_post_page), so every quiz page is known before any link is marked. Links stay
relative, so a sub-path deploy works unchanged.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from quiz.render import QUIZ_ROOT

ORIGIN = "http://site.invalid/"  # resolves page-relative links; never requested
LINK = re.compile(r'<a\b(?P<attrs>[^>]*?)\bhref="(?P<href>[^"]*)"')


class QuizLinksConfig(Config):
    """No options."""


class QuizLinksPlugin(BasePlugin[QuizLinksConfig]):
    quiz_pages: set[str]  # paths of this build's pages with a quiz

    def on_pre_build(self, config: MkDocsConfig) -> None:
        self.quiz_pages = set()

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig,
                        files: Files) -> str:
        if f'{QUIZ_ROOT}="' in html:
            self.quiz_pages.add(urlsplit(urljoin(ORIGIN, page.url)).path)
        return html

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        here = urljoin(ORIGIN, page.url)

        def mark(link: re.Match[str]) -> str:
            target = urlsplit(urljoin(here, link["href"]))
            if target.netloc != urlsplit(ORIGIN).netloc or target.path not in self.quiz_pages:
                return link[0]
            return f"{link[0]} data-quiz-link"
        return LINK.sub(mark, output)
