// Runs the quiz engine (Python, under Pyodide) off the page's thread.
// Protocol, page -> worker: {id, type: "init", bank} | {id, type: "score", request}
//           worker -> page: {type: "progress", text} | {id, type: "ready"}
//                           | {id, type: "result", response} | {id, type: "error", message}

const runtimeUrl = new URL("../quiz/runtime.json", import.meta.url);
let engine = null; // Promise of quiz.bridge.handle, shared by every request

async function fetchOk(url, options) {
  const response = await fetch(url, options);
  if (!response.ok) throw new Error(`${url.pathname} could not be downloaded (${response.status})`);
  return response;
}

async function start() {
  if (typeof WebAssembly !== "object") throw new Error("this browser has no WebAssembly");
  const runtime = await (await fetchOk(runtimeUrl, { cache: "no-cache" })).json();
  const indexURL = new URL(runtime.pyodide, runtimeUrl).href;
  // Download the wheel while Python boots; the hash proves it is the one we built.
  const wheel = fetchOk(new URL(runtime.wheel, runtimeUrl), { integrity: runtime.integrity })
    .then((response) => response.arrayBuffer());
  wheel.catch(() => {}); // reported when awaited below
  postMessage({ type: "progress", text: "Downloading Python (about 6 MB, once)…" });
  const { loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href);
  const pyodide = await loadPyodide({ indexURL });
  postMessage({ type: "progress", text: "Preparing the self-check…" });
  const sitePackages = pyodide.runPython("import sysconfig; sysconfig.get_paths()['purelib']");
  pyodide.unpackArchive(new Uint8Array(await wheel), "wheel", { extractDir: sitePackages });
  return pyodide.pyimport("quiz.bridge").handle;
}

function reply(id, body) {
  postMessage({ id, ...body });
}

self.onmessage = async ({ data }) => {
  const { id, type } = data;
  try {
    engine ??= start();
    const handle = await engine;
    if (type === "init") {
      handle(JSON.stringify({ bank: data.bank, answers: {} })); // load the bank once
      reply(id, { type: "ready" });
    } else if (type === "score") {
      reply(id, { type: "result", response: handle(data.request) });
    }
  } catch (error) {
    engine = null;
    reply(id, { type: "error", message: String(error?.message ?? error).split("\n")[0] });
  }
};
