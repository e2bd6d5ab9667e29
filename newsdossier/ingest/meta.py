"""Article metadata every reader needs: the content id, the published date, a cheap language guess,
and the title without the site's name that pages append to it ("Headline | The Daily Post").

The id of an article without a given one is the hash of its normalised text, so the same article
fetched twice (or once as a file and once from a feed with different line breaks) is one article.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
import unicodedata
from collections import Counter
from typing import Optional
from urllib.parse import urlsplit

logger = logging.getLogger(__name__)

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])")
_SIGNED_YEAR = re.compile(r"^[-\u2212]\d")
# What sets a site's name off a headline: a bar, dash, double colon or bullet with spaces around it
# (a hyphen inside a word, "Al-Shabaab", has none).
_SITE_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|·|•|»)\s+")
_GENERIC_LABELS = frozenset({"www", "com", "org", "net", "gov", "edu", "mil", "int", "co", "ac", "or", "ne", "go"})
_NOT_ALNUM = re.compile(r"[\W_]+", re.UNICODE)

# The commonest function words of a few languages. A text whose tokens are mostly from one list is
# in that language; this is a guess for routing, not a classifier, so it says None when unsure.
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "the of and to a in is was that for on it with as by at from he she they his her their said "
        "be are were has have had not but or an this which who will would been its after also were "
        "about there than more we i you one two into over when".split()
    ),
    "fr": frozenset("le la les de des du et un une est en que qui dans pour pas sur au aux par il elle "
                    "ont été sont avec ce cette plus son sa ses".split()),
    "de": frozenset("der die das und den dem des ein eine ist nicht zu von mit sich auf für im dass "
                    "es sie er wurde wurden auch bei nach aus".split()),
    "es": frozenset("el la los las de del y en que un una es por con para se no al lo su sus fue "
                    "como más pero ha han".split()),
    "it": frozenset("il lo la gli le di del della e un una è che per con non si sono al nel dei "
                    "alla anche ha".split()),
    "pt": frozenset("o a os as de do da dos das e em um uma que no na por com para não se foi ao "
                    "mais pelo pela".split()),
    "nl": frozenset("de het een en van in is dat op te zijn met voor niet er die aan ook werd door "
                    "bij naar".split()),
}
MIN_WORDS = 5
MIN_SHARE = 0.15


def normalise(text: str) -> str:
    """NFC, whitespace collapsed to single spaces, stripped: what the content id hashes."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def article_id(text: str) -> str:
    """'sha256:' + the hex SHA-256 of the normalised, lower-cased text: the one article hash. It is
    the id of an article given without one, and the store's `text_hash` (an article stored again
    from another source, under another id or in capitals is found by it)."""
    return "sha256:" + hashlib.sha256(normalise(text).lower().encode("utf-8", errors="surrogatepass")).hexdigest()


def strip_site(title: Optional[str], site: Optional[str] = None, url: Optional[str] = None) -> Optional[str]:
    """`title` without a leading or trailing part that is the site's name ("Headline | The Daily
    Post", "Daily Post - Headline"), compared with `site` and with the host of `url`. A part that
    names neither stays: without a known site nothing is cut, so no words of a headline are lost."""
    if not title:
        return title
    keys = _site_keys(site, url)
    if not keys:
        return title
    while True:
        cuts = list(_SITE_SEPARATOR.finditer(title))
        if not cuts:
            return title
        if _site_key(title[cuts[-1].end():]) in keys:
            title = title[:cuts[-1].start()]
        elif _site_key(title[:cuts[0].start()]) in keys:
            title = title[cuts[0].end():]
        else:
            return title


def _site_key(name: str) -> str:
    """A name as compared with a site's: lower case, no leading 'the', letters and digits only."""
    name = name.strip().casefold()
    if name.startswith("the "):
        name = name[4:]
    return _NOT_ALNUM.sub("", name)


def _site_keys(site: Optional[str], url: Optional[str]) -> set[str]:
    """Every way a title may name the site: its stated name, and its host with and without the
    'www.' and top-level parts ("dailypost.co.uk" -> 'dailypostcouk', 'dailypost')."""
    keys = set()
    hosts = []
    if site and site.strip():
        keys.add(_site_key(site))
        if " " not in site.strip() and "." in site:
            hosts.append(site.strip().lower())  # trafilatura names a site by its domain when it must
    if url:
        try:
            hosts.append((urlsplit(url).hostname or "").lower())
        except ValueError:
            pass
    for host in hosts:
        host = host.removeprefix("www.")
        labels = [label for label in host.split(".") if label]
        if len(labels) < 2:
            continue
        keys.add(_site_key(host))
        # The labels before the top-level domain that are a name ("dailypost"), not "co" or "gov".
        keys.update(_site_key(label) for label in labels[:-1] if label not in _GENERIC_LABELS)
    keys.discard("")
    return keys


def iso_date(value: object) -> Optional[str]:
    """`value` (a date, datetime or a string such as '2024-03-26T09:00:00Z') as 'YYYY-MM-DD', else None."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        return None
    raw = value.strip()
    match = _ISO_DAY.match(raw)
    if match:
        try:
            return dt.date(*(int(g) for g in match.groups())).isoformat()
        except ValueError:
            return None
    try:
        return dt.datetime.fromisoformat(raw).date().isoformat()
    except ValueError:
        pass
    if _SIGNED_YEAR.match(raw):
        # "-5000-01-01" is a year before the common era, which a date cannot hold; dateparser
        # would drop the sign and answer 5000-01-01.
        return None
    return _parse_loose(raw)


def _parse_loose(raw: str) -> Optional[str]:
    """Dates in words ('March 26, 2024', '26 Mar 2024 10:00 GMT'): dateparser, never relative ones."""
    if len(raw) > 80 or not re.search(r"\d{4}", raw):
        return None  # a year is required: "Friday" alone is not a publication date
    try:
        import dateparser

        parsed = dateparser.parse(raw, settings={"STRICT_PARSING": True, "PREFER_DAY_OF_MONTH": "first"})
    except Exception as exc:  # dateparser raises assorted errors on odd strings
        logger.debug("cannot parse date %r: %s", raw, exc)
        return None
    return parsed.date().isoformat() if parsed else None


def guess_language(text: str, sample_chars: int = 20_000) -> Optional[str]:
    """An ISO 639-1 code when most of the text's common words belong to one language, else None."""
    words = [w.lower() for w in _WORD.findall(text[:sample_chars])]
    if len(words) < MIN_WORDS:
        return None
    scores = Counter()
    for code, vocabulary in FUNCTION_WORDS.items():
        scores[code] = sum(1 for w in words if w in vocabulary)
    (best, hits), *rest = scores.most_common()
    runner_up = rest[0][1] if rest else 0
    if hits / len(words) >= MIN_SHARE and hits > 1.5 * runner_up:
        return best
    return None
