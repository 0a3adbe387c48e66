"""Practice rounds: a few scenarios at a time, each round leaning on the reader's weakest sign.

One module per job; the bank's [rounds] table itself is read with the self-check's other
fields (quiz.self_check), into `Bank.rounds` (quiz.model.RoundSettings).

  facts.py     what rounds read from the current bank: each scenario's key, the settings
  history.py   reading a reader's history (defensively), and the short entry to keep
  mastery.py   each sign's weakness, mastery and the focus, from the history
  choice.py    choosing rounds: the fixed first round, then the next from the history
  progress.py  the reader's progress in words: each sign's trend, and mastery
  scoring.py   scoring one round (the self-check kind's `score` with a round)

What is right is always taken from the current bank, never from the history.
"""

from __future__ import annotations

from ..model import RoundSettings
from .choice import MAX_SEED, first_round, next_round
from .facts import Facts, facts, settings
from .history import history_entry, read_history
from .progress import progress
from .scoring import RoundResult, score_round

__all__ = ["MAX_SEED", "Facts", "RoundResult", "RoundSettings", "facts", "first_round",
           "history_entry", "next_round", "progress", "read_history", "score_round",
           "settings"]
