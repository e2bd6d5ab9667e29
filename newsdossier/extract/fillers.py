"""Role-filler spans (perpetrators, targets, victims, weapons) from a parsed Doc.

A linear-chain CRF (python-crfsuite) tags tokens with BIO labels over the five MUC-4 roles.
Its features are lower-cased on purpose: it is trained on MUC-4, whose text is lower-cased, and
must carry over to normally-cased news. Besides the word and its window, each token carries
its syntax (POS, dependency, head lemma, the verb that governs it and through which relation)
and general-knowledge lexicons (attack verbs, weapon words, armed groups, perpetrator nouns).

The same featuriser runs at training time (`newsdossier.train.incidents`) and at extraction
time, so the two can never drift apart.
"""
from __future__ import annotations

import dataclasses
import functools
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

from spacy.tokens import Doc, Span as SpacySpan, Token

from ..analyze import budget
from ..analyze.chunks import noun_chunks
from ..analyze.lexicon import find_groups, groups_in

log = logging.getLogger(__name__)

ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
# Confidence given to spans found by rules rather than the CRF (instrument weapons, harmed people).
RULE_CONFIDENCE = 0.45
MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "incidents"

# Verbs (lemmas) whose arguments are the roles of an attack. General knowledge, not data.
ATTACK_VERBS = frozenset("""
kill murder assassinate shoot gun fire attack assault storm raid ambush bomb blow explode detonate
dynamite burn torch set kidnap abduct seize hijack hold wound injure hurt destroy damage massacre
slay execute behead stab hack strike hit launch throw hurl plant target blast open machinegun
machine-gun rocket shell mortar riddle slit torture rape capture take free release claim perpetrate
commit carry perpetrator responsible blame
""".split())
WEAPON_WORDS = frozenset("""
bomb bombs car-bomb explosive explosives dynamite grenade grenades mortar mortars rocket rockets
rifle rifles gun guns pistol pistols revolver revolvers machinegun machineguns machine-gun
submachinegun submachineguns ak-47 ak-47s m-16 m-16s uzi fal galil carbine shotgun shotguns
ammunition bullet bullets mine mines landmine landmines ied ieds device devices charge charges tnt
c-4 semtex molotov cocktail cocktails firebomb incendiary knife knives machete machetes axe sword
bazooka bazookas rpg rpg-7 launcher launchers missile missiles artillery shell shells weapon weapons
firearm firearms truck-bomb vest vests drone drones gasoline petrol acid gas poison sarin
""".split())
PERP_WORDS = frozenset("""
terrorist terrorists guerrilla guerrillas guerilla guerillas gunman gunmen subversive subversives
rebel rebels insurgent insurgents militant militants attacker attackers assailant assailants
kidnapper kidnappers hijacker hijackers bomber bombers murderer murderers killer killers
hitman hitmen hit-men commando commandos extremist extremists jihadist jihadists militiaman
militiamen sicario sicarios urban individuals men man group squad squads narcoterrorist
narcoterrorists criminals soldiers troops perpetrators perpetrator suspect suspects shooter shooters
""".split())
TARGET_WORDS = frozenset("""
embassy headquarters office offices building buildings home house residence bank store shop
station substation tower towers pylon pylons bridge bridges vehicle vehicles car bus truck plane
aircraft helicopter pipeline plant facility facilities installation installations school church
mosque temple synagogue hotel restaurant market mall hall theater theatre stadium airport port
base barracks post checkpoint power line lines network school university hospital consulate
""".split())
VICTIM_WORDS = frozenset("""
civilian civilians peasant peasants student students priest priests jesuit jesuits journalist
journalists judge judges mayor mayors official officials leader leaders child children woman women
people person persons worker workers employee employees farmer farmers teacher teachers
businessman businessmen diplomat diplomats ambassador candidate politician minister
""".split())

_WORD = re.compile(r"\w")


def _shape(word: str) -> str:
    if word.isdigit():
        return "D"
    if any(c.isdigit() for c in word):
        return "Dx"
    if not _WORD.search(word):
        return "P"
    return "x" if len(word) > 3 else "xs"


def _governor(tok: Token) -> tuple[Optional[Token], str]:
    """The nearest verb above `tok` (or itself) and the relation of the path's last step."""
    rel = tok.dep_
    cur = tok
    for _ in range(6):
        if cur.pos_ in ("VERB", "AUX") and cur is not tok:
            return cur, rel
        if cur.head is cur:
            break
        rel = cur.dep_
        cur = cur.head
        if cur.dep_ == "prep" and cur.head.pos_ == "VERB":
            rel = "prep_" + cur.lower_
    return (cur if cur.pos_ == "VERB" else None), rel


