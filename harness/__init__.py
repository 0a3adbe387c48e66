"""What the tests and the benchmarks share: the static server, the browser, the site
build and Lighthouse. One place, so both measure the same site the same way.
"""

from harness.browser import LAUNCH_ARGS, chrome_path
from harness.lighthouse import audit, shortfalls
from harness.server import free_port, serve
from harness.site import build_site, built_site

__all__ = ["LAUNCH_ARGS", "audit", "build_site", "built_site", "chrome_path", "free_port",
           "serve", "shortfalls"]
