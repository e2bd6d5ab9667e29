"""Incident records on invented articles: must-find and must-not-find, with the shipped weights."""
import dataclasses

import pytest

from newsdossier.extract import find_extractor
from newsdossier.extract.incidents import extract_incidents

pytestmark = pytest.mark.model

ATTACK = (
    "Gunmen stormed the town hall in Perola on Tuesday, opening fire on council members with rifles "
    "and setting the building on fire. At least nine people were killed and dozens were wounded, police said. "
    "Al-Shabaab claimed responsibility for the attack in a statement on Wednesday. "
    "The interior minister, Dana Oster, suggested that the neighbouring country was somehow linked to the attack, "
    "a claim that could not be verified. "
    "Police had issued a public warning two days before the attack, urging residents to avoid the square."
)
QUIET = (
    "The city council of Perola approved a new budget for parks and libraries on Tuesday. "
    "The mayor said the plan would add two reading rooms and repair the old football ground. "
    "Residents welcomed the decision at a public meeting that lasted three hours."
)


def _incidents(analyzed, text):
    ctx = analyzed(text)
    finder = find_extractor("statements.v1")
    ctx = dataclasses.replace(ctx, statements=tuple(finder(ctx)))
    return extract_incidents(ctx)


def test_incidents_registered():
    assert find_extractor("incidents.v1") is extract_incidents


def test_incidents_attack_article(analyzed):
    incidents = _incidents(analyzed, ATTACK)
    assert incidents and incidents[0].id == "i1"
    inc = incidents[0]
    assert {"armed_assault", "facility_infrastructure_attack"} <= set(inc.types)
    assert "bombing_explosion" not in inc.types
    assert any(w.category == "firearms" for w in inc.weapons)
    orgs = [f.text.lower() for f in inc.perpetrator_organizations]
    assert any("shabaab" in o for o in orgs)
    claimed = [r for r in inc.responsibility if r.how == "claimed"]
    assert claimed and "shabaab" in claimed[0].party.text.lower()
    alleged = [r for r in inc.responsibility if r.how == "alleged"]
    assert alleged and "country" in alleged[0].party.text and alleged[0].corroboration == "unverified"
    assert inc.warnings and inc.warnings[0].public is True
    assert inc.warnings[0].by is not None and "Police" in inc.warnings[0].by.text
    # Must not find: the minister is neither perpetrator nor victim, and no one claimed for her.
    every = [m.text for role in (inc.perpetrator_individuals, inc.perpetrator_organizations, inc.victims)
             for f in role for m in f.mentions]
    assert not any("Oster" in t for t in every)
    assert not any(r.how == "claimed" and "Oster" in r.party.text for r in inc.responsibility)


def test_incidents_spans_point_into_text(analyzed):
    for inc in _incidents(analyzed, ATTACK):
        for role in (inc.perpetrator_individuals, inc.perpetrator_organizations, inc.targets, inc.victims, inc.weapons):
            for f in role:
                for m in f.mentions:
                    assert ATTACK[m.start:m.end] == m.text


def test_incidents_none_when_article_reports_none(analyzed):
    assert _incidents(analyzed, QUIET) == ()


def test_incidents_lower_cased_text_still_works(analyzed):
    incidents = _incidents(analyzed, ATTACK.lower())
    assert incidents
    assert any("shabaab" in f.text for f in incidents[0].perpetrator_organizations)


TWO_ATTACKS = (
    "A car bomb exploded outside a police station in Mosul on Monday, killing four police officers and "
    "wounding seven civilians, officials said. The Islamic State claimed responsibility for the bombing.\n"
    "In a separate attack on Tuesday, gunmen opened fire on a bus carrying pilgrims in Kandahar, killing two "
    "passengers. The Taliban denied any involvement in the shooting.\n"
)


def test_incidents_two_attacks_two_incidents(analyzed):
    incidents = _incidents(analyzed, TWO_ATTACKS)
    assert [i.id for i in incidents] == ["i1", "i2"]
    first, second = incidents
    assert "bombing_explosion" in first.types and "armed_assault" in second.types
    assert "armed_assault" not in first.types
    assert any(w.category == "explosives" for w in first.weapons)
    assert [r.how for r in first.responsibility] == ["claimed"]
    assert "Islamic State" in first.responsibility[0].party.text
    # The denial belongs to the second attack, and denying is not claiming.
    assert [(r.how, r.party.text) for r in second.responsibility] == [("denied", "The Taliban")]
    assert not any("Taliban" in f.text for i in incidents for f in i.perpetrator_organizations)


