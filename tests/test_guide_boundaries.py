"""The guide says where each sign begins and ends, and the pages' counts come from the banks."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

import quiz
from quiz.loading import load_bank
from tests.test_content import normalise, parse
from walk_away.bank_counts import BankCountsPlugin

PARTS = ("What counts.", "What doesn't.", "Borderline.")


def page_text(site_dir: Path, path: str) -> str:
    return normalise("".join(parse(site_dir / path / "index.html").content_text))


def test_each_sign_has_its_line_on_the_signs_page(site_dir: Path) -> None:
    page = parse(site_dir / "guide/signs/index.html")
    text = page_text(site_dir, "guide/signs")
    assert {f"line-{sign.id}" for sign in quiz.SIGNS} <= page.heading_ids
    # One "Where the line is" per sign, each with its three parts in order.
    chunks = text.split("Where the line is")[1:]
    assert len(chunks) == len(quiz.SIGNS)
    for sign, chunk in zip(quiz.SIGNS, chunks, strict=True):
        parts = [chunk.find(normalise(p)) for p in PARTS]
        assert -1 not in parts and parts == sorted(parts), sign.id
    assert "choosing-your-move" in page.heading_ids
    for move in quiz.MOVES.values():
        assert normalise(move) in text, move


def test_pages_count_what_the_banks_hold(site_dir: Path) -> None:
    spot = load_bank("spot-the-signs")
    self_check = page_text(site_dir, "self-check")
    assert re.search(rf"\b{len(spot.scenarios)} short negotiations\b", self_check)
    assert spot.rounds is not None
    assert f"{spot.rounds.size} at a time" in self_check
    mine = page_text(site_dir, "my-negotiation")
    assert f"Answer {len(load_bank('my-negotiation').questions)} statements" in mine


def test_an_unknown_count_or_bank_stops_the_build() -> None:
    counts = BankCountsPlugin()
    page = SimpleNamespace(file=SimpleNamespace(src_uri="self-check.md"))
    out = counts.on_page_markdown("{{ banks.spot-the-signs.scenarios }} and "
                                  "{{ links.video.title }}", page, None, None)
    assert out == f"{len(load_bank('spot-the-signs').scenarios)} and {{{{ links.video.title }}}}"
    with pytest.raises(PluginError, match=r"self-check.md: no bank 'spot-the-sign'.*known banks"):
        counts.on_page_markdown("{{ banks.spot-the-sign.scenarios }}", page, None, None)
    with pytest.raises(PluginError, match=r"has no count 'round'; known: questions"):
        counts.on_page_markdown("{{ banks.my-negotiation.round }}", page, None, None)
