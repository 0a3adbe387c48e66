"""Check my negotiation: the assessment bank, its decision rules at their edges, the CLI."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import quiz
from quiz import Bank, BankError, Problem
from tests.support.banks import option_label

ROOT = Path(__file__).resolve().parent.parent
BANK_ID = "my-negotiation"
SIGNS = tuple(s.id for s in quiz.SIGNS)
CHECKS = ("alternative-known", "offer-below-alternative", "interests-stated", "options-explored")
RECOMMENDATIONS = quiz.MOVES
ANSWERS_NEEDED = "answers-needed"  # the result with no answer at all: a request, not a move
ALTERNATIVE_STEP = "Work out your best alternative"
NAME_THE_TERM = "Name the specific term you cannot accept"
# What a reason, advice or step may say only when the reader knows their alternative and
# answered that the offer is not worse than it.
OFFER_HOLDS_UP = ("not worse than your alternative", "beats your alternative",
                  "not below your alternative", "meets your reservation point")
FAST = settings(max_examples=200, deadline=None)

BANK: Bank = quiz.load_bank(BANK_ID)
# Statement ids, by what they measure.
DEMANDS, RIGID, ROUNDS, COSTS, GOALS = ("demands-cross-line", "no-one-moves",
                                        "rounds-without-progress", "costs-outweigh-gains",
                                        "goals-incompatible")
KNOW, BELOW = "know-alternative", "offer-below-alternative"
INTERESTS, OPTIONS, TIME = "interests-stated", "options-explored", "time-could-help"
SIGN_STATEMENTS = (DEMANDS, RIGID, ROUNDS, COSTS, GOALS)

# The groundwork done: interests stated, options explored, nothing will change soon.
GROUNDWORK = {INTERESTS: "agree", OPTIONS: "strongly-agree", TIME: "strongly-disagree"}
NO_SIGNS = {DEMANDS: "strongly-disagree", RIGID: "disagree", ROUNDS: "disagree",
            COSTS: "neutral", GOALS: "strongly-disagree"}


def answers(picks: dict[str, str | None]) -> dict[str, list[str]]:
    """{statement: option} as the engine's answer shape; None leaves a statement out."""
    return {qid: [option] for qid, option in picks.items() if option is not None}


def assess(picks: dict[str, str | None]) -> dict[str, Any]:
    result: dict[str, Any] = quiz.score(BANK, answers(picks)).to_dict()
    return result


def label(qid: str, option: str) -> str:
    return option_label(BANK, qid, option)


def prompt(qid: str) -> str:
    question = BANK.question(qid)
    assert question is not None
    return question.prompt


def reason_for(result: dict[str, Any], statement: str) -> dict[str, Any]:
    found = [r for r in result["reasons"] if r["statement"] == statement]
    assert found, f"no reason from {statement!r} in {result['reasons']}"
    return found[0]


def assert_alternative_step_first(result: dict[str, Any]) -> None:
    assert result["next_steps"], result
    assert result["next_steps"][0].startswith(ALTERNATIVE_STEP), result["next_steps"]


def texts(result: dict[str, Any]) -> list[str]:
    """Every sentence a result shows: advice, reasons and next steps."""
    return [result["advice"], *(r["text"] for r in result["reasons"]), *result["next_steps"]]


def assert_well_formed(result: dict[str, Any]) -> None:
    assert result["recommendation"] in RECOMMENDATIONS
    assert result["recommendation_label"] == RECOMMENDATIONS[result["recommendation"]]
    assert result["answered"] > 0
    assert result["advice"].strip()
    assert result["next_steps"] and all(s.strip() for s in result["next_steps"])
    assert isinstance(result["reasons"], list)
    assert result["section"]["href"].startswith("guide/")
    for reason in result["reasons"]:
        assert reason["section"]["href"].startswith("guide/"), reason
        assert reason["answer_label"] in reason["text"]


# --- the bank ----------------------------------------------------------------------------

def test_about_ten_statements_on_a_five_point_or_yes_no_scale() -> None:
    assert BANK.kind == "assessment"
    assert 8 <= len(BANK.questions) <= 12
    agree = ["strongly-disagree", "disagree", "neutral", "agree", "strongly-agree"]
    for question in BANK.questions:
        assert question.kind == "single"
        assert question.prompt.strip()
        ids = [o.id for o in question.options]
        assert ids == agree or sorted(ids) == ["no", "not-sure", "yes"], ids
        assert not question.correct_ids


def test_covers_the_four_signs_and_the_checks() -> None:
    factors = {q.role for q in BANK.questions}
    assert set(SIGNS) <= factors
    assert set(CHECKS) <= factors
    assert BANK.question(KNOW) is not None and "alternative" in prompt(KNOW).lower()
    assert "offer" in prompt(BELOW).lower() and "alternative" in prompt(BELOW).lower()


def test_the_answer_scales_run_from_no_to_strong() -> None:
    question = BANK.question(RIGID)
    assert question is not None
    values = [o.value for o in question.options]
    assert values == sorted(values) and values[0] == -2 and values[-1] == 2
    know = BANK.question(KNOW)
    assert know is not None
    assert {o.id: o.value for o in know.options} == {"yes": 1, "no": -1, "not-sure": 0}


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "quiz", *args], cwd=ROOT, input=stdin,
                          capture_output=True, text=True, encoding="utf-8", timeout=60,
                          check=False)


