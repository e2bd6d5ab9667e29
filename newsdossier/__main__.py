"""`python -m newsdossier` is the `dossier` command."""
from .cli import app

app(prog_name="dossier")
