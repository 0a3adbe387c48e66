"""The order a self-check offers a scenario's moves in: balanced across the bank, fixed.

Always offering the moves in one order lets a reader score by position ("the answer is
usually last"). Each scenario gets its own order instead, decided here once, when the
bank is read, so the page, its later rounds, the command line and `show --json` all
show the same one.

The rule: scenarios are taken in bank order. Every right move counts at its position
(a scenario with two right moves counts at both). A scenario takes the order that
leaves the positions' counts most even (the smallest largest count, then the next, and
so on); among orders that tie, it takes the one its own hash ranks first. The counts
then never differ by more than one, so no position holds more than ceil(n / 4) of n
right moves: at most 40 % once a bank has three or more. The hash (sha256 of the
scenario id and the order) makes the wrong moves' order look arbitrary too, and it is
the same in CPython and Pyodide, on every run.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from itertools import permutations


def preference(scenario_id: str, order: tuple[str, ...]) -> bytes:
    """A scenario's own, stable ranking of the possible orders (lower first)."""
    return hashlib.sha256("\n".join((scenario_id, *order)).encode("utf-8")).digest()


def balanced_orders(moves: Iterable[str], keys: Iterable[tuple[str, frozenset[str]]]
                    ) -> dict[str, tuple[str, ...]]:
    """Each scenario's move order, from (scenario id, its right moves) in bank order."""
    orders = list(permutations(moves))
    counts = [0] * (len(orders[0]) if orders else 0)
    chosen: dict[str, tuple[str, ...]] = {}
    for scenario_id, right in keys:
        best = min(orders, key=lambda order: (
            sorted(added(counts, order, right), reverse=True), preference(scenario_id, order)))
        counts = added(counts, best, right)
        chosen[scenario_id] = best
    return chosen


def added(counts: list[int], order: tuple[str, ...], right: frozenset[str]) -> list[int]:
    """The counts per position once this order's right moves are counted."""
    return [n + (move in right) for n, move in zip(counts, order, strict=True)]
