"""A static file server for the built site, as a static host would serve it.

It can mount the site under a sub-path (a project site such as /walk-away/) and
can be told to break one file, so tests can see how the page copes.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import ClassVar

COMPRESSIBLE = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".wasm"}
TYPES = {
    ".wasm": "application/wasm",
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".json": "application/json",
    ".whl": "application/octet-stream",
    ".zip": "application/zip",
    ".svg": "image/svg+xml",
}


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map, **TYPES
    }
    prefix = "/"
    missing: frozenset[str] = frozenset()
    wrong_type: frozenset[str] = frozenset()
    compress = False
    gzipped: ClassVar[dict[Path, bytes]] = {}

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_prefix__")
        return super().translate_path("/" + path[len(self.prefix) :])

    def _name(self) -> str:
        return self.path.split("?", 1)[0].rsplit("/", 1)[-1]

    def send_head(self):  # type: ignore[no-untyped-def]
        if self._name() in self.missing:
            self.send_error(404, "removed for this test")
            return None
        if self.compress and "gzip" in self.headers.get("Accept-Encoding", ""):
            path = Path(self.translate_path(self.path))
            path = path / "index.html" if path.is_dir() and self.path.endswith("/") else path
            if path.suffix in COMPRESSIBLE and path.is_file():
                return self.send_gzipped(path)
        return super().send_head()

    def send_gzipped(self, path: Path) -> io.BytesIO:
        """Like a static host: text and WebAssembly go out compressed."""
        if path not in self.gzipped:
            self.gzipped[path] = gzip.compress(path.read_bytes(), 6)
        data = self.gzipped[path]
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        return io.BytesIO(data)

    def guess_type(self, path):  # type: ignore[no-untyped-def]
        if Path(str(path)).name in self.wrong_type:
            return "text/plain"
        return super().guess_type(path)

    def end_headers(self) -> None:
        # Like a static host's short page caching: tests see fresh files.
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(
    root: Path,
    prefix: str = "/",
    missing: frozenset[str] = frozenset(),
    wrong_type: frozenset[str] = frozenset(),
    port: int = 0,
    compress: bool = False,
) -> Iterator[str]:
    """Serve `root` on a free loopback port; yield the site's base URL."""
    handler = type(
        "Handler",
        (SiteHandler,),
        {"prefix": prefix, "missing": missing, "wrong_type": wrong_type,
         "compress": compress, "gzipped": {}},
    )
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", port), functools.partial(handler, directory=str(root))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port
