"""The exports read by tools no one here wrote (README: Exports for instructors).

- QTI 2.1: Citolab's qti-convert (citolab-qti-convert on PyPI) reads the package and
  converts every item to QTI 3.0; the points are worked out from what it produced.
- Moodle XML: amc2moodle's moodle2amc reads the file as Moodle's own export and converts
  it to an AMC test: every category, question, and right and wrong answer must arrive.
- GIFT: gift-pegjs (npm; Moodle's GIFT grammar in PEG.js) parses the file; the points are
  worked out from its parse, as Moodle's GIFT import grades them.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import types
from collections.abc import Iterator
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

import quiz
from quiz.export import FORMATS, export
from quiz.export.common import identifier
from tests.support.export_answers import (
    SITE,
    answers,
    documented_points,
    engine_points,
    max_points,
    refused,
)

ROOT = Path(__file__).resolve().parent.parent
GIFT_TOOL = ROOT / "tests" / "tools" / "gift"


@pytest.fixture(scope="module")
def bank() -> quiz.Bank:
    return quiz.load_bank("spot-the-signs")


@pytest.fixture(scope="module")
def files(bank: quiz.Bank, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("exports")
    written = {}
    for name in FORMATS:
        result = export(bank, name, SITE)
        written[name] = folder / result.filename
        written[name].write_bytes(result.content)
    return written


def every_answer(bank: quiz.Bank) -> Iterator[tuple[quiz.Question, tuple[str, ...], int]]:
    """Each question, each answer a learner can give there, and the points it should get:
    the engine's, or for "none" with signs (the engine refuses it) the README's rule."""
    for question in bank.questions:
        for picks in answers(question):
            yield question, picks, engine_points(bank, question, picks)
        for picks in refused(question):
            yield question, picks, documented_points(question, picks)


# --- QTI 2.1: Citolab's converter ---------------------------------------------------------

def qti3_points(item: Any, picks: tuple[str, ...]) -> Fraction:
    """mapResponse on the converted QTI 3.0 item (qti-mapping, as QTI 3.0 names it)."""
    ns = {"q": "http://www.imsglobal.org/xsd/imsqtiasi_v3p0"}
    mapping = item.find("q:qti-response-declaration/q:qti-mapping", ns)
    if not picks:
        return Fraction(0)
    values = {e.get("map-key"): Fraction(e.get("mapped-value"))
              for e in mapping.findall("q:qti-map-entry", ns)}
    total = sum((values.get(p, Fraction(mapping.get("default-value", "0"))) for p in picks),
                Fraction(0))
    if mapping.get("lower-bound") is not None:
        total = max(total, Fraction(mapping.get("lower-bound")))
    if mapping.get("upper-bound") is not None:
        total = min(total, Fraction(mapping.get("upper-bound")))
    return total


def test_citolab_reads_the_qti_package_and_its_items_score_as_the_engine(
        bank: quiz.Bank, files: dict[str, Path]) -> None:
    from lxml import etree
    from qti_convert import read_package, upgrade_package

    package = read_package(str(files["qti"]))
    assert "imsmanifest.xml" in package
    upgraded = upgrade_package(str(files["qti"])).files
    items = {}
    for path, content in upgraded.items():
        if path.startswith("items/"):
            root = etree.fromstring(content if isinstance(content, bytes) else content.encode())
            assert root.tag == "{http://www.imsglobal.org/xsd/imsqtiasi_v3p0}qti-assessment-item"
            items[root.get("identifier")] = root
    assert sorted(items) == sorted(identifier(bank, q) for q in bank.questions)
    manifest = upgraded["imsmanifest.xml"]
    manifest_text = manifest.decode() if isinstance(manifest, bytes) else manifest
    assert manifest_text.count("imsqti_item_xmlv3p0") == len(bank.questions)
    for question, picks, points in every_answer(bank):
        assert qti3_points(items[identifier(bank, question)], picks) == points, \
            (question.id, picks)
    for question in bank.questions:  # every choice keeps its feedback
        item = items[identifier(bank, question)]
        feedback = item.findall("{*}qti-modal-feedback")
        assert sorted(f.get("identifier") for f in feedback) == \
            sorted(o.id for o in question.options)
        assert max_points(question) == int(float(item.findtext(
            "{*}qti-outcome-declaration[@identifier='MAXSCORE']/{*}qti-default-value/{*}qti-value")))


# --- Moodle XML: amc2moodle's moodle2amc --------------------------------------------------

def moodle2amc() -> Any:
    """amc2moodle's Moodle XML reader. It converts embedded images with ImageMagick
    (Wand); the export has no images, so without ImageMagick's library Wand gets a
    stand-in that fails if it is ever used."""
    try:
        import wand.image  # noqa: F401
    except ImportError:
        class NoImages:
            def __init__(self, *args: object, **kwargs: object) -> None:
                raise AssertionError("the Moodle export has no images to convert")

        stand_in = types.ModuleType("wand.image")
        stand_in.Image = NoImages  # type: ignore[attr-defined]
        sys.modules["wand.image"] = stand_in
    from amc2moodle.moodle2amc import Quiz

    return Quiz


def test_moodle2amc_reads_every_category_question_and_answer(
        bank: quiz.Bank, files: dict[str, Path], tmp_path: Path) -> None:
    quiz_class = moodle2amc()
    tex = tmp_path / "bank.tex"
    quiz_class(str(files["moodle"])).convert(str(tex))
    text = tex.read_text(encoding="utf-8")
    topics = {s.topic_label for s in bank.scenarios}
    groups = set(re.findall(r"\\element\{top-([^}]*)\}", text))
    assert groups == {f"{bank.title}-{t}" for t in topics}
    singles = [q for q in bank.questions if q.kind == "single"]
    assert text.count("\\begin{question}") == len(singles)
    assert text.count("\\begin{questionmult}") == len(bank.questions) - len(singles)
    keyed = sum(len(q.correct_ids) for q in bank.questions)
    options = sum(len(q.options) for q in bank.questions)
    assert text.count("\\correctchoice{") == keyed
    assert text.count("\\wrongchoice{") == options - keyed
    for scenario in bank.scenarios:  # the story in each question's text
        start = " ".join(scenario.story.split()[:6])
        assert text.count(start) == 2, scenario.id


# --- GIFT: gift-pegjs ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def gift_parser() -> Path:
    """gift-pegjs, installed from tests/tools/gift's lock file on first use."""
    if not (GIFT_TOOL / "node_modules" / "gift-pegjs").is_dir():
        npm = shutil.which("npm")
        assert npm, "npm is needed to install the GIFT parser (gift-pegjs)"
        subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"],
                       cwd=GIFT_TOOL, check=True)
    return GIFT_TOOL / "parse.cjs"


