"""Giscus comments (GitHub Discussions), on pages that ask for them, when configured.

Settings (mkdocs.yml, `plugins:` → `walk-away/comments:`): repo (owner/name), repo_id,
category, category_id, as giscus.app shows them for your repository. All four empty
(shipped): no comments. All four set: pages with `comments: true` in their front matter
get a "Show comments" button. MkDocs checks them against CommentsConfig before the build
starts; a wrong value stops it with a message naming the option.

Templates get `giscus` as a global: the four values, or None when comments are off
(overrides/theme/partials/comments.html renders the button, and
docs/assets/javascripts/comments.js loads Giscus when it is pressed).
"""

from __future__ import annotations

import re

from jinja2 import Environment
from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ConfigErrors, ConfigWarnings, ValidationError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files

KEYS = ("repo", "repo_id", "category", "category_id")
REPOSITORY = re.compile(r"[\w.-]+/[\w.-]+")
ORIGIN = "https://giscus.app"


class CommentsConfig(Config):
    repo = c.Type(str, default="")
    repo_id = c.Type(str, default="")
    category = c.Type(str, default="")
    category_id = c.Type(str, default="")

    def validate(self) -> tuple[ConfigErrors, ConfigWarnings]:
        failed, warnings = super().validate()
        if failed:
            return failed, warnings
        values = {key: str(self[key]).strip() for key in KEYS}
        empty = [key for key in KEYS if not values[key]]
        if empty and len(empty) != len(KEYS):
            failed += [(key, ValidationError("empty, but the other Giscus settings are set. "
                                             "Set all four (see giscus.app) or none."))
                       for key in empty]
        elif not empty and not REPOSITORY.fullmatch(values["repo"]):
            failed.append(("repo", ValidationError(f"{values['repo']!r} is not an owner/name "
                                                   "repository.")))
        return failed, warnings


class CommentsPlugin(BasePlugin[CommentsConfig]):
    giscus: dict[str, str] | None  # the four values when comments are on

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        values = {key: str(self.config[key]).strip() for key in KEYS}
        self.giscus = values if all(values.values()) else None
        return config

    def third_parties(self) -> dict[str, list[str]]:
        """For the Content Security Policy: Giscus's script, frame and widget styles."""
        if self.giscus is None:
            return {}
        return {directive: [ORIGIN] for directive in ("script-src", "frame-src", "style-src")}

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        env.globals["giscus"] = self.giscus  # partials/comments.html
        return env
