"""Item analysis of a self-check bank, for authors: the numbers behind `python -m quiz analyse`.

Modelled on Moodle's quiz statistics (random-guess score) and Haladyna's item-writing rules
(balanced keys, no cues such as a longest option or a phrase lifted from the guide). This
module only measures; the command line (quiz.cli_analyse) prints. It is not shipped to
the browser: only the command line imports it.

Rules, stated once:

- A scenario's **keys** are the right options of its move question (one, or two when both
  moves are accepted). Shares count a two-key scenario once for **each** of its keys, so a
  move's share is the share of scenarios where choosing that move is right, and shares may
  sum to more than 100 %. The same holds for option positions (1st, 2nd, ... as shown).
- **Signs predict the move**, leave-one-out: for each scenario, the other scenarios with
  exactly the same set of signs vote for their keys (a scenario has one vote, split
  equally among its keys). With no other scenario having that set, the vote is among the
  others where its first sign (in the guide's order) is present; a scenario with no sign,
  or whose first sign no other has, falls back to all other scenarios. A tie among t moves
  counts as the share of them that are keys (the expected score of breaking the tie at
  random). The baseline is the same vote among all other scenarios, ignoring the signs.
- **Random-guess score** (Moodle): the expected score, as a share of the question's
  maximum, of answering at random among every valid answer, scored by quiz.scoring:
  each option of a single-choice question; for a multiple-choice question every non-empty
  set of its ordinary options, and each exclusive option ("none") alone.
- **Shared words**: a story and the guide's pages (Markdown under docs/ and includes/)
  are read as words: lower-case, punctuation and Markdown syntax (front matter, comments,
  HTML tags, link targets, attribute lists, snippet lines) dropped. A run never spans
  two pages.
- **Option-length cue**: the share of single-choice questions whose key is the strictly
  longest label (in characters); chance is, per question, keys / options when one label is
  strictly longest (else 0), averaged.

`to_dict()` (what `analyse --json` prints); shares are fractions from 0 to 1:

    bank, kind, scenarios                   the bank's id, "self-check", how many scenarios
    key_positions.counts / .shares          per position "1".."n": scenarios with a key there
    key_positions.always_pick               per position: mean score of always picking it
    moves.counts / .shares / .always_pick   the same per move id; moves.two_key_scenarios
    signs_predict.share / .baseline         leave-one-out: share predicted from the signs,
                                            and from all other scenarios
    signs_predict.by                        how many predictions used "same-signs",
                                            "first-sign", "all-others"
    sign_coverage.counts / .shares          per sign id and "none": scenarios where present
    random_guess.questions                  per question id: its random-guess score
    random_guess.move / .signs / .mean      means over move questions, signs questions, all
    shared_runs.guide_found, .pages         whether guide pages were read, how many
    shared_runs.stories                     longest first: {scenario, length, words, page}
    length_cue.questions / .share / .chance the option-length cue
    alternative.counts                      "weak", "strong", "not-stated": scenarios
    alternative.stated_share                share of scenarios stating the alternative
    alternative.by_signs                    per alternative: {"signs": n, "no-signs": n}
    alternative.by_move                     per alternative: {move id: n} (each key counts)
    features.counts / .covered / .missing   per FEATURES id: scenarios; ids covered / not
    thresholds                              per threshold id ("position-share",
                                            "move-share", "signs-predict", "sign-share",
                                            "shared-run", "features", "alternative-stated",
                                            "alternative-both"): {limit, at_most, applies,
                                            measured, subject, crossed}, measured at the
                                            worst subject
    crossed                                 [{id, subject, measured, limit, at_most}]: every
                                            subject crossing a threshold that applies
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from itertools import combinations
from pathlib import Path
from typing import Any

from .model import Bank, Option, Question, Scenario
from .scoring import QuestionResult
from .vocabulary import ALTERNATIVES, FEATURES, MOVES, NONE, SIGNS

# --- the thresholds `python -m quiz check` holds a self-check bank to -----------------------
# Stated here only; check and analyse both read them. "At most" and "at least": a value at
# the limit passes.

# Haladyna: balance the key's position. A reader who always picks the same position must
# not pass; with four moves, 40 % leaves room for an uneven bank but not for a habit.
MAX_POSITION_SHARE = 0.40
# Haladyna: balance the keys. A reader who always picks the same move must not pass.
MAX_MOVE_SHARE = 0.40
# The move question must test judgement beyond naming the signs: if the set of signs
# alone gives the move away for more than half the scenarios, spotting the signs answers
# both questions and a reader learns a rule ("a mismatch means walk away"), not judgement.
MAX_SIGNS_PREDICT = 0.50
# Every sign needs practice, and a reader who never ticks a sign (or always ticks
# "none") must meet it often: each sign present in at least a fifth of the scenarios.
MIN_SIGN_SHARE = 0.20
# A story that repeats eight or more words in a row from the guide tests recall of the
# guide's own example, not transfer to a new situation: at most seven.
MAX_SHARED_RUN = 7
# A full self-check practises every special case in vocabulary.FEATURES at least once.
MIN_FEATURE_SCENARIOS = 1
# A full self-check states the reader's alternative (BATNA) in at least half its
# scenarios, weak in at least one and strong in at least one, so the move depends on more
# than the signs and a reader learns to weigh the alternative.
MIN_ALTERNATIVE_SHARE = 0.50
MIN_PER_ALTERNATIVE = 1
# Size floors. Below ten scenarios one scenario moves a share by more than ten points and
# a one-scenario bank always has 100 % on one move, so the balance thresholds (the first
# five above) apply from BALANCE_FROM scenarios: test fixtures and drafts are smaller.
# The coverage thresholds (features, alternative) apply to a full self-check, from
# FULL_BANK scenarios.
BALANCE_FROM = 10
FULL_BANK = 40


@dataclass(frozen=True)
class Threshold:
    id: str
    what: str  # what is measured, per subject, for authors
    limit: float
    most: bool  # True: at most `limit`; False: at least
    full: bool = False  # only for a full self-check (FULL_BANK scenarios or more)
    share: bool = True  # the value is a share (else a count)

    def crossed_by(self, value: float) -> bool:
        return value > self.limit if self.most else value < self.limit


THRESHOLDS: tuple[Threshold, ...] = (
    Threshold("position-share", "share of scenarios keyed at this option position",
              MAX_POSITION_SHARE, most=True),
    Threshold("move-share", "share of scenarios keyed with this move", MAX_MOVE_SHARE,
              most=True),
    Threshold("signs-predict", "share of moves the signs alone predict", MAX_SIGNS_PREDICT,
              most=True),
    Threshold("sign-share", "share of scenarios where this sign is present", MIN_SIGN_SHARE,
              most=False),
    Threshold("shared-run", "words in a row this story shares with the guide",
              MAX_SHARED_RUN, most=True, share=False),
    Threshold("features", "scenarios covering this special case", MIN_FEATURE_SCENARIOS,
              most=False, full=True, share=False),
    Threshold("alternative-stated", "share of scenarios stating the alternative",
              MIN_ALTERNATIVE_SHARE, most=False, full=True),
    Threshold("alternative-both", "scenarios with this alternative", MIN_PER_ALTERNATIVE,
              most=False, full=True, share=False),
)

NOT_STATED = "not-stated"


# --- reading the bank --------------------------------------------------------------------

@dataclass(frozen=True)
class Item:
    """One scenario as the analysis sees it."""

    scenario: Scenario
    move: Question
    signs: Question | None

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(o.id for o in self.move.options if o.correct)

    @property
    def positions(self) -> tuple[int, ...]:
        """1-based positions of the keys among the move options, as shown."""
        return tuple(n for n, o in enumerate(self.move.options, 1) if o.correct)

    @property
    def present(self) -> frozenset[str]:
        """The signs present (empty when the answer is "none")."""
        if self.signs is None:
            return frozenset()
        return frozenset(o.id for o in self.signs.options if o.correct and o.id != NONE)

    @property
    def first_sign(self) -> str | None:
        return next((s.id for s in SIGNS if s.id in self.present), None)

    @property
    def alternative(self) -> str:
        """A key of vocabulary.ALTERNATIVES, or NOT_STATED."""
        return self.scenario.alternative or NOT_STATED

    @property
    def features(self) -> tuple[str, ...]:
        return self.scenario.features


def items(bank: Bank) -> list[Item]:
    """Each scenario with its move and signs questions, in the bank's order."""
    found = []
    for scenario in bank.scenarios:
        asked = [q for q in bank.questions if q.scenario is scenario]
        move = next((q for q in asked if q.role == "move"), None)
        if move is None:
            continue
        found.append(Item(scenario, move, next((q for q in asked if q.role == "signs"), None)))
    return found


