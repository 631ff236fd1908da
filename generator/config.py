"""A build's configuration, read once at the edge and passed down: :class:`BuildConfig`.

It comes from the command line and from mkdocs.yml, which gives two settings: ``site_url``, the
published site's absolute address (the feeds' links; ``build --site-url URL`` overrides it), and
``repo_url``, the repository the "Annotate this page" links open. mkdocs.yml may use tags such as
``!ENV`` or ``!!python/name:`` that only MkDocs' own loader understands; it is read here, once and
only here, with PyYAML's safe loader, taught to read ``!ENV`` as MkDocs does and to turn any other
unknown tag into None, so reading it can never run code. A site_url that is not an absolute
http(s) URL is refused with a clear message; an unusable repo_url is an input error (the build
goes on without the links).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from .errors import InputError


class _TolerantLoader(yaml.SafeLoader):
    """SafeLoader that reads ``!ENV`` from the environment and other unknown tags as None."""


def _env(loader: yaml.SafeLoader, node: yaml.Node):
    """MkDocs' ``!ENV`` tag (``!ENV NAME`` or ``!ENV [NAME, ..., default]``), read as MkDocs reads
    it: the first variable that is set, else the default. It only reads the environment, so the
    generator's feeds get the same site_url as `mkdocs build` (the deploy workflow sets SITE_URL)."""
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    elif not isinstance(node, yaml.SequenceNode) or not all(isinstance(i, yaml.ScalarNode) for i in node.value[:-1]):
        raise yaml.constructor.ConstructorError(None, None, "!ENV takes a variable's name or a list of names",
                                                node.start_mark)
    else:
        items = node.value
        default = loader.construct_object(items[-1]) if len(items) > 1 else None
        names = [loader.construct_scalar(item) for item in (items[:-1] if len(items) > 1 else items)]
    return next((os.environ[name] for name in names if name in os.environ), default)


_TolerantLoader.add_constructor("!ENV", _env)
_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def check_site_url(url: str) -> str:
    """``url`` with a trailing slash if it is an absolute http(s) URL, "" if empty; else ValueError."""
    url = (url or "").strip()
    if not url:
        return ""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise ValueError(f"site URL {url!r} is not an absolute http(s) address such as https://example.org/archive/")
    return url if url.endswith("/") else url + "/"


@dataclass(frozen=True)
class MkDocsSettings:
    """What the generator takes from mkdocs.yml."""

    site_url: str
    """The checked ``site_url`` with a trailing slash; "" when absent or unusable."""
    repo_url: str
    """The ``repo_url``; "" when absent or unusable."""
    error: InputError | None = None
    """Why the file or its ``repo_url`` cannot be used, or None."""
    site_url_error: str | None = None
    """Why its ``site_url`` cannot be used (``--site-url`` may stand in for it), or None; the
    caller names the file."""


def read_mkdocs_yml(path: Path) -> MkDocsSettings:
    """``site_url`` and ``repo_url`` from an mkdocs.yml (both "" when the file is missing).

    Nothing here raises: a file that cannot be read, or an unusable repo_url, is ``error``
    (``file:line:col`` where the YAML says where), and the build goes on without them; an unusable
    site_url is ``site_url_error``, which the build refuses unless ``--site-url`` replaces it (the
    feeds must not get a wrong address)."""
    name = path.name
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader)
    except FileNotFoundError:
        return MkDocsSettings("", "")
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        return MkDocsSettings("", "", InputError(
            name, mark.line + 1 if mark else None, f"cannot read site_url and repo_url: {exc.problem}",
            "fix the YAML syntax on this line", col=mark.column + 1 if mark else None))
    except (yaml.YAMLError, OSError, UnicodeDecodeError) as exc:
        return MkDocsSettings("", "", InputError(name, None, f"cannot read site_url and repo_url: {exc}",
                                                 "check the file's syntax"))
    data = data if isinstance(data, dict) else {}
    site_url, site_url_error = _site_url(data.get("site_url"))
    repo_url, error = _repo_url(name, data.get("repo_url"))
    return MkDocsSettings(site_url, repo_url, error, site_url_error)


def _site_url(value) -> tuple[str, str | None]:
    if value is not None and not isinstance(value, str):
        return "", "site_url must be a string"
    try:
        return check_site_url(value or ""), None
    except ValueError as error:
        return "", str(error)


def _repo_url(name: str, value) -> tuple[str, InputError | None]:
    if value is None:
        return "", None
    try:
        parts = urlsplit(value) if isinstance(value, str) else None
    except ValueError:  # "https://[oops": not a URL at all
        parts = None
    if parts is None or parts.scheme not in ("http", "https") or not parts.netloc:
        return "", InputError(name, None, f"repo_url {value!r} is not an http(s) URL",
                              "write it as https://github.com/<owner>/<repo>")
    return value, None


@dataclass(frozen=True)
class BuildConfig:
    """Everything one build reads, besides the input folders' contents."""

    seeds: Path
    """The folder of seed files (``*.txt`` and saved pages ``*.html``, with their ``*.meta.yml`` sidecars)."""
    docs: Path
    """The docs folder the generated files go into."""
    registry: Path
    """The entity registry's folder."""
    annotations: Path | None = None
    """The annotations' folder; None: no annotations."""
    cache_dir: Path | None = None
    """The cache folder; None: no cache (every build reads and renders everything)."""
    jobs: int = 0
    """Worker processes for reading seeds and rendering (0: one per core); never changes output."""
    site_url: str = ""
    """The published site's address, for the feeds ("" = unknown)."""
    repo_url: str = ""
    """The repository, for the "Annotate this page" links ("" = none)."""
    engine: str = "mkdocs"
    """The site engine that will build docs/ (``model.ENGINES``); changes how raw-HTML links are written."""
