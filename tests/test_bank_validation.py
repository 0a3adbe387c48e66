"""Bank validation: every broken rule is reported, located, and all at once."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import quiz
from quiz import BankError, Problem
from quiz.render import render_bank

ROOT = Path(__file__).resolve().parent.parent
FILE = "banks/mini.toml"
SID = "raise-budget-freeze"

HEAD = '''\
id = "mini"
title = "Mini bank"
kind = "self-check"
intro = "One scenario, to test the checks."

[prompts]
move = "What is your best move?"
signs = "Which walk-away signs are present? Tick all that apply."
'''

SCENARIO = '''
[[scenarios]]
id = "raise-budget-freeze"
topic = "salary"
title = "A raise during a budget freeze"
story = """
You asked for a 10% raise after taking over a departing colleague's accounts. Your
manager agrees you have earned it but says the budget is frozen for four months.
"""
best-move = "pause"
signs = []
move-section = "recognizing-an-impasse"

[scenarios.explain]
keep-negotiating = "Pressing for the full 10% now runs into a freeze your manager cannot lift."
pause = "Right: the obstacle is timing, not will."
accept = "Accepting now gives up the rest of the raise for good."
walk-away = "Nothing here crosses a line. Walking away throws a written offer away."
unreasonable-demands = "You are not asked to give up any standard or principle."
lack-of-flexibility = "Your manager is flexible: she offers part now in writing."
diminishing-returns = "This is the first real offer, not the end of a long exchange."
mismatch-in-key-objectives = "You both want you paid fairly; only the timing differs."
none = "Right: no walk-away sign is present."
'''

VALID = HEAD + SCENARIO


def broken(old: str, new: str, text: str = VALID) -> str:
    """The valid bank with exactly one thing changed (the change must apply)."""
    assert text.count(old) == 1, f"{old!r} must occur once in the bank text"
    return text.replace(old, new)


def bank_error(text: str, file: str = FILE) -> BankError:
    with pytest.raises(BankError) as info:
        quiz.parse_bank(text, file)
    return info.value


def assert_reported(text: str, field: str, question: str | None, *, file: str = FILE,
                    words: str = "") -> Problem:
    """The bank fails with a problem at (question, field); its message names all three."""
    error = bank_error(text, file)
    located = [p for p in error.problems if p.field == field and p.question == question]
    assert located, f"no problem at {question!r}/{field!r} in: {error.problems}"
    problem = located[0]
    assert problem.file == file
    assert problem.message
    assert words.lower() in problem.message.lower()
    message = str(error)
    assert file in message
    assert repr(field) in message
    if question is not None:
        assert repr(question) in message
    assert str(problem) in message
    return problem


def test_the_minimal_bank_is_valid() -> None:
    bank = quiz.parse_bank(VALID, FILE)
    assert bank.id == "mini"
    assert [q.id for q in bank.questions] == [f"{SID}-move", f"{SID}-signs"]
    assert [s.id for s in bank.scenarios] == [SID]


def test_toml_syntax_error() -> None:
    error = bank_error(broken('title = "Mini bank"', 'title = "Mini bank'))
    assert len(error.problems) == 1
    problem = error.problems[0]
    assert (problem.file, problem.question, problem.field) == (FILE, None, "(syntax)")
    assert "TOML" in problem.message
    assert FILE in str(error)


def test_unknown_top_level_key() -> None:
    assert_reported(broken('kind = "self-check"\n', 'kind = "self-check"\nauthor = "me"\n'),
                    "author", None, words="not a known field")


def test_unknown_key_in_a_scenario() -> None:
    assert_reported(broken('best-move = "pause"', 'best-move = "pause"\nbest-mood = "calm"'),
                    "best-mood", SID, words="not a known field")


def test_unknown_key_in_explain() -> None:
    assert_reported(broken('none = "Right', 'nothing = "typo"\nnone = "Right'),
                    "explain.nothing", SID, words="not a known field")


def test_unknown_key_in_prompts() -> None:
    assert_reported(broken('move = "What', 'moves = "typo"\nmove = "What'),
                    "prompts.moves", None, words="not a known field")


def test_title_must_be_text() -> None:
    assert_reported(broken('title = "A raise during a budget freeze"', "title = 42"),
                    "title", SID, words="must be text")


def test_bank_title_must_be_text() -> None:
    assert_reported(broken('title = "Mini bank"', "title = 3.5"), "title", None,
                    words="must be text")


def test_signs_must_be_a_list() -> None:
    assert_reported(broken("signs = []", 'signs = "diminishing-returns"'), "signs", SID,
                    words="list")


def test_signs_must_be_a_list_of_text() -> None:
    assert_reported(broken("signs = []", "signs = [1, 2]"), "signs", SID, words="list")


def test_explain_must_be_a_table() -> None:
    text = VALID.split("[scenarios.explain]")[0].replace(
        "signs = []", 'signs = []\nexplain = "everything is explained"')
    assert_reported(text, "explain", SID, words="must be a table")


def test_empty_text_is_reported() -> None:
    assert_reported(broken('title = "A raise during a budget freeze"', 'title = "  "'),
                    "title", SID, words="empty")


def test_empty_story_is_reported() -> None:
    text = VALID.split('story = """')[0] + 'story = """\n\n"""' + VALID.split('"""', 2)[2]
    assert_reported(text, "story", SID, words="empty")


def test_missing_story() -> None:
    start = VALID.index('story = """')
    end = VALID.index('"""', start + len('story = """')) + 3
    assert_reported(VALID[:start] + VALID[end:], "story", SID, words="missing")


