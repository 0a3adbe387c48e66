"""`python -m quiz export`: QTI 2.1, Moodle XML and GIFT score as the engine does.

Each format's points are worked out from the exported file itself, by the rule the
target applies (QTI's mapResponse, Moodle's sum of answer fractions, GIFT's weights as
Moodle imports them), for every answer a reader can give to every question, and
compared with quiz.scoring. The independent tools' checks are in test_export_tools.py.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from fractions import Fraction
from pathlib import Path

import pytest

import quiz
from quiz.export import FORMATS, ExportError, export
from quiz.export.common import identifier
from quiz.export.gift import escape as gift_escape
from quiz.export.moodle import ACCEPTED, FRACTIONS
from quiz.loading import clear_cache
from quiz.model import Question
from tests.support.export_answers import (
    SITE,
    answers,
    documented_points,
    engine_points,
    max_points,
    refused,
)

ROOT = Path(__file__).resolve().parent.parent
BANK_FILE = ROOT / "quiz" / "banks" / "spot-the-signs.toml"
QTI = "{http://www.imsglobal.org/xsd/imsqti_v2p1}"


@pytest.fixture(scope="module")
def bank() -> quiz.Bank:
    return quiz.load_bank("spot-the-signs")


@pytest.fixture(scope="module")
def exported(bank: quiz.Bank) -> dict[str, bytes]:
    return {name: export(bank, name, SITE).content for name in FORMATS}


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "quiz", *args], capture_output=True,
                          text=True, cwd=ROOT, check=False)


# --- scoring as each target does, from the exported file -------------------------------

def qti_items(package: bytes) -> dict[str, ET.Element]:
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        return {ET.fromstring(archive.read(n)).get("identifier", ""): ET.fromstring(archive.read(n))
                for n in archive.namelist() if n.startswith("items/")}


def qti_points(item: ET.Element, picks: tuple[str, ...]) -> Fraction:
    """QTI 2.1's mapResponse: the mapped values of the distinct chosen identifiers
    (defaultValue for unmapped ones), then lowerBound and upperBound; no answer is 0."""
    mapping = item.find(f"{QTI}responseDeclaration/{QTI}mapping")
    assert mapping is not None
    if not picks:
        return Fraction(0)
    values = {e.get("mapKey"): Fraction(e.get("mappedValue", "0"))
              for e in mapping.iter(f"{QTI}mapEntry")}
    total = sum((values.get(p, Fraction(mapping.get("defaultValue", "0"))) for p in set(picks)),
                Fraction(0))
    if mapping.get("lowerBound") is not None:
        total = max(total, Fraction(mapping.get("lowerBound", "0")))
    if mapping.get("upperBound") is not None:
        total = min(total, Fraction(mapping.get("upperBound", "0")))
    return total


def moodle_questions(xml: bytes) -> dict[str, ET.Element]:
    root = ET.fromstring(xml)
    return {q.findtext("idnumber", ""): q for q in root.iter("question")
            if q.get("type") == "multichoice"}


def moodle_points(question: ET.Element, picks: tuple[str, ...], labels: dict[str, str]
                  ) -> float:
    """Moodle's multichoice grade: the chosen answer's fraction (single), or the sum of
    the chosen answers' fractions kept between 0 and 1 (multiple), times the mark."""
    fractions = {a.findtext("text"): float(a.get("fraction", "0")) / 100
                 for a in question.iter("answer")}
    chosen = [fractions[labels[p]] for p in picks]
    single = question.findtext("single") == "true"
    grade = (chosen[0] if chosen else 0.0) if single else min(1.0, max(0.0, sum(chosen)))
    return grade * float(question.findtext("defaultgrade", "1"))


# --- the engine's points, every answer, every question ------------------------------------

