"""Saved progress a returning reader's browser may hold: damaged, stale or from an older
version of the site. Whatever it is, the page must not throw, must bring back the answers
that still fit the form, must never show feedback or results made from other bank
content, and must still check and score.

Most values arrive through instant navigation between the two quiz pages, so one Python
worker serves them all; the reported crash and blocked storage get a cold page load.
"""

from __future__ import annotations

import copy
import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from playwright.sync_api import Locator, Page, expect

import quiz
from quiz.render import content_hash
from tests.support.banks import live_questions
from tests.support.rounds_page import go_to, round_ids

pytestmark = pytest.mark.browser
READY = 60_000  # ms: a cold Pyodide start on a busy 2-core machine
SEED = 20261129
ROUNDS = 40  # generated values, alternating between the two banks
MAX_SAVED = 500_000  # quiz-store.js reads no saved text longer than this
MARK = 'SAVED <b class="injected">'  # in saved views: must never become markup
PAGES = {"spot-the-signs": "self-check/", "my-negotiation": "my-negotiation/"}
BANKS = {bank_id: quiz.load_bank(bank_id) for bank_id in PAGES}
# The questions a new reader's form shows: a self-check's first round, every statement.
FIRST = {b: quiz.first_round(bank) for b, bank in BANKS.items() if bank.rounds}
LIVE = {b: live_questions(bank) for b, bank in BANKS.items()}
VERDICT = re.compile(r"^(Right|Partly right|Not quite): \d+ of \d+ points?\.$")
NOT_TEXT = ("undefined", "[object Object]", "NaN")
SAVE_VERSION = 3  # quiz-saved.js VERSION: 2 saved three-move feedback with "also_right"
DELETE = object()


def key(bank_id: str) -> str:
    return f"walk-away:quiz:{bank_id}"


@dataclass
class Case:
    """One saved value, and what a reader must see after the page restores it."""

    bank: str
    raw: str  # the text in localStorage
    note: str
    recheck: list[str] = field(default_factory=list)  # worked out again once Python is ready
    rescore: bool = False  # results worked out again
    pristine: bool = False  # a value this very build wrote: its views come back as saved


# --- what the page must keep: the rules of quiz-saved.js, stated independently ---


def kept_answers(raw: str, bank: quiz.Bank) -> dict[str, list[str]]:
    if len(raw) > MAX_SAVED:
        return {}
    try:
        value = json.loads(raw)
    except (ValueError, RecursionError):
        return {}
    answers = value.get("answers") if isinstance(value, dict) else None
    if not isinstance(answers, dict):
        return {}
    kept = {}
    for question in LIVE[bank.id]:
        picks = answers.get(question.id)
        options = {o.id for o in question.options}
        if (isinstance(picks, list) and picks and len(picks) <= len(options)
                and all(isinstance(p, str) and p in options for p in picks)
                and len(set(picks)) == len(picks)
                and (len(picks) == 1 if question.kind == "single"
                     else "none" not in picks or len(picks) == 1)):
            kept[question.id] = sorted(picks)
    return kept


def may_show_saved_views(raw: str, bank: quiz.Bank) -> bool:
    """Saved feedback and results are shown only from this format and this bank content."""
    try:
        value = json.loads(raw)
    except (ValueError, RecursionError):
        return False
    return (isinstance(value, dict) and value.get("v") == SAVE_VERSION
            and value.get("hash") == content_hash(bank))


# --- saved values: realistic ones, then damaged ---


def reader_answers(bank: quiz.Bank, rng: random.Random) -> dict[str, list[str]]:
    answers = {}
    for question in LIVE[bank.id]:
        if rng.random() < 0.4:
            continue
        ids = [o.id for o in question.options]
        if question.kind == "single":
            answers[question.id] = [rng.choice(ids)]
        elif rng.random() < 0.2:
            answers[question.id] = ["none"]
        else:
            signs = [i for i in ids if i != "none"]
            answers[question.id] = rng.sample(signs, rng.randint(1, len(signs)))
    first = LIVE[bank.id][0]
    return answers or {first.id: [first.options[0].id]}


