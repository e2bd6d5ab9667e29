"""Training entry points for the shipped models (`python -m newsdossier.train.<name>`)."""
