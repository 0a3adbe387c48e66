// The page's side of the quiz worker: one worker per tab, shared by every quiz and
// kept across instant navigations. loadPyodide() may never settle, so a watchdog gives
// up when nothing has happened for a while: no downloaded bytes for `timeoutMs` while
// Python downloads, or twice that while it starts. Slow but moving is never a failure.

const workerUrl = new URL("./quiz-worker.js", import.meta.url);
const STALL_MS = 15000;
let worker = null;
let booted = null; // Promise: Python is running in the worker
let watchdog = null;
let nextId = 1;
const pending = new Map();
const progress = new Set();

function fail(error) {
  for (const { reject } of pending.values()) reject(error);
  pending.clear();
  watchdog?.stop();
  worker?.terminate();
  worker = null;
  booted = null;
}

/** Rejects `stalled` when no progress arrives in time; `poke` on every sign of life. */
function stallWatch(limitMs) {
  let timer;
  let downloading = true;
  const watch = { limitMs };
  watch.stalled = new Promise((_, reject) => {
    watch.poke = (update = {}) => {
      if (update.phase) downloading = update.phase === "download" && update.loaded < update.total;
      clearTimeout(timer);
      const seconds = Math.round(watch.limitMs / 1000);
      timer = downloading
        ? setTimeout(() => reject(new Error(`the download stopped: nothing arrived for ${
          seconds} s`)), watch.limitMs)
        : setTimeout(() => reject(new Error("it took too long to start")), 2 * watch.limitMs);
    };
  });
  watch.stop = () => clearTimeout(timer);
  watch.poke();
  return watch;
}

function spawn() {
  worker = new Worker(workerUrl, { type: "module", name: "walk-away-quiz" });
  worker.onmessage = ({ data }) => {
    if (data.type === "progress") {
      watchdog?.poke(data);
      return progress.forEach((listener) => listener(data));
    }
    const call = pending.get(data.id);
    if (!call) return;
    pending.delete(data.id);
    if (data.type !== "error") call.resolve(data);
    else call.reject(data.engine ? new EngineError(data.message) : new Error(data.message));
  };
  // A worker script that fails to load (missing, wrong type, blocked) only fires "error".
  worker.onerror = (event) => {
    event.preventDefault();
    fail(new Error("the Python worker could not be loaded"));
  };
}

function send(message) {
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    worker.postMessage({ id, ...message });
  });
}

/** Start Python once per tab (and again after a failure); resolves when it runs. */
function boot(timeoutMs = STALL_MS) {
  if (booted) {
    if (watchdog) watchdog.limitMs = timeoutMs;
    return booted;
  }
  if (typeof WebAssembly !== "object") {
    return Promise.reject(new Error("this browser does not support WebAssembly"));
  }
  spawn();
  watchdog = stallWatch(timeoutMs);
  booted = Promise.race([send({ type: "boot" }), watchdog.stalled])
    .finally(() => watchdog.stop())
    .catch((error) => {
      fail(error);
      throw error;
    });
  return booted;
}

/** Resolves when `bank` can be scored. */
export async function start(bank, timeoutMs) {
  await boot(timeoutMs);
  await send({ type: "init", bank });
}

/** Start Python ahead of need (the reader is heading for a quiz), unless data is dear. */
export function warm() {
  const connection = navigator.connection;
  if (connection?.saveData || /(^|-)2g$/.test(connection?.effectiveType ?? "")) return;
  boot().catch(() => {}); // a quiz page reports failures when it needs Python
}

/** Python is running but refused the request (the engine's {ok: false, error} reply). */
export class EngineError extends Error {}

/** Any bridge request (quiz/bridge.py); resolves with the engine's {ok: true, ...} reply. */
export async function request(payload, timeoutMs) {
  await boot(timeoutMs);
  const reply = await send({ type: "score", request: JSON.stringify(payload) });
  const answer = JSON.parse(reply.response);
  if (!answer.ok) throw new EngineError(String(answer.error || "an unknown problem"));
  return answer;
}

/** `listener({phase, loaded, total, download})` while Python downloads and starts. */
export function onProgress(listener) {
  progress.add(listener);
  return () => progress.delete(listener);
}

