"""Benchmarks: run with `./dev bench`. They print ratios, never assert on time."""
