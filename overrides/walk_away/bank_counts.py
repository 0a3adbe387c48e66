"""Counts in prose come from the banks, so a page cannot say "fourteen" of a 60-scenario bank.

In a page's own Markdown:
  {{ banks.<bank id>.scenarios }}   how many scenarios a self-check has
  {{ banks.<bank id>.questions }}   how many questions a bank asks
  {{ banks.<bank id>.round }}       how many scenarios one practice round shows
An unknown bank or count stops the build with the page, the placeholder and what is known.
Its on_page_markdown runs early (priority 50): the links plugin, at the default priority,
stops the build on any placeholder still left.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from quiz.loading import bank_ids, load_bank
from quiz.model import Bank

PLACEHOLDER = re.compile(r"\{\{\s*banks\.([^\s.}]+)\.([^\s.}]+)\s*\}\}")
COUNTS: dict[str, Callable[[Bank], int | None]] = {
    "scenarios": lambda bank: len(bank.scenarios) or None,
    "questions": lambda bank: len(bank.questions),
    "round": lambda bank: bank.rounds.size if bank.rounds else None,
}


def count(bank_id: str, name: str, where: str) -> str:
    if bank_id not in bank_ids():
        raise PluginError(f"{where}: no bank {bank_id!r} for {{{{ banks.{bank_id}.{name} }}}}; "
                          f"known banks: {', '.join(bank_ids())}")
    value = COUNTS[name](load_bank(bank_id)) if name in COUNTS else None
    if value is None:
        known = [n for n, get in COUNTS.items() if get(load_bank(bank_id)) is not None]
        raise PluginError(f"{where}: bank {bank_id!r} has no count {name!r}; "
                          f"known: {', '.join(known)}")
    return str(value)


class BankCountsConfig(Config):
    """No options."""


class BankCountsPlugin(BasePlugin[BankCountsConfig]):
    @event_priority(50)  # before the links plugin's check for placeholders left over
    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        return PLACEHOLDER.sub(lambda m: count(m[1], m[2], page.file.src_uri), markdown)
