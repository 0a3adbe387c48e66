"""The same answers give byte-identical result JSON in CPython and in the real Pyodide.

Runs npm's pyodide under Node, loading the wheel exactly as the browser's worker does.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import quiz
from quiz.bridge import handle

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.pyodide


def answer_sets(bank: quiz.Bank, rng: random.Random) -> list[object]:
    sets: list[object] = [{}]
    for question in bank.questions:  # every option of every question
        sets.extend({question.id: [option.id]} for option in question.options)
    sets.append({q.id: sorted(q.correct_ids) for q in bank.questions})
    for _ in range(40):  # random, well-formed sets
        answers: dict[str, list[str]] = {}
        for question in rng.sample(bank.questions, rng.randint(1, len(bank.questions))):
            ids = [o.id for o in question.options if o.id != "none"]
            most = 1 if question.kind == "single" else len(ids)
            answers[question.id] = rng.sample(ids, rng.randint(0, most))
        sets.append(answers)
    first, last = bank.questions[0], bank.questions[-1]
    sets += [  # malformed on purpose: the error messages must agree too
        [], "walk-away", {"no-such-question": ["pause"]}, {first.id: "pause"},
        {first.id: [o.id for o in first.options]}, {last.id: [1]},
    ]
    return sets


@pytest.fixture(scope="module")
def requests() -> list[str]:
    rng = random.Random(2026)
    reqs = [json.dumps({"bank": bank_id, "answers": answers})
            for bank_id in quiz.bank_ids()
            for answers in answer_sets(quiz.load_bank(bank_id), rng)]
    bank = quiz.load_bank("spot-the-signs")  # practice rounds: choice and progress too
    first = quiz.first_round(bank)
    played = quiz.score(bank, {f"{s}-signs": ["diminishing-returns"] for s in first},
                        round=first).to_dict()
    reqs += [json.dumps({"round": {"bank": bank.id, "history": history, "seed": seed}})
             for history in ([], [played], [played, quiz.history_entry(played), "junk"])
             for seed in (0, 7, 2**53 - 1)]
    reqs += [json.dumps({"bank": bank.id, "answers": {}, "round": first}),
             json.dumps({"round": {"bank": bank.id, "seed": -1}})]
    return [*reqs, "not json", json.dumps({"bank": "no-such-bank", "answers": {}})]


@pytest.fixture(scope="module")
def quiz_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(out)],
                   cwd=ROOT, check=True, capture_output=True)
    return next(out.glob("*.whl"))


def test_pyodide_scores_every_bank_like_cpython(
    requests: list[str], quiz_wheel: Path, tmp_path: Path
) -> None:
    node = shutil.which("node")
    assert node, "Node.js is needed to run Pyodide: install Node >= 20"
    file = tmp_path / "requests.json"
    file.write_text(json.dumps(requests), encoding="utf-8")
    run = subprocess.run([node, str(ROOT / "tests/pyodide/score.mjs"), str(quiz_wheel), str(file)],
                         cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    assert out["python"].startswith("3.14."), "not the Pyodide runtime"
    expected = [handle(r) for r in requests]
    assert len(out["results"]) == len(expected)
    for request, got, want in zip(requests, out["results"], expected, strict=True):
        assert got == want, f"Pyodide and CPython differ for {request}"
    oks = [json.loads(r)["ok"] for r in expected]
    assert oks.count(True) > len(oks) // 2 and oks.count(False) >= 4
