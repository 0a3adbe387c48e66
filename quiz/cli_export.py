"""python -m quiz export BANK --format qti|moodle|gift [-o PATH]: a self-check for an LMS.

BANK is a shipped bank's id or the path of a bank file. A broken bank stops the export
with the same problems, field by field, that `python -m quiz check` lists; a bank of
another kind is refused in one line naming the kinds that can be exported.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .cli_analyse import read_bank
from .errors import BankError
from .export import FORMATS, export


def add_command(sub: Any) -> None:
    s = sub.add_parser("export", help="a self-check bank for a learning management system "
                                      "(QTI 2.1, Moodle XML or GIFT)")
    s.add_argument("bank", help="a bank id, or the path of a bank file (.toml)")
    s.add_argument("--format", required=True, choices=sorted(FORMATS),
                   help="qti: an IMS QTI 2.1 package (.zip); moodle: Moodle XML; gift: GIFT")
    s.add_argument("-o", "--output", metavar="PATH", type=Path,
                   help="the file to write, or a folder to write it into under its own name "
                        "(default: its own name in the current folder; - for stdout)")
    s.add_argument("--site", metavar="URL",
                   help="where the guide is published (default: $SITE_URL)")
    s.set_defaults(run=cmd_export)


def cmd_export(args: argparse.Namespace) -> int:
    try:
        bank = read_bank(args.bank)
    except BankError as error:
        print(error, file=sys.stderr)  # as `quiz check` prints it
        return 1
    result = export(bank, args.format, args.site)
    if args.output is not None and str(args.output) == "-":
        sys.stdout.buffer.write(result.content)
        return 0
    target = args.output or Path(result.filename)
    if target.is_dir():
        target = target / result.filename
    try:
        target.write_bytes(result.content)
    except OSError as error:
        print(f"error: cannot write {target}: {error}", file=sys.stderr)
        return 2
    print(f"{target}: {bank.title}, {len(bank.scenarios)} scenarios, "
          f"{len(bank.questions)} questions")
    return 0
