"""The contract between the engine and the page, defined once, as data.

Every message that crosses between Python and the page's scripts: the requests the
worker sends (`quiz.bridge`), the replies, the results, a practice round's history entry,
what the browser saves, and the worker's error message to the page. Each shape is a JSON
Schema fragment built by the helpers below; the build writes them out (the
walk-away/contract plugin) as a JSON Schema and as TypeScript declarations the page
scripts import as types, with the constants the page shares with Python
(`PAGE_CONSTANTS`). `tests/test_contract.py` proves the written
files are up to date and that the engine's real replies fit the schema.

To add a field to a result: add it where the engine builds it and here; the test names
any reply that no longer fits.
"""

from __future__ import annotations

from typing import Any

from .fields import ID as ID_RE
from .rounds import MAX_SEED
from .scoring import MOVE_MISTAKES
from .wording import PAGE

Schema = dict[str, Any]

MAX_REQUEST = 64_000  # characters in one request: far more than any real set of answers
MAX_TEXT = 5_000  # characters in any text the engine returns (and the page keeps)
MAX_ITEMS = 1_000  # entries in any list or map the engine returns
MAX_ROUND = 100  # scenarios in one round
STALL_SECONDS = 15  # the page gives up on a download when no bytes arrive for this long
SAVED_VERSION = 3  # the saved progress' format (1: no bank hash; 2: "also_right")
HISTORY_VERSION = 1  # the saved practice history's format
LEVELS = ("strong", "yes", "neutral", "no")  # how much a factor weighs (assessment)

