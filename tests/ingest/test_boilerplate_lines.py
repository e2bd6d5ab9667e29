"""Boilerplate lines are listed as spans (whole lines or glued tails); real sentences never are."""
from __future__ import annotations

import pytest

from newsdossier.ingest.boilerplate import find_boilerplate

BODY = "Gunmen stormed a market in Vellora on Thursday, police said."


@pytest.mark.parametrize("label", [
    "Post a Comment", "Share this article", "Share this story", "Advertisement", "ADVERTISEMENT",
    "Click here to subscribe", "Related articles", "Related Stories:", "RELATED:", "Comments", "Comments (12)",
    "12 comments", "Read more", "Read more: Gunmen kill 12 in Vellora", "READ MORE | Market reopens",
    "Follow us on Twitter", "Follow us on Facebook and Instagram", "Sign up for our newsletter",
    "Subscribe to our daily newsletter", "© 2025 Vellora Times. All rights reserved.",
    "Copyright 2024 Vellora Broadcasting. All rights reserved.", "All Rights Reserved.",
    "We use cookies to improve your experience. By continuing to browse you accept our cookie policy.",
    "Accept all cookies", "Facebook", "Twitter | WhatsApp | Email", "Print this article", "Tags: Vellora, attack",
    "Story continues below advertisement", "Please enable JavaScript to watch this video", "Previous story",
    "Download our free app for Apple and Android", "You may also like", "3 min read", "Leave a comment",
    "Newer Post Older Post Home", "Subscribe to: Post Comments (Atom)", "Labels: news, world", "No comments:",
    "Posted by Ana Berg at 10:31 AM", "Email ThisBlogThis!Share to TwitterShare to FacebookShare to Pinterest",
    "Home", "Image copyright Getty Images", "Media playback is unsupported on your device",
    # links to other pages, their headlines after a label
    "Related: 5 hurt in a bus crash near Orlin", "RELATED STORY: Vellora market guard laid to rest",
    "[WATCH: Mayor Ana Berg speaks after the attack]", "MORE: Two held over the Vellora fire",
    "Video: Smoke over the market",
    # ... after a bullet or arrows
    "► Related: Guard hurt in Orlin depot fire", "• More: Vellora market to reopen",
    ">> RELATED: Mayor visits the market",
])
def test_boilerplate_whole_line_found(label):
    text = f"{BODY}\n{label}\nThe market reopened on Monday.\n"
    spans = find_boilerplate(text)
    assert [s.text for s in spans] == [label]
    assert text[spans[0].start:spans[0].end] == label


@pytest.mark.parametrize("glue", ["", " ", "  "])
@pytest.mark.parametrize("label", ["Post a Comment", "Share this article", "Advertisement", "Related articles"])
def test_boilerplate_glued_to_last_sentence_found(glue, label):
    text = f"The 44-year-old said she hid behind her stall.\n{BODY}{glue}{label}"
    [span] = find_boilerplate(text)
    assert span.text == label and span.end == len(text)


@pytest.mark.parametrize("sentence", [
    "Police said they would share the article with investigators.",
    "Comments by the minister drew criticism from the opposition.",
    "The advertisement for the concert ran for weeks before the attack.",
    "Copyright law was not at issue, officials said.",
    "Read more about it later, he told reporters.",
    "Follow us, the gunmen shouted as they left the hall.",
    "Related attacks were reported in two other towns.",
    "He declined to comment.",
    "No comment, the spokesman said.",
    "(c) The minister shall publish the list of victims.",
    "Register now to vote in the election, officials urged.",
    "Subscribe to the idea that peace is possible, the bishop said.",
    "The group posted a comment on its channel claiming the attack.",
    "Share prices fell after the bombing.",
    "Advertising boards near the stadium were damaged.",
    "The site uses cookies, he said, but no data was stolen.",
    "Print media were barred from the briefing.",
    "Next story: the investigators said the trucks were stolen.",
    "Posted by police at dawn, the video spread quickly.",
    "Home secretary Ana Berg visited the market.",
    "Older posts from the group were deleted.",
    "Labels matter less than facts.",
    "Related attacks: police said two more markets were targeted in the week that followed the raid.",
    "Also: the council will meet on Monday to decide whether the market stays closed, a spokesman said.",
    "More: " + "the gunmen fired on the stalls for ten minutes before they fled toward the river " * 2,
])
def test_boilerplate_real_sentence_not_found(sentence):
    assert find_boilerplate(f"{BODY}\n{sentence}\nThe market reopened on Monday.") == ()


def test_boilerplate_wrapped_line_starting_with_label_word_not_found():
    text = "The licence of the archive reads\nCopyright 2021 the authors; the raw files carry no licence text.\n"
    assert find_boilerplate(text) == ()


def test_boilerplate_glued_needs_a_sentence_end():
    assert find_boilerplate("The licence reads (\"Copyright (c) 2021 Vellora Press\") in full.") == ()
    assert find_boilerplate("Villagers could share this article of faith with anyone") == ()


def test_boilerplate_offsets_with_crlf_and_indent():
    text = "First line, police said.\r\n   Advertisement  \r\nLast line.\r\n"
    [span] = find_boilerplate(text)
    assert span.text == "Advertisement" and text[span.start:span.end] == "Advertisement"


def test_boilerplate_glued_to_a_long_one_line_paragraph_found():
    text = ("Gunmen attacked a bus depot in Harlow Cross on Monday, officials said. " * 8) + "Share this article"
    spans = find_boilerplate(text)
    assert [s.text for s in spans] == ["Share this article"]
    assert spans[0].end == len(text)
