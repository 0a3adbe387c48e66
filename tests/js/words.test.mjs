// @ts-check
// The page's words (quiz-words.js): word() fills placeholders as Python's page_word does,
// picks a plural form with the browser's Intl.PluralRules for the page's language, and
// shows a missing key as itself. The words are quiz/wording.py's PAGE, asked of Python.
import assert from "node:assert/strict";
import { test } from "node:test";

import { python } from "./support.mjs";

/**
 * PAGE, and for every key Python's own page_word() with sample values (each count a
 * plural entry may meet): [key, values, what Python shows].
 * @typedef {{page: Record<string, string | Record<string, string>>,
 *   cases: [string, Record<string, string | number>, string][]}} Wording
 */
const WORDING = /** @type {Wording} */ (python(`
import json, re
from quiz import wording
cases = []
for key, entry in wording.PAGE.items():
    forms = list(entry.values()) if isinstance(entry, dict) else [entry]
    names = sorted({name for form in forms for name in re.findall(r"\\{(\\w+)\\}", form)})
    for count in ((0, 1, 2, 5, 21, 101) if isinstance(entry, dict) else (None,)):
        values = {name: count if name == "count" else f"[{name}]" for name in names}
        cases.append([key, values, wording.page_word(key, **values)])
print(json.dumps({"page": wording.PAGE, "cases": cases}))
`));

// Beside PAGE, entries the tests need: forms without "other", and a word with "$&" in it.
const EXTRA = { "test.one-only": { one: "just {count}" }, "test.dollar": "costs {price}" };

// The page as quiz-words.js reads it: the JSON block, and <html lang>.
/** @type {{lang: string, block: string | null}} */
const page = { lang: "en", block: JSON.stringify({ ...WORDING.page, ...EXTRA }) };
Object.assign(globalThis, {
  document: {
    documentElement: { get lang() { return page.lang; } },
    getElementById: (/** @type {string} */ id) =>
      (id === "__words" && page.block !== null ? { textContent: page.block } : null),
  },
});
const { word, Failure } = await import("../../docs/assets/javascripts/quiz-words.js");

test("every word is what Python's page_word shows, placeholders filled", () => {
  assert.ok(WORDING.cases.length > 30);
  for (const [key, values, python] of WORDING.cases) {
    assert.equal(word(key, values), python, key);
  }
});

test("placeholders: each {name} once, from values only; others stay as written", () => {
  assert.equal(word("round.place", { n: 3, total: 7 }), "Scenario 3 of 7");
  assert.equal(word("round.place", { n: 3 }), "Scenario 3 of {total}");
  assert.equal(word("round.place"), "Scenario {n} of {total}");
  assert.equal(word("round.place", { n: "{total}", total: 7 }), "Scenario {total} of 7");
  assert.equal(word("round.place", { n: 1, total: 2, extra: "x" }), "Scenario 1 of 2");
  assert.equal(word("test.dollar", { price: "$& 5" }), "costs $& 5");
  // Only a value of its own: never one inherited by every object.
  assert.equal(word("test.dollar", /** @type {Record<string, string>} */ (
    Object.create({ price: "inherited" }))), "costs {price}");
});

test("a count picks its form by the page's language (Intl.PluralRules)", () => {
  const cleared = (/** @type {number} */ count) => word("round.history-cleared", { count });
  page.lang = "en";
  assert.match(cleared(1), /: 1 round\.$/);
  assert.match(cleared(0), /: 0 rounds\.$/);
  page.lang = "fr"; // French says "one" for 0 and 1
  assert.match(cleared(0), /: 0 round\.$/);
  assert.match(cleared(2), /: 2 rounds\.$/);
  page.lang = "pl"; // Polish's "few" and "many" are not among the forms: "other"
  assert.match(cleared(3), /: 3 rounds\.$/);
  assert.match(cleared(5), /: 5 rounds\.$/);
  page.lang = ""; // no language: English
  assert.match(cleared(1), /: 1 round\.$/);
  page.lang = "en";
});

test("a plural word without its count, or without the form, falls back", () => {
  assert.match(word("round.history-cleared"), /: \{count\} rounds\.$/); // NaN: "other"
  assert.equal(word("test.one-only", { count: 1 }), "just 1");
  assert.equal(word("test.one-only", { count: 2 }), "test.one-only"); // no "other": the key
});

test("a missing key shows as itself, its placeholders filled", () => {
  assert.equal(word("no.such-key"), "no.such-key");
  assert.equal(word("no.{such}", { such: "key" }), "no.key");
});

test("a failure carries its word and values, and its message is the key", () => {
  const failure = new Failure("failure.stalled", { seconds: 15 });
  assert.ok(failure instanceof Error);
  assert.equal(failure.message, "failure.stalled");
  assert.equal(word(failure.word, failure.values),
    "the download stopped: nothing arrived for 15 s");
});

test("a page without the block, or with a broken one, shows every key as itself", async () => {
  for (const [n, block] of [null, "{not json", ""].entries()) {
    page.block = block;
    // A fresh copy of the module, which reads the block once, on its first word.
    const fresh = /** @type {typeof import("../../docs/assets/javascripts/quiz-words.js")} */ (
      await import(`../../docs/assets/javascripts/quiz-words.js?fresh=${n}`));
    assert.equal(fresh.word("action.retry"), "action.retry", String(block));
  }
  page.block = JSON.stringify(WORDING.page);
});
