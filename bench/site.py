"""A fresh build of the site for a benchmark, and the browser to measure it in."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.support.server import free_port

ROOT = Path(__file__).resolve().parent.parent


@contextmanager
def built_site() -> Iterator[tuple[Path, int]]:
    """Build for a free loopback port (instant navigation follows site_url)."""
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": f"http://127.0.0.1:{port}/"}
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d",
                        str(site)], cwd=ROOT, env=env, check=True)
        yield site, port


def chrome() -> str:
    return os.environ.get("CHROME_PATH") or shutil.which("chromium") or "chromium"
