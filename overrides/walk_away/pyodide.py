"""The pinned Pyodide (node_modules/pyodide, from package.json): where it is, what browsers need.

A helper shared by the pyodide-runtime plugin (which copies the files) and the quiz-wheel
plugin (which points runtime.json at them); not a plugin itself.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")  # what a browser loads
BUILD_FILES = ("python_stdlib.zip", "pyodide-lock.json")  # read by the build only


def source(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent / "node_modules" / "pyodide"


def version(config: MkDocsConfig) -> str:
    package = json.loads((source(config) / "package.json").read_text(encoding="utf-8"))
    return str(package["version"])


def site_path(config: MkDocsConfig) -> str:
    """Where the site keeps Pyodide: versioned, so hosts can cache it forever."""
    return f"assets/pyodide/{version(config)}/"
