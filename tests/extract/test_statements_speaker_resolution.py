"""Who spoke: "he added" far from the name, and a relative clause that is no parenthetical report."""
import pytest

from newsdossier.extract.statements import extract_statements

pytestmark = pytest.mark.model


def _speaker_names(ctx):
    names = {e.id: e.name for e in ctx.entities.entities}
    return [(st.speaker.text, names.get(st.speaker.entity)) for st in extract_statements(ctx) if st.speaker]


def test_statements_pronoun_after_a_long_quotation_is_the_last_speaker(analyzed):
    ctx = analyzed(
        "Fire chief Oskar Lindahl inspected the burned depot in Vessby on Tuesday.\n\n"
        "Lindahl told reporters: \u201cThe doors were chained from outside. Nobody could get out. "
        "We found the cans in the yard. This was done on purpose.\u201d\n\n"
        "\u201cWe will find whoever did it,\u201d he added.")
    assert ("he", "Oskar Lindahl") in _speaker_names(ctx)


def test_statements_pronoun_does_not_jump_over_another_named_person(analyzed):
    ctx = analyzed(
        "Fire chief Oskar Lindahl inspected the burned depot in Vessby on Tuesday.\n\n"
        "\u201cThe doors were chained from outside. Nobody could get out. We found the cans in the yard. "
        "This was done on purpose,\u201d Lindahl told reporters.\n\n"
        "The depot belongs to Henrik Stavros, whose trucks were parked inside. Stavros was away. "
        "His drivers had left at noon. The yard was empty.\n\n"
        "\u201cWe will find whoever did it,\u201d he added.")
    assert ("he", "Oskar Lindahl") not in _speaker_names(ctx)


def test_statements_relative_clause_is_no_parenthetical_report(analyzed):
    # ", which claimed the attack," is a relative clause, not "X said" set off by commas: the
    # sentence is the inspector's, and "which" speaks for nobody.
    ctx = analyzed("Two buses burned at the Korsvik depot on Friday night.\n\n"
                   "The Velmar Front, which claimed the attack, has never struck before, "
                   "Detective Inspector Tove Lundqvist said.")
    sts = extract_statements(ctx)
    assert all(st.speaker is None or st.speaker.text.lower() != "which" for st in sts)
    [st] = [st for st in sts if st.content.text.startswith("The Velmar Front")]
    assert st.speaker.text.endswith("Tove Lundqvist") and st.cue.text == "said"
