// @ts-check
// The page's side of the quiz worker: one worker per tab, shared by every quiz and
// kept across instant navigations. loadPyodide() may never settle, so a watchdog gives
// up when nothing has happened for a while: no downloaded bytes for `timeoutMs` while
// Python downloads, or twice that while it starts. Slow but moving is never a failure.
// Requests and replies are the engine's contract (quiz/contract.py, quiz-contract.d.ts).
import { STALL_MS } from "./quiz-contract.js";
import { Failure, word } from "./quiz-words.js"; // the page's words (quiz/wording.py)

/** @typedef {import("./quiz-contract.js").Request} Request */
/** @typedef {import("./quiz-contract.js").ReplyTo} ReplyTo */
/** @typedef {import("./quiz-worker.js").WorkerRequest} WorkerRequest */
/** @typedef {import("./quiz-worker.js").WorkerMessage} WorkerMessage */
/** @typedef {import("./quiz-worker.js").Progress} Progress */
/** @typedef {{resolve: (message: WorkerMessage) => void, reject: (error: Error) => void}} Call */
/**
 * @typedef {{limitMs: number, stalled: Promise<never>, poke: (update?: Partial<Progress>) => void,
 *   stop: () => void}} Watchdog
 */

const workerUrl = new URL("./quiz-worker.js", import.meta.url);
/** @type {Worker | null} */
let worker = null;
/** @type {Promise<unknown> | null} */
let booted = null; // Promise: Python is running in the worker
/** @type {Watchdog | null} */
let watchdog = null;
let nextId = 1;
/** @type {Map<number, Call>} */
const pending = new Map();
/** @type {Set<(update: Progress) => void>} */
const progress = new Set();

/** @param {Error} error */
function fail(error) {
  for (const { reject } of pending.values()) reject(error);
  pending.clear();
  watchdog?.stop();
  worker?.terminate();
  worker = null;
  booted = null;
}

/**
 * Rejects `stalled` when no progress arrives in time; `poke` on every sign of life.
 * @param {number} limitMs @returns {Watchdog}
 */
function stallWatch(limitMs) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  let downloading = true;
  /** @type {(error: Error) => void} */
  let stall = () => {};
  /** @type {Promise<never>} */
  const stalled = new Promise((_, reject) => { stall = reject; });
  /** @type {Watchdog} */
  const watch = {
    limitMs,
    stalled,
    poke(update = {}) {
      if (update.phase) {
        downloading = update.phase === "download" && Number(update.loaded) < Number(update.total);
      }
      clearTimeout(timer);
      const seconds = Math.round(watch.limitMs / 1000);
      timer = downloading
        ? setTimeout(() => stall(new Failure("failure.stalled", { seconds })), watch.limitMs)
        : setTimeout(() => stall(new Failure("failure.slow")), 2 * watch.limitMs);
    },
    stop: () => clearTimeout(timer),
  };
  watch.poke();
  return watch;
}

function spawn() {
  worker = new Worker(workerUrl, { type: "module", name: "walk-away-quiz" });
  /** @param {MessageEvent<WorkerMessage>} event */
  worker.onmessage = ({ data }) => {
    if (data.type === "progress") {
      watchdog?.poke(data);
      return progress.forEach((listener) => listener(data));
    }
    const call = pending.get(data.id);
    if (!call) return;
    pending.delete(data.id);
    if (data.type !== "error") call.resolve(data);
    else if (data.word) call.reject(new Failure(data.word, data.values));
    else call.reject(data.engine ? new EngineError(data.message) : new Error(data.message));
  };
  // A worker script that fails to load (missing, wrong type, blocked) only fires "error".
  worker.onerror = (event) => {
    event.preventDefault();
    fail(new Failure("failure.no-worker"));
  };
}

/** @param {WorkerRequest} request @returns {Promise<WorkerMessage>} */
function send(request) {
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    if (!worker) return reject(new Failure("failure.worker-stopped"));
    worker.postMessage({ id, request });
  });
}

/**
 * Start Python once per tab (and again after a failure); resolves when it runs.
 * @param {number} [timeoutMs]
 */
function boot(timeoutMs = STALL_MS) {
  if (booted) {
    if (watchdog) watchdog.limitMs = timeoutMs;
    return booted;
  }
  if (typeof WebAssembly !== "object") {
    return Promise.reject(new Failure("failure.no-wasm"));
  }
  spawn();
  const watch = watchdog = stallWatch(timeoutMs);
  booted = Promise.race([send({ type: "boot" }), watch.stalled])
    .finally(() => watch.stop())
    .catch((error) => {
      fail(error);
      throw error;
    });
  return booted;
}

/**
 * Resolves when `bank` can be scored (loaded, and scored once: a "warm" request).
 * @param {string} bank @param {number} [timeoutMs]
 */
export async function start(bank, timeoutMs) {
  await request({ type: "warm", bank }, timeoutMs);
}

/** Start Python ahead of need (the reader is heading for a quiz), unless data is dear. */
export function warm() {
  /** @type {{saveData?: boolean, effectiveType?: string} | undefined} */
  const connection = Reflect.get(navigator, "connection");
  if (connection?.saveData || /(^|-)2g$/.test(connection?.effectiveType ?? "")) return;
  boot().catch(() => {}); // a quiz page reports failures when it needs Python
}

/** Python is running but refused the request (the engine's {ok: false, error} reply). */
export class EngineError extends Error {}

/**
 * Any engine request (quiz/contract.py, handled by quiz/bridge.py); resolves with the
 * engine's {ok: true, ...} reply for that request's type.
 * @template {Request} R
 * @param {R} payload @param {number} [timeoutMs] @returns {Promise<ReplyTo[R["type"]]>}
 */
export async function request(payload, timeoutMs) {
  await boot(timeoutMs);
  const message = await send(payload);
  if (message.type !== "reply") throw new Failure("failure.out-of-turn");
  const answer = JSON.parse(message.reply);
  if (!answer.ok) throw new EngineError(String(answer.error || word("status.unknown")));
  return answer;
}

/**
 * `listener({phase, loaded, total, download})` while Python downloads and starts.
 * @param {(update: Progress) => void} listener
 */
export function onProgress(listener) {
  progress.add(listener);
  return () => progress.delete(listener);
}

