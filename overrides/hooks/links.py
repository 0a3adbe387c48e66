"""The video, the full article and "Suggest a topic": site settings, checked once, used everywhere.

Settings (mkdocs.yml, under `extra:`; the README's "Settings" section):
  links.video.url, links.video.title      an https address. A YouTube video (watch, youtu.be
                                          or embed address) gets a click-to-load player.
  links.article.url, links.article.title  an https address, or a page of this site given as
                                          its path under docs/ (the shipped `article.md`).
  suggest_topic                           an https address (an issue form) or a mailto: address.

In Markdown (pages and the snippets they include):
  [text][links.video]  [text][links.article]  [text][suggest_topic]
      reference links to the settings: this hook defines them on every page.
In a page's own Markdown (not inside snippets):
  {{ links.video.title }}  {{ links.article.title }}   the title, as text
  {{ links.video.player }}   the click-to-load player (a plain link for a non-video address)
An unknown {{ placeholder }} or [text][links.…] reference stops the build, as does a wrong
setting (the message names it). A quiz's results get a "Learn more" block with both
links where the quiz fence leaves its marker. The player and that block are templates in
overrides/partials/ (video-player.html, learn-more.html).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass
from html import escape
from typing import Any
from urllib.parse import parse_qs, urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from quiz.render import RESULTS_EXTRA

YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com",
                 "youtube-nocookie.com", "www.youtube-nocookie.com"}
VIDEO_ID = re.compile(r"[A-Za-z0-9_-]{11}")
PLACEHOLDER = re.compile(r"\{\{\s*(.*?)\s*\}\}")
UNKNOWN_REFERENCE = re.compile(r"\]\[((?:links\.|suggest_topic)[^\]]*)\]")


@dataclass(frozen=True)
class Link:
    url: str           # https address, or a docs path when `page` is True
    title: str
    page: bool = False
    video_id: str | None = None


@dataclass(frozen=True)
class Settings:
    video: Link
    article: Link
    suggest_topic: str


def fail(setting: str, problem: str) -> PluginError:
    return PluginError(f"Setting extra.{setting} in mkdocs.yml: {problem}")


def text(extra: Mapping[str, Any], setting: str) -> str:
    value: Any = extra
    for key in setting.split("."):
        value = value.get(key) if isinstance(value, Mapping) else None
    if not isinstance(value, str) or not value.strip():
        raise fail(setting, "is missing or empty (see the README's Settings section).")
    return value.strip()


def https(setting: str, url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname or re.search(r"[\s<>\"'`]", url):
        raise fail(setting, f"{url!r} is not an absolute https:// address.")
    return url


def youtube_id(setting: str, url: str) -> str | None:
    """The video id of a YouTube watch, youtu.be or embed address; None for other pages."""
    parts = urlsplit(url)
    host, path = (parts.hostname or "").lower(), parts.path.rstrip("/")
    if host == "youtu.be":
        candidate = path.lstrip("/")
    elif host in YOUTUBE_HOSTS and path == "/watch":
        candidate = parse_qs(parts.query).get("v", [""])[0]
    elif host in YOUTUBE_HOSTS and path.startswith("/embed/"):
        candidate = path.removeprefix("/embed/")
    else:
        return None  # a search, a channel, another site: shown as a plain link
    if not VIDEO_ID.fullmatch(candidate):
        raise fail(setting, f"{url!r} is a YouTube video address without a valid video id "
                            "(expected 11 letters, digits, - or _).")
    return candidate


def read(config: MkDocsConfig) -> Settings:
    extra = config.extra
    video_url = https("links.video.url", text(extra, "links.video.url"))
    article_url = text(extra, "links.article.url")
    if urlsplit(article_url).scheme:
        article = Link(https("links.article.url", article_url), text(extra, "links.article.title"))
    elif (article_url.endswith(".md") and not article_url.startswith("/")
          and ".." not in article_url.split("/")):
        article = Link(article_url, text(extra, "links.article.title"), page=True)
    else:
        raise fail("links.article.url", f"{article_url!r} is neither an absolute https:// "
                   "address nor a page of this site (a path under docs/ such as article.md).")
    topic = text(extra, "suggest_topic")
    if topic.startswith("mailto:"):
        if not re.fullmatch(r"mailto:[^@\s<>\"]+@[^@\s<>\"?]+(\?[^\s<>\"]*)?", topic):
            raise fail("suggest_topic", f"{topic!r} is not a mailto: address like "
                       "mailto:name@example.org.")
    else:
        https("suggest_topic", topic)
    return Settings(
        Link(video_url, text(extra, "links.video.title"),
             video_id=youtube_id("links.video.url", video_url)),
        article,
        topic,
    )


def href(link: Link, page: Page) -> str:
    """The address to write in `page`'s Markdown: a site page relative to it."""
    if not link.page:
        return link.url
    return posixpath.relpath(link.url, posixpath.dirname(page.file.src_uri) or ".")


def markdown_text(value: str) -> str:
    """A setting's text, safe in running Markdown (no markup, no HTML)."""
    return re.sub(r"([\\`*_\[\]{}])", r"\\\1", escape(value, quote=False))


def partial(config: MkDocsConfig, name: str, **context: Any) -> str:
    """One of our templates in overrides/partials/, through the theme's Jinja environment."""
    return config.theme.get_env().get_template(f"partials/{name}").render(**context).strip()


def player(config: MkDocsConfig, video: Link) -> str:
    # One line: Markdown keeps a raw HTML block together only without blank lines.
    return " ".join(partial(config, "video-player.html", video=video).split())


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    read(config)  # a wrong setting stops the build here, before any page is built
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    article = read(config).article
    if article.page and files.get_file_from_path(article.url) is None:
        raise fail("links.article.url", f"{article.url!r} is not a page of this site "
                   f"(no {article.url} under {config.docs_dir}).")
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    settings = read(config)
    values = {
        "links.video.title": markdown_text(settings.video.title),
        "links.article.title": markdown_text(settings.article.title),
        "links.video.player": player(config, settings.video),
    }

    def substitute(match: re.Match[str]) -> str:
        if match.group(1) not in values:
            raise PluginError(
                f"{page.file.src_uri}: unknown placeholder {match.group(0)!r}; known: "
                + ", ".join("{{ " + name + " }}" for name in values)
            )
        return values[match.group(1)]

    references = (
        f"[links.video]: <{settings.video.url}>\n"
        f"[links.article]: <{href(settings.article, page)}>\n"
        f"[suggest_topic]: <{settings.suggest_topic}>\n"
    )
    return PLACEHOLDER.sub(substitute, markdown) + "\n\n" + references


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    where = page.file.src_uri
    if match := UNKNOWN_REFERENCE.search(html):
        raise PluginError(f"{where}: unknown link reference [{match.group(1)}]; known: "
                          "[links.video], [links.article], [suggest_topic]")
    if match := PLACEHOLDER.search(html):
        raise PluginError(f"{where}: placeholder {match.group(0)!r} left in the page "
                          "(placeholders work in a page's own Markdown, not in snippets)")
    if RESULTS_EXTRA not in html:
        return html
    return html.replace(RESULTS_EXTRA, learn_more(config, read(config), page, files))


def learn_more(config: MkDocsConfig, settings: Settings, page: Page, files: Files) -> str:
    article_href = settings.article.url
    if settings.article.page:
        target = files.get_file_from_path(settings.article.url)
        assert target is not None  # checked in on_files
        article_href = get_relative_url(target.url, page.url)
    return partial(config, "learn-more.html", video=settings.video, article=settings.article,
                   article_href=article_href)
