"""Build the real-world corpus from saved pages: ``python -m tools.realworld.corpus --mirrors DIR``.

``tests/realworld/pages.yml`` names each page by repository, commit and path. For each one this
reads the page out of a local git copy of its repository (``DIR/<owner>+<name>/repo``, as the
search tool's ``fetch`` lays them out; any bare or full clone at that path works) and writes:

* ``tests/realworld/seeds/markdown/<id>.txt`` and ``seeds/plain/<id>.txt``: the page as seeds, in
  both of :mod:`tools.realworld.htmlseed`'s styles;
* ``tests/realworld/anchor/<id>.json``: what trafilatura extracts from the page's HTML (headline,
  date, author, body as Markdown), the anchor that ``make eval`` scores beside our ingest;
* ``tests/realworld/provenance.json``: each page's repository, commit, path, URL and SHA-256.

The pages themselves are not committed (they are other projects' files); everything here is made
from them by this script, byte for byte the same on every run (``--check`` says whether the
committed files are what it makes). Seeds are never edited by hand.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import yaml

from .htmlseed import convert

ROOT = Path(__file__).resolve().parents[2] / "tests" / "realworld"
STYLES = ("markdown", "plain")


# Held back for independent evaluation of this project: never part of the corpus.
RESERVED_REPOS = ("mozilla/readability", "scrapinghub/article-extraction-benchmark", "adbar/htmldate")
RESERVED_PATHS = (("adbar/trafilatura", "tests/eval"),)


def is_reserved(page: dict) -> bool:
    """Whether a page comes from a source reserved for independent evaluation."""
    return page["repo"] in RESERVED_REPOS or any(
        page["repo"] == repo and page["path"].startswith(prefix) for repo, prefix in RESERVED_PATHS
    )


def load_pages(root: Path = ROOT) -> list[dict]:
    """The entries of ``pages.yml``, in order; a page from a reserved source is refused."""
    pages = yaml.safe_load((root / "pages.yml").read_text(encoding="utf-8"))["pages"]
    reserved = [page["id"] for page in pages if is_reserved(page)]
    if reserved:
        raise SystemExit(f"pages.yml: {', '.join(reserved)} come from a source reserved for independent evaluation")
    return pages


def read_page(mirrors: Path, page: dict) -> bytes:
    """The saved page's bytes at the recorded commit."""
    repo = mirrors / page["repo"].replace("/", "+") / "repo"
    if not repo.exists():
        raise SystemExit(f"{repo}: no copy of {page['repo']} here (fetch it, or pass --mirrors)")
    done = subprocess.run(
        ["git", "-C", str(repo), "show", f"{page['commit']}:{page['path']}"], capture_output=True,
    )
    if done.returncode:
        raise SystemExit(f"{page['repo']}@{page['commit'][:10]}:{page['path']}: {done.stderr.decode().strip()}")
    return done.stdout


def saved_pages(mirrors: Path, root: Path = ROOT) -> tuple[dict[str, bytes], list[str]]:
    """The saved pages by id, read from the mirrors and checked against ``provenance.json``'s
    SHA-256, and why each page that is not there is missing (``make eval`` scores our HTML
    ingest on these; the pages are not committed)."""
    recorded = {entry["id"]: entry["sha256"] for entry in json.loads((root / "provenance.json").read_text("utf-8"))}
    found, missing = {}, []
    for page in load_pages(root):
        try:
            html = read_page(mirrors, page)
        except SystemExit as error:
            missing.append(str(error))
            continue
        if hashlib.sha256(html).hexdigest() != recorded.get(page["id"]):
            missing.append(f"{page['id']}: the page differs from the one recorded in provenance.json")
            continue
        found[page["id"]] = html
    return found, missing


def anchor(html: bytes) -> dict:
    """trafilatura's reading of the page: metadata and the body as Markdown (headings kept)."""
    import trafilatura  # the anchor only; the converter does not need it

    metadata = trafilatura.extract_metadata(html)
    body = trafilatura.extract(
        html, output_format="markdown", include_formatting=True, include_comments=False,
        include_tables=False, include_images=False, include_links=False, deduplicate=False,
    )
    return {
        "title": metadata.title if metadata else None,
        "date": metadata.date if metadata else None,
        "author": metadata.author if metadata else None,
        "body": body or "",
    }


def page_url(html: bytes) -> str | None:
    """The page's canonical or og:url, as the page states it."""
    import lxml.html

    root = lxml.html.document_fromstring(html)
    for link in root.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            return link.get("href").strip()
    for meta in root.iter("meta"):
        if (meta.get("property") or "").lower() == "og:url" and meta.get("content"):
            return meta.get("content").strip()
    return None


def build(mirrors: Path, root: Path = ROOT) -> dict[Path, bytes]:
    """Every file the corpus consists of, by path."""
    files: dict[Path, bytes] = {}
    provenance = []
    for page in load_pages(root):
        html = read_page(mirrors, page)
        seed = convert(html)
        files[root / "seeds" / "markdown" / f"{page['id']}.txt"] = seed.markdown.encode()
        files[root / "seeds" / "plain" / f"{page['id']}.txt"] = seed.plain.encode()
        files[root / "anchor" / f"{page['id']}.json"] = _json(anchor(html))
        provenance.append({
            "id": page["id"], "repo": page["repo"], "commit": page["commit"], "path": page["path"],
            "url": page_url(html), "sha256": hashlib.sha256(html).hexdigest(),
        })
    files[root / "provenance.json"] = _json(provenance)
    return files


def _json(value) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirrors", type=Path, default=Path("/work/.mirror"),
                        help="folder holding <owner>+<name>/repo git copies of the source repositories")
    parser.add_argument("--check", action="store_true", help="only say whether the committed files are up to date")
    args = parser.parse_args(argv)
    files = build(args.mirrors)
    stale = [p for p, data in files.items() if not p.exists() or p.read_bytes() != data]
    if args.check:
        for path in stale:
            print(f"{path}: differs from what the pages make", file=sys.stderr)
        return 1 if stale else 0
    for path in stale:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(files[path])
    print(f"{len(files)} files, {len(stale)} written")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
