"""Scoring: points, the per-sign profile, the summary, and malformed answers."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import quiz
from quiz import AnswerError, Bank, bridge, scoring, wording
from quiz.loading import banks_dir
from quiz.vocabulary import SECTIONS
from tests.support.banks import keyed, scenario_where

PRACTICE = Path(__file__).resolve().parent / "banks" / "practice.toml"
SIGNS = ("unreasonable-demands", "lack-of-flexibility", "diminishing-returns",
         "mismatch-in-key-objectives")
MOVES = ("keep-negotiating", "pause", "accept", "walk-away")
TOP_KEYS = ["bank", "kind", "score", "max_score", "score_text", "answered", "total",
            "answered_text", "unanswered", "questions", "criteria", "summary"]
FAST = settings(max_examples=200, deadline=None)
SHIPPED_FILE = Path(str(banks_dir())) / "spot-the-signs.toml"


@pytest.fixture(scope="module")
def shipped() -> Bank:
    return quiz.load_bank("spot-the-signs")


@pytest.fixture(scope="module")
def practice() -> Bank:
    return quiz.load_bank_file(PRACTICE)


def correct_answers(bank: Bank) -> dict[str, list[str]]:
    """Every right option; the first of them where only one may be chosen."""
    answers = {}
    for q in bank.questions:
        right = [o.id for o in q.options if o.correct]
        answers[q.id] = right[:1] if q.kind == "single" else right
    return answers


def wrong_answers(bank: Bank) -> dict[str, list[str]]:
    answers = {}
    for q in bank.questions:
        wrong = [o.id for o in q.options if not o.correct and o.id != "none"]
        answers[q.id] = wrong[:1] if q.kind == "single" else wrong or ["none"]
    return answers


# --- the shape of the questions --------------------------------------------------------

def test_every_scenario_asks_a_move_and_the_signs(shipped: Bank) -> None:
    assert shipped.scenarios
    written = tomllib.loads(SHIPPED_FILE.read_text(encoding="utf-8"))["scenarios"]
    assert [s.id for s in shipped.scenarios] == [s["id"] for s in written]
    expected = [qid for s in shipped.scenarios for qid in (f"{s.id}-move", f"{s.id}-signs")]
    assert [q.id for q in shipped.questions] == expected
    for q in shipped.questions:
        if q.id.endswith("-move"):
            assert q.kind == "single"
            assert sorted(o.id for o in q.options) == sorted(MOVES)  # order: test_option_order
            assert sum(o.correct for o in q.options) in {1, 2}
        else:
            assert q.kind == "multiple"
            assert [o.id for o in q.options] == [*SIGNS, "none"]
            assert q.correct_ids
            assert "none" not in q.correct_ids or q.correct_ids == {"none"}


# --- points ------------------------------------------------------------------------

def test_all_correct_answers_score_full_marks(shipped: Bank) -> None:
    result = quiz.score(shipped, correct_answers(shipped)).to_dict()
    assert result["score"] == result["max_score"]
    assert result["max_score"] == sum(1 if q.kind == "single" else len(q.correct_ids)
                                      for q in shipped.questions)
    assert result["unanswered"] == []
    assert result["answered"] == result["total"] == len(shipped.questions)
    for data in result["questions"].values():
        assert data["points"] == data["max_points"]
        assert data["correct"] is True
        assert data["missed"] == []
        assert data["right_answer"] == ""
    for sign in result["criteria"].values():
        assert sign["status"] in {"strong", "untested"}
        assert sign["missed"] == sign["flagged_absent"] == 0
    assert result["summary"]["reread"] == []
    assert result["summary"]["moves"]["right"] == len(shipped.scenarios)
    assert result["summary"]["moves"]["walked_away_too_soon"] == 0
    assert result["summary"]["moves"]["stayed_too_long"] == 0


def test_all_wrong_answers_score_nothing(shipped: Bank) -> None:
    result = quiz.score(shipped, wrong_answers(shipped)).to_dict()
    assert result["score"] == 0
    assert result["max_score"] > 0
    assert result["unanswered"] == []
    for q in shipped.questions:
        data = result["questions"][q.id]
        assert data["points"] == 0
        assert data["correct"] is False
        assert data["missed"] == [o.id for o in q.options if o.correct]
    for sign in result["criteria"].values():
        assert sign["status"] in {"reread", "untested"}
        assert sign["spotted"] == 0
    # A scenario with no sign: ticking all four flags each one where it is absent.
    assert scenario_where(shipped, signs=[])
    assert all(sign["status"] == "reread" for sign in result["criteria"].values())


def test_score_accepts_a_bank_id(shipped: Bank) -> None:
    answers = correct_answers(shipped)
    assert quiz.score("spot-the-signs", answers).to_dict() == quiz.score(shipped,
                                                                          answers).to_dict()


@pytest.mark.parametrize(("picks", "points"), [
    (["unreasonable-demands", "mismatch-in-key-objectives"], 2),
    (["unreasonable-demands"], 1),
    (["mismatch-in-key-objectives"], 1),
    (["unreasonable-demands", "diminishing-returns"], 0),
    (["unreasonable-demands", "mismatch-in-key-objectives", "diminishing-returns"], 1),
    (["unreasonable-demands", "mismatch-in-key-objectives", "diminishing-returns",
      "lack-of-flexibility"], 0),
    (["diminishing-returns", "lack-of-flexibility"], 0),  # never below 0
    (["none"], 0),
])
def test_partial_credit_on_several_signs(practice: Bank, picks: list[str], points: int) -> None:
    result = quiz.score(practice, {"kickback-request-signs": picks})
    data = result.to_dict()["questions"]["kickback-request-signs"]
    assert data["max_points"] == 2
    assert data["points"] == points
    assert result.score == points
    assert data["missed"] == [s for s in ("unreasonable-demands", "mismatch-in-key-objectives")
                              if s not in picks]


@pytest.mark.parametrize(("pick", "points"), [("pause", 1), ("walk-away", 0),
                                              ("keep-negotiating", 0)])
def test_single_choice_points(practice: Bank, pick: str, points: int) -> None:
    data = quiz.score(practice, {"budget-freeze-move": [pick]}).to_dict()
    question = data["questions"]["budget-freeze-move"]
    assert (question["points"], question["max_points"]) == (points, 1)
    assert question["missed"] == ([] if points else ["pause"])


def test_none_scores_where_no_sign_is_present(practice: Bank) -> None:
    data = quiz.score(practice, {"budget-freeze-signs": ["none"]}).to_dict()
    assert data["questions"]["budget-freeze-signs"]["points"] == 1
    assert data["questions"]["budget-freeze-signs"]["max_points"] == 1
    assert all(c["status"] == "untested" for c in data["criteria"].values())


def test_max_score_of_the_practice_bank(practice: Bank) -> None:
    result = quiz.score(practice, {})
    assert result.max_score == 7  # one per move, 1 + 2 + 1 for the signs
    assert result.score == 0


def test_empty_list_is_unanswered(practice: Bank) -> None:
    data = quiz.score(practice, {"budget-freeze-move": [], "kickback-request-signs": [],
                                 "endless-rounds-move": ["pause"]}).to_dict()
    assert data["answered"] == 1
    assert data["total"] == 6
    assert data["unanswered"] == [q.id for q in practice.questions
                                  if q.id != "endless-rounds-move"]
    for qid in ("budget-freeze-move", "kickback-request-signs"):
        question = data["questions"][qid]
        assert question["answered"] is False
        assert question["points"] == 0
        assert question["chosen"] == []
    assert data["score"] == 1


def test_nothing_answered(practice: Bank) -> None:
    data = quiz.score(practice, {}).to_dict()
    assert data["answered"] == 0
    assert data["unanswered"] == [q.id for q in practice.questions]
    assert all(c["status"] == "untested" for c in data["criteria"].values())
    assert data["summary"]["text"] == "Answer some scenarios to see your profile."


# --- two right moves, the accept move, and the right answer after a wrong one -----------

TWO_MOVES = PRACTICE.read_text(encoding="utf-8").replace(
    'best-move = "pause"\nsigns = ["diminishing-returns"]',
    'best-move = ["pause", "accept"]\nsigns = ["diminishing-returns"]')


@pytest.fixture(scope="module")
def two_moves() -> Bank:
    bank = quiz.parse_bank(TWO_MOVES, "practice.toml")
    question = bank.question("endless-rounds-move")
    assert question is not None and question.correct_ids == {"pause", "accept"}
    return bank


@pytest.mark.parametrize("pick", ["pause", "accept"])
def test_either_right_move_earns_the_one_point(two_moves: Bank, pick: str) -> None:
    data = quiz.score(two_moves, {"endless-rounds-move": [pick]}).to_dict()
    question = data["questions"]["endless-rounds-move"]
    assert (question["points"], question["max_points"], question["correct"]) == (1, 1, True)
    assert question["missed"] == question["missed_labels"] == []
    assert question["right_answer"] == ""
    assert question["verdict"] == "Right: 1 of 1 point."
    assert data["summary"]["moves"]["right"] == 1


@pytest.mark.parametrize("pick", ["keep-negotiating", "walk-away"])
def test_a_wrong_move_names_both_right_ones(two_moves: Bank, pick: str) -> None:
    question = two_moves.question("endless-rounds-move")
    assert question is not None
    right = [o for o in question.options if o.correct]  # in the order the reader saw them
    data = quiz.score(two_moves, {"endless-rounds-move": [pick]}).to_dict()
    result = data["questions"]["endless-rounds-move"]
    assert (result["points"], result["max_points"], result["correct"]) == (0, 1, False)
    assert result["missed"] == [o.id for o in right]
    assert result["right_answer"] == f"The right answers: {right[0].label} or {right[1].label}."


def test_two_right_moves_do_not_raise_the_maximum(two_moves: Bank, practice: Bank) -> None:
    assert quiz.score(two_moves, {}).max_score == quiz.score(practice, {}).max_score == 7


def test_the_right_answer_after_a_wrong_move(practice: Bank) -> None:
    data = quiz.score(practice, {"budget-freeze-move": ["walk-away"]}).to_dict()
    assert data["questions"]["budget-freeze-move"]["right_answer"] == (
        "The right answer: Pause and revisit later.")


@pytest.mark.parametrize(("picks", "shown"), [
    (["unreasonable-demands"], True),  # partly right
    (["unreasonable-demands", "mismatch-in-key-objectives", "diminishing-returns"], True),
    (["none"], True),
    (["unreasonable-demands", "mismatch-in-key-objectives"], False),
])
def test_the_right_answer_to_the_signs_is_the_whole_set(practice: Bank, picks: list[str],
                                                        shown: bool) -> None:
    data = quiz.score(practice, {"kickback-request-signs": picks}).to_dict()
    expected = "The right answer: Unreasonable demands and Mismatch in key objectives."
    assert data["questions"]["kickback-request-signs"]["right_answer"] == (
        expected if shown else "")


def test_no_feedback_says_also_right(shipped: Bank) -> None:
    for answers in (wrong_answers(shipped), correct_answers(shipped)):
        for question in quiz.score(shipped, answers).to_dict()["questions"].values():
            assert "also_right" not in question
            assert question["right_answer"] == "" or question["right_answer"].startswith(
                ("The right answer: ", "The right answers: "))


@pytest.mark.parametrize(("chosen", "right", "mistake"), [
    ("walk-away", {"pause"}, "walked_away_too_soon"),
    ("walk-away", {"accept"}, "walked_away_too_soon"),
    ("accept", {"walk-away"}, "accepted_too_soon"),
    ("accept", {"keep-negotiating"}, "accepted_too_soon"),
    ("pause", {"walk-away"}, "stayed_too_long"),
    ("keep-negotiating", {"accept"}, "missed_a_good_offer"),
    ("keep-negotiating", {"pause"}, ""),  # a lesser slip: both stay at the table
    ("keep-negotiating", {"pause", "walk-away"}, ""),
    ("pause", {"accept", "walk-away"}, "stayed_too_long"),
])
def test_kinds_of_wrong_move(chosen: str, right: set[str], mistake: str) -> None:
    assert scoring.mistake(chosen, frozenset(right)) == mistake


def test_accepting_too_soon_is_named_in_the_summary(practice: Bank) -> None:
    data = quiz.score(practice, {"kickback-request-move": ["accept"],
                                 "budget-freeze-move": ["accept"]}).to_dict()
    assert data["summary"]["moves"]["accepted_too_soon"] == 2
    assert "You accepted the offer in 2 scenarios where" in data["summary"]["text"]


@pytest.mark.parametrize(("labels", "either", "text"), [
    (["Walk away"], True, "The right answer: Walk away."),
    (["Pause and revisit later", "Accept the offer"], True,
     "The right answers: Pause and revisit later or Accept the offer."),
    (["Lack of flexibility", "Diminishing returns"], False,
     "The right answer: Lack of flexibility and Diminishing returns."),
    ([], False, ""),
])
def test_right_answer_wording(labels: list[str], either: bool, text: str) -> None:
    assert wording.right_answer(labels, either=either) == text


# --- the shape of a result -------------------------------------------------------------

def test_result_keys_and_order(shipped: Bank) -> None:
    data = quiz.score(shipped, correct_answers(shipped)).to_dict()
    assert list(data) == TOP_KEYS
    assert data["bank"] == "spot-the-signs"
    assert data["kind"] == "self-check"
    assert list(data["questions"]) == [q.id for q in shipped.questions]
    assert list(data["criteria"]) == list(SIGNS)
    json.loads(quiz.to_json(data))  # plain JSON data


def test_chosen_options_carry_explanation_and_section(shipped: Bank) -> None:
    data = quiz.score(shipped, wrong_answers(shipped)).to_dict()
    for q in shipped.questions:
        question = data["questions"][q.id]
        assert {"points", "max_points", "chosen", "missed"} <= set(question)
        assert question["chosen"]
        for chosen in question["chosen"]:
            option = q.option(chosen["id"])
            assert option is not None
            assert chosen["explanation"] == option.explanation
            assert chosen["explanation"].strip()
            assert set(chosen["section"]) == {"id", "title", "href"}
            assert chosen["section"]["href"] == option.section.href


def test_sign_explanations_link_to_where_the_line_is(practice: Bank) -> None:
    data = quiz.score(practice, {"kickback-request-signs": ["diminishing-returns"],
                                 "kickback-request-move": ["walk-away"]}).to_dict()
    sign = data["questions"]["kickback-request-signs"]["chosen"][0]
    assert sign["explanation"] == "KR dr: this is the first meeting."
    # Sign.line, the sign's "where the line is"; the results' reread links keep
    # Sign.section (test_profile_counts).
    assert sign["section"] == {"id": "line-diminishing-returns",
                               "title": "Diminishing returns: where the line is",
                               "href": "guide/signs/#line-diminishing-returns"}
    assert sign["section"] == SECTIONS["line-diminishing-returns"].to_dict()
    move = data["questions"]["kickback-request-move"]["chosen"][0]
    assert move["explanation"] == "KR walk: right, the demand crosses your ethics."
    assert move["section"]["href"] == "guide/signs/#unreasonable-demands"


# --- the profile ------------------------------------------------------------------------

def test_profile_counts(practice: Bank) -> None:
    data = quiz.score(practice, {
        "budget-freeze-signs": ["lack-of-flexibility"],
        "kickback-request-signs": ["unreasonable-demands", "diminishing-returns"],
        "endless-rounds-signs": ["diminishing-returns"],
    }).to_dict()
    counts = {cid: (c["present"], c["spotted"], c["missed"], c["flagged_absent"], c["status"])
              for cid, c in data["criteria"].items()}
    assert counts == {
        "unreasonable-demands": (1, 1, 0, 0, "strong"),
        "lack-of-flexibility": (0, 0, 0, 1, "reread"),
        "diminishing-returns": (1, 1, 0, 1, "reread"),
        "mismatch-in-key-objectives": (1, 0, 1, 0, "reread"),
    }
    summary = data["summary"]
    assert summary["strengths"] == ["unreasonable-demands"]
    assert [s["href"] for s in summary["reread"]] == [
        "guide/signs/#lack-of-flexibility",
        "guide/signs/#diminishing-returns",
        "guide/signs/#mismatch-in-key-objectives",
    ]
    assert [s["title"] for s in summary["reread"]] == [
        "Lack of flexibility", "Diminishing returns", "Mismatch in key objectives"]
    assert "You see unreasonable demands well." in summary["text"]
    assert ("Reread lack of flexibility, diminishing returns and mismatch in key objectives."
            in summary["text"])
    assert data["score"] == 1
    dr = data["criteria"]["diminishing-returns"]["summary"]
    assert "1 of 1" in dr
    assert "1 scenario where it was not" in dr


def test_profile_counts_only_answered_questions(practice: Bank) -> None:
    data = quiz.score(practice, {
        "kickback-request-signs": [],  # skipped: its two signs are not "missed"
        "endless-rounds-signs": ["diminishing-returns"],
    }).to_dict()
    criteria = data["criteria"]
    assert criteria["unreasonable-demands"]["present"] == 0
    assert criteria["unreasonable-demands"]["status"] == "untested"
    assert criteria["mismatch-in-key-objectives"]["status"] == "untested"
    assert criteria["diminishing-returns"]["status"] == "strong"
    assert criteria["diminishing-returns"]["present"] == 1
    assert data["summary"]["reread"] == []
    assert data["summary"]["strengths"] == ["diminishing-returns"]


def test_choosing_none_when_signs_are_present_misses_them(practice: Bank) -> None:
    data = quiz.score(practice, {"kickback-request-signs": ["none"]}).to_dict()
    for cid in ("unreasonable-demands", "mismatch-in-key-objectives"):
        assert data["criteria"][cid]["missed"] == 1
        assert data["criteria"][cid]["status"] == "reread"
    assert data["questions"]["kickback-request-signs"]["missed"] == [
        "unreasonable-demands", "mismatch-in-key-objectives"]


def test_moves_summary(practice: Bank) -> None:
    data = quiz.score(practice, {
        "budget-freeze-move": ["walk-away"],
        "endless-rounds-move": ["walk-away"],
        "kickback-request-move": ["pause"],
    }).to_dict()
    moves = data["summary"]["moves"]
    assert moves == {"answered": 3, "right": 0, "walked_away_too_soon": 2, "stayed_too_long": 1,
                     "accepted_too_soon": 0, "missed_a_good_offer": 0}
    assert "You chose to walk away in 2 scenarios where" in data["summary"]["text"]
    assert "You stayed at the table in 1 scenario where" in data["summary"]["text"]


def test_right_moves_are_not_counted_as_mistakes(practice: Bank) -> None:
    data = quiz.score(practice, {"kickback-request-move": ["walk-away"],
                                 "budget-freeze-move": ["pause"]}).to_dict()
    assert data["summary"]["moves"] == {"answered": 2, "right": 2, "walked_away_too_soon": 0,
                                        "stayed_too_long": 0, "accepted_too_soon": 0,
                                        "missed_a_good_offer": 0}
    assert data["summary"]["text"] == "Answer more scenarios to test every sign."


def test_every_shipped_sign_explanation_links_to_where_the_line_is(shipped: Bank) -> None:
    for k in keyed(shipped):
        for option in k.signs_question.options:
            sign = next((s for s in quiz.SIGNS if s.id == option.id), None)
            if sign is not None:
                assert option.section == sign.line, (k.id, option.id)
                assert option.section.href == f"guide/signs/#line-{sign.id}"


def test_walking_away_too_soon_on_the_shipped_bank(shipped: Bank) -> None:
    stay = scenario_where(shipped, moves={"pause"}, signs=[])
    question = shipped.question(f"{stay.id}-move")
    assert question is not None
    assert question.correct_ids == {"pause"}
    data = quiz.score(shipped, {question.id: ["walk-away"]}).to_dict()
    assert data["summary"]["moves"]["walked_away_too_soon"] == 1
    assert data["summary"]["moves"]["stayed_too_long"] == 0
    assert "walk away in 1 scenario where" in data["summary"]["text"]


# --- malformed answers -----------------------------------------------------------------

def deeply_nested(depth: int) -> list[Any]:
    outer: list[Any] = []
    inner = outer
    for _ in range(depth):
        inner.append([])
        inner = inner[0]
    return outer


HUGE = "x" * 100_000
# Any scenario's two questions: these answers are malformed whatever its key.
ANY = keyed(quiz.load_bank("spot-the-signs"))[0]
MOVE = ANY.move.id
SIGNS_Q = ANY.signs_question.id

MALFORMED: list[tuple[str, object, str]] = [
    ("list", [[MOVE, ["pause"]]], "answers must be"),
    ("str", json.dumps({MOVE: ["pause"]}), "answers must be"),
    ("None", None, "answers must be"),
    ("int", 3, "answers must be"),
    ("unknown question", {"no-such-question": ["pause"]}, "unknown question"),
    ("int key", {1: ["pause"]}, "unknown question"),
    ("None key", {None: ["pause"]}, "unknown question"),
    ("tuple key", {(MOVE,): ["pause"]}, "unknown question"),
    ("str value", {MOVE: "pause"}, "must be a list"),
    ("dict value", {MOVE: {"pause": True}}, "must be a list"),
    ("None value", {MOVE: None}, "must be a list"),
    ("int option", {MOVE: [2]}, "text"),
    ("None option", {MOVE: [None]}, "text"),
    ("list option", {MOVE: [["pause"]]}, "text"),
    ("unknown option", {MOVE: ["run"]}, "unknown option"),
    ("sign on a move", {MOVE: ["none"]}, "unknown option"),
    ("move on signs", {SIGNS_Q: ["pause"]}, "unknown option"),
    ("two choices on a single question", {MOVE: ["pause", "walk-away"]}, "one choice"),
    ("duplicate option", {SIGNS_Q: ["lack-of-flexibility", "lack-of-flexibility"]}, "twice"),
    ("none with a sign", {SIGNS_Q: ["none", "diminishing-returns"]}, "none"),
    ("sign with none", {SIGNS_Q: ["diminishing-returns", "none"]}, "none"),
    ("list longer than options", {MOVE: ["pause"] * (len(MOVES) + 1)}, "choices"),
    ("huge key", {HUGE: ["pause"]}, "unknown question"),
    ("huge option", {MOVE: [HUGE]}, "unknown option"),
    ("huge value", {MOVE: HUGE}, "must be a list"),
    ("huge list", {SIGNS_Q: ["none"] * 100_000}, "choices"),
    ("huge int key", {10**5000: ["pause"]}, "unknown question"),
    ("huge int option", {MOVE: [10**5000]}, "text"),
    ("huge int value", {MOVE: 10**5000}, "must be a list"),
    ("deeply nested option", {MOVE: [deeply_nested(100_000)]}, "text"),
    ("deeply nested value", {MOVE: {"a": deeply_nested(100_000)}}, "must be a list"),
]


@pytest.mark.parametrize(("answers", "words"), [(a, w) for _, a, w in MALFORMED],
                         ids=[name for name, _, _ in MALFORMED])
def test_malformed_answers_raise_one_clear_error(shipped: Bank, answers: object,
                                                 words: str) -> None:
    with pytest.raises(AnswerError) as info:
        quiz.score(shipped, answers)
    message = str(info.value)
    assert words in message
    assert "\n" not in message
    assert 0 < len(message) < 200


def test_too_many_answers(shipped: Bank) -> None:
    answers = {f"question-{n}": ["pause"] for n in range(len(shipped.questions) + 1)}
    with pytest.raises(AnswerError, match="too many answers"):
        quiz.score(shipped, answers)


def test_too_many_answers_message_is_short(shipped: Bank) -> None:
    answers = {HUGE + str(n): [HUGE] for n in range(len(shipped.questions) + 1)}
    with pytest.raises(AnswerError) as info:
        quiz.score(shipped, answers)
    assert len(str(info.value)) < 200


@pytest.mark.parametrize("bank_id", ["no-such-bank", "", "Spot-The-Signs", "../quiz", HUGE, 3])
def test_unknown_bank_is_an_answer_error(bank_id: Any) -> None:
    with pytest.raises(AnswerError) as info:
        quiz.score(bank_id, {})
    assert len(str(info.value)) < 200


def test_answer_error_is_a_value_error() -> None:
    assert issubclass(AnswerError, ValueError)
    assert issubclass(AnswerError, quiz.QuizError)


@st.composite
def subset_answers(draw: st.DrawFn, bank: Bank) -> dict[str, list[str]]:
    questions = draw(st.lists(st.sampled_from(bank.questions), unique_by=lambda q: q.id))
    return {q.id: draw(st.lists(st.sampled_from([o.id for o in q.options]), max_size=6))
            for q in questions}


@FAST
@given(data=st.data())
def test_any_subset_scores_in_range_or_is_refused(data: st.DataObject) -> None:
    bank = quiz.load_bank_file(PRACTICE) if data.draw(st.booleans()) else quiz.load_bank(
        "spot-the-signs")
    answers = data.draw(subset_answers(bank))
    try:
        result = quiz.score(bank, answers)
    except AnswerError:
        return
    assert 0 <= result.score <= result.max_score
    for question in result.to_dict()["questions"].values():
        assert 0 <= question["points"] <= question["max_points"]
    assert result.score == sum(q["points"] for q in result.to_dict()["questions"].values())


@FAST
@given(data=st.data())
def test_valid_picks_are_never_refused(data: st.DataObject) -> None:
    bank = quiz.load_bank("spot-the-signs")
    answers = {}
    for q in data.draw(st.lists(st.sampled_from(bank.questions), unique_by=lambda q: q.id)):
        ids = [o.id for o in q.options]
        if q.kind == "single":
            answers[q.id] = data.draw(st.lists(st.sampled_from(ids), max_size=1))
        elif data.draw(st.booleans()):
            answers[q.id] = ["none"]
        else:
            answers[q.id] = data.draw(st.lists(st.sampled_from(ids[:-1]), unique=True))
    result = quiz.score(bank, answers)
    assert 0 <= result.score <= result.max_score


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda children: st.lists(children, max_size=5)
    | st.dictionaries(st.text(max_size=30), children, max_size=5),
    max_leaves=20,
)


def answer_like(bank: Bank) -> st.SearchStrategy[object]:
    option_ids = sorted({o.id for q in bank.questions for o in q.options})
    picks = st.lists(st.sampled_from(option_ids) | json_values, max_size=6)
    keys = st.sampled_from([q.id for q in bank.questions]) | st.text(max_size=30)
    return json_values | st.dictionaries(keys, picks | json_values, max_size=6)


@FAST
@given(data=st.data())
def test_arbitrary_values_only_raise_answer_error(data: st.DataObject) -> None:
    bank = quiz.load_bank("spot-the-signs")
    answers = data.draw(answer_like(bank))
    try:
        result = quiz.score(bank, answers)
    except AnswerError as error:
        assert 0 < len(str(error)) < 200
    else:
        assert 0 <= result.score <= result.max_score
        json.loads(quiz.to_json(result.to_dict()))


# --- the browser's bridge --------------------------------------------------------------

def handled(request: str) -> dict[str, Any]:
    reply = json.loads(bridge.handle(request))
    assert isinstance(reply, dict)
    assert isinstance(reply["ok"], bool)
    if not reply["ok"]:
        assert isinstance(reply["error"], str)
        assert reply["error"]
    return reply


def test_bridge_scores_like_the_engine(shipped: Bank) -> None:
    answers = correct_answers(shipped)
    reply = handled(json.dumps({"type": "score", "bank": "spot-the-signs", "answers": answers}))
    assert reply["ok"] is True
    assert reply["result"] == quiz.score(shipped, answers).to_dict()


BAD_REQUESTS = {
    "empty": "",
    "not json": "not json",
    "truncated": "{",
    "array": "[]",
    "string": '"spot-the-signs"',
    "null": "null",
    "number": "42",
    "no bank": "{}",
    "no bank, answers": '{"type": "score", "answers": {}}',
    "no type": '{"bank": "spot-the-signs", "answers": {}}',
    "unknown type": '{"type": "grade", "bank": "spot-the-signs", "answers": {}}',
    "type not text": '{"type": ["score"], "bank": "spot-the-signs", "answers": {}}',
    "bank not text": '{"type": "score", "bank": 3, "answers": {}}',
    "unknown bank": '{"type": "score", "bank": "no-such-bank", "answers": {}}',
    "no answers": '{"type": "score", "bank": "spot-the-signs"}',
    "answers a list": '{"type": "score", "bank": "spot-the-signs", "answers": []}',
    "unknown question": '{"type": "score", "bank": "spot-the-signs", '
                        '"answers": {"nope": ["pause"]}}',
    "huge number": '{"type": "score", "bank": "spot-the-signs", "answers": {"' + MOVE + '": ['
                   + "9" * 5000 + "]}}",
    "huge request": '{"type": "score", "bank": "spot-the-signs", "answers": {}, "x": "'
                    + "y" * 100_000 + '"}',
    "deep nesting": "[" * 50_000,
    "deep nesting in answers": '{"type": "score", "bank": "spot-the-signs", "answers": '
                               '{"' + MOVE + '": ' + "[" * 5000 + "]" * 5000 + "}}",
}


@pytest.mark.parametrize("request_text", list(BAD_REQUESTS.values()), ids=list(BAD_REQUESTS))
def test_bridge_refuses_bad_requests_with_json(request_text: str) -> None:
    assert handled(request_text)["ok"] is False


@FAST
@given(st.text(max_size=200))
def test_bridge_never_raises_on_any_text(text: str) -> None:
    handled(text)


@FAST
@given(json_values)
def test_bridge_never_raises_on_any_json_answers(answers: object) -> None:
    handled(json.dumps({"type": "score", "bank": "spot-the-signs", "answers": answers}))
