// @ts-check
// Saved progress (quiz-saved.js, quiz-store.js): what a page keeps of any saved value.
import assert from "node:assert/strict";
import { test } from "node:test";

import { fits } from "../../docs/assets/javascripts/quiz-schema.js";
import { answerFits, restore, VERSION } from "../../docs/assets/javascripts/quiz-saved.js";
import { store } from "../../docs/assets/javascripts/quiz-store.js";
import { damage, engine, garbage, layoutOf, random, storage } from "./support.mjs";

const BANK = "spot-the-signs";
const HASH = "0123456789abcdef";

/** What this build saves after a reader checked answers and asked for results. */
function pristine() {
  const { scored, answers } = engine();
  const feedback = Object.fromEntries(Object.keys(answers[BANK]).slice(0, 3)
    .map((id) => [id, scored.result.questions[id]]));
  return { v: VERSION, hash: HASH, answers: answers[BANK], feedback, results: scored.result };
}

const form = () => ({ bank: BANK, hash: HASH, layout: layoutOf(BANK) });

test("a save this build wrote comes back whole", () => {
  const saved = pristine();
  const got = restore(saved, form());
  assert.deepEqual(got, { answers: saved.answers, feedback: saved.feedback,
    results: saved.results, recheck: [], rescore: false });
});

test("another bank text keeps the answers and works the rest out again", () => {
  const saved = { ...pristine(), hash: "ffffffffffffffff" };
  const got = restore(saved, form());
  assert.deepEqual(got.answers, saved.answers);
  assert.deepEqual(got.feedback, {});
  assert.equal(got.results, null);
  assert.deepEqual(got.recheck, Object.keys(saved.feedback));
  assert.equal(got.rescore, true);
});

test("results of another shape are worked out again", () => {
  const saved = pristine();
  const { moves: _gone, ...summary } = saved.results.summary;
  const got = restore({ ...saved, results: { ...saved.results, summary } }, form());
  assert.equal(got.results, null);
  assert.equal(got.rescore, true);
});

test("the rule for a valid answer", () => {
  const single = { single: true, options: new Set(["a", "b"]), exclusive: new Set() };
  const multiple = { single: false, options: new Set(["a", "b", "none"]),
    exclusive: new Set(["none"]) };
  assert.ok(answerFits(["a"], single));
  assert.ok(answerFits(["a", "b"], multiple));
  assert.ok(answerFits(["none"], multiple));
  for (const picks of [[], ["a", "b"], ["c"], ["a", "a"], [1], "a", null, { 0: "a" }]) {
    assert.ok(!answerFits(picks, single), JSON.stringify(picks));
  }
  for (const picks of [["none", "a"], ["a", "a"], ["a", "b", "none", "x"]]) {
    assert.ok(!answerFits(picks, multiple), JSON.stringify(picks));
  }
});

test("damaged saves: never a throw, and only what fits is kept", () => {
  const rng = random(2026);
  const layout = layoutOf(BANK);
  for (let n = 0; n < 300; n++) {
    const saved = n % 10 === 0 ? garbage(rng) : damage(pristine(), rng);
    const got = restore(saved, form());
    for (const [id, picks] of Object.entries(got.answers)) {
      const question = layout.get(id);
      assert.ok(question && answerFits(picks, question), `answer ${id}`);
    }
    for (const [id, one] of Object.entries(got.feedback)) {
      assert.ok(fits("QuestionResult", one), `feedback ${id}`);
      assert.deepEqual(one.chosen.map((o) => o.id).sort(), [...got.answers[id]].sort());
    }
    if (got.results) {
      assert.ok(fits("Result", got.results));
      assert.equal(got.results.bank, BANK);
    }
    assert.ok(got.recheck.every((id) => got.answers[id] && !got.feedback[id]));
  }
});

test("the store round-trips, and blocked or full storage never throws", () => {
  const saved = pristine();
  globalThis.localStorage = /** @type {any} */ (storage());
  const quiz = store(BANK, HASH, layoutOf(BANK));
  quiz.save(saved);
  assert.deepEqual(quiz.load().results, saved.results);
  assert.deepEqual(quiz.clear(), { answers: {}, feedback: {}, results: null });
  assert.deepEqual(quiz.load().answers, {});
  globalThis.localStorage = /** @type {any} */ (storage(true));
  quiz.save(saved);
  assert.deepEqual(quiz.load().answers, {});
  quiz.clear();
});