def test_missing_explanation_for_one_option() -> None:
    text = broken('walk-away = "Nothing here crosses a line. Walking away throws a written '
                  'offer away."\n', "")
    problem = assert_reported(text, "explain.walk-away", SID, words="missing")
    assert "explain.walk-away" in str(problem)
    assert SID in str(problem)


def test_missing_explanation_for_none() -> None:
    assert_reported(broken('none = "Right: no walk-away sign is present."\n', ""),
                    "explain.none", SID, words="missing")


def test_missing_prompts_table() -> None:
    text = broken('[prompts]\nmove = "What is your best move?"\n'
                  'signs = "Which walk-away signs are present? Tick all that apply."\n', "")
    assert_reported(text, "prompts", None, words="missing")


def test_missing_scenarios() -> None:
    assert_reported(HEAD, "scenarios", None, words="missing")


def test_duplicate_scenario_ids() -> None:
    assert_reported(VALID + SCENARIO, "id", SID, words="twice")


def test_unknown_sign_id() -> None:
    problem = assert_reported(broken("signs = []", 'signs = ["bad-faith"]'), "signs", SID,
                              words="bad-faith")
    assert "diminishing-returns" in problem.message  # says what is allowed


def test_misspelt_sign_id() -> None:
    assert_reported(broken("signs = []", 'signs = ["diminishing-return"]'), "signs", SID,
                    words="diminishing-return")


def test_sign_listed_twice() -> None:
    assert_reported(broken("signs = []", 'signs = ["diminishing-returns", "diminishing-returns"]'),
                    "signs", SID, words="twice")


def test_none_listed_in_signs() -> None:
    assert_reported(broken("signs = []", 'signs = ["none"]'), "signs", SID, words="none")


def test_none_listed_with_a_sign() -> None:
    assert_reported(broken("signs = []", 'signs = ["none", "lack-of-flexibility"]'), "signs", SID,
                    words="none")


@pytest.mark.parametrize("value", ['"run"', '"Pause"', '"walk away"', '""'])
def test_best_move_must_be_a_move(value: str) -> None:
    assert_reported(broken('best-move = "pause"', f"best-move = {value}"), "best-move", SID)


def test_best_move_may_be_two_defensible_moves() -> None:
    bank = quiz.parse_bank(broken('best-move = "pause"', 'best-move = ["pause", "accept"]'),
                           FILE)
    question = bank.question(f"{SID}-move")
    assert question is not None and question.kind == "single"
    assert question.correct_ids == {"pause", "accept"}


