"""The four walk-away signs from the article, and the guide sections answers link to."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    """A place in the guide: a page (its Markdown source) and an optional anchor."""

    id: str
    title: str
    page: str
    anchor: str = ""

    @property
    def href(self) -> str:
        """Link relative to the site root, as MkDocs builds directory URLs."""
        stem = self.page.removesuffix(".md")
        if stem == "index" or stem.endswith("/index"):
            path = stem.removesuffix("index")
        else:
            path = stem + "/"
        return f"{path}#{self.anchor}" if self.anchor else path

    def to_dict(self) -> dict[str, str]:
        return {"id": self.id, "title": self.title, "href": self.href}


@dataclass(frozen=True)
class Criterion:
    """One walk-away sign: its name and the article's own definition."""

    id: str
    name: str
    definition: str

    @property
    def section(self) -> Section:
        return SECTIONS[self.id]


_SECTIONS = (
    Section("introduction", "Knowing when to walk away", "guide/index.md"),
    Section(
        "recognizing-an-impasse",
        "The importance of recognizing an impasse",
        "guide/index.md",
        "the-importance-of-recognizing-an-impasse",
    ),
    Section("when-to-walk-away", "When to walk away", "guide/signs.md"),
    Section(
        "unreasonable-demands", "Unreasonable demands", "guide/signs.md", "unreasonable-demands"
    ),
    Section("lack-of-flexibility", "Lack of flexibility", "guide/signs.md", "lack-of-flexibility"),
    Section("diminishing-returns", "Diminishing returns", "guide/signs.md", "diminishing-returns"),
    Section(
        "mismatch-in-key-objectives",
        "Mismatch in key objectives",
        "guide/signs.md",
        "mismatch-in-key-objectives",
    ),
    Section("before-you-decide", "Before you decide", "guide/signs.md", "before-you-decide"),
    Section("avoiding-unwise-deals", "Avoiding unwise deals", "guide/avoiding-unwise-deals.md"),
)
SECTIONS: dict[str, Section] = {s.id: s for s in _SECTIONS}

CRITERIA: tuple[Criterion, ...] = (
    Criterion(
        "unreasonable-demands",
        "Unreasonable demands",
        "The other party requests terms that compromise your essential standards or ethics.",
    ),
    Criterion(
        "lack-of-flexibility",
        "Lack of flexibility",
        "Both sides are rigid, and no compromise seems possible.",
    ),
    Criterion(
        "diminishing-returns",
        "Diminishing returns",
        "Efforts to reach an agreement are no longer yielding positive results, "
        "and further negotiation may be counterproductive.",
    ),
    Criterion(
        "mismatch-in-key-objectives",
        "Mismatch in key objectives",
        "The fundamental goals of each party are incompatible, "
        "making a mutually beneficial agreement unlikely.",
    ),
)
CRITERIA_BY_ID: dict[str, Criterion] = {c.id: c for c in CRITERIA}

# The best-move options every scenario offers, in the order they are shown.
MOVES: dict[str, str] = {
    "keep-negotiating": "Keep negotiating",
    "pause": "Pause and revisit later",
    "walk-away": "Walk away",
}
NONE = "none"
NONE_LABEL = "None of these"
