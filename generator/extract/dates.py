"""Date expressions, resolved against the publication date and the text's own reference points.

One precompiled pattern finds candidate expressions; each is resolved with calendar arithmetic
(``datetime`` and dateutil's ``relativedelta``). Libraries that search running text for dates
(dateparser's ``search_dates``) were measured at ~32 ms per article and read "We" as Wednesday,
"4 min" as a time and "$30" as 30 May, so they are not used to find dates. Month and weekday
names are looked up in a table rather than parsed, which costs nothing per match.

News conventions the rules follow: a bare weekday is the most recent one on or before publication
(the next one when the sentence speaks of the future); a day and month without a year is the one
nearest to publication; anaphora ("later that month", "the next day") refer to the last date the
text resolved; relative expressions inside a quotation ("today") are left alone, because they
count from when the words were spoken, which the text does not say.
"""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date, timedelta

import regex
from dateutil.relativedelta import relativedelta

from . import lexicon as lx
from .tense import future_clause, tenseless

_MONTH = "|".join(sorted((re.escape(m) for m in lx.MONTHS), key=len, reverse=True))
_MON = rf"(?P<mon>{_MONTH})(?:(?<=\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec))\.)?"
"""A month name; the dot only after an abbreviation ("Jan."), so "on 5 March." ends at the name."""
_WEEKDAY = "|".join(name for name in lx.WEEKDAYS if name.endswith("day"))  # "Sun", "Sat" are words
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|2[01])\d\d)(?!\d|s\b|’s|'s)"
_WD = rf"(?:(?:{_WEEKDAY}),?\s+)?"
_NUM = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|a couple of|several|\d{1,2})"
_UNIT = r"(?:day|week|month|year)"
_I = "(?i:"  # relative words are matched whatever their case ("Last week", "last week")
_PRE = r"(?:(?i:on|in|since|by|from|until|till|during|before|after|as of)\s+)?"

_PATTERNS = [
    ("iso", rf"{_PRE}(?P<iso>(?:1[89]|2[01])\d\d-[01]\d-[0-3]\d)(?!\d)"),
    ("mdy", rf"{_PRE}{_WD}{_MON}\s+{_DAY},?\s+{_YEAR}"),
    ("dmy", rf"{_PRE}{_WD}{_DAY}\s+(?:of\s+)?{_MON},?\s+{_YEAR}"),
    ("mod_month", rf"{_PRE}{_I}(?P<mod>early|mid|late|the end of|the beginning of|the start of|the middle of)"
                  rf")[\s-]+{_MON}(?:,?\s+{_YEAR})?(?![\s,]+\d)"),
    ("my", rf"{_PRE}{_MON},?\s+(?:of\s+)?{_YEAR}"),
    ("md", rf"{_PRE}{_WD}{_MON}\s+{_DAY}(?![\d:])"),
    ("dm", rf"{_PRE}{_WD}{_DAY}\s+(?:of\s+)?{_MON}(?!\w)"),
    ("month", rf"{_I}(?P<pre>in|since|by|until|till|from|during|through|throughout|last|next|this|earlier in"
              rf"|later in))\s+"
              rf"{_MON}(?![\w-])"),
    # "on a gray October afternoon": a month named as the time of a scene.
    # (`regex` allows the variable-width look-behind.)
    ("month_part", rf"(?<=\b[Oo]n\s+an?\s+(?:[a-z]+\s+)?){_MON}\s+(?:morning|afternoon|evening|night|day)\b"),
    ("mod_year", rf"{_PRE}{_I}(?P<ymod>early|mid|late|the end of|the beginning of|the start of|earlier in|later in)"
                 rf")[\s-]+{_YEAR}"),
    ("year", rf"{_I}(?:in|since|by|until|till|from|through|throughout|during|before|after|of|the|and|to|or|"
             rf"between|around|as of|early as|as late as|a|an|his|her|its|their)\s+){_YEAR}"
             rf"(?!\s*(?:%|per\s?cent|-\d|–\d))"),
    # Days named after a fixed date, and Thanksgiving (the fourth Thursday of November in the US).
    ("holiday", rf"{_PRE}(?P<holiday>Christmas\s+(?:Day|Eve)|New\s+Year['’]s\s+(?:Day|Eve)|Boxing\s+Day|"
                rf"Halloween|Valentine['’]s\s+Day|Thanksgiving(?:\s+Day)?)(?:,?\s+{_YEAR})?(?!\w)"),
    ("ago", rf"{_I}(?P<n>{_NUM})\s+(?P<unit>{_UNIT}|hour|minute)s?\s+ago)"),
    ("gap", rf"{_I}(?:just\s+|only\s+|barely\s+|a\s+few\s+|few\s+)?(?P<gunit>hours|days|weeks|months)\s+"
            rf"(?P<dir>after|before))"),
    ("anaphor", rf"{_I}(?P<amod>earlier|later)\s+(?:that|the\s+same)\s+(?P<aunit>{_UNIT})"
                rf"|(?:that|the\s+same)\s+(?P<sunit>{_UNIT})"
                rf"|the\s+(?P<rel>following|next|previous|preceding)\s+(?P<runit>{_UNIT})"
                rf"|(?P<ln>{_NUM})\s+(?P<lunit>{_UNIT})s?\s+(?P<ldir>later|earlier))"),
    ("weekend", rf"{_I}(?P<wkpre>over|at|on|during|this|last|next|this\s+past|the\s+past)\s+(?:the\s+)?weekend)(?!\w)"),
    ("rel_unit", rf"{_I}(?:(?P<rmod>earlier|later|early|late|mid-?)\s*)?(?P<which>last|next|this|coming)\s+"
                 rf"(?P<unit2>week|month|year))"),
    ("weekday", rf"{_I}(?P<wpre>on|last|next|this|coming|past)\s+)?(?P<wd>{_WEEKDAY})"
                rf"(?:\s+(?:morning|afternoon|evening|night))?(?!\w)"),
    ("deictic", rf"(?P<deictic>[Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight|[Ll]ast\s+night|[Tt]his\s+morning)(?!\w)"),
]
# The `regex` engine, unlike `re`, lets alternatives reuse group names ("day", "mon", "year").
PATTERN = regex.compile("|".join(rf"(?P<_{name}>{body})" for name, body in _PATTERNS))
_KINDS = [name for name, _ in _PATTERNS]
_TRIGGER = re.compile(r"[A-Za-z]+|\d+")
_TRIGGER_WORDS = frozenset([*lx.MONTHS, *(w for w in lx.WEEKDAYS if w.endswith("day")),
                            *(w.capitalize() for w in ("today", "yesterday", "tomorrow", "tonight", "last", "this")),
                            "today", "yesterday", "tomorrow", "tonight", "night", "morning", "day", "days",
                            "week", "weeks", "month", "months", "year", "years", "hours", "ago", "weekend", "Christmas", "New", "Boxing",
                            "Halloween", "Valentine", "Thanksgiving"])
