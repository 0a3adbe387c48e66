// Practice rounds on a self-check page: one scenario at a time, the round scored on its
// own, each sign's trend across rounds, and the next round chosen by the engine from the
// reader's history. The first round is in the page; later scenarios are cloned from the
// page's <template data-scenario> elements, so the text always comes from the bank.
import { request } from "./quiz-engine.js";
import { history, newSeed } from "./quiz-history.js";
import { el } from "./quiz-view.js";

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
    const current = this.state.current;
    if (!current || !this.build(current.ids)) this.state.current = { ids: this.firstIds, seed: 0 };
    this.show(this.state.current.index ?? 0, { focus: false });
    this.root.addEventListener("click", (event) => this.clicked(event.target.closest("button")));
  }

  /** "Scenario 3 of 7", worded by the engine (quiz/wording.py) as a template. */
  place(n, total) {
    return this.box.dataset.numberLabel.replace("{n}", n).replace("{total}", total);
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
    const reply = await request({ round: { bank: this.quiz.bank, history: this.state.entries,
      seed } }, this.quiz.timeout);
    return { next: { ids: reply.round, seed }, progress: reply.progress };
  }

  /** Score this round alone, keep it in the history and plan the next one from it. */
  async finish(answers) {
    const scored = await request({ bank: this.quiz.bank, answers, round: this.ids },
      this.quiz.timeout);
    const current = this.state.current;
    // Seeing the results again after changing an answer replaces this round's entry.
    if (current.recorded) this.state.entries.pop();
    this.state.entries.push(scored.entry);
    current.recorded = true;
    ({ next: this.state.next, progress: this.state.progress } = await this.plan());
    this.save();
    return scored.result;
  }

  /** What the results add in rounds: each sign's trend, mastery, and the next round. */
  resultsExtra() {
    const progress = this.state.progress;
    const nodes = [];
    if (progress && typeof progress === "object") nodes.push(...progressView(progress));
    nodes.push(
      el("button", { type: "button", class: "md-button md-button--primary",
        "data-action": "next-round", text: "Practise my weak signs" }),
      el("button", { type: "button", class: "md-button", "data-action": "clear-history",
        text: "Clear my practice history" }),
      el("p", { class: "quiz-round__note", "data-round-note": "" }));
    return nodes;
  }

  async nextRound(button) {
    let next = this.state.next;
    if (!next || !this.build(next.ids)) {
      button.disabled = true;
      try {
        ({ next } = await this.plan());
      } catch {
        this.note("The next round can't be chosen until Python has started.");
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
    this.save();
    this.root.querySelector("[data-round-trends]")?.remove();
    this.note(count === 1 ? "Your practice history in this browser was cleared: 1 round."
      : `Your practice history in this browser was cleared: ${count} rounds.`);
    button.disabled = true;
  }

  note(text) {
    this.root.querySelector("[data-round-note]")?.replaceChildren(text);
  }
}

const text = (value) => (typeof value === "string" ? value : "");

// The engine's progress, laid out; it may come from storage, so each piece is checked.
function progressView(progress) {
  const box = el("div", { class: "quiz-trends", "data-round-trends": "" });
  box.append(el("h3", { text: "Each sign across your rounds" }));
  const list = el("ul", { class: "quiz-trends__list" });
  for (const sign of Object.values(progress.signs ?? {})) {
    if (!text(sign?.text)) continue;
    list.append(el("li", { "data-mastered": String(sign.mastered === true),
      "data-sign": text(sign.id), text: sign.text }));
  }
  box.append(list);
  if (text(progress.mastery?.text)) box.append(el("p", { text: progress.mastery.text }));
  if (text(progress.text)) box.append(el("p", { class: "quiz-trends__summary",
    text: progress.text }));
  return [box];
}
