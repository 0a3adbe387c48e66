// The page's side of the quiz worker: one worker per tab, shared by every quiz and
// kept across instant navigations, with a timeout because loadPyodide() may never settle.

const workerUrl = new URL("./quiz-worker.js", import.meta.url);
let worker = null;
let ready = null;
let nextId = 1;
const pending = new Map();
const progress = new Set();

function fail(error) {
  for (const { reject } of pending.values()) reject(error);
  pending.clear();
  worker?.terminate();
  worker = null;
  ready = null;
}

function spawn() {
  worker = new Worker(workerUrl, { type: "module", name: "walk-away-quiz" });
  worker.onmessage = ({ data }) => {
    if (data.type === "progress") return progress.forEach((listener) => listener(data.text));
    const call = pending.get(data.id);
    if (!call) return;
    pending.delete(data.id);
    if (data.type === "error") call.reject(new Error(data.message));
    else call.resolve(data);
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

/** Start Python once per tab; resolves when `bank` can be scored. */
export function start(bank, timeoutMs) {
  if (ready) return ready;
  if (typeof WebAssembly !== "object") {
    return Promise.reject(new Error("this browser does not support WebAssembly"));
  }
  spawn();
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error("it took too long to load")), timeoutMs);
  });
  ready = Promise.race([send({ type: "init", bank }), timeout])
    .finally(() => clearTimeout(timer))
    .catch((error) => {
      fail(error);
      throw error;
    });
  return ready;
}

/** Score {bank, answers}; resolves with the engine's reply {ok, result} or {ok, error}. */
export async function score(bank, answers, timeoutMs) {
  await start(bank, timeoutMs);
  const reply = await send({ type: "score", request: JSON.stringify({ bank, answers }) });
  return JSON.parse(reply.response);
}

export function onProgress(listener) {
  progress.add(listener);
  return () => progress.delete(listener);
}

/** Any bridge request (a round's score, the next round); resolves with the engine's reply. */
export async function request(bank, payload, timeoutMs) {
  await start(bank, timeoutMs);
  const reply = await send({ type: "score", request: JSON.stringify(payload) });
  return JSON.parse(reply.response);
}
