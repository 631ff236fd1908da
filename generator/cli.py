"""Command line: ``python -m generator build|check|…``. A thin layer over build.py and friends.

Exit codes: 0 everything built, 1 some input had errors (everything else was still built),
2 usage error.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import sys
from pathlib import Path

from . import __version__
from .errors import UsageError
from .model import ENGINES
from .write import UnsafePath

EXIT_OK, EXIT_INPUT_ERRORS, EXIT_USAGE = 0, 1, 2
_SEEDS_HINT = "give the folder that holds the seed articles (*.txt, or saved pages *.html) with --seeds DIR"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse exits 2 on usage errors; keep its message
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}{_did_you_mean(message)}\n")


_INVALID_CHOICE = re.compile(r"invalid choice: '(?P<given>[^']*)' \(choose from (?P<choices>.*)\)")


def _did_you_mean(message: str) -> str:
    """" — did you mean 'build'?" for a mistyped command or choice; "" when nothing is close."""
    match = _INVALID_CHOICE.search(message)
    if match is None:
        return ""
    choices = re.findall(r"'([^']*)'", match.group("choices"))
    close = difflib.get_close_matches(match.group("given"), choices, n=1, cutoff=0.6)
    return f" — did you mean {close[0]!r}?" if close else ""


# Inputs that may be left out: (option, default, a folder or a file, what it is). Given on the
# command line, it must exist; left out, its default is used when there is one.
_OPTIONAL_INPUTS = (
    ("annotations", Path("annotations"), True, "annotations folder"),
    ("registry", Path("registry"), True, "registry folder"),
    ("config", Path("mkdocs.yml"), False, "MkDocs configuration"),
)


def _check_inputs(args) -> None:
    """Fill in the optional inputs' defaults, and refuse a path of the wrong kind (a usage error
    naming it, never a traceback later)."""
    if hasattr(args, "seeds"):
        _folder(args.seeds, "seeds folder", _SEEDS_HINT)
    for option, default, folder, what in _OPTIONAL_INPUTS:
        if not hasattr(args, option):
            continue
        given = getattr(args, option)
        path = default if given is None else given
        if given is not None or path.exists():
            if folder:
                _folder(path, what, f"give the {what} with --{option} DIR")
            elif not path.is_file():
                raise UsageError(f"{what} {path} {'is not a file' if path.exists() else 'does not exist'}: "
                                 f"give the {what} with --{option} FILE")
        setattr(args, option, path)
    docs = getattr(args, "docs", None)
    if docs is not None and docs.exists() and not docs.is_dir():
        raise UsageError(f"docs folder {docs} is a file, not a folder: give the folder to write into with --docs DIR")


def _folder(path: Path, what: str, hint: str) -> None:
    """A usage error unless ``path`` is a folder; ``what`` names it, ``hint`` says what to give."""
    if path.is_dir():
        return
    if path.exists():
        raise UsageError(f"{what} {path} is a file, not a folder: {hint}")
    raise UsageError(f"{what} {path} does not exist: {hint}")


def _add_input_options(parser: argparse.ArgumentParser, annotations: bool = True) -> None:
    parser.add_argument("--seeds", type=Path, default=Path("seeds"), metavar="DIR",
                        help="folder of seed articles (*.txt) and saved pages (*.html), each with an optional "
                             "sidecar of corrections (<name>.meta.yml) (default: %(default)s)")
    if annotations:
        parser.add_argument("--annotations", type=Path, default=None, metavar="DIR",
                            help="folder of annotation files (*.yml) (default: annotations, if there is one)")
    parser.add_argument("--registry", type=Path, default=None, metavar="DIR",
                        help="folder of the entity registry (default: registry, if there is one)")


def make_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m generator",
                     description="Turn seed articles into Markdown briefing pages for MkDocs.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True

    build = commands.add_parser("build", help="write briefing pages and archive.json into the docs folder",
                                description="Read every seed, link the archive and write the generated "
                                            "pages and archive.json into the docs folder. Inputs with errors "
                                            "are reported and skipped; everything else is built.")
    _add_input_options(build)
    build.add_argument("--docs", type=Path, default=Path("docs"), metavar="DIR",
                       help="docs folder to write into; only generated files are replaced (default: %(default)s)")
    build.add_argument("--quiet", "-q", action="store_true", help="print errors only")
    build.add_argument("--jobs", "-j", type=int, default=0, metavar="N",
                       help="worker processes for reading seeds; 0 means one per CPU core, 1 reads "
                            "in this process (output is identical either way) (default: %(default)s)")
    build.add_argument("--cache", type=Path, default=Path(".cache"), metavar="DIR",
                       help="folder of cached per-seed results, keyed by content hash; deleting it "
                            "changes nothing but speed (default: %(default)s)")
    build.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    build.add_argument("--site-url", metavar="URL", default=None,
                       help="absolute address of the published site, for the feeds' links (default: site_url "
                            "from mkdocs.yml in the current folder; when both are empty the feeds carry no links)")
    build.add_argument("--engine", choices=ENGINES, default="mkdocs",
                       help="the site engine that will build the docs folder: links in raw HTML are written "
                            "relative to the page for MkDocs and ProperDocs, relative to the Markdown file for "
                            "Zensical, which rewrites them as it does Markdown links (default: %(default)s)")
    build.set_defaults(parser=build, run=run_build)

    check = commands.add_parser("check", help="validate seeds, annotations and the entity registry without building",
                                description="Read the entity registry, every seed and every annotation, anchor the "
                                            "annotations in their briefings and report every problem in one run "
                                            "as file:line:col: what is wrong — how to fix it. Writes nothing. "
                                            "Exit 1 if anything is wrong.")
    _add_input_options(check)
    check.add_argument("--config", type=Path, default=None, metavar="FILE",
                       help="MkDocs configuration whose repo_url the 'Annotate this page' links use "
                            "(default: mkdocs.yml, if there is one)")
    check.add_argument("--quiet", "-q", action="store_true", help="print problems only")
    check.set_defaults(parser=check, run=run_check)

    entities = commands.add_parser(
        "entities", help="list the entities found in the seeds, or with --unknown those the registry lacks",
        description="Ingest and extract every seed and list the entities found, most mentioned first, with "
                    "their type, number of mentions and number of briefings. With --unknown, only names the "
                    "registry does not know: candidates to add under registry/<type>/<id>.yml, or to steer "
                    "in registry/steering.yml (not an entity, its type, the same as another name).")
    _add_input_options(entities, annotations=False)
    entities.add_argument("--unknown", action="store_true", help="only names that are not in the registry")
    entities.add_argument("--min", type=int, default=1, metavar="N",
                          help="only names mentioned at least N times (default: %(default)s)")
    entities.set_defaults(parser=entities, run=run_entities)

    engine = commands.add_parser("search-engine", help="print which site search to build: material or pagefind",
                                 description="Print the search engine for the archive in the docs folder: "
                                             "Material's built-in search for small archives, Pagefind above "
                                             "the threshold (or as the setting forces).")
    engine.add_argument("--docs", type=Path, default=Path("docs"), metavar="DIR",
                        help="docs folder the generator wrote (default: %(default)s)")
    engine.add_argument("--setting", default="auto", choices=("auto", "material", "pagefind"),
                        help="auto: Pagefind above the threshold of briefings; or force one (default: %(default)s)")
    engine.set_defaults(parser=engine, run=run_search_engine)
    index = commands.add_parser("search-index", help="index a built site with Pagefind",
                                description="Run Pagefind over a site built by MkDocs, writing its chunked "
                                            "index into SITE/pagefind/.")
    index.add_argument("--site", type=Path, default=Path("site"), metavar="DIR",
                       help="built site folder (default: %(default)s)")
    index.set_defaults(parser=index, run=run_search_index)

    return parser


def run_search_engine(args) -> int:
    from .sitesearch import choose_engine

    _folder(args.docs, "docs folder", "give the folder the generator wrote (run python -m generator build first)")
    print(choose_engine(args.setting, args.docs))
    return EXIT_OK


def run_search_index(args) -> int:
    import subprocess

    from .sitesearch import index_site

    _folder(args.site, "site folder", "give the folder mkdocs build wrote (run mkdocs build first)")
    try:
        index_site(args.site)
    except subprocess.CalledProcessError as error:
        print(f"error: Pagefind failed (exit {error.returncode})", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


def run_check(args) -> int:
    from .check import check

    result = check(args.seeds, args.annotations, args.registry, args.config)
    report_problems(result.problems, tail=".")
    if not args.quiet:
        print(result.summary())
    return EXIT_INPUT_ERRORS if result.problems else EXIT_OK


def run_entities(args) -> int:
    from .build import read_seeds, seed_files
    from .errors import InputError, Problems
    from .extract import unknown_candidates
    from .registry import load_registry

    registry, errors = load_registry(args.registry)
    problems = Problems()
    briefings = read_seeds(seed_files(args.seeds), registry, problems, jobs=1)  # each with its sidecar
    errors += problems.errors
    rows = [row for row in unknown_candidates(briefings, include_registry=not args.unknown) if row[2] >= args.min]
    print(f"{'mentions':>8} {'briefings':>9}  {'type':<12}  name")
    for name, kind, mentions, count in rows:
        print(f"{mentions:>8} {count:>9}  {kind:<12}  {name}")
    for error in sorted(errors, key=InputError.sort_key):
        print(f"error: {error}", file=sys.stderr)
    return EXIT_INPUT_ERRORS if errors else EXIT_OK


def _progress_printer(stream):
    """Progress on a terminal only; pipes and CI logs stay quiet."""
    if not stream.isatty():
        return None

    def show(stage: str, done: int, total: int) -> None:
        if done == total or done % 50 == 0:
            stream.write(f"\r{stage}: {done}/{total}")
            if done == total:
                stream.write("\n")
            stream.flush()
    return show


def report_problems(problems, stream=None, tail: str = "; everything else was built.") -> None:
    stream = stream or sys.stderr  # looked up per call, so that a redirected stderr is used
    for warning in problems.warnings:
        print(f"warning: {warning}", file=stream)
    for error in problems.sorted():
        print(f"error: {error}", file=stream)
    if problems:
        n = len(problems.errors)
        print(f"{n} error{'s' if n != 1 else ''}{tail}", file=stream)


def run_build(args) -> int:
    from .build import build
    from .check import counted
    from .config import BuildConfig, check_site_url, read_mkdocs_yml

    if args.jobs < 0:
        raise UsageError("--jobs must be 0 (every core) or more")
    mkdocs_yml = Path("mkdocs.yml")
    settings = read_mkdocs_yml(mkdocs_yml)
    if args.site_url is not None:
        try:
            site_url = check_site_url(args.site_url)
        except ValueError as error:
            raise UsageError(str(error)) from None
    elif settings.site_url_error:
        raise UsageError(f"{mkdocs_yml}: {settings.site_url_error} (or give --site-url)")
    else:
        site_url = settings.site_url
    config = BuildConfig(seeds=args.seeds, docs=args.docs, registry=args.registry, annotations=args.annotations,
                         cache_dir=None if args.no_cache else args.cache, jobs=args.jobs,
                         site_url=site_url, repo_url=settings.repo_url, engine=args.engine)
    result = build(config, progress=_progress_printer(sys.stderr))
    if settings.error:
        result.problems.add(settings.error)
    report_problems(result.problems)
    if not args.quiet:
        r = result.report
        if result.skipped:
            print(f"{counted(result.pages, 'briefing')}; nothing changed: {counted(r.unchanged, 'file')} already "
                  f"up to date in {args.docs}")
        else:
            print(f"{counted(result.pages, 'briefing')}; {counted(len(r.written), 'file')} written, "
                  f"{len(r.deleted)} removed, {r.unchanged} unchanged in {args.docs}")
    return EXIT_INPUT_ERRORS if result.problems else EXIT_OK


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    try:
        _check_inputs(args)
        return args.run(args)
    except UsageError as error:
        args.parser.print_usage(sys.stderr)
        print(f"{args.parser.prog}: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except UnsafePath as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader closed the pipe (`entities | head`): what it wanted was printed. Point
        # stdout at nothing so that the interpreter's final flush does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
