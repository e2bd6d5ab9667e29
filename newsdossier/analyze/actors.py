"""Actors and their mentions: a rule-based coreference over spaCy's entities and parse.

Finds who the article talks about and every way it refers to them: names and their short forms
("Vladimir Putin" / "Putin"), titles ("Russian President"), appositions ("the interior minister,
Tomas Ek"), descriptors ("The 71-year-old", "the minister"), pronouns, organisations and
governments ("police", "the Russian government"), known armed groups and their aliases, and
anonymous sources ("a U.S. official", "officials") that stay unresolved. Capital letters help but
are not required: MUC-style lower-cased text still yields the lexicon-based actors.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort_right
from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Doc, Span, Token

from ..extract.lexicon.countries import country as country_named, is_place
from ..extract.lexicon.groups import groups_in, looks_like_group
from ..extract.lexicon.roles import ROLE_NOUNS, ROLE_SUFFIXES
from . import index
from .chunks import noun_chunks

TITLE_WORDS = {
    "president", "minister", "secretary", "spokesman", "spokeswoman", "spokesperson", "governor",
    "mayor", "senator", "general", "commander", "chief", "director", "ambassador", "king", "queen",
    "prince", "chancellor", "leader", "officer", "sheriff", "lieutenant", "colonel", "captain",
    "sergeant", "judge", "attorney", "prosecutor", "pope", "premier", "head", "founder", "owner",
    "commissioner", "superintendent", "lawmaker", "representative", "deputy", "envoy", "analyst",
    "professor", "inspector", "detective", "emir", "sheikh", "cleric", "vice", "prime", "nominee", "candidate",
}
ORG_NOUNS = {
    "police", "government", "ministry", "army", "military", "administration", "agency",
    "department", "kremlin", "court", "council", "parliament", "congress", "committee", "embassy",
    "office", "militia", "authorities", "intelligence", "forces", "troops", "service", "services",
    "regime", "junta", "cabinet", "navy", "guard", "fbi", "cia", "pentagon", "un", "nato",
}
ANON_NOUNS = {
    "official", "officials", "source", "sources", "witness", "witnesses", "resident", "residents",
    "diplomat", "diplomats", "analyst", "analysts", "expert", "experts", "observer", "observers",
    "investigator", "investigators", "officer", "officers", "spokesman", "spokeswoman",
    "spokesperson", "aide", "aides",
}
PRONOUNS = {"he": "m", "him": "m", "his": "m", "himself": "m",
            "she": "f", "her": "f", "hers": "f", "herself": "f"}
# Common nouns that introduce an organisation's name: "the charity Bread for All". What follows
# such a word in capitals is the name, whatever the NER made of it ("Bread" as a person).
NAME_DESCRIPTORS = {
    "charity", "group", "organisation", "organization", "agency", "foundation", "company", "firm",
    "movement", "campaign", "network", "association", "coalition", "union", "party", "ngo",
    "institute", "trust", "society", "alliance", "federation", "bank", "broadcaster", "newspaper",
    "militia", "faction", "council", "committee",
}
ARMED_DESCRIPTORS = {"militia", "faction"}
# Lower-case words that may stand between the capitalised words of one name ("Friends of the
# Earth", "Save the Children", "Committee to Protect Journalists"); "in" and "on" are left out,
# as "the charity Aid Now in Tarsk" / "on Monday" go on with a place or a day.
NAME_JOINERS = {"for", "of", "the", "and", "&", "without", "against", "to", "sans", "de", "du",
                "des", "la", "le", "el", "al"}
# Entity types that alone never make an organisation's name ("the group Thursday").
NOT_NAMES = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "GPE", "LOC", "NORP"}
AGE_DESCRIPTOR = re.compile(r"\b(?:the|a|an)\s+\d{1,3}[- ]year[- ]old\b", re.I)
ACTOR_LABELS = {"PERSON": "person", "ORG": "organization", "GPE": "country", "LOC": "location",
                "NORP": None, "FAC": None}


@dataclass
class ActorMention:
    start: int
    end: int
    kind: str  # name, title, descriptor, pronoun, anonymous


@dataclass
class Actor:
    key: str
    name: str
    type: str
    title: Optional[str] = None
    mentions: list[ActorMention] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)


@dataclass
class ActorTable:
    """Actors in order of first mention, and anonymous mentions that resolve to no actor."""

    actors: list[Actor] = field(default_factory=list)
    anonymous: list[ActorMention] = field(default_factory=list)
    unresolved: list[ActorMention] = field(default_factory=list)


def _strip_det(span: Span) -> Span:
    start = span.start
    while start < span.end - 1 and span.doc[start].pos_ in ("DET", "PRON") and \
            span.doc[start].lower_ in ("the", "a", "an", "this", "that", "its", "his", "her", "their"):
        start += 1
    end = span.end
    while end > start + 1 and span.doc[end - 1].is_punct:
        end -= 1
    return span.doc[start:end]


class _Builder:
    """Holds the actors found so far and merges name variants into one actor.

    Every question it answers costs the mention, not the article: characters already taken are
    marked in a bytearray, and person names are indexed by their words (an article naming one
    person a thousand times, or a thousand people, stays linear).
    """

    def __init__(self, doc: Doc):
        self.doc = doc
        self.table = ActorTable()
        self.by_key: dict[str, Actor] = {}
        self.occupied = bytearray(len(index.text(doc)) + 1)
        self.persons_in_order: list[tuple[int, Actor, bool]] = []  # (token i, actor, is_subject)
        self.maybe_surnames: list[Span] = []  # one-word ORG entities that may be a person's surname
        self._rank: dict[int, int] = {}  # id(actor) -> its place in table.actors
        self._by_words: dict[tuple[str, ...], set[int]] = {}
        self._by_last: dict[str, set[int]] = {}
        self._by_single: dict[str, set[int]] = {}

    def overlaps(self, start: int, end: int) -> bool:
        return self.occupied.find(1, start, end) != -1

    def take(self, start: int, end: int) -> None:
        self.occupied[start:end] = b"\x01" * max(0, end - start)

    def add(self, actor_key: str, name: str, type_: str, start: int, end: int, kind: str,
            title: Optional[str] = None, alias: Optional[str] = None) -> Actor:
        actor = self.by_key.get(actor_key)
        if actor is None:
            actor = Actor(key=actor_key, name=name, type=type_, title=title)
            self.by_key[actor_key] = actor
            self._rank[id(actor)] = len(self.table.actors)
            self.table.actors.append(actor)
            if type_ == "person":
                self._index(actor, add=True)
        if title and not actor.title:
            actor.title = title
        if alias and alias != actor.name and alias not in actor.aliases:
            actor.aliases.append(alias)
        actor.mentions.append(ActorMention(start, end, kind))
        self.take(start, end)
        return actor

    def _index(self, actor: Actor, add: bool) -> None:
        known = tuple(actor.name.lower().split())
        if not known:
            return
        rank = self._rank[id(actor)]
        keys = [(self._by_words, known), (self._by_last, known[-1])]
        if _without_initials(known) != known:
            keys.append((self._by_words, _without_initials(known)))  # "Donald J. Trump" is also "Donald Trump"
        if len(known) == 1:
            keys.append((self._by_single, known[0]))
        for table, key in keys:
            if add:
                table.setdefault(key, set()).add(rank)
            else:
                table[key].discard(rank)

    def person_key(self, name: str) -> str:
        """A short form ("Putin") joins the full name ("Vladimir Putin") that ends with it: the
        first person actor whose words are the name's, whose last word is a one-word name, or
        whose one word is the name's last."""
        words = name.lower().split()
        ranks: set[int] = set()
        if words:
            ranks |= self._by_words.get(tuple(words), set())
            ranks |= self._by_words.get(_without_initials(tuple(words)), set())
            ranks |= self._by_single.get(words[-1], set())
            if len(words) == 1:
                ranks |= self._by_last.get(words[0], set())
        if ranks:
            actor = self.table.actors[min(ranks)]
            if len(words) > len(actor.name.lower().split()):
                self._index(actor, add=False)
                actor.aliases.append(actor.name)
                actor.name = name
                self._index(actor, add=True)
            return actor.key
        return "person:" + " ".join(words)


