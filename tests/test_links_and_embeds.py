"""Video and full-article links, the click-to-load player, comments, sharing metadata.

The shipped build (`site_dir`) is compared with one build whose settings a deployer has
changed (`custom_dir`): every place that shows a link follows the settings.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from mkdocs.exceptions import PluginError
from mkdocs.theme import Theme
from mkdocs.utils import yaml_load
from playwright.sync_api import Browser, Page, Request, Route, expect

import quiz
from harness import build_site, free_port, serve
from tests.test_content import normalise, pages, parse, seed_bullets, seed_paragraphs
from walk_away.links import LinksPlugin, youtube_id

ROOT = Path(__file__).resolve().parent.parent

# What the shipped mkdocs.yml says (the README's Settings section).
SHIPPED_VIDEO = "https://www.youtube.com/results?search_query=when+to+walk+away+in+negotiations"
SHIPPED_TOPIC = ("mailto:topics@walk-away.example.org"
                 "?subject=Walk%20Away%3A%20a%20topic%20suggestion")

# A deployer's settings.
VIDEO_ID = "AbC_dEf-123"
VIDEO = f"https://www.youtube.com/watch?v={VIDEO_ID}&t=42"
VIDEO_TITLE = "Walking away, explained"
ARTICLE = "https://articles.example.net/when-to-walk-away"
ARTICLE_TITLE = "When to walk away: the long read"
TOPIC = "https://github.com/example/walk-away/issues/new?template=topic.yml"
GISCUS = {"repo": "example/walk-away", "repo_id": "R_kgTest", "category": "Comments",
          "category_id": "DIC_kwTest"}
CUSTOM = f"""
plugins:
  walk-away/links:
    video: {{url: "{VIDEO}", title: "{VIDEO_TITLE}"}}
    article: {{url: "{ARTICLE}", title: "{ARTICLE_TITLE}"}}
    suggest_topic: "{TOPIC}"
  walk-away/comments: {{repo: {GISCUS["repo"]}, repo_id: {GISCUS["repo_id"]},
                        category: {GISCUS["category"]}, category_id: {GISCUS["category_id"]}}}
"""
NOCOOKIE = "https://www.youtube-nocookie.com/"
GISCUS_ORIGIN = "https://giscus.app/"


def build_with(settings: str, dest: Path, site_url: str | None = None
               ) -> subprocess.CompletedProcess[str]:
    """Build the site with mkdocs.yml plus `settings`."""
    return build_site(dest, site_url=site_url, settings=settings)


@pytest.fixture(scope="module")
def custom_port() -> int:
    return free_port()


@pytest.fixture(scope="module")
def custom_dir(tmp_path_factory: pytest.TempPathFactory, custom_port: int) -> Path:
    dest = tmp_path_factory.mktemp("custom") / "site"
    run = build_with(CUSTOM, dest, site_url=f"http://127.0.0.1:{custom_port}/")
    assert run.returncode == 0, run.stderr
    return dest


@pytest.fixture(scope="module")
def custom_url(custom_dir: Path, custom_port: int) -> Iterator[str]:
    with serve(custom_dir, port=custom_port) as url:
        yield url


class Links(HTMLParser):
    """Every <a>: (text, href, inside which landmark-ish container)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str, str]] = []
        self.places: list[str] = []
        self.current: list[str] | None = None
        self.href = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag in {"nav", "footer", "article", "div"}:
            classes = a.get("class", "")
            self.places.append("learn-more" if "quiz-learn-more" in classes
                               else "footer" if tag == "footer"
                               else "cards" if "cards" in classes else "")
        if tag == "a":
            self.current, self.href = [], a.get("href", "")

    def handle_endtag(self, tag: str) -> None:
        if tag in {"nav", "footer", "article", "div"} and self.places:
            self.places.pop()
        if tag == "a" and self.current is not None:
            place = next((p for p in reversed(self.places) if p), "")
            self.links.append((normalise("".join(self.current)), self.href, place))
            self.current = None

    def handle_data(self, data: str) -> None:
        if self.current is not None:
            self.current.append(data)


def links(path: Path) -> list[tuple[str, str, str]]:
    parser = Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.links


def hrefs(path: Path, text: str, place: str | None = None) -> list[str]:
    return [h for t, h, p in links(path) if t.startswith(text) and place in (None, p)]


