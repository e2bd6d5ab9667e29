"""Decoding, ids, dates, language and the HTML fallback; reading any bytes never raises."""
from __future__ import annotations

import io
import os
import tempfile

import pytest
from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from newsdossier.ingest import article_id, iso_date, normalise, read_inputs
from newsdossier.ingest.decode import NotText, decode, sniff_binary
from newsdossier.ingest.html import extract_html, fallback_text, looks_like_html
from newsdossier.ingest.meta import guess_language
from newsdossier.records import Article, Failure
from newsdossier.settings import Settings


@pytest.mark.parametrize("head, kind", [
    (b"\x89PNG\r\n\x1a\nrest", "PNG image"),
    (b"\xff\xd8\xff\xe0rest", "JPEG image"),
    (b"PK\x03\x04rest", "ZIP archive (or an Office/EPUB document)"),
    (b"\x7fELF\x02\x01", "ELF executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"RIFF\x00\x00\x00\x00WEBPVP8", "WebP image"),
    (b"abc\x00def", "NUL bytes"),
    (bytes(range(1, 9)) * 20, "control bytes"),
])
def test_decode_binary_sniffed(head, kind):
    assert sniff_binary(head) == kind
    with pytest.raises(NotText):
        decode(head)


@pytest.mark.parametrize("text", ["MZ Bank said its branch was closed.", "BZh is not a word.", "ID3 tags, he said."])
def test_decode_text_starting_like_magic_is_text(text):
    assert sniff_binary(text.encode()) is None


def test_decode_utf16_without_bom():
    data = "Police said the market reopened on Monday.".encode("utf-16-le")
    assert decode(data)[0] == "Police said the market reopened on Monday."


def test_decode_html_meta_charset():
    data = '<html><head><meta charset="windows-1252"></head><body><p>“Gunmen” fled, police said.</p></body></html>'.encode("cp1252")
    text, encoding = decode(data, html=True)
    assert "“Gunmen”" in text and encoding == "cp1252"


@pytest.mark.parametrize("text, encoding", [
    ("Le ministre a déclaré que les hommes armés ont attaqué le marché.", "cp1252"),
    ("Straße in München wurde gesperrt, sagte die Polizei am Donnerstag.", "latin-1"),
    ("The minister’s office said the attack was “planned”.", "cp1252"),
    ("Полиция сообщила о нападении на рынок в четверг, погибли двенадцать человек.", "cp1251"),
    ("Полиция сообщила о нападении на рынок в четверг, погибли двенадцать человек.", "koi8_r"),
    ("Η αστυνομία είπε ότι οι ένοπλοι επιτέθηκαν στην αγορά την Πέμπτη.", "cp1253"),
    ("警方表示，枪手周四袭击了市场，造成至少十二人死亡。当局说袭击者乘坐两辆卡车抵达。", "gb18030"),
    ("警察によると、武装集団が市場を襲撃した。少なくとも十二人が死亡したという。", "euc_jp"),
    ("警察によると、武装集団が市場を襲撃した。少なくとも十二人が死亡したという。", "shift_jis"),
    ("경찰은 무장 괴한들이 목요일 시장을 공격했다고 밝혔다.", "euc_kr"),
])
def test_decode_legacy_encodings(text, encoding):
    assert decode(text.encode(encoding))[0] == text


def test_decode_mostly_utf8_keeps_utf8():
    data = "Zoë said the café was hit.".encode() + b"\xff"
    text, encoding = decode(data)
    assert text == "Zoë said the café was hit.\ufffd" and encoding == "utf-8"


def test_meta_id_normalises_whitespace_and_unicode():
    composed = "Caf\u00e9 owners said\tthe market   was hit.\n"
    decomposed = "  Cafe\u0301 owners said the market was hit."
    assert normalise(composed) == normalise(decomposed) == "Café owners said the market was hit."
    assert article_id(composed) == article_id(decomposed)
    assert article_id(composed) != article_id("Cafe owners said the market was hit.")


@pytest.mark.parametrize("value, expected", [
    ("2024-03-26", "2024-03-26"),
    ("2024-03-26T09:30:00Z", "2024-03-26"),
    ("2024-03-26 09:30:00+03:00", "2024-03-26"),
    ("March 26, 2024", "2024-03-26"),
    ("26 Mar 2024 10:00 GMT", "2024-03-26"),
    ("2024-13-40", None),
    ("Friday", None),
    ("", None),
    (None, None),
    (20240326, None),
])
def test_meta_iso_date(value, expected):
    assert iso_date(value) == expected


def test_meta_language_guess():
    assert guess_language("The police said that the gunmen fled in two trucks after the attack on the market.") == "en"
    assert guess_language("Les hommes armés ont attaqué le marché de la ville et la police est arrivée.") == "fr"
    assert guess_language("12 34 56") is None
    assert guess_language("Вооруженные люди напали на рынок в четверг, сообщила полиция.") is None


def test_html_fallback_deep_nesting_and_unclosed_nav():
    deep = "<div>" * 5000 + "<p>Gunmen attacked the depot, the army said.</p>" + "</div>" * 5000
    page = extract_html(f"<html><body>{deep}</body></html>")
    assert page is not None and page.extractor == "plain"
    assert page.text == "Gunmen attacked the depot, the army said."
    # An unclosed <nav> must not hide the whole page.
    assert fallback_text("<nav><a>Home</a><p>Police said two men were held.</p>") == "Home\nPolice said two men were held."
    assert fallback_text("<script>x()</script><style>p{}</style>") == ""


def test_html_sniffing():
    assert looks_like_html(b"  <!DOCTYPE html><html><body>x</body></html>")
    assert looks_like_html(b"<p>Police said the road reopened.</p>")
    assert not looks_like_html(b"Police said <3 people were hurt.")
    assert not looks_like_html(b"<unknown> tag at the start of prose")


@hsettings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.one_of(
    st.binary(max_size=3000),
    st.text(max_size=1500).map(lambda t: t.encode("utf-8", errors="surrogatepass")),
    st.builds(lambda a, b: a + b, st.sampled_from([b"<html><body><div>", b'{"id": 1, "text": "', b"\xef\xbb\xbf",
                                                    b"\xff\xfe", b"<script>", b"%PDF"]), st.binary(max_size=500)),
), suffix=st.sampled_from([".txt", ".html", ".jsonl", "", ".bin"]))
def test_read_arbitrary_bytes_never_raises(data, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "input" + suffix)
        with open(path, "wb") as handle:
            handle.write(data)
        results = list(read_inputs([path], Settings(max_bytes=2000)))
        results += list(read_inputs(["-"], Settings(max_bytes=2000), stdin=io.BytesIO(data)))
    assert results and all(isinstance(r, (Article, Failure)) for r in results)
    for result in results:
        if isinstance(result, Article):
            assert all(result.text[s.start:s.end] == s.text for s in result.removed)
            result.text.encode("utf-8")  # no lone surrogates: the record must print as UTF-8
        else:
            assert result.reason and "\n" not in result.reason
            assert not result.reason.startswith("internal error")


def test_html_library_warnings_silenced(tmp_path, caplog):
    """A page trafilatura cannot read gives one Failure or the fallback text, not library log lines."""
    (tmp_path / "deep.html").write_text("<div>" * 3000 + "<p>Police said the road reopened.</p>", encoding="utf-8")
    (tmp_path / "scripts.html").write_text("<html><script>x()</script></html>", encoding="utf-8")
    with caplog.at_level("INFO"):
        results = list(read_inputs([str(tmp_path)], Settings()))
    assert [type(r).__name__ for r in results] == ["Article", "Failure"]
    assert [r.name for r in caplog.records if r.name.split(".")[0] in ("trafilatura", "htmldate")] == []