def saved_state(bank: quiz.Bank, rng: random.Random) -> dict[str, Any]:
    """What this build writes after a reader checked some answers and asked for results."""
    answers = reader_answers(bank, rng)
    result = quiz.score(bank.id, answers, round=FIRST.get(bank.id)).to_dict()
    feedback = {}
    if bank.kind == "self-check":
        for qid in answers:
            if rng.random() < 0.6:
                one = copy.deepcopy(result["questions"][qid])
                one["chosen"][0]["explanation"] = MARK + one["chosen"][0]["explanation"]
                feedback[qid] = one
        result["summary"]["text"] = MARK + result["summary"]["text"]
    else:
        result["recommendation_label"] = MARK + result["recommendation_label"]
    return {"v": SAVE_VERSION, "hash": content_hash(bank), "answers": answers, "feedback": feedback,
            "results": result if rng.random() < 0.7 else None}


KEYS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "length", "0",
        "", "moves", "chosen", "section", "href", "answers", "feedback", "results", "v"]
LEAVES: list[Any] = [None, True, False, 0, -1, 1.5, 10**20, 1e308, "", "x", "none", "__proto__",
                     '<img src=x onerror="window.__pwned=1">', "javascript:alert(1)",
                     "ünïcødé ✓ \u202e", "y" * 20_000, [], {}]


