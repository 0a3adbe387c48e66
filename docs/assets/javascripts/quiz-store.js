// A reader's progress on one bank, kept in this browser only (localStorage).
const VERSION = 1;

export function store(bank) {
  const key = `walk-away:quiz:${bank}`;
  const empty = () => ({ v: VERSION, answers: {}, feedback: {}, results: null });
  return {
    load() {
      try {
        const saved = JSON.parse(localStorage.getItem(key));
        return saved?.v === VERSION ? { ...empty(), ...saved } : empty();
      } catch {
        return empty(); // unreadable or blocked storage: start fresh, never crash
      }
    },
    save(state) {
      try {
        localStorage.setItem(key, JSON.stringify({ ...state, v: VERSION }));
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
      return empty();
    },
  };
}
