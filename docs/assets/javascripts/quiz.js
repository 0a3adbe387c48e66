// @ts-check
// The self-check on a page: answers are saved as the reader goes, Python loads in a
// worker once the quiz is near or touched (or early, when the reader points at or
// focuses a link to a page with a quiz), and checks/results come from the engine.
// Runs on every page (instant navigation swaps pages without reloading this module).
import { STALL_MS } from "./quiz-contract.js";
import { EngineError, onProgress, request, start, warm } from "./quiz-engine.js";
import { Rounds } from "./quiz-rounds.js";
import { layoutOf } from "./quiz-saved.js";
import { store } from "./quiz-store.js";
import { el, feedbackView, outcomeView } from "./quiz-view.js";
import { Failure, word } from "./quiz-words.js";

/** @typedef {import("./quiz-contract.js").Answers} Answers */
/** @typedef {import("./quiz-contract.js").QuestionResult} QuestionResult */
/** @typedef {import("./quiz-contract.js").Result} Result */
/** @typedef {import("./quiz-worker.js").Progress} Progress */
/** @typedef {import("./quiz-store.js").QuizState} QuizState */

const PROGRESS_EVERY_MS = 2000; // status updates while downloading (a live region: not too often)
// The status line's words in each state (quiz/wording.py); idle shows nothing.
/** @type {Record<string, string>} */
const STATUS = { idle: "", loading: "status.loading", ready: "status.ready" };
/** @param {string | undefined} state (the quiz's data-state; none before it loads) */
const status = (state) => (state && STATUS[state] ? word(STATUS[state]) : "");

/**
 * Where Python's start-up has got: downloading (with how far) or starting.
 * @param {Progress} update @returns {{downloading: boolean, text: string}}
 */
function progressText(update) {
  if (update.phase !== "download" || update.loaded >= update.total) {
    return { downloading: false, text: word("status.starting") };
  }
  const { loaded, total, download } = update;
  return { downloading: true, text: word("status.downloading", {
    size: (download / 1e6).toFixed(1), percent: Math.floor((100 * loaded) / total) }) };
}

/** The form's answers, in the engine's shape. @param {HTMLFormElement} form @returns {Answers} */
function readAnswers(form) {
  /** @type {Answers} */
  const answers = {};
  /** @type {NodeListOf<HTMLInputElement>} */
  const checked = form.querySelectorAll("input:checked");
  for (const input of checked) {
    (answers[input.name] ??= []).push(input.value);
  }
  return answers;
}

/** @param {HTMLFormElement} form @param {Answers} answers */
function writeAnswers(form, answers) {
  for (const input of form.querySelectorAll("input")) {
    input.checked = Object.hasOwn(answers, input.name) &&
      answers[input.name].includes(input.value);
  }
}

// The parts of a quiz the build always renders (quiz/render.py) are looked up with a
// type cast: the markup guarantees them, as it did before the scripts were typed.
class Quiz {
  /** @param {HTMLElement} root a quiz's box: it has data-quiz (setup() selects on it) */
  constructor(root) {
    this.root = root;
    this.bank = /** @type {string} */ (root.dataset.quiz);
    this.form = /** @type {HTMLFormElement} */ (root.querySelector("[data-quiz-form]"));
    this.status = /** @type {HTMLElement} */ (root.querySelector("[data-quiz-status]"));
    this.results = /** @type {HTMLElement} */ (root.querySelector("[data-quiz-results]"));
    // A bank with rounds shows one round, one scenario at a time (quiz-rounds.js); it
    // puts the reader's current round in the form before saved answers are matched to it.
    this.rounds = "rounds" in root.dataset ? new Rounds(this) : null;
    this.store = store(this.bank, root.dataset.bankHash ?? "", layoutOf(this.form));
    const { recheck, rescore, ...state } = this.store.load();
    /** @type {QuizState} */
    this.state = state;
    this.stale = new Set(recheck); // checked before, but the saved feedback is gone
    this.staleResults = rescore;
    // No downloaded bytes for this long: the download has stopped (quiz/contract.py).
    this.timeout = Number(root.dataset.timeout) || STALL_MS;
    this.restore();
    this.listen();
  }

  restore() {
    writeAnswers(this.form, this.state.answers);
    for (const [id, feedback] of Object.entries(this.state.feedback)) {
      try {
        this.showFeedback(id, feedback);
      } catch { // quiz-saved.js checked its shape; should a view still fail, work it out again
        delete this.state.feedback[id];
        this.feedbackBox(id)?.replaceChildren();
        this.stale.add(id);
      }
    }
    try {
      if (this.state.results) this.showResults(this.state.results, { focus: false });
    } catch {
      this.hideResults();
      this.staleResults = true;
    }
    // Results kept from a visit that left before the next round was planned: plan it now.
    const rounds = this.rounds;
    if (this.state.results && !this.staleResults && rounds && !rounds.planned()) {
      whenReady(this.root, () => rounds.planNext());
    }
    if (this.stale.size || this.staleResults) whenReady(this.root, () => this.rescore());
  }