def move_ids(bank_items: Sequence[Item]) -> list[str]:
    """The vocabulary's moves, then any other option id the questions use."""
    extra = [o.id for i in bank_items for o in i.move.options if o.id not in MOVES]
    return [*MOVES, *dict.fromkeys(extra)]


# --- scores ------------------------------------------------------------------------------

def answer_score(question: Question, chosen: Iterable[Option]) -> Fraction:
    """The engine's score for one answer, as a share of the question's maximum."""
    result = QuestionResult(question, tuple(chosen))
    return Fraction(result.points, result.max_points) if result.max_points else Fraction(0)


def valid_answers(question: Question) -> Iterator[tuple[Option, ...]]:
    """Every answer a reader can give: one option, or (several) a non-empty set."""
    if question.kind == "single":
        yield from ((o,) for o in question.options)
        return
    plain = [o for o in question.options if not o.exclusive]
    for size in range(1, len(plain) + 1):
        yield from combinations(plain, size)
    yield from ((o,) for o in question.options if o.exclusive)


def random_guess(question: Question) -> Fraction:
    """Moodle's random-guess score: the mean score over every valid answer."""
    scores = [answer_score(question, answer) for answer in valid_answers(question)]
    return sum(scores, Fraction(0)) / len(scores) if scores else Fraction(0)


