"""Many articles, one dossier: grouping articles into incidents (`grouping`), spotting copies of one
story (`duplicates`), merging each group's records with the evidence for every choice (`merge`),
and printing dossiers (`render`)."""
