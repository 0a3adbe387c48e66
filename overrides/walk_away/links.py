"""The video, the full article and "Suggest a topic": site settings, checked once, used everywhere.

Settings (mkdocs.yml, `plugins:` → `walk-away/links:`; the README's "Settings" section):
  video.url, video.title      an https address. A YouTube video (watch, youtu.be or embed
                              address) gets a click-to-load player.
  article.url, article.title  an https address, or a page of this site given as its path
                              under docs/ (the shipped `article.md`).
  suggest_topic               an https address (an issue form) or a mailto: address.
MkDocs checks them against LinksConfig before the build starts; a wrong value stops it
with a message naming the option (an article page that does not exist: in on_files).

In Markdown (pages and the snippets they include):
  [text][links.video]  [text][links.article]  [text][suggest_topic]
      reference links to the settings: this plugin defines them on every page.
In a page's own Markdown (not inside snippets):
  {{ links.video.title }}  {{ links.article.title }}   the title, as text
  {{ links.video.player }}   the click-to-load player (a plain link for a non-video address)
An unknown {{ placeholder }} or [text][links.…] reference stops the build. A quiz's results
get a "Learn more" block with both links where the quiz fence leaves its marker. The
player and that block are templates in overrides/theme/partials/ (video-player.html,
learn-more.html), which take their words from quiz/wording.py through `word()`;
templates get `suggest_topic` as a global.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from html import escape
from typing import Any
from urllib.parse import parse_qs, urlsplit

from jinja2 import Environment
from mkdocs.config import config_options as c
from mkdocs.config.base import BaseConfigOption, Config, ValidationError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from quiz import wording
from quiz.render import RESULTS_EXTRA

YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com",
                 "youtube-nocookie.com", "www.youtube-nocookie.com"}
VIDEO_ID = re.compile(r"[A-Za-z0-9_-]{11}")
MAILTO = re.compile(r"mailto:[^@\s<>\"]+@[^@\s<>\"?]+(\?[^\s<>\"]*)?")
PLACEHOLDER = re.compile(r"\{\{\s*(.*?)\s*\}\}")
UNKNOWN_REFERENCE = re.compile(r"\]\[((?:links\.|suggest_topic)[^\]]*)\]")
PLAYER_ORIGIN = "https://www.youtube-nocookie.com"


def youtube_id(url: str) -> str | None:
    """The video id of a YouTube watch, youtu.be or embed address; None for other pages.

    ValueError for a YouTube video address without a valid id."""
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
        raise ValueError(f"{url!r} is a YouTube video address without a valid video id "
                         "(expected 11 letters, digits, - or _).")
    return candidate


def is_page(url: str) -> bool:
    """A page of this site, given as its path under docs/ (such as article.md)."""
    return (not urlsplit(url).scheme and url.endswith(".md") and not url.startswith("/")
            and ".." not in url.split("/"))


# --- The settings' schema ------------------------------------------------------------


class Text(BaseConfigOption[str]):
    """Text that must not be empty; surrounding spaces are dropped."""

    def run_validation(self, value: object) -> str:
        if not isinstance(value, str) or not value.strip():
            raise ValidationError("missing or empty (see the README's Settings section).")
        return value.strip()


class Address(Text):
    """An absolute https:// address; subclasses accept more."""

    problem = "is not an absolute https:// address"

    def run_validation(self, value: object) -> str:
        url = super().run_validation(value)
        if not self.accepts(url):
            raise ValidationError(f"{url!r} {self.problem}.")
        return url

    def accepts(self, url: str) -> bool:
        parts = urlsplit(url)
        return (parts.scheme == "https" and bool(parts.hostname)
                and not re.search(r"[\s<>\"'`]", url))


class VideoAddress(Address):
    def run_validation(self, value: object) -> str:
        url = super().run_validation(value)
        try:
            youtube_id(url)
        except ValueError as error:
            raise ValidationError(str(error)) from None
        return url


class ArticleAddress(Address):
    problem = ("is neither an absolute https:// address nor a page of this site (a path "
               "under docs/ such as article.md)")

    def accepts(self, url: str) -> bool:
        return is_page(url) or super().accepts(url)


class TopicAddress(Address):
    problem = "is neither an absolute https:// address nor a mailto:name@example.org address"

    def accepts(self, url: str) -> bool:
        return bool(MAILTO.fullmatch(url)) if url.startswith("mailto:") else super().accepts(url)


