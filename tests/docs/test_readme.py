"""The README is the users' manual: it must list every setting and keep CI's command."""

from __future__ import annotations

from pathlib import Path

from prevgraph.settings import SETTINGS, Settings

REPO = Path(__file__).resolve().parents[2]


def test_every_setting_is_in_the_readme():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    missing = [s.env for s in SETTINGS if f"`{s.env}`" not in readme]
    assert not missing, f"README.md does not document {missing}"


def test_every_setting_has_a_field_with_the_same_default():
    defaults = Settings()
    for setting in SETTINGS:
        assert getattr(defaults, setting.name) == setting.default, setting.name


def test_ci_runs_the_readme_test_command():
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    assert ci in (REPO / "README.md").read_text(encoding="utf-8")


def test_settings_come_from_the_environment():
    settings = Settings.from_env({"PREVGRAPH_STORE": "/x.db", "PREVGRAPH_PORT": "9000"})
    assert settings.store == "/x.db" and settings.port == 9000
    assert Settings.from_env({"PREVGRAPH_STORE": "/x.db"}, store="/y.db").store == "/y.db"
