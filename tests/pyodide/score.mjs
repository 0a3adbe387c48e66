// Scores requests with the Python a built site ships, loaded the way its worker loads it:
// the site's Pyodide, its trimmed precompiled standard library (stdLibURL), its minimal
// lock file, and its precompiled quiz package unpacked into site-packages.
// Usage: node score.mjs SITE_DIR CASES.json
//   CASES: {"requests": [json, ...], "banks": {"file": "toml text", ...}}
//   -> {"python": version, "results": [json, ...], "banks": {"file": message, ...},
//       "orders": json of {bank id: {question id: [option id, ...]}}}
// A module missing from the shipped standard library exits 3, naming the module.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [site, casesFile] = process.argv.slice(2);
const folder = join(site, "assets", "quiz");
const runtime = JSON.parse(readFileSync(join(folder, "runtime.json"), "utf8"));
const indexURL = join(folder, runtime.pyodide);
const { loadPyodide } = await import(pathToFileURL(join(indexURL, "pyodide.mjs")).href);
const cases = JSON.parse(readFileSync(casesFile, "utf8"));

try {
  const pyodide = await loadPyodide({ indexURL, stdLibURL: join(folder, runtime.stdlib.url),
    lockFileContents: runtime.lock });
  pyodide.unpackArchive(new Uint8Array(readFileSync(join(folder, runtime.quiz.url))), "zip",
    { extractDir: pyodide.runPython("import site; site.getsitepackages()[0]") });
  const handle = pyodide.pyimport("quiz.bridge").handle;
  const results = cases.requests.map((request) => handle(request));
  pyodide.globals.set("broken_banks", pyodide.toPy(cases.banks));
  const banks = pyodide.runPython(`
import quiz
messages = {}
for file, text in broken_banks.items():
    try:
        quiz.parse_bank(text, file)
        messages[file] = "accepted"
    except quiz.BankError as error:
        messages[file] = str(error)
messages`).toJs({ dict_converter: Object.fromEntries });
  const orders = pyodide.runPython(`
import json
json.dumps({b: {q.id: [o.id for o in q.options] for q in quiz.load_bank(b).questions}
            for b in quiz.bank_ids()})`);
  const python = pyodide.runPython("import sys; sys.version");
  process.stdout.write(JSON.stringify({ python, results, banks, orders }));
} catch (error) {
  const missing = /ModuleNotFoundError: No module named '([^']+)'/.exec(String(error?.message));
  if (!missing) throw error;
  process.stderr.write(`The shipped standard library lacks the module '${missing[1]}'\n`);
  process.exit(3);
}
