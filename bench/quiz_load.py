"""Self-check load and feedback, against bare Pyodide in the same run.

In one browser, against one local server and the same files:
- bare: a blank page whose module worker only calls loadPyodide();
- quiz: the self-check page, from the moment it starts loading Python (it starts when
  the quiz comes near the viewport or is touched) to data-state="ready";
each cold (empty cache) and warm (reload). Then answer-to-feedback latency for every
question, and the bytes of Pyodide fetched by pages without a quiz.
Targets: quiz-ready <= 1.10 x bare; feedback p95 <= 50 ms; 0 bytes without a quiz.
"""

from __future__ import annotations

import statistics
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Page, sync_playwright

from bench.site import built_site, chrome
from tests.support.server import serve

BARE_PAGE = """<!doctype html><html lang="en"><meta charset="utf-8"><title>bare</title>
<script type="module">
const t0 = performance.now();
const worker = new Worker("./bare-worker.js", { type: "module" });
worker.onmessage = () => { window.bootMs = performance.now() - t0; };
</script></html>"""
BARE_WORKER = """const base = new URL("./{pyodide}", import.meta.url).href;
const {{ loadPyodide }} = await import(base + "pyodide.mjs");
await loadPyodide({{ indexURL: base }});
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


def add_bare_page(site: Path) -> None:
    """A blank page whose worker only boots Pyodide, beside the built site."""
    pyodide = next((site / "assets" / "pyodide").iterdir()).relative_to(site)
    (site / "bench").mkdir()
    (site / "bench" / "index.html").write_text(BARE_PAGE, encoding="utf-8")
    worker = BARE_WORKER.format(pyodide=f"../{pyodide.as_posix()}/")
    (site / "bench" / "bare-worker.js").write_text(worker, encoding="utf-8")


def bare_boot(page: Page, url: str) -> float:
    page.goto(url + "bench/")
    page.wait_for_function("window.bootMs", timeout=120_000)
    ms: float = page.evaluate("window.bootMs")
    return ms


def quiz_ready(page: Page, url: str) -> float:
    page.goto(url + "self-check/")
    page.locator('[data-quiz][data-state="ready"]').wait_for(timeout=120_000)
    times: dict[str, float] = page.evaluate("window.quizTimes")
    return times["ready"] - times["loading"]


def measure(browser: Browser, url: str, runs: int) -> dict[str, list[float]]:
    results: dict[str, list[float]] = {k: [] for k in ("bare cold", "quiz cold", "bare warm",
                                                      "quiz warm")}
    for _ in range(runs):  # interleaved, so drift on a shared machine hits both alike
        for name, run in (("bare", bare_boot), ("quiz", quiz_ready)):
            context = browser.new_context()
            context.add_init_script(STATE_PROBE)
            page = context.new_page()
            results[f"{name} cold"].append(run(page, url))
            results[f"{name} warm"].append(run(page, url))
            context.close()
    return results


def feedback_latency(browser: Browser, url: str) -> list[float]:
    page = browser.new_page()
    page.goto(url + "self-check/")
    page.wait_for_selector('[data-quiz][data-state="ready"]', timeout=120_000)
    times: list[float] = page.evaluate(FEEDBACK_LOOP)
    page.close()
    return times


def pyodide_bytes_without_quiz(browser: Browser, url: str) -> int:
    page = browser.new_page()
    sizes: list[int] = []

    def count(response: Any) -> None:
        if "/assets/pyodide/" in response.url or "/assets/quiz/" in response.url:
            sizes.append(len(response.body()))

    page.on("response", count)
    for path in ("", "guide/", "guide/signs/", "guide/avoiding-unwise-deals/", "resources/",
                 "insights/"):
        page.goto(url + path)
        page.mouse.wheel(0, 10_000)
        page.wait_for_load_state("networkidle")
    page.close()
    return sum(sizes)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def report(times: dict[str, list[float]], feedback: list[float], stray: int) -> None:
    median = {k: statistics.median(v) for k, v in times.items()}
    print(f"{'':<12}{'median ms':>10}   runs")
    for name, value in median.items():
        print(f"{name:<12}{value:>10.0f}   {', '.join(f'{t:.0f}' for t in times[name])}")
    for kind in ("cold", "warm"):
        ratio = median[f"quiz {kind}"] / median[f"bare {kind}"]
        verdict = "ok" if ratio <= 1.10 else "over target"
        print(f"quiz-ready / bare boot, {kind}: {ratio:.2f}x  (target <= 1.10: {verdict})")
    p50, p95 = percentile(feedback, 0.5), percentile(feedback, 0.95)
    print(f"answer-to-feedback over {len(feedback)} questions: p50 {p50:.1f} ms, "
          f"p95 {p95:.1f} ms  (target p95 <= 50 ms: {'ok' if p95 <= 50 else 'over target'})")
    print(f"Pyodide bytes on pages without a quiz: {stray}  (target 0: "
          f"{'ok' if stray == 0 else 'over target'})")


def run(runs: int) -> None:
    with built_site() as (site, port):
        add_bare_page(site)
        with serve(site, port=port, compress=True) as url, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chrome(), args=[
                "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            times = measure(browser, url, runs)
            feedback = feedback_latency(browser, url)
            stray = pyodide_bytes_without_quiz(browser, url)
            browser.close()
    report(times, feedback, stray)
