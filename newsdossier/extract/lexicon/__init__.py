"""One home for the vocabulary the analysis and the extractors share.

- `groups.py` (+ `groups.tsv`): known armed groups and their aliases, and matching them in text;
- `countries.py`: countries by name, with the one table of everyday aliases;
- `violence.py`: attack verbs, harm verbs, the words that tell violence happened;
- `roles.py`: nouns for weapons, perpetrators, targets and victims; nationality adjectives;
- `casualties.py`: words that report deaths and injuries, and words for people;
- `reporting.py`: reporting verbs (say, tell, claim, deny, ...) and the selections each rule uses;
- `calendar.py`: weekday names, for the incident's date and for telling one day's shooting from another's.

General knowledge, lower-cased lemmas unless a module says otherwise; never any dataset's text.
"""
