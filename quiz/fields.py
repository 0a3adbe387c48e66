"""The field checker: reads fields out of a parsed bank, recording every problem.

A bank is read whole and every problem in it is reported at once, each naming the
file, the question and the field, so an author can fix a bank in one pass.
"""

from __future__ import annotations

import re
from typing import Any

from .errors import Problem
from .vocabulary import SECTIONS, Section

ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class Reader:
    """Reads fields out of parsed TOML, recording every problem instead of stopping."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def problem(self, question: str | None, field: str, message: str) -> None:
        self.problems.append(Problem(self.file, question, field, message))

    def table(self, data: dict[str, Any], key: str, q: str | None, *, required: bool = True,
              field: str = "") -> dict[str, Any]:
        field = field or key
        value = data.get(key)
        if value is None:
            if required:
                self.problem(q, field, "is missing")
            return {}
        if not isinstance(value, dict):
            self.problem(q, field, f"must be a table, not {type_name(value)}")
            return {}
        return value

    def tables(self, data: dict[str, Any], key: str) -> list[dict[str, Any]]:
        value = data.get(key)
        if value is None:
            self.problem(None, key, f"is missing: add at least one [[{key}]] entry")
            return []
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.problem(None, key, f"must be a list of [[{key}]] tables")
            return []
        if not value:
            self.problem(None, key, "is empty")
        return value

    def text(self, data: dict[str, Any], key: str, q: str | None, *, field: str = "") -> str:
        field = field or key
        value = data.get(key)
        if value is None:
            self.problem(q, field, "is missing")
            return ""
        if not isinstance(value, str):
            self.problem(q, field, f"must be text, not {type_name(value)}")
            return ""
        if not value.strip():
            self.problem(q, field, "is empty")
            return ""
        return value.strip()

    def whole(self, data: dict[str, Any], key: str, q: str | None, *, default: int, most: int,
              field: str = "") -> int:
        """A whole number from 1 to `most`; `default` when absent or wrong."""
        field = field or key
        value = data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(q, field, f"must be a whole number, not {type_name(value)}")
            return default
        if not 1 <= value <= most:
            self.problem(q, field, f"is {value}: use a whole number from 1 to {most}")
            return default
        return value

    def ident(self, data: dict[str, Any], key: str, q: str | None) -> str:
        value = self.text(data, key, q)
        if value and not ID.match(value):
            self.problem(q, key, f"{value!r} is not an id (lower-case words joined by '-')")
            return ""
        return value

    def choice(self, data: dict[str, Any], key: str, q: str | None, allowed: dict[str, Any]
               ) -> str:
        value = self.text(data, key, q)
        if value and value not in allowed:
            self.problem(q, key, f"{value!r} is not one of: {', '.join(allowed)}")
            return ""
        return value

    def one_or_two(self, data: dict[str, Any], key: str, q: str | None,
                   allowed: dict[str, Any]) -> tuple[str, ...]:
        """One id, or a list of two different ids (when both answers are defensible)."""
        value = data.get(key)
        if not isinstance(value, list):
            one = self.choice(data, key, q, allowed)
            return (one,) if one else ()
        if not all(isinstance(v, str) for v in value):
            self.problem(q, key, f"must be one id or a list of two, like "
                                 f"[\"{next(iter(allowed))}\", \"{list(allowed)[-1]}\"]")
            return ()
        if len(value) != 2:
            self.problem(q, key, f"lists {len(value)}: give one id, or a list of two when "
                                 "both are defensible")
            return ()
        unknown = [v for v in value if v not in allowed]
        for item in unknown:
            self.problem(q, key, f"{item!r} is not one of: {', '.join(allowed)}")
        if value[0] == value[1]:
            self.problem(q, key, f"lists {value[0]!r} twice: give two different ids, or one")
            return ()
        return () if unknown else (value[0], value[1])

    def id_list(self, data: dict[str, Any], key: str, q: str | None, allowed: dict[str, Any]
                ) -> list[str]:
        value = data.get(key)
        if value is None:
            self.problem(q, key, "is missing (use [] for none)")
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem(q, key, f"must be a list of ids, like [\"{next(iter(allowed))}\"]")
            return []
        for item in value:
            if item not in allowed:
                self.problem(q, key, f"{item!r} is not one of: {', '.join(allowed)}")
        if len(set(value)) != len(value):
            self.problem(q, key, "lists an id twice")
        return [v for v in value if v in allowed]

    def section(self, data: dict[str, Any], key: str, q: str | None) -> Section:
        value = self.text(data, key, q)
        if value and value not in SECTIONS:
            self.problem(q, key, f"links to {value!r}, which is not a guide section: "
                                 f"use one of {', '.join(SECTIONS)}")
        return SECTIONS.get(value, SECTIONS["introduction"])

    def only(self, data: dict[str, Any], allowed: set[str], q: str | None, prefix: str = ""
             ) -> None:
        for key in data:
            if key not in allowed:
                self.problem(q, prefix + key, f"is not a known field (known: "
                                              f"{', '.join(sorted(allowed))})")

    def unique(self, ids: list[str], field: str, what: str) -> None:
        seen: set[str] = set()
        for item in ids:
            if item in seen:
                self.problem(item, field, f"{what} id {item!r} is used twice")
            seen.add(item)


def type_name(value: object) -> str:
    return {str: "text", int: "a number", float: "a number", bool: "true/false",
            list: "a list", dict: "a table"}.get(type(value), type(value).__name__)
