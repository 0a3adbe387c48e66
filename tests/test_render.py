"""The ```quiz fence: a form whose names and values are the engine's ids, and nothing more."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest
from pymdownx.superfences import SuperFencesException

import quiz
from quiz import Bank, Question
from quiz.render import fence, render_bank
from tests.support.banks import EXPLAIN_TOML

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str | None]
    parents: tuple[str, ...]
    text: list[str] = field(default_factory=list)


class Collector(HTMLParser):
    """Every element with its attributes and ancestors, plus all text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.stack: list[Element] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, dict(attrs), tuple(e.tag for e in self.stack))
        self.elements.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack, f"</{tag}> closes nothing"
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        for element in self.stack:
            element.text.append(data)

    def all(self, tag: str) -> list[Element]:
        return [e for e in self.elements if e.tag == tag]

    def everything(self) -> str:
        """All text and attribute values, as a reader or a script could see them."""
        values = [v or "" for e in self.elements for v in e.attrs.values()]
        return "\n".join([*self.text, *values])


def parse(html: str) -> Collector:
    collector = Collector()
    collector.feed(html)
    collector.close()
    assert collector.stack == [], "unclosed elements"
    return collector


@pytest.fixture(scope="module")
def bank() -> Bank:
    return quiz.load_bank("spot-the-signs")


@pytest.fixture(scope="module")
def page(bank: Bank) -> Collector:
    return parse(render_bank(bank))


def test_one_form(page: Collector) -> None:
    forms = page.all("form")
    assert len(forms) == 1
    assert forms[0].parents == ("div",)


def test_wrapper_names_the_bank_and_starts_idle(bank: Bank, page: Collector) -> None:
    wrapper = page.elements[0]
    assert wrapper.tag == "div"
    assert wrapper.parents == ()
    assert wrapper.attrs["data-quiz"] == bank.id == "spot-the-signs"
    assert wrapper.attrs["data-state"] == "idle"
    assert [e for e in page.elements if e.parents == ()] == [wrapper]


def page_order(bank: Bank) -> list[Question]:
    """The first round live, in its order, then every other scenario's template."""
    first = quiz.first_round(bank)
    order = dict.fromkeys(first + [s.id for s in bank.scenarios])
    rank = {sid: n for n, sid in enumerate(order)}
    return sorted(bank.questions, key=lambda q: rank[q.scenario.id] if q.scenario else 0)


def test_one_fieldset_with_a_legend_per_question(bank: Bank, page: Collector) -> None:
    fieldsets = page.all("fieldset")
    assert [f.attrs["data-question"] for f in fieldsets] == [q.id for q in page_order(bank)]
    assert all("form" in f.parents for f in fieldsets)
    legends = page.all("legend")
    assert len(legends) == len(bank.questions)
    assert all(legend.parents[-1] == "fieldset" for legend in legends)
    assert ["".join(legend.text) for legend in legends] == [q.prompt for q in page_order(bank)]


def test_inputs_cover_every_option(bank: Bank, page: Collector) -> None:
    inputs = page.all("input")
    assert all("form" in i.parents and "fieldset" in i.parents for i in inputs)
    rendered = [(i.attrs["name"], i.attrs["value"], i.attrs["type"]) for i in inputs]
    expected = [(q.id, o.id, "radio" if q.kind == "single" else "checkbox")
                for q in page_order(bank) for o in q.options]
    assert rendered == expected
    assert {q.kind for q in bank.questions} == {"single", "multiple"}


def test_first_round_is_numbered_and_every_scenario_is_in_the_page(bank: Bank, page: Collector
                                                                    ) -> None:
    headings = ["".join(h.text) for h in page.all("h2")]
    first = quiz.first_round(bank)
    titles = {s.id: s.title for s in bank.scenarios}
    assert headings[:len(first)] == [f"Scenario {n} of {len(first)}: {titles[sid]}"
                                     for n, sid in enumerate(first, 1)]
    later = [f" {s.title}" for s in bank.scenarios if s.id not in first]
    assert headings[len(first):len(bank.scenarios)] == later  # numbered when shown
    templates = page.all("template")
    assert [t.attrs["data-scenario"] for t in templates] == [s.id for s in bank.scenarios
                                                             if s.id not in first]
    text = " ".join(" ".join(page.text).split())
    for scenario in bank.scenarios:
        first_paragraph = " ".join(scenario.story.split("\n\n")[0].split())
        assert first_paragraph in text


def test_no_explanation_or_answer_in_the_page(bank: Bank, page: Collector) -> None:
    seen = page.everything()
    flat = " ".join(seen.split())
    for question in bank.questions:
        for option in question.options:
            assert option.explanation not in seen
            assert " ".join(option.explanation.split()) not in flat
    for element in page.elements:  # no data-correct or similar marker on any element
        assert not any("correct" in name for name in element.attrs)


HOSTILE = '<script>alert(1)</script> & "quotes"'
HOSTILE_BANK = f'''
id = "hostile"
title = '{HOSTILE}'
kind = "self-check"
intro = '{HOSTILE}'

[prompts]
move = '{HOSTILE}'
signs = "Which signs?"

[[scenarios]]
id = "hostile-scenario"
topic = "salary"
title = '{HOSTILE}'
story = '{HOSTILE}'
best-move = "pause"
signs = []
move-section = "introduction"

''' + EXPLAIN_TOML


def test_bank_text_is_escaped() -> None:
    hostile = quiz.parse_bank(HOSTILE_BANK, "hostile.toml")
    html = render_bank(hostile)
    page = parse(html)
    assert page.all("script") == []
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    form = page.all("form")[0]
    assert form.attrs["aria-label"] == HOSTILE  # the quotes did not end the attribute
    assert "&quot;quotes&quot;" in html
    text = " ".join(page.text)
    assert text.count(HOSTILE) >= 4  # intro, scenario title, story, prompt: shown as text
    legend = page.all("legend")[0]
    assert "".join(legend.text) == HOSTILE
    assert "alert(1)" not in "".join(name for e in page.elements for name in e.attrs)


def test_fence_renders_the_bank(bank: Bank) -> None:
    html = fence("spot-the-signs\n", "quiz", "quiz", {}, None)
    assert html == render_bank(bank)


def test_fence_unknown_bank_stops_the_build() -> None:
    with pytest.raises(SuperFencesException) as info:
        fence("no-such-bank", "quiz", "quiz", {}, None)
    assert "no-such-bank" in str(info.value)


def test_fence_path_as_bank_id_stops_the_build() -> None:
    with pytest.raises(SuperFencesException) as info:
        fence("../quiz/banks/spot-the-signs", "quiz", "quiz", {}, None)
    assert "spot-the-signs" in str(info.value)
