"""Write robots.txt for the address the site is built for (site_url, e.g. from SITE_URL).

MkDocs already writes sitemap.xml; robots.txt points crawlers at it. Crawlers read
robots.txt only at a host's root, so on a sub-path deploy it is there for the host to copy.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin


class RobotsConfig(Config):
    """No options."""


class RobotsPlugin(BasePlugin[RobotsConfig]):
    def on_post_build(self, config: MkDocsConfig) -> None:
        lines = ["User-agent: *", "Allow: /"]
        if config.site_url:
            lines.append(f"Sitemap: {config.site_url.rstrip('/')}/sitemap.xml")
        (Path(config.site_dir) / "robots.txt").write_text("\n".join(lines) + "\n",
                                                          encoding="utf-8")
