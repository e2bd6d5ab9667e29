"""How a role filler is named: span edges tidied, re-descriptions dropped, a person's full name.

The tagger's spans start and end where its labels do; a reader (and an answer key) names a thing
by a noun phrase without a joined conjunction, a relative clause, a nationality adjective or a
vague quantifier, and names a person in full.
"""
from __future__ import annotations

import dataclasses
import re

from ...lexicon.casualties import QUANT_PREFIX
from ...lexicon.roles import DEMONYMS, PERP_WORDS, QUANTITY_NOUNS, VICTIM_WORDS
from .grouping import Candidate, name_of, norm

# A filler names a thing: a span of only these parts of speech ("him", "two") names none.
_NAMELESS_POS = frozenset({"PRON", "NUM", "DET", "ADP", "CCONJ", "SCONJ", "ADV", "PUNCT", "AUX", "VERB", "PART",
                           "SPACE"})
# Words a tagged span must not start with: a conjunction or preposition joined to the phrase
# ("and drug traffickers", "of the red cross") is not part of the name.
_LEADING_JUNK = frozenset({"and", "or", "but", "of", "with", "by", "to", "from", "for", "in", "at", "on"})
RELATIVE_PRONOUNS = frozenset({"who", "whom", "whose", "which", "that"})


_DEMONYM_ROLES = frozenset({"Target", "PerpInd"})
_VAGUE = frozenset({"several", "some", "many", "various"})


def _demonym_length(doc, start: int, end: int) -> int:
    """Tokens of a leading nationality adjective ("salvadoran", "u. s.", "costa rican"), else 0."""
    words = [t.lower_ for t in doc[start:min(end, start + 3)]]
    if len(words) >= 3 and words[0] in ("u.", "u") and words[1] in ("s.", "s"):
        return 2
    if len(words) >= 3 and words[0] == "costa" and words[1] == "rican":
        return 2
    if len(words) >= 2 and words[0] in DEMONYMS and words[0] != "costa" and doc[start].pos_ != "PROPN":
        return 1
    return 0


# Words in front of a counting noun that belong to its count ("a group of", "several dozen").
_COUNT_LEFT = frozenset({"det", "amod", "nummod", "quantmod", "advmod", "compound"})


def count_start(tok) -> int:
    """Index of the first word of the count that goes with the phrase `tok` heads, else `tok.i`.

    People are named with their count: "well over a hundred people", "at least 139 people",
    "several hundred people" (the number's own modifiers: the parser hangs "well over a" and "at
    least" from the number, not from the noun), "dozens of worshippers", "a group of pilgrims" (a
    counting noun the phrase is the "of" object of). The head, and so the last word, stays `tok`.
    """
    start = tok.i
    for left in tok.lefts:
        if left.dep_ in ("nummod", "quantmod"):
            start = min(start, left.left_edge.i)
    prep = tok.head
    if tok.dep_ == "pobj" and prep.lower_ == "of" and prep.head.i < prep.i:
        counter = prep.head
        if counter.like_num or counter.lower_ in QUANTITY_NOUNS or counter.lemma_.lower() in QUANTITY_NOUNS:
            start = min(start, counter.i, count_start(counter),
                         *(left.left_edge.i for left in counter.lefts if left.dep_ in _COUNT_LEFT))
    if start < tok.i:
        # an adverb of the count the parser hung on the verb ("killed well over a hundred people")
        doc = tok.doc
        while start > tok.sent.start and doc[start - 1].dep_ in ("advmod", "quantmod") and \
                doc[start - 1].lower_ in QUANT_PREFIX:
            start -= 1
    return max(start, tok.sent.start)


