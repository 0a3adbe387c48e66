"""Compiling to sourceless .pyc, run inside Pyodide under Node by python_stdlib.mjs.

Files are compiled by Pyodide's own CPython, so the bytecode matches the browser's.
`legacy=True` puts `name.pyc` where `name.py` was, which zipimport and the path finder
load without a source. Entries are deflated: static hosts rarely compress a .zip, and
deflated entries are only 7 % larger than stored ones served gzip (README, Performance).
"""

from __future__ import annotations

import compileall
import shutil
import sys
import zipfile
from pathlib import Path, PurePosixPath

STDLIB = next(p for p in sys.path if p.endswith(".zip"))  # /lib/python314.zip
EPOCH = (1980, 1, 1, 0, 0, 0)  # fixed entry dates: the same input gives the same zip


def compile_tree(tree: Path, where: str, optimize: int) -> None:
    """Compile every .py under `tree` as if it lived in `where` (names in tracebacks)."""
    if not compileall.compile_dir(tree, ddir=where, quiet=2, legacy=True, optimize=optimize,
                                  workers=1):
        raise RuntimeError(f"compiling {tree} failed")


def sourceless_zip(tree: Path, keep: set[str] | None = None) -> bytes:
    """The .pyc files and data under `tree` (only those in `keep`, if given), no sources."""
    out = Path(f"{tree}.zip")
    with zipfile.ZipFile(out, "w") as archive:
        for path in sorted(p for p in tree.rglob("*") if p.is_file() and p.suffix != ".py"):
            name = path.relative_to(tree).as_posix()
            if keep is None or name in keep or path.suffix != ".pyc":
                entry = zipfile.ZipInfo(name, EPOCH)  # an entry's own type, not the zip's
                archive.writestr(entry, path.read_bytes(), zipfile.ZIP_DEFLATED, 9)
    return out.read_bytes()


QUIZ = Path("/tmp/quiz-package")
SITE_PACKAGES = "/lib/python3.14/site-packages"


def compile_quiz(wheel: str, optimize: int) -> bytes:
    """The quiz package from its wheel: its modules as .pyc, its banks as they are."""
    shutil.rmtree(QUIZ, ignore_errors=True)
    with zipfile.ZipFile(wheel) as archive:
        # Modules and banks only: authors' files beside a bank (its blind-review tally)
        # stay out of what browsers download.
        archive.extractall(QUIZ, [n for n in archive.namelist()
                                  if n.startswith("quiz/") and n.endswith((".py", ".toml"))])
    compile_tree(QUIZ, SITE_PACKAGES, optimize)
    return sourceless_zip(QUIZ)


def trim_quiz(imported: list[str]) -> bytes:
    """The compiled quiz package without the modules the browser never imports (the CLI)."""
    return sourceless_zip(QUIZ, {PurePosixPath(n).with_suffix(".pyc").as_posix() for n in imported})


def with_packages(files: set[str], names: set[str]) -> set[str]:
    """Add every enclosing package's __init__.py that the zip has."""
    found = set(files)
    for file in files:
        for parent in PurePosixPath(file).parents:
            init = f"{parent}/__init__.py"
            if parent.name and init in names:
                found.add(init)
    return found


def module_file(name: str, names: set[str]) -> str | None:
    path = name.replace(".", "/")
    return next((f for f in (f"{path}.py", f"{path}/__init__.py") if f in names), None)


def compile_stdlib(wanted: list[str], optimize: int) -> dict[str, object]:
    """`wanted`: files relative to the zip, or module names (the safety list)."""
    tree = Path("/tmp/python-stdlib")
    shutil.rmtree(tree, ignore_errors=True)
    with zipfile.ZipFile(STDLIB) as archive:
        names = set(archive.namelist())
        files = {w for w in wanted if w.endswith(".py")}
        modules = [w for w in wanted if not w.endswith(".py")]
        missing = [m for m in modules if module_file(m, names) is None]
        files |= {f for m in modules if (f := module_file(m, names))}
        files = with_packages(files, names)
        archive.extractall(tree, sorted(files))
    compile_tree(tree, STDLIB, optimize)
    return {"zip": sourceless_zip(tree), "kept": sorted(files), "missing": missing}
