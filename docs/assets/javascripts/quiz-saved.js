// @ts-check
// Saved progress is untrusted input: an older version of the site may have written it,
// the bank may have changed since, or it may be damaged. Every part is checked against
// the form and the bank's content hash; what fits is kept, the rest is dropped.

import { SAVED_VERSION } from "./quiz-contract.js";
import { fits, isRecord } from "./quiz-schema.js";

/** @typedef {import("./quiz-contract.js").Answers} Answers */
/** @typedef {import("./quiz-contract.js").QuestionResult} QuestionResult */
/** @typedef {import("./quiz-contract.js").Result} Result */
/** @typedef {{single: boolean, options: Set<string>, exclusive: Set<string>}} Question */
/** @typedef {Map<string, Question>} Layout */

// The saved format (quiz/contract.py, SAVED_VERSION); the shapes of saved feedback and
// results are the engine's own (QuestionResult, Result), checked against its schema.
export const VERSION = SAVED_VERSION;

const HASH = /^[0-9a-f]{16}$/;

/**
 * The form's questions: id -> {single, options}, as the reader can answer them now.
 * @param {ParentNode} form @returns {Layout}
 */
export function layoutOf(form) {
  const layout = new Map();
  for (const fieldset of form.querySelectorAll("fieldset[data-question]")) {
    if (!(fieldset instanceof HTMLElement) || !fieldset.dataset.question) continue;
    const inputs = [...fieldset.querySelectorAll("input")];
    const options = new Set(inputs.map((input) => input.value));
    const exclusive = new Set(inputs.filter((i) => "exclusive" in i.dataset).map((i) => i.value));
    layout.set(fieldset.dataset.question,
      { single: fieldset.dataset.kind === "single", options, exclusive });
  }
  return layout;
}

/**
 * The rule for a valid answer, as quiz/answers.py checks it (tests/test_contract.py
 * proves they agree): one or more known options, none twice, one only for a
 * single-choice question, and an exclusive option ("None of these") alone.
 * @param {unknown} picks @param {Question} question @returns {picks is string[]}
 */
export function answerFits(picks, { single, options, exclusive }) {
  return Array.isArray(picks) && picks.length > 0 && picks.length <= options.size &&
    picks.every((pick) => typeof pick === "string" && options.has(pick)) &&
    new Set(picks).size === picks.length &&
    (picks.length === 1 || (!single && !picks.some((pick) => exclusive.has(pick))));
}

/** @param {string[]} a @param {string[]} b */
const sameChoices = (a, b) => a.length === b.length && a.every((pick) => b.includes(pick));

/** @param {unknown} saved @param {Layout} layout @returns {Answers} */
function restoreAnswers(saved, layout) {
  /** @type {Answers} */
  const answers = {};
  if (!isRecord(saved)) return answers;
  // Only the form's own question ids are read, so odd saved keys are never touched.
  for (const [id, question] of layout) {
    const picks = Object.hasOwn(saved, id) ? saved[id] : undefined;
    if (answerFits(picks, question)) answers[id] = [...picks];
  }
  return answers;
}

/**
 * @param {unknown} feedback @param {string[]} picks @param {Question} question
 * @returns {feedback is QuestionResult}
 */
function feedbackFits(feedback, picks, question) {
  return fits("QuestionResult", feedback) && sameChoices(feedback.chosen.map((o) => o.id), picks) &&
    feedback.missed.every((id) => question.options.has(id));
}

/**
 * @param {unknown} results @param {string} bank @param {Answers} answers @param {Layout} layout
 * @returns {results is Result}
 */
function resultsFit(results, bank, answers, layout) {
  const unanswered = [...layout.keys()].filter((id) => !answers[id]);
  return fits("Result", results) && results.bank === bank &&
    sameChoices(results.unanswered, unanswered);
}

/**
 * What can be restored from `saved` (any value at all) for this form.
 * Returns {answers, feedback, results, recheck, rescore}: feedback and results are kept
 * only when made from the same bank content and shaped as the views expect; `recheck`
 * lists answered questions whose saved feedback was dropped, `rescore` says dropped
 * results should be worked out again, both once Python is ready.
 * @param {unknown} saved
 * @param {{bank: string, hash: string, layout: Layout}} form
 * @returns {{answers: Answers, feedback: Record<string, QuestionResult>,
 *   results: Result | null, recheck: string[], rescore: boolean}}
 */
export function restore(saved, { bank, hash, layout }) {
  /** @type {Record<string, unknown>} */
  const record = isRecord(saved) ? saved : {};
  const answers = restoreAnswers(record.answers, layout);
  const current = record.v === VERSION && HASH.test(hash) && record.hash === hash;
  /** @type {Record<string, QuestionResult>} */
  const feedback = {};
  /** @type {string[]} */
  const recheck = [];
  const savedFeedback = isRecord(record.feedback) ? record.feedback : {};
  for (const [id, question] of layout) {
    if (!answers[id] || !Object.hasOwn(savedFeedback, id)) continue;
    const one = savedFeedback[id];
    if (current && feedbackFits(one, answers[id], question)) {
      feedback[id] = one;
    } else {
      recheck.push(id);
    }
  }
  /** @type {Result | null} */
  let results = null;
  let rescore = false;
  // Results are for one exact set of answers: if any saved answer was dropped, they go.
  const allKept = Object.keys(answers).length === countAnswers(record.answers);
  const savedResults = record.results;
  if (isRecord(savedResults)) {
    if (current && allKept && resultsFit(savedResults, bank, answers, layout)) {
      results = savedResults;
    } else {
      rescore = Object.keys(answers).length > 0;
    }
  }
  return { answers, feedback, results, recheck, rescore };
}

/** @param {unknown} saved */
function countAnswers(saved) {
  return isRecord(saved) ? Object.keys(saved).length : 0;
}
