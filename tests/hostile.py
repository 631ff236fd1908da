"""Helpers for the security tests (tests/test_security*.py): hostile text, Markdown as MkDocs
renders it, and an inspector that says whether any markup from input survived.

The converter uses exactly the Markdown extensions that MkDocs would use for this project: they are
read from mkdocs.yml through MkDocs' own config loader (which also adds its built-in ``toc``,
``tables`` and ``fenced_code``), so a change to mkdocs.yml is tested without editing this file.
"""

from __future__ import annotations

import functools
import html
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import markdown
from hypothesis import strategies as st
from mkdocs.config import load_config
from mkdocs.utils.meta import get_data

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = ROOT / "tests" / "fixtures" / "hostile"
MARKER = "xss"
"""Every payload names this; a live tag, attribute or URL carrying it is an injection."""

# Fragments that mean something to HTML, Markdown, Python-Markdown's extensions, Jinja, YAML or a
# browser. Random text is built by joining them with random characters.
FRAGMENTS = (
    "<script>xss()</script>", "<img src=x onerror=xss()>", "<svg onload=xss()>", "<xss-tag>",
    "<a href=\"javascript:xss()\">x</a>", "<iframe src=//xss.example>", "</p>", "</title>", "-->",
    "<!--", "<![CDATA[", "<style>", "<base href=//xss.example/>", "<math><mi xlink:href=x>",
    "\"><script>xss()</script>", "' onmouseover='xss()", "&lt;script&gt;", "&#60;img&#62;",
    "&#x3C;", "&amp;", "&", "\\<b\\>", "[x](javascript:xss())", "[x](data:text/html,xss)",
    "![x](https://xss.example/p.png)", "<https://xss.example>", "[x]: https://xss.example",
    "[x][1]", "[^1]", "{: onclick=xss() }", "{ #xss .xss onclick=xss() }", "{: style=x }",
    "*", "**", "_", "__", "`", "```", "~~~", "#", "# ", "## x", "> ", "- ", "+ ", "1. ", "1) ",
    "---", "***", "===", "| a | b |", "|---|", ": ", "!!! note", "??? x", "--8<-- \".env\"",
    "{!.env!}", "{% include '.env' %}", "{{ config }}", "{{ 7*7 }}", "{#", "#}", "[TOC]",
    "*[HTML]: xss", "\\", "\\\\", "\u202e", "\u2066", "\u200b", "\ufeff", "\x00", "\x02", "\x03",
    "\x1b[31m", "\u2028", "\x85", "\t", "    ", "  ", "javascript:", "JaVaScRiPt:xss()",
    "java\tscript:xss()", "data:text/html;base64,PHNjcmlwdD54c3MoKTwvc2NyaXB0Pg==", "vbscript:",
    "markdown=\"1\"", "<div markdown>", "</div>", "<details open ontoggle=xss()>", ":xss:",
    "\u0430dmin", "\uff1cscript\uff1e", "\U0001f600", "...", "..", "/", "con", "404",
)

hostile_line = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), min_size=1, max_size=8,
).map("".join)
"""One line of random hostile text (may contain any character, including line breaks)."""

single_line = hostile_line.map(lambda s: re.sub(r"[\r\n]", " ", s))
"""Hostile text without CR or LF: what ingest hands on as a headline or paragraph."""

readable = st.text(st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs")), min_size=1, max_size=20)


@functools.lru_cache(maxsize=1)
def mkdocs_config():
    return load_config(str(ROOT / "mkdocs.yml"))


def markdown_to_html(body: str) -> str:
    """Markdown ``body`` (no front matter) as MkDocs turns it into the HTML of a page."""
    config = mkdocs_config()
    md = markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"])
    return md.convert(body)


def page_to_html(text: str) -> str:
    """A generated docs/ page (front matter first) as MkDocs renders its content. Generated pages
    always start with YAML front matter; without it MkDocs would read leading ``key: value`` lines
    of the body as MultiMarkdown metadata, so its absence is an error here."""
    body, _meta = get_data(text)
    if body == text:
        raise AssertionError("generated page without YAML front matter")
    return markdown_to_html(body)


def front_matter_of(text: str) -> dict:
    """The front matter exactly as MkDocs reads it."""
    return get_data(text)[1]


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []
        self.comments: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, attrs))

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, attrs))

    def handle_data(self, data):
        self.text.append(data)

    def handle_comment(self, data):
        self.comments.append(data)


