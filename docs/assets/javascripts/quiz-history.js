// A reader's practice rounds on one bank, kept in this browser only (localStorage).
// What is read back may be old, edited or broken: it is checked piece by piece and
// whatever does not fit is dropped, never shown as HTML and never allowed to throw.
const VERSION = 1;
const KEEP = 30; // rounds: enough for every trend, well inside the engine's request limit
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_SEED = 2 ** 53 - 1;

const isIds = (value) => Array.isArray(value) && value.length > 0 && value.length <= 100
  && value.every((id) => typeof id === "string" && ID.test(id));
const isSeed = (value) => Number.isSafeInteger(value) && value >= 0 && value <= MAX_SEED;

// A round: its scenarios, its seed, where the reader is in it, whether it is in the history.
function cleanRound(value) {
  if (!value || !isIds(value.ids) || !isSeed(value.seed)) return null;
  const round = { ids: [...new Set(value.ids)], seed: value.seed };
  if (Number.isSafeInteger(value.index) && value.index >= 0) round.index = value.index;
  if (value.recorded === true) round.recorded = true;
  return round;
}

// One round's short result, as the engine's "entry": {bank, round, questions: {id: {chosen}}}.
function cleanEntry(entry, bank) {
  if (!entry || entry.bank !== bank || !isIds(entry.round)) return null;
  if (!entry.questions || typeof entry.questions !== "object") return null;
  const questions = {};
  for (const [id, question] of Object.entries(entry.questions)) {
    const chosen = question?.chosen;
    if (!ID.test(id) || !Array.isArray(chosen)) continue;
    const ids = chosen.map((option) => option?.id).filter((o) => typeof o === "string" && ID.test(o));
    if (ids.length) questions[id] = { chosen: ids.map((o) => ({ id: o })) };
  }
  return { bank, round: entry.round, questions };
}

export function history(bank, hash) {
  const key = `walk-away:rounds:${bank}`;
  const empty = () => ({ entries: [], current: null, next: null, progress: null });
  const read = () => {
    try {
      const saved = JSON.parse(localStorage.getItem(key));
      if (!saved || saved.v !== VERSION || !Array.isArray(saved.entries)) return empty();
      // Entries are the reader's own answers and outlive a bank edit (the engine drops
      // scenarios it no longer has); the planned rounds and progress belong to one bank text.
      const same = saved.hash === hash;
      const progress = same && typeof saved.progress === "object" ? saved.progress : null;
      return {
        entries: saved.entries.map((e) => cleanEntry(e, bank)).filter(Boolean).slice(-KEEP),
        current: same ? cleanRound(saved.current) : null,
        next: same ? cleanRound(saved.next) : null,
        progress,
      };
    } catch {
      return empty(); // unreadable or blocked storage: start fresh, never crash
    }
  };
  return {
    load: read,
    save(state) {
      try {
        localStorage.setItem(key, JSON.stringify({ v: VERSION, hash, ...state,
          entries: state.entries.slice(-KEEP) }));
      } catch {
        // Storage full or disabled: practice still works, it just won't be remembered.
      }
    },
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
