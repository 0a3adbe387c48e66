// Turns the engine's result JSON into page content. Text goes in with textContent only:
// nothing from a bank or a reader is ever parsed as HTML.

export const siteRoot = new URL("../../", import.meta.url);

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name === "text") node.textContent = value;
    else node.setAttribute(name, value);
  }
  node.append(...children.filter(Boolean));
  return node;
}

function sectionLink(section, text = section.title) {
  return el("a", { href: new URL(section.href, siteRoot).href, text });
}

function points(feedback) {
  const unit = feedback.max_points === 1 ? "point" : "points";
  const verdict = feedback.correct ? "Right" : feedback.points > 0 ? "Partly right" : "Not quite";
  return `${verdict}: ${feedback.points} of ${feedback.max_points} ${unit}.`;
}

/** One question's feedback; `labelOf(id)` gives an option's label from the form. */
export function feedbackView(feedback, labelOf) {
  const box = el("div", { class: "quiz-feedback__body" });
  box.dataset.correct = String(feedback.correct);
  box.append(el("p", { class: "quiz-feedback__verdict", text: points(feedback) }));
  const list = el("ul", { class: "quiz-feedback__options" });
  for (const option of feedback.chosen) {
    list.append(el("li", { "data-correct": String(option.correct) },
      el("strong", { text: `${option.label}: ` }),
      `${option.explanation} `,
      el("span", { class: "quiz-feedback__read", text: "Read: " }),
      sectionLink(option.section)));
  }
  box.append(list);
  if (feedback.missed.length) {
    const names = feedback.missed.map(labelOf).join(", ");
    box.append(el("p", { class: "quiz-feedback__missed", text: `Also right: ${names}.` }));
  }
  return box;
}

function signRow(sign) {
  const share = sign.present ? Math.round((100 * sign.spotted) / sign.present) : 0;
  const fill = el("span", { class: "quiz-bar__fill" });
  fill.style.width = `${share}%`;
  const counts = sign.status === "untested" ? "not tested yet"
    : `spotted ${sign.spotted} of ${sign.present}` +
      (sign.flagged_absent ? `, seen ${sign.flagged_absent}× where absent` : "");
  return el("li", { class: "quiz-sign", "data-status": sign.status },
    el("span", { class: "quiz-sign__name" }, sectionLink(sign.section, sign.name)),
    el("span", { class: "quiz-bar", "aria-hidden": "true" }, fill),
    el("span", { class: "quiz-sign__counts", text: counts }),
    el("p", { class: "quiz-sign__summary", text: sign.summary }));
}

/** The results summary: score, per-sign profile (bars + text), what to reread. */
export function resultsView(result) {
  const body = el("div", { class: "quiz-results__body" });
  body.append(el("p", { class: "quiz-results__score",
    text: `You scored ${result.score} of ${result.max_score}.` }));
  const left = result.total - result.answered;
  body.append(el("p", { text: `You answered ${result.answered} of ${result.total} questions` +
    (left ? `; ${left} left unanswered.` : ".") }));
  const moves = result.summary.moves;
  if (moves.answered) {
    body.append(el("p", { text: `Best move: right in ${moves.right} of ${moves.answered}.` }));
  }
  body.append(el("h3", { text: "How well you spot each sign" }));
  const profile = el("ul", { class: "quiz-profile" });
  Object.values(result.criteria).forEach((sign) => profile.append(signRow(sign)));
  body.append(profile, el("p", { class: "quiz-results__summary", text: result.summary.text }));
  if (result.summary.reread.length) {
    body.append(el("h3", { text: "What to reread" }));
    const list = el("ul", { class: "quiz-reread" });
    result.summary.reread.forEach((section) => list.append(el("li", {}, sectionLink(section))));
    body.append(list);
  }
  return body;
}

function list(tag, items) {
  const node = el(tag);
  items.forEach((item) => node.append(el("li", {}, ...[].concat(item))));
  return node;
}

/** A recommendation for the reader's own negotiation, with its reasons and next steps. */
export function assessmentView(result) {
  const body = el("div", { class: "quiz-results__body" });
  body.append(el("p", { class: "quiz-recommendation", "data-recommendation": result.recommendation,
    text: result.recommendation_label }));
  body.append(el("p", { text: result.advice }));
  if (result.reasons.length) {
    body.append(el("h3", { text: "Why" }), list("ul", result.reasons.map((reason) =>
      [`${reason.text} `, sectionLink(reason.section, `Read: ${reason.section.title}`)])));
  }
  body.append(el("h3", { text: "What to do next" }), list("ol", result.next_steps));
  body.append(el("p", {}, "Read more: ", sectionLink(result.section)));
  if (result.unanswered.length) {
    body.append(el("p", { text: `You left ${result.unanswered.length} of ${result.total} ` +
      "statements unanswered; they count as “not sure”." }));
  }
  body.append(el("p", { class: "quiz-disclaimer", text: "This is guidance, not professional " +
    "advice. It was worked out in this browser; nothing you answered was sent anywhere." }));
  body.append(el("button", { type: "button", class: "md-button", "data-action": "print",
    text: "Print or save as PDF" }));
  return body;
}
