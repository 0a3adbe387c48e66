"""Every word the page shows comes from quiz/wording.py: no sentence in a page script.

The page scripts show words only through word(key, values) (quiz-words.js), which reads
the one JSON block the build writes from `wording.PAGE` (overrides/walk_away/words.py).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quiz import wording

SCRIPTS = Path(__file__).parent.parent / "docs" / "assets" / "javascripts"
GENERATED = "// Generated from "  # first line of a file Python writes (quiz-contract.js)
# Two words of letters in a row, as prose has and code's strings have not: selectors,
# attribute, class and event names never hold a space between two plain words.
PROSE = re.compile(r"(?<![\w$@#.:/-])[A-Za-z]+[,;:!?…]? +\(?[A-Za-z]+(?![\w-]*[(=\]])")
# Strings that look like prose and are not, each with its reason. Keep this short.
NOT_PROSE = {
    "import site; site.getsitepackages()[0]": "Python source the worker runs",
}
# Scripts whose strings no page shows, each with its reason.
DIAGNOSTICS = {
    "quiz-schema.js": "mismatch() tells tests and developers why a value is not of the "
                      "contract's shape; the page only asks fits()",
}
WORD_CALL = re.compile(r"""\b(?:word|Failure)\(\s*["'`]([\w.-]+)["'`]""")


def literals(source: str) -> list[tuple[int, str]]:
    """The string and template literals of a script, with their lines: comments and
    regular expressions skipped, a template's ${...} parts left out of its text."""
    found: list[tuple[int, str]] = []
    i, n, last = 0, len(source), ""
    while i < n:
        c = source[i]
        if source.startswith("//", i):
            i = source.find("\n", i) if "\n" in source[i:] else n
        elif source.startswith("/*", i):
            i = source.index("*/", i + 2) + 2
        elif c == "/" and (not last or last in "(,=:[!&|?{};+-*%<>~^" or
                           re.search(r"\b(?:return|typeof|case|of|in)\s*$", source[:i])):
            i += 1
            in_class = False
            while source[i] != "/" or in_class:
                in_class = (in_class or source[i] == "[") and source[i] != "]"
                i += 2 if source[i] == "\\" else 1
            i += 1
            last = "/"
        elif c in "\"'`":
            start, text, i = i, [], i + 1
            while source[i] != c:
                if source[i] == "\\":
                    text.append(source[i:i + 2])
                    i += 2
                elif c == "`" and source.startswith("${", i):
                    depth, i = 1, i + 2
                    while depth:
                        depth += {"{": 1, "}": -1}.get(source[i], 0)
                        i += 1
                    text.append(" ${} ")
                else:
                    text.append(source[i])
                    i += 1
            i += 1
            found.append((source.count("\n", 0, start) + 1, "".join(text)))
            last = c
        else:
            if not c.isspace():
                last = c
            i += 1
    return found


def page_scripts() -> list[Path]:
    return sorted(p for p in SCRIPTS.glob("*.js")
                  if not p.read_text(encoding="utf-8").startswith(GENERATED))


def shown_scripts() -> list[Path]:
    return [p for p in page_scripts() if p.name not in DIAGNOSTICS]


def test_the_scanner_finds_sentences_and_passes_code() -> None:
    source = """
        // A comment with words in it.
        const a = "Try again";  /* more words here */
        const b = `Downloading Python (about ${size} MB, once)`;
        const c = 'input[name="x"]:checked', d = "md-button md-button--primary";
        const e = /it is (not)? a sentence/.test(x) ? "focusin" : `${n} %`;
        el("a", { "data-action": "next-round", text: word("action.retry", { n }) });
    """
    assert [text for _, text in literals(source) if PROSE.search(text)] == [
        "Try again", "Downloading Python (about  ${}  MB, once)"]


@pytest.mark.parametrize("script", shown_scripts(), ids=lambda p: p.name)
def test_no_page_script_holds_a_sentence(script: Path) -> None:
    """Words come from quiz/wording.py (wording.PAGE, through word()), not from scripts."""
    prose = [f"{script.name}:{line}: {text!r}"
             for line, text in literals(script.read_text(encoding="utf-8"))
             if PROSE.search(text) and text not in NOT_PROSE]
    assert not prose, ("English in a page script; put it in quiz/wording.py's PAGE and "
                       "show it with word(key, values):\n" + "\n".join(prose))


def test_every_word_a_script_asks_for_exists_and_every_word_is_used() -> None:
    asked = {key for script in page_scripts()
             for key in WORD_CALL.findall(script.read_text(encoding="utf-8"))}
    python = Path(wording.__file__).parent
    used_by_python = {key for source in python.glob("*.py")
                      for key in re.findall(r"""page_word\(\s*["']([\w.-]+)["']""",
                                            source.read_text(encoding="utf-8"))}
    status_keys = {"status.loading", "status.ready"}  # quiz.js names them in STATUS
    assert asked - set(wording.PAGE) == set()
    assert set(wording.PAGE) - asked - used_by_python - status_keys == set()


@pytest.mark.parametrize("key", sorted(wording.PAGE))
def test_each_word_is_plain_text_with_named_placeholders(key: str) -> None:
    entry = wording.PAGE[key]
    forms = entry.values() if isinstance(entry, dict) else [entry]
    if isinstance(entry, dict):
        assert "other" in entry, "plural forms need the CLDR 'other' form"
        assert all("{count}" in form for form in forms)
    for form in forms:
        assert "<" not in form and ">" not in form  # shown with textContent, never as HTML
        assert re.fullmatch(r"(?:[^{}]|\{\w+\})*", form), form


def test_a_count_picks_its_plural_form() -> None:
    one = wording.page_word("round.history-cleared", count=1)
    assert one == "Your practice history in this browser was cleared: 1 round."
    assert wording.page_word("round.history-cleared", count=3).endswith(": 3 rounds.")
    assert wording.page_word("round.history-cleared", count=0).endswith(": 0 rounds.")


def test_one_word_for_one_action() -> None:
    actions = {k: v for k, v in wording.PAGE.items() if k.startswith("action.")}
    assert len(set(actions.values())) == len(actions), actions


# --- our templates (overrides/theme/): their words come from Python too -----------------

THEME_DIR = Path(__file__).parent.parent / "overrides" / "theme"
JINJA_COMMENT = re.compile(r"\{#.*?#\}", re.S)
JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
JINJA_STRING = re.compile(r"""(["'])((?:(?!\1).)*?)\1""")
TEMPLATE_WORD = re.compile(r"""\bword\(\s*["']([\w.-]+)["']""")
LETTERS = re.compile(r"[A-Za-z]")
# Attributes no reader sees or hears: names, addresses, keywords, drawing.
MACHINE_ATTRIBUTES = {"class", "id", "href", "src", "rel", "target", "type", "role", "name",
                      "property", "aria-hidden", "aria-labelledby", "viewbox", "d", "fill",
                      "focusable", "width", "height"}
# Other attribute values that look like words and are not shown, each with its reason.
NOT_SHOWN = {
    ("content", "summary"): "twitter:card's kind of card, a keyword",
    ("data-link", "video"): "which link it is, for tests and styles",
    ("data-link", "article"): "which link it is, for tests and styles",
}


def template_problems(source: str) -> list[str]:
    """Words a template shows that do not come from word(): text, attribute values and
    Jinja string literals that read as words (Jinja comments aside)."""
    from html.parser import HTMLParser

    source = JINJA_COMMENT.sub(" ", source)
    found = [f"{{{{ {text!r} }}}}" for block in JINJA.findall(source)
             for _, text in JINJA_STRING.findall(block)
             if PROSE.search(text) or re.fullmatch(r"[A-Z][a-z]+\W*", text)]

    class Scanner(HTMLParser):
        def handle_data(self, data: str) -> None:
            if LETTERS.search(data):
                found.append(f"text {data.strip()!r}")

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            for name, value in attrs:
                if (value and LETTERS.search(value) and name not in MACHINE_ATTRIBUTES
                        and (name, value) not in NOT_SHOWN):
                    found.append(f"<{tag} {name}={value!r}>")

    scanner = Scanner(convert_charrefs=True)
    scanner.feed(JINJA.sub(" ", source))
    scanner.close()
    return found


def templates() -> list[Path]:
    return sorted(THEME_DIR.rglob("*.html"))


def test_the_template_scanner_finds_words_and_passes_markup() -> None:
    source = """{# A comment with words. #}
        <nav aria-label="Learn more" class="quiz-learn-more"><h3>{{ word("learn-more") }}</h3>
        <a href="{{ url }}" data-link="video">Watch: {{ video.title | e }}</a> ·
        <meta name="twitter:card" content="summary">{{ "Comments" }}
        {% set x = 'website' if a else 'assets/javascripts/' %}</nav>"""
    assert template_problems(source) == ["{{ 'Comments' }}", "<nav aria-label='Learn more'>",
                                         "text 'Watch:'"]


@pytest.mark.parametrize("template", templates(), ids=lambda p: p.name)
def test_no_template_of_ours_holds_a_word(template: Path) -> None:
    """Our templates show words through word(key) (quiz/wording.py: THEME, then PAGE);
    Material's own templates are not ours."""
    problems = template_problems(template.read_text(encoding="utf-8"))
    assert not problems, (f"English in {template.relative_to(THEME_DIR)}; put it in "
                          "quiz/wording.py's THEME and show it with word(key):\n"
                          + "\n".join(problems))


def test_every_word_a_template_asks_for_exists_and_every_theme_word_is_used() -> None:
    asked = {key for template in templates()
             for key in TEMPLATE_WORD.findall(template.read_text(encoding="utf-8"))}
    assert asked - set(wording.THEME) - set(wording.PAGE) == set()
    assert set(wording.THEME) - asked == set()
    assert not set(wording.THEME) & set(wording.PAGE), "a key means one word"


def test_a_template_word_is_html_with_its_values_as_given() -> None:
    assert wording.theme_word("read") == wording.page_word("read")  # one word, page and theme
    assert wording.theme_word("footer.made-with", link="<a>M</a>") == "Made with <a>M</a>"
    for entry in wording.THEME.values():
        assert "<" not in entry and ">" not in entry
        assert re.fullmatch(r"(?:[^{}]|\{\w+\})*", entry), entry
    with pytest.raises(TypeError):
        wording.theme_word("round.history-cleared")
