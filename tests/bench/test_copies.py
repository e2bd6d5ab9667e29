"""The long benchmarks' copies: each pass after the first brings names not seen before."""
from newsdossier.bench import copies
from newsdossier.records import Article


def _article(i):
    return Article(id=f"a{i}", source=f"a{i}.txt", title="Shots in Harlowe",
                   text=f"Gunmen killed {i + 2} people in Harlowe on Monday, Inspector Vale said.")


def test_stream_gives_n_articles_the_inputs_first_then_renamed_copies():
    base = [_article(0), _article(1)]
    out = list(copies.stream(base, 5))
    assert [a.id for a in out] == ["a0", "a1", "a0~1", "a1~1", "a0~2"]
    assert out[0] is base[0]
    assert out[2].text == "Gunmenaab killed 2 people in Harloweaab on Mondayaab, Inspectoraab Valeaab said."
    assert out[4].title == "Shotsaac in Harloweaac"
    # Every copy's names are its own, so no two copies share a capitalised word.
    names = [set(copies.CAPITAL.findall(a.text)) for a in (out[0], out[2], out[4])]
    assert not (names[0] & names[1]) and not (names[1] & names[2])


def test_stream_stops_within_a_pass_and_on_no_input():
    assert [a.id for a in copies.stream([_article(0), _article(1), _article(2)], 2)] == ["a0", "a1"]
    assert list(copies.stream([], 5)) == []


def test_suffixes_are_of_one_length_so_no_renamed_word_is_another():
    seen = {copies.suffix(k) for k in range(2000)}
    assert len(seen) == 2000 and {len(x) for x in seen} == {copies.WIDTH}
    assert copies.suffix(0) == "aaa" and copies.suffix(26) == "aba"
    # With suffixes of any length, "Street" in one copy was "Streets" in another.
    words = ["Street", "Streets", "Streetsa", "Mond", "Monday"]
    renamed = [copies.renamed(w, k) for w in words for k in range(1, 800)]
    assert len(set(renamed)) == len(renamed)
