"""Boilerplate lines in plain text: found and listed as spans, never cut out.

Plain-text input keeps its text unchanged (offsets must match the file), so page furniture such as
a trailing "Post a Comment", "Share this article" or "Advertisement" is only *listed*; the analysis
stage blanks those spans so extractors never see them.

Conservative on purpose: a pattern must match a WHOLE line (or a line's tail right after the end of
a sentence, as when a scraper glued "Post a Comment" onto the last sentence), so a real sentence that
merely mentions comments, advertisements or copyright is never marked.
"""
from __future__ import annotations

import re
from typing import Iterator

from ..records import Span

# Trailing decoration a widget label may carry: punctuation, arrows, a count such as "(12)".
_TAIL = r"[\s.:!?…»›>→|•·\-–—]*(?:\(\s*\d[\d,.]*\s*\)|\[\s*\d[\d,.]*\s*\]|\d[\d,.]*)?[\s.:!?…»›>→|•·\-–—]*"
_SOCIAL = r"(?:facebook|twitter|x|whatsapp|linkedin|email|e-mail|reddit|telegram|pinterest|messenger|threads|bluesky|instagram|tiktok|youtube|mastodon|flipboard|sms)"
_THING = r"(?:article|story|post|page|report|piece|video|link)"
_LINK = (r"(?:[►•>»›→·*]+\s*)?\[?(?:related|see also|also read|also|more|watch|video)"
         r"(?: (?:articles?|stor(?:y|ies)|links?|coverage|content|news|reading|videos?))?\s*[:|]\s*")

# Phrases that are boilerplate wherever a whole line says them. Also recognised glued onto the end
# of the previous sentence: they are multi-word labels no sentence ends with.
GLUE_OK: tuple[str, ...] = (
    r"post an? comments?",
    r"leave an? (?:comment|reply)",
    r"add an? comment",
    r"(?:view|show|load|see|read|hide|open) (?:all )?(?:the )?(?:\d+ )?comments?",
    r"(?:\d+ )?comments?",
    r"join the (?:conversation|discussion)",
    r"share (?:this|the) " + _THING,
    r"share (?:this|the) " + _THING + r" (?:on|via|with) .{1,40}",
    r"share (?:on|via) " + _SOCIAL,
    r"advertisement",
    r"advertising",
    r"sponsored(?: content)?",
    r"(?:the )?story continues below(?: (?:this )?advertisement)?",
    r"continue reading(?: (?:below|the main story))?",
    r"scroll (?:down )?to continue(?: with content)?",
    r"click here to (?:subscribe|read more|sign up|continue|comment|register|learn more|find out more)(?: .{0,60})?",
    r"(?:subscribe|sign up) (?:now|today|here)",
    r"subscribe (?:now |today )?(?:for|to) (?:only|just|free|our|the|unlimited|\$|£|€).{0,60}",
    r"(?:subscribe|sign up) (?:to|for) (?:our|the|a) (?:free )?(?:daily |weekly |morning |evening )?(?:newsletters?|e-?mail updates|alerts)(?: .{0,60})?",
    r"newsletter sign-?up",
    r"related(?: articles| stories| posts| coverage| content| news| links| reading| topics)?",
    r"more (?:stories|articles|news) (?:from|like this|on this topic)(?: .{0,40})?",
    r"recommended(?: for you| stories| articles| reading)?",
    r"(?:you|we think you) (?:may|might) (?:also )?like",
    r"(?:most read|most popular|trending now|editor'?s picks?)",
    r"read (?:more|next|also)",
    r"read (?:more|next|also) ?[:»›>|\-–—] ?.{1,120}",
    r"follow us",
    r"follow us (?:on|at|via) (?:social media|google news|@|" + _SOCIAL + r").{0,60}",
    r"like us on facebook",
    r"find us on " + _SOCIAL + r".{0,30}",
    r"(?:please )?enable javascript(?: .{0,100})?",
    r"(?:download|get) (?:our|the) (?:free )?app(?: .{0,40})?",
    r"listen to (?:this|the) (?:article|story)(?: .{0,30})?",
    r"\d+ min(?:ute)?s? read",
    r"back to top",
    r"skip to (?:main )?content",
    r"(?:previous|next) (?:article|story|post)(?:\s*[:»›>|\-–—]\s*.{1,80})?",
    r"(?:report|suggest) an? (?:error|typo|correction)",
    r"(?:log|sign) in to (?:comment|reply|post)",
    r"all rights reserved",
    r"(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\))|copyright\s+\d{4}).{0,150}",
    r"print(?: this)? " + _THING,
    r"e-?mail (?:this|the) " + _THING,
    r"terms of (?:use|service)",
    r"privacy (?:policy|notice)",
    r"cookie (?:policy|settings|preferences|notice)",
    r"(?:accept|reject|manage) (?:all )?cookies",
    r"subscribe to:? post comments(?: \(atom\))?",
    r"media playback is (?:unsupported|not supported) on your device",
)