def test_show_json_has_the_same_shape_as_the_other_banks() -> None:
    done = run("show", BANK_ID, "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["id"] == BANK_ID
    assert data["kind"] == "assessment"
    assert data["title"].strip()
    assert [q["id"] for q in data["questions"]] == [q.id for q in BANK.questions]
    other = json.loads(run("show", "spot-the-signs", "--json").stdout)
    question_keys = set(other["questions"][0])
    option_keys = set(other["questions"][0]["options"][0])
    for question in data["questions"]:
        assert set(question) == question_keys
        assert question["kind"] == "single"
        assert question["prompt"].strip()
        assert question["options"]
        for option in question["options"]:
            assert set(option) == option_keys
            assert option["correct"] is False
            assert option["label"].strip()
            assert option["section"]["href"].startswith("guide/")


def test_the_shipped_banks_pass_the_check_command() -> None:
    done = run("check")
    assert done.returncode == 0, done.stderr
    assert any(line.startswith(f"ok  {BANK_ID}.toml") for line in done.stdout.splitlines())


# --- the rules at their edges ------------------------------------------------------------

def all_neutral() -> dict[str, str | None]:
    picks: dict[str, str | None] = {}
    for question in BANK.questions:
        ids = [o.id for o in question.options]
        picks[question.id] = "neutral" if "neutral" in ids else "not-sure"
    return picks


def test_every_answer_neutral() -> None:
    result = assess(all_neutral())
    assert_well_formed(result)
    assert result["recommendation"] == "keep-negotiating"
    assert result["rule"] == "interests-not-stated"
    assert all(not sign["weighs"] for sign in result["signs"].values())
    assert_alternative_step_first(result)
    assert "interests" in result["advice"].lower()
    assert result["unanswered"] == []


@pytest.mark.parametrize("given_answers", [{}, {q.id: [] for q in BANK.questions}],
                         ids=["nothing", "every-statement-empty"])
def test_no_answers_at_all_ask_for_answers_instead_of_recommending(
    given_answers: dict[str, list[str]]
) -> None:
    """Was: "Keep negotiating" from a rule, as if every statement were answered "not sure"."""
    empty = quiz.score(BANK, given_answers).to_dict()
    assert empty["recommendation"] == ANSWERS_NEEDED
    assert empty["recommendation"] not in RECOMMENDATIONS
    assert empty["rule"] is None
    assert empty["recommendation_label"] == "No recommendation yet"
    assert "not answered any statement" in empty["advice"]
    assert "answer" in empty["advice"].lower() and "recommend" in empty["advice"].lower()
    assert empty["next_steps"] and any("Not sure" in s for s in empty["next_steps"])
    assert empty["reasons"] == []
    assert empty["unanswered_text"] == ""  # nothing "counts as not sure": nothing counts
    assert empty["answered"] == 0
    assert empty["unanswered"] == [q.id for q in BANK.questions]
    assert empty["section"]["href"].startswith("guide/")
    assert empty["disclaimer"] == quiz.score(BANK, {KNOW: ["yes"]}).to_dict()["disclaimer"]
    # The same keys as a recommendation, so the page and saved progress read it alike.
    assert set(empty) == set(assess({KNOW: "yes"}))


def test_one_answer_is_enough_for_a_recommendation() -> None:
    result = assess({TIME: "neutral"})
    assert_well_formed(result)
    assert result["answered"] == 1
    assert result["unanswered_text"].startswith("You left 9 of 10")


@pytest.mark.parametrize("rest", [
    {},
    GROUNDWORK | NO_SIGNS,
    {RIGID: "strongly-agree", ROUNDS: "agree", GOALS: "agree", INTERESTS: "disagree"},
], ids=["nothing-else", "groundwork-no-signs", "signs-weigh"])
@pytest.mark.parametrize("know", ["no", "not-sure"])
def test_contradictory_answers_pause_to_work_out_the_alternative(
    rest: dict[str, str], know: str
) -> None:
    """The offer is "worse than the alternative", yet the alternative is not known."""
    result = assess(rest | {KNOW: know, BELOW: "yes"})
    assert_well_formed(result)
    assert result["recommendation"] == "pause"
    assert result["rule"] == "offer-below-unknown-alternative"
    assert_alternative_step_first(result)
    assert "alternative" in result["advice"].lower()
    assert reason_for(result, KNOW)["answer_label"] == label(KNOW, know)
    assert reason_for(result, BELOW)["answer_label"] == "Yes"


@pytest.mark.parametrize("know", ["no", "not-sure", None])
@pytest.mark.parametrize("below", ["no", "not-sure", None])
def test_unknown_alternative_with_signs_weighing_pauses(know: str | None,
                                                         below: str | None) -> None:
    result = assess(GROUNDWORK | {KNOW: know, BELOW: below, RIGID: "agree", GOALS: "agree"})
    assert_well_formed(result)
    assert result["recommendation"] == "pause"
    assert result["rule"] == "signs-without-alternative"
    assert_alternative_step_first(result)
    assert {r["statement"] for r in result["reasons"]} >= {RIGID, GOALS}
    assert "alternative" in result["advice"].lower()


def test_strong_alternative_with_weak_signs_keeps_negotiating_with_leverage() -> None:
    weak = {RIGID: "neutral", ROUNDS: "disagree", COSTS: "neutral", GOALS: "disagree",
            DEMANDS: "disagree"}
    result = assess(GROUNDWORK | weak | {KNOW: "yes", BELOW: "yes"})
    assert_well_formed(result)
    assert result["recommendation"] == "keep-negotiating"
    assert result["rule"] == "below-alternative-no-signs"
    assert "leverage" in result["advice"].lower()
    assert any("better option" in step for step in result["next_steps"])
    assert not any(step.startswith(ALTERNATIVE_STEP) for step in result["next_steps"])
    assert all(not sign["weighs"] for sign in result["signs"].values())


@pytest.mark.parametrize(("signs", "rule"), [
    ({RIGID: "strongly-agree", ROUNDS: "strongly-agree", GOALS: "strongly-agree"},
     "mismatch-but-offer-not-worse"),
    ({DEMANDS: "agree", RIGID: "strongly-agree", COSTS: "strongly-agree",
      GOALS: "strongly-agree"}, "ethics-concern"),
], ids=["three-signs", "four-signs"])
@pytest.mark.parametrize("groundwork", [GROUNDWORK, {}], ids=["groundwork", "no-groundwork"])
def test_offer_not_worse_than_alternative_with_strong_signs_pauses_not_walks(
    signs: dict[str, str], rule: str, groundwork: dict[str, str]
) -> None:
    result = assess(groundwork | signs | {KNOW: "yes", BELOW: "no"})
    assert_well_formed(result)
    assert result["recommendation"] == "pause"
    assert result["rule"] == rule
    assert "alternative" in result["advice"]


@pytest.mark.parametrize("sign", SIGN_STATEMENTS)
def test_offer_below_known_alternative_and_one_sign_walks_away(sign: str) -> None:
    result = assess(NO_SIGNS | {sign: "agree", KNOW: "yes", BELOW: "yes"})
    assert_well_formed(result)
    assert result["recommendation"] == "walk-away"
    assert result["rule"] == "below-alternative-and-signs"
    assert "worse than your alternative" in result["advice"]
    weighing = reason_for(result, sign)
    assert "weighs" in weighing["text"]
    assert weighing["answer_label"] == "Agree"
    assert reason_for(result, BELOW)["answer_label"] == "Yes"


@pytest.mark.parametrize("rest", [
    {},
    GROUNDWORK | NO_SIGNS | {KNOW: "yes", BELOW: "no", TIME: "strongly-agree"},
    {KNOW: "no", BELOW: "yes"},
    {INTERESTS: "strongly-disagree", OPTIONS: "strongly-disagree"},
], ids=["alone", "everything-else-favours-a-deal", "contradictory", "no-groundwork"])
def test_red_line_walks_away_whatever_else(rest: dict[str, str]) -> None:
    result = assess(rest | {DEMANDS: "strongly-agree"})
    assert_well_formed(result)
    assert result["recommendation"] == "walk-away"
    assert result["rule"] == "red-line"
    assert "ethics" in result["advice"]
    reason = reason_for(result, DEMANDS)
    assert reason["answer_label"] == "Strongly agree"
    assert reason["section"]["href"] == "guide/signs/#unreasonable-demands"


@pytest.mark.parametrize("interests", ["strongly-disagree", "disagree", "neutral", None])
def test_interests_not_stated_keeps_negotiating(interests: str | None) -> None:
    result = assess(NO_SIGNS | {KNOW: "yes", BELOW: "no", INTERESTS: interests,
                                OPTIONS: "agree"})
    assert_well_formed(result)
    assert result["recommendation"] == "keep-negotiating"
    assert result["rule"] == "interests-not-stated"
    assert any("what you need and why" in step for step in result["next_steps"])
    if interests is not None:
        assert reason_for(result, INTERESTS)["answer_label"] == label(INTERESTS, interests)


def test_options_not_explored_keeps_negotiating() -> None:
    result = assess(NO_SIGNS | {KNOW: "yes", BELOW: "no", INTERESTS: "agree",
                                OPTIONS: "disagree"})
    assert result["recommendation"] == "keep-negotiating"
    assert result["rule"] == "options-not-explored"
    assert any("packages" in step for step in result["next_steps"])


def test_several_signs_after_the_groundwork_and_nothing_will_change_walks_away() -> None:
    signs = {RIGID: "agree", ROUNDS: "strongly-agree", GOALS: "agree"}
    result = assess(NO_SIGNS | signs | GROUNDWORK | {KNOW: "yes", BELOW: "yes"})
    assert_well_formed(result)
    assert result["recommendation"] == "walk-away"
    assert result["rule"] == "below-alternative-and-signs"
    assert {r["statement"] for r in result["reasons"]} >= set(signs)


def test_signs_with_time_that_could_help_pause() -> None:
    result = assess(NO_SIGNS | GROUNDWORK | {RIGID: "agree", KNOW: "yes", BELOW: "no",
                                             TIME: "agree"})
    assert result["recommendation"] == "pause"
    assert result["rule"] == "offer-not-worse-and-time-could-help"
    assert any("date" in step for step in result["next_steps"])
    assert any("stays open" in step for step in result["next_steps"])


def test_two_statements_on_one_sign_count_as_one_sign() -> None:
    result = assess(NO_SIGNS | GROUNDWORK | {ROUNDS: "agree", COSTS: "strongly-agree",
                                             KNOW: "yes", BELOW: "no"})
    assert [s for s, sign in result["signs"].items() if sign["weighs"]] == [
        "diminishing-returns"]
    assert result["signs"]["diminishing-returns"]["level"] == "strong"  # the strongest counts
    assert result["recommendation"] == "accept"
    assert result["rule"] == "accept-more-rounds-cost-more"


@pytest.mark.parametrize("below", ["no", "not-sure"])
def test_two_signs_when_the_offer_beats_a_known_alternative_pause_like_three(
    below: str
) -> None:
    """The checks come before any walk-away: a deal that beats (or may beat) the reader's
    alternative is not walked away from because two signs weigh, when three would pause."""
    base = NO_SIGNS | GROUNDWORK | {KNOW: "yes", BELOW: below}
    three = assess(base | {RIGID: "agree", ROUNDS: "agree", GOALS: "agree"})
    assert three["recommendation"] == "pause"
    two = assess(base | {RIGID: "agree", GOALS: "agree"})
    assert two["recommendation"] == "pause", (
        f"rule {two['rule']!r} says {two['recommendation']!r}: {two['advice']}")


def test_reasons_name_the_signs_that_weigh_with_statement_and_answer() -> None:
    picks = NO_SIGNS | {RIGID: "strongly-agree", COSTS: "agree", KNOW: "not-sure", BELOW: "no"}
    result = assess(picks)
    assert result["rule"] == "signs-without-alternative"
    by_statement = {r["statement"]: r for r in result["reasons"]}
    assert set(by_statement) >= {RIGID, COSTS, KNOW}
    assert DEMANDS not in by_statement  # a sign that does not weigh gives no reason
    for statement in (RIGID, COSTS):
        reason = by_statement[statement]
        question = BANK.question(statement)
        assert question is not None
        assert reason["factor"] == question.role
        assert reason["answer"] == picks[statement]
        assert reason["answer_label"] == label(statement, picks[statement] or "")
        assert prompt(statement) in reason["text"]
        assert reason["answer_label"] in reason["text"]
        assert reason["name"] in reason["text"]
        assert reason["section"]["href"] == f"guide/signs/#{question.role}"
    for reason in result["reasons"]:
        assert reason["section"]["href"].startswith("guide/")
        assert reason["section"]["title"].strip()


# --- the cases issue 16 reported, and their relatives ------------------------------------

OFFER_NOT_WORSE = {KNOW: "yes", BELOW: "no"}


@pytest.mark.parametrize("rest", [
    GROUNDWORK | NO_SIGNS,
    {},
    GROUNDWORK | NO_SIGNS | {TIME: "strongly-agree", ROUNDS: "agree"},
    GROUNDWORK | NO_SIGNS | {ROUNDS: "strongly-agree", COSTS: "strongly-agree"},
    {KNOW: "not-sure", BELOW: "not-sure", RIGID: "agree"},
], ids=["groundwork", "nothing-else", "time-could-help", "diminishing-returns", "unsure"])
def test_an_ethics_concern_at_agree_pauses_and_names_the_term(rest: dict[str, str]) -> None:
    """Was: "Keep negotiating: no strong reason to leave" with the offer beating the
    alternative (or another rule's advice, silent on the term)."""
    result = assess(OFFER_NOT_WORSE | rest | {DEMANDS: "agree"})
    assert_well_formed(result)
    assert result["recommendation"] == "pause"
    assert result["rule"] == "ethics-concern"
    assert "standards or ethics" in result["advice"]
    assert "room left" not in result["advice"]
    assert sum(s.startswith(NAME_THE_TERM) for s in result["next_steps"]) == 1
    assert any("walk away" in s for s in result["next_steps"])  # if they keep the term
    assert reason_for(result, DEMANDS)["answer_label"] == "Agree"


def test_an_ethics_concern_with_a_better_alternative_walks_away_and_names_the_term() -> None:
    result = assess(GROUNDWORK | NO_SIGNS | {DEMANDS: "agree", KNOW: "yes", BELOW: "yes"})
    assert result["recommendation"] == "walk-away"
    assert result["rule"] == "below-alternative-and-signs"
    assert result["next_steps"][0].startswith(NAME_THE_TERM)


def test_the_red_line_names_the_term_once() -> None:
    result = assess({DEMANDS: "strongly-agree"})
    assert result["rule"] == "red-line"
    assert not any(s.startswith(NAME_THE_TERM) for s in result["next_steps"])
    assert any("which term you cannot accept" in s for s in result["next_steps"])


@pytest.mark.parametrize("rest", [GROUNDWORK | NO_SIGNS, {}, NO_SIGNS, {DEMANDS: "neutral"}],
                         ids=["groundwork", "nothing-else", "no-groundwork", "ethics-unsure"])
def test_strong_diminishing_returns_and_an_offer_not_worse_than_the_alternative_accept(
    rest: dict[str, str]
) -> None:
    """Was: "Keep negotiating" although further rounds cost more than they gain."""
    result = assess(rest | OFFER_NOT_WORSE | {ROUNDS: "strongly-agree",
                                              COSTS: "strongly-agree"})
    assert_well_formed(result)
    assert result["recommendation"] == "accept"
    assert result["recommendation_label"] == "Accept the offer"
    assert result["rule"] == "accept-more-rounds-cost-more"
    assert "reservation point" in result["advice"]
    assert result["section"]["href"] == "guide/signs/#choosing-your-move"
    assert {ROUNDS, COSTS, KNOW, BELOW} <= {r["statement"] for r in result["reasons"]}
    assert reason_for(result, BELOW)["text"].startswith("The offer is not below your alternative")
    # Before saying yes, every term is read against the reader's standards once more.
    assert any("against your standards" in s for s in result["next_steps"])
    assert any("in writing" in s for s in result["next_steps"])


def test_strong_lack_of_flexibility_and_an_offer_not_worse_accept() -> None:
    result = assess(NO_SIGNS | OFFER_NOT_WORSE | {RIGID: "strongly-agree"})
    assert (result["recommendation"], result["rule"]) == ("accept", "accept-no-one-moves")


@pytest.mark.parametrize("sign", [RIGID, ROUNDS, COSTS])
def test_a_stall_after_the_groundwork_with_an_offer_not_worse_accepts(sign: str) -> None:
    """Was: "Keep negotiating: ... you have room left to work with" with a sign weighing."""
    result = assess(GROUNDWORK | NO_SIGNS | OFFER_NOT_WORSE | {sign: "agree"})
    assert_well_formed(result)
    assert result["recommendation"] == "accept"
    assert result["rule"] == "accept-after-the-groundwork"
    assert "room left" not in result["advice"]
    assert {INTERESTS, OPTIONS, TIME} <= {r["statement"] for r in result["reasons"]}


@pytest.mark.parametrize("sign", [RIGID, ROUNDS])
def test_a_plain_stall_before_the_groundwork_keeps_negotiating(sign: str) -> None:
    """Agreeing (not strongly) that talks stall, with interests unsaid: say them first."""
    result = assess(NO_SIGNS | OFFER_NOT_WORSE | {sign: "agree", INTERESTS: "disagree"})
    assert (result["recommendation"], result["rule"]) == ("keep-negotiating",
                                                          "interests-not-stated")


def test_no_accept_while_time_could_bring_a_better_deal_but_ask_if_the_offer_waits() -> None:
    result = assess(GROUNDWORK | NO_SIGNS | OFFER_NOT_WORSE | {
        ROUNDS: "strongly-agree", TIME: "strongly-agree"})
    assert result["recommendation"] == "pause"
    assert result["rule"] == "offer-not-worse-and-time-could-help"
    assert any("will not wait" in s for s in result["next_steps"])


@pytest.mark.parametrize("mismatch", ["agree", "strongly-agree"])
@pytest.mark.parametrize("rest", [GROUNDWORK | NO_SIGNS, {}, NO_SIGNS | {RIGID: "agree"},
                                  NO_SIGNS | {ROUNDS: "strongly-agree"}],
                         ids=["groundwork", "nothing-else", "and-rigid", "and-no-progress"])
def test_a_mismatch_with_an_offer_not_worse_pauses_to_test_a_bridge(
    mismatch: str, rest: dict[str, str]
) -> None:
    """Was: "you have room left to work with": a clash over what the deal is for is not
    room, and never an accept."""
    result = assess(rest | OFFER_NOT_WORSE | {GOALS: mismatch})
    assert_well_formed(result)
    assert result["recommendation"] == "pause"
    assert result["rule"] == "mismatch-but-offer-not-worse"
    assert "room left" not in " ".join(texts(result))
    assert "bridging deal" in result["advice"]
    assert any("bridging deal" in s for s in result["next_steps"])
    assert any("walk away" in s for s in result["next_steps"])
    assert result["section"]["href"] == "guide/signs/#mismatch-in-key-objectives"


@pytest.mark.parametrize("below", ["not-sure", None])
@pytest.mark.parametrize("signs", [
    {RIGID: "agree", ROUNDS: "agree", GOALS: "agree"},
    {RIGID: "strongly-agree", ROUNDS: "strongly-agree", GOALS: "strongly-agree"},
    {ROUNDS: "strongly-agree"},
], ids=["three-signs", "three-strong-signs", "one-sign"])
def test_an_unsure_offer_check_is_never_reported_as_the_offer_holding_up(
    below: str | None, signs: dict[str, str]
) -> None:
    """Was: "the deal still beats your alternative" after "Not sure"."""
    result = assess(GROUNDWORK | NO_SIGNS | signs | {KNOW: "yes", BELOW: below})
    assert_well_formed(result)
    assert result["recommendation"] == "pause"
    assert result["rule"] == "signs-offer-unclear"
    for text in texts(result):
        assert not any(claim in text for claim in OFFER_HOLDS_UP), text
    assert "not sure" in result["advice"]
    assert any("compare" in s for s in result["next_steps"])


@pytest.mark.parametrize("know", ["no", "not-sure", None])
def test_an_offer_not_worse_than_an_unknown_alternative_is_not_reported_as_such(
    know: str | None
) -> None:
    """Was: "The offer is not below your alternative" though the reader does not know it."""
    result = assess(GROUNDWORK | NO_SIGNS | {KNOW: know, BELOW: "no"})
    assert result["recommendation"] == "keep-negotiating"
    for text in texts(result):
        assert not any(claim in text for claim in OFFER_HOLDS_UP), text
    assert_alternative_step_first(result)


def test_keep_going_no_longer_claims_room_left() -> None:
    result = assess(GROUNDWORK | NO_SIGNS | OFFER_NOT_WORSE)
    assert result["rule"] == "keep-going"
    assert "room left" not in result["advice"]
    assert "No walk-away sign weighs" in result["advice"]


# --- every answer set gets a recommendation ----------------------------------------------

def answer_sets() -> st.SearchStrategy[dict[str, list[str]]]:
    per_question = {
        q.id: st.one_of(st.none(), st.just([]), st.sampled_from([[o.id] for o in q.options]))
        for q in BANK.questions
    }
    return st.fixed_dictionaries(per_question).map(
        lambda d: {k: v for k, v in d.items() if v is not None})


@FAST
@given(answer_sets())
def test_every_answer_set_gets_one_of_the_moves_or_a_request_for_answers(
    given_answers: dict[str, list[str]]
) -> None:
    result = quiz.score(BANK, given_answers).to_dict()
    if not any(given_answers.values()):
        assert result["recommendation"] == ANSWERS_NEEDED and result["rule"] is None
        return
    assert_well_formed(result)
    assert result["rule"] in {r.id for r in BANK.rules.rules}
    assert json.loads(quiz.to_json(result)) == result
    levels = result["checks"]
    if given_answers.get(DEMANDS) == ["strongly-agree"]:
        assert result["rule"] == "red-line"
    if levels["alternative-known"] != "yes":
        assert_alternative_step_first(result)
    else:
        assert not any(s.startswith(ALTERNATIVE_STEP) for s in result["next_steps"])


def picks_sets() -> st.SearchStrategy[dict[str, str]]:
    """Any answers, each statement answered or left out, at least one answered."""
    return st.fixed_dictionaries({}, optional={
        q.id: st.sampled_from([o.id for o in q.options]) for q in BANK.questions}).filter(bool)


@FAST
@given(picks_sets())
def test_only_a_known_alternative_and_a_no_let_the_offer_hold_up(picks: dict[str, str]) -> None:
    """A "Not sure" or unanswered offer check, or an unknown alternative, never yields
    advice, a reason or a step claiming the offer beats (or is not below) the alternative."""
    result = assess(dict(picks))
    if picks.get(KNOW) == "yes" and picks.get(BELOW) == "no":
        return
    for text in texts(result):
        assert not any(claim in text for claim in OFFER_HOLDS_UP), (result["rule"], text)


@FAST
@given(picks_sets())
def test_accept_only_on_sound_ground(picks: dict[str, str]) -> None:
    """Accept is never recommended with an ethics concern or a mismatch weighing, nor
    unless the alternative is known, the offer is answered as not worse than it, and a
    sign says more rounds will not gain more."""
    result = assess(dict(picks))
    signs = result["signs"]
    if result["recommendation"] != "accept":
        return
    assert picks.get(DEMANDS) in (None, "strongly-disagree", "disagree", "neutral")
    assert not signs["unreasonable-demands"]["weighs"]
    assert not signs["mismatch-in-key-objectives"]["weighs"]
    assert (picks.get(KNOW), picks.get(BELOW)) == ("yes", "no")
    assert signs["lack-of-flexibility"]["weighs"] or signs["diminishing-returns"]["weighs"]
    assert result["checks"]["time-could-help"] in ("no", "neutral")
    assert any("against your standards" in s for s in result["next_steps"])


@FAST
@given(picks_sets())
def test_an_ethics_concern_always_stops_the_deal_and_names_the_term(
    picks: dict[str, str]
) -> None:
    result = assess(dict(picks))
    if picks.get(DEMANDS) in ("agree", "strongly-agree"):
        assert result["recommendation"] in ("pause", "walk-away"), result["rule"]
        assert any("term you cannot accept" in s for s in result["next_steps"])
    if picks.get(DEMANDS) == "agree":
        assert sum(s.startswith(NAME_THE_TERM) for s in result["next_steps"]) == 1


@FAST
@given(picks_sets())
def test_no_room_left_claim_while_a_sign_weighs(picks: dict[str, str]) -> None:
    """Keeping going "with no reason to leave" is said only when no sign weighs."""
    result = assess(dict(picks))
    if any(sign["weighs"] for sign in result["signs"].values()):
        assert result["rule"] != "keep-going"
        assert not any("room left" in text for text in texts(result))


def groundwork_grid() -> list[dict[str, str | None]]:
    """Every mix of signs and of the two checks, after the groundwork is done."""
    grid = []
    sign_levels = ("disagree", "agree", "strongly-agree")
    for demands, rigid, rounds, goals in itertools.product(("disagree", "agree"), sign_levels,
                                                           sign_levels, sign_levels):
        for know, below in itertools.product(("yes", "no", "not-sure", None), repeat=2):
            grid.append(GROUNDWORK | {DEMANDS: demands, RIGID: rigid, ROUNDS: rounds,
                                      COSTS: None, GOALS: goals, KNOW: know, BELOW: below})
    return grid


def test_no_walk_away_before_both_checks_except_the_red_line() -> None:
    """Walking away needs a known alternative that beats the offer (or a crossed line)."""
    wrong = []
    for picks in groundwork_grid():
        result = assess(picks)
        checks = result["checks"]
        if result["recommendation"] == "walk-away" and result["rule"] != "red-line" and (
                checks["alternative-known"] != "yes"
                or checks["offer-below-alternative"] != "yes"):
            wrong.append((result["rule"], picks))
    assert wrong == [], f"{len(wrong)} walk-aways without both checks, e.g. {wrong[0]}"


# How far a move goes toward leaving. Accepting ends the talks with a deal, so for this
# purpose it stands with keep-negotiating: a stronger sign may turn either into a pause.
ORDER = {"keep-negotiating": 0, "accept": 0, "pause": 1, "walk-away": 2}


def test_keep_going_and_accept_in_the_grid_only_where_sound() -> None:
    """Every mix of signs and checks after the groundwork: "no reason to leave" only when
    no sign weighs; accept only with a known alternative the offer is not worse than, and
    neither an ethics concern nor a mismatch weighing."""
    wrong = []
    for picks in groundwork_grid():
        result = assess(picks)
        weighing = {s for s, sign in result["signs"].items() if sign["weighs"]}
        if result["rule"] == "keep-going" and weighing:
            wrong.append((result["rule"], picks))
        if result["recommendation"] == "accept" and (
                weighing & {"unreasonable-demands", "mismatch-in-key-objectives"}
                or (picks[KNOW], picks[BELOW]) != ("yes", "no")):
            wrong.append((result["rule"], picks))
    assert wrong == [], f"{len(wrong)} cases, e.g. {wrong[0]}"


def test_a_stronger_sign_never_softens_the_recommendation() -> None:
    stronger = {"disagree": "agree", "agree": "strongly-agree"}
    softened = []
    for picks in groundwork_grid():
        before = assess(picks)
        for statement in (DEMANDS, RIGID, ROUNDS, GOALS):
            now = picks[statement]
            if now not in stronger:
                continue
            after = assess(picks | {statement: stronger[now]})
            if ORDER[after["recommendation"]] < ORDER[before["recommendation"]]:
                softened.append((before["rule"], after["rule"], statement, picks))
    assert softened == [], f"{len(softened)} cases, e.g. {softened[0]}"


# --- validation of assessment banks ------------------------------------------------------

FILE = "banks/mini.toml"
MINI = '''\
id = "mini"
title = "Mini assessment"
kind = "assessment"
intro = "Two statements, to test the checks."

[scales.agree]
disagree = { label = "Disagree", value = -1 }
agree = { label = "Agree", value = 1 }

[[statements]]
id = "no-progress"
factor = "diminishing-returns"
text = "The last few rounds have produced no real progress."
scale = "agree"
why = "Effort that no longer yields results is a sign of diminishing returns."
section = "diminishing-returns"

[[statements]]
id = "know-alternative"
factor = "alternative-known"
text = "I know my best alternative."
scale = "agree"
why = "You can only judge an offer against what you would do without it."
section = "before-you-decide"

[[rules]]
id = "signs-and-alternative"
when = { alternative-known = ["yes"] }
min-signs = 1
recommend = "walk-away"
advice = "A sign weighs and you know your alternative."
next = ["Turn to your alternative."]
section = "avoiding-unwise-deals"

[[rules]]
id = "keep-going"
recommend = "keep-negotiating"
advice = "No strong reason to leave."
next = ["Keep going."]
section = "when-to-walk-away"

[[reminders]]
id = "work-out-alternative"
when = { alternative-known = ["no", "neutral"] }
next = "Work out your best alternative before deciding."
'''
STATEMENT = "no-progress"
RULE = "signs-and-alternative"


def edit(old: str, new: str, text: str = MINI) -> str:
    assert text.count(old) == 1, f"{old!r} must occur once in the bank text"
    return text.replace(old, new)


def assert_reported(text: str, field: str, question: str | None, words: str = "") -> Problem:
    with pytest.raises(BankError) as info:
        quiz.parse_bank(text, FILE)
    error = info.value
    located = [p for p in error.problems if p.field == field and p.question == question]
    assert located, f"no problem at {question!r}/{field!r} in: {error.problems}"
    problem = located[0]
    assert problem.file == FILE
    assert words.lower() in problem.message.lower()
    message = str(error)
    assert FILE in message
    assert repr(field) in message
    if question is not None:
        assert repr(question) in message
    assert str(problem) in message
    return problem


def test_the_mini_assessment_is_valid_and_scores() -> None:
    bank = quiz.parse_bank(MINI, FILE)
    assert bank.kind == "assessment"
    assert [q.id for q in bank.questions] == [STATEMENT, "know-alternative"]
    walk = quiz.score(bank, {STATEMENT: ["agree"], "know-alternative": ["agree"]}).to_dict()
    assert (walk["recommendation"], walk["rule"]) == ("walk-away", RULE)
    keep = quiz.score(bank, {STATEMENT: ["disagree"]}).to_dict()
    assert (keep["recommendation"], keep["rule"]) == ("keep-negotiating", "keep-going")
    assert keep["next_steps"] == ["Work out your best alternative before deciding.",
                                  "Keep going."]


def test_unknown_factor() -> None:
    problem = assert_reported(edit('factor = "diminishing-returns"', 'factor = "bad-faith"'),
                              "factor", STATEMENT, words="bad-faith")
    assert "alternative-known" in problem.message  # says what is allowed


def test_unknown_factor_in_a_rule() -> None:
    assert_reported(edit('when = { alternative-known = ["yes"] }',
                         'when = { alternative-knwn = ["yes"] }'),
                    "when.alternative-knwn", RULE, words="not a factor")


@pytest.mark.parametrize("levels", ['["maybe"]', '["yes", "weak"]', "[]", "2"])
def test_level_not_one_of_strong_yes_neutral_no(levels: str) -> None:
    problem = assert_reported(edit('when = { alternative-known = ["yes"] }',
                                   f"when = {{ alternative-known = {levels} }}"),
                              "when.alternative-known", RULE, words="levels")
    for name in ("strong", "yes", "neutral", "no"):
        assert name in problem.message


def test_level_in_a_reminder() -> None:
    assert_reported(edit('["no", "neutral"]', '["no", "unsure"]'),
                    "when.alternative-known", "work-out-alternative", words="levels")


@pytest.mark.parametrize("condition", [
    'when = { alternative-known = ["no"] }\n', "min-signs = 1\n", "max-signs = 2\n",
])
def test_last_rule_must_have_no_conditions(condition: str) -> None:
    text = edit('id = "keep-going"\n', f'id = "keep-going"\n{condition}')
    problem = assert_reported(text, "when", "keep-going", words="last rule")
    assert "every" in problem.message


@pytest.mark.parametrize("value", ["3", "-3", "1.5", "true", '"1"'])
def test_scale_value_out_of_range(value: str) -> None:
    text = edit('agree = { label = "Agree", value = 1 }',
                f'agree = {{ label = "Agree", value = {value} }}')
    assert_reported(text, "scales.agree.agree.value", None, words="-2 to 2")


def test_unknown_scale_in_a_statement() -> None:
    problem = assert_reported(edit('scale = "agree"\nwhy = "Effort',
                                   'scale = "agreement"\nwhy = "Effort'),
                              "scale", STATEMENT, words="agreement")
    assert "agree" in problem.message


def test_unknown_key_in_a_rule() -> None:
    assert_reported(edit("min-signs = 1\n", "min-signs = 1\npriority = 2\n"),
                    "priority", RULE, words="not a known field")


def test_misspelt_key_in_a_rule() -> None:
    assert_reported(edit("min-signs = 1\n", "min-sign = 1\n"), "min-sign", RULE,
                    words="not a known field")


@pytest.mark.parametrize("value", ['"one"', "true", "1.0", "-1", "5", "[1]"])
def test_min_signs_must_be_a_whole_number(value: str) -> None:
    assert_reported(edit("min-signs = 1\n", f"min-signs = {value}\n"), "min-signs", RULE,
                    words="whole number")


def test_duplicate_statement_ids() -> None:
    text = edit('id = "know-alternative"', f'id = "{STATEMENT}"')
    assert_reported(text, "id", STATEMENT, words="twice")


def test_reminder_with_an_unknown_key() -> None:
    text = edit('next = "Work out', 'because = "no alternative"\nnext = "Work out')
    assert_reported(text, "because", "work-out-alternative", words="not a known field")


def test_unknown_recommendation_in_a_rule() -> None:
    assert_reported(edit('recommend = "walk-away"', 'recommend = "run"'), "recommend", RULE,
                    words="run")


def test_every_problem_is_reported_at_once() -> None:
    text = edit('factor = "diminishing-returns"', 'factor = "bad-faith"')
    text = edit("min-signs = 1\n", 'min-signs = "one"\n', text)
    text = edit('id = "keep-going"\n', 'id = "keep-going"\nmax-signs = 1\n', text)
    with pytest.raises(BankError) as info:
        quiz.parse_bank(text, FILE)
    located = {(p.question, p.field) for p in info.value.problems}
    assert {(STATEMENT, "factor"), (RULE, "min-signs"), ("keep-going", "when")} <= located


# --- the command line --------------------------------------------------------------------

def write(answers_: dict[str, list[str]], tmp_path: Path, name: str = "answers.json") -> Path:
    file = tmp_path / name
    file.write_text(json.dumps(answers_), encoding="utf-8")
    return file


CASES: dict[str, dict[str, str | None]] = {
    "red-line": {DEMANDS: "strongly-agree", KNOW: "yes", BELOW: "no", INTERESTS: "agree"},
    "contradictory-pause": {KNOW: "no", BELOW: "yes", RIGID: "agree"},
    "unknown-alternative-pause": NO_SIGNS | {GOALS: "strongly-agree", KNOW: "not-sure"},
    "offer-beats-alternative-pause": GROUNDWORK | {RIGID: "strongly-agree",
                                                   ROUNDS: "strongly-agree",
                                                   GOALS: "agree", KNOW: "yes", BELOW: "no"},
    "below-alternative-walk-away": NO_SIGNS | GROUNDWORK | {COSTS: "agree", KNOW: "yes",
                                                            BELOW: "yes"},
    "leverage": NO_SIGNS | GROUNDWORK | {KNOW: "yes", BELOW: "yes"},
    "all-neutral": all_neutral(),
    "some-unanswered": {RIGID: "agree", INTERESTS: "strongly-agree", TIME: "agree"},
    "accept": NO_SIGNS | {ROUNDS: "strongly-agree", COSTS: "strongly-agree", KNOW: "yes",
                          BELOW: "no"},
    "ethics-concern": {DEMANDS: "agree", KNOW: "yes", BELOW: "no"},
    "mismatch-bridge": GROUNDWORK | {GOALS: "strongly-agree", KNOW: "yes", BELOW: "no"},
    "offer-unclear": {RIGID: "agree", ROUNDS: "agree", GOALS: "agree", KNOW: "yes",
                      BELOW: "not-sure"},
    "no-answers": {},
}


def by_number(picks: dict[str, str | None]) -> str:
    """The lines a reader types into `take`: an option's number, or Enter to skip."""
    lines = []
    for question in BANK.questions:
        chosen = picks.get(question.id)
        ids = [o.id for o in question.options]
        lines.append(str(ids.index(chosen) + 1) if chosen else "")
    return "\n".join(lines) + "\n"


def squash(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("case", list(CASES))
def test_score_prints_the_engine_json(case: str, tmp_path: Path) -> None:
    given_answers = answers(CASES[case])
    done = run("score", BANK_ID, str(write(given_answers, tmp_path)))
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    data = json.loads(done.stdout)
    assert data["recommendation"] in (RECOMMENDATIONS if given_answers else {ANSWERS_NEEDED})
    assert isinstance(data["reasons"], list)
    assert done.stdout == quiz.to_json(quiz.score(BANK_ID, given_answers).to_dict()) + "\n"


def test_score_reads_stdin() -> None:
    picks = answers(CASES["red-line"])
    done = run("score", BANK_ID, "-", stdin=json.dumps(picks))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["recommendation"] == "walk-away"


@pytest.mark.parametrize("case", list(CASES))
def test_take_gives_the_same_recommendation_as_score(case: str, tmp_path: Path) -> None:
    picks = CASES[case]
    scored = json.loads(run("score", BANK_ID, str(write(answers(picks), tmp_path))).stdout)
    done = run("take", BANK_ID, stdin=by_number(picks))
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    lines = done.stdout.splitlines()
    head = lines.index("Your results")
    assert lines[head + 1].startswith("---")
    assert lines[head + 2] == scored["recommendation_label"]
    summary = squash("\n".join(lines[head:]))
    assert squash(scored["advice"]) in summary
    for step in scored["next_steps"]:
        assert squash(step) in summary
    for reason in scored["reasons"]:
        assert squash(reason["text"]) in summary
    assert "not professional advice" in done.stdout


@pytest.mark.parametrize("stdin", ["q\n", "\n" * len(BANK.questions)], ids=["quit", "skip-all"])
def test_take_with_no_answers_asks_for_answers_instead_of_recommending(stdin: str) -> None:
    done = run("take", BANK_ID, stdin=stdin)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    head = lines.index("Your results")
    assert lines[head + 2] == "No recommendation yet"
    summary = squash("\n".join(lines[head:]))
    assert squash(quiz.score(BANK, {}).to_dict()["advice"]) in summary
    assert "Why:" not in lines[head:]
    assert not any(label in lines[head:] for label in RECOMMENDATIONS.values())
    assert "not professional advice" in done.stdout


def test_take_can_stop_early_and_still_recommends() -> None:
    done = run("take", BANK_ID, stdin="5\nq\n")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[lines.index("Your results") + 2] == RECOMMENDATIONS["walk-away"]


@pytest.mark.parametrize("bad", [
    {KNOW: ["yes", "no"]},
    {RIGID: ["agree", "strongly-agree"]},
    {RIGID: ["maybe"]},
    {KNOW: ["agree"]},
    {"no-such-statement": ["agree"]},
], ids=["two-choices-yes-no", "two-choices-agree", "unknown-option", "option-of-another-scale",
        "unknown-statement"])
def test_malformed_answers_exit_2_with_one_line(bad: dict[str, list[str]],
                                                tmp_path: Path) -> None:
    done = run("score", BANK_ID, str(write(bad, tmp_path)))
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith("error: ")
    assert len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr


# --- every recommendation says what it rests on ------------------------------------------

@FAST
@given(st.fixed_dictionaries({}, optional={
    q.id: st.sampled_from([o.id for o in q.options]) for q in BANK.questions}))
def test_a_recommendation_always_gives_its_reasons(picks: dict[str, str]) -> None:
    result = assess(dict(picks))
    if picks:
        assert result["reasons"], f"{result['recommendation']} with no reason for {picks}"
    for reason in result["reasons"]:
        assert reason["text"].strip() and reason["section"]["href"].startswith("guide/")


def test_keep_negotiating_says_why_it_is_not_walk_away() -> None:
    # The case a reader met: every sign disagreed, the offer not below a known alternative.
    picks = {DEMANDS: "disagree", RIGID: "strongly-disagree", ROUNDS: "disagree",
             COSTS: "disagree", GOALS: "disagree", KNOW: "yes", BELOW: "no"} | {
        INTERESTS: "agree", OPTIONS: "agree", TIME: "disagree"}
    result = assess(picks)
    assert result["recommendation"] == "keep-negotiating"
    texts = [r["text"] for r in result["reasons"]]
    assert "No sign weighs: you disagreed with all four." in texts
    assert any(t.startswith("The offer is not below your alternative: you answered “No”")
               for t in texts), texts


def test_no_sign_weighs_names_the_unsure_ones() -> None:
    result = assess(NO_SIGNS | GROUNDWORK | {KNOW: "yes", BELOW: "no"})
    summary = next(r for r in result["reasons"] if r["factor"] == "signs")
    assert summary["text"] == ("No sign weighs: you disagreed with unreasonable demands, lack "
                               "of flexibility and mismatch in key objectives; you were not "
                               "sure of diminishing returns.")
