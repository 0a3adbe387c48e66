// @ts-check
// Lays out the engine's result JSON as page content. Every sentence comes worded from the
// engine (quiz/wording.py): in the result, or, for headings and labels, from the page's
// words (word(), quiz-words.js). Text goes in with textContent only: nothing from a bank
// or a reader is ever parsed as HTML.
import { word } from "./quiz-words.js";

/** @typedef {import("./quiz-contract.js").Shapes} Shapes */
/** @typedef {import("./quiz-contract.js").Result} Result */

export const siteRoot = new URL("../../", import.meta.url);

/**
 * An element with attributes (`text`: its text) and children.
 * @param {string} tag @param {Record<string, string>} [attrs]
 * @param {(Node | string | null | undefined | false)[]} children @returns {HTMLElement}
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name === "text") node.textContent = value;
    else node.setAttribute(name, value);
  }
  node.append(.../** @type {(Node | string)[]} */ (children.filter(Boolean)));
  return node;
}

/** @param {Shapes["Section"]} section @param {string} [text] */
function sectionLink(section, text = section.title) {
  return el("a", { href: new URL(section.href, siteRoot).href, text });
}

/** One question's feedback. @param {Shapes["QuestionResult"]} feedback */
export function feedbackView(feedback) {
  const box = el("div", { class: "quiz-feedback__body" });
  box.dataset.correct = String(feedback.correct);
  box.append(el("p", { class: "quiz-feedback__verdict", text: feedback.verdict }));
  const list = el("ul", { class: "quiz-feedback__options" });
  for (const option of feedback.chosen) {
    list.append(el("li", { "data-correct": String(option.correct) },
      el("strong", { text: `${option.label}: ` }),
      `${option.explanation} `,
      el("span", { class: "quiz-feedback__read", text: `${word("read")} ` }),
      sectionLink(option.section)));
  }
  box.append(list);
  if (feedback.right_answer) {
    box.append(el("p", { class: "quiz-feedback__missed", text: feedback.right_answer }));
  }
  return box;
}

/** @param {Shapes["SignProfile"]} sign */
function signRow(sign) {
  const share = sign.present ? Math.round((100 * sign.spotted) / sign.present) : 0;
  const fill = el("span", { class: "quiz-bar__fill" });
  fill.style.width = `${share}%`;
  return el("li", { class: "quiz-sign", "data-status": sign.status },
    el("span", { class: "quiz-sign__name" }, sectionLink(sign.section, sign.name)),
    el("span", { class: "quiz-bar", "aria-hidden": "true" }, fill),
    el("span", { class: "quiz-sign__counts", text: sign.counts }),
    el("p", { class: "quiz-sign__summary", text: sign.summary }));
}

/**
 * The results summary: score, per-sign profile (bars + text), what to reread.
 * @param {Shapes["SelfCheckResult"]} result
 */
export function resultsView(result) {
  const body = el("div", { class: "quiz-results__body" });
  body.append(el("p", { class: "quiz-results__score", text: result.score_text }));
  body.append(el("p", { text: result.answered_text }));
  if (result.summary.moves_text) body.append(el("p", { text: result.summary.moves_text }));
  body.append(el("h3", { text: word("results.profile") }));
  const profile = el("ul", { class: "quiz-profile" });
  Object.values(result.criteria).forEach((sign) => profile.append(signRow(sign)));
  body.append(profile, el("p", { class: "quiz-results__summary", text: result.summary.text }));
  if (result.summary.reread.length) {
    body.append(el("h3", { text: word("results.reread") }));
    const list = el("ul", { class: "quiz-reread" });
    result.summary.reread.forEach((section) => list.append(el("li", {}, sectionLink(section))));
    body.append(list);
  }
  return body;
}

/** @param {string} tag @param {(string | (string | Node)[])[]} items */
function list(tag, items) {
  const node = el(tag);
  items.forEach((item) => node.append(el("li", {}, ...[item].flat())));
  return node;
}

/**
 * A recommendation for the reader's own negotiation, with its reasons and next steps.
 * @param {Shapes["AssessmentResult"]} result
 */
export function assessmentView(result) {
  const body = el("div", { class: "quiz-results__body" });
  body.append(el("p", { class: "quiz-recommendation", "data-recommendation": result.recommendation,
    text: result.recommendation_label }));
  body.append(el("p", { text: result.advice }));
  if (result.reasons.length) {
    body.append(el("h3", { text: word("results.why") }), list("ul", result.reasons.map((reason) =>
      [`${reason.text} `, sectionLink(reason.section, `${word("read")} ${reason.section.title}`)])));
  }
  body.append(el("h3", { text: word("results.next-steps") }), list("ol", result.next_steps));
  body.append(el("p", {}, `${word("read.more")} `, sectionLink(result.section)));
  if (result.unanswered_text) body.append(el("p", { text: result.unanswered_text }));
  body.append(el("p", { class: "quiz-disclaimer", text: result.disclaimer }));
  body.append(el("button", { type: "button", class: "md-button", "data-action": "print",
    text: word("action.print") }));
  return body;
}

// Each kind of bank's results, by the kind the engine names in them.
const VIEWS = { "self-check": resultsView, assessment: assessmentView };

/** The results of any bank. @param {Result} result */
export function outcomeView(result) {
  return result.kind === "assessment" ? VIEWS.assessment(result) : VIEWS["self-check"](result);
}
