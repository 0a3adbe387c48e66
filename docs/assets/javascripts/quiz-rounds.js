// @ts-check
// Practice rounds on a self-check page: one scenario at a time, the round scored on its
// own, each sign's trend across rounds, and the next round chosen by the engine from the
// reader's history. The first round is in the page; later scenarios are cloned from the
// page's <template data-scenario> elements, so the text always comes from the bank.
import { request } from "./quiz-engine.js";
import { history, newSeed } from "./quiz-history.js";
import { el } from "./quiz-view.js";
import { word } from "./quiz-words.js";

/** @typedef {import("./quiz-contract.js").Answers} Answers */
/** @typedef {import("./quiz-contract.js").HistoryEntry} HistoryEntry */
/** @typedef {import("./quiz-contract.js").PlannedRound} PlannedRound */
/** @typedef {import("./quiz-contract.js").Progress} Progress */
/** @typedef {import("./quiz-contract.js").Result} Result */
/** @typedef {import("./quiz-history.js").RoundsState} RoundsState */
/**
 * The reader's rounds while they play: there is always a current round.
 * @typedef {RoundsState & {current: PlannedRound}} Playing
 */
/**
 * A planned next round, with the progress it was planned from.
 * @typedef {{next: PlannedRound, progress: Progress}} Plan
 */
/**
 * What rounds need of their quiz (quiz.js): its box, bank, time limit, and clearing it.
 * @typedef {{root: HTMLElement, bank: string, timeout: number, clearAnswers: () => void}} Host
 */

// The parts of a round the build always renders (quiz/self_check.py) are looked up with a
// type cast: the markup guarantees them, as it did before the scripts were typed.
export class Rounds {
  /** @param {Host} quiz */
  constructor(quiz) {
    this.quiz = quiz;
    this.root = quiz.root;
    this.box = /** @type {HTMLElement} */ (this.root.querySelector(".quiz-round"));
    this.progressLine = /** @type {HTMLElement} */ (
      this.root.querySelector("[data-round-progress]"));
    /** @type {NodeListOf<HTMLElement>} */
    const first = this.box.querySelectorAll("section[data-scenario]");
    /** @type {Map<string, HTMLElement>} */
    this.sections = new Map([...first]
      .map((section) => [String(section.dataset.scenario), section]));
    this.firstIds = [...this.sections.keys()];
    // The build writes the bank's hash on every quiz (quiz/render.py).
    this.history = history(quiz.bank, /** @type {string} */ (this.root.dataset.bankHash));
    const saved = this.history.load();
    this.generation = 0; // counts changes to the history, so a late plan can tell
    /** @type {Promise<Plan | null> | null} */
    this.planning = null; // the next round's plan under way, if any
    const current = saved.current && this.build(saved.current.ids)
      ? saved.current : { ids: this.firstIds, seed: 0 };
    /** @type {Playing} */
    this.state = { ...saved, current };
    this.show(this.state.current.index ?? 0, { focus: false });
    this.root.addEventListener("click", (event) =>
      this.clicked(/** @type {Element} */ (event.target).closest("button")));
  }

  /**
   * "Scenario 3 of 7": the page's word "round.place" (quiz/wording.py).
   * @param {number} n @param {number} total
   */
  place(n, total) {
    return word("round.place", { n, total });
  }

  get ids() {
    return this.state.current.ids;
  }

  save() {
    this.history.save(this.state);
  }

  /**
   * Put a round's scenarios in the page, in order; false if one is not in this bank.
   * @param {string[]} ids
   */
  build(ids) {
    const sections = ids.map((id) => this.section(id));
    if (!sections.length || !sections.every(
      /** @returns {s is HTMLElement} */ (s) => Boolean(s))) return false;
    sections.forEach((section, n) => {
      /** @type {Element} */ (section.querySelector(".quiz-scenario__number")).textContent =
        `${this.place(n + 1, sections.length)}:`;
    });
    this.box.replaceChildren(...sections);
    return true;
  }

  /**
   * A scenario's section: in the page, or cloned from its template; null if none.
   * @param {string} id @returns {HTMLElement | null | undefined}
   */
  section(id) {
    if (!this.sections.has(id)) {
      /** @type {NodeListOf<HTMLTemplateElement>} */
      const templates = this.root.querySelectorAll("template[data-scenario]");
      const template = [...templates].find((t) => t.dataset.scenario === id);
      const section = /** @type {HTMLElement | undefined} */ (
        template?.content.firstElementChild?.cloneNode(true));
      if (!section) return null;
      this.sections.set(id, section);
    }
    return this.sections.get(id);
  }

  /** @param {number} index @param {{focus: boolean}} options */
  show(index, { focus }) {
    const sections = [...this.box.children];
    const at = Math.min(Math.max(0, Number(index) || 0), sections.length - 1);
    sections.forEach((section, n) => section.toggleAttribute("data-current", n === at));
    this.progressLine.textContent = this.place(at + 1, sections.length);
    /** @type {HTMLButtonElement} */ (this.root.querySelector('[data-action="previous"]'))
      .disabled = at === 0;
    /** @type {HTMLButtonElement} */ (this.root.querySelector('[data-action="next"]'))
      .disabled = at === sections.length - 1;
    this.state.current.index = at;
    this.save();
    if (focus) /** @type {HTMLElement} */ (sections[at].querySelector("h2")).focus();
  }

