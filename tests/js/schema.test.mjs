// @ts-check
// The page's schema checker (quiz-schema.js) against the engine's real replies, and
// against malformed values made from them.
import assert from "node:assert/strict";
import { test } from "node:test";

import { MAX_SEED, REQUEST_TYPES, SCHEMA } from "../../docs/assets/javascripts/quiz-contract.js";
import { fits, mismatch } from "../../docs/assets/javascripts/quiz-schema.js";
import { damage, engine, garbage, random } from "./support.mjs";

test("the engine's replies fit their shapes", () => {
  const { scored, planned, assessed } = engine();
  for (const [name, value] of /** @type {const} */ ([["ScoreReply", scored],
    ["NextRoundReply", planned], ["ScoreReply", assessed], ["Reply", planned],
    ["SelfCheckResult", scored.result], ["AssessmentResult", assessed.result],
    ["HistoryEntry", scored.entry], ["Progress", planned.progress]])) {
    assert.equal(mismatch(name, value), "", name);
  }
  assert.ok(!fits("AssessmentResult", scored.result));
  assert.ok(!fits("ErrorReply", scored));
});

test("requests are tagged with the types the engine takes", () => {
  assert.deepEqual(REQUEST_TYPES, ["score", "next-round", "warm"]);
  assert.ok(fits("Request", { type: "score", bank: "b", answers: { q: ["o"] } }));
  assert.ok(fits("Request", { type: "next-round", bank: "b", history: [], seed: MAX_SEED }));
  assert.ok(fits("Request", { type: "warm", bank: "b" }));
  assert.ok(!fits("Request", { type: "next-round", bank: "b", seed: MAX_SEED + 1 }));
  assert.ok(!fits("Request", { bank: "b", answers: {} }), "untagged");
  assert.ok(!fits("Request", { type: "scores", bank: "b", answers: {} }));
  assert.ok(!fits("Request", { type: "score", bank: "b", answers: {}, round: {} }));
});

test("links and ids keep their form", () => {
  const section = { id: "a", title: "A", href: "guide/signs/#a" };
  assert.ok(fits("Section", section));
  for (const href of ["javascript:alert(1)", "//evil.example/", "https://x.org/", "/abs", ""]) {
    assert.ok(!fits("Section", { ...section, href }), href);
  }
  for (const id of ["A", "a--b", "-a", "a-", "a b", "a\n", "__proto__"]) {
    assert.ok(!fits("Id", id), id);
  }
});

test("a changed node is noticed: every leaf of a result, replaced by a wrong type", () => {
  const { scored } = engine();
  /** @param {any} node @returns {(string | number)[][]} */
  const leaves = (node) => Object.entries(node).flatMap(([key, value]) =>
    (value && typeof value === "object" ? leaves(value).map((p) => [key, ...p]) : [[key]]));
  const all = leaves(scored.result);
  assert.ok(all.length > 50);
  for (const path of all) {
    const copy = structuredClone(scored.result);
    /** @type {any} */
    let parent = copy;
    for (const step of path.slice(0, -1)) parent = parent[step];
    parent[/** @type {string} */ (path.at(-1))] = { wrong: true };
    assert.ok(!fits("SelfCheckResult", copy), path.join("."));
  }
});

test("malformed values never throw and never fit by accident of their parts", () => {
  const { scored, planned } = engine();
  const rng = random(17);
  for (let n = 0; n < 400; n++) {
    const value = n % 2 ? damage(scored.result, rng) : damage(planned.progress, rng);
    const name = n % 2 ? "Result" : "Progress";
    const problem = mismatch(name, value);
    // Whatever fits must also survive a JSON round trip unchanged: plain data only.
    if (!problem) assert.deepEqual(JSON.parse(JSON.stringify(value)), value);
  }
  for (let n = 0; n < 200; n++) assert.equal(typeof mismatch("SavedProgress", garbage(rng)), "string");
  let deep = /** @type {unknown} */ ([]);
  for (let n = 0; n < 100_000; n++) deep = [deep];
  assert.notEqual(mismatch("Result", { questions: deep }), "");
});

test("the schema uses only what both checkers read", () => {
  const known = new Set(["$ref", "type", "const", "enum", "pattern", "maxLength", "minimum",
    "maximum", "items", "minItems", "maxItems", "properties", "required", "additionalProperties",
    "propertyNames", "maxProperties", "anyOf", "description"]);
  /** @param {any} schema */
  const walk = (schema) => {
    for (const [key, value] of Object.entries(schema)) {
      assert.ok(known.has(key), key);
      if (key === "properties") Object.values(value).forEach(walk);
      else if (key === "anyOf") value.forEach(walk);
      else if (["items", "additionalProperties", "propertyNames"].includes(key) &&
        typeof value === "object") walk(value);
    }
  };
  Object.values(SCHEMA.$defs).forEach(walk);
});