# Single words or short labels that are boilerplate only as a line of their own.
LINE_ONLY: tuple[str, ...] = (
    r"share(?: this)?",
    r"tweet",
    r"print",
    r"e-?mail",
    r"reply",
    r"like",
    _SOCIAL,
    r"(?:share|follow) (?:on )?" + _SOCIAL + r"(?:(?:\s*[|/,•·]\s*|\s+)" + _SOCIAL + r")*",
    _SOCIAL + r"(?:(?:\s*[|/,•·]\s*|\s+)" + _SOCIAL + r")+",
    r"tags?\s*:.{0,200}",
    r"topics?\s*:.{0,200}",
    r"contact us",
    r"about us",
    r"loading(?: comments)?",
    r"(?:we|this (?:web)?site) uses? cookies\b.{0,300}",
    r"by (?:continuing|using) (?:to (?:use|browse) )?(?:this|our) (?:web)?site.{0,200}\bcookies\b.{0,200}",
    r".{0,120}\ball rights reserved\b.{0,60}",
    r"this (?:video|content|article) is (?:not available|unavailable|no longer available)(?: .{0,80})?",
    # Blog platforms' post furniture (the example article's "Post a Comment" is one of them).
    r"(?:newer|older) posts?(?:\s*(?:newer|older) posts?)?(?:\s*home)?",
    r"home",
    r"labels?\s*:.{0,200}",
    r"no comments?\s*:?",
    r"posted by [^,.;]{1,60} (?:at|on) [^,;]{0,30}?(?:\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?|\d{4})",
    r"(?:email this\s*)?blogthis!.{0,120}",
    r"share to " + _SOCIAL + r"(?:\s*share to " + _SOCIAL + r")*",
    r"image (?:copyright|source)\s*:?.{0,60}",
    # A link to another story or a video, its headline after a label ("RELATED: Two hurt in
    # crash", "[WATCH: Chief speaks]"): the headline is another page's, whatever it reports.
    _LINK + r"[^\[\]]{1,140}\]?",
)

_FLAGS = re.I | re.UNICODE
_TERMINAL = ".!?\"”’')]:»|*-–—"
# A line that reports speech is a sentence, whatever words it shares with a widget label.
_REPORTED = re.compile(r"\b(?:said|says|told|according to|added|stated)\b", re.I)
_LINE = re.compile(r"(?:" + "|".join(GLUE_OK + LINE_ONLY) + r")" + _TAIL, _FLAGS)
# A glued tail: the end of a sentence, optional spaces, then a label running to the end of the line.
_GLUED = re.compile(
    r"(?:(?<=[.!?])|(?<=[.!?][\"”’')\]]))[ \t]*((?:" + "|".join(GLUE_OK) + r")" + _TAIL + r")$", _FLAGS
)


def find_boilerplate(text: str) -> tuple[Span, ...]:
    """Spans of `text` that are boilerplate lines (or glued line tails), in order."""
    return tuple(_spans(text))


def _spans(text: str) -> Iterator[Span]:
    previous = ""
    for start, end in _lines(text):
        line = text[start:end]
        stripped = line.strip()
        before, previous = previous, stripped
        if not stripped:
            continue
        lead = start + (len(line) - len(line.lstrip()))
        trail = lead + len(stripped)
        # A whole paragraph on one line can still end in a glued label; only whole-line labels are short.
        if len(stripped) <= 400 and _LINE.fullmatch(stripped) and _label_like(stripped) and _standalone(stripped, before):
            yield Span.at(text, lead, trail)
            continue
        match = _GLUED.search(stripped)
        if match and match.group(1)[:1].isupper() and _label_like(match.group(1)) and ";" not in match.group(1):
            yield Span.at(text, lead + match.start(1), lead + match.start(1) + len(match.group(1).rstrip()))


def _label_like(line: str) -> bool:
    """Reject lines that read as sentences (several clauses) even when a pattern's `.{0,n}` fits."""
    if _REPORTED.search(line):
        return False
    if len(line) <= 60:
        return True
    words = line.split()
    # Long lines pass only as cookie/copyright notices, which the patterns anchor at their start.
    return bool(re.match(_LINK, line, _FLAGS) and len(line) <= 160) or bool(re.match(r"(?:©|\(c\)|copyright\b|we use cookies|this (?:web)?site uses cookies|by (?:continuing|using)|tags?\s*:|topics?\s*:|labels?\s*:|read (?:more|next|also)|(?:email this\s*)?blogthis!)", line, _FLAGS)) or (
        "all rights reserved" in line.lower() and len(words) <= 25
    )


def _standalone(line: str, before: str) -> bool:
    """A longer label must stand alone: not the continuation of a wrapped sentence, not a clause."""
    if len(line) <= 30:
        return True
    if ";" in line:
        return False
    return not before or before[-1] in _TERMINAL


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every line, without its line break."""
    start = 0
    for line in text.splitlines(keepends=True):
        yield start, start + len(line.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"))
        start += len(line)