def sentence_features(sent: SpacySpan, index: int, group_tokens: set[int],
                      doc_flags: tuple[str, ...] = ()) -> list[list[str]]:
    """crfsuite feature strings for each token of one sentence."""
    toks = list(sent)
    lowers = [t.lower_ for t in toks]
    lemmas = [t.lemma_.lower() for t in toks]
    has_attack = any(l in ATTACK_VERBS for l, t in zip(lemmas, toks) if t.pos_ in ("VERB", "NOUN"))
    chunk_iob = {}
    for chunk in noun_chunks(sent):
        for t in chunk:
            chunk_iob[t.i] = "B" if t.i == chunk.start else "I"
    sent_bucket = str(index) if index < 4 else ("4-7" if index < 8 else "8+")
    feats = []
    n = len(toks)
    for k, tok in enumerate(toks):
        w, lem = lowers[k], lemmas[k]
        gov, rel = _governor(tok)
        gl = gov.lemma_.lower() if gov is not None else "-"
        f = [
            "b", "w=" + w, "l=" + lem, "p=" + tok.pos_, "t=" + tok.tag_, "d=" + tok.dep_,
            "s=" + _shape(tok.text), "suf=" + w[-3:], "pre=" + w[:3],
            "hl=" + tok.head.lemma_.lower(), "hd=" + tok.dep_ + "|" + tok.head.pos_,
            "dh=" + tok.dep_ + "|" + tok.head.lemma_.lower(),
            "gv=" + gl, "gvr=" + gl + "|" + rel, "np=" + chunk_iob.get(tok.i, "O"),
            "sb=" + sent_bucket, "ent=" + (tok.ent_type_ or "-"),
        ]
        if gl in ATTACK_VERBS:
            f += ["atk", "atkr=" + rel]
        if has_attack:
            f.append("satk")
        if lem in WEAPON_WORDS or w in WEAPON_WORDS:
            f.append("lexW")
        if lem in PERP_WORDS or w in PERP_WORDS:
            f.append("lexP")
        if lem in TARGET_WORDS:
            f.append("lexT")
        if lem in VICTIM_WORDS:
            f.append("lexV")
        if tok.i in group_tokens:
            f.append("lexG")
        if tok.like_num:
            f.append("num")
        if tok.is_punct:
            f.append("punct")
        for off in (-2, -1, 1, 2):
            j = k + off
            if 0 <= j < n:
                f.append(f"w{off}=" + lowers[j])
                f.append(f"p{off}=" + toks[j].pos_)
                if abs(off) == 1:
                    f.append(f"l{off}=" + lemmas[j])
                    f.append(f"wp{off}=" + w + "|" + lowers[j])
                    if j in group_tokens:
                        f.append(f"lexG{off}")
            else:
                f.append(f"w{off}=<s>" if off < 0 else f"w{off}=</s>")
        f.extend(doc_flags)
        feats.append(f)
    return feats


def doc_features(doc: Doc) -> list[list[list[str]]]:
    """Feature sequences of every non-empty sentence, in order (see `sentences`)."""
    group_tokens = _group_tokens(doc)
    return [sentence_features(sent, i, group_tokens) for i, sent in enumerate(sentences(doc))]


def _group_tokens(doc: Doc) -> set[int]:
    """Tokens inside a known armed group's name."""
    group_tokens = set()
    for start, end, _ in groups_in(doc):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            group_tokens.update(range(span.start, span.end))
    return group_tokens


def sentences(doc: Doc) -> list[SpacySpan]:
    """Sentences holding at least one word (blanked boilerplate and blank lines are skipped)."""
    return [s for s in doc.sents if any(not t.is_space for t in s)]


@dataclass(frozen=True)
class TaggedSpan:
    """A tagged role span: token range, characters, role, and the tagger's mean marginal."""

    role: str
    start: int
    end: int
    char_start: int
    char_end: int
    confidence: float
    sentence: int
    source: str = "crf"


def decode(sent: SpacySpan, labels: list[str], marginal, index: int) -> list[TaggedSpan]:
    """BIO labels (with per-token marginals `marginal(label, k)`) -> role spans."""
    out = []
    toks = list(sent)
    k = 0
    while k < len(labels):
        lab = labels[k]
        if lab == "O":
            k += 1
            continue
        # An I- tag after O or another role starts a span too: the CRF rarely does it, never harmful.
        role = lab[2:]
        j = k + 1
        while j < len(labels) and labels[j] == "I-" + role:
            j += 1
        probs = [marginal(labels[x], x) for x in range(k, j)]
        out.append(TaggedSpan(role=role, start=toks[k].i, end=toks[j - 1].i + 1,
                              char_start=toks[k].idx, char_end=toks[j - 1].idx + len(toks[j - 1].text),
                              confidence=sum(probs) / len(probs), sentence=index))
        k = j
    return out


