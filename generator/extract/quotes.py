"""Direct quotations and their speakers.

Attribution is looked for, in order: after the quotation in the same sentence (`"…," he said`,
`"…," said Rubio`, `a "milestone", the embassy said`); before it (`Jaishankar said, "…"`); in the
previous sentence of the paragraph when the quotation opens its own sentence (`Rubio recalled
that … "It gained …"`); and in the previous paragraph when it ends with a colon or leaves a
quotation open. A pronoun is the most recent person (he/she) or the organisation that last spoke
(it); "the embassy" is the organisation whose name has that word; "the minister" the person whose
role has it. Anything else is left unknown rather than guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Quote
from . import lexicon as lx
from .entities import EntityTable
from .pronouns import pronouns_of
from ..sentences import Sentence

_MARKS = re.compile(r"[“”\"]")
_SINGLE = re.compile(r"(?<!\w)‘((?:[^’]|’(?=\w))+)’(?!\w)")
_VERB = re.compile(r"\b(?:" + "|".join(sorted(lx.SPEECH_VERBS)) + r"|according to|pointed out)\b")
_TAIL_PRONOUN = re.compile(r"\b(he|she|it|they|He|She|It|They)\s*$")
_TAIL_CONJUNCTION = re.compile(r"\b(?:and|but|or|then)\s*$")
_TAIL_PREPOSITION = re.compile(r"\b(?:of|in|at|from|for|with)\s+(?:the\s+)?$")
_HEAD_PRONOUN = re.compile(r"^\s*(he|she|it|they)\b")
_TAIL_NOUN = re.compile(r"\b(?:the|The|a|A|an|An)\s+(?:[a-z-]+\s+)?([a-z]+)\s*$")
_HEAD_NOUN = re.compile(r"^\s*(?:the|a|an)\s+(?:[a-z-]+\s+)?([a-z]+)\b")
_APPOSITIVE = re.compile(r",\s+(?:\d{1,3},\s+)?(?!(?:he|she|it|they|we|and|but|or|then|so)\b)[a-z][^,\"“”]*\Z")
"""What follows a speaker named before an appositive: "Tom Okafor, a glaciologist at … study" (the
comma before the verb is already stripped), or "Dale Whitcomb, 67, who runs …"."""
_STRAIGHT_SINGLE = re.compile(r"(?<![\w'])'([A-Za-z][^'\n]{0,200}?[\w.,!?])'(?!\w)")
"""'brazen and calculated' in straight marks: an apostrophe inside a word ("don't") neither opens
nor closes it."""
_FUNCTION = frozenset(w.lower() for w in lx.CAPITALISED_FUNCTION_WORDS) | {
    "is", "was", "were", "are", "be", "been", "has", "had", "have", "not", "that"}
_DOCUMENT_BY = re.compile(
    r"\s*(?:a|an|the|its|his|her|their)\s+(?:[a-z-]+\s+)?(?:report|statement|study|survey|analysis|filing|"
    r"letter|post|release|note|document|paper|memo|email|interview|video|speech|ruling|judgment)\s+"
    r"(?:by|from|of)\s+(?:the\s+)?")
_AUXILIARY_TAIL = re.compile(rf"(?:\s+{lx.BEFORE_SAYING_PATTERN})+\Z")
"""Tense and adverbs between a speaker and the verb (lexicon.BEFORE_SAYING)."""
_VOICE_OF = re.compile(r"\s+(?:spokes(?:man|woman|person)|representative|statement|press office)\s*\Z")
"""'the Acme spokesman said': words spoken for an organisation are the organisation's."""
_ROLE_THEN_NAME = re.compile(r"\s*(?:the|a|an|its|his|her|their)\s+((?:[A-Za-z-]+(?:['’]s)?\s+){0,5}[A-Za-z-]+),\s*")
"""A role set off before the person it names: "the authority's chief executive, " (words after the
determiner are the role; a function word among them, but those of _IN_A_ROLE, ends it)."""
_IN_A_ROLE = frozenset({"of", "for", "at", "the"})
"""Function words a role may hold ("a spokeswoman for the union, "); any other ends it."""
_ENDS_A_ROLE = _FUNCTION - _IN_A_ROLE
_ACRONYM_AFTER = re.compile(r"\s*\([A-Z][A-Za-z0-9&]{1,11}\)\Z")
_TERM_WORDS = 5
"""A quotation this short is a term or scare quote unless the sentence attributes speech."""