  /** @param {HTMLButtonElement | null} button */
  clicked(button) {
    if (!button) return;
    const action = button.dataset.action;
    const at = this.state.current.index ?? 0;
    if (action === "next") this.show(at + 1, { focus: true });
    else if (action === "previous") this.show(at - 1, { focus: true });
    else if (action === "next-round") this.nextRound(button);
    else if (action === "clear-history") this.clear(button);
  }

  /**
   * The engine's next round for the history so far, with a fresh seed for its ties.
   * @returns {Promise<Plan>}
   */
  async plan() {
    const seed = newSeed();
    const reply = await request({ type: "next-round", bank: this.quiz.bank,
      history: this.state.entries, seed }, this.quiz.timeout);
    return { next: { ids: reply.round, seed }, progress: reply.progress };
  }

  /**
   * Score this round alone and keep it in the history. The next round is planned after
   * the results are shown (planNext), so the reader never waits for it.
   * @param {Answers} answers @returns {Promise<Result>}
   */
  async finish(answers) {
    const scored = await request({ type: "score", bank: this.quiz.bank, answers,
      round: this.ids }, this.quiz.timeout);
    const current = this.state.current;
    // Seeing the results again after changing an answer replaces this round's entry.
    if (current.recorded) this.state.entries.pop();
    // A score with a round always carries its history entry (quiz/bridge.py).
    this.state.entries.push(/** @type {HistoryEntry} */ (scored.entry));
    current.recorded = true;
    this.state.next = null; // planned from the history before this round: out of date
    this.state.progress = null;
    this.forget();
    this.save();
    return scored.result;
  }

  /** Whether the next round (and the progress shown with it) fits the history so far. */
  planned() {
    return Boolean(this.state.next && this.state.progress);
  }

  /**
   * Plan the next round from the history so far, once; show each sign's trend when it
   * arrives. Resolves with the plan, or null when the history changed meanwhile.
   * @returns {Promise<Plan | null>}
   */
  planNext() {
    if (!this.planning) {
      const generation = this.generation;
      this.planning = this.plan().then((planned) => {
        if (this.generation !== generation) return null; // the history changed meanwhile
        ({ next: this.state.next, progress: this.state.progress } = planned);
        this.save();
        this.showProgress();
        return planned;
      });
      this.planning.catch(() => { this.planning = null; }); // asked again when needed
    }
    return this.planning;
  }

  /** The history changed: a plan under way no longer fits it. */
  forget() {
    this.generation = this.generation + 1;
    this.planning = null;
  }

  /** Each sign's trend in the results, in the box resultsExtra() left for it. */
  showProgress() {
    const box = this.root.querySelector("[data-round-trends]");
    const progress = this.state.progress;
    if (box && progress && typeof progress === "object") {
      box.replaceChildren(...progressView(progress));
    }
  }

  /** What the results add in rounds: each sign's trend, mastery, and the next round. */
  resultsExtra() {
    const trends = el("div", { class: "quiz-trends", "data-round-trends": "" });
    const progress = this.state.progress;
    if (progress && typeof progress === "object") trends.append(...progressView(progress));
    return [
      trends,
      el("button", { type: "button", class: "md-button md-button--primary",
        "data-action": "next-round", text: word("action.next-round") }),
      el("button", { type: "button", class: "md-button", "data-action": "clear-history",
        text: word("action.clear-history") }),
      el("p", { class: "quiz-round__note", "data-round-note": "" })];
  }

  /** @param {HTMLButtonElement} button */
  async nextRound(button) {
    let next = this.state.next;
    if (!next || !this.build(next.ids)) {
      button.disabled = true;
      try {
        next = (await this.planNext())?.next ?? (await this.plan()).next;
      } catch {
        this.note(word("round.unavailable"));
        button.disabled = false;
        return;
      }
      if (!this.build(next.ids)) return;
    }
    this.state.current = { ids: next.ids, seed: next.seed };
    this.state.next = null;
    this.quiz.clearAnswers();
    this.show(0, { focus: true });
  }

  /** @param {HTMLButtonElement} button */
  clear(button) {
    const count = this.state.entries.length;
    this.state = { ...this.history.clear(), current: this.state.current };
    this.state.current.recorded = false;
    this.forget();
    this.save();
    this.root.querySelector("[data-round-trends]")?.remove();
    this.note(word("round.history-cleared", { count }));
    button.disabled = true;
  }

  /** @param {string} text */
  note(text) {
    this.root.querySelector("[data-round-note]")?.replaceChildren(text);
  }
}

/** @param {unknown} value */
const text = (value) => (typeof value === "string" ? value : "");

/**
 * The engine's progress, laid out; it may come from storage, so each piece is checked.
 * @param {Progress} progress
 */
function progressView(progress) {
  const box = [el("h3", { text: word("round.trends") })];
  const list = el("ul", { class: "quiz-trends__list" });
  for (const sign of Object.values(progress.signs ?? {})) {
    if (!text(sign?.text)) continue;
    list.append(el("li", { "data-mastered": String(sign.mastered === true),
      "data-sign": text(sign.id), text: sign.text }));
  }
  box.push(list);
  if (text(progress.mastery?.text)) box.push(el("p", { text: progress.mastery.text }));
  if (text(progress.text)) box.push(el("p", { class: "quiz-trends__summary",
    text: progress.text }));
  return box;
}