def gift_points(question: dict[str, Any], labels: dict[str, str],
                picks: tuple[str, ...]) -> Fraction:
    """As Moodle's GIFT import grades a multiple-choice question: with an `=` answer it
    is single-answer (the chosen answer's grade); without, the chosen answers' weights
    add up, kept between 0 and 100 %."""
    grades = {c["text"]["text"]: (Fraction(100) if c["isCorrect"]
                                  else Fraction(str(c["weight"] or 0)))
              for c in question["choices"]}
    chosen = [grades[labels[p]] for p in picks]
    if any(c["isCorrect"] for c in question["choices"]):
        return (chosen[0] if chosen else Fraction(0)) / 100
    return min(Fraction(100), max(Fraction(0), sum(chosen, Fraction(0)))) / 100


def test_gift_pegjs_parses_the_gift_file_and_it_scores_as_the_engine(
        bank: quiz.Bank, files: dict[str, Path], gift_parser: Path) -> None:
    node = shutil.which("node")
    assert node
    done = subprocess.run([node, str(gift_parser), str(files["gift"])], capture_output=True,
                          text=True, check=True)
    parsed = json.loads(done.stdout)
    questions = {q["id"]: q for q in parsed if q["type"] != "Category"}
    assert sorted(questions) == sorted(identifier(bank, q) for q in bank.questions)
    assert {q["type"] for q in questions.values()} == {"MC"}
    categories = [q["title"] for q in parsed if q["type"] == "Category"]
    assert sorted(categories) == sorted(f"$course$/top/{bank.title}/{t}"
                                        for t in {s.topic_label for s in bank.scenarios})
    for question, picks, points in every_answer(bank):
        parsed_question = questions[identifier(bank, question)]
        labels = {o.id: o.label for o in question.options}
        # GIFT gives each question 1 mark: the share of the maximum, to Moodle's 7 digits.
        share = gift_points(parsed_question, labels, picks)
        assert abs(share * max_points(question) - points) < Fraction(1, 10**5), \
            (question.id, picks)
    for question in bank.questions:  # the text and the feedback come back unescaped
        parsed_question = questions[identifier(bank, question)]
        assert question.prompt in parsed_question["stem"]["text"]
        for option, choice in zip(question.options, parsed_question["choices"], strict=True):
            assert choice["text"]["text"] == option.label
            assert option.explanation.replace("&", "&amp;") in choice["feedback"]["text"] or \
                option.explanation in choice["feedback"]["text"]
            assert f'href="{SITE}{option.section.href}"' in choice["feedback"]["text"]