  /** Work out again, from the current answers, what the reader had seen before. */
  async rescore() {
    try {
      const result = await this.scored({ round: this.staleResults });
      // Answers changed while Python worked have left `stale` and cleared `staleResults`.
      for (const id of this.stale) {
        const feedback = feedbackIn(result, id);
        if (!feedback) continue;
        this.state.feedback[id] = feedback;
        this.showFeedback(id, feedback);
      }
      if (this.staleResults) {
        this.state.results = result;
        this.showResults(result, { focus: false });
      }
      this.store.save(this.state);
      if (this.staleResults) this.rounds?.planNext();
    } catch {
      // Nothing was asked for yet: a problem shows when the reader checks or scores.
    } finally {
      this.stale.clear();
      this.staleResults = false;
    }
  }

  listen() {
    const load = () => this.load();
    // Near the viewport: start once the page has finished its own start-up work.
    const whenIdle = () => ("requestIdleCallback" in window
      ? requestIdleCallback(load, { timeout: 1500 }) : setTimeout(load));
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) observer.disconnect(), whenIdle();
    }, { rootMargin: "300px" });
    observer.observe(this.root);
    this.root.addEventListener("focusin", load, { once: true });
    this.root.addEventListener("pointerdown", load, { once: true });
    // The form's controls that change are its inputs.
    this.form.addEventListener("change", (event) =>
      this.changed(/** @type {HTMLInputElement} */ (event.target)));
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.seeResults();
    });
    this.root.addEventListener("click", (event) => {
      const button = /** @type {Element} */ (event.target).closest("button");
      if (!button) return;
      if (button.dataset.check) this.check(button.dataset.check);
      else if (button.dataset.action === "start-over") this.startOver();
      else if (button.dataset.action === "retry") this.load({ retry: true });
      else if (button.dataset.action === "print") window.print();
    });
  }

  /** @param {string} state @param {string} [text] */
  setState(state, text = status(state)) {
    this.root.dataset.state = state;
    this.status.replaceChildren(text);
  }

  /** @param {{retry?: boolean}} [options] */
  async load({ retry = false } = {}) {
    if (this.root.dataset.state === "ready" || this.root.dataset.state === "loading") return;
    if (this.root.dataset.state === "failed" && !retry) return;
    this.setState("loading");
    let shown = -Infinity;
    let last = { downloading: false, text: "" };
    const stop = onProgress((update) => {
      const now = progressText(update);
      const soon = now.downloading && performance.now() - shown < PROGRESS_EVERY_MS;
      if (now.text === last.text || (soon && last.downloading)) return;
      [shown, last] = [performance.now(), now];
      this.setState("loading", `${status("loading")} ${now.text}`);
    });
    try {
      await start(this.bank, this.timeout);
      this.setState("ready");
    } catch (error) {
      this.failed(error);
    } finally {
      stop();
    }
  }

  /** @param {unknown} error */
  failed(error) {
    this.root.dataset.state = "failed";
    // A failure the page scripts name carries its word (error.word, error.values); one from
    // Pyodide or Python itself is shown as it came.
    const reason = (error instanceof Failure ? word(error.word, error.values)
      : String((error instanceof Error && error.message) || word("status.unknown")))
      .slice(0, 160);
    this.status.replaceChildren(
      el("span", { text: `${word("status.failed", { reason })} ` }),
      el("button", { type: "button", class: "md-button", "data-action": "retry",
        text: word("action.retry") }));
  }

  /** @param {HTMLInputElement} input */
  changed(input) {
    if (input.type === "checkbox" && input.checked) {
      // An exclusive option ("None of these") and the others exclude each other.
      /** @type {NodeListOf<HTMLInputElement>} */
      const others = this.form.querySelectorAll(`input[name="${CSS.escape(input.name)}"]`);
      for (const other of others) {
        if (other !== input && ("exclusive" in input.dataset || "exclusive" in other.dataset)) {
          other.checked = false;
        }
      }
    }
    this.state.answers = readAnswers(this.form);
    this.stale.delete(input.name);
    delete this.state.feedback[input.name]; // the old feedback no longer fits the answer
    this.feedbackBox(input.name)?.replaceChildren();
    this.hideResults();
    this.store.save(this.state);
  }

  /** @param {string} id */
  feedbackBox(id) {
    return this.root.querySelector(`[data-feedback="${CSS.escape(id)}"]`);
  }

  /** @param {string} id @param {QuestionResult} feedback */
  showFeedback(id, feedback) {
    this.feedbackBox(id)?.replaceChildren(feedbackView(feedback));
  }

  /**
   * The engine's result for the current answers (with `round`, this practice round's).
   * @param {{round?: boolean}} [options] @returns {Promise<Result>}
   */
  async scored({ round = false } = {}) {
    if (this.root.dataset.state === "failed") throw new Error("unavailable");
    this.load();
    if (round && this.rounds) return this.rounds.finish(readAnswers(this.form));
    const reply = await request({ type: "score", bank: this.bank,
      answers: readAnswers(this.form) }, this.timeout);
    return reply.result;
  }

  /** @param {string} id */
  async check(id) {
    // Every Check button has its feedback box (quiz/html.py).
    const box = /** @type {Element} */ (this.feedbackBox(id));
    if (!readAnswers(this.form)[id]) {
      box.replaceChildren(el("p", { text: word("check.choose") }));
      return;
    }
    box.replaceChildren(el("p", { text: word("check.busy") }));
    try {
      const result = await this.scored();
      // A question's Check is only on a self-check, whose result has its feedback.
      const feedback = /** @type {QuestionResult} */ (feedbackIn(result, id));
      this.state.feedback[id] = feedback;
      this.showFeedback(id, feedback);
      this.store.save(this.state);
    } catch (error) {
      if (error instanceof EngineError) return box.replaceChildren(engineProblem(error));
      box.replaceChildren(el("p", { text: word("check.unavailable") }));
      if (this.root.dataset.state !== "failed") this.failed(error);
    }
  }

  async seeResults() {
    const body = /** @type {Element} */ (this.results.querySelector("[data-results-body]"));
    this.results.hidden = false;
    body.replaceChildren(el("p", { text: word("results.busy") }));
    /** @type {Result} */
    let result;
    try {
      result = await this.scored({ round: true });
    } catch (error) {
      if (error instanceof EngineError) return body.replaceChildren(engineProblem(error));
      body.replaceChildren(el("p", { text: word("results.unavailable") }));
      if (this.root.dataset.state !== "failed") this.failed(error);
      return;
    }
    // Results first: shown as soon as the round is scored; the next round is planned after.
    this.state.results = result;
    this.showResults(result, { focus: true });
    this.store.save(this.state);
    this.rounds?.planNext();
  }

  /** @param {Result} result @param {{focus: boolean}} options */
  showResults(result, { focus }) {
    // What the engine decided, as data on the quiz (for styles and tests).
    if ("recommendation" in result) this.root.dataset.recommendation = result.recommendation;
    if ("score" in result) {
      this.root.dataset.score = String(result.score);
      this.root.dataset.maxScore = String(result.max_score);
    }
    const again = el("button", { type: "button", class: "md-button", "data-action": "start-over",
      text: word("action.start-over") });
    const view = outcomeView(result);
    const extra = this.rounds ? this.rounds.resultsExtra() : [again];
    /** @type {Element} */ (this.results.querySelector("[data-results-body]"))
      .replaceChildren(view, ...extra);
    this.results.hidden = false;
    if (focus) /** @type {HTMLElement} */ (this.results.querySelector("h2")).focus();
  }

  hideResults() {
    this.staleResults = false;
    if (!this.state.results && this.results.hidden) return;
    this.state.results = null;
    this.results.hidden = true;
    delete this.root.dataset.score;
    delete this.root.dataset.maxScore;
    delete this.root.dataset.recommendation;
  }

  clearAnswers() {
    this.state = this.store.clear();
    this.stale.clear();
    writeAnswers(this.form, {});
    this.root.querySelectorAll("[data-feedback]").forEach((box) => box.replaceChildren());
    this.hideResults();
  }

  startOver() {
    this.clearAnswers();
    this.form.querySelector("input")?.focus();
    if (this.root.dataset.state !== "failed") {
      this.status.replaceChildren(`${status(this.root.dataset.state)} ${word("status.cleared")}`
        .trim());
    }
  }
}

