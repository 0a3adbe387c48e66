"""Building the site as a deployer would."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from harness.server import free_port

ROOT = Path(__file__).resolve().parent.parent


def build_site(dest: Path, *extra: str, site_url: str | None = None,
               settings: str | None = None) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` into `dest`, for `site_url` when given; `settings` is YAML
    layered over mkdocs.yml, as a deployer would change it."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if site_url:
        env["SITE_URL"] = site_url
    config = ["-f", "-"] if settings is not None else []
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", *config, "-d", str(dest), *extra],
        input=None if settings is None else "INHERIT: mkdocs.yml\n" + settings,
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )


@contextmanager
def built_site() -> Iterator[tuple[Path, int]]:
    """A fresh build for a free loopback port (instant navigation follows site_url)."""
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        run = build_site(site, "-q", site_url=f"http://127.0.0.1:{port}/")
        if run.returncode != 0:
            raise RuntimeError(f"mkdocs build --strict failed:\n{run.stderr}")
        yield site, port