def parse(page_html: str) -> _Collector:
    collector = _Collector()
    collector.feed(page_html)
    collector.close()
    return collector


GENERATED_TAGS = frozenset({
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "a", "ul", "ol", "li", "small", "time", "span",
    "figure", "figcaption", "article", "section", "aside", "div", "blockquote", "em", "strong",
    "code", "pre", "table", "thead", "tbody", "tr", "th", "td", "dl", "dt", "dd", "details",
    "summary", "nav", "cite", "q", "mark", "abbr", "sup", "sub", "hr", "br", "b", "i", "s",
})
"""Tags the generator's templates and Markdown itself produce: any other tag came from input."""
GENERATED_ATTRS = frozenset({
    "class", "id", "href", "title", "datetime", "rel", "lang", "dir", "role", "hidden", "open",
    "start", "value", "data-md-annotation-id", "aria-label", "aria-hidden", "aria-describedby",
    "tabindex", "colspan", "rowspan", "scope", "cite",
})
"""Attributes the generator's own markup uses. Event handlers, style and src never appear."""
URL_ATTRS = frozenset({"href", "src", "action", "formaction", "srcset", "poster", "data",
                       "xlink:href", "background", "cite", "ping", "manifest"})
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")


def url_scheme(value: str) -> str | None:
    """The scheme a browser would see in an attribute value (control characters and white space
    are ignored by browsers inside a scheme, so they are here too)."""
    cleaned = re.sub(r"[\x00-\x20\x7f]", "", html.unescape(value)).lower()
    match = _SCHEME.match(cleaned)
    return match.group(1) if match else None


def live_markup(page_html: str, tags=GENERATED_TAGS, attrs=GENERATED_ATTRS) -> list[str]:
    """Everything in ``page_html`` that could only have come from input as markup: unknown tags,
    unknown or event-handler attributes, dangerous URL schemes. Empty when the HTML is inert."""
    found = []
    for tag, attributes in parse(page_html).elements:
        if tag not in tags:
            found.append(f"tag <{tag}>")
        for name, value in attributes:
            if name not in attrs or name.startswith("on"):
                found.append(f"attribute {name}= on <{tag}>")
            if name in URL_ATTRS and value is not None:
                scheme = url_scheme(value)
                if scheme is not None and scheme not in SAFE_SCHEMES:
                    found.append(f"{scheme}: URL in {name}= on <{tag}>")
    return found


def visible_text(page_html: str) -> str:
    """The text a reader sees, white space folded."""
    return " ".join("".join(parse(page_html).text).split())


_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


def shown_as(text: str) -> str:
    """What a reader should see for input ``text``: the same characters, white space folded,
    control and direction-override characters dropped (they are refused on the way in)."""
    # Separators such as U+001F count as white space first (as in str.split), then the rest go.
    return " ".join(_INVISIBLE.sub("", " ".join(text.split())).split())


def hostile_inputs(folder: Path) -> tuple[Path, Path, Path]:
    """Copy the hostile corpus into ``folder`` as seeds/, annotations/ and registry/, adding what
    is not committed: a symbolic link out of the repository in each input folder, a FIFO, a
    5 MB paragraph and a 100,000-line seed. Returns (seeds, annotations, registry)."""
    seeds, annotations, registry = folder / "seeds", folder / "annotations", folder / "registry"
    shutil.copytree(HOSTILE / "seeds", seeds)
    for path in (HOSTILE / "refused").iterdir():
        shutil.copy(path, seeds / path.name)
    shutil.copytree(HOSTILE / "annotations", annotations)
    shutil.copytree(HOSTILE / "registry", registry)
    head = "A headline long enough to be a headline\n\nPublished: 18 March 2019\n\n"
    (seeds / "huge-paragraph.txt").write_text(head + "word " * 1_000_000 + "\n", encoding="utf-8")
    (seeds / "many-lines.txt").write_text(head + "Hi.\n" * 100_000, encoding="utf-8")
    (seeds / "link-out.txt").symlink_to(ROOT / "mkdocs.yml")
    (registry / "place" / "passwd.yml").symlink_to("/etc/passwd")
    (annotations / "html-and-script" / "env.yml").symlink_to(ROOT / ".env")
    os.mkfifo(seeds / "fifo.txt")
    # The file name is input too (front matter "source", archive.json, the "Annotate" link).
    (seeds / "<img src=x onerror=window.__xss=99> \"name\" &amp; 'x'.txt").write_text(
        "A seed whose file name is a payload\n\nPublished: 19 March 2019\n\nIts name is shown as text.\n",
        encoding="utf-8")
    return seeds, annotations, registry