@dataclass
class _Span:
    paragraph: int
    start: int
    """Offset of the opening mark."""
    end: int
    """Offset one past the closing mark (the paragraph's end when left open)."""
    closed: bool

    def raw(self, text: str) -> str:
        """Everything between the marks, as printed."""
        return text[self.start + 1:self.end - 1 if self.closed else self.end]

    def inner(self, text: str) -> str:
        # A comma before the closing mark belongs to the attribution ("…," he said), not the words.
        return self.raw(text).strip().rstrip(",").rstrip()


def quotation_spans(text: str, paragraph: int) -> list[_Span]:
    """Double-quoted spans (curly or straight), and single curly ones outside them."""
    spans, open_at = [], None
    for match in _MARKS.finditer(text):
        mark = match.group()
        if open_at is None and mark in "“\"":
            open_at = match.start()
        elif open_at is not None and mark in "”\"":
            spans.append(_Span(paragraph, open_at, match.end(), True))
            open_at = None
    if open_at is not None:
        spans.append(_Span(paragraph, open_at, len(text), False))
    for pattern in (_SINGLE, _STRAIGHT_SINGLE):
        for match in pattern.finditer(text):
            if not any(s.start <= match.start() < s.end for s in spans):
                spans.append(_Span(paragraph, match.start(), match.end(), True))
    return sorted(spans, key=lambda s: s.start)


