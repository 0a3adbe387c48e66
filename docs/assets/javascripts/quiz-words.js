// @ts-check
// The page's words: every word a page script shows comes from quiz/wording.py (PAGE),
// which the build writes into every page as one JSON block,
// <script id="__words" type="application/json"> (overrides/walk_away/words.py), the way
// Material ships its own translations in __config. Scripts show words only through word().

/** @typedef {string | Record<string, string>} Entry */
/** @typedef {import("./quiz-contract.js").FailureWord} FailureWord */

/** @type {Record<string, Entry> | null} */
let words = null;

/** @returns {Record<string, Entry>} */
function load() {
  if (!words) {
    const block = document.getElementById("__words");
    try {
      words = block ? JSON.parse(block.textContent ?? "{}") : {};
    } catch {
      words = {};
    }
  }
  return /** @type {Record<string, Entry>} */ (words);
}

/**
 * The page's word `key`, its {placeholders} filled from `values`. A count-dependent
 * entry holds Python's forms by plural category; the browser's Intl.PluralRules picks
 * one for `values.count` in the page's language. A missing key shows as itself.
 * @param {string} key @param {Record<string, string | number>} [values] @returns {string}
 */
export function word(key, values = {}) {
  let entry = load()[key] ?? key;
  if (typeof entry !== "string") {
    const lang = document.documentElement.lang || "en";
    const category = new Intl.PluralRules(lang).select(Number(values.count));
    entry = entry[category] ?? entry.other ?? key;
  }
  return entry.replace(/\{(\w+)\}/g, (whole, name) =>
    (Object.hasOwn(values, name) ? String(values[name]) : whole));
}

/**
 * A failure the page words: its key in quiz/wording.py's PAGE and the values for it
 * travel with it (also from the worker, in its error message: the contract's
 * WorkerError), and the page shows word(failure.word, failure.values). The message is
 * the key: never shown. Its keys are PAGE's "failure.*" (FailureWord), so tsc names an
 * unknown one.
 */
export class Failure extends Error {
  /** @param {FailureWord} key @param {Record<string, string | number>} [values] */
  constructor(key, values = {}) {
    super(key);
    this.word = key;
    this.values = values;
  }
}
