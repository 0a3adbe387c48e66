// A reader's progress on one bank, kept in this browser only (localStorage).
// Reading it never throws: see quiz-saved.js for what is kept from a saved value.
import { restore, VERSION } from "./quiz-saved.js";

const MAX_SAVED = 500_000; // characters: far more than a whole bank's results

function read(key) {
  try {
    const raw = localStorage.getItem(key);
    return typeof raw === "string" && raw.length <= MAX_SAVED ? JSON.parse(raw) : null;
  } catch {
    return null; // blocked storage or damaged text: start fresh, never crash
  }
}

/** `hash` is the bank content's hash; `layout` the form's questions (quiz-saved.js). */
export function store(bank, hash, layout) {
  const key = `walk-away:quiz:${bank}`;
  return {
    load() {
      return restore(read(key), { bank, hash, layout });
    },
    save({ answers, feedback, results }) {
      try {
        localStorage.setItem(key, JSON.stringify({ v: VERSION, hash, answers, feedback, results }));
      } catch {
        // Storage full or disabled: the quiz still works, it just won't be remembered.
      }
    },
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
