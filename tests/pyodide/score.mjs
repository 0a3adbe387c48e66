// Scores requests with the real Pyodide from node_modules, the way the browser's worker
// does: unpack the quiz wheel into site-packages, then call quiz.bridge.handle.
// Usage: node score.mjs WHEEL REQUESTS.json  -> {"python": version, "results": [json, ...]}
import { readFileSync } from "node:fs";
import { loadPyodide } from "pyodide";

const [wheel, requestsFile] = process.argv.slice(2);
const pyodide = await loadPyodide();
pyodide.unpackArchive(new Uint8Array(readFileSync(wheel)), "wheel", {
  extractDir: "/lib/python3.14/site-packages",
});
const handle = pyodide.pyimport("quiz.bridge").handle;
const requests = JSON.parse(readFileSync(requestsFile, "utf8"));
const results = requests.map((request) => handle(request));
const python = pyodide.runPython("import sys; sys.version");
process.stdout.write(JSON.stringify({ python, results }));
