// Runs the quiz engine (Python, under Pyodide) off the page's thread.
// Protocol, page -> worker: {id, type: "boot"} | {id, type: "init", bank}
//                           | {id, type: "score", request}
//           worker -> page: {type: "progress", phase, loaded, total, download}
//                           | {id, type: "ready"} | {id, type: "result", response}
//                           | {id, type: "error", message, engine?: true}
// An error with `engine` came from the engine on one request while Python kept running;
// any other error means Python could not start.
// Pyodide fetches its own files; the worker counts their bytes as they arrive, so the page
// can show progress and tell a slow download from one that stopped.

const runtimeUrl = new URL("../quiz/runtime.json", import.meta.url);
let engine = null; // Promise of quiz.bridge.handle, shared by every request

async function fetchOk(url, options) {
  const response = await fetch(url, options);
  if (!response.ok) throw new Error(`${url.pathname} could not be downloaded (${response.status})`);
  return response;
}

/** Reports the bytes of the runtime's downloads; `watch(response)` counts one of them. */
function downloadMeter(runtime) {
  const total = runtime.wasm.size + runtime.stdlib.size + runtime.quiz.size;
  let loaded = 0;
  let sent = 0;
  const report = (force) => {
    if (!force && performance.now() - sent < 250) return;
    sent = performance.now();
    postMessage({ type: "progress", phase: "download", loaded, total, download: runtime.download });
  };
  report(true);
  return async function watch(response) {
    const reader = response.clone().body.getReader(); // a copy: the original stays intact
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      loaded += chunk.value.byteLength;
      report(loaded >= total);
    }
  };
}

/** Pyodide downloads with the global fetch: count those bytes, and check our stdlib's hash. */
async function withCountedFetch(runtime, files, body) {
  const plainFetch = self.fetch;
  const watch = downloadMeter(runtime);
  let failed;
  const failure = new Promise((_, reject) => { failed = reject; });
  self.fetch = async (resource, init) => {
    const url = String(resource instanceof Request ? resource.url : resource);
    const integrity = files.get(url);
    const response = await plainFetch(resource, integrity ? { ...init, integrity } : init);
    if (!response.ok) failed(new Error(`${new URL(url).pathname} could not be downloaded ` +
      `(${response.status})`));
    else watch(response).catch(() => {}); // a broken download fails Pyodide's own read
    return response;
  };
  try {
    return await Promise.race([body(), failure]);
  } finally {
    self.fetch = plainFetch;
  }
}

async function start() {
  if (typeof WebAssembly !== "object") throw new Error("this browser has no WebAssembly");
  const runtime = await (await fetchOk(runtimeUrl, { cache: "no-cache" })).json();
  const indexURL = new URL(runtime.pyodide, runtimeUrl).href;
  const stdLibURL = new URL(runtime.stdlib.url, runtimeUrl).href;
  const quizURL = new URL(runtime.quiz.url, runtimeUrl).href;
  const files = new Map([[stdLibURL, runtime.stdlib.integrity],
    [quizURL, runtime.quiz.integrity], [new URL("pyodide.asm.wasm", indexURL).href, null]]);
  const pyodide = await withCountedFetch(runtime, files, async () => {
    // Our quiz package downloads while Python boots; the hash proves it is the one we built.
    const quiz = fetch(quizURL).then((response) => {
      if (!response.ok) throw new Error(`${new URL(quizURL).pathname} could not be downloaded`);
      return response.arrayBuffer();
    });
    quiz.catch(() => {}); // reported when awaited below
    const { loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href);
    const python = await loadPyodide({ indexURL, stdLibURL, lockFileContents: runtime.lock });
    postMessage({ type: "progress", phase: "prepare" });
    python.unpackArchive(new Uint8Array(await quiz), "zip",
      { extractDir: python.runPython("import site; site.getsitepackages()[0]") });
    return python;
  });
  return pyodide.pyimport("quiz.bridge").handle;
}

function reply(id, body) {
  postMessage({ id, ...body });
}

/** What went wrong, in one line: a Python traceback's last line names the error. */
function summary(error) {
  const lines = String(error?.message ?? error).split("\n").filter((line) => line.trim());
  return (error?.type ? lines.at(-1) : lines[0]) ?? "an unknown problem";
}

self.onmessage = async ({ data }) => {
  const { id, type } = data;
  let handle;
  try {
    engine ??= start();
    handle = await engine;
  } catch (error) {
    engine = null; // the next request starts Python again
    return reply(id, { type: "error", message: summary(error) });
  }
  try {
    if (type === "init") {
      handle(JSON.stringify({ bank: data.bank, answers: {} })); // load the bank once
      reply(id, { type: "ready" });
    } else if (type === "score") {
      reply(id, { type: "result", response: handle(data.request) });
    } else {
      reply(id, { type: "ready" });
    }
  } catch (error) {
    // The bridge answers every input with JSON, so this is a fault in the engine itself.
    reply(id, { type: "error", engine: true, message: summary(error) });
  }
};
