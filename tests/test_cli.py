"""The command line: every command documented with --help, exit codes, one line per bad input."""
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsdossier.cli import app

runner = CliRunner()
COMMANDS = [c.name or c.callback.__name__ for c in app.registered_commands]


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_every_command_has_help(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output and len(result.output) > 200


def test_cli_extract_help_documents_exit_codes():
    result = runner.invoke(app, ["extract", "--help"])
    assert "Exit codes" in result.output


def test_cli_readme_mentions_every_command():
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    for command in COMMANDS:
        assert f"dossier {command}" in readme, command


def _dossier(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "newsdossier", *args], input=stdin,
                          capture_output=True, text=True, timeout=300)


@pytest.mark.model
def test_cli_extract_good_and_bad_inputs_exit_1_with_one_line_each(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Gunmen killed 3 people at a bus stop in Arvane on Monday, police said.\n")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = _dossier("extract", str(good), str(empty), str(tmp_path / "missing.txt"),
                      "--format", "jsonl", "--published", "2025-05-07", "--no-progress")
    assert result.returncode == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 1 and records[0]["article"]["published"] == "2025-05-07"
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 2
    assert any("empty.txt" in e for e in errors) and any("missing.txt" in e for e in errors)
    assert "Traceback" not in result.stderr


def test_cli_extract_bad_published_date_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["extract", "x.txt", "--published", "last tuesday"])
    assert result.exit_code == 2


def test_cli_extract_unknown_model_says_so_and_exits_3(tmp_path):
    (tmp_path / "a.txt").write_text("Gunmen attacked a village in Oslen, officials said.")
    result = _dossier("extract", str(tmp_path / "a.txt"), "--model", "no_such_pipeline_xx")
    assert result.returncode == 3
    assert "no_such_pipeline_xx" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.model
def test_cli_extract_bad_folder_names_each_bad_input_and_goes_on(bad_folder):
    result = _dossier("extract", str(bad_folder), "--format", "jsonl", "--no-progress")
    assert result.returncode == 1
    sources = sorted(json.loads(line)["article"]["source"] for line in result.stdout.splitlines())
    assert len(sources) == 5 and any(s.endswith("good.txt") for s in sources)
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 6, errors
    for name in ("image.png", "empty.txt", "huge.txt", "scripts.html", "batch.jsonl", "link.txt"):
        assert sum(name in e for e in errors) == 1, name
    assert "Traceback" not in result.stderr