@functools.lru_cache(maxsize=2)
def _tagger(path: str):
    from .crf_model import open_tagger

    return open_tagger(Path(path))


def tag_doc(doc: Doc, model_path: Optional[Path] = None) -> list[TaggedSpan]:
    """Every role span the CRF finds in `doc`, with its confidence, plus the rule-found ones."""
    path = Path(model_path or Path(MODEL_DIR) / "fillers.crfsuite")
    tagger = _tagger(str(path))
    spans: list[TaggedSpan] = []
    group_tokens = _group_tokens(doc)
    # One sentence's features at a time: those of a whole long article would take GBs.
    for i, sent in enumerate(sentences(doc)):
        budget.check(doc, "incidents")
        labels = tagger.tag(sentence_features(sent, i, group_tokens))
        found = decode(sent, labels, tagger.marginal, i)
        spans.extend(found + marginal_spans(sent, tagger, found, i))
    return add_conjuncts(doc, rule_victims(doc, lexicon_weapons(doc, spans)))


# Tokens whose probability of being inside some role is at least this form extra spans that the
# best (Viterbi) path leaves out: the CRF's most likely path is "O" for many real fillers.
MARGINAL_FLOOR = 0.2


def marginal_spans(sent: SpacySpan, tagger, found: list[TaggedSpan], index: int) -> list[TaggedSpan]:
    """Spans from per-token marginals where the Viterbi path says O; confidence = mean P(not O)."""
    toks = list(sent)
    labels = [l for l in tagger.labels() if l != "O"]
    taken = set()
    for sp in found:
        taken.update(range(sp.start, sp.end))
    out = []
    k = 0
    while k < len(toks):
        if toks[k].i in taken or 1 - tagger.marginal("O", k) < MARGINAL_FLOOR:
            k += 1
            continue
        j = k
        while j < len(toks) and toks[j].i not in taken and 1 - tagger.marginal("O", j) >= MARGINAL_FLOOR:
            j += 1
        score = {}
        for lab in labels:
            score[lab[2:]] = score.get(lab[2:], 0.0) + sum(tagger.marginal(lab, x) for x in range(k, j))
        role = max(score, key=score.get)
        conf = sum(1 - tagger.marginal("O", x) for x in range(k, j)) / (j - k)
        out.append(TaggedSpan(role=role, start=toks[k].i, end=toks[j - 1].i + 1, char_start=toks[k].idx,
                              char_end=toks[j - 1].idx + len(toks[j - 1].text), confidence=conf, sentence=index))
        k = j
    return out


def iter_bio(doc: Doc, gold: dict[str, list[list[str]]]) -> Iterable[list[str]]:
    """BIO labels per sentence: every occurrence of every gold mention string (training only)."""
    text = doc.text
    lab = ["O"] * len(doc)
    occupied = [False] * len(doc)
    mentions = []
    for role in ROLES:
        for entity in gold.get(role, []):
            for m in entity:
                m = m.strip()
                if m:
                    mentions.append((len(m), role, m))
    mentions.sort(key=lambda x: -x[0])
    for _, role, m in mentions:
        for hit in re.finditer(r"(?<!\w)" + re.escape(m) + r"(?!\w)", text):
            span = doc.char_span(hit.start(), hit.end(), alignment_mode="expand")
            if span is None or any(occupied[i] for i in range(span.start, span.end)):
                continue
            for i in range(span.start, span.end):
                occupied[i] = True
                lab[i] = ("B-" if i == span.start else "I-") + role
    for sent in sentences(doc):
        yield [lab[t.i] for t in sent]


# --- from spans to entities ----------------------------------------------------------------

_PUNCT = re.compile(r"[^\w\s]")
_ARTICLES = re.compile(r"\b(a|an|the)\b")


def norm(text: str) -> str:
    """Lower-case, drop punctuation and articles: the key that makes two mentions one text."""
    return " ".join(_ARTICLES.sub(" ", _PUNCT.sub(" ", text.lower())).split())


@dataclass
class Candidate:
    """A role filler before it becomes a record: its mentions (character spans) and role votes."""

    role: str
    mentions: list[tuple[int, int]]
    confidence: float
    votes: dict
    # True when only rules (not the CRF) found it.
    rule: bool = False


