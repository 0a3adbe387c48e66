// Giscus comments on request: overrides/theme/partials/comments.html renders a "Show comments"
// button with the settings as data attributes; only a click loads Giscus (giscus.app).
// The comments follow the light/dark toggle.
const ORIGIN = "https://giscus.app";

const theme = () =>
  document.body.getAttribute("data-md-color-scheme") === "slate" ? "dark" : "light";

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
  })) script.setAttribute(name, value);
  gate.replaceChildren(host, script);
  gate.dataset.state = "loaded";
  host.tabIndex = -1;
  host.focus();
}

// Safe to run twice: each gate is set up once (instant navigation brings new ones).
function setup() {
  for (const gate of document.querySelectorAll("[data-comments]:not([data-state])")) {
    const button = gate.querySelector("[data-comments-show]");
    if (!button) continue;
    gate.dataset.state = "ready";
    button.hidden = false;
    button.addEventListener("click", () => load(gate), { once: true });
  }
}

// The palette toggle changes <body data-md-color-scheme>: tell any Giscus frame.
new MutationObserver(() => {
  for (const frame of document.querySelectorAll("iframe.giscus-frame")) {
    frame.contentWindow?.postMessage({ giscus: { setConfig: { theme: theme() } } }, ORIGIN);
  }
}).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });

if (window.document$) window.document$.subscribe(setup);
else setup();
