// ESLint for the page scripts, the build's Node helpers and the JavaScript tests
// (`./dev test` runs it). Types are tsc's job (tsconfig.json); this catches the rest.
import js from "@eslint/js";
import globals from "globals";

export default [
  { ignores: ["site/**", "node_modules/**", ".venv/**", ".cache/**",
    "docs/assets/javascripts/quiz-contract.js"] }, // generated from quiz/contract.py
  js.configs.recommended,
  {
    files: ["**/*.js", "**/*.mjs"],
    languageOptions: { ecmaVersion: 2023, sourceType: "module" },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      eqeqeq: ["error", "always"],
      "no-var": "error",
      "prefer-const": "error",
      "no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_",
        caughtErrors: "none" }],
      "no-implicit-globals": "error",
      "no-throw-literal": "error",
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
      "object-shorthand": "error",
    },
  },
  { // The page's scripts run in the browser; the worker in a worker.
    files: ["docs/assets/javascripts/**"],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ["docs/assets/javascripts/quiz-worker.js"],
    languageOptions: { globals: { ...globals.worker } },
  },
  { // Build helpers, test drivers and unit tests run under Node.
    files: ["overrides/**/*.mjs", "tests/**/*.mjs", "harness/**/*.mjs", "bench/**/*.mjs",
      "eslint.config.mjs"],
    languageOptions: { globals: { ...globals.node } },
  },
];
