"""A static file server for the built site, as a static host would serve it.

It can mount the site under a sub-path (a project site such as /walk-away/) and
can be told to break one file, or to stall its first download halfway (a connection
that stops making progress), so tests can see how the page copes. Like the site's
_headers, versioned folders may be cached for good; everything else is revalidated.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import os
import re
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, ClassVar

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
IMMUTABLE = re.compile(r"/assets/(pyodide/[^/]+|quiz/[0-9a-f]{16})/[^/]+$")


class Stalled(io.BytesIO):
    """A body that stops halfway and then sends nothing until `release` is set."""

    def __init__(self, data: bytes, release: threading.Event) -> None:
        super().__init__(data[: len(data) // 2])
        self.release = release

    def read(self, size: int | None = -1) -> bytes:
        chunk = super().read(size)
        if not chunk:
            self.release.wait(120)
        return chunk


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {  # noqa: RUF012 -- the base class declares it per instance
        **http.server.SimpleHTTPRequestHandler.extensions_map, **TYPES
    }
    prefix = "/"
    missing: frozenset[str] = frozenset()
    wrong_type: frozenset[str] = frozenset()
    compress = False
    gzipped: ClassVar[dict[Path, bytes]] = {}
    stall: ClassVar[set[str]] = set()  # names whose next download stalls halfway
    served: ClassVar[list[str]] = []  # paths of the files sent (200), in order
    release = threading.Event()
    status = 200

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_prefix__")
        return super().translate_path("/" + path[len(self.prefix) :])

    def _name(self) -> str:
        return self.path.split("?", 1)[0].rsplit("/", 1)[-1]

    def send_head(self) -> io.BytesIO | BinaryIO | None:
        if self._name() in self.missing:
            self.send_error(404, "removed for this test")
            return None
        body = self.send_body()
        if body is not None and self.status == 200:
            self.served.append(self.path.split("?", 1)[0])
            if self._name() in self.stall:
                self.stall.discard(self._name())
                return Stalled(body.read(), self.release)
        return body

    def send_body(self) -> io.BytesIO | BinaryIO | None:
        if self.compress and "gzip" in self.headers.get("Accept-Encoding", ""):
            path = Path(self.translate_path(self.path))
            path = path / "index.html" if path.is_dir() and self.path.endswith("/") else path
            if path.suffix in COMPRESSIBLE and path.is_file():
                return self.send_gzipped(path)
        return super().send_head()

    def send_response(self, code: int, message: str | None = None) -> None:
        self.status = code
        super().send_response(code, message)

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

    def guess_type(self, path: str | os.PathLike[str]) -> str:
        if Path(str(path)).name in self.wrong_type:
            return "text/plain"
        return super().guess_type(path)

    def end_headers(self) -> None:
        # Like the site's _headers: versioned files for good, the rest revalidated.
        forever = self.status == 200 and IMMUTABLE.search(self.path.split("?", 1)[0])
        self.send_header("Cache-Control",
                         "public, max-age=31536000, immutable" if forever else "no-cache")
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
    stall: frozenset[str] = frozenset(),
    served: list[str] | None = None,
) -> Iterator[str]:
    """Serve `root` on a free loopback port; yield the site's base URL.

    `stall`: file names whose first download stops halfway; `served`: a list that
    collects the path of every file sent.
    """
    release = threading.Event()
    handler = type(
        "Handler",
        (SiteHandler,),
        {"prefix": prefix, "missing": missing, "wrong_type": wrong_type,
         "compress": compress, "gzipped": {}, "stall": set(stall),
         "served": [] if served is None else served, "release": release},
    )
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", port), functools.partial(handler, directory=str(root))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        release.set()
        server.shutdown()
        server.server_close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port
