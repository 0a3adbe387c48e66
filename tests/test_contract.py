"""The contract between engine and page (quiz/contract.py): its written files are up to
date, the engine's real replies fit it, requests are dispatched on their type, and the
page's checkers (quiz-schema.js, quiz-saved.js) agree with Python's."""

from __future__ import annotations

import copy
import json
import random
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

import quiz
from quiz import contract
from quiz.answers import check_answers
from quiz.bridge import HANDLERS, handle
from quiz.errors import AnswerError
from tests.support.schema import check
from walk_away import contract as written
from walk_away.python_stdlib_trace import requests as traced_requests

ROOT = Path(__file__).resolve().parent.parent
DOCUMENT = contract.json_schema()
CHECK_JS = ROOT / "tests" / "js" / "check.mjs"


def test_the_written_files_are_up_to_date() -> None:
    for name, body in written.generated().items():
        path = ROOT / written.FOLDER / name
        assert path.is_file() and path.read_text(encoding="utf-8") == body, (
            f"{path.relative_to(ROOT)} is not what quiz/contract.py writes: run "
            "`.venv/bin/python -m walk_away.contract` (or ./dev build) and commit it")


def page_requests() -> list[dict[str, Any]]:
    """What the page sends, tagged: every bank scored, warmed, and rounds played."""
    found: list[dict[str, Any]] = []
    rng = random.Random(5)
    for bank in (quiz.load_bank(b) for b in quiz.bank_ids()):
        found.append({"type": "warm", "bank": bank.id})
        for _ in range(15):
            asked = rng.sample(bank.questions, rng.randint(0, len(bank.questions)))
            found.append({"type": "score", "bank": bank.id,
                          "answers": {q.id: [rng.choice(q.options).id] for q in asked}})
        if bank.rounds is None:
            continue
        history: list[dict[str, Any]] = []
        ids = quiz.first_round(bank)
        for seed in (0, 7, 2**53 - 1):
            answers = {f"{s}-move": ["pause"] for s in ids[:seed % 5 + 1]}
            found.append({"type": "score", "bank": bank.id, "answers": answers, "round": ids})
            history.append(quiz.history_entry(quiz.score(bank, answers, round=ids).to_dict()))
            found.append({"type": "next-round", "bank": bank.id, "history": list(history),
                          "seed": seed})
            ids = quiz.next_round(bank, history, seed)
    return found


@pytest.mark.parametrize("request_", page_requests(), ids=lambda r: r["type"])
def test_the_engine_replies_as_the_contract_says(request_: dict[str, Any]) -> None:
    assert check(DOCUMENT, "Request", request_) == []
    reply = json.loads(handle(json.dumps(request_)))
    shape = contract.REQUESTS[request_["type"]][1]
    assert check(DOCUMENT, shape, reply) == [], reply if not reply["ok"] else shape
    assert ("entry" in reply) == ("round" in request_ and request_["type"] == "score")


def test_every_reply_even_to_nonsense_is_a_reply() -> None:
    """Everything the browser's trace sends, malformed requests included."""
    replies = [json.loads(handle(r)) for r in traced_requests()]
    for reply in replies:
        assert check(DOCUMENT, "Reply", reply) == [], reply
    assert sum(not r["ok"] for r in replies) >= 10


@pytest.mark.parametrize(("request_", "message"), [
    ({"bank": "spot-the-signs", "answers": {}}, "unknown request type None; a request's "
     '"type" is one of score, next-round, warm'),
    ({"type": "plan", "bank": "spot-the-signs"}, "unknown request type 'plan'"),
    ({"type": ["score"]}, "unknown request type a list"),
    ({"type": "warm", "bank": "spot-the-signs", "answers": {}},
     "a warm request does not take answers; it takes type, bank"),
    ({"type": "warm"}, "the warm request must name a bank"),
    ({"type": "warm", "bank": "no-such-bank"}, "no question bank"),
])
def test_requests_are_dispatched_on_their_type(request_: dict[str, Any], message: str) -> None:
    reply = json.loads(handle(json.dumps(request_)))
    assert reply["ok"] is False
    assert message in reply["error"]


def test_every_request_type_has_a_handler_and_the_page_knows_them() -> None:
    assert list(HANDLERS) == list(contract.REQUESTS)
    assert contract.PAGE_CONSTANTS["REQUEST_TYPES"] == list(contract.REQUESTS)
    for kind, (request_shape, reply_shape) in contract.REQUESTS.items():
        assert contract.DEFS[request_shape]["properties"]["type"] == {"const": kind}
        assert reply_shape in contract.DEFS


