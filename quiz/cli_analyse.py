"""`python -m quiz analyse BANK`: the item analysis for authors (numbers: quiz.analysis),
and the thresholds `python -m quiz check` holds every self-check bank to.

Author-facing text, so it lives here and not in quiz.wording (which readers see).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from . import load_bank, load_bank_file, to_json
from .analysis import (
    BALANCE_FROM,
    FULL_BANK,
    THRESHOLDS,
    Analysis,
    Crossing,
    Threshold,
    analyse,
)
from .model import Bank
from .self_check import NAME as SELF_CHECK
from .vocabulary import MOVES, NONE, NONE_LABEL, SIGNS


def add_command(sub: Any) -> None:
    s = sub.add_parser("analyse", help="item analysis of a self-check bank, for authors")
    s.add_argument("bank", help="a bank id, or the path of a bank file (.toml)")
    s.add_argument("--json", action="store_true", help="one JSON object with every number")
    s.add_argument("--guide", metavar="DIR", type=Path, action="append",
                   help="the guide's Markdown folder (repeatable; default: docs/ and "
                        "includes/ of the source tree)")
    s.set_defaults(run=cmd_analyse)


def names_a_file(name: str) -> bool:
    """A bank given on the command line: a file's path, or else a shipped bank's id."""
    return name.endswith(".toml") or "/" in name or "\\" in name


def read_bank(name: str) -> Bank:
    return load_bank_file(name) if names_a_file(name) else load_bank(name)


def cmd_analyse(args: argparse.Namespace) -> int:
    bank = read_bank(args.bank)
    if bank.kind != SELF_CHECK:
        print(f"analyse reads {SELF_CHECK} banks only; {bank.id} is of the kind {bank.kind}",
              file=sys.stderr)
        return 2
    for folder in args.guide or ():
        if not folder.is_dir():
            print(f"analyse: --guide {folder} is not a folder", file=sys.stderr)
            return 2
    analysis = analyse(bank, args.guide)
    print(to_json(analysis.to_dict()) if args.json else "\n".join(report(analysis)))
    return 0


# --- check ------------------------------------------------------------------------------

def value(threshold: Threshold, measured: float) -> str:
    return percent(measured) if threshold.share else f"{measured:g}"


def crossing_line(file: str, crossing: Crossing) -> str:
    t = crossing.threshold
    bound = "at most" if t.most else "at least"
    return (f"{file}: threshold {t.id}: {crossing.subject}: {value(t, crossing.measured)} "
            f"(limit: {bound} {value(t, t.limit)}; {t.what})")


def crossed_thresholds(bank: Bank, file: str) -> list[str]:
    """One line per crossed threshold of a self-check bank (other kinds have none)."""
    if bank.kind != SELF_CHECK:
        return []
    return [crossing_line(file, c) for c in analyse(bank).crossed()]


# --- the report -------------------------------------------------------------------------------

def percent(share: float) -> str:
    return f"{share * 100:.1f}%".replace(".0%", "%")


def report(analysis: Analysis) -> list[str]:
    data = analysis.to_dict()
    n = data["scenarios"]
    lines = [f"Item analysis of {analysis.bank.title} ({data['bank']}): {n} scenarios", ""]
    lines += positions_section(data) + moves_section(data) + signs_section(data)
    lines += guess_section(analysis, data) + runs_section(data) + cue_section(data)
    lines += alternative_section(data) + thresholds_section(analysis, data)
    return lines


def positions_section(data: dict[str, Any]) -> list[str]:
    kp = data["key_positions"]
    columns = list(kp["counts"])
    row = "  {:<34}" + "{:>8}" * len(columns)
    return [
        "Key positions (the move options as shown; a two-key scenario counts for each key)",
        row.format("position", *columns),
        row.format("scenarios keyed there", *kp["counts"].values()),
        row.format("share of scenarios", *map(percent, kp["shares"].values())),
        row.format("score of always picking it", *map(percent, kp["always_pick"].values())),
        "",
    ]


def moves_section(data: dict[str, Any]) -> list[str]:
    moves = data["moves"]
    lines = ["Keyed moves (a two-key scenario counts for each key; "
             f"two-key scenarios: {moves['two_key_scenarios']})",
             "  {:<26}{:>10}{:>8}{:>22}".format("move", "scenarios", "share",
                                               "always picking it")]
    lines += ["  {:<26}{:>10}{:>8}{:>22}".format(MOVES.get(m, m), c, percent(moves["shares"][m]),
                                                 percent(moves["always_pick"][m]))
              for m, c in moves["counts"].items()]
    predict = data["signs_predict"]
    by = predict["by"]
    lines += [
        "",
        f"The signs alone predict the move in {percent(predict['share'])} of scenarios "
        f"(the majority key among the other scenarios with the same signs: "
        f"{by['same-signs']}; with the same first sign: {by['first-sign']}; "
        f"among all others: {by['all-others']}; ties shared).",
        f"Baseline, the majority key among all other scenarios: "
        f"{percent(predict['baseline'])}.",
        "",
    ]
    return lines


def signs_section(data: dict[str, Any]) -> list[str]:
    coverage = data["sign_coverage"]
    names = {s.id: s.name for s in SIGNS} | {NONE: NONE_LABEL}
    lines = ["Sign coverage (scenarios where the sign is present)"]
    lines += ["  {:<30}{:>6}{:>8}".format(names.get(s, s), c, percent(coverage["shares"][s]))
              for s, c in coverage["counts"].items()]
    return [*lines, ""]


def guess_section(analysis: Analysis, data: dict[str, Any]) -> list[str]:
    guess = data["random_guess"]
    per = guess["questions"]
    lines = ["Random-guess score (expected score of answering at random among every valid "
             "answer, as a share of the maximum)",
             f"  means: move questions {percent(guess['move'])}, signs questions "
             f"{percent(guess['signs'])}, whole bank {percent(guess['mean'])}",
             "  {:<34}{:>8}{:>8}".format("scenario", "move", "signs")]
    for item in analysis.items:
        signs = percent(per[item.signs.id]) if item.signs else "-"
        lines.append(f"  {item.scenario.id:<34}{percent(per[item.move.id]):>8}{signs:>8}")
    return [*lines, ""]


def runs_section(data: dict[str, Any]) -> list[str]:
    runs = data["shared_runs"]
    if not runs["guide_found"]:
        return ["Words shared with the guide: no guide pages found (give --guide DIR).", ""]
    lines = [f"Longest run of words each story shares with the guide ({runs['pages']} pages), "
             "longest first"]
    lines += [f"  {r['length']:>3}  {r['scenario']:<34} \"{r['words']}\""
              + (f"  ({r['page']})" if r["page"] else "")
              for r in runs["stories"]]
    return [*lines, ""]


def cue_section(data: dict[str, Any]) -> list[str]:
    cue = data["length_cue"]
    return [f"Option-length cue: the key is the strictly longest option in "
            f"{percent(cue['share'])} of the {cue['questions']} move questions "
            f"(chance: {percent(cue['chance'])}).", ""]


def alternative_section(data: dict[str, Any]) -> list[str]:
    alt = data["alternative"]
    kinds = list(alt["counts"])
    moves = list(next(iter(alt["by_move"].values()), {}))
    width = max((len(m) for m in moves), default=0) + 2
    row = "  {:<14}{:>6}{:>8}{:>10}" + f"{{:>{width}}}" * len(moves)
    lines = [f"Alternative (BATNA) stated in {percent(alt['stated_share'])} of scenarios",
             row.format("alternative", "all", "signs", "no signs",
                        *moves)]
    lines += [row.format(a, alt["counts"][a], alt["by_signs"][a]["signs"],
                         alt["by_signs"][a]["no-signs"], *alt["by_move"][a].values())
              for a in kinds]
    features = data["features"]
    total = len(features["counts"])
    lines += ["", f"Special cases covered: {len(features['covered'])} of {total}"]
    if features["missing"]:
        lines.append(f"  missing: {', '.join(features['missing'])}")
    return [*lines, ""]


def thresholds_section(analysis: Analysis, data: dict[str, Any]) -> list[str]:
    lines = [f"Thresholds (check fails a bank that crosses one; balance from {BALANCE_FROM} "
             f"scenarios, coverage from {FULL_BANK})"]
    for t in THRESHOLDS:
        v = data["thresholds"][t.id]
        bound = "at most" if t.most else "at least"
        state = ("CROSSED" if v["crossed"] else "ok") if v["applies"] else "n/a"
        worst = f"{value(t, v['measured'])} ({v['subject']})" if v["subject"] else "-"
        limit = f"{bound} {value(t, t.limit)}"
        lines.append(f"  {state:<8} {t.id:<20} {limit:<14} worst: {worst}")
    crossed = analysis.crossed()
    if crossed:
        lines += ["", "Crossed:"] + ["  " + crossing_line(analysis.bank.id, c) for c in crossed]
    return lines
