"""The build's trimmed standard library: a module it cannot find stops the build by name."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HOOKS = ROOT / "overrides" / "hooks"
sys.path.insert(0, str(HOOKS))
import python_stdlib  # noqa: E402 - a hook helper, not a package

pytestmark = pytest.mark.pyodide


def test_a_needed_module_missing_from_pyodide_stops_the_build_naming_it(tmp_path: Path) -> None:
    node = shutil.which("node")
    assert node, "Node.js is needed to run Pyodide: install Node >= 20"
    subprocess.run([sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d",
                    str(tmp_path)], cwd=ROOT, check=True, capture_output=True)
    wheel = next(tmp_path.glob("*.whl"))
    pyodide = ROOT / "node_modules" / "pyodide"
    settings = {"safety": [*python_stdlib.SAFETY, "walk_away_no_such_module"],
                "optimize": python_stdlib.OPTIMIZE, "lock": python_stdlib.minimal_lock(pyodide),
                "missingHint": "hint"}
    (tmp_path / "settings.json").write_text(json.dumps(settings), encoding="utf-8")
    run = subprocess.run([node, str(HOOKS / "python_stdlib.mjs"), str(pyodide), str(wheel),
                          str(tmp_path), str(tmp_path / "settings.json")],
                         capture_output=True, text=True, timeout=300, check=False)
    assert run.returncode == 2
    assert "'walk_away_no_such_module'" in run.stderr
    assert not (tmp_path / "python_stdlib.zip").exists()