_INITIAL = re.compile(r"^[a-z]\.?$")


def _without_initials(words: tuple[str, ...]) -> tuple[str, ...]:
    """The name's words without middle initials ("donald j. trump" -> "donald trump")."""
    if len(words) < 3:
        return words
    return (words[0],) + tuple(w for w in words[1:-1] if not _INITIAL.match(w)) + (words[-1],)


def _title_before(ent: Span) -> Optional[str]:
    """'Russian President' in 'Russian President Vladimir Putin'."""
    doc, i = ent.doc, ent.start
    words: list[Token] = []
    while i > 0:
        tok = doc[i - 1]
        if tok.lower_ in TITLE_WORDS or (words and tok.ent_type_ in ("NORP", "GPE") and tok.dep_ in ("amod", "compound")) \
                or (words and tok.dep_ in ("amod", "compound") and tok.pos_ in ("ADJ", "PROPN", "NOUN")):
            words.insert(0, tok)
            i -= 1
            continue
        break
    if not words or not any(w.lower_ in TITLE_WORDS for w in words):
        return None
    return doc[words[0].i:words[-1].i + 1].text


# Titles that open a person's name, and that the NER may swallow into an ORG; not "King", "Prince",
# "General" or "Chief", which also open names of places and firms ("King County", "General Motors").
PERSON_TITLE_WORDS = TITLE_WORDS - {"king", "queen", "prince", "general", "chief", "head", "vice", "prime",
                                    "founder", "owner", "leader", "premier", "pope", "emir", "sheikh"}
