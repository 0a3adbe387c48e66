// @ts-check
// Giscus comments on request: overrides/theme/partials/comments.html renders a "Show comments"
// button with the settings as data attributes; only a click loads Giscus (giscus.app).
// The comments follow the light/dark toggle.
const ORIGIN = "https://giscus.app";

const theme = () =>
  document.body.getAttribute("data-md-color-scheme") === "slate" ? "dark" : "light";

/** @param {HTMLElement} gate the comments' box (data-comments), its settings as data */
function load(gate) {
  const { repo, repoId, category, categoryId } = gate.dataset;
  const host = document.createElement("div");
  host.className = "giscus";
  const script = document.createElement("script");
  script.src = `${ORIGIN}/client.js`;
  script.async = true;
  script.crossOrigin = "anonymous";
  for (const [name, value] of Object.entries({
    "data-repo": repo,
    "data-repo-id": repoId,
    "data-category": category,
    "data-category-id": categoryId,
    "data-mapping": "pathname",
    "data-strict": "1",
    "data-reactions-enabled": "1",
    "data-emit-metadata": "0",
    "data-input-position": "top",
    "data-lang": "en",
    "data-theme": theme(),
  })) script.setAttribute(name, String(value)); // the template always writes all four
  gate.replaceChildren(host, script);
  gate.dataset.state = "loaded";
  host.tabIndex = -1;
  host.focus();
}

// Safe to run twice: each gate is set up once (instant navigation brings new ones).
function setup() {
  /** @type {NodeListOf<HTMLElement>} */
  const gates = document.querySelectorAll("[data-comments]:not([data-state])");
  for (const gate of gates) {
    /** @type {HTMLElement | null} */
    const button = gate.querySelector("[data-comments-show]");
    if (!button) continue;
    gate.dataset.state = "ready";
    button.hidden = false;
    button.addEventListener("click", () => load(gate), { once: true });
  }
}

// The palette toggle changes <body data-md-color-scheme>: tell any Giscus frame.
new MutationObserver(() => {
  /** @type {NodeListOf<HTMLIFrameElement>} */
  const frames = document.querySelectorAll("iframe.giscus-frame");
  for (const frame of frames) {
    frame.contentWindow?.postMessage({ giscus: { setConfig: { theme: theme() } } }, ORIGIN);
  }
}).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });

// Material's instant navigation announces each new page on document$ (an RxJS subject).
/** @typedef {{subscribe: (next: () => void) => unknown}} Pages Material's document$ */
const { document$ } = /** @type {Window & {document$?: Pages}} */ (window);
if (document$) document$.subscribe(setup);
else setup();
