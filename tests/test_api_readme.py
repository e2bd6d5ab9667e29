"""The Python API as the README shows it: the snippet runs as written, and `newsdossier.extract`
is callable whatever was imported before (the subpackage of that name used to replace the function)."""
from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ("Gunmen opened fire on a ferry queue in Port Tarnby on Monday, killing three people and "
           "wounding five, police said. A police spokesman said the attackers fled on foot.\n")
FEED = ('{"id": "feed-1", "text": "A car bomb exploded outside a court in Oskerville on Friday, '
        'wounding six people, officials said.", "published": "2024-03-22"}\n')


def readme_python() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    # the "From Python" example (other sections show how to read the exports)
    [block] = [b for b in re.findall(r"```python\n(.*?)```", readme, flags=re.S) if "extract_text" in b]
    return block


@pytest.mark.model
def test_readme_python_snippet_runs_as_written_after_the_extract_subpackage_is_imported(tmp_path, monkeypatch):
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder" / "one.txt").write_text(ARTICLE.replace("Monday", "Tuesday"), encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text(FEED, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    import newsdossier.extract.incidents  # noqa: F401  (what made `newsdossier.extract` a module)

    namespace: dict = {}
    exec(compile(readme_python(), "README.md", "exec"), namespace)
    assert namespace["record"].article.published == "2024-03-26"
    assert len(namespace["dossiers"]) >= 1


def _fresh(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          timeout=300, cwd=ROOT)


@pytest.mark.parametrize("first", ["import newsdossier.extract.incidents", "import newsdossier"])
def test_newsdossier_extract_is_callable_whatever_was_imported_first(first):
    proc = _fresh(f"""
        {first}
        import newsdossier
        from newsdossier.errors import ArgumentError
        assert callable(newsdossier.extract) and newsdossier.extract.__name__ == "newsdossier.extract"
        try:
            newsdossier.extract([123])  # checked before anything is read: no model needed
        except ArgumentError as exc:
            print("refused:", exc)
        import newsdossier.extract.incidents as incidents
        from newsdossier.extract import statements
        print(incidents.__name__, statements.__name__, newsdossier.extract_inputs.__module__)
    """)
    assert proc.returncode == 0, proc.stderr
    assert "refused: inputs[0] must be a path" in proc.stdout
    assert "newsdossier.extract.incidents newsdossier.extract.statements newsdossier.pipeline" in proc.stdout
