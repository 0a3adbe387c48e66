"""The precompiled Python the browser loads: the quiz package and a trimmed standard library.

Pyodide's own `python_stdlib.zip` holds 559 sources, compiled at every boot. Instead the
build runs python_stdlib.mjs (Pyodide under Node, the same CPython 3.14 as the browser's)
to trace what start-up and the engine import, compile just those modules to sourceless
.pyc and prove the trimmed runtime answers every traced request as the full one does.
That takes seconds, so the result is cached in .cache/ under a key of all its inputs.
A module the engine needs but Pyodide lacks stops the build with the module's name.
A helper of the quiz-wheel plugin (quiz_wheel.py), not a plugin itself.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from mkdocs.exceptions import PluginError

HERE = Path(__file__).resolve().parent
SCRIPTS = ("python_stdlib.py", "python_stdlib.mjs", "python_stdlib_compile.py",
           "python_stdlib_trace.py")
# Modules kept although the trace does not import them: codecs Python falls back to
# when text names an encoding explicitly (plain ASCII, Latin-1), cheap insurance
# against a reader's browser taking a path the trace in Node did not.
SAFETY = ["encodings.ascii", "encodings.latin_1"]
# The standard library drops docstrings and asserts (-OO): 330 kB less gzip, and
# CPython supports running its stdlib that way. The quiz package is compiled as
# written (its asserts stay).
OPTIMIZE = {"stdlib": 2, "quiz": 0}
KEEP_CACHED = 6  # cached builds kept (mkdocs serve makes one per edit of quiz/)


def minimal_lock(pyodide: Path) -> dict[str, object]:
    """Pyodide's lock file without its 357 packages (the site loads none of them)."""
    lock = json.loads((pyodide / "pyodide-lock.json").read_text(encoding="utf-8"))
    return {"info": lock["info"], "packages": {}}


def sources_key(project: Path, pyodide: Path) -> str:
    digest = hashlib.sha256()
    digest.update((pyodide / "package.json").read_bytes())
    digest.update(json.dumps([SAFETY, OPTIMIZE]).encode())
    for name in SCRIPTS:
        digest.update((HERE / name).read_bytes())
    for path in sorted((project / "quiz").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(project).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def run_node(pyodide: Path, wheel: Path, out: Path) -> None:
    node = shutil.which("node")
    if not node:
        raise PluginError("Node.js 20 or newer is needed to precompile Python for the site.")
    settings = {"safety": SAFETY, "optimize": OPTIMIZE, "lock": minimal_lock(pyodide),
                "missingHint": "which Pyodide's standard library does not have (or add it to "
                               "SAFETY in overrides/walk_away/python_stdlib.py)"}
    (out / "settings.json").write_text(json.dumps(settings), encoding="utf-8")
    run = subprocess.run(
        [node, str(HERE / "python_stdlib.mjs"), str(pyodide), str(wheel), str(out),
         str(out / "settings.json")],
        capture_output=True, text=True, timeout=600, check=False,
    )
    if run.returncode != 0:
        raise PluginError("Precompiling Python for the site failed: "
                          + (run.stderr.strip() or run.stdout.strip())[-2000:])


def precompiled(project: Path, pyodide: Path, build_wheel: Callable[[Path], Path]) -> Path:
    """A folder with quiz.zip, python_stdlib.zip, report.json: cached, or built now."""
    cache = project / ".cache" / "python-runtime"
    folder = cache / sources_key(project, pyodide)
    if (folder / "report.json").is_file():
        os.utime(folder)  # recently used: pruned last
        return folder
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=cache) as tmp:
        work = Path(tmp)
        run_node(pyodide, build_wheel(work), work)
        (work / "settings.json").unlink()
        for wheel in work.glob("*.whl"):
            wheel.unlink()
        try:
            work.rename(folder)  # whole, or not at all (builds may run side by side)
        except OSError:
            if not (folder / "report.json").is_file():
                raise
        Path(tmp).mkdir(exist_ok=True)  # for TemporaryDirectory's clean-up
    builds = [p for p in cache.iterdir() if not p.name.startswith("tmp")]  # not in progress
    for old in sorted(builds, key=lambda p: p.stat().st_mtime)[:-KEEP_CACHED]:
        shutil.rmtree(old, ignore_errors=True)
    return folder
