"""Practice rounds: choosing the next round, the per-sign trend and mastery, scoring a round."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import quiz
import quiz.loading
from quiz import AnswerError, Bank, BankError, bridge
from quiz.rounds import Facts, facts, first_round, history_entry, next_round, progress

PRACTICE = Path(__file__).resolve().parent / "banks" / "practice.toml"
SIGNS = ("unreasonable-demands", "lack-of-flexibility", "diminishing-returns",
         "mismatch-in-key-objectives")
FAST = settings(max_examples=120, deadline=None)
BANK = quiz.load_bank("spot-the-signs")
KNOWN = facts(BANK)
IDS = list(KNOWN)
SIZE = BANK.rounds.size if BANK.rounds else 7


def play(bank: Bank, ids: list[str], ticks: dict[str, list[str]],
         moves: dict[str, str] | None = None) -> dict[str, Any]:
    """A round's result as `score` gives it: `ticks` maps scenario ids to ticked options."""
    answers: dict[str, list[str]] = {f"{sid}-signs": picks for sid, picks in ticks.items()}
    answers |= {f"{sid}-move": [move] for sid, move in (moves or {}).items()}
    return quiz.score(bank, answers, round=ids).to_dict()


def right_ticks(sid: str, missing: str = "") -> list[str]:
    signs = sorted(KNOWN[sid].signs - {missing})
    return signs or ["none"]


def with_sign(sign: str) -> list[str]:
    return [sid for sid, f in KNOWN.items() if sign in f.signs]


def share(ids: list[str], sign: str) -> float:
    return sum(sign in KNOWN[s].signs for s in ids) / len(ids)


# --- generated histories -------------------------------------------------------------