@pytest.mark.parametrize(("value", "words"), [
    ('["pause"]', "lists 1"),
    ('["pause", "accept", "walk-away"]', "lists 3"),
    ("[]", "lists 0"),
    ('["pause", "pause"]', "twice"),
    ('["pause", "run"]', "'run' is not one of"),
    ('["pause", 2]', "one id or a list of two"),
    ("2", "must be text"),
])
def test_best_move_list_must_be_two_different_moves(value: str, words: str) -> None:
    problem = assert_reported(broken('best-move = "pause"', f"best-move = {value}"),
                              "best-move", SID, words=words)
    assert "\n" not in problem.message


def test_missing_explanation_for_accept() -> None:
    assert_reported(broken('accept = "Accepting now gives up the rest of the raise for good."\n',
                           ""), "explain.accept", SID, words="missing")


@pytest.mark.parametrize("value", ["weak", "strong"])
def test_the_alternative_is_read_but_not_shown(value: str) -> None:
    text = broken("signs = []", f'signs = []\nalternative = "{value}"')
    bank = quiz.parse_bank(text, FILE)
    assert bank.scenarios[0].alternative == value
    assert value not in render_bank(bank).replace(f"{SID}", "")


def test_without_an_alternative_or_features() -> None:
    scenario = quiz.parse_bank(VALID, FILE).scenarios[0]
    assert (scenario.alternative, scenario.features) == ("", ())


@pytest.mark.parametrize(("value", "words"), [
    ('"none"', "not one of"), ('"Weak"', "not one of"), ('""', "empty"), ("true", "text"),
])
def test_the_alternative_must_be_weak_or_strong(value: str, words: str) -> None:
    problem = assert_reported(broken("signs = []", f"signs = []\nalternative = {value}"),
                              "alternative", SID, words=words)
    if words == "not one of":
        assert "weak, strong" in problem.message


def test_features_are_read_in_order_and_not_shown() -> None:
    text = broken("signs = []", 'signs = []\nfeatures = ["re-trade", "multi-party"]')
    bank = quiz.parse_bank(text, FILE)
    assert bank.scenarios[0].features == ("re-trade", "multi-party")
    html = render_bank(bank)
    assert "re-trade" not in html and "multi-party" not in html


@pytest.mark.parametrize(("value", "words"), [
    ('["bluff"]', "'bluff' is not one of"),
    ('["re-trade", "re-trade"]', "twice"),
    ('"re-trade"', "list of ids"),
])
def test_features_must_be_known_ids(value: str, words: str) -> None:
    problem = assert_reported(broken("signs = []", f"signs = []\nfeatures = {value}"),
                              "features", SID, words=words)
    if "not one of" in words:
        assert "bridging-deal" in problem.message


def test_missing_best_move() -> None:
    assert_reported(broken('best-move = "pause"\n', ""), "best-move", SID, words="missing")


def test_bad_topic() -> None:
    problem = assert_reported(broken('topic = "salary"', 'topic = "weather"'), "topic", SID,
                              words="weather")
    assert "salary" in problem.message


def test_move_section_must_exist() -> None:
    assert_reported(broken('move-section = "recognizing-an-impasse"',
                           'move-section = "how-to-haggle"'), "move-section", SID,
                    words="how-to-haggle")


def test_id_must_match_the_file_name() -> None:
    assert_reported(VALID, "id", None, file="banks/other.toml", words="other.toml")


@pytest.mark.parametrize("bad", ["Mini", "mini_bank", "mini--bank", "-mini", "mini bank"])
def test_bank_id_format(bad: str) -> None:
    assert_reported(broken('id = "mini"', f'id = "{bad}"'), "id", None, words="not an id")


def test_scenario_id_format() -> None:
    text = broken('id = "raise-budget-freeze"', 'id = "Raise Budget Freeze"')
    assert_reported(text, "id", "scenarios #1", words="not an id")


