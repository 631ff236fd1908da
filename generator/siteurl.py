"""The published site's absolute address, which only the feeds need.

Given on the command line (``build --site-url URL``) or, by default, read from ``site_url`` in
mkdocs.yml. mkdocs.yml may use tags such as ``!ENV`` or ``!!python/name:`` that only MkDocs'
own loader understands; it is read here with PyYAML's safe loader, taught to read ``!ENV`` as
MkDocs does and to turn any other unknown tag into None, so reading it can never run code. A
value that is not an absolute http(s) URL is refused with a clear message.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

import yaml


class TolerantLoader(yaml.SafeLoader):
    """SafeLoader that reads ``!ENV`` from the environment and other unknown tags as None."""


def _env(loader: yaml.SafeLoader, node: yaml.Node):
    """MkDocs' ``!ENV`` tag (``!ENV NAME`` or ``!ENV [NAME, ..., default]``), read as MkDocs reads
    it: the first variable that is set, else the default. It only reads the environment, so the
    generator's feeds get the same site_url as `mkdocs build` (the deploy workflow sets SITE_URL)."""
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        items = node.value
        default = loader.construct_object(items[-1]) if len(items) > 1 else None
        names = [loader.construct_scalar(item) for item in (items[:-1] if len(items) > 1 else items)]
    return next((os.environ[name] for name in names if name in os.environ), default)


TolerantLoader.add_constructor("!ENV", _env)
TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)
TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def check_site_url(url: str) -> str:
    """``url`` with a trailing slash if it is an absolute http(s) URL, "" if empty; else ValueError."""
    url = (url or "").strip()
    if not url:
        return ""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise ValueError(f"site URL {url!r} is not an absolute http(s) address such as https://example.org/archive/")
    return url if url.endswith("/") else url + "/"


def from_mkdocs_yml(path: Path) -> str:
    """``site_url`` from an mkdocs.yml, checked; "" when the file or the key is missing or empty."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=TolerantLoader)
    except FileNotFoundError:
        return ""
    except yaml.YAMLError as error:
        raise ValueError(f"{path}: cannot read site_url: {error}") from None
    value = data.get("site_url") if isinstance(data, dict) else None
    if value is not None and not isinstance(value, str):
        raise ValueError(f"{path}: site_url must be a string")
    try:
        return check_site_url(value or "")
    except ValueError as error:
        raise ValueError(f"{path}: {error}") from None
