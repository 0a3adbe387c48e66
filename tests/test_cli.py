"""`python -m quiz`: list, show, score and take, run as a reader would."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import quiz
from quiz import Bank
from tests.support.banks import keyed

ROOT = Path(__file__).resolve().parent.parent
# Any scenario's move question: the answers below are malformed whatever its key.
MOVE = keyed(quiz.load_bank("spot-the-signs"))[0].move.id


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "quiz", *args], cwd=ROOT, input=stdin,
                          capture_output=True, text=True, encoding="utf-8", timeout=60,
                          check=False)


def squash(text: str) -> str:
    """Text without whitespace: wrapped output compares equal to the bank's text."""
    return "".join(text.split())


@pytest.fixture(scope="module")
def bank() -> Bank:
    return quiz.load_bank("spot-the-signs")


def first_options(bank: Bank) -> dict[str, list[str]]:
    return {q.id: [q.options[0].id] for q in bank.questions[:2]}


# --- list and show ------------------------------------------------------------------------

def test_list() -> None:
    done = run("list")
    assert done.returncode == 0
    assert done.stderr == ""
    lines = done.stdout.splitlines()
    assert "spot-the-signs\tSpot the signs" in lines
    assert len(lines) == len(quiz.bank_ids())


def test_show_json_matches_the_contract(bank: Bank) -> None:
    done = run("show", "spot-the-signs", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["id"] == "spot-the-signs"
    assert data["title"] == "Spot the signs"
    assert isinstance(data["questions"], list)
    assert [q["id"] for q in data["questions"]] == [q.id for q in bank.questions]
    for question in data["questions"]:
        assert question["kind"] in {"single", "multiple"}
        assert question["options"]
        for option in question["options"]:
            assert isinstance(option["id"], str)
            assert isinstance(option["correct"], bool)
        correct = [o for o in question["options"] if o["correct"]]
        if question["kind"] == "single":
            assert len(correct) == 1
        else:
            assert correct
    assert data == json.loads(quiz.to_json(bank.to_dict()))


def test_show_text_marks_the_right_answers(bank: Bank) -> None:
    done = run("show", "spot-the-signs")
    assert done.returncode == 0
    question = bank.questions[0]
    right = next(o for o in question.options if o.correct)
    assert f"* {right.id}:" in done.stdout
    assert f"[{question.id}]" in done.stdout


# --- score --------------------------------------------------------------------------------

def test_score_file_prints_the_engine_json(bank: Bank, tmp_path: Path) -> None:
    answers = {q.id: [o.id for o in q.options if o.correct] for q in bank.questions}
    answers[bank.questions[0].id] = [bank.questions[0].options[2].id]
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(answers), encoding="utf-8")
    done = run("score", "spot-the-signs", str(path))
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert done.stdout == quiz.to_json(quiz.score(bank, answers).to_dict()) + "\n"


def test_score_reads_stdin(bank: Bank) -> None:
    answers = first_options(bank)
    done = run("score", "spot-the-signs", "-", stdin=json.dumps(answers))
    assert done.returncode == 0, done.stderr
    assert done.stdout == quiz.to_json(quiz.score(bank, answers).to_dict()) + "\n"


def test_score_empty_answers() -> None:
    done = run("score", "spot-the-signs", "-", stdin="{}")
    assert done.returncode == 0
    assert json.loads(done.stdout)["unanswered"]


BAD_SCORES = [
    ("invalid json", ["spot-the-signs", "-"], "{not json"),
    ("empty input", ["spot-the-signs", "-"], ""),
    ("unknown question", ["spot-the-signs", "-"], '{"no-such-question": ["pause"]}'),
    ("not an object", ["spot-the-signs", "-"], '["pause"]'),
    ("two moves", ["spot-the-signs", "-"], json.dumps({MOVE: ["pause", "walk-away"]})),
    ("missing file", ["spot-the-signs", "no/such/answers.json"], ""),
    ("unknown bank", ["no-such-bank", "-"], "{}"),
    ("huge number", ["spot-the-signs", "-"],
     '{"' + MOVE + '": [' + "9" * 5000 + "]}"),
    ("deep nesting", ["spot-the-signs", "-"], "[" * 5000 + "]" * 5000),
]


