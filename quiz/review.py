"""Blind review of a self-check bank: packets for readers, their tally, the review file.

A key is trusted only when careful readers of the guide, who never saw it, pick it. Each
reader gets a packet: the stories alone, under neutral codes, in an order of their own.
Their answers are tallied against the bank's keys and kept beside the bank in
`<bank id>.review.csv`, one row per scenario and review (later reviews of a rewritten
scenario add rows). The last row of each scenario must still match the bank's key and
show agreement: `python -m quiz check` fails when it does not.
"""

from __future__ import annotations

import csv
import hashlib
import io
import random
from dataclasses import dataclass
from pathlib import Path

from .errors import QuizError
from .model import Bank, Scenario
from .rounds import facts
from .vocabulary import MOVES, NONE, SIGNS

MIN_READERS = 3
SIGN_IDS = tuple(s.id for s in SIGNS)
COLUMNS = ("scenario", "review", "key_move", "key_signs", "readers", "move_agreement",
           "signs_disagreed", "decision", "note")
STANDS, REWRITE = "stands", "rewrite"


class ReviewError(QuizError):
    """Answers or a review file that cannot be read; the message says where and what."""


def agree(count: int, readers: int) -> bool:
    """At least two of three: a clear majority of the readers."""
    return 3 * count >= 2 * readers


def code(bank: Bank, scenario: Scenario) -> str:
    """A neutral code: the id may hint at the key, so readers never see it."""
    return "S" + hashlib.sha256(f"{bank.id}/{scenario.id}".encode()).hexdigest()[:6].upper()


def keys(bank: Bank) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """Each scenario's right moves and signs, in the vocabulary's order (not as shown)."""
    return {sid: (tuple(m for m in MOVES if m in f.moves),
                  tuple(g for g in SIGN_IDS if g in f.signs))
            for sid, f in facts(bank).items()}


# --- packets -------------------------------------------------------------------------

INSTRUCTIONS = f"""\
Read the guide first (its four signs, each sign's "Where the line is", and "Choosing your
move"). Then, for each story below, using only the guide and the story's facts, write:
the best move, one of {", ".join(MOVES)}; and every walk-away sign present, from
{", ".join(SIGN_IDS)}, or {NONE} alone. Answer as one JSON object keyed by the codes:
{{"CODE": {{"move": "...", "signs": ["..."], "note": "why, and any hesitation"}}, ...}}
"""


def packet(bank: Bank, reader: int, only: set[str] | None = None) -> str:
    """Reader `reader`'s packet, as Markdown: no ids, no keys, no explanations."""
    chosen = [s for s in bank.scenarios if only is None or s.id in only]
    random.Random(f"{bank.id}/reader-{reader}").shuffle(chosen)
    stories = "\n".join(f"## {code(bank, s)}: {s.title}\n\n{s.story.strip()}\n" for s in chosen)
    return f"# {bank.title}: {len(chosen)} stories for reader {reader}\n\n{INSTRUCTIONS}\n{stories}"


# --- answers and the tally -------------------------------------------------------------

@dataclass(frozen=True)
class Reading:
    """One reader's answer to one story."""

    move: str
    signs: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.move}: {' '.join(self.signs) or NONE}"


def read_answers(bank: Bank, data: object, source: str) -> dict[str, Reading]:
    """One reader's answers (JSON keyed by code) as readings keyed by scenario id."""
    if not isinstance(data, dict):
        raise ReviewError(f"{source}: must be a JSON object keyed by the packet's codes")
    by_code = {code(bank, s): s.id for s in bank.scenarios}
    out: dict[str, Reading] = {}
    for key, answer in data.items():
        where = f"{source}: {key}"
        if key not in by_code:
            raise ReviewError(f"{where}: not a code of a story in {bank.id}")
        if not isinstance(answer, dict) or answer.get("move") not in MOVES:
            raise ReviewError(f"{where}: 'move' must be one of {', '.join(MOVES)}")
        signs = answer.get("signs")
        if not isinstance(signs, list) or not signs or any(
                g not in (*SIGN_IDS, NONE) for g in signs) or (NONE in signs and len(signs) > 1):
            raise ReviewError(f"{where}: 'signs' must list signs from {', '.join(SIGN_IDS)}, "
                              f"or {NONE!r} alone")
        out[by_code[key]] = Reading(answer["move"], tuple(g for g in SIGN_IDS if g in signs))
    return out