# Words that end names of organisations and places rather than of people.
_NOT_PERSON_WORDS = {"county", "police", "department", "office", "court", "center", "centre", "church",
                     "association", "bible", "university", "college", "school", "hospital", "company",
                     "committee", "council", "city", "state", "district", "station", "prison", "jail", "bureau",
                     "page", "memorial", "fund", "foundation", "unit", "team", "division", "squad", "program",
                     "network", "service", "services", "group", "force", "patrol", "union", "agency"}


def _titled_name(ent: Span) -> Optional[tuple[Span, Span]]:
    """(name, title) of an ORG entity that is a title and a person's name ("Detective Ryan Kroeker",
    "Officer Randall Gaines"): one or more title words, then two or three capitalised words of a name."""
    k = 0
    while k < len(ent) and ent[k].lower_.rstrip(".") in PERSON_TITLE_WORDS:
        k += 1
    name = ent[k:]
    if not k or not 2 <= len(name) <= 3:
        return None
    if any(not t.text[:1].isupper() or t.lower_ in _NOT_PERSON_WORDS or t.lower_.rstrip(".") in TITLE_WORDS
           or t.pos_ != "PROPN" for t in name):
        return None
    return name, ent[:k]


def _part_of_title(ent: Span) -> bool:
    """True when a title word and then a person's name follow: "Interior Minister Dana Ruel"."""
    doc, i = ent.doc, ent.end
    while i < len(doc) and doc[i].lower_ in TITLE_WORDS:
        i += 1
    return i > ent.end and i < len(doc) and doc[i].ent_type_ == "PERSON"


def _role_noun(tok: Token) -> bool:
    """A singular noun for a person's role ("owner", "spokeswoman", "economist", "wife"): what a
    title names. Not "times", "Photo", "car" or "percent", which a misread apposition may hold."""
    lemma = tok.lemma_.lower()
    if tok.tag_ in ("NNS", "NNPS") or tok.lower_ != lemma and lemma + "s" == tok.lower_:
        return False
    return lemma in TITLE_WORDS or lemma in ROLE_NOUNS or (len(lemma) > 4 and lemma.endswith(ROLE_SUFFIXES))


