// @ts-check
// What the JavaScript unit tests share: the engine's real replies (asked of Python once),
// a seeded random generator, malformed values made from real ones, and a stand-in for
// localStorage.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const PYTHON = process.env.PYTHON ?? (existsSync(`${ROOT}.venv/bin/python`)
  ? `${ROOT}.venv/bin/python` : "python3");

// Python's side: a self-check's first round scored and planned, and an assessment.
const SAMPLES = `
import json, quiz
from quiz.bridge import handle
signs, mine = quiz.load_bank("spot-the-signs"), quiz.load_bank("my-negotiation")
first = quiz.first_round(signs)
live = [q for q in signs.questions if q.scenario and q.scenario.id in first]
answers = {q.id: [q.options[n % len(q.options)].id] for n, q in enumerate(live)}
scored = json.loads(handle(json.dumps({"type": "score", "bank": signs.id, "answers": answers,
                                       "round": first})))
planned = json.loads(handle(json.dumps({"type": "next-round", "bank": signs.id,
                                        "history": [scored["entry"]], "seed": 7})))
statements = {q.id: [q.options[0].id] for q in mine.questions[:4]}
assessed = json.loads(handle(json.dumps({"type": "score", "bank": mine.id,
                                         "answers": statements})))
layout = {b.id: {q.id: {"single": q.kind == "single", "options": [o.id for o in q.options],
                        "exclusive": [o.id for o in q.options if o.exclusive]}
                 for q in b.questions if b is mine or q in live} for b in (signs, mine)}
print(json.dumps({"scored": scored, "planned": planned, "assessed": assessed,
                  "answers": {signs.id: answers, mine.id: statements}, "layout": layout}))
`;

/**
 * @typedef {import("../../docs/assets/javascripts/quiz-contract.js").Shapes} Contract
 * @typedef {{scored: {ok: true, result: Contract["SelfCheckResult"],
 *     entry: Contract["HistoryEntry"]},
 *   planned: Contract["NextRoundReply"],
 *   assessed: {ok: true, result: Contract["AssessmentResult"]},
 *   answers: Record<string, Record<string, string[]>>,
 *   layout: Record<string, Record<string, {single: boolean, options: string[],
 *     exclusive: string[]}>>}} Samples
 */

/** @type {Samples | undefined} */
let samples;

/**
 * What a Python program prints, as JSON (run with the project's Python, in the project).
 * @param {string} source @returns {unknown}
 */
export function python(source) {
  return JSON.parse(execFileSync(PYTHON, ["-c", source], { cwd: ROOT, encoding: "utf8" }));
}

/** The engine's real replies, asked of Python once per test file. @returns {Samples} */
export function engine() {
  samples ??= /** @type {Samples} */ (python(SAMPLES));
  return /** @type {Samples} */ (structuredClone(samples));
}

/** A bank's questions as quiz-saved.js's layoutOf reads them from the form. */
export function layoutOf(/** @type {string} */ bank) {
  return new Map(Object.entries(engine().layout[bank]).map(([id, q]) => [id,
    { single: q.single, options: new Set(q.options), exclusive: new Set(q.exclusive) }]));
}

/** A small seeded generator (mulberry32): the same malformed values on every run. */
export function random(/** @type {number} */ seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    /** @template T @param {T[]} items @returns {T} */
    pick: (items) => items[Math.floor(next() * items.length)],
  };
}

const KEYS = ["__proto__", "constructor", "toString", "", "0", "id", "chosen", "section",
  "href", "answers", "feedback", "results", "v", "round", "questions", "entries", "seed"];
const LEAVES = [null, true, false, 0, -1, 1.5, 1e20, Number.MAX_VALUE, "", "x", "none",
  "__proto__", '<img src=x onerror="globalThis.pwned=1">', "javascript:alert(1)",
  "ünïcødé ✓ \u202e", "y".repeat(20_000), [], {}, 2 ** 53, "walk-away"];

/**
 * Any JSON value, small and hostile.
 * @param {ReturnType<typeof random>} rng @returns {any}
 */
export function garbage(rng, depth = 0) {
  const roll = rng.next();
  if (depth > 3 || roll < 0.5) return structuredClone(rng.pick(LEAVES));
  if (roll < 0.75) return Array.from({ length: Math.floor(rng.next() * 4) }, () => garbage(rng, depth + 1));
  /** @type {Record<string, unknown>} */
  const object = {};
  for (let n = Math.floor(rng.next() * 4); n > 0; n--) {
    Object.defineProperty(object, rng.pick(KEYS), { value: garbage(rng, depth + 1),
      enumerable: true, writable: true, configurable: true });
  }
  return object;
}

/** Every path to a node in a JSON value. @param {unknown} value @returns {(string|number)[][]} */
function paths(value, path = /** @type {(string|number)[]} */ ([])) {
  const found = [path];
  if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      found.push(...paths(item, [...path, Array.isArray(value) ? Number(key) : key]));
    }
  }
  return found;
}

/**
 * `value` (a copy) with one to three nodes replaced by garbage or removed.
 * @param {unknown} value @param {ReturnType<typeof random>} rng @returns {any}
 */
export function damage(value, rng) {
  let copy = structuredClone(value);
  for (let n = 1 + Math.floor(rng.next() * 3); n > 0; n--) {
    const path = rng.pick(paths(copy));
    if (!path.length) {
      copy = garbage(rng);
      continue;
    }
    /** @type {any} */
    let parent = copy;
    for (const step of path.slice(0, -1)) parent = parent[step];
    const last = path.at(-1);
    if (last === undefined) continue;
    if (rng.next() < 0.3 && !Array.isArray(parent)) delete parent[last];
    else parent[last] = garbage(rng);
  }
  return copy;
}

/** A stand-in for the browser's localStorage (or one that refuses everything). */
export function storage(blocked = false) {
  const items = new Map();
  const refuse = () => { throw new Error("SecurityError"); };
  return {
    items,
    getItem: blocked ? refuse : (/** @type {string} */ key) => items.get(key) ?? null,
    setItem: blocked ? refuse : (/** @type {string} */ key, /** @type {string} */ value) =>
      void items.set(key, String(value)),
    removeItem: blocked ? refuse : (/** @type {string} */ key) => void items.delete(key),
  };
}