@pytest.mark.parametrize("text,killed,injured", [
    ("A teenager was shot dead and two others were wounded outside a convenience store on Elm Street "
     "in Dunmore late Saturday, police said. Detectives are asking neighbours for doorbell footage.", 1, 2),
    ("Three people died and four were hurt when a man opened fire at a birthday party in Kesby on "
     "Sunday night. The suspect was arrested at his home, the sheriff's office said.", 3, 4),
])
def test_incidents_local_shooting_report_keeps_its_casualty_figures(analyzed, text, killed, injured):
    incidents = _incidents(analyzed, text)
    assert incidents, "a report of people shot is an incident"
    assert incidents[0].killed is not None and incidents[0].killed.min == killed
    assert incidents[0].injured is not None and incidents[0].injured.min == injured


def test_incidents_no_claim_is_no_claim_and_a_relative_denial_is_the_partys_own(analyzed):
    text = ("Gunmen opened fire at a ferry terminal in Port Selm on Monday, killing 9 people, police said. "
            "No group has claimed responsibility. Minister Dana Ruel blamed the Southern Liberation Army, "
            "which denied any involvement.")
    ctx = analyzed(text, published="2025-09-03")
    ctx = dataclasses.replace(ctx, statements=find_extractor("statements.v1")(ctx))
    [incident] = extract_incidents(ctx)
    hows = {(r.how, r.party.text) for r in incident.responsibility}
    assert not any(how == "claimed" for how, _ in hows)
    denial = [r for r in incident.responsibility if r.how == "denied"]
    assert denial and "Southern Liberation Army" in denial[0].party.text
    army = ctx.entities.resolve(denial[0].party.start, denial[0].party.end)
    assert denial[0].by == army


def test_incidents_denial_by_a_mouthpiece_is_the_partys_own(analyzed):
    text = ("Gunmen shot dead five people at a tram stop in Vellan on Monday, police said. "
            "The interior minister blamed the Grey Harbour Front for the shooting. A lawyer for the group "
            "denied that it had any role in the attack, and a statement from the Ash Road Brigade claimed "
            "responsibility for the killings.")
    ctx = analyzed(text, published="2025-09-03")
    ctx = dataclasses.replace(ctx, statements=find_extractor("statements.v1")(ctx))
    [incident] = extract_incidents(ctx)
    parties = {(r.how, r.party.text) for r in incident.responsibility}
    assert not any("lawyer" in party or "statement" in party for _, party in parties), parties
    assert any(how == "denied" and "group" in party for how, party in parties), parties
    assert any(how == "claimed" and "Ash Road Brigade" in party for how, party in parties), parties


def test_incidents_rejected_article_keeps_claims_but_names_no_fillers(analyzed, monkeypatch):
    """When the document decision says "no incident", a claim is still reported in `responsibility`
    (nothing is lost), but it does not make the claimant a perpetrator filler on its own."""
    from newsdossier.extract import incidents as inc_mod

    load = inc_mod.load_model
    monkeypatch.setattr(inc_mod, "load_model", lambda: (load()[0], {**load()[1], "doc_threshold": 1.01}))
    incidents = _incidents(analyzed, ATTACK)
    assert incidents, "nine people killed still make an incident"
    inc = incidents[0]
    # The learned role model (extract/incidents/roles/learned.py) still names victims and targets there; the
    # claimant is never made a perpetrator by its claim alone.
    assert not inc.perpetrator_organizations
    assert any(r.how == "claimed" and "Shabaab" in r.party.text for r in inc.responsibility)
    ctx = analyzed(ATTACK)
    ctx = dataclasses.replace(ctx, settings=ctx.settings.with_(learned_roles="rules"))
    ctx = dataclasses.replace(ctx, statements=tuple(find_extractor("statements.v1")(ctx)))
    inc = extract_incidents(ctx)[0]
    assert not inc.perpetrator_organizations and not inc.targets and not inc.victims


def test_incidents_accidental_discharge_that_hits_someone_is_an_incident(analyzed):
    text = ("A Tarvel father has been charged after his gun discharged while he was cleaning it and struck "
            "his six-year-old son in the leg. The boy was taken to Tarvel General and is expected to recover, "
            "police said.")
    incidents = _incidents(analyzed, text)
    assert incidents and incidents[0].injured is not None and incidents[0].injured.min == 1


def test_incidents_main_incident_reports_casualties_then_is_the_leads(analyzed):
    from newsdossier.extract.figures import incident_figures
    from newsdossier.extract.incidents.segments import by_salience

    text = ("Gunmen attacked a bus station in Perola on Monday, wounding four people, police said. "
            "Last year gunmen raided a depot in Verlo and set fire to trucks. "
            "In March a bomb exploded at a market in Tarvel, killing two people.")
    ctx = analyzed(text)
    verlo, tarvel = text.index("Last year"), text.index("In March")
    segments = [(verlo, tarvel, []), (0, verlo, []), (tarvel, len(text), [])]
    figures = [incident_figures(ctx, s, e) for s, e, _ in segments]
    assert figures[0].killed is None and figures[0].injured is None
    # The Verlo raid (no dead or wounded told) goes last although `_segments` put it first; of the
    # two with casualties, the lead's comes first.
    assert by_salience(ctx, segments, figures) == [1, 2, 0]
