"""`python -m quiz round`, `score --round` and `take` in rounds, run as a reader would."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import quiz
from quiz import Bank
from quiz.rounds import first_round, next_round, progress
from tests.test_cli import run, squash

BANK = quiz.load_bank("spot-the-signs")
IDS = [s.id for s in BANK.scenarios]


def right_keys(bank: Bank, ids: list[str]) -> str:
    """What a reader types to answer every question of the round right."""
    lines = []
    for sid in ids:
        for question in (q for q in bank.questions if q.scenario and q.scenario.id == sid):
            lines.append(" ".join(str(n) for n, o in enumerate(question.options, 1)
                                  if o.correct))
    return "\n".join(lines) + "\n"


def write(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def one_error_line(done: Any) -> None:
    assert done.returncode == 2, done.stdout
    assert done.stdout == ""
    assert len(done.stderr.splitlines()) == 1, done.stderr
    assert done.stderr.startswith("error: ")


# --- round ---------------------------------------------------------------------------

def test_round_json_for_a_new_reader() -> None:
    done = run("round", "spot-the-signs", "--json")
    assert done.returncode == 0, done.stderr
    assert done.stdout == quiz.to_json({"round": first_round(BANK),
                                        "progress": progress(BANK, [])}) + "\n"
    assert set(json.loads(done.stdout)) == {"round", "progress"}


def test_round_json_from_a_history_file(tmp_path: Path) -> None:
    ids = first_round(BANK)
    history = [quiz.score(BANK, {f"{ids[0]}-signs": ["none"]}, round=ids).to_dict()]
    path = write(tmp_path / "history.json", history)
    done = run("round", "spot-the-signs", "--history", str(path), "--seed", "5", "--size", "4",
               "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["round"] == next_round(BANK, history, seed=5, size=4)
    assert data["progress"] == json.loads(quiz.to_json(progress(BANK, history)))
    stdin = run("round", "spot-the-signs", "--history", "-", "--seed", "5", "--size", "4",
                "--json", stdin=json.dumps(history))
    assert stdin.stdout == done.stdout


def test_round_text_lists_titles_and_the_trend(tmp_path: Path) -> None:
    ids = first_round(BANK)
    history = [quiz.score(BANK, {}, round=ids).to_dict()]
    done = run("round", "spot-the-signs", "--history", str(write(tmp_path / "h.json", history)))
    assert done.returncode == 0, done.stderr
    titles = {s.id: s.title for s in BANK.scenarios}
    for number, sid in enumerate(next_round(BANK, history), 1):
        assert f"  {number}. {titles[sid]} (" in done.stdout
    for sign in progress(BANK, history)["signs"].values():
        assert sign["text"] in done.stdout


BAD_ROUNDS = [
    ("missing history", ["--history", "no/such/history.json"], "", "no file"),
    ("history not json", ["--history", "-"], "[{", "not valid JSON"),
    ("history not a list", ["--history", "-"], '{"round": []}', "must be a JSON list"),
    ("negative seed", ["--seed", "-1"], "", "seed must be"),
    ("zero size", ["--size", "0"], "", "round size"),
]


@pytest.mark.parametrize(("args", "stdin", "message"), [b[1:] for b in BAD_ROUNDS],
                         ids=[b[0] for b in BAD_ROUNDS])
def test_round_bad_input_is_one_line(args: list[str], stdin: str, message: str) -> None:
    done = run("round", "spot-the-signs", *args, stdin=stdin)
    one_error_line(done)
    assert message in done.stderr


def test_round_of_an_assessment_is_an_error() -> None:
    one_error_line(run("round", "my-negotiation"))


# --- score --round -------------------------------------------------------------------

def test_score_one_round(tmp_path: Path) -> None:
    ids = first_round(BANK)[:3]
    answers = {f"{ids[1]}-move": ["walk-away"], f"{ids[2]}-signs": ["none"]}
    path = write(tmp_path / "answers.json", answers)
    done = run("score", "spot-the-signs", str(path), "--round", ", ".join(ids))
    assert done.returncode == 0, done.stderr
    assert done.stdout == quiz.to_json(quiz.score(BANK, answers, round=ids).to_dict()) + "\n"
    result = json.loads(done.stdout)
    assert result["round"] == ids and result["total"] == 6


@pytest.mark.parametrize(("round_", "answers", "message"), [
    (IDS[0], json.dumps({f"{IDS[1]}-move": ["pause"]}), f"'{IDS[1]}-move' is not in this round"),
    (f"{IDS[0]},no-such-scenario", "{}", "unknown scenario 'no-such-scenario'"),
    (",", "{}", "non-empty list"),
])
def test_score_round_errors(round_: str, answers: str, message: str) -> None:
    done = run("score", "spot-the-signs", "-", "--round", round_, stdin=answers)
    one_error_line(done)
    assert message in done.stderr


# --- take in rounds --------------------------------------------------------------------

def test_take_plays_one_round_and_keeps_it(tmp_path: Path) -> None:
    history = tmp_path / "history.json"
    ids = first_round(BANK)
    done = run("take", "spot-the-signs", "--history", str(history),
               stdin=right_keys(BANK, ids) + "n\n")
    assert done.returncode == 0, done.stderr
    assert "Round 1: 7 scenarios" in done.stdout
    assert f"Scenario 1 of {len(ids)}: " in done.stdout
    assert f"Scenario {len(ids)} of {len(ids)}: " in done.stdout
    stories = {s.id: s.story for s in BANK.scenarios}
    assert squash(stories[ids[0]]) in squash(done.stdout)
    saved = json.loads(history.read_text(encoding="utf-8"))
    assert len(saved) == 1
    assert saved[0]["round"] == ids
    assert saved[0]["score"] == saved[0]["max_score"] > 0
    assert f"You scored {saved[0]['score']} of {saved[0]['max_score']}." in done.stdout
    for sign in progress(BANK, saved)["signs"].values():
        assert sign["text"] in done.stdout
    assert "Play the next round? (y/N)" in done.stdout
    assert "Round 2" not in done.stdout
    assert [p.name for p in tmp_path.iterdir()] == ["history.json"]  # no temporary left


def test_take_plays_the_next_round_from_the_history(tmp_path: Path) -> None:
    history = tmp_path / "history.json"
    ids = first_round(BANK)
    done = run("take", "spot-the-signs", "--history", str(history),
               stdin=right_keys(BANK, ids) + "y\n3\nq\n")
    assert done.returncode == 0, done.stderr
    saved = json.loads(history.read_text(encoding="utf-8"))
    assert len(saved) == 2
    assert saved[1]["round"] == next_round(BANK, saved[:1])
    assert saved[1]["answered"] == 1
    assert "Round 2: 7 scenarios" in done.stdout
    assert "2 rounds played." in done.stdout


def test_take_adds_to_an_existing_history_and_keeps_what_it_cannot_use(tmp_path: Path) -> None:
    old = [{"something": "from an older version"}, 42]
    history = write(tmp_path / "history.json", old)
    done = run("take", "spot-the-signs", "--history", str(history), stdin="1\nq\n")
    assert done.returncode == 0, done.stderr
    saved = json.loads(history.read_text(encoding="utf-8"))
    assert saved[:2] == old and len(saved) == 3
    assert saved[2]["round"] == first_round(BANK)


def test_take_without_answers_saves_nothing(tmp_path: Path) -> None:
    history = tmp_path / "history.json"
    done = run("take", "spot-the-signs", "--history", str(history), stdin="q\n")
    assert done.returncode == 0, done.stderr
    assert "not saved" in done.stdout
    assert not history.exists()


@pytest.mark.parametrize("text", ["{not json", '{"a": 1}', "\xff"])
def test_take_refuses_a_corrupt_history_and_leaves_it(tmp_path: Path, text: str) -> None:
    history = tmp_path / "history.json"
    history.write_text(text, encoding="utf-8", errors="surrogateescape")
    before = history.read_bytes()
    done = run("take", "spot-the-signs", "--history", str(history), stdin="1\n1\nq\n")
    one_error_line(done)
    assert str(history) in done.stderr or "history" in done.stderr
    assert history.read_bytes() == before


def test_take_an_assessment_is_unchanged_and_takes_no_history(tmp_path: Path) -> None:
    done = run("take", "my-negotiation", stdin="q\n")
    assert done.returncode == 0, done.stderr
    assert "Your results" in done.stdout
    one_error_line(run("take", "my-negotiation", "--history", str(tmp_path / "h.json")))