"""Words without which no date expression can occur: only around these is the pattern tried."""
_LEAD_WORDS = frozenset("""
    on in since by from until till during before after as of early mid late the end beginning start
    middle earlier later last next this coming past a an one two three four five six seven eight nine
    ten eleven twelve few couple several just only barely that same following previous preceding
    between and to or around through throughout over at his her its their""".split()) | {w.lower() for w in lx.WEEKDAYS}
"""Words that can open a date expression before its trigger word ("in", "the end of", "a few")."""
_OPENING = "\"“‘'(["
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
            "a few": 3, "a couple of": 2, "several": 3}
_RELATIVE = {"ago", "gap", "rel_unit", "weekday", "deictic", "weekend"}
"""Kinds counted from the moment of writing or speaking: skipped inside quotations."""


class _Resolution:
    """Result of resolving one expression: a calendar point and how precisely it is known."""

    __slots__ = ("day", "precision", "approximate")

    def __init__(self, day: date, precision: str, approximate: bool = False):
        self.day, self.precision, self.approximate = day, precision, approximate

    def label(self) -> str:
        return {"day": self.day.isoformat(), "month": self.day.isoformat()[:7],
                "year": str(self.day.year)}[self.precision]


class _Context:
    """What resolving one expression may use besides the expression itself."""

    __slots__ = ("published", "future", "refs", "sentence_year", "sentence_month", "tenseless")

    def __init__(self, published: date, future: bool, refs: dict, sentence_ref: "_Resolution | None"):
        self.published, self.future, self.refs = published, future, refs
        self.tenseless = False
        """No past or future verb in the clause ("Voting ends on March 31")."""
        self.sentence_year = sentence_ref.day.year if sentence_ref else None
        self.sentence_month = sentence_ref.day.month if sentence_ref and sentence_ref.precision != "year" else 0

    def year_for(self, month: int) -> int | None:
        """The year of an earlier date in the sentence ("In 2019, … on March 3"), unless this
        month comes before that date's month: "set in December 2022, … lowered in July" does
        not go back in time, so the July is counted from publication instead."""
        return self.sentence_year if month >= self.sentence_month else None