def test_every_answer_to_every_question_scores_as_the_engine(
        bank: quiz.Bank, exported: dict[str, bytes]) -> None:
    items = qti_items(exported["qti"])
    moodle = moodle_questions(exported["moodle"])
    checked = 0
    for question in bank.questions:
        ident = identifier(bank, question)
        labels = {o.id: o.label for o in question.options}
        for picks in answers(question):
            points = engine_points(bank, question, picks)
            assert qti_points(items[ident], picks) == points, (ident, picks)
            assert moodle_points(moodle[ident], picks, labels) == pytest.approx(points, abs=1e-5)
            assert round(moodle_points(moodle[ident], picks, labels), 2) == points
            checked += 1
        for picks in refused(question):  # "none" with signs: the README's rule
            expected = documented_points(question, picks)
            assert qti_points(items[ident], picks) == expected, (ident, picks)
            assert moodle_points(moodle[ident], picks, labels) == pytest.approx(expected,
                                                                               abs=1e-5)
    assert checked == sum(5 if q.kind == "single" else 17 for q in bank.questions)


def test_the_marks_add_up_to_the_engines_maximum(bank: quiz.Bank,
                                                exported: dict[str, bytes]) -> None:
    items, moodle = qti_items(exported["qti"]), moodle_questions(exported["moodle"])
    for question in bank.questions:
        ident = identifier(bank, question)
        maximum = items[ident].find(f"{QTI}outcomeDeclaration[@identifier='MAXSCORE']")
        assert maximum is not None and maximum.findtext(f".//{QTI}value") == \
            str(max_points(question))
        assert moodle[ident].findtext("defaultgrade") == str(max_points(question))


def test_moodle_grades_come_from_its_fixed_list(exported: dict[str, bytes]) -> None:
    allowed = set(ACCEPTED) | {f"-{a}" for a in ACCEPTED}
    used = set(re.findall(rb'fraction="([^"]+)"', exported["moodle"]))
    assert used and {u.decode() for u in used} <= allowed
    gift = set(re.findall(rb"~%([^%]+)%", exported["gift"]))
    assert gift and {g.decode() for g in gift} <= allowed
    assert FRACTIONS[Fraction(1, 3)] == "33.33333"


def test_a_format_that_cannot_express_a_grade_refuses_it() -> None:
    from quiz.export.moodle import fraction
    with pytest.raises(ValueError, match="fixed list"):
        fraction(Fraction(2, 7))


# --- content: every scenario, its story, feedback and links -----------------------------

def test_every_scenario_is_exported_with_its_story_feedback_and_links(
        bank: quiz.Bank, exported: dict[str, bytes]) -> None:
    moodle = exported["moodle"].decode()
    gift = exported["gift"].decode()
    items = qti_items(exported["qti"])
    assert len(items) == len(moodle_questions(exported["moodle"])) == len(bank.questions)
    for question in bank.questions:
        assert question.scenario is not None
        first_words = " ".join(question.scenario.story.split()[:8])
        ident = identifier(bank, question)
        assert f"<idnumber>{ident}</idnumber>" in moodle
        assert f"// [id:{ident}]" in gift
        item_text = ET.tostring(items[ident], encoding="unicode")
        for text in (moodle, item_text):
            assert first_words.replace("'", "&#x27;") in text or first_words in text
        for option in question.options:
            link = SITE + option.section.href
            assert link in item_text
            assert option.explanation in item_text or \
                option.explanation.replace("&", "&amp;") in item_text
            assert gift_escape(link) in gift
    assert "walk-away.example.org" not in moodle + gift  # every link follows the site


def test_moodle_has_a_category_for_the_bank_and_each_topic(
        bank: quiz.Bank, exported: dict[str, bytes]) -> None:
    root = ET.fromstring(exported["moodle"])
    categories = [q.findtext("category/text") for q in root.iter("question")
                  if q.get("type") == "category"]
    topics = sorted({s.topic_label for s in bank.scenarios})
    assert categories[0] == f"$course$/top/{bank.title}"
    assert sorted(categories[1:]) == [f"$course$/top/{bank.title}/{t}" for t in topics]


