"""Accessibility and policy in the browser: axe-core on every page and quiz state, in
both colour schemes at phone and desktop widths; no CSP violation; keyboard focus."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

import quiz
from harness import serve
from tests.support.quiz_page import with_load_timeout
from tests.support.rounds_page import FIRST, answer_round, questions
from tests.support.site import page_paths

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
READY = 60_000
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
# Records every CSP violation on the page, before any of its scripts run.
CSP_PROBE = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation",
  (e) => window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
"""


def axe_violations(page: Page) -> list[str]:
    # Colours are measured once settled: a control just clicked is still fading (0.125 s)
    # between its hover and its resting colours, which is neither state a reader reads.
    page.wait_for_function("() => document.getAnimations().every((a) => "
                           "!(a instanceof CSSTransition) || a.playState !== 'running')")
    # Served from the page's own origin: the site's CSP rightly refuses inline scripts.
    page.route("**/__axe.js", lambda route: route.fulfill(path=str(AXE),
                                                          content_type="text/javascript"))
    page.add_script_tag(url="/__axe.js")
    found: list[dict[str, Any]] = page.evaluate("async () => (await axe.run()).violations")
    return [f"{page.url} {v['id']}: {[n['target'] for n in v['nodes']]}" for v in found]


def csp_violations(page: Page) -> list[str]:
    found: list[str] = page.evaluate("window.cspViolations")
    return found


@pytest.fixture(params=[(s, v) for s in ("light", "dark") for v in VIEWPORTS],
                ids=lambda p: f"{p[0]}-{p[1]}")
def view(request: pytest.FixtureRequest, browser: Browser) -> Iterator[BrowserContext]:
    scheme, viewport = request.param
    context = browser.new_context(color_scheme=scheme, viewport=VIEWPORTS[viewport])
    context.add_init_script(CSP_PROBE)
    yield context
    context.close()


def test_every_page_has_no_violations(view: BrowserContext, site_dir: Path, site_url: str
                                      ) -> None:
    page = view.new_page()
    problems = []
    for path in page_paths(site_dir):
        page.goto(site_url + path, wait_until="networkidle")
        problems += axe_violations(page) + csp_violations(page)
    assert problems == []


def answer_all(page: Page, bank: quiz.Bank) -> None:
    if bank.kind == "self-check":  # the round on the page, one scenario at a time
        answer_round(page, {q.id: [q.options[0].id] for sid in FIRST for q in questions(sid)})
        return
    for question in bank.questions:
        page.locator(f'input[name="{question.id}"]').first.check()


def test_quiz_states_have_no_violations(view: BrowserContext, site_url: str) -> None:
    page = view.new_page()
    problems = []
    for bank_id in ("spot-the-signs", "my-negotiation"):
        bank = quiz.load_bank(bank_id)
        page.goto(f"{site_url}{'self-check' if bank.kind == 'self-check' else bank_id}/")
        root = page.locator(f'[data-quiz="{bank_id}"]')
        expect(root).to_have_attribute("data-state", "ready", timeout=READY)
        answer_all(page, bank)
        if bank.kind == "self-check":
            for question in questions(FIRST[-1]):  # the scenario answer_all ends on
                page.locator(f'[data-check="{question.id}"]').click()
                verdict = f'[data-feedback="{question.id}"] .quiz-feedback__verdict'
                expect(page.locator(verdict)).to_be_visible()
            problems += axe_violations(page)
        page.locator("[data-quiz-form] button[type=submit]").click()
        expect(page.locator("[data-quiz-results]")).to_be_visible()
        expect(page.locator("[data-results-body] h3").first).to_be_visible()
        problems += axe_violations(page) + csp_violations(page)
        if bank.kind == "self-check":  # a round's results, then the next round
            expect(page.locator("[data-round-trends]")).to_be_visible()
            page.get_by_role("button", name="Practise my weak signs").click()
            expect(page.locator("[data-quiz-results]")).to_be_hidden()
            problems += axe_violations(page)
        else:
            page.locator('[data-quiz-results] [data-action="start-over"]').click()
    assert problems == []


def test_failed_state_has_no_violations(browser: Browser, site_dir: Path) -> None:
    context = browser.new_context()
    page = context.new_page()
    with serve(site_dir, missing=frozenset({"pyodide.asm.wasm"})) as url:
        page.route(re.compile(r"self-check/$"), with_load_timeout(8000))
        page.goto(url + "self-check/")
        expect(page.locator("[data-quiz]")).to_have_attribute("data-state", "failed",
                                                               timeout=30_000)
        assert axe_violations(page) == []
    context.close()


def test_every_control_is_reachable_and_shows_focus(page: Page, site_url: str) -> None:
    page.goto(site_url + "self-check/")
    unseen = []
    for _ in range(60):
        page.keyboard.press("Tab")
        state = page.evaluate("""() => {
          // A visually hidden input shows its focus on the label after it (Material's
          // palette toggle) or on its own label.
          const input = document.activeElement;
          const label = [input.nextElementSibling, ...(input.labels ?? [])]
            .find((l) => l?.tagName === "LABEL" && l.getClientRects().length);
          const el = input.getClientRects().length && input.getBoundingClientRect().width > 1
            ? input : label ?? input;
          const box = el.getBoundingClientRect();
          const style = getComputedStyle(el);
          const ring = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0
            || style.boxShadow !== "none" || style.textDecorationLine.includes("underline");
          return { what: el.outerHTML.slice(0, 80), visible: box.width > 0 && box.height > 0,
                   inView: box.bottom > 0 && box.top < innerHeight, ring };
        }""")
        # Past the last control focus leaves the page through <body>, then wraps round.
        wrapped = state["what"].startswith("<body")
        if not wrapped and not (state["visible"] and state["inView"] and state["ring"]):
            unseen.append(state)
    assert unseen == []


def test_reduced_motion_is_honoured(browser: Browser, site_url: str) -> None:
    context = browser.new_context(reduced_motion="reduce")
    page = context.new_page()
    page.goto(site_url + "guide/signs/")
    durations = page.evaluate("""() => [...document.querySelectorAll("*")].flatMap((el) => {
        const s = getComputedStyle(el);
        return [s.transitionDuration, s.animationDuration];
      }).flatMap((d) => d.split(", ")).map(parseFloat)""")
    smooth = page.evaluate("getComputedStyle(document.documentElement).scrollBehavior")
    context.close()
    assert max(durations) <= 0.01 and smooth != "smooth"
