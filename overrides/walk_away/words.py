"""The page's words, from Python: quiz/wording.py's PAGE as one JSON block a page, and
the theme's own words for our templates.

Templates get `word(key, name=value)` (quiz.wording.theme_word: THEME's words, then
PAGE's) for the words they show, and `page_words`, which overrides/theme/main.html writes after
Material's own `__config` block, as <script id="__words" type="application/json">, and
the page scripts read it through word() in docs/assets/javascripts/quiz-words.js. Every
page carries it, so instant navigation to a quiz page finds it whatever page came first.
A JSON block does not run, so the Content Security Policy does not hash it.
"""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files

from quiz import wording


class WordsConfig(Config):
    """No options."""


class WordsPlugin(BasePlugin[WordsConfig]):
    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        env.globals["page_words"] = wording.PAGE
        env.globals["word"] = wording.theme_word  # partials/comments.html, copyright.html
        return env