class DateResolver:
    """Resolves the date expressions of one article in reading order, remembering the last
    date resolved at each precision as the reference for anaphora ("later that month",
    "the next day")."""

    def __init__(self, published: date):
        self.published = published
        self.refs: dict[str, _Resolution] = {}

    def scan(self, text: str, sentence: str, quoted=()):
        """(start, end, resolution) for each expression in ``text`` (one sentence). ``quoted``
        lists (start, end) spans of quotations in ``text``, where relative expressions are skipped."""
        found, done, sentence_ref = [], 0, None
        for trigger in _TRIGGER.finditer(text):
            word = trigger.group()
            if trigger.start() < done or not (word[0].isdigit() or word in _TRIGGER_WORDS):
                continue
            match = _match_around(text, trigger.start(), done)
            if match is None:
                continue
            done = match.end()
            kind = next(name for name in _KINDS if match.group("_" + name) is not None)
            if kind in _RELATIVE and any(s <= match.start() < e for s, e in quoted):
                continue
            if kind == "weekday" and _DATE_IN_BRACKETS.match(text, match.end()):
                continue  # "On Friday (Dec. 12)": the date in brackets says which Friday
            context = _Context(self.published, future_clause(text, match.start(), match.end()),
                               self.refs, sentence_ref)
            context.tenseless = not context.future and tenseless(text, match.start(), match.end())
            try:
                resolved = _resolve(kind, match, context)
            except (ValueError, OverflowError):
                continue  # "February 30": not a date
            if resolved is None:
                continue
            if kind not in _RELATIVE and kind != "anaphor":
                sentence_ref = resolved  # "In 2019, … on March 3": that year's
            if kind not in _FROM_NOW:
                for precision in _COARSER[resolved.precision]:
                    self.refs[precision] = resolved
            found.append((match.start(), match.end(), resolved))
        return found


_DATE_IN_BRACKETS = regex.compile(rf"\s*\((?:{_MON}\s+{_DAY}|{_DAY}\s+{_MON})\)")
_FROM_NOW = {"deictic", "ago", "gap", "rel_unit"}
"""Kinds counted from the time of writing: "today … almost 30 years later" does not count from
today, so these are no reference for the anaphora that follow."""
_COARSER = {"day": ("day", "month", "year"), "month": ("month", "year"), "year": ("year",)}
"""A day is also the reference for "that month" and "that year"; a month for "that year"."""


def _match_around(text: str, at: int, lower: int):
    """The date expression that contains the trigger word at ``at``, trying starts up to three
    words earlier first (for "in", "earlier this", "the end of"), so the longest form wins.

    Matching only at these few positions, instead of searching the whole text with the big
    alternation, is what keeps this rule within its time budget (about 3 µs per character
    otherwise)."""
    starts = [at]
    pos = at
    while pos > lower and not text[pos - 1].isspace():
        pos -= 1  # "mid-March": the word the trigger ends
    if pos < at:
        starts.append(pos)
    for _ in range(3):
        end = pos
        while end > lower and text[end - 1].isspace():
            end -= 1
        if end == pos or end <= lower:
            break
        pos = end
        while pos > lower and not text[pos - 1].isspace():
            pos -= 1
        word = pos
        while word < end and text[word] in _OPENING:
            word += 1  # "\"In 2015 …": the word starts after the quotation mark
        if text[word:end].lower().rstrip(",") not in _LEAD_WORDS:
            break  # no expression starts with this word, so none starts before it either
        starts.append(word)
    for start in reversed(starts):
        match = PATTERN.match(text, start)
        if match and match.end() > at:
            return match
    return None