def _appos_title(ent: Span) -> Optional[Span]:
    """The apposition that describes a name: 'Mara Lind, a shop owner' / 'the minister, Tomas Ek'."""
    root = ent.root
    for child in root.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN" and _role_noun(child):
            # The noun and what precedes it ("a shop owner"), not its relative clause or phrase;
            # an age ("a 52-year-old teacher") describes the person but is no title.
            start = child.left_edge.i
            while start < child.i and (ent.doc[start].like_num or ent.doc[start].lower_ in ("-", "year", "old", "years")
                                       or ent.doc[start].pos_ == "DET" or "year-old" in ent.doc[start].lower_):
                start += 1
            return ent.doc[start:child.i + 1]
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.i < ent.start and _role_noun(root.head):
        head = root.head
        return ent.doc[head.left_edge.i:head.i + 1]
    return None


def _capitalised(tok: Token) -> bool:
    return tok.text[:1].isupper() and any(c.isalpha() for c in tok.text)


def _described_name(doc: Doc, descriptor: Token) -> Optional[Span]:
    """The capitalised name after an organisation noun ("the charity Bread for All"): capitalised
    words and the joiners between them, within the sentence, else None."""
    if not descriptor.is_lower or descriptor.i + 1 >= len(doc):
        return None
    first = doc[descriptor.i + 1]
    if not _capitalised(first) or first.is_sent_start:
        return None
    end = first.i + 1
    i = end
    while i < len(doc) and not doc[i].is_sent_start:
        tok = doc[i]
        # A day right after the name is no part of it ("Aid Now Tuesday"); after a joiner it is
        # ("Hope for Tomorrow").
        if _capitalised(tok) and (tok.ent_type_ not in ("DATE", "TIME") or i > end):
            end = i = i + 1
        elif tok.lower_ in NAME_JOINERS and tok.is_lower or tok.text == "&":
            i += 1  # kept only when a capitalised word follows
        else:
            break
    span = doc[first.i:end]
    # The parse must make the two one phrase (the noun a compound of the name, or the name in
    # apposition to it): in "a party Trump attended" the name begins a clause of its own.
    joined = span.start <= descriptor.head.i < span.end or \
        any(t.head.i == descriptor.i and t.dep_ in ("appos", "compound") for t in span)
    if not joined or not any(t.pos_ == "PROPN" or t.ent_type_ for t in span) or \
            all(t.ent_type_ in NOT_NAMES for t in span) or \
            any(t.lower_ in TITLE_WORDS or t.lower_ in ("chairman", "chairwoman", "chair", "ceo") for t in span):
        return None  # "the committee Chairman Dana Ruel" names a person
    return span


def _described(builder: _Builder, doc: Doc) -> None:
    """Organisations introduced by what they are: "the charity Bread for All", "the aid group
    Doctors Without Borders". The small NER often tags only part of such a name, or a person."""
    for tok in doc:
        if tok.lower_ not in NAME_DESCRIPTORS or tok.pos_ in ("VERB", "AUX"):  # "firm" may be tagged ADJ
            continue
        span = _described_name(doc, tok)
        if span is None or builder.overlaps(span.start_char, span.end_char):
            continue
        text = span.text
        kind = "group" if tok.lower_ in ARMED_DESCRIPTORS or looks_like_group(text) else "organization"
        builder.add(f"{kind}:" + text.lower(), text, kind, span.start_char, span.end_char, "name")


def load_tables() -> None:
    """Load what `find_actors` looks up (the GeoNames list of large cities, half a second), so
    that the first article naming a person does not pay for it."""
    is_place("")


