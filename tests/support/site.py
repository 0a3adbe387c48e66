"""Facts about a built site that several tests need."""

from __future__ import annotations

from pathlib import Path


def page_paths(site_dir: Path) -> list[str]:
    """Site-relative addresses of every built page, e.g. "" and "guide/signs/"."""
    paths = []
    for index in sorted(site_dir.rglob("index.html")):
        rel = index.parent.relative_to(site_dir).as_posix()
        paths.append("" if rel == "." else rel + "/")
    return paths