def tidy_spans(doc, spans: list) -> list:
    """Tagged spans with leading conjunctions/prepositions trimmed; spans that name nothing dropped.

    A span that starts with a relative pronoun ("who wore uniforms") is a clause, not a name; the
    reader's key never lists one on its own.
    """
    out = []
    for sp in spans:
        start = sp.start
        # ... but "at" of "at least 139 people" is the count's, not a preposition's
        while start < sp.end and (doc[start].lower_ in _LEADING_JUNK and doc[start].dep_ not in ("advmod", "quantmod")
                                  or doc[start].is_punct):
            start += 1
        # A relative pronoun or punctuation closing the span ("carlos marcelo who") opens the
        # clause that follows the name; an article closing it ("the facing of the") belongs to
        # the next phrase. Either way the name ends before it.
        end = sp.end
        while end > start and (doc[end - 1].lower_ in RELATIVE_PRONOUNS or doc[end - 1].is_punct
                               or doc[end - 1].pos_ == "DET"):
            end -= 1
        if end != sp.end and end > start:
            sp = dataclasses.replace(sp, end=end, char_end=doc[end - 1].idx + len(doc[end - 1].text))
        # A span that ends on a preposition, a conjunction or a possessive ("the murder of", "the
        # people's") was cut mid-phrase: what it names is not what the tagger meant.
        if (start >= sp.end or doc[start].lower_ in RELATIVE_PRONOUNS or doc[sp.end - 1].lower_ in _LEADING_JUNK
                or doc[sp.end - 1].tag_ == "POS"):
            continue
        # A vague quantifier ("several armed men") is no part of who they were; "some 100" is a count.
        if (start + 1 < sp.end and doc[start].lower_ in _VAGUE and not doc[start + 1].like_num
                and sp.role != "Weapon"):
            start += 1
        if sp.role in _DEMONYM_ROLES:
            start += _demonym_length(doc, start, sp.end)
        # Where a target stood ("the offices in downtown Tarvel") is the incident's place, not its name.
        if sp.role in ("Target", "PerpInd"):
            cut = next((k for k in range(start + 1, sp.end) if doc[k].lower_ in ("in", "at", "near")), None)
            if cut is not None:
                sp = dataclasses.replace(sp, end=cut, char_end=doc[cut - 1].idx + len(doc[cut - 1].text))
        toks = doc[start:sp.end]
        if all(t.pos_ in _NAMELESS_POS for t in toks):
            continue
        if start != sp.start:
            sp = dataclasses.replace(sp, start=start, char_start=doc[start].idx)
        out.append(sp)
    return out


# Roles whose longer names re-describe a shorter filler of the same role ("the bomb" and "a
# medium-sized bomb", "the embassy" and "the embassy building"): the reader counts them once.
# Not for people: "two lieutenants" and "the lieutenants' driver" are different people.
REDESCRIBED_ROLES = frozenset({"Weapon", "Target", "PerpOrg"})


def drop_redescriptions(text: str, kept: list[Candidate]) -> list[Candidate]:
    """Drop a filler whose name contains, as whole words, the name of another filler of its role.

    The shorter name is kept: an answer key lists the bare noun far more often than a modified one
    (on MUC-4 dev keeping the shorter gave +0.5 F1, keeping the longer +0.1).
    """
    names = [name_of(text, c) for c in kept]
    out = []
    for i, c in enumerate(kept):
        if c.role in REDESCRIBED_ROLES and any(
                j != i and kept[j].role == c.role and names[j] != names[i]
                and re.search(r"(?<!\w)" + re.escape(names[j]) + r"(?!\w)", names[i])
                for j in range(len(kept))):
            continue
        out.append(c)
    return out


# Occupations, offices and role nouns describe a person ("journalist", "governor", "peasant leader");
# unlike a military rank or an honorific ("Col.", "Mr."), they are no part of the name.
_DESCRIPTORS = VICTIM_WORDS | PERP_WORDS | frozenset(
    "reporter photographer correspondent editor lawyer attorney engineer professor economist writer novelist "
    "poet singer actor trade unionist unionist activist member members deputy congressman senator councilman "
    "governor minister secretary director manager owner driver pilot nurse doctor physician".split())


def full_name(ctx, name: str, spans: set) -> str:
    """A person's full name when the filler was tagged without part of it ("velkon" -> "dario velkon",
    "ana ruiz" -> "ana ruiz ossa").

    The fuller form must occur in the article as proper nouns holding the tagged name (of at most two
    words) and one word more, before or after it; the reader (and an answer key) names a person in
    full. Longer extensions picked up job titles ("the court president ...") on MUC-4 dev.
    """
    words = name.split()
    if not words or len(words) > 2:
        return name
    found = []
    body = r"\s+".join(re.escape(w) for w in words)
    for pattern, extra in ((r"(?<![\w-])[\w'-]+ %s(?![\w-])", 0), (r"(?<![\w-])%s [\w'-]+(?![\w-])", -1)):
        for m in re.finditer(pattern % body, ctx.text, flags=re.I):
            end = m.end() - 2 if m.group().lower().endswith(("'s", "\u2019s")) else m.end()
            span = ctx.doc.char_span(m.start(), end, alignment_mode="expand")
            # An occupation in front ("journalist") is no part of the name, even where lower-cased
            # text makes the tagger call it a proper noun; nor is a date or place after it
            # ("shot Dario Velkon Tuesday").
            if (span is None or not all(t.pos_ == "PROPN" for t in span)
                    or span[extra].lower_ in _DESCRIPTORS or span[extra].ent_type_ not in ("", "PERSON")):
                continue
            found.append((norm(ctx.text[m.start():end]), (m.start(), end)))
    best = max([name] + [full for full, _ in found], key=len)
    spans.update(place for full, place in found if full == best)
    return best
