"""The build's trimmed standard library: a module it cannot find stops the build by name."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from walk_away import python_stdlib
from walk_away.quiz_wheel import build_wheel

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.pyodide


def test_a_needed_module_missing_from_pyodide_stops_the_build_naming_it(tmp_path: Path) -> None:
    node = shutil.which("node")
    assert node, "Node.js is needed to run Pyodide: install Node >= 20"
    wheel = build_wheel(ROOT, tmp_path)
    pyodide = ROOT / "node_modules" / "pyodide"
    settings = {"safety": [*python_stdlib.SAFETY, "walk_away_no_such_module"],
                "optimize": python_stdlib.OPTIMIZE, "lock": python_stdlib.minimal_lock(pyodide),
                "missingHint": "hint"}
    (tmp_path / "settings.json").write_text(json.dumps(settings), encoding="utf-8")
    script = python_stdlib.HERE / "python_stdlib.mjs"
    run = subprocess.run([node, str(script), str(pyodide), str(wheel),
                          str(tmp_path), str(tmp_path / "settings.json")],
                         capture_output=True, text=True, timeout=300, check=False)
    assert run.returncode == 2
    assert "'walk_away_no_such_module'" in run.stderr
    assert not (tmp_path / "python_stdlib.zip").exists()
