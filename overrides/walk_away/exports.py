"""The instructors' downloads: each self-check bank as QTI 2.1, Moodle XML and GIFT.

Built from the bank the pages use, at build time (quiz.export, the same code as
`python -m quiz export`), with the guide's links at site_url, and published under
downloads/, each named with the bank's version. In a page's own Markdown:
  {{ exports.<bank id>.qti }}  {{ exports.<bank id>.moodle }}  {{ exports.<bank id>.gift }}
      the download's address, relative to the page (a link MkDocs checks like any other)
  {{ exports.<bank id>.version }}   the bank's version the downloads are named with
An unknown bank, format or field stops the build. Its on_page_markdown runs early
(priority 50): the links plugin stops the build on any placeholder still left.
"""

from __future__ import annotations

import re

from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from quiz.export import EXPORTABLE, FORMATS, export, version
from quiz.loading import bank_ids, load_bank

FOLDER = "downloads"
PLACEHOLDER = re.compile(r"\{\{\s*exports\.([^\s.}]+)\.([^\s.}]+)\s*\}\}")


class ExportsConfig(Config):
    """No options: every self-check bank, in every format."""


class ExportsPlugin(BasePlugin[ExportsConfig]):
    def __init__(self) -> None:
        self.paths: dict[str, dict[str, str]] = {}  # bank id -> format -> path in the site
        self.versions: dict[str, str] = {}

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        self.paths, self.versions = {}, {}
        for bank_id in bank_ids():
            bank = load_bank(bank_id)  # a broken bank stops the build, field by field
            if bank.kind not in EXPORTABLE:
                continue
            self.versions[bank_id] = version(bank)
            for name in sorted(FORMATS):
                result = export(bank, name, config.site_url)
                path = f"{FOLDER}/{result.filename}"
                files.append(File.generated(config, path, content=result.content))
                self.paths.setdefault(bank_id, {})[name] = path
        return files

    @event_priority(50)  # before the links plugin's check for placeholders left over
    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        return PLACEHOLDER.sub(lambda m: self.value(m[1], m[2], page), markdown)

    def value(self, bank_id: str, field: str, page: Page) -> str:
        where = f"{page.file.src_uri}: {{{{ exports.{bank_id}.{field} }}}}"
        if bank_id not in self.paths:
            raise PluginError(f"{where}: no exported bank {bank_id!r}; exported: "
                              f"{', '.join(sorted(self.paths)) or 'none'}")
        if field == "version":
            return self.versions[bank_id]
        if field not in self.paths[bank_id]:
            raise PluginError(f"{where}: no such field; known: version, "
                              f"{', '.join(sorted(self.paths[bank_id]))}")
        return get_relative_url(self.paths[bank_id][field], page.file.src_uri)
