// @ts-check
// Checks a value against a shape of the engine's contract (quiz/contract.py, written
// into quiz-contract.js as a JSON Schema). Only the keywords the contract uses are read;
// tests/support/schema.py is the same checker in Python, and tests/test_contract.py
// proves the two agree. Never throws, whatever the value.
import { SCHEMA } from "./quiz-contract.js";

/**
 * A schema fragment: the keywords quiz/contract.py's helpers write.
 * @typedef {{$ref?: string, anyOf?: Schema[], const?: unknown, enum?: unknown[],
 *   type?: string, maxLength?: number, pattern?: string, minimum?: number,
 *   maximum?: number, minItems?: number, maxItems?: number, items?: Schema,
 *   required?: string[], maxProperties?: number, properties?: Record<string, Schema>,
 *   additionalProperties?: Schema | boolean, propertyNames?: Schema,
 *   description?: string}} Schema
 */

/** @type {Record<string, Schema>} */
const defs = SCHEMA.$defs;

/** @param {unknown} value @returns {value is Record<string, unknown>} */
export const isRecord = (value) => value !== null && typeof value === "object" &&
  !Array.isArray(value);

/** @param {string} kind @param {unknown} value */
function typeFits(kind, value) {
  switch (kind) {
    case "integer": return Number.isSafeInteger(value);
    case "number": return Number.isFinite(value);
    case "array": return Array.isArray(value);
    case "object": return isRecord(value);
    case "null": return value === null;
    default: return typeof value === kind;
  }
}

/** @type {Map<string, RegExp>} */
const compiled = new Map();
/** @param {string} source @returns {RegExp} */
function regex(source) {
  let found = compiled.get(source);
  if (!found) compiled.set(source, found = new RegExp(source));
  return found;
}

/**
 * The first way `value` does not fit `schema`, or "" when it fits.
 * @param {Schema} schema @param {unknown} value @param {string} where @returns {string}
 */
function problem(schema, value, where) {
  if (schema.$ref) {
    const name = /** @type {string} */ (schema.$ref.split("/").at(-1)); // split gives one or more
    return problem(defs[name], value, where);
  }
  if (schema.anyOf) {
    const found = schema.anyOf.map((s) => problem(s, value, where));
    return found.includes("") ? "" : `${where}: fits none of its shapes (${found[0]})`;
  }
  if ("const" in schema && value !== schema.const) return `${where}: is not ${schema.const}`;
  if (schema.enum && !schema.enum.includes(value)) return `${where}: is not one of its values`;
  if (!schema.type) return "";
  if (!typeFits(schema.type, value)) return `${where}: is not of type ${schema.type}`;
  if (typeof value === "string") {
    if (value.length > (schema.maxLength ?? Infinity)) return `${where}: too long`;
    if (schema.pattern && !regex(schema.pattern).test(value)) return `${where}: bad form`;
  } else if (typeof value === "number") {
    if (value < (schema.minimum ?? -Infinity) || value > (schema.maximum ?? Infinity)) {
      return `${where}: out of range`;
    }
  } else if (Array.isArray(value)) {
    if (value.length < (schema.minItems ?? 0) || value.length > (schema.maxItems ?? Infinity)) {
      return `${where}: wrong number of items`;
    }
    for (const [n, item] of value.entries()) {
      // Every array in the contract has `items` (quiz/contract.py, list_of).
      const found = problem(/** @type {Schema} */ (schema.items), item, `${where}[${n}]`);
      if (found) return found;
    }
  } else if (isRecord(value)) {
    return objectProblem(schema, value, where);
  }
  return "";
}

/** @param {Schema} schema @param {Record<string, unknown>} value @param {string} where */
function objectProblem(schema, value, where) {
  const missing = (schema.required ?? []).find((name) =>
    !Object.hasOwn(value, name));
  if (missing) return `${where}: lacks ${missing}`;
  const entries = Object.entries(value);
  if (entries.length > (schema.maxProperties ?? Infinity)) return `${where}: too many entries`;
  const properties = schema.properties ?? {};
  const extra = schema.additionalProperties ?? true;
  for (const [name, item] of entries) {
    if (schema.propertyNames) {
      const found = problem(schema.propertyNames, name, `${where} key`);
      if (found) return found;
    }
    let found = "";
    if (Object.hasOwn(properties, name)) found = problem(properties[name], item, `${where}.${name}`);
    else if (extra === false) found = `${where}: has no field ${name}`;
    else if (extra !== true) found = problem(extra, item, `${where}.${name}`);
    if (found) return found;
  }
  return "";
}

/**
 * Why `value` is not of the contract's shape `name` ("" when it is).
 * @param {keyof import("./quiz-contract.js").Shapes} name
 * @param {unknown} value
 */
export function mismatch(name, value) {
  try {
    return problem({ $ref: `#/$defs/${name}` }, value, "$");
  } catch {
    return `$: could not be checked`; // absurd nesting: too deep to walk
  }
}

/**
 * Whether `value` is of the contract's shape `name`: a type guard for the page scripts.
 * @template {keyof import("./quiz-contract.js").Shapes} N
 * @param {N} name @param {unknown} value
 * @returns {value is import("./quiz-contract.js").Shapes[N]}
 */
export function fits(name, value) {
  return mismatch(name, value) === "";
}
