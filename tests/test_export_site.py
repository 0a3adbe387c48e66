"""The instructors' page and its downloads in the built site (walk-away/exports)."""

from __future__ import annotations

import re
from pathlib import Path

import quiz
from quiz.export import FORMATS, export


def test_the_site_publishes_each_download_built_from_the_bank(site_dir: Path,
                                                              site_url: str) -> None:
    bank = quiz.load_bank("spot-the-signs")
    page = (site_dir / "instructors" / "index.html").read_text(encoding="utf-8")
    for name in FORMATS:
        expected = export(bank, name, site_url)
        published = site_dir / "downloads" / expected.filename
        assert published.read_bytes() == expected.content, name
        assert f'href="../downloads/{expected.filename}"' in page
    assert f"<code>{bank.digest[:8]}</code>" in page
    assert "{{" not in page


def test_the_page_is_linked_from_the_self_check_and_the_footer(site_dir: Path) -> None:
    self_check = (site_dir / "self-check" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'href="\.\./instructors/"[^>]*>for your own LMS', self_check)
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    assert re.search(r'class="md-copyright__instructors" href="instructors/"', home)
