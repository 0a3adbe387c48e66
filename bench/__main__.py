"""`./dev bench [quiz|lighthouse] [--runs N]`: benchmarks that print, never assert."""

from __future__ import annotations

import argparse

from bench import lighthouse, quiz_load


def main() -> None:
    parser = argparse.ArgumentParser(prog="./dev bench", description=__doc__)
    parser.add_argument("which", nargs="?", choices=["quiz", "lighthouse", "all"], default="all")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if args.which in ("quiz", "all"):
        quiz_load.run(args.runs)
    if args.which in ("lighthouse", "all"):
        lighthouse.run(max(3, args.runs // 2))


if __name__ == "__main__":
    main()