# --- Settings flow everywhere -------------------------------------------------


@pytest.mark.parametrize(("site", "video", "article", "topic"), [
    ("site_dir", SHIPPED_VIDEO, "article/", SHIPPED_TOPIC),
    ("custom_dir", VIDEO, ARTICLE, TOPIC),
])
def test_every_place_follows_the_link_settings(
    request: pytest.FixtureRequest, site: str, video: str, article: str, topic: str
) -> None:
    root: Path = request.getfixturevalue(site)

    def local(rel: str) -> str:  # the shipped article is a page: links to it are relative
        return article if "://" in article else "../" * rel.count("/") + article

    resources = root / "resources" / "index.html"
    assert hrefs(resources, "Watch on YouTube") == [video]
    assert hrefs(resources, "Read the full article") == [local("resources/")]
    home = root / "index.html"
    assert hrefs(home, "Watch:", "cards") == [video]
    assert hrefs(home, "Read:", "cards") == [local("")]
    assert hrefs(root / "guide" / "index.html", "Read the full article") == [local("guide/")]
    self_check = root / "self-check" / "index.html"
    assert hrefs(self_check, "Watch:", "learn-more") == [video]
    assert hrefs(self_check, "Read:", "learn-more") == [local("self-check/")]
    insights = root / "insights" / "index.html"
    assert topic in hrefs(insights, "Suggest a topic")
    for page in pages(root):
        assert hrefs(page, "Suggest a topic", "footer") == [topic], page
    # Nothing anywhere still points at the other build's addresses.
    others = {SHIPPED_VIDEO, VIDEO, ARTICLE, SHIPPED_TOPIC, TOPIC} - {video, article, topic}
    for page in pages(root):
        assert not others & {h for _, h, _ in links(page)}, page


def test_titles_come_from_the_settings(custom_dir: Path) -> None:
    home = custom_dir / "index.html"
    texts = [t for t, _, p in links(home) if p == "cards"]
    assert f"Watch: {VIDEO_TITLE}" in texts
    assert f"Read: {ARTICLE_TITLE}" in texts
    player = (custom_dir / "resources" / "index.html").read_text(encoding="utf-8")
    assert f'data-video-id="{VIDEO_ID}"' in player
    assert f'data-video-title="{VIDEO_TITLE}"' in player


def named(setting: str) -> str:
    """How MkDocs names a plugin's option in its message: "walk-away/links video.url" as
    "Plugin 'walk-away/links' option 'video': Sub-option 'url': "."""
    plugin, option = setting.split()
    key, _, sub = option.partition(".")
    return (f"Plugin '{plugin}' option '{key}': "
            + (f"Sub-option '{sub}': " if sub else ""))


BAD_SETTINGS = [  # (setting, what a deployer wrote under its plugin, in a YAML flow mapping)
    ("walk-away/links video.url", "video: {url: 'http://www.youtube.com/watch?v=AbC_dEf-123'}"),
    ("walk-away/links video.url", "video: {url: 'https://youtu.be/too-short'}"),
    ("walk-away/links video.url", "video: {url: 'https://www.youtube.com/watch?list=x'}"),
    ("walk-away/links video.title", "video: {title: ''}"),
    ("walk-away/links video.title", "video: {title: [a, list]}"),
    ("walk-away/links article.url", "article: {url: 'www.example.org/article'}"),
    ("walk-away/links article.url", "article: {url: 'no-such-page.md'}"),
    ("walk-away/links suggest_topic", "suggest_topic: 'mailto:nobody'"),
    ("walk-away/comments category_id", "{repo: a/b, repo_id: R, category: C, category_id: ''}"),
    ("walk-away/comments repo", "{repo: not a repo, repo_id: R, category: C, category_id: D}"),
    ("walk-away/comments repo_id", "{repo_id: 7}"),
]


@pytest.mark.parametrize(("setting", "yaml"), BAD_SETTINGS)
def test_a_wrong_setting_stops_the_build_and_names_it(setting: str, yaml: str, tmp_path: Path
                                                       ) -> None:
    plugin, _ = setting.split()
    value = yaml if yaml.startswith("{") else "{" + yaml + "}"
    run = build_with(f"plugins:\n  {plugin}: {value}\n", tmp_path / "site")
    assert run.returncode != 0
    assert named(setting) in run.stderr, run.stderr
    assert "Traceback" not in run.stderr, run.stderr