def test_the_workers_error_message_is_in_the_contract() -> None:
    """quiz-worker.js posts one of three errors; a worded one names a page failure word."""
    worded = {"id": 3, "type": "error", "message": "failure.download",
              "word": "failure.download", "values": {"file": "/a.zip", "status": 404}}
    for message in (worded, {"id": 1, "type": "error", "message": "ImportError: x"},
                    {"id": 2, "type": "error", "message": "boom", "engine": True}):
        assert check(DOCUMENT, "WorkerError", message) == [], message
    assert check(DOCUMENT, "WorkerError", {**worded, "word": "status.ready"})
    assert check(DOCUMENT, "WorkerError", {**worded, "values": {"file": ["/a.zip"]}})
    scripts = ROOT / written.FOLDER
    used = {key for path in scripts.glob("*.js")
            for key in re.findall(r'new Failure\("([^"]+)"', path.read_text(encoding="utf-8"))}
    assert used and used <= set(contract.DEFS["FailureWord"]["enum"])


def run_js(shapes: list[tuple[str, object]], answers: list[tuple[object, dict[str, Any]]]
           ) -> dict[str, list[bool]]:
    node = shutil.which("node")
    assert node, "Node.js 20 or newer is needed"
    done = subprocess.run([node, str(CHECK_JS)], input=json.dumps(
        {"shapes": shapes, "answers": answers}), capture_output=True, text=True, cwd=ROOT,
        timeout=60, check=True)
    result: dict[str, list[bool]] = json.loads(done.stdout)
    return result


def mutants(value: Any, rng: random.Random, count: int) -> list[Any]:
    """`value` with one node each time swapped for another type, emptied or removed."""
    nodes: list[tuple[Any, Any]] = []

    def walk(node: Any) -> None:
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for key, item in list(items):
            nodes.append((node, key))
            if isinstance(item, dict | list):
                walk(item)

    found = []
    for _ in range(count):
        copied = copy.deepcopy(value)
        nodes.clear()
        walk(copied)
        parent, key = rng.choice(nodes)
        swap = rng.choice([None, 3, -1, 2.5, True, "", "x" * 6000, "Bad Id", [], {}, "DELETE"])
        if swap == "DELETE" and isinstance(parent, dict):
            del parent[key]
        else:
            parent[key] = swap
        found.append(copied)
    return found


def test_the_page_and_python_check_shapes_alike() -> None:
    rng = random.Random(11)
    shapes: list[tuple[str, object]] = []
    for request_ in page_requests()[::3]:
        reply = json.loads(handle(json.dumps(request_)))
        shape = contract.REQUESTS[request_["type"]][1]
        shapes += [(shape, reply), *((shape, m) for m in mutants(reply, rng, 12))]
        shapes += [("Request", request_), *(("Request", m) for m in mutants(request_, rng, 4))]
    expected = [check(DOCUMENT, name, value) == [] for name, value in shapes]
    assert 20 < sum(expected) < len(expected) - 20  # both kinds, in numbers
    got = run_js(shapes, [])["shapes"]
    disagree = [(name, value) for (name, value), a, b in zip(shapes, expected, got, strict=True)
                if a != b]
    assert disagree == []


def test_the_page_keeps_an_answer_exactly_when_the_engine_takes_it() -> None:
    """quiz-saved.js's answerFits is quiz/answers.py's rule (for an answer given)."""
    rng = random.Random(3)
    cases: list[tuple[object, dict[str, Any]]] = []
    expected = []
    for bank in (quiz.load_bank(b) for b in quiz.bank_ids()):
        for question in bank.questions:
            ids = [o.id for o in question.options]
            layout = {"single": question.kind == "single", "options": ids,
                      "exclusive": [o.id for o in question.options if o.exclusive]}
            picks_list: list[object] = [[i] for i in ids]
            picks_list += [rng.sample(ids, rng.randint(0, len(ids))) for _ in range(6)]
            picks_list += [[ids[0], ids[0]], [*ids, "x"], ["x"], [1], ids[0], None, {}]
            for picks in picks_list:
                try:
                    check_answers(bank, {question.id: picks})
                    takes = isinstance(picks, list) and len(picks) > 0
                except AnswerError:
                    takes = False
                cases.append((picks, layout))
                expected.append(takes)
    assert run_js([], cases)["answers"] == expected
    assert 0.2 < sum(expected) / len(expected) < 0.8


def test_only_the_contracts_runtime_module_is_published(site_dir: Path) -> None:
    scripts = site_dir / "assets" / "javascripts"
    assert (scripts / written.JS).is_file()
    assert not any((scripts / name).exists() for name in written.UNPUBLISHED)
    assert list(site_dir.rglob("*.d.ts")) == []
