"""The learned "does this article report a violent incident?" decision on invented articles, with the
shipped weights (no training here): general news gets no incident, attacks keep theirs."""

import pytest

from newsdossier.errors import ModelError
from newsdossier.extract.incidents import relevance

QUAKE = ("Strong earthquake kills 14 in mountain villages",
         "A magnitude 6.4 earthquake struck the mountain province of Dalmora early on Sunday, killing at least "
         "14 people and injuring more than 200, the national disaster agency said. Dozens of mud-brick houses "
         "collapsed in three villages and a landslide blocked the only road to the valley. Rescue teams were "
         "still searching the rubble for survivors on Sunday evening, and the government sent tents and water. "
         "Aftershocks were felt as far away as the capital.")
DRUNK = ("Councillor arrested on suspicion of drunk driving",
         "A Bramwell city councillor was arrested early on Saturday on suspicion of driving under the influence "
         "after his car struck a parked van on Elm Street, police said. No one was hurt. Officers said Tom Rask, "
         "52, failed a breath test at the scene and was released on bail a few hours later. He is due in court "
         "next month. Rask said in a statement that he regretted the incident and would step back from his "
         "committee work while the case is pending.")
COUNCIL = ("Council approves new budget for parks",
           "The city council of Perola approved a new budget for parks and libraries on Tuesday, after a debate "
           "that lasted four hours. The plan adds two reading rooms, repairs the old football ground and cuts the "
           "budget of the transport office. Opposition members said the cuts would end the night bus service, and "
           "the mayor promised a review in the spring. The vote was 7 to 4.")
BOMBING = ("Bomb blast at crowded market kills 12",
           "A bomb exploded at a crowded vegetable market in the town of Qasreen on Friday morning, killing 12 "
           "people and wounding at least 40, police said. Witnesses said the device had been hidden in a cart "
           "near the main gate. No group has claimed responsibility for the bombing, the third attack on a market "
           "in the province this year. The wounded were taken to two hospitals in the provincial capital.")
SHOOTING = ("Man shot dead outside bar, gunman sought",
            "A 27-year-old man was shot and killed outside a bar on Harlan Avenue late on Saturday night, police "
            "said. Officers found the victim with several gunshot wounds in the parking lot; he died at the scene. "
            "Witnesses told police a gunman fired at the man after an argument and fled in a dark sedan. No "
            "arrests have been made, and detectives asked anyone with information to call the police.")


@pytest.mark.parametrize("title,text", [QUAKE, COUNCIL], ids=["quake", "council"])
def test_general_news_is_no_incident(title, text):
    assert not relevance.reports_incident(title, text)


@pytest.mark.parametrize("title,text", [BOMBING, SHOOTING], ids=["market-bombing", "shooting"])
def test_attacks_are_incidents(title, text):
    assert relevance.reports_incident(title, text)


def test_attack_scores_above_general_news():
    # The drunk-driving arrest scores near the threshold (police news reads like GVA's reports; model
    # card, limits), but well below any attack.
    attacks = [relevance.probability(t, x) for t, x in (BOMBING, SHOOTING)]
    news = [relevance.probability(t, x) for t, x in (QUAKE, DRUNK, COUNCIL)]
    assert min(attacks) > max(news)


def test_threshold_setting_moves_the_decision():
    prob = relevance.probability(*DRUNK)
    assert relevance.reports_incident(*DRUNK, threshold=prob - 0.01)
    assert not relevance.reports_incident(*DRUNK, threshold=min(1.0, prob + 0.01))


def test_model_without_embeddings_decides_too(monkeypatch):
    # Without the MiniLM package the word-only weight set decides (a warning says so once).
    models = relevance.load()
    assert models.full.blocks and models.static.blocks and not models.bag.blocks
    monkeypatch.setattr(relevance, "_encoder", lambda: None)
    assert relevance.reports_incident(*BOMBING) and relevance.reports_incident(*SHOOTING)
    assert not relevance.reports_incident(*COUNCIL)


def test_cheap_first_look_agrees_with_the_full_model():
    # The static model settles sure cases without the encoder; where it does, the full model agrees.
    models = relevance.load()
    encoder = relevance._encoder()
    for title, text in (QUAKE, DRUNK, COUNCIL, BOMBING, SHOOTING):
        first = relevance._score(models.static, encoder, title, text)
        full = relevance._score(models.full, encoder, title, text) >= models.full.threshold
        if first < models.low or first >= models.high:
            assert (first >= models.high) is full
        assert relevance.reports_incident(title, text) is full


def test_missing_model_file_names_it(tmp_path):
    path = tmp_path / "nothing.npz"
    with pytest.raises(ModelError, match="nothing.npz"):
        relevance.load(str(path))


def test_violence_sentences_and_lead():
    text = "The mayor opened a bridge. Two men were shot near the river. Traffic was slow."
    assert relevance.violence_sentences(text) == ["Two men were shot near the river."]
    assert relevance.lead_text("Bridge opens", text).startswith("Bridge opens.\nThe mayor")
    # A text that already opens with its title does not get it twice.
    assert relevance.lead_text("The mayor", text).startswith("The mayor opened")


@pytest.mark.model
def test_quake_deaths_make_no_incident_through_the_extractor(incidents_of):
    # The rules alone take the quake's dead for an incident; the learned decision turns it down.
    assert incidents_of(*QUAKE, incident_relevance=False)
    assert incidents_of(*QUAKE) == ()


@pytest.mark.model
def test_drunk_driving_arrest_makes_no_incident_through_the_extractor(incidents_of):
    assert incidents_of(*DRUNK) == ()


@pytest.mark.model
def test_bombing_keeps_its_incident_through_the_extractor(incidents_of):
    incidents = incidents_of(*BOMBING)
    assert incidents and incidents[0].killed is not None
