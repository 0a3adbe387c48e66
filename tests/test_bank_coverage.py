"""Coverage of the shipped self-check bank: enough practice for every sign and every move.

Rounds draw from this bank, so each sign, the no-sign case and the moves that keep
talking need enough scenarios for a reader to practise them more than once.
"""

from __future__ import annotations

from collections import Counter

import pytest

import quiz
from quiz import Bank

MIN_PER_SIGN = 9
MIN_NO_SIGN = 6
MIN_TOPICS = 6
MIN_PER_TOPIC = 4
STAY_MOVES = {"keep-negotiating", "pause"}


@pytest.fixture(scope="module")
def bank() -> Bank:
    return quiz.load_bank("spot-the-signs")


def answers_by_scenario(bank: Bank, role: str) -> dict[str, frozenset[str]]:
    """Each scenario's right answers to its question with this role ("move" or "signs")."""
    found: dict[str, frozenset[str]] = {}
    for question in bank.questions:
        if question.role == role:
            assert question.scenario is not None, question.id
            found[question.scenario.id] = question.correct_ids
    assert set(found) == {s.id for s in bank.scenarios}, f"a scenario lacks its {role} question"
    return found


def test_every_sign_is_a_right_answer_often_enough(bank: Bank) -> None:
    signs = answers_by_scenario(bank, "signs")
    counts = {c.id: sum(c.id in right for right in signs.values()) for c in quiz.SIGNS}
    short = {sign: n for sign, n in counts.items() if n < MIN_PER_SIGN}
    assert not short, f"signs present in fewer than {MIN_PER_SIGN} scenarios: {short}"


def test_enough_scenarios_have_no_sign(bank: Bank) -> None:
    signs = answers_by_scenario(bank, "signs")
    no_sign = [sid for sid, right in signs.items() if right == {"none"}]
    assert len(no_sign) >= MIN_NO_SIGN, no_sign


def test_a_third_or_more_stay_at_the_table(bank: Bank) -> None:
    moves = answers_by_scenario(bank, "move")
    assert all(len(right) == 1 for right in moves.values())
    stay = [sid for sid, right in moves.items() if right <= STAY_MOVES]
    assert 3 * len(stay) >= len(moves), f"{len(stay)} of {len(moves)} keep talking or pause"


def test_enough_topics_with_enough_scenarios(bank: Bank) -> None:
    per_topic = Counter(s.topic for s in bank.scenarios)
    full = {topic for topic, n in per_topic.items() if n >= MIN_PER_TOPIC}
    assert len(full) >= MIN_TOPICS, dict(per_topic)


def test_every_option_has_its_own_explanation(bank: Bank) -> None:
    texts: dict[str, list[str]] = {}
    for question in bank.questions:
        assert question.scenario is not None, question.id
        for option in question.options:
            assert option.explanation.strip(), f"{question.id}: {option.id} is not explained"
            texts.setdefault(question.scenario.id, []).append(option.explanation)
    for sid, explanations in texts.items():
        repeated = [t for t, n in Counter(explanations).items() if n > 1]
        assert not repeated, f"{sid} repeats an explanation: {repeated}"
