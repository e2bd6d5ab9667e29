"""Analysis keeps offsets: boilerplate blanked in place, long texts in pieces, huge ones refused."""
import pytest
from hypothesis import given, strategies as st

from newsdossier.analyze.pipeline import analyze, masked_text, split_text
from newsdossier.records import Article, Failure, Span


@given(st.text(alphabet=st.sampled_from("ab c\n."), max_size=3000), st.integers(50, 400))
def test_pipeline_split_text_rejoins_exactly(text, size):
    pieces = split_text(text, size)
    assert "".join(pieces) == text
    assert all(len(p) <= size for p in pieces)


def test_pipeline_masked_text_keeps_length_and_line_breaks():
    text = "Real news here.\nShare this article\nMore news."
    start = text.index("Share")
    article = Article(id="a", source="s", text=text, removed=(Span.at(text, start, start + 18),))
    masked = masked_text(article)
    assert len(masked) == len(text)
    assert "Share" not in masked and masked.count("\n") == 2


@pytest.mark.model
def test_pipeline_long_text_analysed_in_pieces_keeps_offsets(settings):
    paragraph = "Gunmen attacked a checkpoint near Dorvik on Monday, officials said.\n"
    text = paragraph * 60
    small = settings.with_(chunk_chars=1000)
    [(article, doc)] = list(analyze([Article(id="a", source="s", text=text)], small))
    assert doc.text == text
    assert [e.start_char for e in doc.ents if e.text == "Dorvik"][5] == text.index("Dorvik") + 5 * len(paragraph)


@pytest.mark.model
def test_pipeline_text_over_max_chars_is_refused_with_its_size(settings):
    tiny = settings.with_(max_chars=1000)
    items = list(analyze([Article(id="a", source="big.txt", text="word " * 400)], tiny))
    assert len(items) == 1 and isinstance(items[0], Failure)
    assert "2,000 characters" in items[0].reason and items[0].source == "big.txt"
