"""Self-check start-up against the stock Pyodide boot, in one run, one browser, one server.

- bare: a blank page whose module worker only calls loadPyodide() on the stock npm
  Pyodide (its full python_stdlib.zip and lock file), copied beside the built site and
  served and cached like the site's own Pyodide;
- (a) a reader who answers at once and presses Check: time from the press to the
  feedback, divided by the bare boot (target <= 0.45);
- (b) the same after reading for 2 s first;
- quiz ready: from starting to load Python to data-state="ready", cold and warm;
- (c) time to ready on a throttled 1.6 Mbps / 150 ms link (Lighthouse's mobile), from
  navigation start, against the bare boot on the same link;
- (d) Python bytes transferred by a quiz page (gzip, as served) against the stock boot's
  (target <= 5.0 MB);
then answer-to-feedback latency once ready; results latency (pressing "See my results" in
a practice round until the results show, target p50 and p95 <= 25 ms, and until the next
round is planned, which comes after); and the Python bytes of pages without a quiz.
Printed, never asserted: the machine is shared and noisy, so runs are interleaved.
"""

from __future__ import annotations

import shutil
import statistics
from collections.abc import Callable
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from harness import LAUNCH_ARGS, built_site, chrome_path, serve
from harness.site import ROOT
from walk_away import pyodide

STOCK_FILES = (*pyodide.FILES, *pyodide.BUILD_FILES)  # stock Pyodide: the whole npm set
SLOW_4G = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8,
           "uploadThroughput": 750e3 / 8}
PYTHON_PATHS = ("/assets/pyodide/", "/assets/quiz/")
BARE_PAGE = """<!doctype html><html lang="en"><meta charset="utf-8"><title>bare</title>
<script type="module">
const t0 = performance.now();
const worker = new Worker("./bare-worker.js", { type: "module" });
worker.onmessage = () => {
  window.readyAt = performance.now();
  window.bootMs = window.readyAt - t0;
};
</script></html>"""
BARE_WORKER = """const base = new URL("../assets/pyodide/stock/", import.meta.url).href;
const { loadPyodide } = await import(base + "pyodide.mjs");
await loadPyodide({ indexURL: base });
postMessage("ready");"""
# Records when the quiz starts loading Python and when it is ready.
STATE_PROBE = """
new MutationObserver(() => {
  const quiz = document.querySelector("[data-quiz]");
  if (!quiz) return;
  window.quizTimes ??= {};
  window.quizTimes[quiz.dataset.state] ??= performance.now();
}).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-state"] });
"""
# Answer the first question and press its Check button: ms until the feedback shows.
ANSWER_AND_CHECK = """async () => {
  const button = document.querySelector("[data-check]");
  const id = button.dataset.check;
  const input = document.querySelector(`input[name="${CSS.escape(id)}"]`);
  input.checked = true;
  input.dispatchEvent(new Event("change", { bubbles: true }));
  const box = document.querySelector(`[data-feedback="${CSS.escape(id)}"]`);
  const shown = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (box.querySelector(".quiz-feedback__verdict")) { observer.disconnect(); resolve(); }
    });
    observer.observe(box, { childList: true, subtree: true });
  });
  const t0 = performance.now();
  button.click();
  await shown;
  return performance.now() - t0;
}"""
FEEDBACK_LOOP = """async () => {
  const times = [];
  for (const button of document.querySelectorAll("[data-check]")) {
    const id = button.dataset.check;
    const input = document.querySelector(`input[name="${CSS.escape(id)}"]`);
    input.checked = true;
    input.dispatchEvent(new Event("change", { bubbles: true }));
    const box = document.querySelector(`[data-feedback="${CSS.escape(id)}"]`);
    const t0 = performance.now();
    const shown = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (box.querySelector(".quiz-feedback__verdict")) { observer.disconnect(); resolve(); }
      });
      observer.observe(box, { childList: true, subtree: true });
    });
    button.click();
    await shown;
    times.push(performance.now() - t0);
  }
  return times;
}"""
# Answer every question of the round, then, `repeats` times, change the first answer and
# press "See my results": ms until the score shows, and until each sign's trend shows (the
# next round planned, after the results).
RESULTS_LOOP = """async (repeats) => {
  const quiz = document.querySelector("[data-quiz][data-rounds]");
  const form = quiz.querySelector("[data-quiz-form]");
  const body = quiz.querySelector("[data-results-body]");
  const fieldsets = [...form.querySelectorAll(".quiz-round fieldset")];
  for (const fieldset of fieldsets) fieldset.querySelector("input").checked = true;
  const first = [...fieldsets[0].querySelectorAll("input")];
  const when = (test) => new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (test()) { observer.disconnect(); resolve(performance.now()); }
    });
    observer.observe(quiz, { childList: true, subtree: true });
  });
  const shown = [], planned = [];
  for (let i = 0; i < repeats; i++) {
    const input = first[(i + 1) % first.length];
    input.checked = true;
    input.dispatchEvent(new Event("change", { bubbles: true }));
    const scored = when(() => body.querySelector(".quiz-results__score"));
    const trends = when(() => body.querySelector("[data-round-trends] h3"));
    const t0 = performance.now();
    form.requestSubmit();
    shown.push((await scored) - t0);
    planned.push((await trends) - t0);
  }
  return { shown, planned };
}"""


