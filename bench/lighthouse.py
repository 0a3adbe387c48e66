"""Lighthouse performance (mobile) of the home page, a guide page and the self-check.

Several runs a page, medians printed, served compressed as a static host would.
Target: a performance score of 95 or more on every page.
"""

from __future__ import annotations

import statistics
from typing import Any

from harness import audit, built_site, chrome_path, serve

PAGES = ("", "guide/signs/", "self-check/")
METRICS = {
    "first-contentful-paint": ("FCP", "ms"),
    "largest-contentful-paint": ("LCP", "ms"),
    "total-blocking-time": ("TBT", "ms"),
    "cumulative-layout-shift": ("CLS", ""),
    "speed-index": ("SI", "ms"),
}


def measure(url: str, runs: int) -> tuple[list[float], dict[str, list[float]]]:
    scores: list[float] = []
    metrics: dict[str, list[float]] = {m: [] for m in METRICS}
    for _ in range(runs):
        report: dict[str, Any] = audit(url, ["performance"], chrome_path() or "chromium")
        scores.append(100 * report["categories"]["performance"]["score"])
        for metric in METRICS:
            metrics[metric].append(report["audits"][metric]["numericValue"])
    return scores, metrics


def run(runs: int) -> None:
    with built_site() as (site, port), serve(site, port=port, compress=True) as url:
        print(f"Lighthouse 12 mobile performance, median of {runs} runs a page")
        for path in PAGES:
            scores, metrics = measure(url + path, runs)
            score = statistics.median(scores)
            parts = [f"{label} {statistics.median(metrics[m]):.{3 if not unit else 0}f}{unit}"
                     for m, (label, unit) in METRICS.items()]
            verdict = "ok" if score >= 95 else "under target"
            print(f"/{path:<14} score {score:>4.0f} ({', '.join(f'{s:.0f}' for s in scores)})"
                  f"  {'  '.join(parts)}  (target >= 95: {verdict})")