def garbage(rng: random.Random, depth: int = 0) -> Any:
    roll = rng.random()
    if depth > 3 or roll < 0.5:
        return copy.deepcopy(rng.choice(LEAVES))
    if roll < 0.75:
        return [garbage(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    return {rng.choice(KEYS): garbage(rng, depth + 1) for _ in range(rng.randint(0, 4))}


def paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(value, dict):
        for name, item in value.items():
            yield from paths(item, (*path, name))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from paths(item, (*path, index))


def put(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    """`value` with the node at `path` replaced by `new` (or removed: DELETE)."""
    if not path:
        return new
    parent = value
    for step in path[:-1]:
        parent = parent[step]
    if new is DELETE:
        del parent[path[-1]]
    else:
        parent[path[-1]] = new
    return value


def broken_answer(bank: quiz.Bank, value: dict[str, Any], rng: random.Random) -> None:
    """An answer no reader could give in today's form."""
    answers = value.setdefault("answers", {})
    question = rng.choice(bank.questions)
    ids = [o.id for o in question.options]
    answers[question.id] = rng.choice([
        [*ids[:1], "no-such-option"], ["no-such-option"], ids[:2], [ids[0], ids[0]], [],
        [ids[0], "none"] if "none" in ids else ids[:3], [1], ids[0], {"0": ids[0]}, None,
    ])
    if rng.random() < 0.5:
        answers["a-question-since-removed"] = ids[:1]


def old_result_shape(value: dict[str, Any], rng: random.Random) -> None:
    """Results an older engine wrote: the reported crash lacked "moves"."""
    results = value.get("results")
    if isinstance(results, dict):
        gone = rng.choice(["summary.moves", "criteria", "reasons", "next_steps", "section"])
        *where, last = gone.split(".")
        node = results
        for step in where:
            node = node.get(step, {})
        node.pop(last, None)


def damaged(bank: quiz.Bank, rng: random.Random) -> str:
    value = saved_state(bank, rng)
    for _ in range(rng.randint(1, 3)):
        kind = rng.choice(["replace", "replace", "delete", "version", "hash", "answer",
                           "answer", "old", "shape", "text"])
        if kind == "text":  # the whole saved text, unreadable or absurd
            return rng.choice([
                "", "not json", "{", "null", "[]", '"text"', "42", '{"answers":',
                "[" * 5000 + "]" * 5000, json.dumps({"answers": "x" * (MAX_SAVED + 10)}),
            ])
        if not isinstance(value, dict):
            break
        if kind in ("replace", "delete"):
            where = rng.choice([p for p in paths(value) if p or kind == "replace"])
            value = put(value, where, garbage(rng) if kind == "replace" else DELETE)
        elif kind == "version":
            value = put(value, ("v",), rng.choice([1, 0, 2, "3", None, 2.5, DELETE]))
        elif kind == "hash":
            value = put(value, ("hash",), rng.choice(
                ["0000000000000000", content_hash(bank).upper(), "", 12, None,
                 content_hash(bank)[:8], DELETE]))
        elif kind == "answer":
            broken_answer(bank, value, rng)
        elif kind == "old":  # format 1: no hash
            value["v"] = 1
            value.pop("hash", None)
        elif kind == "shape":
            old_result_shape(value, rng)
    return json.dumps(value, allow_nan=False)


def generated_cases() -> list[Case]:
    rng = random.Random(SEED)
    cases = []
    for n in range(ROUNDS):
        bank_id = "my-negotiation" if n % 2 == 0 else "spot-the-signs"
        bank = BANKS[bank_id]
        if n < 2:
            raw = json.dumps(saved_state(bank, rng))
            cases.append(Case(bank_id, raw, f"generated #{n}: as this build saves it",
                              pristine=True))
        else:
            cases.append(Case(bank_id, damaged(bank, rng), f"generated #{n}"))
    return cases


# --- a save from the three-move bank (format 2), before the accept move ---


def three_move_feedback(feedback: dict[str, Any]) -> dict[str, Any]:
    """One question's feedback as the three-move engine wrote it: "also_right", marked."""
    old = {k: v for k, v in copy.deepcopy(feedback).items() if k != "right_answer"}
    old["also_right"] = MARK + "Also right: Walk away."
    for option in old["chosen"]:
        option["explanation"] = MARK + option["explanation"]
    return old


def three_move_save(bank: quiz.Bank) -> str:
    """What the site saved before `accept`: three-move answers, feedback and results."""
    moves = [q for q in LIVE[bank.id] if q.role == "move"]
    signs = [q for q in LIVE[bank.id] if q.role == "signs"]
    answers = {q.id: [("keep-negotiating", "pause", "walk-away")[n % 3]]
               for n, q in enumerate(moves)}
    answers |= {signs[0].id: ["none"], signs[1].id: ["lack-of-flexibility",
                                                     "diminishing-returns"]}
    result = quiz.score(bank.id, answers, round=FIRST[bank.id]).to_dict()
    result["summary"]["moves"] = {"answered": len(moves), "right": 0,
                                  "walked_away_too_soon": 1, "stayed_too_long": 1}
    result["summary"]["text"] = MARK + result["summary"]["text"]
    for one in result["questions"].values():
        one.pop("right_answer")
        one["also_right"] = ""
    feedback = {qid: three_move_feedback(result["questions"][qid]) for qid in answers}
    return json.dumps({"v": 2, "hash": "35172e36a71cf747", "answers": answers,  # that build's
                       "feedback": feedback, "results": result})


# --- hand-picked: the reported crash and its relatives ---


def hand_picked() -> list[Case]:
    signs, negotiation = BANKS["spot-the-signs"], BANKS["my-negotiation"]
    live = LIVE[signs.id]  # the first round's questions: two scenarios' move and signs
    move, picks = live[0], live[1]
    answers = {move.id: ["walk-away"], picks.id: ["lack-of-flexibility", "diminishing-returns"]}
    result = quiz.score(signs.id, answers).to_dict()
    feedback = {qid: result["questions"][qid] for qid in answers}
    # As saved by an older build: marked, so that showing it is caught.
    stale = copy.deepcopy(feedback)
    for one in stale.values():
        one["chosen"][0]["explanation"] = MARK + one["chosen"][0]["explanation"]
    stale_result = copy.deepcopy(result)
    stale_result["summary"]["text"] = MARK + stale_result["summary"]["text"]
    no_moves = copy.deepcopy(stale_result)
    del no_moves["summary"]["moves"]
    current = {"v": SAVE_VERSION, "hash": content_hash(signs), "answers": answers}

    def dump(value: Any) -> str:
        return json.dumps(value)

    def bad_feedback(change: dict[str, Any]) -> str:
        one = {**copy.deepcopy(feedback[move.id]), **change}
        return dump({**current, "feedback": {move.id: one}, "results": None})

    bad_link = copy.deepcopy(feedback[move.id])
    bad_link["chosen"][0]["section"]["href"] = "javascript:window.__pwned=1"
    mine = {"demands-cross-line": ["strongly-agree"], "know-alternative": ["yes"]}
    saved_mine = {"v": SAVE_VERSION, "hash": content_hash(negotiation), "answers": mine}
    three_moves = three_move_save(signs)
    verdict = quiz.score(negotiation.id, mine).to_dict()
    old_verdict = {k: v for k, v in verdict.items() if k not in ("reasons", "next_steps")}
    return [
        Case(signs.id, dump({"v": 1, "answers": answers, "feedback": stale,
                             "results": no_moves}),
             "reported crash: format 1, results without summary.moves",
             recheck=[move.id, picks.id], rescore=True),
        Case(signs.id, dump({**current, "feedback": feedback, "results": no_moves}),
             "this bank, results without summary.moves", rescore=True),
        Case(signs.id, dump({**current, "hash": "0" * 16, "feedback": stale,
                             "results": stale_result}),
             "feedback and results from other bank content",
             recheck=[move.id, picks.id], rescore=True),
        Case(signs.id, dump({"v": SAVE_VERSION, "answers": answers, "feedback": stale,
                             "results": stale_result}),
             "feedback and results without a bank hash",
             recheck=[move.id, picks.id], rescore=True),
        Case(signs.id, bad_feedback({"chosen": "oops"}), "chosen is text",
             recheck=[move.id]),
        Case(signs.id, bad_feedback({"chosen": [{"label": "x"}]}),
             "chosen without explanation or section", recheck=[move.id]),
        Case(signs.id, dump({**current, "feedback": {move.id: bad_link}}),
             "a guide link to a script", recheck=[move.id]),
        Case(signs.id, dump({**current, "answers": {move.id: ["pause"]},
                             "feedback": {move.id: feedback[move.id]}}),
             "feedback for another answer than the saved one", recheck=[move.id]),
        Case(signs.id, dump({"v": SAVE_VERSION, "hash": content_hash(signs), "answers": {
            move.id: ["pause", "walk-away"], picks.id: ["none", "diminishing-returns"],
            "gone-question": ["pause"], live[2].id: ["walk-away"],
            live[3].id: ["unknown-sign"]}}),
             "answers that no longer fit, next to one that does"),
        Case(signs.id, '{"__proto__": {"polluted": 1}, "answers": {"__proto__": '
             '{"polluted": 1}, "constructor": ["x"], "' + move.id + '": ["pause"]}}',
             "prototype-pollution keys"),
        Case(signs.id, "{not json", "damaged text"),
        Case(signs.id, three_moves, "format 2: the three-move bank's feedback",
             recheck=list(json.loads(three_moves)["feedback"]), rescore=True),
        Case(signs.id, dump({**current, "feedback": {qid: three_move_feedback(one)
                                                      for qid, one in feedback.items()}}),
             "this version and bank, feedback in the three-move shape",
             recheck=[move.id, picks.id]),
        Case(negotiation.id, dump({"v": 1, "answers": mine, "results": old_verdict}),
             "format 1, a recommendation without reasons or next steps", rescore=True),
        Case(negotiation.id, dump({**saved_mine, "results": {**verdict,
                                                             "recommendation": "<b>walk</b>"}}),
             "a recommendation id that is markup", rescore=True),
        Case(negotiation.id, dump({**saved_mine, "results": result}),
             "the self-check's results saved as the recommendation", rescore=True),
        Case(negotiation.id, dump({"v": SAVE_VERSION, "hash": "f" * 16, "answers": {
            **mine, "know-alternative": ["maybe"]}, "results": verdict}),
             "other bank content and an option since removed", rescore=True),
    ]


# --- driving the page ---


def checked(page: Page) -> dict[str, list[str]]:
    found: dict[str, list[str]] = page.evaluate("""() => {
        const out = {};
        for (const input of document.querySelectorAll('[data-quiz-form] input:checked')) {
            (out[input.name] ??= []).push(input.value);
        }
        return out;
    }""")
    return {qid: sorted(values) for qid, values in found.items()}


def views_text(root: Locator) -> str:
    return "\n".join(root.locator("[data-feedback], [data-quiz-results]").all_text_contents())


def assert_nothing_leaked(page: Page, root: Locator, case: Case) -> None:
    assert root.locator(".injected").count() == 0, "saved text was shown as markup"
    assert page.evaluate("window.__pwned === undefined && ({}).polluted === undefined")
    text = views_text(root)
    for wrong in NOT_TEXT:
        assert wrong not in text, f"{wrong!r} shown"
    if not may_show_saved_views(case.raw, BANKS[case.bank]):
        assert "SAVED" not in text, "stale saved feedback or results shown"


def unchecked_option(page: Page, question: quiz.Question) -> str:
    now = checked(page).get(question.id, [])
    return next(o.id for o in question.options if o.id not in now)


def still_checks_and_scores(page: Page, root: Locator, bank: quiz.Bank, n: int) -> None:
    question = LIVE[bank.id][n % len(LIVE[bank.id])]
    if question.scenario:  # one scenario at a time: go to this one
        go_to(page, round_ids(page).index(question.scenario.id) + 1)
    page.locator(f'input[name="{question.id}"][value="{unchecked_option(page, question)}"]'
                 ).check()
    if bank.kind == "self-check":
        page.locator(f'[data-check="{question.id}"]').click()
        verdict = page.locator(f'[data-feedback="{question.id}"] .quiz-feedback__verdict')
        expect(verdict).to_have_text(VERDICT, timeout=READY)
        page.get_by_role("button", name=re.compile("results", re.I)).click()
        expect(root).to_have_attribute("data-score", re.compile(r"^\d+$"), timeout=READY)
        expect(root.locator("[data-quiz-results]")).to_contain_text("You scored")
    else:
        page.get_by_role("button", name=re.compile("recommendation", re.I)).click()
        expect(root).to_have_attribute("data-recommendation", re.compile(r"^[a-z-]+$"),
                                       timeout=READY)
        expect(root.locator(".quiz-recommendation")).not_to_contain_text("SAVED")
    expect(root.locator("[data-quiz-results]")).to_be_visible()


def expect_worked_out_again(root: Locator, case: Case) -> None:
    for qid in case.recheck:
        box = root.locator(f'[data-feedback="{qid}"]')
        expect(box.locator(".quiz-feedback__verdict")).to_have_text(VERDICT, timeout=READY)
        expect(box).not_to_contain_text("SAVED")
    if case.rescore:
        name = "data-score" if BANKS[case.bank].kind == "self-check" else "data-recommendation"
        expect(root).to_have_attribute(name, re.compile(r"^[a-z0-9-]+$"), timeout=READY)
        expect(root.locator("[data-quiz-results]")).to_be_visible()


def expect_saved_views(root: Locator, case: Case) -> None:
    """A value this build wrote comes back whole, straight away."""
    saved = json.loads(case.raw)
    for qid in saved["feedback"]:
        expect(root.locator(f'[data-feedback="{qid}"]')).to_contain_text(MARK)
    if saved["results"]:
        expect(root.locator("[data-quiz-results]")).to_contain_text(MARK)


def arrive(page: Page, case: Case) -> Locator:
    """Save the value, then come to its page by instant navigation (same tab, same worker)."""
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key(case.bank), case.raw])
    page.locator(f'.md-nav a[href$="/{PAGES[case.bank]}"]').first.click()
    expect(page).to_have_url(re.compile(re.escape(PAGES[case.bank]) + "$"))
    root = page.locator(f'[data-quiz="{case.bank}"][data-bound]')
    expect(root).to_be_attached()
    return root


def run_cases(page: Page, site_url: str, problems: list[str], cases: list[Case]) -> None:
    page.goto(site_url + "resources/")
    for n, case in enumerate(cases):
        where = f"{case.bank}, {case.note}: {case.raw[:300]!r}"
        root = arrive(page, case)
        assert checked(page) == kept_answers(case.raw, BANKS[case.bank]), where
        if case.pristine:
            expect_saved_views(root, case)
        expect_worked_out_again(root, case)
        assert_nothing_leaked(page, root, case)
        still_checks_and_scores(page, root, BANKS[case.bank], n)
        assert_nothing_leaked(page, root, case)
        assert problems == [], where
        page.locator('.md-nav a[href$="/resources/"]').first.click()
        expect(page).to_have_url(re.compile(r"resources/$"))


def test_hand_picked_saved_values(page: Page, site_url: str, problems: list[str]) -> None:
    run_cases(page, site_url, problems, hand_picked())


def test_generated_saved_values(page: Page, site_url: str, problems: list[str]) -> None:
    run_cases(page, site_url, problems, generated_cases())


@pytest.mark.parametrize("case", [c for c in hand_picked() if "format 1" in c.note],
                         ids=lambda c: c.bank)
def test_returning_reader_with_an_older_save_on_a_fresh_page(
    page: Page, site_url: str, problems: list[str], case: Case
) -> None:
    page.goto(site_url)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key(case.bank), case.raw])
    page.goto(site_url + PAGES[case.bank])
    root = page.locator(f'[data-quiz="{case.bank}"]')
    assert checked(page) == kept_answers(case.raw, BANKS[case.bank])
    assert checked(page), "the old save's answers must come back"
    expect_worked_out_again(root, case)
    assert_nothing_leaked(page, root, case)
    still_checks_and_scores(page, root, BANKS[case.bank], 0)
    assert problems == []