def add_bare_page(site: Path) -> None:
    """A blank page whose worker only boots the stock Pyodide, beside the built site.

    The stock files sit in a versioned-looking folder, cached like the site's own.
    """
    stock = site / "assets" / "pyodide" / "stock"
    stock.mkdir(parents=True)
    (site / "bench").mkdir()
    for name in STOCK_FILES:
        shutil.copyfile(ROOT / "node_modules" / "pyodide" / name, stock / name)
    (site / "bench" / "index.html").write_text(BARE_PAGE, encoding="utf-8")
    (site / "bench" / "bare-worker.js").write_text(BARE_WORKER, encoding="utf-8")


def bare_boot(page: Page, url: str) -> float:
    page.goto(url + "bench/")
    page.locator("html").wait_for()
    for _ in range(1200):
        if page.evaluate("window.bootMs"):
            break
        page.wait_for_timeout(100)
    ms: float = page.evaluate("window.bootMs")
    return ms


def quiz_ready(page: Page, url: str) -> float:
    page.goto(url + "self-check/")
    page.locator('[data-quiz][data-state="ready"]').wait_for(timeout=120_000)
    times: dict[str, float] = page.evaluate("window.quizTimes")
    return times["ready"] - times["loading"]


def answer_at_once(page: Page, url: str) -> float:
    page.goto(url + "self-check/", wait_until="domcontentloaded")
    ms: float = page.evaluate(ANSWER_AND_CHECK)
    return ms


def answer_after_reading(page: Page, url: str) -> float:
    page.goto(url + "self-check/", wait_until="domcontentloaded")
    page.wait_for_timeout(2000)
    ms: float = page.evaluate(ANSWER_AND_CHECK)
    return ms


def fresh(browser: Browser, run: Callable[[Page, str], float], url: str) -> float:
    context = browser.new_context()
    context.add_init_script(STATE_PROBE)
    try:
        return run(context.new_page(), url)
    finally:
        context.close()


def measure(browser: Browser, url: str, runs: int) -> dict[str, list[float]]:
    results: dict[str, list[float]] = {k: [] for k in (
        "bare cold", "(a) check at once", "(b) check after 2 s", "quiz ready cold",
        "bare warm", "quiz ready warm")}
    for _ in range(runs):  # interleaved, so drift on a shared machine hits all alike
        results["(a) check at once"].append(fresh(browser, answer_at_once, url))
        results["(b) check after 2 s"].append(fresh(browser, answer_after_reading, url))
        for name, run in (("bare", bare_boot), ("quiz ready", quiz_ready)):
            context = browser.new_context()
            context.add_init_script(STATE_PROBE)
            page = context.new_page()
            results[f"{name} cold"].append(run(page, url))
            results[f"{name} warm"].append(run(page, url))
            context.close()
    return results


def python_bytes(context: BrowserContext) -> Callable[[], int]:
    """Bytes received for Python (compressed, as sent) by the context's pages and workers."""
    sizes: list[int] = []

    def count(request: Any) -> None:
        if any(p in request.url for p in PYTHON_PATHS):
            sizes.append(request.sizes()["responseBodySize"])

    context.on("requestfinished", count)
    return lambda: sum(sizes)


def throttled(browser: Browser, url: str) -> dict[str, float]:
    """Time to ready from navigation start on the slow link, and bytes, quiz and bare."""
    out: dict[str, float] = {}
    for name, path, ready in (("quiz", "self-check/", "window.quizTimes?.ready"),
                              ("bare", "bench/", "window.readyAt")):
        context = browser.new_context()
        context.add_init_script(STATE_PROBE)
        page = context.new_page()
        received = python_bytes(context)
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", SLOW_4G)
        page.goto(url + path, timeout=120_000)
        for _ in range(3000):
            if page.evaluate(ready):
                break
            page.wait_for_timeout(100)
        out[f"{name} ms"] = page.evaluate(ready) or float("nan")
        page.wait_for_load_state("networkidle")
        out[f"{name} bytes"] = received()
        context.close()
    return out


