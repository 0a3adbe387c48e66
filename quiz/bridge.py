"""The browser's entry point: the worker hands over one JSON request, gets JSON back.

Every outcome is a JSON object, so the page never sees a Python traceback.
"""

from __future__ import annotations

import json
from typing import Any

from . import score, to_json
from .errors import QuizError

MAX_REQUEST = 64_000  # characters: far more than any real set of answers


def handle(request: str) -> str:
    """{"bank": id, "answers": {...}} -> {"ok": true, "result": {...}} or an error."""
    try:
        if not isinstance(request, str) or len(request) > MAX_REQUEST:
            raise QuizError("the request is too large")
        data: Any = json.loads(request)
        if not isinstance(data, dict):
            raise QuizError("the request must be a JSON object")
        bank = data.get("bank")
        if not isinstance(bank, str):
            raise QuizError("the request must name a bank")
        result = score(bank, data.get("answers"))
        return to_json({"ok": True, "result": result.to_dict()})
    except (QuizError, ValueError) as error:
        return to_json({"ok": False, "error": str(error)})
    except RecursionError:  # json.loads on absurdly nested input
        return to_json({"ok": False, "error": "the request is nested too deeply"})