@dataclass(frozen=True)
class Row:
    scenario: str
    review: str
    key_move: tuple[str, ...]
    key_signs: tuple[str, ...]
    readings: tuple[Reading, ...]
    note: str = ""  # the author's record: what was re-keyed or rewritten, and why

    @property
    def move_agreement(self) -> int:
        return sum(r.move in self.key_move for r in self.readings)

    @property
    def signs_disagreed(self) -> tuple[str, ...]:
        """Signs where the readers' majority and the key differ."""
        return tuple(g for g in SIGN_IDS
                     if agree(sum(g in r.signs for r in self.readings), len(self.readings))
                     != (g in self.key_signs))

    @property
    def decision(self) -> str:
        readers = len(self.readings)
        stands = (readers >= MIN_READERS and agree(self.move_agreement, readers)
                  and not self.signs_disagreed)
        return STANDS if stands else REWRITE

    def to_csv(self) -> dict[str, str]:
        return {"scenario": self.scenario, "review": self.review,
                "key_move": " ".join(self.key_move), "key_signs": " ".join(self.key_signs),
                "readers": " | ".join(str(r) for r in self.readings),
                "move_agreement": f"{self.move_agreement} of {len(self.readings)}",
                "signs_disagreed": " ".join(self.signs_disagreed), "decision": self.decision,
                "note": self.note}


def tally(bank: Bank, readers: list[dict[str, Reading]], review: str) -> list[Row]:
    """A row for every scenario all the readers answered, in bank order."""
    return [Row(sid, review, *key, tuple(r[sid] for r in readers))
            for sid, key in keys(bank).items() if all(sid in r for r in readers)]


# --- the review file -----------------------------------------------------------------

def review_file(bank_file: Path) -> Path:
    return bank_file.with_name(f"{bank_file.stem}.review.csv")


def to_text(rows: list[Row]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(r.to_csv() for r in rows)
    return out.getvalue()


def parse_reading(text: str, where: str) -> Reading:
    move, _, signs = text.partition(":")
    names = tuple(signs.split())
    if move.strip() not in MOVES or any(g not in (*SIGN_IDS, NONE) for g in names):
        raise ReviewError(f"{where}: {text!r} is not 'move: sign sign' or 'move: none'")
    return Reading(move.strip(), tuple(g for g in SIGN_IDS if g in names))


def from_text(text: str, source: str) -> list[Row]:
    """Rows of a review file; the computed columns are worked out again, not trusted."""
    rows = []
    for n, line in enumerate(csv.DictReader(io.StringIO(text)), 2):
        where = f"{source}, line {n}"
        if set(COLUMNS) - {"note"} - set(line):
            raise ReviewError(f"{where}: needs the columns {', '.join(COLUMNS)}")
        readings = tuple(parse_reading(r, where) for r in line["readers"].split(" | ") if r)
        rows.append(Row(line["scenario"], line["review"], tuple(line["key_move"].split()),
                        tuple(line["key_signs"].split()), readings, line.get("note") or ""))
    return rows


def problems(bank: Bank, rows: list[Row]) -> list[str]:
    """What stops the review standing: a scenario unread, re-keyed since, or disputed."""
    last = {r.scenario: r for r in rows}
    found = []
    for sid, (moves, signs) in keys(bank).items():
        row = last.get(sid)
        if row is None:
            found.append(f"{sid}: not read blind yet")
        elif (set(row.key_move), set(row.key_signs)) != (set(moves), set(signs)):
            found.append(f"{sid}: its key changed after review {row.review}: read it blind again")
        elif row.decision != STANDS:
            found.append(f"{sid}: review {row.review} did not agree with the key "
                         f"(move {row.move_agreement} of {len(row.readings)}; signs disputed: "
                         f"{' '.join(row.signs_disagreed) or 'none'}): rewrite it or accept "
                         "both moves, then read it blind again")
    return found