def _named(builder: _Builder, doc: Doc) -> None:
    doc_text = index.text(doc)
    groups = groups_in(doc)
    for start, end, canonical in groups:
        builder.add("group:" + canonical.lower(), canonical, "group", start, end, "name",
                    alias=doc_text[start:end])
    _described(builder, doc)
    # The NER often reads a bare surname as an organisation ("Sanders tells reporters"): a one-word
    # ORG that is the last word of a person it tagged is left for `_surnames` to join to them.
    surnames = {ent[-1].lower_ for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1}
    for ent in doc.ents:
        type_ = ACTOR_LABELS.get(ent.label_)
        if type_ is None or builder.overlaps(ent.start_char, ent.end_char):
            continue
        if ent.label_ == "ORG" and len(ent) == 1 and ent[0].lower_ in surnames:
            builder.maybe_surnames.append(ent)
            continue
        titled = _titled_name(ent) if ent.label_ == "ORG" else None
        if titled is not None:
            # "Detective Inspector Maren Holt" read as one ORG: the person, with the title
            name, title = titled
            _add_person(builder, name.text, name, title.text, ent.root)
            continue
        span = _strip_det(ent) if ent.label_ in ("ORG", "GPE") else ent
        while len(span) > 1 and (span[-1].tag_ == "POS" or span[-1].is_punct and span[-1].text != "."):
            span = span[:-1]  # "Donald Trump’s", "Vanita Gupta -": the NER keeps them; the name does not
        text = span.text.strip()
        # A name never runs across a line break (a headline glued to the first sentence).
        if not text or not any(c.isalpha() for c in text) or "\n" in text:
            continue
        if ent.label_ == "PERSON" and is_place(text):
            type_ = "location"
        if ent.label_ != "PERSON" and _part_of_title(ent):
            continue  # "Interior" in "Interior Minister Dana Ruel" names a portfolio, not an actor
        if type_ == "person":
            key, actor = _add_person(builder, text, span, _title_before(ent), ent.root)
            appos = _appos_title(ent)
            if appos is not None and not builder.overlaps(appos.start_char, appos.end_char):
                actor.title = actor.title or _strip_det(appos).text
                builder.add(key, text, "person", appos.start_char, appos.end_char, "title")
        elif type_ in ("country", "location"):
            country = country_named(text)
            if country:
                builder.add("country:" + country[1], country[0], "country", span.start_char,
                            span.end_char, "name", alias=text)
            else:
                builder.add("location:" + text.lower(), text, "location", span.start_char,
                            span.end_char, "name")
        else:
            _add_organisation(builder, text, span)


def _add_person(builder: _Builder, text: str, span: Span, title: Optional[str], root: Token) -> tuple[str, Actor]:
    """A person's name mention, listed among the persons pronouns look back to (a subject when the
    entity's `root` is one); returns the actor's key and the actor."""
    key = builder.person_key(text)
    actor = builder.add(key, text, "person", span.start_char, span.end_char, "name", title=title)
    builder.persons_in_order.append((root.i, actor, root.dep_ in ("nsubj", "nsubjpass")))
    return key, actor


def _add_organisation(builder: _Builder, text: str, span: Span) -> None:
    kind = "group" if looks_like_group(text) else "organization"
    builder.add(f"{kind}:" + text.lower(), text, kind, span.start_char, span.end_char, "name")


def _surnames(builder: _Builder, doc: Doc) -> None:
    """A surname alone ("Trump said", a transcript's "TAPPER:") where the NER gave no person (or an
    organisation, `maybe_surnames`): the person the article names in full whose name ends with it.
    Only a name standing alone (not "Trump Tower" or "the Trump campaign", where it names something
    else), and only when one person has that last name or one is named in full at least twice as
    often as any other with it (the article's main Clinton); two people named as often stay
    unresolved rather than guessed."""
    for tok in doc:
        if not (tok.pos_ == "PROPN" or (tok.is_upper and tok.is_alpha)) or len(tok) < 3:
            continue
        if tok.dep_ == "compound" or any(n.pos_ == "PROPN" and not n.is_upper
                                         for n in (tok.nbor(-1) if tok.i else None,
                                                   tok.nbor(1) if tok.i + 1 < len(doc) else None) if n is not None):
            continue
        ranks = builder._by_last.get(tok.lower_)
        if not ranks or builder.overlaps(tok.idx, tok.idx + len(tok)):
            continue
        named = sorted(((sum(m.kind == "name" for m in builder.table.actors[r].mentions), builder.table.actors[r])
                        for r in ranks), key=lambda x: -x[0])
        if len(named) > 1 and named[0][0] < 2 * named[1][0]:
            continue  # two people share the name and neither is the article's main one
        actor = named[0][1]
        if actor.type != "person" or len(actor.name.split()) < 2:
            continue
        # Not listed among the persons pronouns look back to: without genders, more people to choose
        # from gave "she" to the last-named man as often as it found the right one.
        builder.add(actor.key, actor.name, "person", tok.idx, tok.idx + len(tok), "name")
    for ent in builder.maybe_surnames:  # not joined to a person after all: the organisation it was read as
        if not builder.overlaps(ent.start_char, ent.end_char):
            _add_organisation(builder, ent.text.strip(), ent)


