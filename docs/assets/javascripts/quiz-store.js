// @ts-check
// A reader's progress on one bank, kept in this browser only (localStorage).
// Reading it never throws: see quiz-saved.js for what is kept from a saved value.
import { restore, VERSION } from "./quiz-saved.js";

/** @typedef {import("./quiz-contract.js").SavedProgress} SavedProgress */
/** @typedef {Pick<SavedProgress, "answers" | "feedback" | "results">} QuizState */

const MAX_SAVED = 500_000; // characters: far more than a whole bank's results

/** @param {string} key @returns {unknown} */
function read(key) {
  try {
    const raw = localStorage.getItem(key);
    return typeof raw === "string" && raw.length <= MAX_SAVED ? JSON.parse(raw) : null;
  } catch {
    return null; // blocked storage or damaged text: start fresh, never crash
  }
}

/**
 * `hash` is the bank content's hash; `layout` the form's questions (quiz-saved.js).
 * @param {string} bank @param {string} hash @param {import("./quiz-saved.js").Layout} layout
 */
export function store(bank, hash, layout) {
  const key = `walk-away:quiz:${bank}`;
  return {
    load() {
      return restore(read(key), { bank, hash, layout });
    },
    /** @param {QuizState} state */
    save({ answers, feedback, results }) {
      /** @type {SavedProgress} */
      const saved = { v: VERSION, hash, answers, feedback, results };
      try {
        localStorage.setItem(key, JSON.stringify(saved));
      } catch {
        // Storage full or disabled: the quiz still works, it just won't be remembered.
      }
    },
    /** @returns {QuizState} */
    clear() {
      try {
        localStorage.removeItem(key);
      } catch {
        // as above
      }
      return { answers: {}, feedback: {}, results: null };
    },
  };
}
