"""Static checks of the built site: valid HTML, every link resolves, a strict CSP."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from walk_away.pyodide import FILES

ROOT = Path(__file__).resolve().parent.parent
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# Material's hidden toggle checkboxes carry autocomplete="off" (a known theme finding).
KNOWN_THEME_FINDING = re.compile(r"Attribute “autocomplete” is only allowed when the input type is")


def test_every_page_is_valid_html(site_dir: Path) -> None:
    java = shutil.which("java")
    assert java, "the Nu Html Checker needs Java: apt-get install default-jre-headless"
    run = subprocess.run([java, "-jar", str(VNU), "--skip-non-html", "--format", "json",
                          str(site_dir)], capture_output=True, text=True, check=False)
    messages = json.loads(run.stderr or run.stdout)["messages"]
    errors = [f"{m.get('url', '')}:{m.get('lastLine')}: {m['message']}" for m in messages
              if m["type"] == "error" and not KNOWN_THEME_FINDING.search(m["message"])]
    assert errors == []
    assert any(KNOWN_THEME_FINDING.search(m["message"]) for m in messages), \
        "the checker ran on no page"


class Links(HTMLParser):
    """Collects ids and the addresses a page points at."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.refs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(str(found["id"]))
        for name in ("href", "src"):
            if found.get(name) and not (tag == "link" and found.get("rel") in {"canonical"}):
                self.refs.append(str(found[name]))


def parse(file: Path) -> Links:
    links = Links()
    links.feed(file.read_text(encoding="utf-8"))
    return links


def target(site_dir: Path, page: Path, ref: str) -> tuple[Path, str] | None:
    """The file and anchor an internal reference leads to; None for other origins."""
    parts = urlsplit(ref)
    if parts.scheme or parts.netloc or ref.startswith(("mailto:", "data:", "javascript:")):
        return None
    if parts.path.startswith("/"):  # root-absolute, as in Material's 404 page
        path = (site_dir / unquote(parts.path).lstrip("/")).resolve()
    else:
        path = (page.parent / unquote(parts.path)).resolve() if parts.path else page
    if path.is_dir() or parts.path.endswith("/"):
        path = path / "index.html"
    return path, parts.fragment


def test_every_internal_link_and_anchor_resolves(site_dir: Path) -> None:
    pages = {p.resolve(): parse(p) for p in site_dir.rglob("*.html")}
    broken = []
    for page, links in pages.items():
        for ref in links.refs:
            found = target(site_dir, page, ref)
            if found is None:
                continue
            path, anchor = found
            if not path.is_file():
                broken.append(f"{page.relative_to(site_dir)}: {ref} (no such file)")
            elif anchor and path in pages and anchor not in pages[path].ids:
                broken.append(f"{page.relative_to(site_dir)}: {ref} (no such anchor)")
    assert broken == []
    assert sum(len(links.refs) for links in pages.values()) > 100


SCRIPT_URL = re.compile(r"""(?:new URL\(|from |import\()\s*["'](\.{1,2}/[^"']+)["']""")


def test_every_address_in_scripts_and_runtime_resolves(site_dir: Path) -> None:
    scripts = site_dir / "assets" / "javascripts"
    ours = [p for p in scripts.glob("*.js") if not p.name.startswith("bundle.")]
    assert ours
    missing = []
    for script in ours:
        for ref in SCRIPT_URL.findall(script.read_text(encoding="utf-8")):
            if not (script.parent / ref).resolve().exists():
                missing.append(f"{script.name}: {ref}")
    runtime_file = site_dir / "assets" / "quiz" / "runtime.json"
    runtime = json.loads(runtime_file.read_text(encoding="utf-8"))
    if not (runtime_file.parent / runtime["pyodide"]).is_dir():
        missing.append(f"runtime.json: pyodide = {runtime['pyodide']}")
    for key in ("stdlib", "quiz"):
        if not (runtime_file.parent / runtime[key]["url"]).is_file():
            missing.append(f"runtime.json: {key} = {runtime[key]['url']}")
    for name in FILES:  # what the build says a browser needs
        if not (runtime_file.parent / runtime["pyodide"] / name).is_file():
            missing.append(f"pyodide runtime: {name}")
    assert missing == []


def csp_of(html: str) -> str:
    match = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
    assert match, "no Content-Security-Policy"
    return match.group(1)


def directives(policy: str) -> dict[str, list[str]]:
    return {d.split()[0]: d.split()[1:] for d in policy.split(";") if d.strip()}


@pytest.mark.parametrize("name", ["index.html", "self-check/index.html", "insights/index.html"])
def test_pages_carry_a_strict_policy(site_dir: Path, name: str) -> None:
    html = (site_dir / name).read_text(encoding="utf-8")
    policy = directives(csp_of(html))
    script = policy["script-src"]
    assert "'unsafe-inline'" not in script and "'unsafe-eval'" not in script
    assert "'wasm-unsafe-eval'" in script
    assert policy["connect-src"] == ["'self'"]
    assert policy["default-src"] == ["'self'"]
    assert html.index("Content-Security-Policy") < html.index("<script")
    inline = re.findall(r"<script>(.*?)</script>", html, re.S)
    assert inline and len([h for h in script if h.startswith("'sha256-")]) == len(set(inline))


def test_static_host_headers(site_dir: Path) -> None:
    headers = (site_dir / "_headers").read_text(encoding="utf-8")
    page_policy = directives(csp_of((site_dir / "index.html").read_text(encoding="utf-8")))
    host_line = re.search(r"Content-Security-Policy: (.+)", headers)
    assert host_line
    host_policy = directives(host_line.group(1))
    assert set(page_policy["script-src"]) <= set(host_policy["script-src"])
    assert re.search(r"/\*\.wasm\n\s+Content-Type: application/wasm", headers)
    assert re.search(r"/\*\.mjs\n\s+Content-Type: text/javascript", headers)
    assert re.search(r"/assets/pyodide/\*\n\s+Cache-Control: [^\n]*immutable", headers)
    assert re.search(r"/\*\n(?:\s+.+\n)*\s+Cache-Control: public, max-age=300", headers)