def _resolve(kind, m, ctx: _Context) -> _Resolution | None:
    published = ctx.published
    if kind == "iso":
        return _Resolution(date.fromisoformat(m.group("iso")), "day")
    if kind in ("mdy", "dmy"):
        return _Resolution(date(int(m.group("year")), lx.MONTHS[m.group("mon")], int(m.group("day"))), "day")
    if kind == "my":
        return _Resolution(date(int(m.group("year")), lx.MONTHS[m.group("mon")], 1), "month")
    if kind in ("mod_month", "month", "month_part"):
        return _month_alone(m, ctx, kind == "mod_month")
    if kind in ("md", "dm"):
        month, day = lx.MONTHS[m.group("mon")], int(m.group("day"))
        ahead = _looks_ahead(m, ctx, month, day)  # a deadline counts from publication, not from the year before
        year = (not ahead and ctx.year_for(month)) or _year_of(published, month, day, ahead)
        return _Resolution(date(year, month, day), "day")
    if kind == "holiday":
        return _holiday(m, ctx)
    if kind in ("mod_year", "year"):
        return _Resolution(date(int(m.group("year")), 1, 1), "year", kind == "mod_year")
    if kind == "weekday":
        return _weekday(m, published, ctx.future)
    if kind == "deictic":
        return _deictic(m.group("deictic").lower(), published)
    if kind == "ago":
        return _ago(m, published)
    if kind == "gap":
        return _gap(m, published)
    if kind == "anaphor":
        return _anaphor(m, ctx.refs)
    if kind == "weekend":
        return _weekend(m, published, ctx.future)
    return _relative_unit(m, published)


_HOLIDAYS = {"christmas day": (12, 25), "christmas eve": (12, 24), "new year's day": (1, 1),
             "new year's eve": (12, 31), "boxing day": (12, 26), "halloween": (10, 31),
             "valentine's day": (2, 14)}


def _holiday(m, ctx: _Context) -> _Resolution:
    """ "on Christmas Day", "after Thanksgiving": the holiday's date in the year the tense picks,
    like any day and month without a year."""
    name = " ".join(m.group("holiday").replace("’", "'").lower().split())
    on = _thanksgiving if name.startswith("thanksgiving") else (lambda y: date(y, *_HOLIDAYS[name]))
    if m.group("year"):
        return _Resolution(on(int(m.group("year"))), "day")
    this_year = on(ctx.published.year)
    ahead = _looks_ahead(m, ctx, this_year.month, this_year.day)
    year = not ahead and ctx.year_for(this_year.month)
    if not year:
        year = ctx.published.year
        if ahead and this_year < ctx.published:
            year += 1
        elif not ahead and this_year > ctx.published:
            year -= 1
    return _Resolution(on(year), "day")


def _thanksgiving(year: int) -> date:
    """The fourth Thursday of November."""
    first = date(year, 11, 1)
    return first + timedelta(days=(3 - first.weekday()) % 7 + 21)


def _weekend(m, published: date, future: bool) -> _Resolution:
    """ "over the weekend": the Saturday of the last weekend (the next one for "next weekend"
    or a future clause), approximately, since a weekend is two days."""
    pre = " ".join(m.group("wkpre").lower().split())
    back = (published.weekday() - 5) % 7
    forward = (5 - published.weekday()) % 7
    if pre == "next" or (future and pre not in ("last", "this past", "the past")):
        delta = forward or (7 if pre == "next" else 0)
    else:
        # Published at a weekend, "last weekend" is the one before it.
        delta = -back - 7 if pre == "last" and published.weekday() >= 5 else -back
    return _Resolution(published + timedelta(days=delta), "day", True)


def _looks_ahead(m, ctx: _Context, month: int = 0, day: int = 1) -> bool:
    """A bare date is the next one when its clause speaks of the future or it is a deadline
    ("until 30 April", "by June"), or when the clause has no tense and the date comes within
    the next two months ("Voting ends on March 31"); otherwise, as news mostly reports, the
    last one."""
    first = m.group().split(None, 1)[0].lower()
    if first in ("since", "last"):
        return False
    if ctx.tenseless and month and not ctx.year_for(month):
        year = ctx.published.year + (month < ctx.published.month)
        soon = date(year, month, min(day, monthrange(year, month)[1]))  # 31 December stays the 31st
        if timedelta(0) < soon - ctx.published <= _SOON:
            return True
    return ctx.future or first in ("until", "till", "by", "next")


_SOON = timedelta(days=61)


def _year_of(published: date, month: int, day: int, ahead: bool) -> int:
    """The year of the next (``ahead``) or last occurrence of month/day around publication."""
    year = published.year
    try:
        candidate = date(year, month, day)
    except ValueError:
        candidate = date(year, month, 28)  # 29 February: compare by the month only
    if ahead and candidate < published:
        return year + 1
    if not ahead and candidate > published:
        return year - 1
    return year


