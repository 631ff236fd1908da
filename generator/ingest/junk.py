"""Page junk in scraped seeds: one documented rule per kind, each general, none about one article.

A scraper copies everything between the headline and the footer: ad slots, share bars, "follow
us" prompts, links to other stories and whole "stories you may like" widgets. Each rule below
names one kind of junk and says how it is recognised. Rules look at the *plain text* of a line
(inline Markdown resolved, see :mod:`.inline`), so ``**Also Read | …**`` and ``Also Read | …``
are the same line to them.

Line rules (a line is junk on its own):

``ad-marker``
    The whole line is an ad slot label: "Advertisement", "Sponsored", "Story continues below
    this ad", "Scroll to continue with content".
``no-words``
    The line has no letter at all: lone numbers (comment or share counters, "1"), bullets, rules.
    A number that ends a sentence ("1998.") is kept: it is the tail of a split sentence.
``related-link``
    A link to another story behind a label and a separator: "Also Read | …", "Read more: …",
    "Watch: …", "Related — …"; the rest must read like a headline (no closing full stop).
``social-prompt``
    A short call to act on the page rather than news: "Follow us on …", "Click here to …",
    "Make us preferred source on Google", "Share this article", "Download the … app",
    "Join our WhatsApp channel".
``subscribe-prompt``
    A short subscription or newsletter prompt: "Subscribe …", "Sign up for our newsletter",
    "… delivered to your inbox", "Log in to continue reading".
``share-bar``
    Only share-bar or page-chrome labels: "Share", "Tweet", "WhatsApp | Facebook | Email",
    "Listen to this article", "Skip to content", "Menu".
``breadcrumb``
    A navigation trail: "Home / News / India", "News › World" (starts at "Home" or "News", every
    step at most four words).
``media-label``
    A photo or video label or a credit standing alone: "Image source, Getty Images",
    "Image caption, …", "(AP Photo)", "Photo: Reuters".
``tag-list``
    A topic list: "Tags: India, United States", "Topics: trade" (no closing full stop).
``copyright``
    A copyright footer: "© 2026 …", "Copyright 2019 …", "… All rights reserved." (a year or the
    sign must follow "Copyright", so "Copyright lawyers say…" is prose).
``contact``
    A press release's contact block: "Media Contact:", a short line with an e-mail address and
    no closing full stop, "SOURCE Acme Inc." (the word in capitals).

Note rules (credits, syndication, print, affiliate, privacy and standards notes, promotions) are
in :mod:`.notes`.

Block rules (a marker and the lines that belong to it):

``recommendations`` / ``recommended-headline``
    A recommendation widget's title on its own line ("STORIES YOU MAY LIKE", "CURATED FOR YOU",
    "You may also like", "Trending", "Most read", "More from …") is removed, and so is each
    following line that reads like a *headline* rather than article prose — at most
    ``MAX_BLOCK_HEADLINES`` of them. The block ends at the first line that reads like prose: one that
    starts in lower case (it continues a sentence), ends with a full stop, colon or comma, holds
    two sentences, reports speech ("said", "told"), or is longer than ``MAX_HEADLINE_WORDS``
    words. A short prose line therefore stops the block instead of being eaten by it, and a short
    question (``MAX_SUBHEAD_WORDS``) right before that prose is kept: it is the article's own
    subheading ("What changes now?"), which the prose answers.

``recommendations`` / ``topic``
    A topic list's title ("Related Topics", "Explore more on these topics", "Tags") is followed
    by short labels in any case ("Rail transport", "news"): up to ``MAX_TOPIC_WORDS`` words each,
    no closing punctuation.
``social-embed``
    An embedded social-media post as scrapers copy it: the post's text on one line, then its
    credit line "— Jane Doe (@janedoe) September 9, 2016" (a dash, a name, a handle in
    brackets, a date). Both lines go; the article quotes a post in its own words, not as a card.
``author-bio`` / ``after-bio``
    The last kept lines, when each starts with a byline name and a verb of describing ("Jane Doe
    is a reporter…", "John Roe covers…"); the byline names are passed to :func:`classify`. The
    writer's bio, named by the byline, closes the article: the lines after it (a comment form's
    policy, a newsletter's pitch) are ``after-bio``.

Prompts are only junk when short (``MAX_PROMPT_WORDS``), so a paragraph that happens to begin
with "Click here" in a long sentence of reporting is kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from .notes import CLOSERS as _CLOSERS
from .notes import REPORTED_SPEECH as _REPORTED_SPEECH
from .notes import note_rule, words

MAX_PROMPT_WORDS = 25
MAX_PROMPT_CHARS = 300  # also bounds the work of the ".*" patterns below on a huge line
MAX_HEADLINE_WORDS = 25
MAX_BLOCK_HEADLINES = 12
MAX_SUBHEAD_WORDS = 6
MAX_BAR_CHARS = 120  # a share bar is a row of short labels; longer lines are never one

_I = re.I

_AD_MARKER_PHRASE = (
    r"(?:advertisements?|advertisment|advert|ads?|sponsored(?:\s+(?:content|post|story|links?))?"
    r"|promoted(?:\s+(?:content|stories))?|paid\s+(?:post|content|partnership)|partner\s+content"
    r"|supported\s+by|sponsor(?:ed)?\s+message"
    r"|(?:story|article)\s+continues\s+(?:below|after)(?:\s+(?:this|the))?(?:\s+(?:ad|advertisement))?"
    r"|continue\s+reading\s+(?:below|the\s+main\s+story)|skip\s+(?:this\s+)?(?:ad|advertisement)"
    r"|scroll\s+(?:down\s+)?to\s+continue(?:\s+(?:with|reading)(?:\s+content)?)?)"
)
# One ad label, or several run together with separators ("Advertisement · Scroll to continue").
_AD_MARKER = re.compile(rf"[\W_]*{_AD_MARKER_PHRASE}(?:[\W_]+{_AD_MARKER_PHRASE})*[\W_]*", _I)
_RELATED_LINK = re.compile(
    r"(?:also\s+read|read\s+also|read\s+more|must\s+read|read|related(?:\s+(?:story|stories|news"
    r"|articles?|coverage|reading))?|see\s+also|also\s+see|also\s+watch|watch|listen|don'?t\s+miss"
    r"|recommended|trending|more\s+on\s+this|go\s+deeper|(?:watch\s+)?videos?|gallery|podcast)"
    r"\s*(?:\||:|[-\u2013\u2014]|>>|\u00bb)\s*\S",
    _I,
)
_SOCIAL_PROMPT = re.compile(
    r"\W*(?:(?:follow|like|join|find|connect\s+with)\s+us\b"
    r"|share\s+(?:or\s+comment\s+on\s+)?(?:this\s+|the\s+)?(?:article|story|page)\b|share\s+what\s+you\s+think\b"
    r"|share\s+your\s+(?:thoughts|views|comments)\b|(?:the\s+)?comments?\s+(?:below|above|section)\b"
    r"|(?:click|tap)\s+(?:here|the\s+link|below|to)\b"
    r"|.{0,40}\bpreferred\s+source\b"
    r"|share\s+(?:this|on|via|the\s+story|(?:the\s+)?full\s+(?:article|story))\b"
    r"|listen\s+to\s+(?:this|the)\s+(?:article|story)\b"
    r"|(?:post|leave|add|view|read|show)\s+(?:a\s+|all\s+|the\s+)?comments?\b"
    r"|(?:download|get|install)\s+(?:the|our)\s+.{0,40}\bapps?\b"
    r"|.{0,60}\b(?:whatsapp|telegram|google\s+news)\s+(?:channel|group|community)\b"
    r"|(?:turn\s+on|enable|allow)\s+(?:push\s+)?notifications?\b"
    r"|join\s+(?:our\s+|the\s+)?(?:[\w\-]+\s+){0,2}(?:commenting|comments?|discussions?|conversations?|forums?)\b"
    r"|(?:please\s+)?(?:use|upgrade|update|switch\s+to)\s+(?:a\s+|the\s+|your\s+)?(?:[\w\-]+\s+){0,2}browser\b"
    r"|(?:please\s+)?enable\s+javascript\b|your\s+browser\s+(?:does\s+not|doesn'?t)\s+support\b"
    r"|(?:for|get)\s+(?:the\s+|all\s+the\s+)?(?:latest|more)\b.{0,80}\b(?:follow|download|click)\b)",
    _I,
)
_SUBSCRIBE_PROMPT = re.compile(
    r"\W*(?:subscribe\b|sign\s+up\b|already\s+a\s+(?:subscriber|member)\b"
    r"|become\s+a\s+(?:member|subscriber)\b|support\s+(?:our|independent)\s+journalism\b"
    r"|(?:register|log\s*in|sign\s+in)\s+(?:now|here|today|to\s+(?:continue|read|access|unlock))\b"
    r"|.*\bnewsletters?\b.*\b(?:sign\s+up|subscribe|inbox|delivered|receive)\b"
    r"|.*\b(?:sign\s+up|subscribe)\b.*\bnewsletters?\b"
    r"|.*\bdelivered\s+(?:straight\s+)?to\s+your\s+inbox\b"
    r"|(?:after|skip\s+past)\s+newsletter\s+promotion\b"
    r"|(?:get|receive)\s+(?:our|the)\s+(?:free\s+)?(?:[\w\-]+\s+){0,3}(?:e-?mail|newsletter|briefing|bulletin)s?\b"
    r"|(?:please\s+)?enter\s+(?:a\s+valid\s+|your\s+)?e-?mail\b|thank\s+you\s+for\s+(?:subscribing|signing\s+up)\b"
    r"|thanks\s+for\s+reading\b"
    r"|this\s+(?:article|story)\s+(?:was|is)\s+(?:featured|included)\s+in\b.*\bnewsletter\b)",
    _I,
)
_SHARE_LABEL = (
    r"(?:share|tweet|post|facebook|twitter|x|whatsapp|linkedin|telegram|reddit|pinterest|e-?mail|print"
    r"|copy(?:\s+link)?|link\s+copied|comments?|save|saved|bookmark|follow|gift(?:\s+this)?\s+article"
    r"|listen(?:\s+to\s+(?:this\s+)?(?:article|story))?|font\s+size|text\s+size"
    r"|menu|search|skip\s+to\s+(?:main\s+)?(?:content|site\s+index|navigation|search)|sign\s+in|log\s*in"
    r"|home|close|back\s+to\s+top|share\s+via|aa|a[+\-]|text\s+size|small|medium|large|reuse\s+this\s+content"
    r"|(?:view|see)\s+all(?:\s+(?:articles|stories|posts))?|social\s+sharing|end\s+of\s+(?:the\s+)?(?:article|story)"
    r"|reply|retweet|favou?rite|continue\s+reading|(?:add|post|leave|write)\s+(?:your|a)\s+comment|your\s+comment|(?:top|visitor|reader)\s+comments?"
    r"|loading\s+(?:related\s+|more\s+)?(?:articles|stories|comments)(?:\.{3}|\u2026)?"
    r"|(?:give|gift)\s+this\s+article"
    r"|(?:add\s+to\s+(?:your\s+)?)?saved\s+(?:stories|articles)|comment\s+on\s+this\s+(?:story|article)"
    r"|have\s+your\s+say|(?:start|join)\s+(?:a|the)\s+conversation|order\s+reprints|today'?s\s+paper"
    r"|subscribe|learn\s+more|\d+(?:[.,]\d+)?[km]?(?:\s+comments?)?|\d{1,2}:\d\d(?:\s*mins?)?"
    r"|\d{1,3}\s*(?:mins?|minutes?)|enlarge\s+(?:this\s+)?(?:image|photo)|(?:toggle|hide|show)\s+caption"
    r"|loading(?:\.{3}|\u2026)?|view\s+(?:gallery|slideshow|image))"
)
_SHARE_BAR = re.compile(rf"\W*{_SHARE_LABEL}(?:\W+{_SHARE_LABEL})*\W*", _I)
_COPYRIGHT = re.compile(
    r"(?:\u00a9|\(c\)\s|copyright\s*(?:\u00a9|\(c\))?\s*(?:19|20)\d\d\b).*"
    r"|.*\ball\s+rights\s+reserved\b\W*",
    _I,
)

_BREADCRUMB_STEP = re.compile(r"\s+(?:/|>|\u203a|\u00bb|\|)\s+")
_BREADCRUMB_START = re.compile(r"(?:home|news)\s+(?:/|>|\u203a|\u00bb|\|)\s+\S", _I)
_MEDIA_LABEL = re.compile(
    r"(?:image|media|video|photo|picture)\s+(?:source|caption|credit)s?\s*[,:].*"
    r"|\(?(?:photo(?:graph)?|image|picture|illustration|video|graphic|animation)s?\s+by\s+[^.()]{1,80}\)?"
    r"|(?:as\s+)?heard\s+on\s+[^.]{1,60}"  # a radio programme's label: "Heard on All Things Considered"
    r"|[A-Z][\w.'\u2019\-]*(?:\s[\w.'\u2019\-]+){0,3}\s?/\s?[A-Z][\w.&'\u2019\-]*(?:\s[\w.&'\u2019\-]+){0,3}"
    r"|\(?(?:getty\s+images|(?:ap|afp|reuters|pti|epa|ani)\s+photo\b[^()]{0,40}|file\s+photo"
    r"|(?:photo|image|picture|photograph)s?(?:\s+credit)?\s*:\s*[^.()]{1,60})\)?",
    _I,
)
_TAG_LIST = re.compile(r"(?:tags|topics|filed\s+under|categories|keywords)\s*:\s*\S.{0,200}", _I)
# A topic list's title: the items under it are short labels in any case ("Rail transport", "news").
_TOPICS = (
    r"(?:related\s+|suggested\s+|explore\s+more\s+on\s+(?:these|this)\s+|more\s+on\s+(?:these|this)\s+)?topics?"
    r"|tags|filed\s+under|(?:more\s+)?about\s+this\s+(?:story|article)"
)
_TOPIC_MARKER = re.compile(rf"\W*(?:{_TOPICS})\W*", _I)
MAX_TOPIC_WORDS = 4
_RECOMMENDATION_MARKER = re.compile(
    r"\W*(?:(?:(?:stories|articles|news|videos|more)\s+(?:that\s+)?)?you\s+(?:may|might|will|would)"
    r"\s+(?:also\s+)?(?:like|love|enjoy|be\s+interested\s+in)"
    r"|(?:curated|recommended|picked|selected|handpicked|chosen)\s+for\s+you"
    r"|(?:more|related|recommended|trending|popular|top|latest|similar|featured|other|promoted|sponsored"
    r"|visual|web|photo)"
    r"\s+(?:stories|news|articles?|reads|reading|videos|posts|links|coverage|headlines)"
    r"(?:\s+(?:from|on|in|for)\s+.{1,40})?"
    r"|most\s+(?:read|popular|viewed|shared|watched|commented)|trending(?:\s+(?:now|today|topics))?"
    r"|editor'?s'?\s+picks?|(?:top|our)\s+picks|don'?t\s+miss|read\s+next|up\s+next"
    # "In this article" (tickers), "More TechCrunch", "More Great WIRED Stories"
    r"|in\s+this\s+(?:article|story)|more\s+[\w&\-]+|more\s+(?:[\w&\-]+\s+){0,2}(?:stories|news|articles|reads)"
    r"|(?:featured|latest|top|trending|related|more)?\s*videos?(?:\s+of\s+the\s+(?:day|week)|\s+\d{1,2}:\d\d)?"
    r"|watch(?:\s+now|\s+live|\s+video)?|about\s+the\s+authors?"
    r"|(?:subscriber|premium|members?)[\s\-]+only(?:\s+(?:stories|articles|content))?"
    r"|what\s+to\s+read\s+next|also\s+(?:read|watch|see)|read\s+more(?:\s+(?:from|on|about)\s+.{1,40})?"
    r"|must\s+read|related|further\s+reading"
    r"|recommended|explore\s+more"
    r"|in\s+case\s+you\s+missed\s+it|you\s+may\s+have\s+missed|more\s+from\s+.{1,40}"
    r"|(?:from\s+)?around\s+the\s+web|more\s+on\s+this\s+(?:topic|story)|" + _TOPICS + r")\W*",
    _I,
)
# Two sentences in one line: ". " (or "?", "!", maybe a closing quote) then a capital.
_TWO_SENTENCES = re.compile(r"[a-z0-9][.!?][\"'\u201d\u2019)]?\s+[\"'\u201c\u2018(]?[A-Z]")
_ENDS_WITH_NUMBER = re.compile(r"\d[%)\"'\u201d\u2019]*[.!?]$")


_CONTACT_LABEL = re.compile(r"\W*(?:media|press|investor|news)\s+(?:contacts?|enquiries|inquiries)\W*", _I)
_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+\.[\w.\-]+")
# PR Newswire and others end a release with "SOURCE Company Name", the word in capitals.
_RELEASE_SOURCE = re.compile(r"SOURCE\s+[A-Z].{0,80}")


def _is_contact(text: str) -> bool:
    """A press contact: its label ("Media Contact:") or a short line with an e-mail address."""
    if len(text) > 300:
        return False
    if _CONTACT_LABEL.fullmatch(text) or _RELEASE_SOURCE.fullmatch(text):
        return True
    return "@" in text and _words(text) <= 20 and _EMAIL.search(text) is not None and not text.endswith(".")


_words = words


def _short(text: str) -> bool:
    return len(text) <= MAX_PROMPT_CHARS and _words(text) <= MAX_PROMPT_WORDS


_HEADLINE_ATTRIBUTION = re.compile(r",\s+(?:says|said)\s+(?:[\w.'’-]+\s*){1,3}$", re.IGNORECASE)


def _is_breadcrumb(text: str) -> bool:
    return _BREADCRUMB_START.match(text) is not None and all(
        _words(step) <= 4 for step in _BREADCRUMB_STEP.split(text)
    )


def is_headline_like(text: str) -> bool:
    """True when a line reads like a teaser headline rather than article prose (see module doc)."""
    if not text or text[0].islower() or _words(text) > MAX_HEADLINE_WORDS:
        return False
    end = text.rstrip(_CLOSERS)[-1:]
    if end in (".", ":", ";", ","):
        return False
    if _TWO_SENTENCES.search(text):
        return False
    # Prose split mid-sentence can lack an end stop, so a reporting verb usually means prose; but
    # a headline's trailing attribution (", says IMD", ", said minister") is a headline convention.
    attribution = _HEADLINE_ATTRIBUTION.search(text)
    body = text[:attribution.start()] if attribution else text
    return not _REPORTED_SPEECH.search(body)


LINE_RULES: tuple[tuple[str, Callable[[str], bool]], ...] = (
    ("ad-marker", lambda t: _AD_MARKER.fullmatch(t) is not None),
    ("no-words", lambda t: not any(ch.isalpha() for ch in t) and not _ENDS_WITH_NUMBER.search(t)),
    ("related-link", lambda t: _RELATED_LINK.match(t) is not None and is_headline_like(t)),
    ("social-prompt", lambda t: _short(t) and _SOCIAL_PROMPT.match(t) is not None),
    ("subscribe-prompt", lambda t: _short(t) and _SUBSCRIBE_PROMPT.match(t) is not None),
    ("share-bar", lambda t: len(t) <= MAX_BAR_CHARS and _SHARE_BAR.fullmatch(t) is not None
     and any(ch.isalpha() for ch in t)),
    ("copyright", lambda t: _short(t) and _COPYRIGHT.fullmatch(t) is not None),
    ("breadcrumb", _is_breadcrumb),
    ("media-label", lambda t: _short(t) and _MEDIA_LABEL.fullmatch(t) is not None),
    ("tag-list", lambda t: _TAG_LIST.fullmatch(t) is not None and is_headline_like(t)),
    ("contact", _is_contact),
)
"""(name, test) for each line rule, in the order they are tried; the test gets plain text."""

@lru_cache(maxsize=512)
def line_rule(text: str) -> str | None:
    """The name of the first line rule that calls this (plain-text, stripped) line junk, or None.

    Cached: the header parser and the body classifier ask about the same lines.
    """
    for name, test in LINE_RULES:
        if test(text):
            return name
    return note_rule(text)


def is_recommendation_marker(text: str) -> bool:
    """True for a recommendation widget's title line ("STORIES YOU MAY LIKE", "Trending")."""
    return len(text) <= 80 and _RECOMMENDATION_MARKER.fullmatch(text) is not None