def test_the_options_keep_the_engines_order(bank: quiz.Bank,
                                            exported: dict[str, bytes]) -> None:
    items, moodle = qti_items(exported["qti"]), moodle_questions(exported["moodle"])
    for question in bank.questions:
        ident = identifier(bank, question)
        choices = [c.get("identifier") for c in items[ident].iter(f"{QTI}simpleChoice")]
        assert choices == [o.id for o in question.options]
        assert [a.findtext("text") for a in moodle[ident].iter("answer")] == \
            [o.label for o in question.options]


@pytest.mark.parametrize(("text", "escaped"), [
    ("a {b} = c ~ d # e: f", r"a \{b\} \= c \~ d \# e\: f"),
    ("back\\slash", "back\\\\slash"),
    ("two\n\nparagraphs", "two paragraphs"),  # a blank line would end the question
])
def test_gift_escapes_its_control_characters(text: str, escaped: str) -> None:
    assert gift_escape(text) == escaped


def test_no_blank_line_inside_a_gift_question(exported: dict[str, bytes]) -> None:
    for block in exported["gift"].decode().split("\n\n"):
        assert block.count("{") - block.count("\\{") in (0, 1)


# --- determinism, identifiers, the command line ------------------------------------------

def test_re_export_is_byte_identical(bank: quiz.Bank, exported: dict[str, bytes]) -> None:
    clear_cache()
    again = quiz.load_bank("spot-the-signs")
    for name in FORMATS:
        assert export(again, name, SITE).content == exported[name]
    with zipfile.ZipFile(io.BytesIO(exported["qti"])) as archive:
        names = archive.namelist()
        assert names == sorted(names) and "imsmanifest.xml" in names
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_files_are_named_with_the_banks_version(bank: quiz.Bank) -> None:
    for name in FORMATS:
        assert export(bank, name).filename.startswith(f"{bank.id}-{bank.digest[:8]}-")


def test_identifiers_come_from_the_bank_and_the_scenario(bank: quiz.Bank) -> None:
    question: Question = bank.questions[0]
    assert question.scenario is not None
    assert identifier(bank, question) == f"{bank.id}.{question.scenario.id}-{question.role}"


def test_the_command_line_writes_each_format(tmp_path: Path, bank: quiz.Bank) -> None:
    for name in FORMATS:
        done = run("export", "spot-the-signs", "--format", name, "--site", SITE,
                   "-o", str(tmp_path))
        assert done.returncode == 0, done.stderr
        written = tmp_path / export(bank, name).filename
        assert written.read_bytes() == export(bank, name, SITE).content


def test_other_kinds_are_refused_in_one_line() -> None:
    done = run("export", "my-negotiation", "--format", "gift")
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert "cannot be exported" in done.stderr and "self-check" in done.stderr
    with pytest.raises(ExportError):
        export(quiz.load_bank("my-negotiation"), "qti")


def test_a_broken_bank_stops_the_export_as_check_does(tmp_path: Path) -> None:
    broken = tmp_path / "spot-the-signs.toml"
    text = BANK_FILE.read_text(encoding="utf-8")
    broken.write_text(text.replace('best-move = "', 'best-move = "leave-', 1)
                      .replace("move-section = ", "move-sektion = ", 1), encoding="utf-8")
    done = run("export", str(broken), "--format", "moodle", "-o", str(tmp_path / "out.xml"))
    checked = run("check", str(broken))
    assert done.returncode == checked.returncode == 1
    assert done.stderr == checked.stderr
    assert "field 'best-move'" in done.stderr and "move-sektion" in done.stderr
    assert not (tmp_path / "out.xml").exists()


def test_the_browser_never_gets_the_export() -> None:
    bridge = (ROOT / "quiz" / "bridge.py").read_text(encoding="utf-8")
    assert "export" not in re.findall(r"^\s*(?:from|import) ([.\w]+)", bridge, re.M)
    done = subprocess.run([sys.executable, "-c", "import sys, quiz.bridge; "
                           "print(sorted(m for m in sys.modules if m.startswith('quiz.')))"],
                          capture_output=True, text=True, cwd=ROOT, check=True)
    assert "quiz.export" not in done.stdout and "quiz.cli_export" not in done.stdout