# --- signs predict the move ----------------------------------------------------------------

def vote(voters: Sequence[Item], keys: Sequence[str]) -> Fraction:
    """The majority key among `voters`, scored against `keys` (ties shared)."""
    tally: dict[str, Fraction] = {}
    for voter in voters:
        for key in voter.keys:
            tally[key] = tally.get(key, Fraction(0)) + Fraction(1, len(voter.keys))
    if not tally:
        return Fraction(0)
    top = max(tally.values())
    winners = [m for m, weight in tally.items() if weight == top]
    return Fraction(sum(m in keys for m in winners), len(winners))


def predict(item: Item, others: Sequence[Item]) -> tuple[str, Fraction]:
    """Leave-one-out: the basis used and the score of predicting `item`'s key."""
    same = [o for o in others if o.present == item.present]
    if same:
        return "same-signs", vote(same, item.keys)
    first = item.first_sign
    sharing = [o for o in others if first is not None and first in o.present]
    if sharing:
        return "first-sign", vote(sharing, item.keys)
    return "all-others", vote(others, item.keys)


# --- words shared with the guide -----------------------------------------------------------

FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
COMMENT = re.compile(r"<!--.*?-->", re.S)
SNIPPET = re.compile(r"^\s*-{1,3}8<-{1,3}.*$", re.M)
FENCE = re.compile(r"^(```|~~~).*?^\1", re.M | re.S)
TAG = re.compile(r"<[^>]+>")
LINK = re.compile(r"!?\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])")  # keep the text, drop the target
ATTRIBUTES = re.compile(r"\{[:#.][^}]*\}|\{\{.*?\}\}|\{%.*?%\}")
ADMONITION = re.compile(r'^\s*(?:!!!|\?\?\?\+?)\s*\S+(?:\s+"([^"]*)")?', re.M)
WORD = re.compile(r"[a-z0-9]+")


