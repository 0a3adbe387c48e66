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
    Section("choosing-your-move", "Choosing your move", "guide/signs.md",
            "choosing-your-move"),
    Section("avoiding-unwise-deals", "Avoiding unwise deals", "guide/avoiding-unwise-deals.md"),
)}
# Where each sign begins and ends (includes/boundaries.md): what a sign's answer links to.
SECTIONS |= {f"line-{sign}": Section(f"line-{sign}", f"{title}: where the line is",
                                     "guide/signs.md", f"line-{sign}")
             for sign, title in (("unreasonable-demands", "Unreasonable demands"),
                                 ("lack-of-flexibility", "Lack of flexibility"),
                                 ("diminishing-returns", "Diminishing returns"),
                                 ("mismatch-in-key-objectives", "Mismatch in key objectives"))}


@dataclass(frozen=True)
class Sign:
    """One of the four walk-away signs; its guide section has the same id."""

    id: str
    name: str

    @property
    def section(self) -> Section:
        return SECTIONS[self.id]

    @property
    def line(self) -> Section:
        """Where the sign begins and ends: what an answer about it links to."""
        return SECTIONS[f"line-{self.id}"]


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

# The four moves, in the guide's order; a recommendation is one of them too. A
# self-check offers them in a balanced order of its own per scenario (quiz.order).
MOVES: dict[str, str] = {
    "keep-negotiating": "Keep negotiating",
    "pause": "Pause and revisit later",
    "accept": "Accept the offer",
    "walk-away": "Walk away",
}
# Moves that keep the reader at the table: accepting ends the talks as walking away does.
STAY_AT_THE_TABLE = frozenset({"keep-negotiating", "pause"})

# What a self-check story says of the reader's best alternative (BATNA), when it says.
ALTERNATIVES: dict[str, str] = {
    "weak": "a weak alternative",
    "strong": "a strong alternative",
}

# The special cases a self-check bank should cover; authors tag scenarios with them.
FEATURES: dict[str, str] = {
    "bridging-deal": "A mismatch a bridging deal resolves",
    "sign-but-stay": "A sign is present, but the alternative is worse",
    "wrong-pause": "Pausing is tempting but wrong",
    "own-side-demand": "Your own side makes the unreasonable demand",
    "bluffed-final-offer": "A bluffed final offer",
    "exploding-offer": "An exploding offer",
    "re-trade": "Re-trading after agreement",
    "indirect-communication": "Cross-cultural or indirect communication",
    "multi-party": "More than two parties",
    "legal-but-extreme": "An unreasonable demand that is legal but extreme",
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
