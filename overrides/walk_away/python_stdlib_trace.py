"""What the browser's worker asks of the engine, run under Pyodide by python_stdlib.mjs.

Importing nothing beyond what the worker does, it sends the engine every type of
request a page can (quiz.contract.REQUESTS: score, next-round, warm): each bank with
no, right, wrong and partial answers, hostile answers and malformed requests, and it
parses broken banks. The modules this imports are the standard library the site ships;
the answers prove the trimmed copy agrees.
"""

from __future__ import annotations

import json

import quiz
from quiz.bridge import handle

BROKEN_BANKS = {  # a syntax error, and valid TOML that is not a bank
    "banks/broken.toml": 'id = "broken"\ntitle = "unclosed',
    "banks/odd.toml": 'id = "other"\nkind = "poll"\nscenarios = [1]\n',
}


def answer_sets(bank: quiz.Bank) -> list[object]:
    first, last = bank.questions[0], bank.questions[-1]
    sets: list[object] = [{}, {q.id: sorted(q.correct_ids) for q in bank.questions}]
    sets += [{q.id: [o.id]} for q in bank.questions for o in q.options]  # right and wrong
    sets += [{q.id: [o.id for o in q.options]} for q in bank.questions]  # partly right
    sets += [[], "walk-away", None, {"no-such-question": ["pause"]}, {first.id: "pause"},
             {first.id: [None]}, {last.id: [1]}, {first.id: ["x" * 500]}]
    return sets


def round_requests() -> list[str]:
    """Practice rounds: score one round, then plan the next from its history."""
    found = []
    for bank in (quiz.load_bank(b) for b in quiz.bank_ids()):
        if bank.rounds is None:
            continue
        first = quiz.first_round(bank)
        answers = {f"{s}-signs": ["diminishing-returns"] for s in first}
        played = quiz.score(bank, answers, round=first).to_dict()
        found += [json.dumps({"type": "score", "bank": bank.id, "answers": answers,
                              "round": first}),
                  json.dumps({"type": "next-round", "bank": bank.id}),
                  json.dumps({"type": "next-round", "bank": bank.id, "seed": 7,
                              "history": [quiz.history_entry(played), "junk"]}),
                  json.dumps({"type": "next-round", "bank": bank.id, "seed": -1})]
    return found


def requests() -> list[str]:
    found = [json.dumps({"type": "score", "bank": b, "answers": a})
             for b in quiz.bank_ids() for a in answer_sets(quiz.load_bank(b))]
    found += [json.dumps({"type": "warm", "bank": b}) for b in quiz.bank_ids()]
    return [*found, *round_requests(), "not json", "[1]", "{}", '{"type": "plan"}',
            json.dumps({"type": "score", "bank": "no-such-bank"}), "[" * 5000 + "]" * 5000,
            json.dumps({"type": "score", "bank": "x" * 70_000})]


def trace() -> list[str]:
    """The engine's answer to every request, then the message of each broken bank."""
    answers = [handle(request) for request in requests()]
    for file, text in BROKEN_BANKS.items():
        try:
            quiz.parse_bank(text, file)
            answers.append(f"{file}: accepted")
        except quiz.BankError as error:
            answers.append(f"{file}: {error}")
    return answers
