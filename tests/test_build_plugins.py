"""The site's build plugins (overrides/walk_away/): their order, their settings, what they publish.

Order is stated by each plugin (`@event_priority`), not by its place under `plugins:`;
settings are checked once, by each plugin's schema; the build's own helpers never reach
the built site.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from mkdocs.config import load_config
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.utils import yaml_load

import walk_away
from quiz.render import QUIZ_ROOT
from walk_away.bank_counts import BankCountsPlugin
from walk_away.comments import CommentsPlugin
from walk_away.csp import CspPlugin, third_parties
from walk_away.links import LinksPlugin

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = Path(walk_away.__file__).parent
PAGE = ('<!doctype html><html><head><meta charset="utf-8"><title>t</title>'
        '<script>var theme = 1;</script></head><body><a href="../self-check/">go</a>'
        "</body></html>")


def site_config(reverse: bool = False, **settings: dict[str, Any]) -> MkDocsConfig:
    """mkdocs.yml as MkDocs loads it; `reverse` lists the plugins the other way round;
    `settings` replaces a plugin's options (by its name)."""
    with open(ROOT / "mkdocs.yml", "rb") as file:
        plugins: dict[str, Any] = yaml_load(file)["plugins"]
    plugins |= settings
    if reverse:
        plugins = dict(reversed(plugins.items()))
    return load_config(str(ROOT / "mkdocs.yml"), plugins=plugins)


def owner(handler: Any) -> object:
    return handler.__self__


@pytest.mark.parametrize("reverse", [False, True], ids=["as listed", "listed backwards"])
def test_plugins_state_their_order_whatever_the_list(reverse: bool) -> None:
    events = site_config(reverse=reverse).plugins.events
    assert isinstance(owner(events["post_page"][-1]), CspPlugin)
    assert len(events["post_page"]) > 2  # it comes after the others, not alone
    markdown = [type(owner(handler)) for handler in events["page_markdown"]]
    assert markdown.index(BankCountsPlugin) < markdown.index(LinksPlugin)


class NoOptions(Config):
    pass


class LateChange(BasePlugin[NoOptions]):
    """A plugin listed after csp that still changes the page: a script of its own."""

    def on_post_page(self, output: str, page: Any, config: MkDocsConfig) -> str:
        return output.replace("</body>", "<script>var late = 2;</script></body>")


def sha256(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


def test_the_policy_is_computed_after_every_other_change_to_the_page() -> None:
    config = site_config()
    config.plugins["late-change"] = LateChange()  # registered last, at the default priority
    config = config.plugins.on_config(config)
    config.plugins.on_pre_build(config=config)
    quiz_page = SimpleNamespace(url="self-check/", file=SimpleNamespace(src_uri="self-check.md"))
    config.plugins.on_page_content(f'<form {QUIZ_ROOT}="x">', page=quiz_page, config=config,
                                   files=None)
    page = SimpleNamespace(url="guide/", file=SimpleNamespace(src_uri="guide/index.md"))
    html = config.plugins.on_post_page(PAGE, page=page, config=config)
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert policy, html
    assert sha256("var theme = 1;") in policy[1]
    assert sha256("var late = 2;") in policy[1]  # the late plugin's script is allowed
    assert 'href="../self-check/" data-quiz-link' in html  # the other plugins' changes
    assert html.index("Content-Security-Policy") < html.index("<script")


def test_third_parties_come_from_the_configured_features() -> None:
    shipped = site_config()
    assert third_parties(shipped.plugins.on_config(shipped)) == {
        "script-src": [], "frame-src": [], "style-src": []}
    custom = site_config(**{
        "walk-away/links": {
            "video": {"url": "https://youtu.be/AbC_dEf-123", "title": "A video"},
            "article": {"url": "article.md", "title": "The article"},
            "suggest_topic": "https://example.org/topics"},
        "walk-away/comments": {"repo": "a/b", "repo_id": "R", "category": "C",
                               "category_id": "D"},
    })
    origins = third_parties(custom.plugins.on_config(custom))
    assert origins["frame-src"] == ["https://www.youtube-nocookie.com", "https://giscus.app"]
    assert origins["script-src"] == origins["style-src"] == ["https://giscus.app"]


@pytest.mark.parametrize(("options", "key", "message"), [
    ({"repo": "a/b", "repo_id": "R", "category": "C"}, "category_id",
     "empty, but the other Giscus settings are set"),
    ({"repo": "a b", "repo_id": "R", "category": "C", "category_id": "D"}, "repo",
     "'a b' is not an owner/name repository"),
    ({"repo": 7}, "repo", "Expected type"),
])
def test_comments_settings_are_all_or_none(options: dict[str, object], key: str,
                                           message: str) -> None:
    errors, _ = CommentsPlugin().load_config(options)
    assert [k for k, _ in errors] == [key]
    assert message in str(errors[0][1])
    assert CommentsPlugin().load_config({}) == ([], [])  # none: comments off


def test_build_helpers_are_not_published(site_dir: Path) -> None:
    helpers = {p.name for p in PACKAGE.iterdir() if p.is_file()}
    assert "python_stdlib.mjs" in helpers
    published = [p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file()]
    assert [p for p in published if p.rsplit("/", 1)[-1] in helpers] == []
    assert [p for p in published if p.endswith(".py")] == []
    assert [p for p in published if p.endswith(".mjs") and not p.startswith("assets/pyodide/")
            ] == []