/**
 * One question's feedback in a result, if it has any (an assessment's result has none).
 * @param {Result} result @param {string} id @returns {QuestionResult | undefined}
 */
function feedbackIn(result, id) {
  return "questions" in result ? result.questions[id] : undefined;
}

/**
 * The engine's own words on answers it could not score; Python itself is fine.
 * @param {EngineError} error
 */
function engineProblem(error) {
  const reason = error.message.slice(0, 300).replace(/\.$/, "");
  return el("p", { class: "quiz-problem", text: word("results.refused", { reason }) });
}

/**
 * Run `callback` once the quiz's Python is ready (now, or when it gets there).
 * @param {HTMLElement} root @param {() => void} callback
 */
function whenReady(root, callback) {
  if (root.dataset.state === "ready") return void callback();
  const observer = new MutationObserver(() => {
    if (root.dataset.state !== "ready") return;
    observer.disconnect();
    callback();
  });
  observer.observe(root, { attributes: true, attributeFilter: ["data-state"] });
}

function setup() {
  /** @type {NodeListOf<HTMLElement>} */
  const quizzes = document.querySelectorAll("[data-quiz]:not([data-bound])");
  for (const root of quizzes) {
    root.dataset.bound = "";
    new Quiz(root);
  }
}

// Links to pages with a quiz carry data-quiz-link (overrides/walk_away/quiz_links.py).
for (const type of ["pointerover", "focusin"]) {
  document.addEventListener(type, (event) => {
    // Only elements have closest(); the document or the window may be a target too.
    if (event.target instanceof Element && event.target.closest("a[data-quiz-link]")) warm();
  }, { passive: true });
}

// Material's instant navigation announces each new page on document$ (an RxJS subject).
/** @typedef {{subscribe: (next: () => void) => unknown}} Pages Material's document$ */
const { document$ } = /** @type {Window & {document$?: Pages}} */ (window);
if (document$) document$.subscribe(setup);
else setup();