def classify(texts: list[str], authors: tuple[str, ...] | list[str] = ()) -> list[str | None]:
    """For each plain-text line (blank lines already dropped), the junk rule that removes it.

    None means the line is kept. Recommendation blocks are followed across line-rule junk (a
    counter between two teaser headlines does not end the block). ``authors`` are the byline's
    names, for the author-bio rule.
    """
    rules: list[str | None] = [line_rule(text) for text in texts]
    block_left, topics = 0, False
    for index, text in enumerate(texts):
        if rules[index] is not None:
            continue
        if is_recommendation_marker(text):
            rules[index], block_left = "recommendations", MAX_BLOCK_HEADLINES
            topics = _TOPIC_MARKER.fullmatch(text) is not None
        elif block_left and (_is_topic(text) if topics else is_headline_like(text) or _says_headline(text)):
            rules[index] = "topic" if topics else "recommended-headline"
            block_left -= 1
        else:
            if block_left and index and rules[index - 1] == "recommended-headline" and _is_subhead(texts[index - 1]):
                rules[index - 1] = None
            block_left = 0
    _mark_social_embeds(texts, rules)
    mark_author_bios(texts, rules, authors)
    return rules


_EMBED_CREDIT = re.compile(r"[\u2014\u2013-]\s*[^()]{1,80}\(@\w{1,30}\)\s+.{0,40}\b(?:19|20)\d\d")
_EMBED_WORDS = 70


