// @ts-check
// The page's checkers, for tests/test_contract.py to compare with Python's.
// stdin: {"shapes": [[name, value], ...], "answers": [[picks, {single, options, exclusive}], ...]}
// stdout: {"shapes": [fits, ...], "answers": [fits, ...]}
import { readFileSync } from "node:fs";

import { answerFits } from "../../docs/assets/javascripts/quiz-saved.js";
import { fits } from "../../docs/assets/javascripts/quiz-schema.js";

const input = JSON.parse(readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify({
  shapes: input.shapes.map((/** @type {[any, unknown]} */ [name, value]) => fits(name, value)),
  answers: input.answers.map((/** @type {[unknown, any]} */ [picks, q]) => answerFits(picks,
    { single: q.single, options: new Set(q.options), exclusive: new Set(q.exclusive) })),
}));
