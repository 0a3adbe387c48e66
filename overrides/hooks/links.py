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
setting (the message names it). Pages with a self-check's results get a "Learn more" block
with both links inside the results.
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

YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com",
                 "youtube-nocookie.com", "www.youtube-nocookie.com"}
VIDEO_ID = re.compile(r"[A-Za-z0-9_-]{11}")
PLACEHOLDER = re.compile(r"\{\{\s*(.*?)\s*\}\}")
UNKNOWN_REFERENCE = re.compile(r"\]\[((?:links\.|suggest_topic)[^\]]*)\]")
RESULTS_END = "data-results-body></div></section>"  # quiz/render.py's results box


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


def player(video: Link) -> str:
    """The click-to-load player: a local poster and a Play button, no request to YouTube.

    video.js turns the button on and swaps in the youtube-nocookie.com player on click;
    without JavaScript the poster stays and the link below it goes to the video.
    """
    title, url = escape(video.title), escape(video.url)
    if video.video_id is None:
        return f'<p class="video-link"><a href="{url}">{title}</a></p>'
    return (
        f'<div class="video-embed" data-video-embed data-video-id="{video.video_id}" '
        f'data-video-title="{title}">'
        '<div class="video-embed__poster">'
        f'<p class="video-embed__title">{title}</p>'
        '<button type="button" class="video-embed__play" data-video-play hidden>'
        '<svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">'
        '<path fill="currentColor" d="M8 5v14l11-7z"/></svg>'
        f'Play video<span class="sr-only">: {title}</span></button>'
        "</div>"
        '<p class="video-embed__note">Playing the video loads it from YouTube '
        "(youtube-nocookie.com), which can see your IP address; nothing is loaded before "
        f'you press Play. Or <a href="{url}">watch it on YouTube</a>.</p>'
        "</div>"
    )


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    settings = read(config)  # a wrong setting stops the build here, before any page is built
    # For the CSP hook: the player's origin is allowed only when there is a video to play.
    config.extra["video_id"] = settings.video.video_id or ""
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
        "links.video.player": player(settings.video),
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
    if "data-quiz-results" not in html:
        return html
    if html.count("data-quiz-results") != html.count(RESULTS_END):
        raise PluginError(f"{where}: the self-check's results box changed shape; the "
                          f"links hook looks for {RESULTS_END!r} to add 'Learn more'.")
    return html.replace(RESULTS_END, RESULTS_END.removesuffix("</section>")
                        + learn_more(read(config), page, files) + "</section>")


def learn_more(settings: Settings, page: Page, files: Files) -> str:
    video, article = settings.video, settings.article
    article_href = article.url
    if article.page:
        target = files.get_file_from_path(article.url)
        assert target is not None  # checked in on_files
        article_href = get_relative_url(target.url, page.url)
    return (
        '<nav class="quiz-learn-more" aria-label="Learn more">'
        "<h3>Learn more</h3><ul>"
        f'<li><a href="{escape(video.url)}" data-link="video">Watch: {escape(video.title)}</a></li>'
        f'<li><a href="{escape(article_href)}" data-link="article">'
        f"Read: {escape(article.title)}</a></li>"
        "</ul></nav>"
    )
