"""Loading banks: TOML files written by authors, checked whole and dispatched by kind."""

from __future__ import annotations

import hashlib
import tomllib
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from .errors import AnswerError, BankError, Problem
from .fields import ID, Reader
from .kinds import KINDS
from .model import Bank, BankBody

COMMON_KEYS = {"id", "title", "kind", "intro"}


def parse_bank(text: str, file: str) -> Bank:
    """Parse and check one bank's TOML text; `file` names it in error messages."""
    r = Reader(file)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise BankError([Problem(file, None, "(syntax)", f"not valid TOML: {error}")]) from None
    bank_id = r.ident(data, "id", None)
    expected = Path(file).stem
    if bank_id and bank_id != expected:
        r.problem(None, "id", f"is {bank_id!r} but the file is named {expected}.toml")
    title = r.text(data, "title", None)
    kind_name = r.choice(data, "kind", None, {k: v.DESCRIPTION for k, v in KINDS.items()})
    intro = r.text(data, "intro", None)
    kind = KINDS.get(kind_name)
    r.only(data, COMMON_KEYS.union(*(k.KEYS for k in KINDS.values())) if kind is None
           else COMMON_KEYS | kind.KEYS, None)
    body = kind.parse(data, r) if kind else BankBody(())
    if r.problems:
        raise BankError(r.problems)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    return Bank(bank_id, title, kind_name, intro, body.questions, body.scenarios, body.rules,
                digest, body.rounds)


def banks_dir() -> Traversable:
    return resources.files("quiz") / "banks"


def bank_ids() -> list[str]:
    """Ids of the banks shipped with the package, sorted."""
    return sorted(p.name.removesuffix(".toml") for p in banks_dir().iterdir()
                  if p.name.endswith(".toml"))


def load_bank_file(path: str | Path) -> Bank:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise BankError([Problem(path.name, None, "(file)", f"cannot be read: {error}")]) from None
    return parse_bank(text, f"banks/{path.name}" if path.parent.name == "banks" else str(path))


_CACHE: dict[str, Bank] = {}


def clear_cache() -> None:
    """Forget loaded banks, so edited bank files are read again."""
    _CACHE.clear()


def load_bank(bank_id: str) -> Bank:
    """A shipped bank by id (cached: banks are immutable)."""
    if not isinstance(bank_id, str) or bank_id not in _CACHE:
        if not isinstance(bank_id, str) or not ID.match(bank_id) or bank_id not in bank_ids():
            raise AnswerError(f"there is no question bank {str(bank_id)[:60]!r}; "
                              f"known banks: {', '.join(bank_ids())}")
        file = banks_dir() / f"{bank_id}.toml"
        _CACHE[bank_id] = parse_bank(file.read_text(encoding="utf-8"), f"quiz/banks/{bank_id}.toml")
    return _CACHE[bank_id]
