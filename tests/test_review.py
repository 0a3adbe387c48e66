"""Blind review: packets hide the keys, the tally follows the two-of-three rule, and
`check` holds the shipped bank to its review file."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.loading import banks_dir, load_bank, load_bank_file
from quiz.model import Bank
from quiz.review import (
    REWRITE,
    STANDS,
    ReviewError,
    code,
    from_text,
    keys,
    packet,
    read_answers,
    review_file,
    tally,
    to_text,
)

SHIPPED = Path(str(banks_dir())) / "spot-the-signs.toml"


def test_a_packet_shows_stories_and_nothing_that_gives_a_key_away() -> None:
    bank = load_bank("spot-the-signs")
    text = packet(bank, 1)
    for scenario in bank.scenarios:
        assert scenario.story.strip() in text and code(bank, scenario) in text
        assert scenario.id not in text  # ids can hint at the key
    explanations = {o.explanation for q in bank.questions for o in q.options}
    assert not any(e in text for e in explanations)
    assert "Right:" not in text


def test_each_reader_gets_their_own_order_and_the_same_codes() -> None:
    bank = load_bank("spot-the-signs")
    orders = [re.findall(r"^## (S[0-9A-F]{6}):", packet(bank, r), re.M) for r in (1, 2, 3)]
    assert all(sorted(o) == sorted(orders[0]) for o in orders)
    assert len(set(orders[0])) == len(bank.scenarios)
    assert len({tuple(o) for o in orders}) == 3
    assert packet(bank, 2) == packet(bank, 2)
    only = packet(bank, 1, {bank.scenarios[0].id})
    assert only.count("\n## ") == 1


def answers_for(bank_id: str, moves: dict[str, tuple[str, list[str]]]) -> dict[str, object]:
    bank = load_bank(bank_id)
    by_id = {s.id: s for s in bank.scenarios}
    return {code(bank, by_id[sid]): {"move": m, "signs": g} for sid, (m, g) in moves.items()}


def test_two_of_three_readers_make_a_key_stand() -> None:
    bank = load_bank("spot-the-signs")
    target = next(s for s in bank.scenarios if s.id == "coating-study-funding")
    signs = ["mismatch-in-key-objectives"]
    right = {target.id: ("pause", signs)}
    wrong = {target.id: ("walk-away", signs)}
    read = [read_answers(bank, answers_for(bank.id, a), f"r{i}")
            for i, a in enumerate((right, right, wrong))]
    (row,) = tally(bank, read, "t")
    assert (row.move_agreement, row.decision) == (2, STANDS)
    read[1] = read[2]
    (row,) = tally(bank, read, "t")
    assert (row.move_agreement, row.decision) == (1, REWRITE)


def test_a_sign_the_majority_disputes_sends_the_scenario_back() -> None:
    bank = load_bank("spot-the-signs")
    sid = "coating-study-funding"
    extra = {sid: ("pause", ["lack-of-flexibility", "mismatch-in-key-objectives"])}
    plain = {sid: ("pause", ["mismatch-in-key-objectives"])}
    read = [read_answers(bank, answers_for(bank.id, a), "r") for a in (extra, extra, plain)]
    (row,) = tally(bank, read, "t")
    assert row.signs_disagreed == ("lack-of-flexibility",) and row.decision == REWRITE


def test_malformed_answers_are_named() -> None:
    bank = load_bank("spot-the-signs")
    first = code(bank, bank.scenarios[0])
    cases: list[tuple[object, str]] = [
        ([], "must be a JSON object"),
        ({"S000000": {"move": "pause", "signs": ["none"]}}, "S000000: not a code of a story"),
        ({first: {"move": "leave", "signs": ["none"]}}, "'move' must be one of"),
        ({first: {"move": "accept", "signs": []}}, "'signs' must list"),
        ({first: {"move": "accept", "signs": ["none", "diminishing-returns"]}}, "'none' alone"),
    ]
    for data, message in cases:
        with pytest.raises(ReviewError, match=f"reader-1.json.*{re.escape(message)}"):
            read_answers(bank, data, "reader-1.json")


def test_the_shipped_review_file_reads_back_unchanged() -> None:
    text = review_file(SHIPPED).read_text(encoding="utf-8")
    assert to_text(from_text(text, "review")) == text


def test_every_shipped_scenario_was_read_blind_by_three_and_stands() -> None:
    bank = load_bank("spot-the-signs")
    rows = from_text(review_file(SHIPPED).read_text(encoding="utf-8"), "review")
    last = {r.scenario: r for r in rows}
    assert set(last) == {s.id for s in bank.scenarios}
    assert all(len(r.readings) >= 3 and r.decision == STANDS for r in last.values())


def copy_bank(tmp_path: Path) -> Path:
    bank = tmp_path / "spot-the-signs.toml"
    shutil.copy(SHIPPED, bank)
    shutil.copy(review_file(SHIPPED), review_file(bank))
    return bank


def test_check_fails_when_a_key_changes_after_review(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    bank = copy_bank(tmp_path)
    assert main(["check", str(bank)]) == 0
    text = bank.read_text(encoding="utf-8")
    first = load_bank_file(bank).scenarios[0].id
    head, _, tail = text.partition(f'id = "{first}"')
    before, move, after = tail.partition("best-move = ")
    old = after.split("\n", 1)[0]
    new = '"pause"' if old != '"pause"' else '"accept"'
    bank.write_text(head + f'id = "{first}"' + before + move + new + after[len(old):],
                    encoding="utf-8")
    assert main(["check", str(bank)]) == 1
    assert f"{first}: its key changed after review 1" in capsys.readouterr().err


def test_check_fails_when_a_full_bank_has_no_review(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    bank = copy_bank(tmp_path)
    review_file(bank).unlink()
    assert main(["check", str(bank)]) == 1
    assert "no blind review (spot-the-signs.review.csv)" in capsys.readouterr().err


def test_the_command_line_tallies_and_writes(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    bank = copy_bank(tmp_path)
    review_file(bank).unlink()
    loaded = load_bank_file(bank)
    answers = []
    for r in (1, 2, 3):
        data = {code(loaded, s): {"move": key_of(loaded, s.id)[0],
                                  "signs": key_of(loaded, s.id)[1] or ["none"]}
                for s in loaded.scenarios}
        path = tmp_path / f"reader-{r}.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        answers.append(str(path))
    assert main(["review", "tally", str(bank), *answers[:2], "--review", "1"]) == 2
    assert main(["review", "tally", str(bank), *answers, "--review", "1", "--write"]) == 0
    assert main(["review", "status", str(bank)]) == 0
    assert "stands after review" in capsys.readouterr().out


def key_of(bank: Bank, sid: str) -> tuple[str, list[str]]:
    moves, signs = keys(bank)[sid]
    return moves[0], list(signs)