class _Context:
    """What the text has established so far: who spoke last, which persons were mentioned."""

    def __init__(self, paragraphs, table: EntityTable, sentences: dict[int, list[Sentence]] | None = None):
        self.paragraphs = paragraphs
        self.sentences = sentences or {}
        """Paragraph → its sentences, for finding the subject of the one a pronoun follows."""
        self.table = table
        self.pronouns: dict[str, str] = {}
        """Person id → "he" or "she", where the article shows it (pronouns.py)."""
        self.last_thing_speaker: str | None = None
        self.last_person: tuple[str, int, int, int] | None = None
        """(id, paragraph, start, end): the last person quoted and the sentence they spoke in."""
        self.mentions = sorted((p, s, e, entity_id) for p, spans in table.by_paragraph.items()
                               for s, e, entity_id in spans)

    def type_of(self, entity_id: str) -> str:
        return self.table.entities[entity_id].type

    def name_like(self, entity_id: str) -> bool:
        entity = self.table.entities[entity_id]
        return entity.type == "other" and not entity.in_registry and 2 <= len(entity.name.split()) <= 3

    def mention_ending(self, paragraph: int, pos: int) -> tuple[str, int] | None:
        """(id, start) of the mention that ends at ``pos``."""
        for s, e, entity_id in self.table.by_paragraph.get(paragraph, ()):
            if e == pos:
                return entity_id, s
        return None

    def subject_at(self, paragraph: int, pos: int) -> str | None:
        """The entity that opens the clause at ``pos`` ("The Chamber of Shipping, which …")."""
        text = self.paragraphs[paragraph]
        for s, e, entity_id in self.table.by_paragraph.get(paragraph, ()):
            if s >= pos:
                if text[pos:s].strip(" \"“”‘’,") not in ("", "The", "the"):
                    return None
                noun = _NOUN_AFTER.match(text, e)
                # "the American Horror Story actress wrote": the name only qualifies the noun
                head = noun and noun.group(1) not in _NOT_A_HEAD and not noun.group(1).endswith("ly")
                return None if head else entity_id
        return None

    def mention_starting_after(self, paragraph: int, pos: int, limit: int) -> str | None:
        """The first entity after ``pos`` if only capitalised title words come before it
        ("said External Affairs Minister S Jaishankar")."""
        text = self.paragraphs[paragraph]
        for s, e, entity_id in self.table.by_paragraph.get(paragraph, ()):
            if pos <= s <= pos + limit:
                between = text[pos:s].replace("'s", "").replace("’s", "").split()
                if all(w[:1].isupper() or w in lx.NAME_CONNECTORS for w in between):
                    return entity_id
                personal = self.type_of(entity_id) == "person" or self.name_like(entity_id)
                # "said national president Ifeoma Nwosu": a lower-case title before a person.
                if (len(between) <= 4 and personal
                        and all(w.isalpha() and w.lower() not in _FUNCTION for w in between)):
                    return entity_id
                # "said the authority's chief executive, Marika Lindqvist": a role, then the
                # person it names, set off by a comma.
                role = _ROLE_THEN_NAME.fullmatch(text, pos, s)
                if personal and role and not any(w.lower() in _ENDS_A_ROLE for w in role.group(1).split()):
                    return entity_id
                return None
        return None

    def recent(self, paragraph: int, pos: int, want, quoted) -> str | None:
        """The most recent entity mention before (paragraph, pos) that ``want`` accepts,
        skipping mentions inside quotations (the speaker is not among the people they name)."""
        found = self.recent_at(paragraph, pos, want, quoted)
        return found[0] if found else None

    def recent_at(self, paragraph: int, pos: int, want, quoted) -> tuple[str, int, int] | None:
        for p, s, _, entity_id in reversed(self.mentions):
            if (p, s) >= (paragraph, pos):
                continue
            if any(q.paragraph == p and q.start <= s < q.end for q in quoted.get(p, ())):
                continue
            if want(entity_id):
                return entity_id, p, s
        return None

    def takes(self, entity_id: str, pronoun: str) -> bool:
        """The person may be "he" or "she": the article shows that one, or neither."""
        return self.pronouns.get(entity_id, pronoun) == pronoun

    def person_pronoun(self, paragraph: int, pos: int, quoted, pronoun: str) -> str | None:
        """ "Judge Carr said Holloway had …. "You were trusted," she told him": the person last
        named (Holloway) was only talked about in the last speaker's sentence; the pronoun
        continues the speaker, as news writing does."""
        found = self.recent_at(paragraph, pos, lambda i: self.type_of(i) == "person" and self.takes(i, pronoun),
                               quoted)
        if found and self.last_person:
            speaker, p, start, end = self.last_person
            if found[0] != speaker and found[1] == p and start <= found[2] < end and self.takes(speaker, pronoun):
                return speaker
        if found:
            return self.subject_of_sentence(found, quoted, pronoun) or found[0]
        return None

    def subject_of_sentence(self, found: tuple[str, int, int], quoted, pronoun: str) -> str | None:
        """ "Gosling confirms that Ford punched him, but he downplays it. "It was a rite of
        passage," he says": a pronoun continues the person who opens the sentence before it
        (its subject), not the one named last in it."""
        _, paragraph, pos = found
        sentence = next((s for s in self.sentences.get(paragraph, ()) if s.start <= pos < s.end), None)
        if sentence is None:
            return None
        for p, s, _, entity_id in self.mentions:
            if (p == paragraph and sentence.start <= s < pos and self.type_of(entity_id) == "person"
                    and not any(q.start <= s < q.end for q in quoted.get(p, ()))):
                return entity_id if s - sentence.start <= 40 and self.pronouns.get(entity_id) == pronoun else None
        return None


def _resolve(kind: str, value: str, ctx: _Context, paragraph: int, pos: int, quoted) -> str | None:
    if kind == "entity":
        return value
    if kind == "pronoun":
        word = value.lower()
        if word in ("he", "she"):
            # A person, else a name the text never typed ("Janet Moss"), never a place or body.
            return (ctx.person_pronoun(paragraph, pos, quoted, word)
                    or ctx.recent(paragraph, pos, lambda i: ctx.name_like(i) and ctx.takes(i, word), quoted))
        if word == "it":
            return ctx.last_thing_speaker or ctx.recent(
                paragraph, pos, lambda i: ctx.type_of(i) == "organisation", quoted)
        return None
    noun = value.lower()

    def fits(entity_id: str) -> bool:
        entity = ctx.table.entities[entity_id]
        if entity.type == "person":
            return noun in (entity.role or "").lower().split()
        return noun in entity.name.lower().split() and entity.type == "organisation"
    found = ctx.recent(paragraph, pos, fits, quoted)
    if found is None and noun in lx.GENERIC_ORG_NOUNS:
        # "the company", "the watchdog": the organisation that last spoke, else the last one named.
        found = ctx.last_thing_speaker or ctx.recent(
            paragraph, pos, lambda i: ctx.type_of(i) == "organisation", quoted)
    return found