def _month_alone(m, ctx: _Context, modified: bool) -> _Resolution:
    published = ctx.published
    month = lx.MONTHS[m.group("mon")]
    if modified and m.group("year"):
        return _Resolution(date(int(m.group("year")), month, 1), "month", True)
    pre = (m.group("pre") or "").lower() if not modified else ""
    if pre == "this":
        year = published.year
    elif ctx.year_for(month) and not _looks_ahead(m, ctx, month):
        year = ctx.year_for(month)
    else:
        ahead = pre != "last" and (pre == "next" or _looks_ahead(m, ctx, month))
        year = published.year
        if ahead and month < published.month:
            year += 1
        elif not ahead and month > published.month:
            year -= 1
    return _Resolution(date(year, month, 1), "month", modified or pre.startswith(("earlier", "later")))


def _weekday(m, published: date, future: bool) -> _Resolution:
    target = lx.WEEKDAYS[m.group("wd")]
    pre = (m.group("wpre") or "").lower()
    back = (published.weekday() - target) % 7
    forward = (target - published.weekday()) % 7
    if pre == "last" or pre == "past":
        delta = -(back or 7)
    elif pre in ("next", "coming"):
        delta = forward or 7
    elif pre == "this":
        delta = target - published.weekday()
    else:
        delta = forward if future else -back
    return _Resolution(published + timedelta(days=delta), "day")


def _deictic(word: str, published: date) -> _Resolution:
    offset = {"yesterday": -1, "tomorrow": 1, "last night": -1}.get(" ".join(word.split()), 0)
    return _Resolution(published + timedelta(days=offset), "day")


def _ago(m, published: date) -> _Resolution | None:
    text = m.group("n").lower()
    n = int(text) if text.isdigit() else _NUMBERS[" ".join(text.split())]
    unit = m.group("unit").lower()
    vague = text in ("a few", "several", "a couple of")
    if unit in ("hour", "minute"):
        return _Resolution(published, "day", vague)
    if unit == "day":
        return _Resolution(published - timedelta(days=n), "day", vague)
    if unit == "week":
        return _Resolution(published - timedelta(weeks=n), "day", True)
    if unit == "month":
        return _Resolution(published - relativedelta(months=n), "month", vague)
    return _Resolution(published - relativedelta(years=n), "year", vague)


_COUNTED = re.compile(rf"\b{_NUM}\s+\Z", re.I)


def _gap(m, published: date) -> _Resolution | None:
    """ "days after X met": X happened shortly before the time of writing (or after it, for
    "days before"); only the month can be told, and only approximately."""
    unit = m.group("gunit").lower()
    if unit == "hours" or _COUNTED.search(m.string, max(0, m.start() - 12), m.start()):
        return None  # "four months after the fire", "hours after the attack": after that event, not now
    size = {"days": 3, "weeks": 14, "months": 60}[unit]
    sign = -1 if m.group("dir").lower() == "after" else 1
    day = published + timedelta(days=sign * size)
    return _Resolution(day, "day" if size == 0 else "month", True)


def _anaphor(m, refs: dict) -> _Resolution | None:
    unit = (m.group("aunit") or m.group("sunit") or m.group("runit") or m.group("lunit")).lower()
    precision = unit if unit != "week" else "day"
    base = refs.get(precision)
    if base is None:
        return None  # "that day" with no day before it: the text does not say which
    direction = (m.group("rel") or m.group("ldir") or "").lower()
    step = {"following": 1, "next": 1, "later": 1, "previous": -1, "preceding": -1, "earlier": -1}.get(direction, 0)
    count = (m.group("ln") or "a").lower()
    count = " ".join(count.split())
    n = int(count) if count.isdigit() else _NUMBERS[count]
    day = base.day + _unit_delta(unit, step * n)
    # "the following week" names a span of days, "two days later" a fixed offset from a known day.
    offset = bool(m.group("lunit"))
    vague = count in ("a few", "several", "a couple of")
    approximate = bool(m.group("amod")) or (unit == "week" and not offset) or base.approximate or vague
    return _Resolution(day, precision, approximate)


def _unit_delta(unit: str, n: int):
    return {"day": timedelta(days=n), "week": timedelta(weeks=n), "month": relativedelta(months=n),
            "year": relativedelta(years=n)}[unit]


def _relative_unit(m, published: date) -> _Resolution:
    which, unit = m.group("which").lower(), m.group("unit2").lower()
    step = {"last": -1, "next": 1, "coming": 1, "this": 0}[which]
    # "late last month" is a part of the month; "earlier this month" is still this month.
    approximate = (m.group("rmod") or "").lower().rstrip("-") in ("early", "late", "mid") or unit == "week"
    precision = "day" if unit == "week" else unit
    return _Resolution(published + _unit_delta(unit, step), precision, approximate)
