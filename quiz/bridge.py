"""The browser's entry point: the worker hands over one JSON request, gets JSON back.

Every outcome is a JSON object, so the page never sees a Python traceback.
"""

from __future__ import annotations

import json
from typing import Any

from . import score, to_json
from .errors import QuizError
from .loading import load_bank
from .rounds import history_entry, next_round, progress

MAX_REQUEST = 64_000  # characters: far more than any real set of answers
ROUND_KEYS = {"bank", "history", "seed", "size"}


def handle(request: str) -> str:
    """One request, one JSON answer; see `answer` for the requests understood."""
    try:
        if not isinstance(request, str) or len(request) > MAX_REQUEST:
            raise QuizError("the request is too large")
        data: Any = json.loads(request)
        if not isinstance(data, dict):
            raise QuizError("the request must be a JSON object")
        return to_json(answer(data))
    except (QuizError, ValueError) as error:
        return to_json({"ok": False, "error": str(error)})
    except RecursionError:  # json.loads on absurdly nested input
        return to_json({"ok": False, "error": "the request is nested too deeply"})


def answer(data: dict[str, Any]) -> dict[str, Any]:
    """{"bank": id, "answers": {...}} -> {"ok": true, "result": {...}};
    with "round": [scenario ids] only that round is scored, and "entry" is the short
    form of the result to keep in the reader's history;
    {"round": {"bank": id, "history": [...], "seed": n, "size": k}} ->
    {"ok": true, "round": [scenario ids], "progress": {...}}.
    """
    if isinstance(data.get("round"), dict):
        return plan_round(data)
    bank = data.get("bank")
    if not isinstance(bank, str):
        raise QuizError("the request must name a bank")
    if data.get("round") is None:
        return {"ok": True, "result": score(bank, data.get("answers")).to_dict()}
    result = score(bank, data.get("answers"), round=data["round"]).to_dict()
    return {"ok": True, "result": result, "entry": history_entry(result)}


def plan_round(data: dict[str, Any]) -> dict[str, Any]:
    if len(data) != 1:
        raise QuizError("a round request has only the key 'round'")
    ask: dict[str, Any] = data["round"]
    unknown = sorted(str(k)[:30] for k in ask if k not in ROUND_KEYS)
    if unknown:
        raise QuizError(f"a round request does not take {', '.join(unknown)}; "
                        f"it takes {', '.join(sorted(ROUND_KEYS))}")
    bank_id = ask.get("bank")
    if not isinstance(bank_id, str):
        raise QuizError("the round request must name a bank")
    bank = load_bank(bank_id)
    history = ask.get("history", [])
    ids = next_round(bank, history, ask.get("seed", 0), ask.get("size"))
    return {"ok": True, "round": ids, "progress": progress(bank, history)}
