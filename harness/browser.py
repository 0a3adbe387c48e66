"""The browser tests and benchmarks drive: headless Chromium, found once.

`./dev` finds (or installs) it and exports CHROME_PATH; run directly, the same names
are looked up on the PATH.
"""

from __future__ import annotations

import os
import shutil

NAMES = ("chromium", "chromium-browser", "google-chrome")
# Quiet, reproducible runs: no background traffic, no first-run dialogs, no GPU.
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]


def chrome_path() -> str | None:
    """$CHROME_PATH, else a Chromium or Chrome on the PATH; None when there is none."""
    return os.environ.get("CHROME_PATH") or next(
        (found for name in NAMES if (found := shutil.which(name))), None)
