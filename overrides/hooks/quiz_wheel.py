"""Build the quiz wheel from the current sources into every build of the site.

The browser's worker reads assets/quiz/runtime.json to find the wheel (in a folder
named by its hash, so it can be cached forever), its integrity hash and Pyodide.
`mkdocs serve` watches quiz/ and rebuilds on change.
"""

from __future__ import annotations

import base64
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

import quiz.loading


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


def on_pre_build(config: MkDocsConfig) -> None:
    quiz.loading.clear_cache()  # so `mkdocs serve` renders edited banks


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    server.watch(str(root(config) / "quiz"))
    return server


def on_post_build(config: MkDocsConfig) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        wheel = build_wheel(root(config), Path(tmp))
        data = wheel.read_bytes()
    digest = hashlib.sha256(data)
    folder = Path(config.site_dir) / "assets" / "quiz"
    (folder / digest.hexdigest()[:16]).mkdir(parents=True, exist_ok=True)
    (folder / digest.hexdigest()[:16] / wheel.name).write_bytes(data)
    runtime = {
        "pyodide": "../../" + config.extra["pyodide_path"],
        "wheel": f"{digest.hexdigest()[:16]}/{wheel.name}",
        "integrity": "sha256-" + base64.b64encode(digest.digest()).decode(),
        "sha256": digest.hexdigest(),
    }
    (folder / "runtime.json").write_text(json.dumps(runtime, indent=2) + "\n", encoding="utf-8")
