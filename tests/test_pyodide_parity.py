"""The same answers give byte-identical results in CPython and in the Python the site ships.

Runs the built site's own files under Node: its Pyodide, its trimmed precompiled
standard library and its precompiled quiz package, loaded as the browser's worker loads
them. A module the trim left out fails here, not in a reader's browser.
"""

from __future__ import annotations

import base64
import hashlib
import json
import random
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

import quiz
from quiz.bridge import handle

ROOT = Path(__file__).resolve().parent.parent
SCORE = ROOT / "tests" / "pyodide" / "score.mjs"
pytestmark = pytest.mark.pyodide
BROKEN_BANKS = {  # what an author gets wrong: the messages must agree too
    "banks/syntax.toml": 'id = "syntax"\ntitle = "an unclosed string',
    "banks/fields.toml": 'id = "other"\nkind = "poll"\ntitle = 3\nscenarios = "many"\n',
    "banks/empty.toml": "",
    "banks/spot-the-signs.toml": 'id = "spot-the-signs"\ntitle = "T"\nkind = "self-check"\n'
                                 'intro = "I"\n[[scenarios]]\nid = "s"\n',
}


def answer_sets(bank: quiz.Bank, rng: random.Random) -> list[object]:
    sets: list[object] = [{}]
    for question in bank.questions:  # every option of every question: right and wrong
        sets.extend({question.id: [option.id]} for option in question.options)
    sets.append({q.id: sorted(q.correct_ids) for q in bank.questions})
    for _ in range(40):  # random, well-formed sets: many partly right
        answers: dict[str, list[str]] = {}
        for question in rng.sample(bank.questions, rng.randint(1, len(bank.questions))):
            ids = [o.id for o in question.options if o.id != "none"]
            most = 1 if question.kind == "single" else len(ids)
            answers[question.id] = rng.sample(ids, rng.randint(0, most))
        sets.append(answers)
    first, last = bank.questions[0], bank.questions[-1]
    sets += [  # hostile on purpose: the error messages must agree too
        [], "walk-away", None, {"no-such-question": ["pause"]}, {first.id: "pause"},
        {first.id: [o.id for o in first.options]}, {last.id: [1]}, {first.id: [None]},
        {first.id: ["<script>alert(1)</script>"]}, {"__proto__": ["x"]}, {first.id: ["é" * 300]},
    ]
    return sets


def requests() -> list[str]:
    rng = random.Random(2026)
    reqs = [json.dumps({"type": "score", "bank": bank_id, "answers": answers})
            for bank_id in quiz.bank_ids()
            for answers in answer_sets(quiz.load_bank(bank_id), rng)]
    bank = quiz.load_bank("spot-the-signs")  # practice rounds: choice and progress too
    first = quiz.first_round(bank)
    played = quiz.score(bank, {f"{s}-signs": ["diminishing-returns"] for s in first},
                        round=first).to_dict()
    reqs += [json.dumps({"type": "next-round", "bank": bank.id, "history": history,
                         "seed": seed})
             for history in ([], [played], [played, quiz.history_entry(played), "junk"])
             for seed in (0, 7, 2**53 - 1)]
    reqs += [json.dumps({"type": "score", "bank": bank.id, "answers": {}, "round": first}),
             json.dumps({"type": "next-round", "bank": bank.id, "seed": -1}),
             *(json.dumps({"type": "warm", "bank": b}) for b in quiz.bank_ids()),
             json.dumps({"type": "plan", "bank": bank.id}), json.dumps({"bank": bank.id})]
    # Nesting in the thousands is left out: CPython 3.11's json gives up (RecursionError)
    # where 3.14's parses it, a difference of interpreter versions, not of the trim.
    return [*reqs, "not json", "[1]",
            json.dumps({"type": "score", "bank": "no-such-bank", "answers": {}}),
            json.dumps({"type": "score", "bank": "../etc/passwd"}), "[" * 500 + "]" * 500,
            json.dumps({"type": "score", "bank": "spot-the-signs",
                        "answers": {"x": ["y" * 70_000]}})]


def bank_message(text: str, file: str) -> str:
    try:
        quiz.parse_bank(text, file)
    except quiz.BankError as error:
        return str(error)
    return "accepted"


def run_shipped(site: Path, tmp_path: Path, reqs: list[str]) -> subprocess.CompletedProcess[str]:
    node = shutil.which("node")
    assert node, "Node.js is needed to run Pyodide: install Node >= 20"
    file = tmp_path / "cases.json"
    file.write_text(json.dumps({"requests": reqs, "banks": BROKEN_BANKS}), encoding="utf-8")
    return subprocess.run([node, str(SCORE), str(site), str(file)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300, check=False)


def test_shipped_python_scores_every_bank_like_cpython(site_dir: Path, tmp_path: Path) -> None:
    reqs = requests()
    run = run_shipped(site_dir, tmp_path, reqs)
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    assert out["python"].startswith("3.14."), "not the Pyodide runtime"
    expected = [handle(r) for r in reqs]
    assert len(out["results"]) == len(expected)
    for request, got, want in zip(reqs, out["results"], expected, strict=True):
        assert got == want, f"Pyodide and CPython differ for {request[:200]}"
    oks = [json.loads(r)["ok"] for r in expected]
    assert oks.count(True) > len(oks) // 2 and oks.count(False) >= 10
    assert out["banks"] == {f: bank_message(t, f) for f, t in BROKEN_BANKS.items()}
    assert all(m != "accepted" for m in out["banks"].values())
    # The move options' order (quiz.order) is decided as a bank loads: the browser's
    # feedback lists right answers in it, so it must match the page CPython rendered.
    assert json.loads(out["orders"]) == {
        b: {q.id: [o.id for o in q.options] for q in quiz.load_bank(b).questions}
        for b in quiz.bank_ids()}


def test_shipped_files_match_their_integrity_hashes(site_dir: Path) -> None:
    folder = site_dir / "assets" / "quiz"
    runtime = json.loads((folder / "runtime.json").read_text(encoding="utf-8"))
    for key in ("stdlib", "quiz"):
        data = (folder / runtime[key]["url"]).read_bytes()
        digest = base64.b64encode(hashlib.sha256(data).digest()).decode()
        assert runtime[key]["integrity"] == f"sha256-{digest}" and runtime[key]["size"] == len(data)
        names = zipfile.ZipFile(folder / runtime[key]["url"]).namelist()
        assert not [n for n in names if n.endswith(".py")], "sources shipped beside the .pyc"


def test_a_module_left_out_of_the_stdlib_fails_the_parity_run(
    site_dir: Path, tmp_path: Path
) -> None:
    """The trim missing a module the engine imports (tomllib) must fail this test suite."""
    site = tmp_path / "site"
    shutil.copytree(site_dir / "assets", site / "assets",
                    ignore=shutil.ignore_patterns("javascripts", "stylesheets", "images"))
    folder = site / "assets" / "quiz"
    stdlib = folder / json.loads((folder / "runtime.json").read_text("utf-8"))["stdlib"]["url"]
    with zipfile.ZipFile(stdlib) as full:
        entries = {n: full.read(n) for n in full.namelist()}
    assert "tomllib/__init__.pyc" in entries
    with zipfile.ZipFile(stdlib, "w") as trimmed:
        for name, data in entries.items():
            if not name.startswith("tomllib/"):
                trimmed.writestr(name, data)
    run = run_shipped(site, tmp_path, requests()[:3])
    assert run.returncode != 0
    assert "lacks the module 'tomllib'" in run.stderr