def group_spans(text: str, spans: list[TaggedSpan], resolve=None) -> list[Candidate]:
    """Group tagged spans into entities and give each entity one role by confidence-weighted vote.

    Mentions with the same normalised text are one entity. Two texts are merged only when the
    lexicon says they name the same armed group, when one is the other's parenthesised acronym
    ("... front (fmln)"), or when the entity index resolves both to one named actor. Merging is
    conservative on purpose: a mention the reader would not accept as the same entity costs
    more than a missed alias.
    """
    by_key: dict[str, Candidate] = {}
    for sp in spans:
        key = norm(text[sp.char_start:sp.char_end])
        if not key:
            continue
        cand = by_key.setdefault(key, Candidate(role=sp.role, mentions=[], confidence=0.0, votes={}, rule=True))
        cand.rule = cand.rule and sp.source != "crf"
        cand.mentions.append((sp.char_start, sp.char_end))
        cand.votes[sp.role] = cand.votes.get(sp.role, 0.0) + sp.confidence
        cand.confidence = max(cand.confidence, sp.confidence)
    # Union-find over keys.
    parent = {k: k for k in by_key}

    def find(k):
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def union(a, b):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[rb] = ra

    group_of = {}
    for key in by_key:
        hits = find_groups(key)
        if len(hits) == 1 and hits[0][0] == 0 and hits[0][1] == len(key):
            group_of.setdefault(hits[0][2], []).append(key)
    for keys in group_of.values():
        for other in keys[1:]:
            union(keys[0], other)
    for key, cand in by_key.items():
        for s, e in cand.mentions:
            m = re.match(r"\s*\(([^()]{2,60})\)", text[e:e + 64])
            if m:
                inner = norm(m.group(1))
                if inner in by_key and inner != key:
                    union(key, inner)
    if resolve is not None:
        owner: dict[str, str] = {}
        for key, cand in by_key.items():
            eids = {resolve(s, e) for s, e in cand.mentions} - {None}
            if len(eids) == 1:
                eid = eids.pop()
                if eid in owner:
                    union(owner[eid], key)
                else:
                    owner[eid] = key
    merged: dict[str, Candidate] = {}
    for key, cand in by_key.items():
        root = find(key)
        tgt = merged.setdefault(root, Candidate(role=cand.role, mentions=[], confidence=0.0, votes={}, rule=True))
        tgt.rule = tgt.rule and cand.rule
        tgt.mentions.extend(cand.mentions)
        for r, v in cand.votes.items():
            tgt.votes[r] = tgt.votes.get(r, 0.0) + v
        tgt.confidence = max(tgt.confidence, cand.confidence)
    out = []
    for cand in merged.values():
        cand.role = max(cand.votes, key=cand.votes.get)
        cand.mentions.sort()
        out.append(cand)
    out.sort(key=lambda c: c.mentions[0])
    return out


DEFAULT_CONFIG = {"doc_threshold": 0.5, "span_threshold": {r: 0.5 for r in ROLES}}


def select(cands: list[Candidate], doc_probability: float, config: dict) -> list[Candidate]:
    """Entities kept: none when the article is judged to report no incident, else per-role thresholds."""
    if doc_probability < config["doc_threshold"]:
        return []
    th = config["span_threshold"]
    return [c for c in cands if c.confidence >= th.get(c.role, 0.5)]


def add_conjuncts(doc: Doc, spans: list[TaggedSpan]) -> list[TaggedSpan]:
    """Weapons coordinated with a tagged weapon are weapons too ("rifles and explosives").

    Only words of the weapon lexicon are added, so a coordination with anything else is left alone.
    """
    covered = set()
    for sp in spans:
        covered.update(range(sp.start, sp.end))
    out = list(spans)
    for sp in spans:
        if sp.role != "Weapon":
            continue
        head = doc[sp.start:sp.end].root
        for other in list(head.conjuncts):
            if other.lemma_.lower() not in WEAPON_WORDS and other.lower_ not in WEAPON_WORDS:
                continue
            if other.i in covered:
                # A weaker weapon span on the conjunct shares the stronger one's evidence.
                for k, o in enumerate(out):
                    if o.role == "Weapon" and o.start <= other.i < o.end and o.confidence < sp.confidence * 0.9:
                        out[k] = dataclasses.replace(o, confidence=sp.confidence * 0.9)
                continue
            left = min([other] + [t for t in other.lefts if t.dep_ in ("amod", "compound", "nummod")],
                       key=lambda t: t.i)
            first, last = doc[left.i], other
            out.append(TaggedSpan(role="Weapon", start=left.i, end=other.i + 1, char_start=first.idx,
                                  char_end=last.idx + len(last.text), confidence=sp.confidence * 0.9,
                                  sentence=sp.sentence))
            covered.update(range(left.i, other.i + 1))
    return out


