// @ts-check
// A reader's practice rounds on one bank, kept in this browser only (localStorage).
// What is read back may be old, edited or broken: it is checked piece by piece and
// whatever does not fit is dropped, never shown as HTML and never allowed to throw.
// The shapes (SavedRounds, HistoryEntry, PlannedRound, Progress) and the limits are the
// engine's contract (quiz/contract.py).
import { HISTORY_VERSION, ID, MAX_ROUND, MAX_SEED } from "./quiz-contract.js";
import { fits, isRecord } from "./quiz-schema.js";

/** @typedef {import("./quiz-contract.js").HistoryEntry} HistoryEntry */
/** @typedef {import("./quiz-contract.js").PlannedRound} PlannedRound */
/** @typedef {import("./quiz-contract.js").Progress} Progress */
/**
 * What the page keeps of a reader's rounds.
 * @typedef {{entries: HistoryEntry[], current: PlannedRound | null,
 *   next: PlannedRound | null, progress: Progress | null}} RoundsState
 */

const KEEP = 30; // rounds: enough for every trend, well inside the engine's request limit

/** @param {unknown} value @returns {value is string[]} */
const isIds = (value) => Array.isArray(value) && value.length > 0 && value.length <= MAX_ROUND
  && value.every((id) => typeof id === "string" && ID.test(id));
/** @param {unknown} value @returns {value is number} */
const isSeed = (value) => Number.isSafeInteger(value) && Number(value) >= 0 &&
  Number(value) <= MAX_SEED;

/**
 * A round: its scenarios, its seed, where the reader is in it, whether it is in the history.
 * @param {unknown} value @returns {PlannedRound | null}
 */
export function cleanRound(value) {
  if (!isRecord(value) || !isIds(value.ids) || !isSeed(value.seed)) return null;
  /** @type {PlannedRound} */
  const round = { ids: [...new Set(value.ids)], seed: value.seed };
  const index = value.index;
  if (Number.isSafeInteger(index) && Number(index) >= 0 && Number(index) <= MAX_ROUND) {
    round.index = Number(index);
  }
  if (value.recorded === true) round.recorded = true;
  return round;
}

/**
 * One round's short result, as the engine's "entry": {bank, round, questions: {id: {chosen}}};
 * options that are not ids are dropped, and questions left with none.
 * @param {unknown} entry @param {string} bank @returns {HistoryEntry | null}
 */
export function cleanEntry(entry, bank) {
  if (!isRecord(entry) || entry.bank !== bank || !isIds(entry.round)) return null;
  if (!isRecord(entry.questions)) return null;
  /** @type {HistoryEntry["questions"]} */
  const questions = {};
  for (const [id, question] of Object.entries(entry.questions)) {
    const chosen = isRecord(question) ? question.chosen : null;
    if (!ID.test(id) || !Array.isArray(chosen)) continue;
    const ids = chosen.map((option) => (isRecord(option) ? option.id : null))
      .filter((o) => typeof o === "string" && ID.test(o));
    if (ids.length) questions[id] = { chosen: ids.slice(0, 100).map((o) => ({ id: String(o) })) };
  }
  return { bank, round: entry.round, questions };
}

/** @returns {RoundsState} */
const empty = () => ({ entries: [], current: null, next: null, progress: null });

/**
 * What is kept of a saved value (any value at all) for this bank and bank content.
 * Entries are the reader's own answers and outlive a bank edit (the engine drops
 * scenarios it no longer has); the planned rounds and progress belong to one bank text.
 * @param {unknown} saved @param {string} bank @param {string} hash @returns {RoundsState}
 */
export function restoreRounds(saved, bank, hash) {
  if (!isRecord(saved) || saved.v !== HISTORY_VERSION || !Array.isArray(saved.entries)) {
    return empty();
  }
  const same = saved.hash === hash;
  return {
    entries: saved.entries.map((e) => cleanEntry(e, bank))
      .filter(/** @returns {e is HistoryEntry} */ (e) => e !== null).slice(-KEEP),
    current: same ? cleanRound(saved.current) : null,
    next: same ? cleanRound(saved.next) : null,
    progress: same && fits("Progress", saved.progress) ? saved.progress : null,
  };
}

/** @param {string} bank @param {string} hash */
export function history(bank, hash) {
  const key = `walk-away:rounds:${bank}`;
  return {
    /** @returns {RoundsState} */
    load() {
      try {
        return restoreRounds(JSON.parse(localStorage.getItem(key) ?? "null"), bank, hash);
      } catch {
        return empty(); // unreadable or blocked storage: start fresh, never crash
      }
    },
    /** @param {RoundsState} state */
    save(state) {
      try {
        localStorage.setItem(key, JSON.stringify({ v: HISTORY_VERSION, hash, ...state,
          entries: state.entries.slice(-KEEP) }));
      } catch {
        // Storage full or disabled: practice still works, it just won't be remembered.
      }
    },
    /** @returns {RoundsState} */
    clear() {
      try {
        localStorage.removeItem(key);
      } catch {
        // as above
      }
      return empty();
    },
  };
}

/** A fresh seed for the next round's tie-breaks, kept in the state so a reload repeats it. */
export function newSeed() {
  const [high, low] = crypto.getRandomValues(new Uint32Array(2));
  return (high & 0x1fffff) * 2 ** 32 + low;
}
