"""The browser's entry point: the worker hands over one JSON request, gets JSON back.

Every request names its type (`{"type": "score" | "next-round" | "warm", ...}`); the
shapes of requests and replies are defined once, in `quiz.contract`. Every outcome is
a JSON object, so the page never sees a Python traceback.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from . import kind_of, score, to_json
from .answers import show
from .contract import MAX_REQUEST, REQUESTS, request_keys
from .errors import QuizError
from .loading import load_bank
from .rounds import history_entry, next_round, progress

Handler = Callable[[dict[str, Any]], dict[str, Any]]


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
    """Dispatch a request on its "type" (quiz.contract.REQUESTS) to its handler."""
    kind = data.get("type")
    handler = HANDLERS.get(kind) if isinstance(kind, str) else None
    if handler is None or not isinstance(kind, str):
        raise QuizError(f"unknown request type {show(kind)}; a request's \"type\" is one of "
                        f"{', '.join(HANDLERS)}")
    takes = request_keys(kind)
    unknown = sorted(str(k)[:30] for k in data if k not in takes)
    if unknown:
        raise QuizError(f"a {kind} request does not take {', '.join(unknown)}; "
                        f"it takes {', '.join(takes)}")
    if not isinstance(data.get("bank"), str):
        raise QuizError(f"the {kind} request must name a bank")
    return handler(data)


def score_answers(data: dict[str, Any]) -> dict[str, Any]:
    """{"type": "score", "bank", "answers"} -> {"ok": true, "result"}; with "round"
    (scenario ids) only that round is scored, and "entry" is the short form of the
    result to keep in the reader's history."""
    if data.get("round") is None:
        return {"ok": True, "result": score(data["bank"], data.get("answers")).to_dict()}
    result = score(data["bank"], data.get("answers"), round=data["round"]).to_dict()
    return {"ok": True, "result": result, "entry": history_entry(result)}


def plan_round(data: dict[str, Any]) -> dict[str, Any]:
    """{"type": "next-round", "bank", "history"?, "seed"?, "size"?} ->
    {"ok": true, "round": [scenario ids], "progress": {...}}."""
    bank = load_bank(data["bank"])
    history = data.get("history", [])
    ids = next_round(bank, history, data.get("seed", 0), data.get("size"))
    return {"ok": True, "round": ids, "progress": progress(bank, history)}


def warm(data: dict[str, Any]) -> dict[str, Any]:
    """{"type": "warm", "bank"} -> {"ok": true}: the bank is loaded and scored once."""
    bank = load_bank(data["bank"])
    kind_of(bank).score(bank, {}).to_dict()
    return {"ok": True}


HANDLERS: dict[str, Handler] = {"score": score_answers, "next-round": plan_round,
                                "warm": warm}
assert list(HANDLERS) == list(REQUESTS), "every request type in the contract is handled"