def _speaker_before(text: str, pos: int, lower: int, ctx: _Context, paragraph: int):
    """The speaker expression that ends just before ``pos`` (a speech verb)."""
    end = pos
    while end > lower and text[end - 1] in " ,":
        end -= 1
    auxiliary = _AUXILIARY_TAIL.search(text, lower, end)
    if auxiliary:  # "Wang Yi had then said": the subject is before the tense and adverbs
        end = auxiliary.start()
    tail = text[max(lower, end - 5):end].split()
    if tail and tail[-1] in lx.POSTNOMINALS:  # "Simon Agyeman KC, said"
        end = text.rindex(tail[-1], lower, end)
        while end > lower and text[end - 1] == " ":
            end -= 1
    defined = _ACRONYM_AFTER.search(text, lower, end)
    if defined:  # "The Securities and Exchange Commission (SEC) said"
        end = defined.start()
    found = ctx.mention_ending(paragraph, end)
    if found and ctx.type_of(found[0]) == "person":
        return "entity", found[0]
    voice = _VOICE_OF.search(text, lower, end)
    if voice and not found:  # "A British Airways spokesman said": the organisation speaks
        found = ctx.mention_ending(paragraph, voice.start())
        if found and ctx.type_of(found[0]) in ("organisation", "other"):
            return "entity", found[0]
        found = None
    subject = _appositive_subject(text, lower, end, ctx, paragraph)
    if subject:
        return "entity", subject
    if found:
        return "entity", _head_of(text, lower, ctx, paragraph, *found)
    window = text[max(lower, end - 60):end]
    if _TAIL_CONJUNCTION.search(window):
        return None  # "welcomed the deal but warned": the subject is further back
    match = _TAIL_PRONOUN.search(window)
    if match:
        return "pronoun", match.group(1)
    match = _TAIL_NOUN.search(window)
    if match:
        return "noun", match.group(1)
    return None


def _appositive_subject(text: str, lower: int, end: int, ctx: _Context, paragraph: int) -> str | None:
    """ "Irina Volkova, a spokeswoman for Russia's foreign ministry, called …": the speaker is the
    name before the appositive, not a name inside it."""
    for s, e, entity_id in reversed(ctx.table.by_paragraph.get(paragraph, ())):
        if s < lower or e >= end:
            continue
        if ctx.type_of(entity_id) == "place" or not _APPOSITIVE.match(text, e, end):
            continue
        return None if _VERB.search(text, e, end) else entity_id
    return None


def _head_of(text: str, lower: int, ctx: _Context, paragraph: int, entity_id: str, start: int) -> str:
    """In "Judge Helen Marsh of the US District Court in Boston wrote", the writer is the judge:
    walk back over prepositional phrases while the mention found is not a person."""
    for _ in range(4):
        if ctx.type_of(entity_id) == "person":
            break
        match = _TAIL_PREPOSITION.search(text, lower, start)
        if not match:
            break
        end = match.start()
        while end > lower and text[end - 1] in " ,":
            end -= 1
        found = ctx.mention_ending(paragraph, end)
        if not found:
            break
        entity_id, start = found
    return entity_id


def _speaker_after(text: str, pos: int, upper: int, ctx: _Context, paragraph: int):
    """The speaker expression right after a speech verb ("said Rubio", "said the ministry"); a
    document's author stands for it ("according to a report by the IMF")."""
    document = _DOCUMENT_BY.match(text, pos, upper)
    if document:
        entity_id = ctx.mention_starting_after(paragraph, document.end(), 5)
        if entity_id and ctx.type_of(entity_id) != "place":
            return "entity", entity_id
    entity_id = ctx.mention_starting_after(paragraph, pos, 60)
    if entity_id and ctx.table.by_paragraph and _ends_before(ctx, paragraph, entity_id, pos, upper):
        return "entity", _person_titled_by(ctx, paragraph, entity_id, pos, upper) or entity_id
    window = text[pos:upper]
    match = _HEAD_PRONOUN.match(window) or _HEAD_NOUN.match(window)
    if match:
        return ("pronoun" if match.re is _HEAD_PRONOUN else "noun"), match.group(1)
    return None


