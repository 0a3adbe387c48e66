"""Self-host the pinned Pyodide runtime: copy the files the browser needs from node_modules.

Versioned folder (assets/pyodide/<version>/) so hosts can cache it forever. Pyodide's
standard library and lock file are not copied: the browser gets a precompiled, trimmed
standard library and a minimal lock file instead (the quiz-wheel plugin).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from walk_away.pyodide import BUILD_FILES, FILES, site_path, source


class PyodideRuntimeConfig(Config):
    """No options."""


class PyodideRuntimePlugin(BasePlugin[PyodideRuntimeConfig]):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        package = source(config)
        missing = [f for f in ("package.json", *FILES, *BUILD_FILES)
                   if not (package / f).is_file()]
        if missing:
            raise PluginError(
                f"The Pyodide runtime is missing from {package} ({', '.join(missing)}). "
                "Set up the project with `./dev serve` (or run `npm ci`), then build again."
            )
        return config

    def on_post_build(self, config: MkDocsConfig) -> None:
        target = Path(config.site_dir) / site_path(config)
        target.mkdir(parents=True, exist_ok=True)
        for name in FILES:
            src, dest = source(config) / name, target / name
            # `mkdocs serve` rebuilds often: skip the 11 MB copy when nothing changed.
            if not dest.exists() or dest.stat().st_size != src.stat().st_size:
                shutil.copyfile(src, dest)
