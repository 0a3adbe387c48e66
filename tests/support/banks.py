"""Reading a shipped bank the way tests need it."""

from __future__ import annotations

import quiz


def option_label(bank: quiz.Bank, qid: str, option: str) -> str:
    """The label a reader sees for `option` of question `qid`."""
    question = bank.question(qid)
    assert question is not None
    chosen = question.option(option)
    assert chosen is not None
    return chosen.label