def _relatives(builder: _Builder, doc: Doc) -> None:
    """"the senator, who said ...": a relative pronoun is the actor its clause hangs from (a person,
    organisation, group or country; never a place)."""
    starts = sorted(((m.start, m.end, actor) for actor in builder.table.actors for m in actor.mentions),
                    key=lambda x: x[:2])
    keys = [x[0] for x in starts]
    for tok in doc:
        if tok.lower_ not in ("who", "which", "that") or tok.tag_ not in ("WP", "WDT") \
                or tok.head.dep_ != "relcl" or builder.overlaps(tok.idx, tok.idx + len(tok)):
            continue
        verb, noun = tok.head, tok.head.head
        k = bisect_right(keys, noun.idx) - 1
        if k < 0 or starts[k][1] < noun.idx + len(noun):
            continue  # the noun is no actor's mention
        actor = starts[k][2]
        if actor.type == "location":
            continue  # a place says nothing
        if actor.type != "person" and noun.dep_ == "pobj" and noun.head.head.pos_ in ("NOUN", "PROPN", "PRON"):
            continue  # "Democrats on Capitol Hill, who ...": the clause may hang from either noun
        if actor.type == "person" and any(t.tag_ == "VBP" for t in [verb, *verb.children]
                                          if t.dep_ in ("ROOT", "relcl", "aux")):
            continue  # "rivals such as Ted Cruz, who have ...": a plural verb is not one person's
        builder.add(actor.key, actor.name, actor.type, tok.idx, tok.idx + len(tok), "pronoun")


def _nominal(builder: _Builder, doc: Doc) -> None:
    """Organisations named by a common noun, role descriptors and anonymous sources."""
    titled: dict[str, list[tuple[int, Actor]]] = {}
    for chunk in noun_chunks(doc[:]):  # listed once per Doc and shared with the extractors
        root = chunk.root
        lemma = root.lemma_.lower()
        if builder.overlaps(root.idx, root.idx + len(root)):
            continue
        core = _strip_det(chunk)
        first = chunk[0].lower_
        indefinite = first in ("a", "an", "some", "several", "two", "three", "many", "one") or \
            (root.tag_ in ("NNS",) and first not in ("the", "these", "those"))
        if lemma in ORG_NOUNS or root.lower_ in ORG_NOUNS:
            if indefinite and lemma not in ("police", "authorities", "intelligence"):
                continue
            name = " ".join(t.text for t in core if t.dep_ != "poss" and not t.is_punct).strip()
            country = next((country_named(t.text) for t in core if t.ent_type_ in ("GPE", "NORP")
                            and country_named(t.text)), None)
            key = "organization:" + (country[1].lower() + ":" if country else "") + lemma
            builder.add(key, name or core.text, "organization", core.start_char, core.end_char, "name")
        elif lemma in TITLE_WORDS and not indefinite and first in ("the", "this") and root.tag_ != "NNS":
            # "the Democratic nominee" is not the Republican one: a capitalised word before the
            # title noun must be in the person's title too
            marks = [t.lower_ for t in chunk if t.i < root.i and t.dep_ in ("amod", "compound")
                     and t.text[:1].isupper() and t.i > chunk.start]
            actor = _latest_person_with_title(builder, root.i, lemma, titled, marks)
            if actor is not None:
                builder.add(actor.key, actor.name, "person", chunk.start_char, chunk.end_char, "descriptor")
            else:
                builder.table.unresolved.append(ActorMention(chunk.start_char, chunk.end_char, "descriptor"))
        elif root.lower_ in ANON_NOUNS or lemma in ANON_NOUNS:
            if indefinite or root.tag_ == "NNS":
                builder.table.anonymous.append(ActorMention(chunk.start_char, chunk.end_char, "anonymous"))
                builder.take(chunk.start_char, chunk.end_char)