def test_a_misspelt_setting_stops_the_build_and_names_it(tmp_path: Path) -> None:
    run = build_with("plugins:\n  walk-away/links: {vidoe: {url: 'https://example.org/'}}\n",
                     tmp_path / "site")
    assert run.returncode != 0
    assert "Plugin 'walk-away/links' option 'vidoe': Unrecognised configuration name" \
        in run.stderr, run.stderr


def links_plugin(**settings: object) -> LinksPlugin:
    """The links plugin as MkDocs sets it up: the shipped settings, with `settings` over them."""
    with open(ROOT / "mkdocs.yml", "rb") as file:
        shipped = yaml_load(file)["plugins"]["walk-away/links"]
    plugin = LinksPlugin()
    errors, warnings = plugin.load_config({**shipped, **settings})
    assert errors == [] and warnings == []
    config = SimpleNamespace(theme=Theme("material", custom_dir=str(ROOT / "overrides/theme")))
    plugin.on_config(config)
    return plugin


def test_settings_are_checked_once_by_the_schema() -> None:
    errors, _ = LinksPlugin().load_config({
        "video": {"url": "https://youtu.be/too-short", "title": "T"},
        "article": {"url": "article.md", "title": "A"}, "suggest_topic": "mailto:nobody"})
    assert [key for key, _ in errors] == ["video"]  # MkDocs reports the first
    assert "Sub-option 'url': 'https://youtu.be/too-short' is a YouTube video address" \
        in str(errors[0][1])


@pytest.mark.parametrize("url", [
    f"https://www.youtube.com/watch?v={VIDEO_ID}",
    f"https://youtu.be/{VIDEO_ID}?si=share",
    f"https://www.youtube.com/embed/{VIDEO_ID}",
    f"https://www.youtube-nocookie.com/embed/{VIDEO_ID}",
])
def test_the_video_id_is_derived_from_each_youtube_form(url: str) -> None:
    assert youtube_id(url) == VIDEO_ID
    assert youtube_id(SHIPPED_VIDEO) is None
    assert links_plugin(video={"url": url, "title": "T"}).video.video_id == VIDEO_ID


def test_placeholders_and_references() -> None:
    plugin = links_plugin(video={"url": f"https://youtu.be/{VIDEO_ID}",
                                 "title": "A *bold* <video>"},
                          article={"url": "article.md", "title": "The article"},
                          suggest_topic=TOPIC)
    page = SimpleNamespace(file=SimpleNamespace(src_uri="guide/index.md"))
    out = plugin.on_page_markdown("{{ links.video.title }} [x][links.article]\n\n"
                                  "{{ links.video.player }}\n", page, None, None)
    assert out.startswith("A \\*bold\\* &lt;video&gt; [x][links.article]")
    assert f'data-video-id="{VIDEO_ID}"' in out and "<video>" not in out
    assert "[links.article]: <../article.md>" in out
    assert f"[suggest_topic]: <{TOPIC}>" in out
    with pytest.raises(PluginError, match=r"unknown placeholder '\{\{ links.vidoe.url \}\}'"):
        plugin.on_page_markdown("{{ links.vidoe.url }}", page, None, None)
    with pytest.raises(PluginError, match=r"unknown link reference \[links.vidoe\]"):
        plugin.on_page_content("<p>[Watch][links.vidoe]</p>", page, None, None)


# --- The full article ------------------------------------------------------------


def test_the_full_article_has_every_seed_section_in_order(site_dir: Path, seed_text: str
                                                          ) -> None:
    text = normalise("".join(parse(site_dir / "article" / "index.html").content_text))
    position = 0
    for block in seed_paragraphs(seed_text):
        if "\u2022" in block:
            for name, sentence in seed_bullets(seed_text):
                found = text.find(normalise(f"{name}: {sentence}"), position)
                assert found >= 0, name
                position = found
            continue
        found = text.find(normalise(block), position)
        assert found >= 0, f"not found in order: {block[:60]}"
        position = found