_NOUN_AFTER = re.compile(r"\s+([a-z]+)\b")
_NOT_A_HEAD = lx.SPEECH_VERBS | lx.BEFORE_SAYING | frozenset(
    "which who that whose is was are were and or but on in at of for to from with by".split())
"""Words after a name that leave it the subject ("The Chamber of Shipping, which …", "X said")."""
_TITLE_BETWEEN = re.compile(r"(?:['’]s)?\s+(?:[A-Za-z-]+\s+){1,3}\Z")


def _person_titled_by(ctx: _Context, paragraph: int, entity_id: str, pos: int, upper: int) -> str | None:
    """ "said NOAA head Jane Lubchenco", "said Google's chief executive Sundar Pichai": an
    organisation named as a person's title is not the speaker; the person after it is."""
    if ctx.type_of(entity_id) == "person":
        return None
    spans = ctx.table.by_paragraph[paragraph]
    end = next((e for s, e, i in spans if i == entity_id and s >= pos), None)
    text = ctx.paragraphs[paragraph]
    for s, _, other in spans:
        if end is not None and end < s <= min(upper, end + 40) and ctx.type_of(other) == "person":
            return other if _TITLE_BETWEEN.fullmatch(text[end:s]) else None
    return None


def _ends_before(ctx: _Context, paragraph: int, entity_id: str, pos: int, upper: int) -> bool:
    return any(s >= pos and e <= upper and i == entity_id for s, e, i in ctx.table.by_paragraph[paragraph])


def _attribution(text: str, lower: int, upper: int, ctx: _Context, paragraph: int, last: bool):
    """A speaker found around a speech verb within text[lower:upper] (the last verb if ``last``,
    else the first): the subject before the verb, else the one right after it."""
    verbs = list(_VERB.finditer(text, lower, upper))
    if not verbs:
        return None
    verb = verbs[-1] if last else verbs[0]
    found = (_speaker_before(text, verb.start(), lower, ctx, paragraph)
             or _speaker_after(text, verb.end(), upper, ctx, paragraph))
    if found is None:
        subject = ctx.subject_at(paragraph, lower)
        found = ("entity", subject) if subject else None
    return found


def find_quotes(paragraphs, sentences: list[Sentence], table: EntityTable):
    """(quotes, spans): the article's quotations in order, and every quotation span by paragraph
    (terms in quotation marks included), for rules that must know what is quoted."""
    quoted = {i: quotation_spans(text, i) for i, text in enumerate(paragraphs)}
    by_paragraph: dict[int, list[Sentence]] = {}
    for sentence in sentences:
        by_paragraph.setdefault(sentence.paragraph, []).append(sentence)
    ctx = _Context(paragraphs, table, by_paragraph)
    ctx.pronouns = pronouns_of(paragraphs, sentences, ctx.mentions, lambda i: table.entities[i].type != "place", quoted)
    quotes, carried = [], None
    for index, text in enumerate(paragraphs):
        spans = quoted[index]
        previous, noted = None, 0
        for number, span in enumerate(spans):
            _note_reported_speech(text, index, noted, span.start, spans, ctx)
            noted = span.end
            sentence = _sentence_at(by_paragraph.get(index, []), span.start)
            if sentence is None or _is_term(text, span, sentence, spans):
                continue
            speaker = _speaker_of(text, span, sentence, spans, number, ctx, quoted, by_paragraph,
                                  carried if previous is None else previous)
            if speaker and ctx.type_of(speaker) != "person":
                ctx.last_thing_speaker = speaker
            elif speaker:
                ctx.last_person = (speaker, index, sentence.start, sentence.end)
            previous = speaker or previous
            entity = table.entities.get(speaker) if speaker else None
            quotes.append(Quote(span.inner(text), speaker, entity.name if entity else None, index))
        _note_reported_speech(text, index, noted, len(text), spans, ctx)
        carried = _carried_speaker(text, spans, quotes, index, ctx, quoted, by_paragraph)
    return quotes, {i: [(s.start, s.end) for s in spans] for i, spans in quoted.items()}


