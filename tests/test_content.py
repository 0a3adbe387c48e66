"""The built site: strict build, article text verbatim, anchors, page metadata, local assets."""

from __future__ import annotations

import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

import quiz

# The seed's last two lines are a blog's comment form, not article text.
COMMENT_FORM = ("Leave a Reply", "Your email address will not be published")


_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u00a0": " ",
    }
)


def normalise(text: str) -> str:
    """Straight quotes and hyphens, single spaces: compare words, not typography."""
    return re.sub(r"\s+", " ", text.translate(_QUOTES)).strip()


# --- HTML helpers ------------------------------------------------------------

VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


class PageParser(HTMLParser):
    """Collects a page's content text (inside .md-content), headings, title, meta and assets."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        # (tag, opens a .md-content region, opens a skipped region)
        self.stack: list[tuple[str, bool, bool]] = []
        self.content_depth = 0
        self.skip_depth = 0  # inside <script>/<style> or a permalink, within the content
        self.content_text: list[str] = []
        self.title: list[str] = []
        self.in_title = False
        self.h1_count = 0
        self.heading_ids: set[str] = set()
        self.meta: dict[str, str] = {}
        self.assets: list[tuple[str, str]] = []  # (tag, url) of things the browser loads

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: (v or "") for k, v in attrs}
        classes = a.get("class", "").split()
        if tag == "h1":
            self.h1_count += 1
        if re.fullmatch(r"h[1-6]", tag) and a.get("id"):
            self.heading_ids.add(a["id"])
        if tag == "title":
            self.in_title = True
        if tag == "meta" and a.get("name"):
            self.meta[a["name"]] = a.get("content", "")
        if tag in {"script", "img", "iframe", "audio", "video", "source", "embed"} and a.get("src"):
            self.assets.append((tag, a["src"]))
        if tag == "link" and a.get("href"):
            rel = a.get("rel", "").lower().split()
            if {"stylesheet", "icon", "preload", "modulepreload", "manifest"} & set(rel):
                self.assets.append((tag, a["href"]))
        if tag in VOID:
            return
        opens = "md-content" in classes
        if opens:
            self.content_depth += 1
        if self.content_depth and (tag in {"script", "style"} or "headerlink" in classes):
            self.skip_depth += 1
            opens_skip = True
        else:
            opens_skip = False
        self.stack.append((tag, opens, opens_skip))

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in VOID:
            return
        # Pop to the matching tag (tolerates the odd unclosed element).
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                for _tag, opens, opens_skip in self.stack[i:]:
                    if opens:
                        self.content_depth -= 1
                    if opens_skip:
                        self.skip_depth -= 1
                del self.stack[i:]
                break
        if re.fullmatch(r"h[1-6]|p|li|div|td|th|dt|dd", tag) and self.content_depth:
            self.content_text.append(" ")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        if self.content_depth and not self.skip_depth:
            self.content_text.append(data)


def parse(path: Path) -> PageParser:
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


def pages(site_dir: Path) -> list[Path]:
    found = sorted(site_dir.rglob("index.html"))
    if (site_dir / "404.html").exists():
        found.append(site_dir / "404.html")
    return found


@pytest.fixture(scope="module")
def site_text(site_dir: Path) -> str:
    """The visible article text of every page, normalised, joined."""
    return " | ".join(normalise("".join(parse(p).content_text)) for p in pages(site_dir))


def seed_paragraphs(seed_text: str) -> list[str]:
    blocks = [b.strip() for b in re.split(r"\n\s*\n", seed_text) if b.strip()]
    return [b for b in blocks if not b.startswith(COMMENT_FORM)]


def seed_bullets(seed_text: str) -> list[tuple[str, str]]:
    """The four signs as (name, sentence)."""
    out = []
    for line in seed_text.splitlines():
        m = re.match(r"\s*\u2022\s*([^:]+):\s*(.+)", line)
        if m:
            out.append((m.group(1).strip(), m.group(2).strip()))
    return out


# --- Tests -----------------------------------------------------------------


def test_strict_build_is_clean(site_build: subprocess.CompletedProcess[str]) -> None:
    assert site_build.returncode == 0, site_build.stderr
    assert "WARNING" not in site_build.stderr, site_build.stderr


def test_seed_is_parsed_as_expected(seed_text: str) -> None:
    paragraphs = seed_paragraphs(seed_text)
    assert len(seed_bullets(seed_text)) == 4
    assert not any("Leave a Reply" in p or "email address" in p for p in paragraphs)
    assert paragraphs[0] == "When to Walk Away in Negotiations"


def test_every_seed_paragraph_is_on_the_site(seed_text: str, site_text: str) -> None:
    missing = []
    for block in seed_paragraphs(seed_text):
        if "\u2022" in block:  # the list of signs: checked line by line below
            continue
        if normalise(block) not in site_text:
            missing.append(block)
    assert not missing, "seed paragraphs not found on the site:\n" + "\n".join(missing)


def test_every_sign_name_and_sentence_is_on_the_site(seed_text: str, site_text: str) -> None:
    for name, sentence in seed_bullets(seed_text):
        assert normalise(name) in site_text, name
        assert normalise(sentence) in site_text, sentence


def test_comment_form_is_not_page_text(site_text: str) -> None:
    assert "Leave a Reply" not in site_text
    assert "Your email address will not be published" not in site_text


def test_every_guide_section_of_the_vocabulary_is_on_the_site(site_dir: Path) -> None:
    """Answers link to these sections: each page exists, each anchor is a heading on it."""
    assert {s.id for s in quiz.SIGNS} <= set(quiz.SECTIONS)
    for section in quiz.SECTIONS.values():
        path, _, anchor = section.href.partition("#")
        page = site_dir / path / "index.html"
        assert page.is_file(), f"{section.id}: {section.href} is not a page"
        if anchor:
            assert anchor in parse(page).heading_ids, f"{section.id}: no #{anchor} heading"
    for check in quiz.CHECKS.values():
        assert check.section in quiz.SECTIONS.values(), check.id


def test_every_page_has_one_h1_a_title_and_a_description(site_dir: Path) -> None:
    built = pages(site_dir)
    assert len(built) >= 7
    descriptions: dict[str, Path] = {}
    for path in built:
        page = parse(path)
        rel = path.relative_to(site_dir)
        assert page.h1_count == 1, f"{rel}: {page.h1_count} <h1>"
        assert "".join(page.title).strip(), f"{rel}: empty <title>"
        description = page.meta.get("description", "").strip()
        assert description, f"{rel}: no meta description"
        if path.name == "index.html":  # our own pages: each description is its own
            assert description not in descriptions, f"{rel} repeats {descriptions.get(description)}"
            descriptions[description] = rel


def test_no_asset_comes_from_another_origin(site_dir: Path) -> None:
    offenders = []
    for path in pages(site_dir):
        for tag, url in parse(path).assets:
            if urlsplit(url).scheme not in {"", "data"} or url.startswith("//"):
                offenders.append(f"{path.relative_to(site_dir)}: <{tag}> {url}")
    remote_css = re.compile(
        r"""url\(\s*['"]?(?:https?:)?//|@import\s+(?:url\()?['"]?(?:https?:)?//"""
    )
    for path in site_dir.rglob("*.css"):
        for match in remote_css.finditer(path.read_text(encoding="utf-8")):
            offenders.append(f"{path.relative_to(site_dir)}: {match.group(0)}")
    assert not offenders, "\n".join(offenders)
