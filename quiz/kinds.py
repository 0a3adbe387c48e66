"""The kinds of bank, behind one registry: loading, scoring, rendering and the command
line all look a bank's kind up here instead of telling kinds apart themselves.

A kind is a module that provides what `Kind` lists; adding a kind of bank is a new
module and one line in KINDS.
"""

from __future__ import annotations

from typing import Any, Protocol

from . import assessment, self_check
from .fields import Reader
from .model import Bank, BankBody


class Outcome(Protocol):
    def to_dict(self) -> dict[str, Any]: ...


class Kind(Protocol):
    @property
    def NAME(self) -> str: ...  # module constants
    @property
    def DESCRIPTION(self) -> str: ...
    @property
    def KEYS(self) -> frozenset[str]: ...  # the bank fields this kind reads
    @property
    def CHECKABLE(self) -> bool: ...  # each answer can be checked alone
    @property
    def BUTTON(self) -> str: ...  # the form's summary button
    @property
    def HEADING(self) -> str: ...  # the results' heading

    def parse(self, data: dict[str, Any], r: Reader) -> BankBody: ...
    def score(self, bank: Bank, answers: object, round: object = None) -> Outcome: ...
    def render(self, bank: Bank) -> str: ...
    def summary(self, result: dict[str, Any], site: str) -> list[str]: ...


KINDS: dict[str, Kind] = {k.NAME: k for k in (self_check, assessment)}


def kind_of(bank: Bank) -> Kind:
    return KINDS[bank.kind]