class VideoConfig(Config):
    url = VideoAddress()
    title = Text()


class ArticleConfig(Config):
    url = ArticleAddress()
    title = Text()


class LinksConfig(Config):
    video = c.SubConfig(VideoConfig)
    article = c.SubConfig(ArticleConfig)
    suggest_topic = TopicAddress()


# --- Using them ----------------------------------------------------------------------


@dataclass(frozen=True)
class Link:
    url: str           # https address, or a docs path when `page` is True
    title: str
    page: bool = False
    video_id: str | None = None


def markdown_text(value: str) -> str:
    """A setting's text, safe in running Markdown (no markup, no HTML)."""
    return re.sub(r"([\\`*_\[\]{}])", r"\\\1", escape(value, quote=False))


def href(link: Link, page: Page) -> str:
    """The address to write in `page`'s Markdown: a site page relative to it."""
    if not link.page:
        return link.url
    return posixpath.relpath(link.url, posixpath.dirname(page.file.src_uri) or ".")


def fail(option: str, problem: str) -> PluginError:
    """The same wording as MkDocs' own check of the options."""
    key, _, sub = option.partition(".")
    where = f"option '{key}': Sub-option '{sub}'" if sub else f"option '{key}'"
    return PluginError(f"Plugin 'walk-away/links' {where}: {problem}")


class LinksPlugin(BasePlugin[LinksConfig]):
    video: Link
    article: Link
    templates: Environment  # the theme's, for the player and "Learn more"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        video, article = self.config.video, self.config.article
        self.video = Link(video.url, video.title, video_id=youtube_id(video.url))
        self.article = Link(article.url, article.title, page=is_page(article.url))
        self.templates = config.theme.get_env()
        self.templates.globals["word"] = wording.theme_word  # the partials' words
        return config

    def third_parties(self) -> dict[str, list[str]]:
        """For the Content Security Policy: a YouTube video gets the player's frame."""
        return {"frame-src": [PLAYER_ORIGIN]} if self.video.video_id else {}

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        if self.article.page and files.get_file_from_path(self.article.url) is None:
            raise fail("article.url", f"{self.article.url!r} is not a page of this site "
                       f"(no {self.article.url} under {config.docs_dir}).")
        return files

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        env.globals["suggest_topic"] = self.config.suggest_topic  # partials/copyright.html
        return env

    def partial(self, name: str, **context: Any) -> str:
        """One of our templates in overrides/theme/partials/."""
        return self.templates.get_template(f"partials/{name}").render(**context).strip()

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        # One line: Markdown keeps a raw HTML block together only without blank lines.
        player = " ".join(self.partial("video-player.html", video=self.video).split())
        values = {
            "links.video.title": markdown_text(self.video.title),
            "links.article.title": markdown_text(self.article.title),
            "links.video.player": player,
        }

        def substitute(match: re.Match[str]) -> str:
            if match.group(1) not in values:
                raise PluginError(
                    f"{page.file.src_uri}: unknown placeholder {match.group(0)!r}; known: "
                    + ", ".join("{{ " + name + " }}" for name in values)
                )
            return values[match.group(1)]

        references = (
            f"[links.video]: <{self.video.url}>\n"
            f"[links.article]: <{href(self.article, page)}>\n"
            f"[suggest_topic]: <{self.config.suggest_topic}>\n"
        )
        return PLACEHOLDER.sub(substitute, markdown) + "\n\n" + references

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig,
                        files: Files) -> str:
        where = page.file.src_uri
        if match := UNKNOWN_REFERENCE.search(html):
            raise PluginError(f"{where}: unknown link reference [{match.group(1)}]; known: "
                              "[links.video], [links.article], [suggest_topic]")
        if match := PLACEHOLDER.search(html):
            raise PluginError(f"{where}: placeholder {match.group(0)!r} left in the page "
                              "(placeholders work in a page's own Markdown, not in snippets)")
        if RESULTS_EXTRA not in html:
            return html
        return html.replace(RESULTS_EXTRA, self.learn_more(page, files))

    def learn_more(self, page: Page, files: Files) -> str:
        article_href = self.article.url
        if self.article.page:
            target = files.get_file_from_path(self.article.url)
            assert target is not None  # checked in on_files
            article_href = get_relative_url(target.url, page.url)
        return self.partial("learn-more.html", video=self.video, article=self.article,
                            article_href=article_href)