@pytest.mark.parametrize(("args", "stdin"), [(a, s) for _, a, s in BAD_SCORES],
                         ids=[name for name, _, _ in BAD_SCORES])
def test_score_bad_input_is_one_line_on_stderr(args: list[str], stdin: str) -> None:
    done = run("score", *args, stdin=stdin)
    assert done.returncode == 2
    assert done.stdout == ""
    assert len(done.stderr.splitlines()) == 1, done.stderr
    assert done.stderr.startswith("error: ")


def test_score_invalid_utf8_file(tmp_path: Path) -> None:
    path = tmp_path / "answers.json"
    path.write_bytes(b'{"' + MOVE.encode() + b'": ["\xff"]}')
    done = run("score", "spot-the-signs", str(path))
    assert done.returncode == 2
    assert done.stdout == ""
    assert len(done.stderr.splitlines()) == 1


# --- take ---------------------------------------------------------------------------------

def test_take_gives_feedback_and_results(bank: Bank) -> None:
    first, second = bank.questions[:2]
    done = run("take", "spot-the-signs", "--all", stdin="1\n1\nq\n")
    assert done.returncode == 0, done.stderr
    out = squash(done.stdout)
    assert squash(bank.title) in out
    assert squash(first.scenario.story if first.scenario else "") in out
    assert squash(first.options[0].explanation) in out
    assert squash(second.options[0].explanation) in out
    assert squash(first.options[1].explanation) not in out
    assert "Your results" in done.stdout
    expected = quiz.score(bank, first_options(bank))
    assert (f"You scored {expected.score} of {expected.max_score}. "
            f"You answered 2 of {len(bank.questions)} questions;") in done.stdout


def test_take_shows_guide_links(bank: Bank) -> None:
    done = run("take", "spot-the-signs", "--all", stdin="3\nq\n")
    assert done.returncode == 0
    href = bank.questions[0].options[2].section.href
    assert f"https://walk-away.example.org/{href}" in done.stdout


@pytest.mark.parametrize("bad", ["9", "0", "-1", "x", "1 2"])
def test_take_reprompts_after_an_invalid_entry(bank: Bank, bad: str) -> None:
    first = bank.questions[0]
    assert first.kind == "single"
    done = run("take", "spot-the-signs", "--all", stdin=f"{bad}\n1\nq\n")
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("Your answer (one number") == 2
    assert squash(first.options[0].explanation) in squash(done.stdout)
    assert f"You answered 1 of {len(bank.questions)} questions;" in done.stdout


def test_take_reprompts_after_none_with_a_sign(bank: Bank) -> None:
    second = bank.questions[1]
    assert second.kind == "multiple"
    done = run("take", "spot-the-signs", "--all", stdin="1\n1 5\n5\nq\n")
    assert done.returncode == 0, done.stderr
    assert squash(second.options[4].explanation) in squash(done.stdout)
    assert f"You answered 2 of {len(bank.questions)} questions;" in done.stdout


def test_take_enter_skips_a_question(bank: Bank) -> None:
    done = run("take", "spot-the-signs", "--all", stdin="\n5\nq\n")
    assert done.returncode == 0
    assert squash(bank.questions[1].options[4].explanation) in squash(done.stdout)
    assert f"You answered 1 of {len(bank.questions)} questions;" in done.stdout


@pytest.mark.parametrize("stdin", ["", "2\n", "2\n1 3"])
def test_take_ends_gracefully_at_eof(bank: Bank, stdin: str) -> None:
    done = run("take", "spot-the-signs", "--all", stdin=stdin)
    assert done.returncode == 0
    assert done.stderr == ""
    assert "You scored " in done.stdout
    assert "Traceback" not in done.stdout


def test_take_unknown_bank() -> None:
    done = run("take", "no-such-bank")
    assert done.returncode == 2
    assert done.stdout == ""
    assert len(done.stderr.splitlines()) == 1