def test_unknown_kind() -> None:
    assert_reported(broken('kind = "self-check"', 'kind = "exam"'), "kind", None, words="exam")


def test_two_problems_are_both_reported() -> None:
    text = broken('topic = "salary"', 'topic = "weather"',
                  broken('walk-away = "Nothing here crosses a line. Walking away throws a '
                         'written offer away."\n', ""))
    error = bank_error(text)
    located = {(p.question, p.field) for p in error.problems}
    assert {(SID, "topic"), (SID, "explain.walk-away")} <= located
    message = str(error)
    assert "explain.walk-away" in message
    assert "'topic'" in message
    assert message.startswith(f"{len(error.problems)} problems")


def test_problems_across_scenarios_and_top_level_are_all_reported() -> None:
    second = SCENARIO.replace('id = "raise-budget-freeze"', 'id = "second"').replace(
        'best-move = "pause"', 'best-move = "run"')
    text = broken('title = "Mini bank"', "title = 1", VALID + second)
    located = {(p.question, p.field) for p in bank_error(text).problems}
    assert {(None, "title"), ("second", "best-move")} <= located


# --- files ---------------------------------------------------------------------------

def test_load_bank_file_reads_a_valid_file(tmp_path: Path) -> None:
    path = tmp_path / "mini.toml"
    path.write_text(VALID, encoding="utf-8")
    assert quiz.load_bank_file(path).title == "Mini bank"


def test_load_bank_file_missing(tmp_path: Path) -> None:
    with pytest.raises(BankError) as info:
        quiz.load_bank_file(tmp_path / "missing.toml")
    assert info.value.problems[0].field == "(file)"
    assert "missing.toml" in str(info.value)


def test_load_bank_file_directory(tmp_path: Path) -> None:
    folder = tmp_path / "folder.toml"
    folder.mkdir()
    with pytest.raises(BankError):
        quiz.load_bank_file(folder)


def test_load_bank_file_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "mini.toml"
    path.write_bytes(VALID.encode("utf-8").replace(b"Mini bank", b"Mini \xff bank"))
    with pytest.raises(BankError) as info:
        quiz.load_bank_file(path)
    assert "mini.toml" in str(info.value)


def test_load_bank_file_reports_problems_with_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "mini.toml"
    path.write_text(broken('topic = "salary"', 'topic = "weather"'), encoding="utf-8")
    with pytest.raises(BankError) as info:
        quiz.load_bank_file(path)
    assert "mini.toml" in str(info.value)
    assert [p.field for p in info.value.problems] == ["topic"]


def run_check(*files: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "quiz", "check", *files], cwd=ROOT,
                          capture_output=True, text=True, timeout=60, check=False)


def test_cli_check_lists_every_problem(tmp_path: Path) -> None:
    path = tmp_path / "mini.toml"
    text = broken('topic = "salary"', 'topic = "weather"',
                  broken('none = "Right: no walk-away sign is present."\n', ""))
    path.write_text(text, encoding="utf-8")
    run = run_check(str(path))
    assert run.returncode == 1
    assert "'topic'" in run.stderr
    assert "'explain.none'" in run.stderr
    assert "mini.toml" in run.stderr
    assert SID in run.stderr
    assert "ok" not in run.stdout


def test_cli_check_good_and_bad_files(tmp_path: Path) -> None:
    good = tmp_path / "mini.toml"
    good.write_text(VALID, encoding="utf-8")
    bad = tmp_path / "other.toml"
    bad.write_text(VALID, encoding="utf-8")  # id "mini" in other.toml
    missing = tmp_path / "missing.toml"
    run = run_check(str(good), str(bad), str(missing))
    assert run.returncode == 1
    assert "mini.toml" in run.stdout
    assert "other.toml" in run.stderr
    assert "missing.toml" in run.stderr


def test_cli_check_shipped_banks() -> None:
    run = run_check()
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    for bank_id in quiz.bank_ids():
        assert f"{bank_id}.toml" in run.stdout
    assert "spot-the-signs.toml" in run.stdout