def test_each_seed_passage_is_written_once(seed_text: str) -> None:
    sources = {p: normalise(p.read_text(encoding="utf-8"))
               for p in [*sorted((ROOT / "docs").rglob("*.md")), ROOT / "includes" / "article.md"]}
    sentences = [normalise(sentence) for _, sentence in seed_bullets(seed_text)]
    for block in seed_paragraphs(seed_text):
        if len(block.split()) < 12 or "\u2022" in block:  # headings; the list: by sign
            continue
        sentences.append(normalise(block).split(": Watch on")[0].split(": Read the full")[0])
    for sentence in sentences:
        where = [p.relative_to(ROOT).as_posix() for p, t in sources.items() if sentence in t]
        assert where == ["includes/article.md"], (sentence[:50], where)


def test_the_sign_anchors_stay_on_the_signs_page(site_dir: Path) -> None:
    article = parse(site_dir / "article" / "index.html").heading_ids
    assert not {sign.section.anchor for sign in quiz.SIGNS} & article


# --- Comments -------------------------------------------------------------------


def test_comments_render_only_when_configured(site_dir: Path, custom_dir: Path) -> None:
    for page in pages(site_dir):
        html = page.read_text(encoding="utf-8")
        assert "data-comments" not in html and "giscus" not in html.lower(), page
    insights = (custom_dir / "insights" / "index.html").read_text(encoding="utf-8")
    for key, value in GISCUS.items():
        assert f'data-{key.replace("_", "-")}="{value}"' in insights
    assert "Show comments" in insights and "third-party" in insights
    assert "giscus.app/client.js" not in insights  # loaded by the button, not the page
    for page in pages(custom_dir):
        if page.parent.name != "insights":
            assert "data-comments" not in page.read_text(encoding="utf-8"), page


# --- Sharing and discovery --------------------------------------------------------


class Meta(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, str] = {}
        self.canonical = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "meta" and (a.get("property") or a.get("name")):
            self.meta[a.get("property") or a["name"]] = a.get("content", "")
        if tag == "link" and a.get("rel") == "canonical":
            self.canonical = a.get("href", "")


def test_every_page_has_sharing_metadata(site_dir: Path) -> None:
    for path in pages(site_dir):
        meta = Meta()
        meta.feed(path.read_text(encoding="utf-8"))
        for name in ("og:title", "og:description", "og:type", "og:site_name",
                     "twitter:title", "twitter:description"):
            assert meta.meta.get(name, "").strip(), f"{path}: {name}"
        assert meta.meta["twitter:card"] == "summary"
        assert meta.meta["og:description"] == meta.meta["description"]
        if path.name == "index.html":
            assert meta.canonical and meta.meta.get("og:url") == meta.canonical, path


def test_sitemap_and_robots(site_dir: Path, site_url: str) -> None:
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    for path in site_dir.rglob("index.html"):
        rel = path.parent.relative_to(site_dir).as_posix()
        assert f"<loc>{site_url}{'' if rel == '.' else rel + '/'}</loc>" in sitemap, rel
    robots = (site_dir / "robots.txt").read_text(encoding="utf-8")
    assert "User-agent: *" in robots
    assert f"Sitemap: {site_url}sitemap.xml" in robots


# --- In the browser -----------------------------------------------------------------


def foreign(site_url: str, urls: list[str]) -> list[str]:
    origin = "{0.scheme}://{0.netloc}/".format(urlsplit(site_url))
    return [u for u in urls if not u.startswith((origin, "data:", "blob:"))]


@pytest.fixture
def requests(page: Page) -> list[str]:
    seen: list[str] = []
    page.on("request", lambda r: seen.append(r.url))
    # Offline stand-ins for the third parties, so a click has something to load.
    page.route(NOCOOKIE + "**", lambda route: route.fulfill(
        content_type="text/html", body="<!doctype html><title>player</title><p>player</p>"))
    page.route(GISCUS_ORIGIN + "**", giscus_stub)
    return seen


def giscus_stub(route: Route, request: Request) -> None:
    """client.js: one iframe.giscus-frame; the widget records the messages it receives."""
    if request.url.endswith("/client.js"):
        route.fulfill(content_type="text/javascript", body="""
            const s = document.currentScript, f = document.createElement('iframe');
            f.className = 'giscus-frame'; f.title = 'Comments';
            f.src = 'https://giscus.app/widget?theme=' + s.dataset.theme;
            document.querySelector('.giscus').append(f);""")
    else:
        route.fulfill(content_type="text/html", body="""<!doctype html><title>widget</title>
            <script>window.received = [];
            addEventListener('message', (e) => received.push(e.data));</script>""")