def markdown_text(markdown: str) -> str:
    """What a reader reads of a Markdown page: its syntax dropped."""
    text = FRONT_MATTER.sub("", markdown.replace("\r\n", "\n"))
    for pattern in (COMMENT, FENCE, SNIPPET, ATTRIBUTES):
        text = pattern.sub(" ", text)
    text = ADMONITION.sub(lambda m: m.group(1) or " ", text)
    return TAG.sub(" ", LINK.sub(r"\1", text))


def words(text: str) -> list[str]:
    """Lower-case words, punctuation stripped ("don't" is "dont", "walk-away" two words)."""
    text = text.lower().replace("\u2019", "").replace("'", "")
    return WORD.findall(text)


def guide_dirs(root: Path | None = None) -> list[Path]:
    """The guide's Markdown folders in the source tree (none in an installed package)."""
    root = root or Path(__file__).resolve().parent.parent
    return [d for d in (root / "docs", root / "includes") if d.is_dir()]


def guide_pages(dirs: Iterable[Path]) -> dict[str, list[str]]:
    """Each Markdown page under `dirs` as its words, named by its path."""
    pages: dict[str, list[str]] = {}
    for folder in dirs:
        for path in sorted(folder.rglob("*.md")):
            name = f"{folder.name}/{path.relative_to(folder).as_posix()}"
            pages[name] = words(markdown_text(path.read_text(encoding="utf-8")))
    return pages


@dataclass(frozen=True)
class SharedRun:
    scenario: str
    length: int
    words: str
    page: str

    def to_dict(self) -> dict[str, Any]:
        return {"scenario": self.scenario, "length": self.length, "words": self.words,
                "page": self.page}


class Guide:
    """The guide's pages, indexed by word pairs for finding shared runs."""

    def __init__(self, pages: dict[str, list[str]]) -> None:
        self.pages = pages
        self.pairs: dict[tuple[str, str], list[tuple[str, int]]] = {}
        for name, text in pages.items():
            for i in range(len(text) - 1):
                self.pairs.setdefault((text[i], text[i + 1]), []).append((name, i))

    def longest_run(self, scenario: str, story: Sequence[str]) -> SharedRun:
        """The longest run of words `story` shares with one page (the first found)."""
        best = SharedRun(scenario, 0, "", "")
        for i in range(len(story) - 1):
            for page, j in self.pairs.get((story[i], story[i + 1]), ()):
                text = self.pages[page]
                n = 2
                while i + n < len(story) and j + n < len(text) and story[i + n] == text[j + n]:
                    n += 1
                if n > best.length:
                    best = SharedRun(scenario, n, " ".join(story[i:i + n]), page)
        if best.length == 0:  # no pair in common: at most single words
            single = next((w for w in story if any(w in t for t in self.pages.values())), "")
            if single:
                page = next(p for p, t in self.pages.items() if single in t)
                best = SharedRun(scenario, 1, single, page)
        return best


# --- the analysis -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Verdict:
    """One threshold, measured at its worst subject (a position, move, sign, story...)."""

    threshold: Threshold
    applies: bool
    measured: float
    subject: str
    crossed: bool

    def to_dict(self) -> dict[str, Any]:
        return {"limit": self.threshold.limit, "at_most": self.threshold.most,
                "applies": self.applies, "measured": self.measured, "subject": self.subject,
                "crossed": self.crossed}


@dataclass(frozen=True)
class Crossing:
    """A threshold crossed by one subject: what check lists."""

    threshold: Threshold
    subject: str
    measured: float

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.threshold.id, "subject": self.subject, "measured": self.measured,
                "limit": self.threshold.limit, "at_most": self.threshold.most}


def share(part: float | Fraction, whole: int) -> float:
    return round(float(part) / whole, 4) if whole else 0.0


