"""quiz.rounds is one module per job, as documented, and `score` goes through the kinds."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

import quiz
import quiz.rounds
from quiz import AnswerError, kinds
from quiz.model import Bank

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "quiz" / "rounds"
BANK = quiz.load_bank("spot-the-signs")


def modules() -> set[str]:
    return {p.name for p in PACKAGE.glob("*.py") if p.name != "__init__.py"}


def test_the_package_docstring_lists_every_module() -> None:
    doc = quiz.rounds.__doc__ or ""
    assert set(re.findall(r"^\s+(\w+\.py)\s", doc, re.MULTILINE)) == modules()


def test_the_readme_module_map_lists_every_module() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("  rounds/ ")
    listed = []
    for line in readme[start:].splitlines()[1:]:
        found = re.match(r"^ {4}(\w+\.py)\s", line)
        if not found and not line.startswith(" " * 20):
            break
        if found:
            listed.append(found[1])
    assert set(listed) == modules()


def test_the_names_other_modules_import_stay_in_quiz_rounds() -> None:
    for name in ("MAX_SEED", "RoundResult", "RoundSettings", "first_round", "next_round",
                 "history_entry", "progress", "read_history", "score_round", "Facts",
                 "facts"):
        assert name in quiz.rounds.__all__
        assert getattr(quiz.rounds, name) is not None


class Recorder:
    """A kind that records what `score` was asked, standing in for a real one."""

    def __init__(self, real: Any) -> None:
        self.real = real
        self.calls: list[tuple[Bank, object, object]] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)

    def score(self, bank: Bank, answers: object, round: object = None) -> Any:
        self.calls.append((bank, answers, round))
        return self.real.score(bank, answers, round)


@pytest.mark.parametrize("round_", [None, "first"])
def test_score_goes_through_the_kind_registry(monkeypatch: pytest.MonkeyPatch,
                                              round_: str | None) -> None:
    recorder = Recorder(kinds.KINDS["self-check"])
    monkeypatch.setitem(kinds.KINDS, "self-check", recorder)
    ids = quiz.first_round(BANK) if round_ else None
    result = quiz.score(BANK, {}, round=ids)
    assert recorder.calls == [(BANK, {}, ids)]
    assert isinstance(result, quiz.RoundResult) == bool(ids)


def test_rounds_of_a_bank_without_them_are_refused_by_its_kind() -> None:
    assessment = quiz.load_bank("my-negotiation")
    with pytest.raises(AnswerError, match="'my-negotiation' has no practice rounds"):
        kinds.kind_of(assessment).score(assessment, {}, ["x"])
    with pytest.raises(AnswerError, match="has no practice rounds"):
        quiz.rounds.settings(assessment)