def _note_reported_speech(text: str, index: int, start: int, end: int, spans, ctx: _Context) -> None:
    """ "Coastal Air said it was disappointed": an organisation that speaks without quotation
    marks is still who a later "it said" refers to."""
    for verb in _VERB.finditer(text, start, end):
        if any(s.start <= verb.start() < s.end for s in spans):
            continue
        found = _speaker_before(text, verb.start(), max(0, verb.start() - 80), ctx, index)
        if found and found[0] == "entity" and ctx.type_of(found[1]) != "person":
            ctx.last_thing_speaker = found[1]


def _sentence_at(sentences: list[Sentence], pos: int) -> Sentence | None:
    for sentence in sentences:
        if sentence.start <= pos < sentence.end:
            return sentence
    return sentences[-1] if sentences and pos >= sentences[-1].start else None


def _is_term(text: str, span: _Span, sentence: Sentence, spans) -> bool:
    inner = span.inner(text)
    if len(inner.split()) > _TERM_WORDS or span.raw(text).rstrip()[-1:] in ".!?,":
        return False  # "Those goats were so smart," remembers …: a comma before the mark ends speech
    outside = _outside(text, sentence.start, sentence.end, spans)
    return not _VERB.search(outside)


def _outside(text: str, start: int, end: int, spans) -> str:
    parts, pos = [], start
    for span in spans:
        if span.end <= start or span.start >= end:
            continue
        parts.append(text[pos:max(pos, span.start)])
        pos = max(pos, span.end)
    parts.append(text[pos:end])
    return " ".join(parts)


def _speaker_of(text, span, sentence, spans, number, ctx, quoted, by_paragraph, carried) -> str | None:
    index = span.paragraph
    nxt = spans[number + 1].start if number + 1 < len(spans) else len(text)
    prev = spans[number - 1].end if number else 0
    found = None
    if span.closed:
        # The quotation may hold several sentences; its attribution follows in the sentence
        # where it closes.
        closing = _sentence_at(by_paragraph.get(index, []), span.end - 1) or sentence
        found = _attribution(text, span.end, min(max(closing.end, span.end), nxt), ctx, index, last=False)
    if not found:
        found = _attribution(text, max(sentence.start, prev), span.start, ctx, index, last=True)
    if found:
        speaker = _resolve(*found, ctx, index, span.start, quoted)
        return None if speaker and ctx.type_of(speaker) == "place" else speaker
    if text[max(sentence.start, prev):span.start].strip():
        return None
    if carried and number:
        return carried  # a quotation continuing the one before it in the paragraph
    earlier = [s for s in by_paragraph.get(index, []) if s.end <= sentence.start]
    if earlier:
        # A quotation that opens its sentence continues the previous sentence's speaker.
        # Its main verb first ("Brooks added that the city had asked for help"), then the last.
        s = earlier[-1]
        for last in (False, True):
            found = _attribution(text, s.start, s.end, ctx, index, last=last)
            speaker = _resolve(*found, ctx, index, s.start, quoted) if found else None
            if speaker:
                return speaker
        return None
    return carried if span.start == _first_non_space(text) else None


def _first_non_space(text: str) -> int:
    return len(text) - len(text.lstrip())


def _carried_speaker(text, spans, quotes, index, ctx, quoted, by_paragraph) -> str | None:
    """Speaker carried into the next paragraph: the one whose quotation is left open, or the
    one introduced by a closing colon ("Rubio said:")."""
    if spans and not spans[-1].closed and quotes and quotes[-1].paragraph == index:
        return quotes[-1].speaker
    stripped = text.rstrip()
    if stripped.endswith(":"):
        found = _attribution(text, max(0, len(stripped) - 200), len(stripped), ctx, index, last=True)
        return _resolve(*found, ctx, index, len(stripped), quoted) if found else None
    return None