REFUSED_INPUTS = {
    "seeds/invalid-utf8.txt": "not valid UTF-8", "seeds/empty.txt": "empty",
    "seeds/bom-only.txt": "empty", "seeds/whitespace-only.txt": "empty",
    "seeds/no-date.txt": "no publication date", "seeds/huge-paragraph.txt": "limit",
    "seeds/many-lines.txt": "limit", "seeds/link-out.txt": "symbolic link",
    "seeds/fifo.txt": "not a regular file", "registry/place/passwd.yml": "symbolic link",
    "registry/person/evil-template.yml": "unknown field 'template'",
    "registry/person/evil-id.yml": "not a valid id",
    "annotations/html-and-script/env.yml": "symbolic link",
    "annotations/html-and-script/javascript-source.yml": "sources[0]",
    "annotations/html-and-script/template-key.yml": "unknown field 'template'",
    "annotations/markdown-tricks/billion-laughs.yml": "anchors and aliases",
}
"""Inputs of the hostile corpus that must be refused, and words of their error."""


def build_hostile_site(workdir: Path, pagefind: bool = False, engine: str = "mkdocs") -> tuple[Path, int, str]:
    """Generate and build the site from the hostile corpus, as `make build` does, in ``workdir``
    (with Pagefind instead of Material's search when ``pagefind``; with another of
    tests.sitebuild.ENGINES than MkDocs when ``engine`` says so).
    Returns (site folder, generator exit code, generator error output)."""
    from tests.sitebuild import mkdocs_build, prepare

    seeds, annotations, registry = hostile_inputs(workdir / "inputs")
    prepare(workdir / "project")
    # The real command line, as a maintainer runs it (the error report goes to its stderr).
    generator = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--quiet", "--seeds", str(seeds),
         "--annotations", str(annotations), "--registry", str(registry),
         "--docs", str(workdir / "project" / "docs"),
         "--cache", str(workdir / "cache"),  # its own cache, not the root's (tests/sitebuild.generate)
         "--engine", engine],
        cwd=ROOT, capture_output=True, text=True, timeout=300)
    if generator.returncode not in (0, 1):
        raise AssertionError(f"the generator failed (exit {generator.returncode}):\n{generator.stderr}")
    site = workdir / "project" / "site"
    if pagefind:
        os.environ["MATERIAL_SEARCH"] = "false"  # what `make build SEARCH=pagefind` sets
    try:
        result = mkdocs_build(workdir / "project", engine)
    finally:
        os.environ.pop("MATERIAL_SEARCH", None)
    if result.returncode != 0:
        raise AssertionError(f"{engine} build failed:\n{result.stdout}\n{result.stderr}")
    if pagefind:
        subprocess.run([sys.executable, "-m", "generator", "search-index", "--site", str(site)],
                       cwd=ROOT, check=True, capture_output=True, timeout=300)
    return site, generator.returncode, generator.stderr


CONTENT = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>\s*</div>', re.S)
"""The content area of a page (Material's layout, which Zensical keeps)."""
NEVER_IN_A_PAGE = {"iframe", "frame", "object", "embed", "applet", "base", "style", "math", "video",
                   "audio", "source", "img", "xss-tag", "details", "marquee", "template", "portal"}
