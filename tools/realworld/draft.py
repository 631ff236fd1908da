"""Draft gold for the real-world corpus, for a person to check and correct by eye.

``python -m tools.realworld.draft --mirrors DIR`` writes ``build/realworld/drafts/<id>.yml`` for
every page that has no gold yet. A draft takes what the source project itself expects of the page
where it has it (postlight/parser's test: title, author, date, dek, and its content selector;
newspaper's and newspaper4k's expected text; goose3's expected title, authors and cleaned text)
and marks the seed's lines that are the body by that text. Where the source has no expected body
(trafilatura's cache), the draft takes the blocks of the page's main text container. Drafts are
never gold: ``tests/realworld/gold/README.md`` says how gold is checked and written.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
from pathlib import Path

import yaml

from .corpus import ROOT, load_pages, read_page
from .htmlseed import Block, convert, main_container

OUT = Path(__file__).resolve().parents[2] / "build" / "realworld" / "drafts"


def _git(mirrors: Path, repo: str, commit: str, path: str) -> str | None:
    done = subprocess.run(
        ["git", "-C", str(mirrors / repo.replace("/", "+") / "repo"), "show", f"{commit}:{path}"],
        capture_output=True,
    )
    return done.stdout.decode("utf-8", "replace") if done.returncode == 0 else None


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", text.lower())).strip()


def postlight_expected(mirrors: Path, page: dict) -> dict:
    site = page["path"].removeprefix("fixtures/").removesuffix(".html").split("--")[0]
    test = _git(mirrors, page["repo"], page["commit"], f"src/extractors/custom/{site}/index.test.js") or ""
    found = {}
    for field in ("title", "author", "date_published", "dek"):
        match = re.search(rf"assert\.equal\(\s*{field},\s*(['\"`])(.*?)\1\s*\)", test, re.S)
        if match:
            found[field] = re.sub(r"\s+", " ", match.group(2)).replace("\\'", "'")
    source = _git(mirrors, page["repo"], page["commit"], f"src/extractors/custom/{site}/index.js") or ""
    content = re.search(r"content:\s*\{\s*selectors:\s*\[(.*?)\]\s*,\s*\n", source, re.S)
    found["selectors"] = re.findall(r"'([^']+)'", content.group(1)) if content else []
    clean_list = re.search(r"clean:\s*\[(.*?)\]", source[content.end():] if content else "", re.S)
    found["clean"] = re.findall(r"'([^']+)'", clean_list.group(1)) if clean_list else []
    return found


def selector_text(html: bytes, selectors: list[str], cleaned: list[str]) -> str | None:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    for selector in selectors:
        try:
            node = soup.select_one(selector)
        except Exception:
            continue
        if node is not None:
            for junk in cleaned:
                try:
                    for element in node.select(junk):
                        element.decompose()
                except Exception:
                    pass
            return node.get_text(" ")
    return None


def expected(mirrors: Path, page: dict, html: bytes) -> dict:
    """What the source project expects of the page: any of headline, author, date, dek, body."""
    repo, path, commit = page["repo"], page["path"], page["commit"]
    name = Path(path).stem
    if repo == "postlight/parser":
        found = postlight_expected(mirrors, page)
        return {
            "headline": found.get("title"), "byline": found.get("author"),
            "date_hint": found.get("date_published"), "dek": found.get("dek"),
            "body": selector_text(html, found["selectors"], found["clean"]),
        }
    if repo == "codelucas/newspaper":
        return {"body": _git(mirrors, repo, commit, f"tests/data/text/{name}.txt")}
    if repo == "AndyTheFactory/newspaper4k":
        meta = json.loads(_git(mirrors, repo, commit, f"tests/data/metadata/{name}.json") or "{}")
        return {
            "headline": meta.get("title"), "byline": ", ".join(meta.get("authors") or []) or None,
            "date_hint": meta.get("publish_date"), "body": _git(mirrors, repo, commit, f"tests/data/txt/{name}.txt"),
        }
    if repo == "goose3/goose3":
        data = json.loads(_git(mirrors, repo, commit, path.removesuffix(".html") + ".json") or "{}")
        want = data.get("expected", {})
        return {
            "headline": want.get("title"), "byline": ", ".join(want.get("authors") or []) or None,
            "date_hint": want.get("publish_date"), "body": want.get("cleaned_text"),
        }
    return {}


def draft(page: dict, blocks: tuple[Block, ...], want: dict, container_blocks: set[int]) -> dict:
    """The draft gold of one page."""
    body_text = _norm(want.get("body") or "")
    body, captions = [], []
    for index, block in enumerate(blocks):
        text = _norm(block.plain)
        in_body = (
            bool(text) and len(text.split()) >= 3 and text in body_text
            if body_text else index in container_blocks and len(text.split()) >= 3
        )
        if block.kind == "figcaption" or (_in_figure(block) and len(text.split()) >= 3):
            captions.append(block.plain)
        elif in_body:
            body.append({"h" if block.kind in ("h2", "h3", "h4", "h5", "h6") else "p": block.plain})
    headline = want.get("headline")
    return {
        "id": page["id"],
        "headline": headline or next((b.plain for b in blocks if b.kind == "h1"), None),
        "dek": want.get("dek"),
        "byline": [name.strip() for name in re.split(r",| and ", want["byline"]) if name.strip()] if want.get("byline") else [],
        "published": None,
        "draft_date_hint": want.get("date_hint"),
        "captions": captions,
        "body": body,
    }


def _in_figure(block: Block) -> bool:
    element = block.element
    while element is not None:
        if isinstance(element.tag, str) and element.tag.lower() == "figure":
            return True
        element = element.getparent()
    return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirrors", type=Path, default=Path("/work/.mirror"))
    parser.add_argument("--all", action="store_true", help="draft pages that already have gold too")
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    count = 0
    for page in load_pages():
        if not args.all and (ROOT / "gold" / f"{page['id']}.yml").exists():
            continue
        html = read_page(args.mirrors, page)
        seed = convert(html)
        container = main_container(list(seed.blocks))
        inside = set(container.iter()) if container is not None else set()
        container_blocks = {i for i, b in enumerate(seed.blocks) if b.element in inside}
        result = draft(page, seed.blocks, expected(args.mirrors, page, html), container_blocks)
        (OUT / f"{page['id']}.yml").write_text(
            yaml.safe_dump(result, sort_keys=False, allow_unicode=True, width=100), encoding="utf-8",
        )
        count += 1
    print(f"{count} drafts in {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