def _latest_person_with_title(builder: _Builder, before: int, lemma: str,
                              titled: dict[str, list[tuple[int, Actor]]], marks: list[str] = ()
                              ) -> Optional[Actor]:
    """The person named last before token `before` whose title holds `lemma` ("the minister") and
    every word of `marks` ("the Democratic nominee"). Titles are settled before descriptors are
    read, so each lemma's people are listed once (`titled`) and searched by bisection."""
    if lemma not in titled:
        titled[lemma] = [(i, actor) for i, actor, _ in builder.persons_in_order
                         if actor.title and lemma in actor.title.lower()]
    found = titled[lemma]
    k = bisect_left(found, before, key=lambda x: x[0])
    while k:
        actor = found[k - 1][1]
        words = set(re.findall(r"[\w.]+", actor.title.lower()))
        if all(m in words for m in marks):
            return actor
        k -= 1
    return None


def _latest_person(builder: _Builder, sent_starts: list[int], before: int,
                   max_distance: int) -> Optional[Actor]:
    """The person most recently named before token `before`, within `max_distance` sentences;
    a subject of the previous sentence is preferred over an object. `sent_starts` are the
    Doc's sentence starts, so each question costs the sentence, not the article."""
    persons = builder.persons_in_order
    k = bisect_left(persons, before, key=lambda x: x[0])  # persons[:k] come before `before`
    if not k:
        return None
    s = bisect_right(sent_starts, before) - 1  # the sentence of `before`
    window_start = sent_starts[s - max_distance] if s >= max_distance else 0
    if persons[k - 1][0] < window_start:
        return None
    last_sent = sent_starts[bisect_right(sent_starts, persons[k - 1][0]) - 1]
    # The latest subject of that sentence, else the latest person in it.
    j = k - 1
    while j >= 0 and persons[j][0] >= max(last_sent, window_start):
        if persons[j][2]:
            return persons[j][1]
        j -= 1
    return persons[k - 1][1]


def _anaphora(builder: _Builder, doc: Doc, max_distance: int) -> None:
    """Pronouns and age descriptors, resolved in text order to the latest fitting person."""
    sent_starts = index.sentence_starts(doc)
    for match in AGE_DESCRIPTOR.finditer(index.text(doc)):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None or builder.overlaps(match.start(), match.end()):
            continue
        after = doc[span.end] if span.end < len(doc) else None
        if after is not None and after.pos_ in ("NOUN", "PROPN"):
            continue  # "a 23-year-old man" introduces someone new
        actor = _latest_person(builder, sent_starts, span.start, max_distance)
        if actor is not None:
            builder.add(actor.key, actor.name, "person", match.start(), match.end(), "descriptor")
            insort_right(builder.persons_in_order, (span.root.i, actor, True), key=lambda x: x[0])
    for tok in doc:
        if tok.lower_ not in PRONOUNS or tok.pos_ != "PRON":
            continue
        actor = _latest_person(builder, sent_starts, tok.i, max_distance)
        if actor is not None and not builder.overlaps(tok.idx, tok.idx + len(tok)):
            builder.add(actor.key, actor.name, "person", tok.idx, tok.idx + len(tok), "pronoun")


def find_actors(doc: Doc, max_pronoun_distance: int = 2) -> ActorTable:
    builder = _Builder(doc)
    _named(builder, doc)
    builder.persons_in_order.sort(key=lambda x: x[0])
    _surnames(builder, doc)
    _nominal(builder, doc)
    _anaphora(builder, doc, max_pronoun_distance)
    _relatives(builder, doc)
    for actor in builder.table.actors:
        actor.mentions.sort(key=lambda m: m.start)
    builder.table.actors.sort(key=lambda a: a.mentions[0].start)
    return builder.table