@st.composite
def histories(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Earlier rounds with any well-formed answers: right, wrong, partial or none."""
    rounds = []
    for _ in range(draw(st.integers(0, 5))):
        ids = draw(st.lists(st.sampled_from(IDS), min_size=1, max_size=SIZE, unique=True))
        ticks = {}
        moves = {}
        for sid in ids:
            if draw(st.booleans()):
                picked = draw(st.lists(st.sampled_from(SIGNS), max_size=4, unique=True))
                ticks[sid] = picked or ["none"]
            if draw(st.booleans()):
                moves[sid] = draw(st.sampled_from(list(quiz.MOVES)))
        rounds.append(play(BANK, ids, ticks, moves))
    return rounds


sizes = st.integers(1, len(IDS))
seeds = st.integers(0, 2**53 - 1)


@FAST
@given(histories(), seeds, sizes)
def test_rounds_hold_valid_distinct_ids_of_the_asked_size(
    history: list[dict[str, Any]], seed: int, size: int
) -> None:
    chosen = next_round(BANK, history, seed=seed, size=size)
    assert set(chosen) <= set(IDS)
    assert len(set(chosen)) == len(chosen) == size


@FAST
@given(histories(), seeds)
def test_size_defaults_to_the_bank_and_is_capped_by_it(
    history: list[dict[str, Any]], seed: int
) -> None:
    assert len(next_round(BANK, history, seed=seed)) == min(SIZE, len(IDS))
    assert len(next_round(BANK, history, seed=seed, size=len(IDS) + 5)) == len(IDS)


@FAST
@given(histories(), seeds, st.integers(1, len(IDS) - 1))
def test_the_previous_round_is_never_repeated(
    history: list[dict[str, Any]], seed: int, size: int
) -> None:
    # Stronger than the issue asks: whenever the bank has other scenarios at all.
    assume(history)
    chosen = next_round(BANK, history, seed=seed, size=size)
    assert set(chosen) != set(history[-1]["round"])


@FAST
@given(histories(), seeds, st.integers(3, len(IDS)))
def test_every_round_mixes_moves_and_has_a_scenario_without_signs(
    history: list[dict[str, Any]], seed: int, size: int
) -> None:
    chosen = [KNOWN[s] for s in next_round(BANK, history, seed=seed, size=size)]
    assert any(not f.signs for f in chosen)
    assert any("walk-away" in f.moves for f in chosen)
    assert any(f.moves & {"keep-negotiating", "pause"} for f in chosen)
    if size >= 4 and any("accept" in f.moves for f in KNOWN.values()):
        assert any("accept" in f.moves for f in chosen)


@FAST
@given(histories(), seeds, st.one_of(st.none(), sizes))
def test_same_history_and_seed_give_the_same_round(
    history: list[dict[str, Any]], seed: int, size: int | None
) -> None:
    first = next_round(BANK, history, seed=seed, size=size)
    again = next_round(BANK, copy.deepcopy(json.loads(json.dumps(history))), seed=seed,
                       size=size)
    assert first == again


@FAST
@given(seeds, st.one_of(st.none(), sizes))
def test_the_first_round_is_the_same_for_every_new_reader(seed: int, size: int | None) -> None:
    fixed = first_round(BANK, size)
    assert next_round(BANK, [], seed=seed, size=size) == fixed
    assert next_round(BANK, None, seed=seed, size=size) == fixed
    assert next_round(BANK, [{"round": "garbage"}, 7], seed=seed, size=size) == fixed


def test_the_first_round_covers_every_sign_and_move() -> None:
    chosen = [KNOWN[s] for s in first_round(BANK)]
    assert {s for f in chosen for s in f.signs} == set(SIGNS)
    assert any(not f.signs for f in chosen)
    assert {m for f in chosen for m in f.moves} == {m for f in KNOWN.values() for m in f.moves}
    assert [s for s in IDS if s in first_round(BANK)] == first_round(BANK)  # bank order


def test_seeds_change_later_rounds() -> None:
    history = [play(BANK, first_round(BANK), {s: right_ticks(s) for s in first_round(BANK)})]
    assert len({tuple(next_round(BANK, history, seed=n)) for n in range(20)}) > 1


@FAST
@given(st.sampled_from(SIGNS), st.integers(1, 4), seeds, st.integers(2, len(IDS) - 1),
       st.data())
def test_the_weakest_sign_is_over_represented(
    weak: str, rounds: int, seed: int, size: int, data: st.DataObject
) -> None:
    """A reader who misses one sign every time, and spots the others, gets more of it."""
    history: list[dict[str, Any]] = []
    for _ in range(rounds):
        ids = next_round(BANK, history, seed=seed, size=size)
        answered = data.draw(st.lists(st.sampled_from(ids), unique=True), label="answered")
        history.append(play(BANK, ids, {s: right_ticks(s, missing=weak) for s in answered}))
    assume(any(weak in KNOWN[s].signs for r in history for s in r["questions"]
               if s.endswith("-signs") and r["questions"][s]["answered"]
               for s in [s.removesuffix("-signs")]))
    chosen = next_round(BANK, history, seed=seed, size=size)
    assert share(chosen, weak) > share(IDS, weak)
    # About half the places go to it, as far as the bank has scenarios with it and the
    # mix leaves room (a stay-at-the-table and a no-sign scenario take up to two places).
    if size >= 5:
        assert sum(weak in KNOWN[s].signs for s in chosen) >= min((size + 1) // 2,
                                                                  len(with_sign(weak)))
    assert progress(BANK, history)["focus"] == [weak]


def test_a_reader_who_gets_everything_right_gets_new_scenarios() -> None:
    ids = first_round(BANK)
    history = [play(BANK, ids, {s: right_ticks(s) for s in ids})]
    later = next_round(BANK, history)
    fresh = [s for s in IDS if s not in ids]
    assert len(set(later) & set(fresh)) >= min(len(fresh), SIZE) - 1


def test_false_alarms_count_as_weakness() -> None:
    ids = first_round(BANK)
    ticks = {s: sorted(KNOWN[s].signs | {"lack-of-flexibility"}) for s in ids}
    history = [play(BANK, ids, ticks)]
    report = progress(BANK, history)
    assert report["focus"] == ["lack-of-flexibility"]
    sign = report["signs"]["lack-of-flexibility"]
    absent = sum("lack-of-flexibility" not in KNOWN[s].signs for s in ids)
    assert sign["rounds"][0]["flagged_absent"] == absent
    assert f"ticked where absent {absent} times" in sign["text"]


# --- reading history defensively -------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8)
    | st.sampled_from([*IDS, *SIGNS, "none", "walk-away", f"{IDS[0]}-signs"]),
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.sampled_from(["round", "questions", "chosen", "id", "bank",
                                       f"{IDS[0]}-signs", f"{IDS[0]}-move", "x"]),
                      inner, max_size=4),
    max_leaves=20,
)


@FAST
@given(st.lists(json_values, max_size=5), seeds)
def test_malformed_history_never_crashes(history: list[Any], seed: int) -> None:
    chosen = next_round(BANK, history, seed=seed)
    assert len(set(chosen)) == len(chosen) == SIZE
    report = progress(BANK, history)
    assert set(report["signs"]) == set(SIGNS)
    json.dumps(report)


@pytest.mark.parametrize("history", ["a round", {"round": []}, 3])
def test_a_history_that_is_not_a_list_is_an_answer_error(history: object) -> None:
    with pytest.raises(AnswerError, match="history must be a list"):
        next_round(BANK, history)
    with pytest.raises(AnswerError, match="history must be a list"):
        progress(BANK, history)


def test_entries_that_no_longer_fit_the_bank_are_skipped() -> None:
    sid = with_sign("diminishing-returns")[0]
    good = play(BANK, [sid], {sid: ["diminishing-returns"]})
    other_bank = {**good, "bank": "another-bank"}
    gone = {"bank": BANK.id, "round": ["a-scenario-since-removed"],
            "questions": {"a-scenario-since-removed-signs": {"chosen": [{"id": "none"}]}}}
    bad_picks = {"bank": BANK.id, "round": [sid],
                 "questions": {f"{sid}-signs": {"chosen": [{"id": "none"},
                                                           {"id": "diminishing-returns"}]}}}
    report = progress(BANK, [good, other_bank, gone, bad_picks, "junk"])
    assert report["rounds"] == 2  # the good one and bad_picks (shown, but nothing usable)
    assert report["signs"]["diminishing-returns"]["rounds"] == [
        {"present": 1, "spotted": 1, "flagged_absent": 0},
        {"present": 0, "spotted": 0, "flagged_absent": 0},
    ]


def test_the_current_bank_decides_what_was_right() -> None:
    # A stored result says the tick was correct; the bank now says the sign is absent.
    sid = next(s for s, f in KNOWN.items() if not f.signs)
    stored = play(BANK, [sid], {sid: ["none"]})
    stored["questions"][f"{sid}-signs"]["chosen"] = [{"id": "diminishing-returns",
                                                      "correct": True}]
    sign = progress(BANK, [stored])["signs"]["diminishing-returns"]
    assert sign["rounds"] == [{"present": 0, "spotted": 0, "flagged_absent": 1}]


def test_the_short_entry_reads_like_the_full_result() -> None:
    ids = first_round(BANK)
    full = play(BANK, ids, {s: right_ticks(s, missing="lack-of-flexibility") for s in ids[:5]},
                {s: "pause" for s in ids[2:]})
    short = history_entry(full)
    assert len(json.dumps(short)) < len(json.dumps(full)) / 5
    assert progress(BANK, [short]) == progress(BANK, [full])
    assert next_round(BANK, [short], seed=3) == next_round(BANK, [full], seed=3)


def test_a_whole_bank_result_counts_the_scenarios_it_answered() -> None:
    sid = with_sign("unreasonable-demands")[0]
    whole = quiz.score(BANK, {f"{sid}-signs": ["none"]}).to_dict()
    assert "round" not in whole
    report = progress(BANK, [whole])
    assert report["rounds"] == 1 and report["practised"] == 1
    assert report["signs"]["unreasonable-demands"]["text"] == "Unreasonable demands: 0 of 1"


# --- trend and mastery -----------------------------------------------------------------

DR = "diminishing-returns"


def events(*spotted: bool, false_alarm_at: int | None = None) -> list[dict[str, Any]]:
    """One round per event: a scenario with DR (ticked or not), or a false alarm."""
    with_dr = with_sign(DR)
    without = next(s for s, f in KNOWN.items() if DR not in f.signs)
    rounds = []
    for i, hit in enumerate(spotted):
        if i == false_alarm_at:
            rounds.append(play(BANK, [without], {without: [DR]}))
        sid = with_dr[i % len(with_dr)]
        rounds.append(play(BANK, [sid], {sid: right_ticks(sid, missing="" if hit else DR)}))
    return rounds


@pytest.mark.parametrize(("spotted", "false_alarm_at", "expected"), [
    ((True, True, True), None, True),
    ((False, True, True, True), None, True),
    ((True, True, True, False), None, False),
    ((True, True), None, False),
    ((True, True, True), 1, False),  # a false alarm after the first of the last three
    ((True, True, True, True), 0, True),  # a false alarm before them no longer counts
])
def test_mastery_is_a_streak_without_false_alarms(
    spotted: tuple[bool, ...], false_alarm_at: int | None, expected: bool
) -> None:
    report = progress(BANK, events(*spotted, false_alarm_at=false_alarm_at))
    sign = report["signs"][DR]
    assert sign["mastered"] is expected
    assert sign["text"].endswith("(mastered)") is expected
    assert (DR in report["mastered"]) is expected
    assert (DR not in report["focus"]) or not expected


def test_the_trend_reads_round_by_round() -> None:
    three = (with_sign(DR) * 3)[:3]
    first = play(BANK, three, {three[0]: right_ticks(three[0]),
                               **{s: right_ticks(s, missing=DR) for s in three[1:]}})
    second = play(BANK, three, {s: right_ticks(s) for s in three})
    sign = progress(BANK, [first, second])["signs"][DR]
    assert sign["text"] == "Diminishing returns: 1 of 3 → 3 of 3 (mastered)"
    assert [r["spotted"] for r in sign["rounds"]] == [1, 3]


def test_progress_before_any_round() -> None:
    report = progress(BANK, [])
    assert report["rounds"] == 0 and report["focus"] == [] and report["mastered"] == []
    assert report["text"] == "Play a round to see how well you spot each sign."
    assert report["signs"][DR]["text"] == "Diminishing returns: not practised yet"
    assert report["mastery"] == {
        "streak": 3,
        "text": "A sign counts as mastered when you spot it in each of the last 3 scenarios "
                "where it is present, without ticking it anywhere it is absent since.",
    }


def test_progress_says_what_to_practise_next() -> None:
    history = events(True, True, True)
    ids = first_round(BANK)
    history.append(play(BANK, ids, {s: right_ticks(s, missing="lack-of-flexibility")
                                    for s in ids}))
    report = progress(BANK, history)
    assert report["focus"] == ["lack-of-flexibility"]
    assert report["text"].endswith("Practise next: lack of flexibility.")
    assert "You have mastered" in report["text"]


# --- scoring one round -----------------------------------------------------------------

def test_only_the_round_counts() -> None:
    ids = first_round(BANK)
    answers = {q.id: sorted(q.correct_ids) for q in BANK.questions
               if q.scenario and q.scenario.id in ids}
    result = quiz.score(BANK, answers, round=ids).to_dict()
    assert result["round"] == ids
    assert result["total"] == 2 * len(ids)
    assert result["score"] == result["max_score"]
    assert result["max_score"] == sum(len(BANK.question(q).correct_ids)  # type: ignore[union-attr]
                                      for q in answers)
    assert list(result["questions"]) == [f"{s}-{part}" for s in ids for part in ("move", "signs")]
    for sign in SIGNS:
        present = sum(sign in KNOWN[s].signs for s in ids)
        assert result["criteria"][sign]["present"] == present


def test_the_profile_only_sees_the_round() -> None:
    ids = with_sign(DR)[:1] + [s for s, f in KNOWN.items() if not f.signs][:1]
    result = quiz.score(BANK, {}, round=ids).to_dict()
    assert result["unanswered"] == [f"{s}-{p}" for s in ids for p in ("move", "signs")]
    answers = {f"{ids[0]}-signs": right_ticks(ids[0], missing=DR), f"{ids[1]}-signs": [DR]}
    profile = quiz.score(BANK, answers, round=ids).to_dict()["criteria"][DR]
    assert (profile["present"], profile["spotted"], profile["flagged_absent"]) == (1, 0, 1)


@pytest.mark.parametrize(("round_", "answers", "message"), [
    ([IDS[0]], {f"{IDS[1]}-move": ["pause"]}, f"question '{IDS[1]}-move' is not in this round"),
    ([IDS[0], "no-such-scenario"], {}, "unknown scenario 'no-such-scenario'"),
    ([IDS[0], IDS[0]], {}, "listed twice"),
    ([], {}, "non-empty list"),
    (IDS[0], {}, "non-empty list"),  # one id as text, not a list
    ([IDS[0], 3], {}, "text, not 3"),
    ([IDS[0]], {"no-such-question": ["pause"]}, "unknown question"),
])
def test_bad_rounds_are_answer_errors(round_: object, answers: object, message: str) -> None:
    with pytest.raises(AnswerError, match=message):
        quiz.score(BANK, answers, round=round_)


def test_an_assessment_has_no_rounds() -> None:
    with pytest.raises(AnswerError, match="has no practice rounds"):
        quiz.score("my-negotiation", {}, round=["x"])
    with pytest.raises(AnswerError, match="has no practice rounds"):
        next_round(quiz.load_bank("my-negotiation"), [])


@pytest.mark.parametrize(("seed", "size"), [(-1, None), (2**53, None), (True, None),
                                            ("1", None), (0, 0), (0, "7"), (0, False)])
def test_bad_seed_or_size(seed: object, size: object) -> None:
    with pytest.raises(AnswerError):
        next_round(BANK, [], seed=seed, size=size)


# --- the bridge ------------------------------------------------------------------------

def ask(request: object) -> dict[str, Any]:
    answer: dict[str, Any] = json.loads(bridge.handle(json.dumps(request)))
    return answer


def test_bridge_round_request() -> None:
    history = [play(BANK, first_round(BANK), {s: right_ticks(s, missing=DR)
                                              for s in first_round(BANK)})]
    got = ask({"type": "next-round", "bank": BANK.id, "history": history, "seed": 4,
               "size": 5})
    assert got == {"ok": True, "round": next_round(BANK, history, 4, 5),
                   "progress": json.loads(quiz.to_json(progress(BANK, history)))}
    assert ask({"type": "next-round", "bank": BANK.id})["round"] == first_round(BANK)


def test_bridge_scores_a_round_and_gives_the_entry_to_keep() -> None:
    ids = first_round(BANK)
    answers = {f"{ids[0]}-move": ["pause"]}
    got = ask({"type": "score", "bank": BANK.id, "answers": answers, "round": ids})
    assert got["ok"] is True
    assert got["result"] == json.loads(quiz.to_json(quiz.score(BANK, answers, round=ids)
                                                    .to_dict()))
    assert got["entry"] == {"bank": BANK.id, "round": ids,
                            "questions": {f"{ids[0]}-move": {"chosen": [{"id": "pause"}]}}}
    assert set(ask({"type": "score", "bank": BANK.id, "answers": answers})
               ) == {"ok", "result"}  # no round, no entry


@pytest.mark.parametrize(("request_", "message"), [
    ({"type": "next-round", "bank": BANK.id, "history": {}}, "history must be a list"),
    ({"type": "next-round", "bank": BANK.id, "seed": -3}, "seed must be"),
    ({"type": "next-round", "bank": BANK.id, "size": 0}, "round size"),
    ({"type": "next-round"}, "must name a bank"),
    ({"type": "next-round", "bank": "no-such-bank"}, "no question bank"),
    ({"type": "next-round", "bank": BANK.id, "colour": 1}, "does not take colour"),
    ({"type": "next-round", "bank": BANK.id, "answers": {}}, "does not take answers"),
    ({"round": {"bank": BANK.id}}, "unknown request type None"),
    ({"type": "score", "bank": BANK.id, "answers": {}, "round": ["nope"]}, "unknown scenario"),
    ({"type": "score", "bank": BANK.id, "answers": {f"{IDS[1]}-move": ["pause"]},
      "round": [IDS[0]]}, "not in this round"),
])
def test_bridge_bad_round_requests_give_one_clear_error(request_: object, message: str) -> None:
    got = ask(request_)
    assert got["ok"] is False
    assert message in got["error"]
    assert "Traceback" not in got["error"]


# --- the [rounds] table ----------------------------------------------------------------

def test_the_shipped_bank_sets_its_rounds() -> None:
    assert BANK.rounds is not None
    assert (BANK.rounds.size, BANK.rounds.streak) == (7, 3)
    assert BANK.to_dict()["rounds"] == {"size": 7, "mastery": {"streak": 3}}


def test_without_the_table_a_bank_has_no_rounds() -> None:
    # As on the page, which then shows the whole bank at once: rounds are the bank's choice.
    bank = quiz.load_bank_file(PRACTICE)
    assert bank.rounds is None
    with pytest.raises(AnswerError, match="has no practice rounds"):
        next_round(bank, [])


@pytest.mark.parametrize(("table", "field", "message"), [
    ("[rounds]\nsize = 0\n", "rounds.size", "from 1 to 3"),
    ("[rounds]\nsize = 4\n", "rounds.size", "from 1 to 3"),
    ('[rounds]\nsize = "7"\n', "rounds.size", "whole number, not text"),
    ("[rounds]\nsize = true\n", "rounds.size", "whole number, not true/false"),
    ("[rounds]\nlength = 3\n", "rounds.length", "not a known field"),
    ("rounds = 3\n", "rounds", "must be a table"),
    ("[rounds]\nmastery = 3\n", "rounds.mastery", "must be a table"),
    ("[rounds.mastery]\nstreak = 0\n", "rounds.mastery.streak", "from 1 to 20"),
    ("[rounds.mastery]\nstreak = 2.5\n", "rounds.mastery.streak", "whole number"),
    ("[rounds.mastery]\nrun = 2\n", "rounds.mastery.run", "not a known field"),
])
def test_bad_rounds_tables_name_the_field(table: str, field: str, message: str) -> None:
    text = PRACTICE.read_text(encoding="utf-8").replace("[prompts]", table + "\n[prompts]", 1)
    with pytest.raises(BankError) as caught:
        quiz.parse_bank(text, "banks/practice.toml")
    problems = [p for p in caught.value.problems if p.field == field]
    assert problems, caught.value
    assert message in problems[0].message
    assert str(problems[0]).startswith("banks/practice.toml: field")


def test_good_rounds_table_in_a_bank_file() -> None:
    text = PRACTICE.read_text(encoding="utf-8").replace(
        "[prompts]", "[rounds]\nsize = 2\n[rounds.mastery]\nstreak = 1\n\n[prompts]", 1)
    bank = quiz.parse_bank(text, "banks/practice.toml")
    assert bank.rounds is not None and (bank.rounds.size, bank.rounds.streak) == (2, 1)
    assert len(next_round(bank, [])) == 2


def test_an_assessment_cannot_have_rounds() -> None:
    path = Path(str(quiz.loading.banks_dir())) / "my-negotiation.toml"
    text = path.read_text(encoding="utf-8") + "\n[rounds]\nsize = 3\n"
    with pytest.raises(BankError, match="field 'rounds': is not a known field"):
        quiz.parse_bank(text, "banks/my-negotiation.toml")


def test_facts_follow_the_bank() -> None:
    for sid, fact in KNOWN.items():
        assert isinstance(fact, Facts)
        move = BANK.question(f"{sid}-move")
        assert move is not None and move.correct_ids == fact.moves


def test_either_right_move_is_right_in_a_round_and_old_entries_still_read() -> None:
    text = PRACTICE.read_text(encoding="utf-8").replace(
        'best-move = "pause"\nsigns = ["diminishing-returns"]',
        'best-move = ["pause", "accept"]\nsigns = ["diminishing-returns"]').replace(
        "[prompts]", "[rounds]\nsize = 2\n\n[prompts]", 1)
    bank = quiz.parse_bank(text, "banks/practice.toml")
    assert facts(bank)["endless-rounds"].moves == {"pause", "accept"}
    ids = ["endless-rounds", "kickback-request"]
    for pick in ("pause", "accept"):
        result = play(bank, ids, {}, {"endless-rounds": pick})
        assert result["questions"]["endless-rounds-move"]["correct"] is True
        assert result["summary"]["moves"]["right"] == 1
    # A history entry saved by the three-move engine, feedback shape and all.
    old = {"bank": "practice", "round": ids, "questions": {
        "endless-rounds-move": {"chosen": [{"id": "pause"}], "also_right": ""},
        "kickback-request-signs": {"chosen": [{"id": "unreasonable-demands"}],
                                   "also_right": "Also right: Mismatch in key objectives."}}}
    assert progress(bank, [old])["practised"] == 2
    assert set(next_round(bank, [old])) <= {"budget-freeze", "endless-rounds", "kickback-request"}
