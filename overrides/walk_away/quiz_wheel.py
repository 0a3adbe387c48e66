"""Put the Python the browser's worker loads into every build, and describe it in runtime.json.

From the current sources: the quiz package and a trimmed standard library, both
precompiled (python_stdlib.py), each in a folder named by its hash so it can be cached
forever. assets/quiz/runtime.json tells the worker where they are, their integrity
hashes and sizes (for download progress), where Pyodide is, and Pyodide's lock file
cut to what start-up reads. `mkdocs serve` watches quiz/ and rebuilds on change.
"""

from __future__ import annotations

import base64
import functools
import gzip
import hashlib
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin

import quiz.loading
from walk_away.pyodide import FILES, site_path, source
from walk_away.python_stdlib import minimal_lock, precompiled


def root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent


def build_wheel(project: Path, out: Path) -> Path:
    run = subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(out)],
        cwd=project, capture_output=True, text=True, check=False,
    )
    if run.returncode != 0:
        raise PluginError(f"Building the quiz wheel failed:\n{run.stderr or run.stdout}")
    return next(out.glob("*.whl"))


def publish(file: Path, folder: Path) -> dict[str, Any]:
    """Copy `file` into folder/<hash>/; its address (relative to folder), hash and size."""
    data = file.read_bytes()
    digest = hashlib.sha256(data)
    (folder / digest.hexdigest()[:16]).mkdir(parents=True, exist_ok=True)
    (folder / digest.hexdigest()[:16] / file.name).write_bytes(data)
    return {"url": f"{digest.hexdigest()[:16]}/{file.name}", "size": len(data),
            "integrity": "sha256-" + base64.b64encode(digest.digest()).decode()}


@functools.cache
def gzip_size(file: Path) -> int:
    return len(gzip.compress(file.read_bytes(), 6))


class QuizWheelConfig(Config):
    """No options."""


class QuizWheelPlugin(BasePlugin[QuizWheelConfig]):
    def on_pre_build(self, config: MkDocsConfig) -> None:
        quiz.loading.clear_cache()  # so `mkdocs serve` renders edited banks

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig,
                 builder: Any) -> LiveReloadServer:
        server.watch(str(root(config) / "quiz"))
        return server

    def on_post_build(self, config: MkDocsConfig) -> None:
        project, pyodide = root(config), source(config)
        built = precompiled(project, pyodide, lambda out: build_wheel(project, out))
        folder = Path(config.site_dir) / "assets" / "quiz"
        stdlib = publish(built / "python_stdlib.zip", folder)
        package = publish(built / "quiz.zip", folder)
        files = [*(pyodide / f for f in FILES), built / "python_stdlib.zip", built / "quiz.zip"]
        runtime = {
            "pyodide": "../../" + site_path(config),
            "wasm": {"size": (pyodide / "pyodide.asm.wasm").stat().st_size},
            "stdlib": stdlib,
            "quiz": package,
            "download": sum(gzip_size(f) for f in files),  # about this much, compressed
            "lock": minimal_lock(pyodide),
        }
        (folder / "runtime.json").write_text(json.dumps(runtime, indent=2) + "\n",
                                             encoding="utf-8")