@dataclass
class Analysis:
    bank: Bank
    items: list[Item]
    guide: Guide | None = None
    runs: list[SharedRun] = field(default_factory=list)

    @property
    def n(self) -> int:
        return len(self.items)

    # key positions and moves
    def positions(self) -> int:
        return max((len(i.move.options) for i in self.items), default=0)

    def position_counts(self) -> dict[str, int]:
        return {str(k): sum(k in i.positions for i in self.items)
                for k in range(1, self.positions() + 1)}

    def always_pick_position(self) -> dict[str, float]:
        return {str(k): share(sum((answer_score(i.move, [i.move.options[k - 1]])
                                   for i in self.items if k <= len(i.move.options)),
                                  Fraction(0)), self.n)
                for k in range(1, self.positions() + 1)}

    def move_counts(self) -> dict[str, int]:
        return {m: sum(m in i.keys for i in self.items) for m in move_ids(self.items)}

    def always_pick_move(self) -> dict[str, float]:
        picked: dict[str, float] = {}
        for m in move_ids(self.items):
            total = sum((answer_score(i.move, [o]) for i in self.items
                         for o in i.move.options if o.id == m), Fraction(0))
            picked[m] = share(total, self.n)
        return picked

    # the signs
    def signs_predict(self) -> dict[str, Any]:
        by: Counter[str] = Counter({"same-signs": 0, "first-sign": 0, "all-others": 0})
        hits, baseline = Fraction(0), Fraction(0)
        for item in self.items:
            others = [o for o in self.items if o is not item]
            basis, score = predict(item, others)
            by[basis] += 1
            hits += score
            baseline += vote(others, item.keys)
        return {"share": share(hits, self.n), "baseline": share(baseline, self.n),
                "predicted": float(hits), "by": dict(by)}

    def sign_counts(self) -> dict[str, int]:
        counts = {s.id: sum(s.id in i.present for i in self.items) for s in SIGNS}
        return counts | {NONE: sum(not i.present for i in self.items)}

    # random guessing
    def random_guess(self) -> dict[str, Any]:
        per = {q.id: random_guess(q) for i in self.items
               for q in (i.move, i.signs) if q is not None}
        move = [per[i.move.id] for i in self.items]
        signs = [per[i.signs.id] for i in self.items if i.signs is not None]

        def mean(values: list[Fraction]) -> float:
            return share(sum(values, Fraction(0)), len(values))

        return {"questions": {q: round(float(v), 4) for q, v in per.items()},
                "move": mean(move), "signs": mean(signs), "mean": mean(list(per.values()))}

    # the option-length cue
    def length_cue(self) -> dict[str, Any]:
        questions = [i.move for i in self.items]
        hits, chance = 0, Fraction(0)
        for q in questions:
            lengths = sorted((len(o.label.strip()) for o in q.options), reverse=True)
            if len(lengths) > 1 and lengths[0] == lengths[1]:
                continue
            longest = max(q.options, key=lambda o: len(o.label.strip()))
            hits += longest.correct
            chance += Fraction(len(q.correct_ids), len(q.options))
        return {"questions": len(questions), "share": share(hits, len(questions)),
                "chance": share(chance, len(questions))}

    # the alternative and the special cases
    def alternative(self) -> dict[str, Any]:
        kinds = [*ALTERNATIVES, NOT_STATED]
        counts = {a: sum(i.alternative == a for i in self.items) for a in kinds}
        by_signs = {a: {"signs": sum(i.alternative == a and bool(i.present) for i in self.items),
                        "no-signs": sum(i.alternative == a and not i.present
                                        for i in self.items)} for a in kinds}
        by_move = {a: {m: sum(i.alternative == a and m in i.keys for i in self.items)
                       for m in move_ids(self.items)} for a in kinds}
        stated = self.n - counts[NOT_STATED]
        return {"counts": counts, "stated_share": share(stated, self.n),
                "by_signs": by_signs, "by_move": by_move}

    def features(self) -> dict[str, Any]:
        counts = {f: sum(f in i.features for i in self.items) for f in FEATURES}
        return {"counts": counts, "covered": [f for f, n in counts.items() if n],
                "missing": [f for f, n in counts.items() if not n]}

    # the thresholds
    def measures(self, id: str) -> dict[str, float]:
        """What threshold `id` limits, per subject (a position, move, sign, story...)."""
        if id == "position-share":
            return {f"position {k}": share(c, self.n) for k, c in self.position_counts().items()}
        if id == "move-share":
            return {m: share(c, self.n) for m, c in self.move_counts().items()}
        if id == "signs-predict":
            return {"leave-one-out": self.signs_predict()["share"]}
        if id == "sign-share":
            counts = self.sign_counts()
            return {s.id: share(counts[s.id], self.n) for s in SIGNS}
        if id == "shared-run":
            return {r.scenario: float(r.length) for r in self.runs}
        if id == "features":
            return {f: float(n) for f, n in self.features()["counts"].items()}
        if id == "alternative-stated":
            return {"stated": self.alternative()["stated_share"]}
        if id == "alternative-both":
            counts = self.alternative()["counts"]
            return {a: float(counts[a]) for a in ALTERNATIVES}
        raise KeyError(id)

    def applies(self, threshold: Threshold) -> bool:
        if threshold.id == "shared-run" and self.guide is None:
            return False  # the guide's pages were not found: nothing to compare with
        return self.n >= (FULL_BANK if threshold.full else BALANCE_FROM)

    def verdicts(self) -> list[Verdict]:
        found = []
        for t in THRESHOLDS:
            values = self.measures(t.id)
            applies = self.applies(t)
            if not values:
                found.append(Verdict(t, applies, 0.0, "", False))
                continue
            subject = (max if t.most else min)(values, key=lambda k: values[k])
            found.append(Verdict(t, applies, values[subject], subject,
                                 applies and t.crossed_by(values[subject])))
        return found

    def crossed(self) -> list[Crossing]:
        """Every subject over (or under) a threshold that applies, threshold by threshold."""
        return [Crossing(t, subject, value)
                for t in THRESHOLDS if self.applies(t)
                for subject, value in self.measures(t.id).items() if t.crossed_by(value)]

    def to_dict(self) -> dict[str, Any]:
        positions, moves = self.position_counts(), self.move_counts()
        signs = self.sign_counts()
        return {
            "bank": self.bank.id,
            "kind": self.bank.kind,
            "scenarios": self.n,
            "key_positions": {"counts": positions,
                              "shares": {k: share(c, self.n) for k, c in positions.items()},
                              "always_pick": self.always_pick_position()},
            "moves": {"counts": moves, "shares": {m: share(c, self.n) for m, c in moves.items()},
                      "always_pick": self.always_pick_move(),
                      "two_key_scenarios": sum(len(i.keys) > 1 for i in self.items)},
            "signs_predict": self.signs_predict(),
            "sign_coverage": {"counts": signs,
                              "shares": {s: share(c, self.n) for s, c in signs.items()}},
            "random_guess": self.random_guess(),
            "shared_runs": {"guide_found": self.guide is not None,
                            "pages": len(self.guide.pages) if self.guide else 0,
                            "stories": [r.to_dict() for r in self.runs]},
            "length_cue": self.length_cue(),
            "alternative": self.alternative(),
            "features": self.features(),
            "thresholds": {v.threshold.id: v.to_dict() for v in self.verdicts()},
            "crossed": [c.to_dict() for c in self.crossed()],
        }


def analyse(bank: Bank, guide: Iterable[Path] | None = None) -> Analysis:
    """Analyse a self-check bank; `guide` is the folders of the guide's Markdown
    (default: docs/ and includes/ beside the package; no pages found: no shared words).
    """
    found = items(bank)
    pages = guide_pages(guide_dirs() if guide is None else guide)
    index = Guide(pages) if pages else None
    runs = [] if index is None else sorted(
        (index.longest_run(i.scenario.id, words(i.scenario.story)) for i in found),
        key=lambda r: (-r.length, r.scenario))
    return Analysis(bank, found, index, runs)
