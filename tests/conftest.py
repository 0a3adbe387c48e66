"""Shared fixtures: one strict build of the site, a local server, and Chromium."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page

from harness import LAUNCH_ARGS, build_site, chrome_path, free_port, serve

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "seed" / "when-to-walk-away.txt"  # the article the site publishes


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    chrome = chrome_path()
    if chrome is None:
        pytest.exit("No Chromium found: install it (apt-get install chromium) or set "
                    "CHROME_PATH.", 2)
    return {**browser_type_launch_args, "executable_path": chrome, "args": LAUNCH_ARGS}


@pytest.fixture(scope="session")
def site_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def site_build(
    tmp_path_factory: pytest.TempPathFactory, site_port: int
) -> subprocess.CompletedProcess[str]:
    # Built for the address the tests serve it at, as a deployer would for their host:
    # Material's instant navigation only follows links under site_url.
    dest = tmp_path_factory.mktemp("site") / "site"
    return build_site(dest, site_url=f"http://127.0.0.1:{site_port}/")


@pytest.fixture(scope="session")
def site_dir(site_build: subprocess.CompletedProcess[str]) -> Path:
    if site_build.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{site_build.stderr}")
    dest = Path(site_build.args[site_build.args.index("-d") + 1])
    return dest


@pytest.fixture(scope="session")
def site_url(site_dir: Path, site_port: int) -> Iterator[str]:
    with serve(site_dir, port=site_port, compress=True) as url:  # as a static host serves it
        yield url


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture
def problems(page: Page) -> Iterator[list[str]]:
    """Console errors and uncaught exceptions on the test's page."""
    found: list[str] = []
    page.on("console", lambda m: found.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: found.append(str(e)))
    yield found