ID_PATTERN = ID_RE.pattern
# A guide link: a path on this site, never a scheme or another host.
HREF_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_./-]*(#[A-Za-z0-9_-]*)?$"
HASH_PATTERN = r"^[0-9a-f]{16}$"


# --- the helpers: each returns a JSON Schema fragment --------------------------------

def ref(name: str) -> Schema:
    return {"$ref": f"#/$defs/{name}"}


def const(value: str | int | bool) -> Schema:
    return {"const": value}


def enum(*values: str) -> Schema:
    return {"enum": list(values)}


def text(max_length: int = MAX_TEXT) -> Schema:
    return {"type": "string", "maxLength": max_length}


def count(maximum: int = 999_999) -> Schema:
    return {"type": "integer", "minimum": 0, "maximum": maximum}


def list_of(item: Schema, max_items: int = MAX_ITEMS, min_items: int = 0) -> Schema:
    schema: Schema = {"type": "array", "items": item, "maxItems": max_items}
    if min_items:
        schema["minItems"] = min_items
    return schema


def map_of(item: Schema) -> Schema:
    """An object keyed by ids (questions, signs, checks)."""
    return {"type": "object", "propertyNames": ref("Id"), "additionalProperties": item,
            "maxProperties": MAX_ITEMS}


def record(doc: str, fields: dict[str, Schema], optional: tuple[str, ...] = ()) -> Schema:
    """An object with exactly these fields, all required but the `optional` ones."""
    return {"description": doc, "type": "object", "properties": fields,
            "required": [name for name in fields if name not in optional],
            "additionalProperties": False}


def one_of(doc: str, *shapes: Schema) -> Schema:
    return {"description": doc, "anyOf": list(shapes)}


def nullable(shape: Schema) -> Schema:
    return {"anyOf": [shape, {"type": "null"}]}


ID = ref("Id")
IDS = list_of(ID)
TEXT = text()
FLAG: Schema = {"type": "boolean"}
SECTION = ref("Section")

# --- the shapes ----------------------------------------------------------------------

DEFS: dict[str, Schema] = {
    "Id": {"description": "A bank, question, option, scenario, sign or section id.",
           "type": "string", "pattern": ID_PATTERN, "maxLength": 100},
    "Section": record("A section of the guide, linked from a result.", {
        "id": ID, "title": TEXT,
        "href": {"type": "string", "pattern": HREF_PATTERN, "maxLength": 300}}),
    "Answers": {"description": "{question id: [option id, ...]}: a form's answers.",
                **map_of(list_of(ID, 100))},
    "Seed": {"description": "The tie-breaks' seed: a whole number a browser keeps exactly.",
             "type": "integer", "minimum": 0, "maximum": MAX_SEED},

    # Requests: one per "type"; quiz.bridge dispatches on it.
    "ScoreRequest": record(
        "Score answers; with `round` (scenario ids) only that practice round counts, and "
        "the reply carries the history entry to keep.",
        {"type": const("score"), "bank": ID, "answers": ref("Answers"),
         "round": list_of(ID, MAX_ROUND, 1)}, optional=("round",)),
    "NextRoundRequest": record(
        "Choose the reader's next practice round from their history.",
        {"type": const("next-round"), "bank": ID, "history": list_of(ref("HistoryEntry")),
         "seed": ref("Seed"), "size": count(MAX_ROUND)},
        optional=("history", "seed", "size")),
    "WarmRequest": record(
        "Load a bank and run its scoring once, so the reader's first check is quick.",
        {"type": const("warm"), "bank": ID}),
    "Request": one_of("Everything the page asks of the engine.", ref("ScoreRequest"),
                      ref("NextRoundRequest"), ref("WarmRequest")),

    # Replies.
    "ScoreReply": record("Scored answers.", {
        "ok": const(True), "result": ref("Result"), "entry": ref("HistoryEntry")},
        optional=("entry",)),
    "NextRoundReply": record("The next round and the reader's progress so far.", {
        "ok": const(True), "round": list_of(ID, MAX_ROUND, 1), "progress": ref("Progress")}),
    "WarmReply": record("The bank is loaded.", {"ok": const(True)}),
    "ErrorReply": record("The engine refused the request; Python keeps running.", {
        "ok": const(False), "error": TEXT}),
    "Reply": one_of("Every reply of the engine.", ref("ScoreReply"), ref("NextRoundReply"),
                    ref("WarmReply"), ref("ErrorReply")),

    # The worker's error message to the page (quiz-worker.js -> quiz-engine.js).
    "FailureWord": {"description": "A failure the page words: its key in quiz/wording.py's "
                                   "PAGE (quiz-words.js, Failure).",
                    **enum(*(key for key in PAGE if key.startswith("failure.")))},
    "WorkerError": record(
        "The worker could not answer request `id`. With `engine`, the engine failed on it "
        "and Python keeps running; with `word` (and its `values`), the page words the "
        "failure and `message` is that key, never shown; otherwise `message` is Pyodide's "
        "or Python's own, shown as it came.", {
            "id": {"type": "integer", "minimum": 1, "maximum": MAX_SEED},
            "type": const("error"), "message": TEXT, "engine": const(True),
            "word": ref("FailureWord"),
            "values": {"type": "object", "propertyNames": {"type": "string",
                                                           "pattern": "^[A-Za-z0-9_]+$"},
                       "additionalProperties": {"anyOf": [TEXT, {"type": "number"}]},
                       "maxProperties": 20}},
        optional=("engine", "word", "values")),

    # Results.
    "ChosenOption": record("An option the reader chose, explained.", {
        "id": ID, "label": TEXT, "correct": FLAG, "explanation": TEXT, "section": SECTION}),
    "QuestionResult": record("One question's feedback.", {
        "id": ID, "kind": enum("single", "multiple"), "answered": FLAG, "points": count(),
        "max_points": count(), "correct": FLAG, "verdict": TEXT,
        "chosen": list_of(ref("ChosenOption")), "missed": IDS, "missed_labels": list_of(TEXT),
        "right_answer": TEXT}),
    "SignProfile": record("How the reader did on one sign.", {
        "id": ID, "name": TEXT, "section": SECTION, "present": count(), "spotted": count(),
        "missed": count(), "flagged_absent": count(),
        "status": enum("strong", "reread", "untested"), "counts": TEXT, "summary": TEXT}),
    "MovesTally": record("The reader's moves: right, and each kind of wrong move.", {
        "answered": count(), "right": count(), **{name: count() for name in MOVE_MISTAKES}}),
    "SelfCheckSummary": record("What the self-check's results say overall.", {
        "text": TEXT, "strengths": IDS, "reread": list_of(SECTION), "moves": ref("MovesTally"),
        "moves_text": TEXT}),
    "SelfCheckResult": record(
        "A self-check's results; a practice round's also name the round's scenarios.", {
            "bank": ID, "kind": const("self-check"), "score": count(), "max_score": count(),
            "score_text": TEXT, "answered": count(), "total": count(), "answered_text": TEXT,
            "unanswered": IDS, "questions": map_of(ref("QuestionResult")),
            "criteria": map_of(ref("SignProfile")), "summary": ref("SelfCheckSummary"),
            "round": list_of(ID, MAX_ROUND, 1)}, optional=("round",)),
    "Reason": record("A reason for the recommendation.", {
        "factor": ID, "name": TEXT, "statement": nullable(ID), "answer": nullable(ID),
        "answer_label": TEXT, "text": TEXT, "section": SECTION}),
    "AssessmentResult": record("A recommendation for the reader's own negotiation.", {
        "bank": ID, "kind": const("assessment"), "recommendation": ID,
        "recommendation_label": TEXT, "rule": nullable(ID), "advice": TEXT,
        "reasons": list_of(ref("Reason")), "next_steps": list_of(TEXT), "section": SECTION,
        "signs": map_of(record("How much one sign weighs.", {
            "name": TEXT, "level": enum(*LEVELS), "weighs": FLAG, "section": SECTION})),
        "checks": map_of(enum(*LEVELS)), "answered": count(), "total": count(),
        "unanswered": IDS, "unanswered_text": TEXT, "disclaimer": TEXT}),
    "Result": one_of("The results of any bank, by its kind.", ref("SelfCheckResult"),
                     ref("AssessmentResult")),

    # Practice rounds.
    "HistoryEntry": record(
        "One practice round, as the reader's history keeps it: what was chosen.", {
            "bank": ID, "round": list_of(ID, MAX_ROUND, 1),
            "questions": map_of(record("One question's choices.", {
                "chosen": list_of(record("A chosen option.", {"id": ID}), 100)}))}),
    "RoundCounts": record("One sign in one round.", {
        "present": count(), "spotted": count(), "flagged_absent": count()}),
    "SignProgress": record("One sign across the reader's rounds.", {
        "id": ID, "name": TEXT, "section": SECTION, "rounds": list_of(ref("RoundCounts")),
        "mastered": FLAG, "weakness": count(), "text": TEXT}),
    "Progress": record("The reader's progress across their practice rounds.", {
        "bank": ID, "rounds": count(), "practised": count(), "scenarios": count(),
        "mastery": record("What counts as mastering a sign.", {
            "streak": count(), "text": TEXT}),
        "signs": map_of(ref("SignProgress")), "mastered": IDS, "focus": IDS, "text": TEXT}),

    # What the browser keeps (localStorage).
    "SavedProgress": record(
        "A reader's answers, feedback and results on one bank (quiz-store.js).", {
            "v": const(SAVED_VERSION), "hash": {"type": "string", "pattern": HASH_PATTERN},
            "answers": ref("Answers"), "feedback": map_of(ref("QuestionResult")),
            "results": nullable(ref("Result"))}),
    "PlannedRound": record(
        "A round: its scenarios, its seed, where the reader is, whether it is recorded.", {
            "ids": list_of(ID, MAX_ROUND, 1), "seed": ref("Seed"), "index": count(MAX_ROUND),
            "recorded": FLAG}, optional=("index", "recorded")),
    "SavedRounds": record("A reader's practice rounds on one bank (quiz-history.js).", {
        "v": const(HISTORY_VERSION), "hash": text(100), "entries": list_of(ref("HistoryEntry")),
        "current": nullable(ref("PlannedRound")), "next": nullable(ref("PlannedRound")),
        "progress": nullable(ref("Progress"))}),
}

# Each request's "type", its shape and its reply's shape.
REQUESTS: dict[str, tuple[str, str]] = {
    "score": ("ScoreRequest", "ScoreReply"),
    "next-round": ("NextRoundRequest", "NextRoundReply"),
    "warm": ("WarmRequest", "WarmReply"),
}

# What the page shares with Python besides the shapes, written into quiz-contract.js.
PAGE_CONSTANTS: dict[str, Any] = {
    "ID_PATTERN": ID_PATTERN,
    "MAX_SEED": MAX_SEED,
    "MAX_REQUEST": MAX_REQUEST,
    "MAX_ROUND": MAX_ROUND,
    "STALL_MS": STALL_SECONDS * 1000,
    "SAVED_VERSION": SAVED_VERSION,
    "HISTORY_VERSION": HISTORY_VERSION,
    "REQUEST_TYPES": list(REQUESTS),
}


def request_keys(kind: str) -> list[str]:
    """The fields a request of this type takes."""
    return list(DEFS[REQUESTS[kind][0]]["properties"])


def json_schema() -> Schema:
    """The whole contract as one JSON Schema document; its $defs are the shapes."""
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": "walk-away-quiz-contract", "title": "Walk Away: engine and page",
            "description": "Generated from quiz/contract.py: do not edit.",
            "anyOf": [ref("Request"), ref("Reply"), ref("WorkerError"), ref("SavedProgress"),
                      ref("SavedRounds")],
            "$defs": DEFS}


__all__ = ["DEFS", "PAGE_CONSTANTS", "REQUESTS", "json_schema", "request_keys"]
