"""The order of each scenario's move options: balanced across the bank, fixed everywhere.

No position may hold more than 40 % of the right moves (a scenario with two right moves
counts at both positions), and the order must be the same on every run, in every
Python, on the page, in the command line and in `show --json`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import quiz
import quiz.loading
from quiz import Bank
from quiz.order import balanced_orders
from quiz.render import render_bank
from tests.support.banks import EXPLAIN_TOML

ROOT = Path(__file__).resolve().parent.parent
MOVES = tuple(quiz.MOVES)
SIGN_ORDER = ["unreasonable-demands", "lack-of-flexibility", "diminishing-returns",
              "mismatch-in-key-objectives", "none"]
MOST = 0.4


def move_questions(bank: Bank) -> list[quiz.Question]:
    return [q for q in bank.questions if q.role == "move"]


def key_counts(bank: Bank) -> list[int]:
    """Right moves per position (1st, 2nd, ...), every right move counted."""
    counts = [0] * len(MOVES)
    for question in move_questions(bank):
        for position, option in enumerate(question.options):
            counts[position] += option.correct
    return counts


def assert_balanced(counts: list[int]) -> None:
    assert max(counts) - min(counts) <= 1, counts
    if sum(counts) >= 3:
        assert max(counts) <= MOST * sum(counts), counts


def orders(bank: Bank) -> dict[str, list[str]]:
    return {q.id: [o.id for o in q.options] for q in bank.questions}


# --- the shipped bank --------------------------------------------------------------------

@pytest.fixture(scope="module")
def bank() -> Bank:
    return quiz.load_bank("spot-the-signs")


def test_no_position_holds_more_than_40_percent_of_the_keys(bank: Bank) -> None:
    assert_balanced(key_counts(bank))


def test_every_move_is_offered_once(bank: Bank) -> None:
    for question in move_questions(bank):
        assert sorted(o.id for o in question.options) == sorted(MOVES)


def test_the_wrong_moves_are_not_in_one_fixed_order(bank: Bank) -> None:
    # Were only the key moved, the one option out of the usual order would give it away.
    wrong_orders = Counter(tuple(o.id for o in q.options if not o.correct)
                           for q in move_questions(bank))
    assert len(wrong_orders) > 3, wrong_orders


def test_the_signs_keep_the_guide_order(bank: Bank) -> None:
    for question in bank.questions:
        if question.role == "signs":
            assert [o.id for o in question.options] == SIGN_ORDER


# --- deterministic -----------------------------------------------------------------------

def test_the_same_order_on_every_load(bank: Bank) -> None:
    path = Path(str(quiz.loading.banks_dir())) / "spot-the-signs.toml"
    again = quiz.parse_bank(path.read_text(encoding="utf-8"), "quiz/banks/spot-the-signs.toml")
    assert orders(again) == orders(bank)


PRINT_ORDERS = ("import json, quiz; b = quiz.load_bank('spot-the-signs'); "
                "print(json.dumps({q.id: [o.id for o in q.options] for q in b.questions}))")


def test_the_same_order_whatever_python_hash_seed(bank: Bank) -> None:
    """The order comes from sha256, not from hash(), which differs from run to run."""
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", PRINT_ORDERS], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=60, check=True)
        assert json.loads(done.stdout) == orders(bank)


def test_a_key_goes_to_a_free_position() -> None:
    keys = [("a", frozenset({"walk-away"})), ("b", frozenset({"walk-away"})),
            ("c", frozenset({"pause", "accept"}))]
    first = balanced_orders(MOVES, keys)
    assert first == balanced_orders(MOVES, keys)
    placed = [first[sid].index(next(iter(right))) for sid, right in keys[:2]]
    assert placed[0] != placed[1]  # the second walk-away goes to a free position


# --- generated banks ---------------------------------------------------------------------

SCENARIO = '''
[[scenarios]]
id = "{sid}"
topic = "salary"
title = "T"
story = "S"
best-move = {best}
signs = []
move-section = "introduction"

''' + EXPLAIN_TOML
HEAD = '''id = "generated"
title = "G"
kind = "self-check"
intro = "I"

[prompts]
move = "Move?"
signs = "Signs?"
'''

right_moves = st.one_of(
    st.sampled_from(MOVES).map(lambda m: (m,)),
    st.lists(st.sampled_from(MOVES), min_size=2, max_size=2, unique=True).map(tuple),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.from_regex(r"[a-z]{1,8}", fullmatch=True), right_moves),
                min_size=1, max_size=40, unique_by=lambda pair: pair[0]))
def test_generated_banks_are_balanced(scenarios: list[tuple[str, tuple[str, ...]]]) -> None:
    text = HEAD + "".join(
        SCENARIO.format(sid=sid, best=json.dumps(best[0] if len(best) == 1 else list(best)))
        for sid, best in scenarios)
    bank = quiz.parse_bank(text, "generated.toml")
    assert_balanced(key_counts(bank))
    for (sid, best), question in zip(scenarios, move_questions(bank), strict=True):
        assert question.id == f"{sid}-move"
        assert question.correct_ids == set(best)
        assert sorted(o.id for o in question.options) == sorted(MOVES)
    assert orders(bank) == orders(quiz.parse_bank(text, "generated.toml"))


# --- the page, the command line and show --json agree ------------------------------------

def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "quiz", *args], cwd=ROOT, input=stdin,
                          capture_output=True, text=True, encoding="utf-8", timeout=60,
                          check=True)


class Inputs(HTMLParser):
    """Each question's option ids, in the order the page's inputs come."""

    def __init__(self) -> None:
        super().__init__()
        self.found: dict[str, list[str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "input":
            values = dict(attrs)
            self.found.setdefault(str(values["name"]), []).append(str(values["value"]))


def page_orders(bank: Bank) -> dict[str, list[str]]:
    """The first round live and every later scenario's template, as the build renders them."""
    inputs = Inputs()
    inputs.feed(render_bank(bank))
    return inputs.found


def test_the_page_shows_the_engine_order(bank: Bank) -> None:
    assert page_orders(bank) == orders(bank)


def test_show_json_gives_the_page_order(bank: Bank) -> None:
    shown = json.loads(run("show", "spot-the-signs", "--json").stdout)
    assert {q["id"]: [o["id"] for o in q["options"]] for q in shown["questions"]} == \
        page_orders(bank)


def test_the_terminal_numbers_the_options_in_the_page_order(bank: Bank) -> None:
    first = bank.questions[0]
    out = run("take", "spot-the-signs", "--all", stdin="q\n").stdout
    labels = {o.id: o.label for o in first.options}
    printed = [f"  {n}) {labels[oid]}" for n, oid in enumerate(page_orders(bank)[first.id], 1)]
    lines = out.splitlines()
    start = lines.index(printed[0])
    assert lines[start:start + len(printed)] == printed
