"""The guide's vocabulary: the four signs, the guide's sections, the moves, topics and checks.

Every other place (the banks' checker, scoring, rendering, the command line, the tests)
takes these from here. The signs' definitions are the article's own words and are written
once, in includes/article.md.
"""

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
        path = stem.removesuffix("index") if stem == "index" or stem.endswith("/index") \
            else stem + "/"
        return f"{path}#{self.anchor}" if self.anchor else path

    def to_dict(self) -> dict[str, str]:
        return {"id": self.id, "title": self.title, "href": self.href}


SECTIONS: dict[str, Section] = {s.id: s for s in (
    Section("introduction", "Knowing when to walk away", "guide/index.md"),
    Section("recognizing-an-impasse", "The importance of recognizing an impasse",
            "guide/index.md", "the-importance-of-recognizing-an-impasse"),
    Section("when-to-walk-away", "When to walk away", "guide/signs.md"),
    Section("unreasonable-demands", "Unreasonable demands", "guide/signs.md",
            "unreasonable-demands"),
    Section("lack-of-flexibility", "Lack of flexibility", "guide/signs.md",
            "lack-of-flexibility"),
    Section("diminishing-returns", "Diminishing returns", "guide/signs.md",
            "diminishing-returns"),
    Section("mismatch-in-key-objectives", "Mismatch in key objectives", "guide/signs.md",
            "mismatch-in-key-objectives"),
    Section("before-you-decide", "Before you decide", "guide/signs.md", "before-you-decide"),
    Section("avoiding-unwise-deals", "Avoiding unwise deals", "guide/avoiding-unwise-deals.md"),
)}


@dataclass(frozen=True)
class Sign:
    """One of the four walk-away signs; its guide section has the same id."""

    id: str
    name: str

    @property
    def section(self) -> Section:
        return SECTIONS[self.id]


SIGNS: tuple[Sign, ...] = (
    Sign("unreasonable-demands", "Unreasonable demands"),
    Sign("lack-of-flexibility", "Lack of flexibility"),
    Sign("diminishing-returns", "Diminishing returns"),
    Sign("mismatch-in-key-objectives", "Mismatch in key objectives"),
)
SIGNS_BY_ID: dict[str, Sign] = {s.id: s for s in SIGNS}

# The self-check's answer for "no sign here": it excludes every sign.
NONE = "none"
NONE_LABEL = "None of these"

# The three moves, in the order they are offered; a recommendation is one of them too.
MOVES: dict[str, str] = {
    "keep-negotiating": "Keep negotiating",
    "pause": "Pause and revisit later",
    "walk-away": "Walk away",
}

# What a scenario is about; each topic is shown with its label.
TOPICS: dict[str, str] = {
    "salary": "Salary",
    "business": "Business deal",
    "contract": "Contract terms",
    "freelance": "Client and freelance work",
    "purchase": "Purchase",
    "personal": "Personal life",
    "workplace": "Workplace and team",
    "housing": "Landlord and tenant",
    "suppliers": "Suppliers and procurement",
    "public": "Public sector and non-profits",
    "family": "Family",
}


@dataclass(frozen=True)
class Check:
    """Something negotiators weigh besides the signs before they walk away."""

    id: str
    name: str
    section_id: str

    @property
    def section(self) -> Section:
        return SECTIONS[self.section_id]


CHECKS: dict[str, Check] = {c.id: c for c in (
    Check("alternative-known", "Your best alternative", "before-you-decide"),
    Check("offer-below-alternative", "The offer against your alternative", "before-you-decide"),
    Check("interests-stated", "Interests stated", "before-you-decide"),
    Check("options-explored", "Options explored", "before-you-decide"),
    Check("time-could-help", "What time could change", "recognizing-an-impasse"),
)}
