"""Check the Giscus comments settings: all four set (comments on) or all empty (off).

Settings (mkdocs.yml, `extra.comments.giscus`): repo (owner/name), repo_id, category,
category_id, as giscus.app shows them for your repository. Pages opt in with
`comments: true` in their front matter; overrides/partials/comments.html renders the
"Show comments" button and docs/assets/javascripts/comments.js loads Giscus on click.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, MutableMapping
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

KEYS = ("repo", "repo_id", "category", "category_id")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    comments = config.extra["comments"] = config.extra.get("comments") or {}
    giscus = comments.get("giscus") if isinstance(comments, MutableMapping) else None
    if giscus is None and isinstance(comments, MutableMapping):
        giscus = comments["giscus"] = {}
    if not isinstance(giscus, MutableMapping):
        raise PluginError("Setting extra.comments.giscus in mkdocs.yml: expected the keys "
                          + ", ".join(KEYS) + ".")
    values: dict[str, Any] = {key: giscus.get(key) or "" for key in KEYS}
    for key, value in values.items():
        if not isinstance(value, str):
            raise PluginError(f"Setting extra.comments.giscus.{key} in mkdocs.yml: "
                              "expected text.")
    set_keys = [key for key in KEYS if values[key].strip()]
    if set_keys and len(set_keys) != len(KEYS):
        missing = ", ".join(f"extra.comments.giscus.{k}" for k in KEYS if k not in set_keys)
        raise PluginError(f"Setting {missing} in mkdocs.yml: empty, but the other Giscus "
                          "settings are set. Set all four (see giscus.app) or none.")
    if set_keys and not re.fullmatch(r"[\w.-]+/[\w.-]+", values["repo"].strip()):
        raise PluginError("Setting extra.comments.giscus.repo in mkdocs.yml: "
                          f"{values['repo']!r} is not an owner/name repository.")
    giscus.update({key: value.strip() for key, value in values.items()})
    config.extra["comments_enabled"] = bool(set_keys)  # for the template
    return config


def enabled(config: MkDocsConfig) -> bool:
    """Comments are on when all four Giscus settings are set (on_config checks them)."""
    comments = config.extra.get("comments")
    giscus = comments.get("giscus") if isinstance(comments, Mapping) else None
    return isinstance(giscus, Mapping) and all(
        isinstance(giscus.get(k), str) and giscus[k].strip() for k in KEYS)