# Weapon words specific enough to be a weapon whenever an attack is told with them.
STRONG_WEAPONS = frozenset("""
rifle rifles gun guns pistol pistols revolver revolvers machinegun machineguns submachinegun shotgun shotguns
grenade grenades dynamite explosive explosives bomb bombs mortar mortars rocket rockets knife knives machete
machetes ak-47 kalashnikov kalashnikovs m-16 uzi carbine bazooka launcher launchers firearm firearms
""".split())


def _modifiers_start(tok: Token) -> Token:
    """The first adjective or compound word in front of `tok` ("automatic" in "automatic rifles")."""
    return min([tok] + [t for t in tok.lefts if t.dep_ in ("amod", "compound")], key=lambda t: t.i)


def lexicon_weapons(doc: Doc, spans: list[TaggedSpan]) -> list[TaggedSpan]:
    """Weapons the CRF left out, told as the instrument of an attack ("fired on them with rifles").

    A strong weapon word is added when it is the object of "with"/"using" under an attack verb,
    or the subject of explode/detonate; the CRF's own spans always win.
    """
    covered = {i for sp in spans for i in range(sp.start, sp.end)}
    out = list(spans)
    sent_index = {s.start: i for i, s in enumerate(sentences(doc))}
    for tok in doc:
        if tok.i in covered or tok.lower_ not in STRONG_WEAPONS or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        head = tok.head
        ok = False
        if tok.dep_ == "pobj" and head.lower_ in ("with", "using") and head.head.lemma_.lower() in ATTACK_VERBS | {"arm"}:
            ok = True
        elif tok.dep_ == "dobj" and head.lemma_.lower() in ("use", "fire", "throw", "hurl", "plant", "detonate"):
            ok = True
        elif tok.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in ("explode", "detonate", "go", "blow"):
            ok = True
        if not ok:
            continue
        left = _modifiers_start(tok)
        out.append(TaggedSpan(role="Weapon", start=left.i, end=tok.i + 1, char_start=left.idx,
                              char_end=tok.idx + len(tok.text), confidence=RULE_CONFIDENCE,
                              sentence=sent_index.get(tok.sent.start, 0), source="instrument"))
        covered.update(range(left.i, tok.i + 1))
    return out


HARM_VERBS = frozenset({"kill", "wound", "injure", "murder", "assassinate", "kidnap", "abduct", "shoot", "execute",
                        "massacre", "slay", "behead", "stab", "hurt", "maim", "torture"})


def rule_victims(doc: Doc, spans: list[TaggedSpan]) -> list[TaggedSpan]:
    """People the article says were killed, wounded or kidnapped, when the CRF left them out.

    The patient of a harm verb ("nine people were killed", "gunmen shot two guards") that names
    people (a noun, not a pronoun or a bare number) becomes a victim span of modest confidence.
    """
    covered = {i for sp in spans for i in range(sp.start, sp.end)}
    out = list(spans)
    sent_index = {s.start: i for i, s in enumerate(sentences(doc))}
    for tok in doc:
        if tok.i in covered or tok.pos_ not in ("NOUN", "PROPN") or tok.like_num:
            continue
        verb = tok.head
        if verb.lemma_.lower() not in HARM_VERBS or verb.pos_ != "VERB":
            continue
        if not (tok.dep_ == "nsubjpass" or tok.dep_ in ("dobj", "obj") and verb.tag_ != "VBN"
                or tok.dep_ == "dobj"):
            continue
        if tok.lemma_.lower() in WEAPON_WORDS or tok.lemma_.lower() in TARGET_WORDS:
            continue
        left = _modifiers_start(tok)
        right = tok
        for t in tok.rights:
            if t.dep_ in ("compound", "flat"):
                right = t
        if any(i in covered for i in range(left.i, right.i + 1)):
            continue
        out.append(TaggedSpan(role="Victim", start=left.i, end=right.i + 1, char_start=left.idx,
                              char_end=right.idx + len(right.text), confidence=RULE_CONFIDENCE,
                              sentence=sent_index.get(tok.sent.start, 0), source="harm"))
        covered.update(range(left.i, right.i + 1))
    return out


def name_of(text: str, cand: Candidate) -> str:
    """The normalised name a filler goes by: the text tagged most often, then the longest."""
    tagged = [norm(text[s:e]) for s, e in cand.mentions]
    return max(set(tagged), key=lambda k: (tagged.count(k), len(k)))
