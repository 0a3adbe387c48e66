// Practice rounds on a self-check page: one scenario at a time, the round scored on its
// own, each sign's trend across rounds, and the next round chosen by the engine from the
// reader's history. The first round is in the page; later scenarios are cloned from the
// page's <template data-scenario> elements, so the text always comes from the bank.
import { request } from "./quiz-engine.js";
import { history, newSeed } from "./quiz-history.js";
import { el } from "./quiz-view.js";
import { word } from "./quiz-words.js";

export class Rounds {
  constructor(quiz) {
    this.quiz = quiz;
    this.root = quiz.root;
    this.box = this.root.querySelector(".quiz-round");
    this.progressLine = this.root.querySelector("[data-round-progress]");
    this.sections = new Map([...this.box.querySelectorAll("section[data-scenario]")]
      .map((section) => [section.dataset.scenario, section]));
    this.firstIds = [...this.sections.keys()];
    this.history = history(quiz.bank, this.root.dataset.bankHash);
    this.state = this.history.load();
    this.generation = 0; // counts changes to the history, so a late plan can tell
    this.planning = null; // the next round's plan under way (a Promise), if any
    const current = this.state.current;
    if (!current || !this.build(current.ids)) this.state.current = { ids: this.firstIds, seed: 0 };
    this.show(this.state.current.index ?? 0, { focus: false });
    this.root.addEventListener("click", (event) => this.clicked(event.target.closest("button")));
  }

  /** "Scenario 3 of 7": the page's word "round.place" (quiz/wording.py). */
  place(n, total) {
    return word("round.place", { n, total });
  }

  get ids() {
    return this.state.current.ids;
  }

  save() {
    this.history.save(this.state);
  }

  /** Put a round's scenarios in the page, in order; false if one is not in this bank. */
  build(ids) {
    const sections = ids.map((id) => this.section(id));
    if (!sections.length || sections.some((s) => !s)) return false;
    sections.forEach((section, n) => {
      section.querySelector(".quiz-scenario__number").textContent =
        `${this.place(n + 1, sections.length)}:`;
    });
    this.box.replaceChildren(...sections);
    return true;
  }

  section(id) {
    if (!this.sections.has(id)) {
      const template = [...this.root.querySelectorAll("template[data-scenario]")]
        .find((t) => t.dataset.scenario === id);
      const section = template?.content.firstElementChild?.cloneNode(true);
      if (!section) return null;
      this.sections.set(id, section);
    }
    return this.sections.get(id);
  }

  show(index, { focus }) {
    const sections = [...this.box.children];
    const at = Math.min(Math.max(0, Number(index) || 0), sections.length - 1);
    sections.forEach((section, n) => section.toggleAttribute("data-current", n === at));
    this.progressLine.textContent = this.place(at + 1, sections.length);
    this.root.querySelector('[data-action="previous"]').disabled = at === 0;
    this.root.querySelector('[data-action="next"]').disabled = at === sections.length - 1;
    this.state.current.index = at;
    this.save();
    if (focus) sections[at].querySelector("h2").focus();
  }

  clicked(button) {
    const action = button?.dataset.action;
    const at = this.state.current.index ?? 0;
    if (action === "next") this.show(at + 1, { focus: true });
    else if (action === "previous") this.show(at - 1, { focus: true });
    else if (action === "next-round") this.nextRound(button);
    else if (action === "clear-history") this.clear(button);
  }

  /** The engine's next round for the history so far, with a fresh seed for its ties. */
  async plan() {
    const seed = newSeed();
    const reply = await request({ type: "next-round", bank: this.quiz.bank,
      history: this.state.entries, seed }, this.quiz.timeout);
    return { next: { ids: reply.round, seed }, progress: reply.progress };
  }

  /**
   * Score this round alone and keep it in the history. The next round is planned after
   * the results are shown (planNext), so the reader never waits for it.
   */
  async finish(answers) {
    const scored = await request({ type: "score", bank: this.quiz.bank, answers,
      round: this.ids }, this.quiz.timeout);
    const current = this.state.current;
    // Seeing the results again after changing an answer replaces this round's entry.
    if (current.recorded) this.state.entries.pop();
    this.state.entries.push(scored.entry);
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

  note(text) {
    this.root.querySelector("[data-round-note]")?.replaceChildren(text);
  }
}

const text = (value) => (typeof value === "string" ? value : "");

// The engine's progress, laid out; it may come from storage, so each piece is checked.
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
