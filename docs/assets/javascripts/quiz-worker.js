// @ts-check
// Runs the quiz engine (Python, under Pyodide) off the page's thread.
// Protocol, page -> worker: {id, request}, where the request is {type: "boot"} (start
//   Python) or one of the engine's requests (quiz/contract.py: "score", "next-round",
//   "warm"), which the worker hands to quiz.bridge.handle, the engine's one dispatcher.
// Worker -> page: {type: "progress", phase, loaded, total, download}
//   | {id, type: "ready"} | {id, type: "reply", reply: the engine's JSON reply}
//   | {id, type: "error", message, engine?: true, word?, values?} (the contract's WorkerError)
// An error with `engine` came from the engine on one request while Python kept running;
// any other error means Python could not start: one the page words carries its `word`
// and `values`, any other Pyodide's or Python's own message.
// Pyodide fetches its own files; the worker counts their bytes as they arrive, so the page
// can show progress and tell a slow download from one that stopped.

import { Failure } from "./quiz-words.js"; // failures the page words (quiz/wording.py)

/** @typedef {import("./quiz-contract.js").Request | {type: "boot"}} WorkerRequest */
/** @typedef {import("./quiz-contract.js").WorkerError} WorkerError */
/** @typedef {{id: number, request: WorkerRequest}} WorkerCall */
/**
 * @typedef {{type: "progress", phase: "download", loaded: number, total: number,
 *   download: number} | {type: "progress", phase: "prepare"}} Progress
 * @typedef {{id: number, type: "ready"} | {id: number, type: "reply", reply: string}
 *   | WorkerError} Answer
 * @typedef {Progress | Answer} WorkerMessage
 */
/**
 * What the build writes in assets/quiz/runtime.json (overrides/walk_away/quiz_wheel.py).
 * @typedef {{url: string, size: number, integrity: string}} Published
 * @typedef {{pyodide: string, wasm: {size: number}, stdlib: Published, quiz: Published,
 *   download: number, lock: string}} Runtime
 */
/** @typedef {(request: string) => string} Handle */

const runtimeUrl = new URL("../quiz/runtime.json", import.meta.url);
/** @type {Promise<Handle> | null} */
let engine = null; // Promise of quiz.bridge.handle, shared by every request

/** @param {WorkerMessage} message */
const post = (message) => postMessage(message);

/** @param {URL} url @param {RequestInit} [options] */
async function fetchOk(url, options) {
  const response = await fetch(url, options);
  if (!response.ok) {
    throw new Failure("failure.download", { file: url.pathname, status: response.status });
  }
  return response;
}

/**
 * Reports the bytes of the runtime's downloads; `watch(response)` counts one of them.
 * @param {Runtime} runtime
 */
function downloadMeter(runtime) {
  const total = runtime.wasm.size + runtime.stdlib.size + runtime.quiz.size;
  let loaded = 0;
  let sent = 0;
  /** @param {boolean} force */
  const report = (force) => {
    if (!force && performance.now() - sent < 250) return;
    sent = performance.now();
    post({ type: "progress", phase: "download", loaded, total, download: runtime.download });
  };
  report(true);
  /** @param {Response} response */
  return async function watch(response) {
    const body = response.clone().body; // a copy: the original stays intact
    if (!body) return;
    const reader = body.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      loaded += chunk.value.byteLength;
      report(loaded >= total);
    }
  };
}

/**
 * Pyodide downloads with the global fetch: count those bytes, and check our stdlib's hash.
 * @template T
 * @param {Runtime} runtime @param {Map<string, string | null>} files
 * @param {() => Promise<T>} body @returns {Promise<T>}
 */
async function withCountedFetch(runtime, files, body) {
  const plainFetch = self.fetch;
  const watch = downloadMeter(runtime);
  /** @type {(error: Error) => void} */
  let failed = () => {};
  /** @type {Promise<never>} */
  const failure = new Promise((_, reject) => { failed = reject; });
  self.fetch = async (resource, init) => {
    const url = String(resource instanceof Request ? resource.url : resource);
    const integrity = files.get(url);
    const response = await plainFetch(resource, integrity ? { ...init, integrity } : init);
    if (!response.ok) {
      failed(new Failure("failure.download", { file: new URL(url).pathname,
        status: response.status }));
    }
    else watch(response).catch(() => {}); // a broken download fails Pyodide's own read
    return response;
  };
  try {
    return await Promise.race([body(), failure]);
  } finally {
    self.fetch = plainFetch;
  }
}

/** @returns {Promise<Handle>} */
async function start() {
  if (typeof WebAssembly !== "object") throw new Failure("failure.no-wasm");
  const runtime = await (await fetchOk(runtimeUrl, { cache: "no-cache" })).json();
  const indexURL = new URL(runtime.pyodide, runtimeUrl).href;
  const stdLibURL = new URL(runtime.stdlib.url, runtimeUrl).href;
  const quizURL = new URL(runtime.quiz.url, runtimeUrl).href;
  const files = new Map([[stdLibURL, runtime.stdlib.integrity],
    [quizURL, runtime.quiz.integrity], [new URL("pyodide.asm.wasm", indexURL).href, null]]);
  const pyodide = await withCountedFetch(runtime, files, async () => {
    // Our quiz package downloads while Python boots; the hash proves it is the one we built.
    const quiz = fetch(quizURL).then((response) => {
      if (!response.ok) {
        throw new Failure("failure.download", { file: new URL(quizURL).pathname,
          status: response.status });
      }
      return response.arrayBuffer();
    });
    quiz.catch(() => {}); // reported when awaited below
    /** @type {typeof import("pyodide")} */
    const { loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href);
    const python = await loadPyodide({ indexURL, stdLibURL, lockFileContents: runtime.lock });
    post({ type: "progress", phase: "prepare" });
    python.unpackArchive(new Uint8Array(await quiz), "zip",
      { extractDir: python.runPython("import site; site.getsitepackages()[0]") });
    return python;
  });
  return pyodide.pyimport("quiz.bridge").handle;
}

/**
 * What went wrong, in one line: a Python traceback's last line names the error.
 * Anything may be thrown; Pyodide's PythonError has `type`, the Python exception's name.
 * @param {unknown} error
 */
function summary(error) {
  const { message, type } = /** @type {{message?: unknown, type?: unknown}} */ (error ?? {});
  const lines = String(message ?? error).split("\n").filter((line) => line.trim());
  return (type ? lines.at(-1) : lines[0]) ?? ""; // "": the page says it is unknown
}

/** @param {MessageEvent<WorkerCall>} event */
self.onmessage = async ({ data: { id, request } }) => {
  let handle;
  try {
    engine ??= start();
    handle = await engine;
  } catch (error) {
    engine = null; // the next request starts Python again
    // A failure the page words goes as its key and values (quiz-words.js, Failure).
    if (error instanceof Failure) {
      return post({ id, type: "error", message: error.word, word: error.word,
        values: error.values });
    }
    return post({ id, type: "error", message: summary(error) });
  }
  if (request.type === "boot") return post({ id, type: "ready" });
  try {
    // The bridge dispatches on the request's type and answers every input with JSON.
    post({ id, type: "reply", reply: handle(JSON.stringify(request)) });
  } catch (error) {
    // So this is a fault in the engine itself.
    post({ id, type: "error", engine: true, message: summary(error) });
  }
};
