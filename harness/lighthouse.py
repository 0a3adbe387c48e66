"""Running Lighthouse 12 (from node_modules) on a page, mobile mode, as JSON."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"


def audit(url: str, categories: list[str], chrome: str) -> dict[str, Any]:
    """Lighthouse's report for `url` (mobile form factor, simulated throttling)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        run = subprocess.run(
            [str(LIGHTHOUSE), url, f"--only-categories={','.join(categories)}",
             "--chrome-flags=--headless --no-sandbox --disable-gpu",
             "--output=json", f"--output-path={out}", "--quiet"],
            env={**os.environ, "CHROME_PATH": chrome}, capture_output=True, text=True,
            timeout=180, check=False,
        )
        if run.returncode != 0 or not out.exists():
            raise RuntimeError(f"lighthouse failed on {url}: {run.stderr[-2000:]}")
        report: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    if report.get("runtimeError"):
        raise RuntimeError(f"lighthouse on {url}: {report['runtimeError']}")
    return report


def shortfalls(report: dict[str, Any], category: str) -> list[str]:
    """The audits that cost `category` points, with what Lighthouse says of them."""
    found = []
    for ref in report["categories"][category]["auditRefs"]:
        result = report["audits"][ref["id"]]
        if ref["weight"] > 0 and result["score"] is not None and result["score"] < 1:
            found.append(f"{ref['id']}: {result['title']} {result.get('displayValue', '')}")
    return found
