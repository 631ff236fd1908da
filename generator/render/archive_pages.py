"""Archive pages: briefings by month, the tags index, and the index pages of entities.

- ``months/index.md``: every month with its number of briefings; ``months/YYYY/MM.md``: the
  briefings published that month, newest first (a page per month keeps each page small).
- ``tags/index.md``: Material's tags plugin fills it from the briefings' front matter.
- ``entities/index.md`` and ``entities/<type folder>/index.md``: every entity of a type by name,
  with its role and how many briefings mention it. These are index pages designed to list a whole
  category (one line per entity), always written even when empty because the navigation links
  to them.
"""

from __future__ import annotations

from .. import dates
from ..entitytypes import ENTITY_TYPES, entity_type
from ..mdtext import escape_md
from ..model import Archive, Page
from . import pages

FOLDER_TITLES = {t.folder: t.title for t in ENTITY_TYPES}
"""Title of each entity index page, by folder."""


def _render(archive: Archive, template: str, path: str, title: str, **context) -> str:
    meta = pages.front_matter({"title": title, **pages.LISTING})
    return meta + pages.ENV.get_template(template).render(
        link=pages.Linker(path, archive.engine), title=escape_md(title), **context)


def month_path(year_month: str) -> str:
    """docs/ path of the page of briefings published in ``YYYY-MM``."""
    return f"months/{year_month[:4]}/{year_month[5:7]}.md"


def month_label(year_month: str) -> str:
    return dates.display_event_date(year_month, "month")


def month_files(archive: Archive) -> dict[str, str]:
    months: dict[str, list[Page]] = {}
    for page in archive.pages:  # newest first
        months.setdefault(page.briefing.article.published[:7], []).append(page)
    out = {"months/index.md": _render(archive, "months.md.j2", "months/index.md", "Briefings by month",
                                      months=months, month_path=month_path, label=month_label)}
    keys = list(months)
    for i, key in enumerate(keys):
        path = month_path(key)
        newer = keys[i - 1] if i > 0 else None
        older = keys[i + 1] if i + 1 < len(keys) else None
        out[path] = _render(archive, "month.md.j2", path, f"Briefings of {month_label(key)}", briefings=months[key],
                            newer=newer, older=older, month_path=month_path, label=month_label)
    return out


def entity_index_files(archive: Archive) -> dict[str, str]:
    folders: dict[str, list] = {folder: [] for folder in FOLDER_TITLES}
    for record in archive.entities:
        folders[entity_type(record.type).folder].append(record)
    out = {}
    counts = {folder: len(records) for folder, records in folders.items()}
    for folder, records in folders.items():
        path = f"entities/{folder}/index.md"
        ordered = sorted(records, key=lambda r: (r.name.casefold(), r.id))
        out[path] = _render(archive, "entity_index.md.j2", path, FOLDER_TITLES[folder], records=ordered,
                            folder=folder, folders=FOLDER_TITLES, counts=counts)
    out["entities/index.md"] = _render(archive, "entity_index.md.j2", "entities/index.md", "People, places and more",
                                       records=None, folder=None, folders=FOLDER_TITLES, counts=counts)
    return out


def tags_file() -> dict[str, str]:
    meta = pages.front_matter({"title": "Tags", **pages.LISTING})
    body = ("# Tags\n\nBriefings by topic and by the people, organisations, places and initiatives "
            "they are mainly about.\n\n<!-- material/tags -->\n")
    return {"tags/index.md": meta + body}


def files(archive: Archive) -> dict[str, str]:
    """Month pages, the tags index and the entity index pages."""
    return {**month_files(archive), **entity_index_files(archive), **tags_file()}