"""Elements that neither Material nor the generator writes on this site: one of them came from input."""
CONTENT_TAGS = GENERATED_TAGS | {"svg", "path"}


def live_markup_in_pages(site: Path) -> dict[str, list[str]]:
    """Site-relative page → what in it could only be markup from input (tests/test_security_site.py
    and the engine canaries): an element no page should have, an event handler or a script URL
    anywhere, and anything outside the generator's own markup in the content area. Empty when
    every page is inert."""
    problems = {}
    for page in sorted(site.rglob("*.html")):
        html_text = page.read_text(encoding="utf-8")
        found = []
        for tag, attrs in parse(html_text).elements:
            if tag in NEVER_IN_A_PAGE:
                found.append(f"<{tag}>")
            for name, value in attrs:
                if name.startswith("on"):
                    found.append(f"{name}= on <{tag}>")
                if name in ("href", "src", "action", "formaction", "xlink:href") and value:
                    scheme = url_scheme(value)
                    if scheme not in (None, "http", "https", "mailto"):
                        found.append(f"{scheme}: in <{tag} {name}>")
        content = CONTENT.search(html_text)
        if content:
            found += live_markup(content.group(1), tags=CONTENT_TAGS)
        else:
            found.append("no content area (the theme's layout changed?)")
        if found:
            problems[page.relative_to(site).as_posix()] = found
    return problems


def _local_file(site: Path, page: Path, src: str) -> bool:
    """True when ``src`` names a file of the site itself (script-src 'self' allows no other)."""
    if url_scheme(src) is not None or src.startswith("//"):
        return False
    target = (site / src.lstrip("/")) if src.startswith("/") else (page.parent / src)
    return target.resolve().is_relative_to(site.resolve()) and target.is_file()


def csp_problems(site: Path) -> list[str]:
    """What breaks the site's Content-Security-Policy guarantees, one line per problem: every page
    has exactly one policy, before any script or stylesheet, the same on every page and strict
    (no 'unsafe-inline' or 'unsafe-eval'; default-src 'none', script-src 'self'); every script is
    a file of the site (only Material's JSON configuration is inline); one <title> without markup
    and at most one description. Empty when all hold."""
    problems, policies = [], set()
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).as_posix()
        html_text = page.read_text(encoding="utf-8")
        elements = parse(html_text).elements
        metas = [dict(a) for t, a in elements if t == "meta"]
        csp = [m["content"] for m in metas if (m.get("http-equiv") or "").lower() == "content-security-policy"]
        if len(csp) != 1:
            problems.append(f"{rel}: {len(csp)} Content-Security-Policy meta elements")
            continue
        policies.add(csp[0])
        # The policy only governs what comes after it: it must precede every script and link.
        first_script = min((i for i, (t, _) in enumerate(elements) if t in ("script", "link")), default=None)
        meta_at = next(i for i, (t, a) in enumerate(elements) if t == "meta" and dict(a).get("http-equiv"))
        if first_script is not None and first_script < meta_at:
            problems.append(f"{rel}: a script or stylesheet comes before the policy")
        for tag, attrs in elements:
            if tag != "script":
                continue
            attrs = dict(attrs)
            if "src" in attrs:
                if not _local_file(site, page, attrs["src"]):
                    problems.append(f"{rel}: script {attrs['src']!r} is not a file of the site")
            elif attrs.get("type") != "application/json" or attrs.get("id") != "__config":
                problems.append(f"{rel}: inline script {attrs}")
        titles = re.findall(r"<title>(.*?)</title>", html_text, re.S)
        if len(titles) != 1 or "<" in titles[0]:
            problems.append(f"{rel}: titles {titles}")
        if sum(1 for m in metas if m.get("name") == "description") > 1:
            problems.append(f"{rel}: more than one description")
    if len(policies) != 1:
        problems.append(f"{len(policies)} different policies: {sorted(policies)}")
    for policy in policies:
        if "'unsafe-inline'" in policy or "'unsafe-eval'" in policy:
            problems.append(f"the policy allows unsafe script: {policy}")
        if "default-src 'none'" not in policy or "script-src 'self'" not in policy:
            problems.append(f"the policy is not strict: {policy}")
    return problems
