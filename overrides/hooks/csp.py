"""A strict Content Security Policy on every page, and the same policy for static hosts.

Inline scripts are allowed only by hash, computed here from the built page, so the
theme's small inline scripts run and nothing injected can. Python needs
'wasm-unsafe-eval'. Third-party origins are added only for the features that are
configured (the video player, comments). `_headers` (Netlify / Cloudflare Pages format)
carries the policy and the content types and caching static hosts need.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path
from typing import Any

# Sibling hook modules (MkDocs puts this folder on the path while it loads a hook): the
# policy asks them which features are configured instead of reading what they left behind.
import comments
import links
from mkdocs.config.defaults import MkDocsConfig

INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)
EXECUTABLE = re.compile(r'\btype="(?:text/javascript|module)"')
# After the charset declaration, which must come first; before every script.
HEAD = re.compile(r"<head[^>]*>\s*(?:<meta charset=[^>]*>)?")
_hashes: set[str] = set()


def script_hashes(html: str) -> set[str]:
    found = set()
    for match in INLINE_SCRIPT.finditer(html):
        attrs = match["attrs"]
        if "src=" in attrs or ("type=" in attrs and not EXECUTABLE.search(attrs)):
            continue  # external, or data such as Material's JSON config
        digest = hashlib.sha256(match["body"].encode("utf-8")).digest()
        found.add(f"'sha256-{base64.b64encode(digest).decode()}'")
    return found


def third_parties(config: MkDocsConfig) -> dict[str, list[str]]:
    """Origins the configured features need, by directive."""
    origins: dict[str, list[str]] = {"script-src": [], "frame-src": [], "style-src": []}
    if links.read(config).video.video_id:  # a YouTube video gets the click-to-load player
        origins["frame-src"].append("https://www.youtube-nocookie.com")
    if comments.enabled(config):
        for directive in ("script-src", "frame-src", "style-src"):  # its widget CSS too
            origins[directive].append("https://giscus.app")
    return origins


def policy(config: MkDocsConfig, hashes: set[str]) -> str:
    extra = third_parties(config)
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'wasm-unsafe-eval'", *sorted(hashes), *extra["script-src"]],
        "style-src": ["'self'", *extra["style-src"]],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "worker-src": ["'self'"],
        "frame-src": extra["frame-src"] or ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def on_pre_build(config: MkDocsConfig) -> None:
    _hashes.clear()


def on_post_page(output: str, page: Any, config: MkDocsConfig) -> str:
    hashes = script_hashes(output)
    _hashes.update(hashes)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(config, hashes)}">'
    return HEAD.sub(lambda m: m[0] + meta, output, count=1)


HEADERS = """\
# Headers for static hosts that read this file (Netlify, Cloudflare Pages).
/*
  Content-Security-Policy: {policy}
  Referrer-Policy: strict-origin-when-cross-origin
  X-Content-Type-Options: nosniff
  Cache-Control: public, max-age=300, must-revalidate

# Pyodide is self-hosted in a versioned folder, the quiz wheel in a folder named by
# its hash: both can be cached for good.
/assets/pyodide/*
  Cache-Control: public, max-age=31536000, immutable

/assets/quiz/*/*
  Cache-Control: public, max-age=31536000, immutable

/*.wasm
  Content-Type: application/wasm

/*.mjs
  Content-Type: text/javascript
"""


def on_post_build(config: MkDocsConfig) -> None:
    text = HEADERS.format(policy=policy(config, _hashes))
    (Path(config.site_dir) / "_headers").write_text(text, encoding="utf-8")