def test_a_save_from_the_three_move_bank_restores_on_a_fresh_page(
    page: Page, site_url: str, problems: list[str]
) -> None:
    bank = BANKS["spot-the-signs"]
    raw = three_move_save(bank)
    case = Case(bank.id, raw, "three-move save, fresh page",
                recheck=list(json.loads(raw)["feedback"]), rescore=True)
    page.goto(site_url)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key(case.bank), case.raw])
    page.goto(site_url + PAGES[case.bank])
    root = page.locator(f'[data-quiz="{case.bank}"]')
    saved = json.loads(case.raw)["answers"]
    assert checked(page) == kept_answers(case.raw, bank) == {
        qid: sorted(picks) for qid, picks in saved.items()}, "every old answer still fits"
    expect_worked_out_again(root, case)
    expect(root).not_to_contain_text("Also right")
    expect(root.locator("[data-quiz-status]")).not_to_contain_text("could not")
    assert_nothing_leaked(page, root, case)
    still_checks_and_scores(page, root, bank, 0)
    assert problems == []


# Storage that refuses the quiz. (With all storage blocked, window.localStorage itself
# throws, and Material's own start-up scripts fail before ours run.)
BLOCKED = """
for (const name of ["getItem", "setItem", "removeItem"]) {
  const real = Storage.prototype[name];
  Storage.prototype[name] = function (key, ...rest) {
    if (String(key).startsWith("walk-away:")) {
      throw new DOMException("The operation is insecure.", "SecurityError");
    }
    return real.call(this, key, ...rest);
  };
}
"""
FULL = """
const realSetItem = Storage.prototype.setItem;
Storage.prototype.setItem = function (key, value) {
  if (String(key).startsWith("walk-away:")) {
    throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
  }
  return realSetItem.call(this, key, value);
};
"""


@pytest.mark.parametrize(("bank_id", "script"), [("spot-the-signs", BLOCKED),
                                                 ("my-negotiation", FULL)],
                         ids=["blocked", "full"])
def test_storage_that_throws_leaves_the_quiz_working(
    page: Page, site_url: str, problems: list[str], bank_id: str, script: str
) -> None:
    page.add_init_script(script)
    page.goto(site_url + PAGES[bank_id])
    root = page.locator(f'[data-quiz="{bank_id}"]')
    still_checks_and_scores(page, root, BANKS[bank_id], 1)
    root.locator("[data-quiz-form]").get_by_role("button", name="Start over").click()
    expect(page.locator("[data-quiz-form] input:checked")).to_have_count(0)
    assert problems == []