def _mark_social_embeds(texts: list[str], rules: list[str | None]) -> None:
    """``social-embed``: a post's credit line and the post's text right above it."""
    for index, text in enumerate(texts):
        if len(text) <= 160 and _EMBED_CREDIT.fullmatch(text):
            rules[index] = "social-embed"
            above = index - 1
            if above >= 0 and rules[above] is None and _words(texts[above]) <= _EMBED_WORDS:
                rules[above] = "social-embed"


_SAYS = re.compile(r"\b(?:says|tells|warns|urges)\b", _I)


def _says_headline(text: str) -> bool:
    """A teaser in a headline's present tense under a widget's marker ("Fed's Yellen says bank
    rules should stay"): prose reports in the past ("said"), or ends as a sentence does."""
    if not text[:1].isupper() or _words(text) > MAX_HEADLINE_WORDS or not _SAYS.search(text):
        return False
    return text.rstrip(_CLOSERS)[-1:] not in (".", ":", ";", ",") and not _REPORTED_SPEECH.search(_SAYS.sub("", text))


def _is_subhead(text: str) -> bool:
    """A short question right before the prose that ends a block ("What changes now?") is the
    article's own subheading, which that prose answers; teaser headlines are longer."""
    return text.endswith("?") and _words(text) <= MAX_SUBHEAD_WORDS


