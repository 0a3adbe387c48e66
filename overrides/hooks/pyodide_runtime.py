"""Self-host the pinned Pyodide runtime: copy its files from node_modules into the site.

Versioned folder (assets/pyodide/<version>/) so hosts can cache it forever.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip",
         "pyodide-lock.json")


def source(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent / "node_modules" / "pyodide"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    package = source(config)
    missing = [f for f in ("package.json", *FILES) if not (package / f).is_file()]
    if missing:
        raise PluginError(
            f"The Pyodide runtime is missing from {package} ({', '.join(missing)}). "
            "Set up the project with `./dev serve` (or run `npm ci`), then build again."
        )
    version = json.loads((package / "package.json").read_text(encoding="utf-8"))["version"]
    config.extra["pyodide_path"] = f"assets/pyodide/{version}/"
    return config


def on_post_build(config: MkDocsConfig) -> None:
    target = Path(config.site_dir) / config.extra["pyodide_path"]
    target.mkdir(parents=True, exist_ok=True)
    for name in FILES:
        src, dest = source(config) / name, target / name
        # `mkdocs serve` rebuilds often: skip the 13 MB copy when nothing changed.
        if not dest.exists() or dest.stat().st_size != src.stat().st_size:
            shutil.copyfile(src, dest)
