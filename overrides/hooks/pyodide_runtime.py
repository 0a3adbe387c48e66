"""Self-host the pinned Pyodide runtime: copy the files the browser needs from node_modules.

Versioned folder (assets/pyodide/<version>/) so hosts can cache it forever. Pyodide's
standard library and lock file are not copied: the browser gets a precompiled, trimmed
standard library and a minimal lock file instead (python_stdlib.py, quiz_wheel.py).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
BUILD_FILES = ("python_stdlib.zip", "pyodide-lock.json")  # read by the build only


def source(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent / "node_modules" / "pyodide"


def version(config: MkDocsConfig) -> str:
    package = json.loads((source(config) / "package.json").read_text(encoding="utf-8"))
    return str(package["version"])


def site_path(config: MkDocsConfig) -> str:
    """Where the site keeps Pyodide: versioned, so hosts can cache it forever."""
    return f"assets/pyodide/{version(config)}/"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    package = source(config)
    missing = [f for f in ("package.json", *FILES, *BUILD_FILES) if not (package / f).is_file()]
    if missing:
        raise PluginError(
            f"The Pyodide runtime is missing from {package} ({', '.join(missing)}). "
            "Set up the project with `./dev serve` (or run `npm ci`), then build again."
        )
    return config


def on_post_build(config: MkDocsConfig) -> None:
    target = Path(config.site_dir) / site_path(config)
    target.mkdir(parents=True, exist_ok=True)
    for name in FILES:
        src, dest = source(config) / name, target / name
        # `mkdocs serve` rebuilds often: skip the 11 MB copy when nothing changed.
        if not dest.exists() or dest.stat().st_size != src.stat().st_size:
            shutil.copyfile(src, dest)