def _is_topic(text: str) -> bool:
    return _words(text) <= MAX_TOPIC_WORDS and text.rstrip(_CLOSERS)[-1:] not in (".", ":", ";", ",")


@lru_cache(maxsize=64)
def _bio_pattern(authors: tuple[str, ...]) -> re.Pattern:
    names = "|".join([re.escape(a) for a in authors] + [r"(?:writer|author|columnist)s?"])
    return re.compile(
        rf"(?:(?:The|This)\s+)?(?:{names})(?:,\s+[^,]{{1,60}},)?"
        r"\s+(?:is|are|was|covers|writes|reports|has\s+been|joined|edits"
        r"|contributes|lives|teaches|works)\b"
    )


# Anyone's bio, byline or not: a name, then what they do for a living ("Jane Doe is an editor at
# …", "Ann Roe teaches at …"). Short and reporting no speech: "John Smith is a professor of
# economics, and he warned…" is the article quoting an expert.
_BIO_WORDS = 40
_NAME = r"[A-Z][\w.'\u2019\-]+(?:\s+[A-Z][\w.'\u2019\-]+){1,3}"
_BIO_SHAPE = re.compile(
    rf"{_NAME}(?:,\s+[^,]{{1,60}},)?\s+"
    r"(?:is\s+(?:an?|the|[A-Z][\w.]*['\u2019]s)\s+(?:[\w'\u2019\-]+\s+){0,4}"
    r"(?:writer|editor|reporter|correspondent|columnist|contributor|author|commentator|journalist"
    r"|professor|producer|critic|fellow|analyst)"
    r"|(?:writes?|covers?|teaches|edits?)\s+(?:about|for|at|on)\b)"
)


