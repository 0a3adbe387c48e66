"""Accessible names that Material's templates leave out, added to the built pages.

A post-processing step rather than copies of the theme's templates: each fix names
exactly the markup it changes, and the accessibility tests fail if the theme changes.
"""

from __future__ import annotations

from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.pages import Page

FIXES = (
    # The search overlay is a dialog and needs a name (axe: aria-dialog-name).
    ('<div class="md-search" data-md-component="search" role="dialog">',
     '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search">'),
)


class ThemeFixesConfig(Config):
    """No options."""


class ThemeFixesPlugin(BasePlugin[ThemeFixesConfig]):
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        for old, new in FIXES:
            output = output.replace(old, new)
        return output
