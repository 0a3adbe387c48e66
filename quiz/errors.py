"""The two ways input can be wrong: a bank an author wrote, or answers a reader sent."""

from __future__ import annotations

from dataclasses import dataclass


class QuizError(Exception):
    """Base of every error the package raises on purpose."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a bank file, located for its author."""

    file: str
    question: str | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"question {self.question!r}, " if self.question else ""
        return f"{self.file}: {where}field {self.field!r}: {self.message}"


class BankError(QuizError):
    """A bank file is malformed; `problems` lists everything found in it."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = tuple(problems)
        count = len(problems)
        head = f"{count} problem{'s' if count != 1 else ''} in question bank"
        super().__init__("\n".join([head, *(f"  - {p}" for p in problems)]))


class AnswerError(QuizError, ValueError):
    """Answers that cannot be scored: the message says what to fix."""


def no_rounds(bank_id: str) -> AnswerError:
    """Rounds asked of a bank without them: an assessment, or a self-check without [rounds]."""
    return AnswerError(f"the bank {bank_id!r} has no practice rounds")