@pytest.mark.browser
def test_video_loads_nothing_until_play_then_the_nocookie_player(
    page: Page, custom_url: str, requests: list[str]
) -> None:
    page.goto(custom_url)
    # Instant navigation to the Resources page: the player is set up on the new page too.
    page.locator('.md-nav a[href$="resources/"]').first.click()
    expect(page).to_have_url(re.compile(r"resources/$"))
    box = page.locator("[data-video-embed]")
    expect(box).to_contain_text(VIDEO_TITLE)
    play = box.get_by_role("button", name=re.compile("Play video"))
    expect(play).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert foreign(custom_url, requests) == []
    assert box.locator("iframe").count() == 0

    play.focus()
    page.keyboard.press("Enter")
    frame = box.locator("iframe")
    expect(frame).to_have_attribute("src", f"{NOCOOKIE}embed/{VIDEO_ID}?autoplay=1")
    expect(frame).to_have_attribute("title", VIDEO_TITLE)
    expect(frame).to_be_focused()
    page.wait_for_load_state("networkidle")
    assert foreign(custom_url, requests)
    assert all(u.startswith(NOCOOKIE) for u in foreign(custom_url, requests)), requests


@pytest.mark.browser
def test_without_javascript_the_video_is_a_link(browser: Browser, custom_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(custom_url + "resources/")
    expect(page.locator("[data-video-play]")).to_be_hidden()
    expect(page.locator("[data-video-embed] a")).to_have_attribute("href", VIDEO)
    context.close()


@pytest.mark.browser
def test_comments_load_only_on_request_and_follow_the_palette(
    page: Page, custom_url: str, requests: list[str]
) -> None:
    page.emulate_media(color_scheme="light")
    page.goto(custom_url)
    page.locator('.md-nav a[href$="insights/"]').first.click()  # instant navigation
    expect(page).to_have_url(re.compile(r"insights/$"))
    show = page.get_by_role("button", name="Show comments")
    expect(show).to_be_visible()
    expect(page.locator("[data-comments]")).to_contain_text("third-party")
    page.wait_for_load_state("networkidle")
    assert foreign(custom_url, requests) == []

    show.click()
    script = page.locator(f'script[src="{GISCUS_ORIGIN}client.js"]')
    expect(script).to_have_count(1)
    for key, value in GISCUS.items():
        expect(script).to_have_attribute(f'data-{key.replace("_", "-")}', value)
    expect(script).to_have_attribute("data-theme", "light")
    expect(page.locator("iframe.giscus-frame")).to_have_count(1)
    assert foreign(custom_url, requests)
    assert all(u.startswith(GISCUS_ORIGIN) for u in foreign(custom_url, requests)), requests

    toggle = page.locator("form[data-md-component=palette] label:visible")
    for _ in range(2):  # system (light) -> light -> dark
        toggle.click()
        toggle = page.locator("form[data-md-component=palette] label:visible")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    widget = next(f for f in page.frames if f.url.startswith(GISCUS_ORIGIN + "widget"))
    widget.wait_for_function(
        "() => window.received.some((m) => m.giscus?.setConfig?.theme === 'dark')")


@pytest.mark.browser
def test_learn_more_links_are_shown_with_the_results(page: Page, custom_url: str) -> None:
    page.goto(custom_url + "self-check/")
    first = quiz.load_bank("spot-the-signs").questions[0]
    page.locator(f'input[name="{first.id}"]').first.check()
    page.get_by_role("button", name=re.compile("results", re.I)).click()
    results = page.locator("[data-quiz-results]")
    expect(results.locator(".quiz-profile")).to_be_visible(timeout=60_000)
    more = results.get_by_role("navigation", name="Learn more")
    expect(more).to_be_visible()
    expect(more.get_by_role("link", name=re.compile("^Watch"))).to_have_attribute("href", VIDEO)
    expect(more.get_by_role("link", name=re.compile("^Read"))).to_have_attribute("href", ARTICLE)