_BIO_REACH = 4
_NAMED_BIO_REACH = 10
"""How far from the end the writer's bio, named by the byline, may stand: past a comment form."""


def mark_author_bios(texts: list[str], rules: list[str | None], authors) -> None:
    """``author-bio``: the last kept lines, when each starts with a byline name (or "The writer")
    and a verb of describing ("Jane Doe is a reporter…", "John Roe covers technology…", "The
    writer is a professor…"), or with any name and what the person does for a living
    (``_BIO_SHAPE``). Only at the end, so a paragraph about the author elsewhere is kept; the
    ingest asks again once the text's end is located, past the furniture after it. The writer's
    bio named by the byline may stand further up (:func:`_named_bio_closes`): the lines after it
    are then ``after-bio``."""
    bio = _bio_pattern(tuple(authors))
    kept = [i for i in range(len(texts)) if rules[i] is None]
    for index in reversed(kept):
        if not ((_words(texts[index]) <= 80 and bio.match(texts[index])) or _is_bio(texts[index])):
            break
        rules[index] = "author-bio"
    if authors and kept and rules[kept[-1]] is None:  # no bio ends the lines yet
        _named_bio_closes(texts, rules, kept[-_NAMED_BIO_REACH:], bio)
    # A bio in the last few lines with a line of furniture after it ("Follow him on Twitter"):
    # only the stricter shape, a name and a trade, counts there.
    for index in kept[-_BIO_REACH:]:
        if rules[index] is None and _is_bio(texts[index]):
            rules[index] = "author-bio"


def _named_bio_closes(texts: list[str], rules: list[str | None], tail: list[int], bio: re.Pattern) -> None:
    """The writer's own bio, named by the byline, closes the article: the last one among the
    ``tail`` lines that reports nothing is ``author-bio``, and what follows it is the page's
    (``after-bio``: a comment policy, a newsletter's pitch)."""
    for position in reversed(range(len(tail))):
        text = texts[tail[position]]
        if (rules[tail[position]] is None and _words(text) <= 80 and bio.match(text)
                and not _REPORTED_SPEECH.search(text) and not _NEWS_CLAUSE.search(text)):
            rules[tail[position]] = "author-bio"
            for after in tail[position + 1:]:
                rules[after] = rules[after] or "after-bio"
            return


_NEWS_CLAUSE = re.compile(r",?\s+and\s+(?:he|she|they)\b|\b(?:warned|argued|added|noted|explained|told|said|says)\b", re.I)


def _is_bio(text: str) -> bool:
    """A bio by shape alone: short, one description, reporting nothing (see ``_BIO_SHAPE``)."""
    return (_words(text) <= _BIO_WORDS and _BIO_SHAPE.match(text) is not None
            and not _REPORTED_SPEECH.search(text) and not _NEWS_CLAUSE.search(text))