def feedback_latency(browser: Browser, url: str) -> list[float]:
    page = browser.new_page()
    page.goto(url + "self-check/")
    page.wait_for_selector('[data-quiz][data-state="ready"]', timeout=120_000)
    times: list[float] = page.evaluate(FEEDBACK_LOOP)
    page.close()
    return times


def results_latency(browser: Browser, url: str, repeats: int = 30) -> dict[str, list[float]]:
    page = browser.new_page()
    page.goto(url + "self-check/")
    page.wait_for_selector('[data-quiz][data-state="ready"]', timeout=120_000)
    times: dict[str, list[float]] = page.evaluate(RESULTS_LOOP, repeats)
    page.close()
    return times


def python_bytes_without_quiz(browser: Browser, url: str) -> int:
    context = browser.new_context()
    received = python_bytes(context)
    page = context.new_page()
    for path in ("", "guide/", "guide/signs/", "guide/avoiding-unwise-deals/", "resources/",
                 "insights/"):
        page.goto(url + path)
        page.mouse.wheel(0, 10_000)
        page.wait_for_load_state("networkidle")
    context.close()
    return received()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def verdict(ok: bool) -> str:
    return "ok" if ok else "over target"


def report(times: dict[str, list[float]], slow: dict[str, float], feedback: list[float],
           results: dict[str, list[float]], stray: int) -> None:
    median = {k: statistics.median(v) for k, v in times.items()}
    print(f"{'':<22}{'median ms':>10}   runs")
    for name, value in median.items():
        print(f"{name:<22}{value:>10.0f}   {', '.join(f'{t:.0f}' for t in times[name])}")
    bare = median["bare cold"]
    for name in ("(a) check at once", "(b) check after 2 s"):
        ratio = median[name] / bare
        print(f"{name} / stock bare boot: {ratio:.2f}  (target <= 0.45: {verdict(ratio <= 0.45)})")
    for kind in ("cold", "warm"):
        print(f"quiz ready / stock bare boot, {kind}: "
              f"{median[f'quiz ready {kind}'] / median[f'bare {kind}']:.2f}")
    print(f"(c) 1.6 Mbps / 150 ms link, from navigation start: quiz ready {slow['quiz ms']:.0f} ms,"
          f" stock bare boot {slow['bare ms']:.0f} ms")
    print(f"(d) Python bytes (gzip) a quiz page transfers: {slow['quiz bytes'] / 1e6:.2f} MB "
          f"(stock boot {slow['bare bytes'] / 1e6:.2f} MB; target <= 5.0 MB: "
          f"{verdict(slow['quiz bytes'] <= 5.0e6)})")
    p50, p95 = percentile(feedback, 0.5), percentile(feedback, 0.95)
    print(f"answer-to-feedback once ready, over {len(feedback)} questions: p50 {p50:.1f} ms, "
          f"p95 {p95:.1f} ms  (target p95 <= 50 ms: {verdict(p95 <= 50)})")
    p50, p95 = percentile(results["shown"], 0.5), percentile(results["shown"], 0.95)
    ok = p50 <= 25 and p95 <= 25
    print(f"results latency once ready (See my results, a practice round), over "
          f"{len(results['shown'])} presses: p50 {p50:.1f} ms, p95 {p95:.1f} ms  "
          f"(target p50 and p95 <= 25 ms: {verdict(ok)})")
    p50, p95 = percentile(results["planned"], 0.5), percentile(results["planned"], 0.95)
    print(f"  then the next round planned (each sign's trend shown): p50 {p50:.1f} ms, "
          f"p95 {p95:.1f} ms")
    print(f"Python bytes on pages without a quiz (no link pointed at): {stray}  "
          f"(target 0: {verdict(stray == 0)})")


def run(runs: int) -> None:
    with built_site() as (site, port):
        add_bare_page(site)
        with serve(site, port=port, compress=True) as url, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chrome_path(), args=LAUNCH_ARGS)
            times = measure(browser, url, runs)
            slow = throttled(browser, url)
            feedback = feedback_latency(browser, url)
            results = results_latency(browser, url)
            stray = python_bytes_without_quiz(browser, url)
            browser.close()
    report(times, slow, feedback, results, stray)
