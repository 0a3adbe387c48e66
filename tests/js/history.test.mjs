// @ts-check
// The practice history (quiz-history.js): what a page keeps of any saved value.
import assert from "node:assert/strict";
import { test } from "node:test";

import { HISTORY_VERSION, MAX_SEED } from "../../docs/assets/javascripts/quiz-contract.js";
import { cleanRound, history, newSeed, restoreRounds } from "../../docs/assets/javascripts/quiz-history.js";
import { fits } from "../../docs/assets/javascripts/quiz-schema.js";
import { damage, engine, garbage, random, storage } from "./support.mjs";

const BANK = "spot-the-signs";
const HASH = "0123456789abcdef";

function pristine() {
  const { scored, planned } = engine();
  return { v: HISTORY_VERSION, hash: HASH, entries: [scored.entry, scored.entry],
    current: { ids: planned.round, seed: 7, index: 2, recorded: true },
    next: { ids: planned.round, seed: MAX_SEED }, progress: planned.progress };
}

test("a history this build wrote comes back whole", () => {
  const saved = pristine();
  const { v: _v, hash: _hash, ...state } = saved;
  assert.deepEqual(restoreRounds(saved, BANK, HASH), state);
  assert.ok(fits("SavedRounds", saved));
});

test("after a bank edit, entries stay and plans go", () => {
  const got = restoreRounds(pristine(), BANK, "ffffffffffffffff");
  assert.equal(got.entries.length, 2);
  assert.deepEqual([got.current, got.next, got.progress], [null, null, null]);
  assert.deepEqual(restoreRounds({ ...pristine(), v: 0 }, BANK, HASH).entries, []);
});

test("rounds: ids and a seed a browser keeps exactly", () => {
  assert.equal(cleanRound({ ids: ["a"], seed: MAX_SEED + 1 }), null);
  assert.equal(cleanRound({ ids: ["A"], seed: 1 }), null);
  assert.equal(cleanRound({ ids: [], seed: 1 }), null);
  assert.deepEqual(cleanRound({ ids: ["a", "a", "b"], seed: 0, index: -1, recorded: 1 }),
    { ids: ["a", "b"], seed: 0 });
  for (let n = 0; n < 50; n++) {
    const seed = newSeed();
    assert.ok(Number.isSafeInteger(seed) && seed >= 0 && seed <= MAX_SEED);
  }
});

test("damaged histories: never a throw, and only what fits is kept", () => {
  const rng = random(7);
  for (let n = 0; n < 300; n++) {
    const saved = n % 10 === 0 ? garbage(rng) : damage(pristine(), rng);
    const got = restoreRounds(saved, BANK, HASH);
    assert.ok(got.entries.every((e) => fits("HistoryEntry", e) && e.bank === BANK));
    for (const round of [got.current, got.next]) assert.ok(round === null || fits("PlannedRound", round));
    assert.ok(got.progress === null || fits("Progress", got.progress));
  }
});

test("storage: save, load, clear; blocked storage never throws", () => {
  globalThis.localStorage = /** @type {any} */ (storage());
  const rounds = history(BANK, HASH);
  const { v: _v, hash: _hash, ...state } = pristine();
  rounds.save(state);
  assert.deepEqual(rounds.load(), state);
  assert.deepEqual(rounds.clear(), { entries: [], current: null, next: null, progress: null });
  globalThis.localStorage = /** @type {any} */ (storage(true));
  rounds.save(state);
  assert.deepEqual(rounds.load().entries, []);
});
