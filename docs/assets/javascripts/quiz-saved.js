// Saved progress is untrusted input: an older version of the site may have written it,
// the bank may have changed since, or it may be damaged. Every part is checked against
// the form and the bank's content hash; what fits is kept, the rest is dropped.

// 1: no bank hash, feedback and results kept blindly; 2: feedback said "also_right"
// (three moves); 3: feedback names the whole "right_answer".
export const VERSION = 3;

const MAX_TEXT = 5000; // characters in any saved string a view would show
const MAX_ITEMS = 200; // entries in any saved list or map
const HASH = /^[0-9a-f]{16}$/;

// Shape checks: each takes a value and says whether it fits.
const isRecord = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const text = (v) => typeof v === "string" && v.length <= MAX_TEXT;
const amount = (v) => Number.isFinite(v) && v >= 0 && v < 1e6;
const flag = (v) => typeof v === "boolean";
const is = (expected) => (v) => v === expected;
const listOf = (item) => (v) => Array.isArray(v) && v.length <= MAX_ITEMS && v.every(item);
const mapOf = (item) => (v) => isRecord(v) && Object.keys(v).length <= MAX_ITEMS &&
  Object.values(v).every(item);
const recordOf = (fields) => (v) => isRecord(v) &&
  Object.entries(fields).every(([name, fits]) => Object.hasOwn(v, name) && fits(v[name]));

// A guide link: a path on this site, never a scheme or another host.
const href = (v) => typeof v === "string" && v.length <= 300 &&
  /^[a-z0-9][\w\-./]*(#[\w-]*)?$/i.test(v);
const section = recordOf({ href, title: text });

// What quiz-view.js reads, field by field.
const feedbackShape = recordOf({
  correct: flag, verdict: text, right_answer: text, missed: listOf(text),
  chosen: listOf(recordOf({ id: text, label: text, explanation: text, correct: flag, section })),
});
const selfCheckShape = recordOf({
  kind: is("self-check"), score: amount, max_score: amount, score_text: text,
  answered_text: text, unanswered: listOf(text),
  criteria: mapOf(recordOf({ name: text, status: text, summary: text, counts: text,
    present: amount, spotted: amount, section })),
  summary: recordOf({ text, reread: listOf(section), moves_text: text }),
});
const assessmentShape = recordOf({
  kind: is("assessment"), recommendation: (v) => typeof v === "string" && /^[a-z-]{1,40}$/.test(v),
  recommendation_label: text, advice: text, section, total: amount, unanswered: listOf(text),
  unanswered_text: text, disclaimer: text,
  reasons: listOf(recordOf({ text, section })), next_steps: listOf(text),
});

/** The form's questions: id -> {single, options}, as the reader can answer them now. */
export function layoutOf(form) {
  const layout = new Map();
  for (const fieldset of form.querySelectorAll("fieldset[data-question]")) {
    const inputs = [...fieldset.querySelectorAll("input")];
    const options = new Set(inputs.map((input) => input.value));
    const exclusive = new Set(inputs.filter((i) => "exclusive" in i.dataset).map((i) => i.value));
    layout.set(fieldset.dataset.question,
      { single: fieldset.dataset.kind === "single", options, exclusive });
  }
  return layout;
}

function answerFits(picks, { single, options, exclusive }) {
  return Array.isArray(picks) && picks.length > 0 && picks.length <= options.size &&
    picks.every((pick) => typeof pick === "string" && options.has(pick)) &&
    new Set(picks).size === picks.length &&
    (picks.length === 1 || (!single && !picks.some((pick) => exclusive.has(pick))));
}

const sameChoices = (a, b) => a.length === b.length && a.every((pick) => b.includes(pick));

function restoreAnswers(saved, layout) {
  const answers = {};
  if (!isRecord(saved)) return answers;
  // Only the form's own question ids are read, so odd saved keys are never touched.
  for (const [id, question] of layout) {
    const picks = Object.hasOwn(saved, id) ? saved[id] : undefined;
    if (answerFits(picks, question)) answers[id] = [...picks];
  }
  return answers;
}

function feedbackFits(feedback, picks, question) {
  return feedbackShape(feedback) && sameChoices(feedback.chosen.map((o) => o.id), picks) &&
    feedback.missed.every((id) => question.options.has(id));
}

function resultsFit(results, bank, answers, layout) {
  const unanswered = [...layout.keys()].filter((id) => !answers[id]);
  return isRecord(results) && results.bank === bank &&
    (results.kind === "assessment" ? assessmentShape(results) : selfCheckShape(results)) &&
    sameChoices(results.unanswered, unanswered);
}

/**
 * What can be restored from `saved` (any value at all) for this form.
 * Returns {answers, feedback, results, recheck, rescore}: feedback and results are kept
 * only when made from the same bank content and shaped as the views expect; `recheck`
 * lists answered questions whose saved feedback was dropped, `rescore` says dropped
 * results should be worked out again, both once Python is ready.
 */
export function restore(saved, { bank, hash, layout }) {
  const record = isRecord(saved) ? saved : {};
  const answers = restoreAnswers(record.answers, layout);
  const current = record.v === VERSION && HASH.test(hash) && record.hash === hash;
  const feedback = {};
  const recheck = [];
  const savedFeedback = isRecord(record.feedback) ? record.feedback : {};
  for (const [id, question] of layout) {
    if (!answers[id] || !Object.hasOwn(savedFeedback, id)) continue;
    if (current && feedbackFits(savedFeedback[id], answers[id], question)) {
      feedback[id] = savedFeedback[id];
    } else {
      recheck.push(id);
    }
  }
  let results = null;
  let rescore = false;
  // Results are for one exact set of answers: if any saved answer was dropped, they go.
  const allKept = Object.keys(answers).length === countAnswers(record.answers);
  if (isRecord(record.results)) {
    if (current && allKept && resultsFit(record.results, bank, answers, layout)) {
      results = record.results;
    } else {
      rescore = Object.keys(answers).length > 0;
    }
  }
  return { answers, feedback, results, recheck, rescore };
}

function countAnswers(saved) {
  return isRecord(saved) ? Object.keys(saved).length : 0;
}
