"""The CEAF-REE re-implementation behind `dossier bench incidents` (scoring only, no model)."""
from newsdossier.bench.incidents import count, norm, predicted_sets, summarise


def test_incidents_bench_norm_drops_articles_and_punctuation():
    assert norm("The  Zarlo-Front, ") == "zarlo front"


def test_incidents_bench_subset_rule_and_one_to_one():
    gold = {"PerpOrg": [[["zarlo front", 0], ["zf", 10]]], "Victim": [[["the mayor", 3]], [["a judge", 9]]]}
    incidents = [{"perpetrator_organizations": [{"mentions": [{"text": "ZF"}, {"text": "Zarlo Front"}]}],
                  "victims": [{"mentions": [{"text": "mayor"}, {"text": "her"}]},   # extra mention breaks it
                              {"mentions": [{"text": "the clerk"}]},                # not a gold mention
                              {"text": "a judge"}]}]                                 # text stands for mentions
    fields = {"PerpOrg": "perpetrator_organizations", "Victim": "victims"}
    totals: dict = {}
    count(gold, {r: predicted_sets(incidents, f) for r, f in fields.items()}, totals)
    result = summarise(totals)
    assert totals["PerpOrg"] == [1, 1, 1]
    assert totals["Victim"] == [1, 3, 2]
    assert result["micro"]["correct"] == 2 and result["micro"]["predicted"] == 4 and result["micro"]["gold"] == 3


def test_incidents_bench_duplicates_across_incidents_count_once():
    incidents = [{"weapons": [{"mentions": [{"text": "rifles"}]}]}, {"weapons": [{"mentions": [{"text": "Rifles"}]}]}]
    assert predicted_sets(incidents, "weapons") == [{"rifles"}]
