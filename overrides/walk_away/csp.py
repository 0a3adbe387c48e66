"""A strict Content Security Policy on every page, and the same policy for static hosts.

Inline scripts are allowed only by hash, computed here from the built page, so the
theme's small inline scripts run and nothing injected can. Python needs
'wasm-unsafe-eval'. Third-party origins come only from plugins whose configured feature
needs one (the video player, comments): such a plugin has a `third_parties()` method
(ThirdParties below), so this module knows no feature by name. `_headers` (Netlify /
Cloudflare Pages format) carries the policy and the content types and caching static
hosts need.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path
from typing import Protocol, runtime_checkable

from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.pages import Page

INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)
EXECUTABLE = re.compile(r'\btype="(?:text/javascript|module)"')
# After the charset declaration, which must come first; before every script.
HEAD = re.compile(r"<head[^>]*>\s*(?:<meta charset=[^>]*>)?")
THIRD_PARTY_DIRECTIVES = ("script-src", "frame-src", "style-src")


@runtime_checkable
class ThirdParties(Protocol):
    """A plugin whose feature, as configured, loads from other origins (on request)."""

    def third_parties(self) -> dict[str, list[str]]:
        """Origins by directive (script-src, frame-src, style-src); empty when unused."""
        ...


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
    """Origins the configured features need, by directive, from every plugin that says."""
    origins: dict[str, list[str]] = {directive: [] for directive in THIRD_PARTY_DIRECTIVES}
    for plugin in config.plugins.values():
        if isinstance(plugin, ThirdParties):
            for directive, found in plugin.third_parties().items():
                origins[directive] += [o for o in found if o not in origins[directive]]
    return origins


def policy(origins: dict[str, list[str]], hashes: set[str]) -> str:
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'wasm-unsafe-eval'", *sorted(hashes), *origins["script-src"]],
        "style-src": ["'self'", *origins["style-src"]],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "worker-src": ["'self'"],
        "frame-src": origins["frame-src"] or ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


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


class CspConfig(Config):
    """No options."""


class CspPlugin(BasePlugin[CspConfig]):
    origins: dict[str, list[str]]  # this build's third parties
    hashes: set[str]  # every page's inline scripts, for _headers

    @event_priority(-100)  # the other plugins configure first: their origins are settled
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.origins = third_parties(config)
        return config

    def on_pre_build(self, config: MkDocsConfig) -> None:
        self.hashes = set()

    @event_priority(-100)  # last: it hashes the page as every other plugin left it
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        hashes = script_hashes(output)
        self.hashes |= hashes
        meta = (f'<meta http-equiv="Content-Security-Policy" '
                f'content="{policy(self.origins, hashes)}">')
        return HEAD.sub(lambda m: m[0] + meta, output, count=1)

    def on_post_build(self, config: MkDocsConfig) -> None:
        text = HEADERS.format(policy=policy(self.origins, self.hashes))
        (Path(config.site_dir) / "_headers").write_text(text, encoding="utf-8")
