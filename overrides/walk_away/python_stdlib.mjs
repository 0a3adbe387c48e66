// Precompiles the Python the browser's worker loads, with Pyodide's own CPython under
// Node (a host CPython 3.14 to match it is not available: see README, Performance).
// Called by python_stdlib.py; every file it writes goes to OUT:
//   quiz.zip          the quiz package as sourceless .pyc, with its banks
//   python_stdlib.zip the standard-library modules start-up and the engine import, as .pyc
//   report.json       the modules kept and how the trimmed runtime answered the trace
// Usage: node python_stdlib.mjs PYODIDE_DIR WHEEL OUT SETTINGS.json
// A module the engine needs but cannot be found stops it with that module's name.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [pyodideDir, wheel, out, settingsFile] = process.argv.slice(2);
const settings = JSON.parse(readFileSync(settingsFile, "utf8"));
const { loadPyodide } = await import(pathToFileURL(join(pyodideDir, "pyodide.mjs")).href);
const SITE = "/lib/python3.14/site-packages";
const COMPILER = readFileSync(new URL("./python_stdlib_compile.py", import.meta.url), "utf8");
const TRACE = readFileSync(new URL("./python_stdlib_trace.py", import.meta.url), "utf8");

function stop(message) {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

/** The module a ModuleNotFoundError names, from Pyodide's error text. */
function missingModule(error) {
  return /ModuleNotFoundError: No module named '([^']+)'/.exec(String(error?.message))?.[1];
}

/** Pyodide as the browser's worker starts it: quiz zip unpacked into site-packages. */
async function worker(options, quiz, label) {
  try {
    const pyodide = await loadPyodide({ indexURL: pyodideDir, lockFileContents: settings.lock,
      ...options });
    const extractDir = pyodide.runPython("import site; site.getsitepackages()[0]");
    pyodide.unpackArchive(quiz, "zip", { extractDir });
    pyodide.pyimport("quiz.bridge");
    return pyodide;
  } catch (error) {
    const name = missingModule(error);
    if (name) stop(`${label}: Python needs the module '${name}' to start, ${settings.missingHint}`);
    throw error;
  }
}

/** Runs the trace (every bank, right/wrong/hostile answers, bank errors): its answers. */
function trace(pyodide, label) {
  try {
    pyodide.runPython(TRACE);
    return pyodide.runPython("trace()");
  } catch (error) {
    const name = missingModule(error);
    if (name) stop(`${label}: the quiz engine needs the module '${name}', ${settings.missingHint}`);
    throw error;
  }
}

/** Files under `where` of every module imported so far (imports nothing itself). */
function importedFiles(pyodide, where) {
  return pyodide.runPython(`import sys
sorted(f.removeprefix("${where}/") for m in list(sys.modules.values())
       if (f := getattr(m, "__file__", None) or "").startswith("${where}/"))`).toJs();
}

// 1. Compile the quiz package in a scratch interpreter (its imports must not count).
// Without column ranges (PYTHONNODEBUGRANGES) the .pyc files are much smaller;
// tracebacks keep their line numbers.
const compiler = await loadPyodide({ indexURL: pyodideDir, lockFileContents: settings.lock,
  env: { PYTHONNODEBUGRANGES: "1" } });
compiler.FS.writeFile("/tmp/quiz.whl", new Uint8Array(readFileSync(wheel)));
compiler.runPython(COMPILER);
const fullQuiz = compiler.runPython(`compile_quiz("/tmp/quiz.whl", ${settings.optimize.quiz})`)
  .toJs();

// 2. Trace what start-up and the engine import, in a fresh Pyodide with the full stdlib.
const traced = await worker({}, fullQuiz, "Pyodide's standard library");
const answers = trace(traced, "Pyodide's standard library");
const modules = importedFiles(traced, "/lib/python314.zip");
compiler.globals.set("quiz_files", compiler.toPy(importedFiles(traced, SITE)));
const quiz = compiler.runPython("trim_quiz(quiz_files)").toJs();

// 3. Compile those modules and the safety list into a trimmed, sourceless stdlib.
compiler.globals.set("wanted", compiler.toPy([...modules, ...settings.safety]));
const result = compiler.runPython(`compile_stdlib(wanted, ${settings.optimize.stdlib})`)
  .toJs({ dict_converter: Object.fromEntries });
if (result.missing.length) {
  stop(`The standard library of Pyodide lacks ${result.missing.map((m) => `'${m}'`).join(", ")}`
    + ` (named in the safety list of python_stdlib.py): remove it there or pin a Pyodide that`
    + ` has it.`);
}

// 4. Prove it: the trimmed runtime must start and answer the trace exactly as before.
writeFileSync(join(out, "python_stdlib.zip"), result.zip);
writeFileSync(join(out, "quiz.zip"), quiz);
const trimmed = await worker({ stdLibURL: join(out, "python_stdlib.zip") }, quiz,
  "The trimmed standard library");
const again = trace(trimmed, "The trimmed standard library");
if (JSON.stringify(again) !== JSON.stringify(answers)) {
  stop("The trimmed standard library answers the trace differently from Pyodide's own.");
}
writeFileSync(join(out, "report.json"), JSON.stringify({
  traced: modules, kept: result.kept, answers: answers.length,
}, null, 1));
