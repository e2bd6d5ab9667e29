"""Settings take switches and numbers as written: `allow_private = "yes"` or `batch_size = "32"` in a
config file is an error naming the key, not true or 32; integers still do for float settings."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from newsdossier.cli import app
from newsdossier.errors import SettingsError
from newsdossier.settings import Settings, load_settings


@pytest.mark.parametrize("line, key", [
    ('allow_private = "yes"', "allow_private"), ('allow_private = "true"', "allow_private"),
    ("allow_private = 1", "allow_private"), ('batch_size = "32"', "batch_size"),
    ("batch_size = true", "batch_size"), ("max_bytes = 2.5e6", "max_bytes"),
    ('read_timeout = "30"', "read_timeout"), ("connect_timeout = true", "connect_timeout"),
])
def test_settings_refuse_values_that_are_not_of_the_type(tmp_path, line, key):
    path = tmp_path / "c.toml"
    path.write_text(line + "\n")
    with pytest.raises(SettingsError) as caught:
        load_settings(path=path)
    assert str(caught.value).startswith(f"{key}: ")


def test_settings_accept_booleans_numbers_and_integers_for_floats(tmp_path):
    path = tmp_path / "c.toml"
    path.write_text("allow_private = true\nbatch_size = 8\nread_timeout = 30\nconnect_timeout = 2.5\n")
    s = load_settings(path=path)
    assert (s.allow_private, s.batch_size, s.read_timeout, s.connect_timeout) == (True, 8, 30.0, 2.5)
    assert Settings().with_(batch_size=4).batch_size == 4


def test_cli_config_with_a_quoted_boolean_exits_3_with_one_line(tmp_path):
    path = tmp_path / "c.toml"
    path.write_text('allow_private = "yes"\n')
    result = CliRunner().invoke(app, ["extract", "--config", str(path), "whatever.txt"])
    assert result.exit_code == 3
    assert result.output.strip() == "dossier: error: allow_private: Input should be a valid boolean (got 'yes')"
