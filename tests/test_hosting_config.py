"""Hosting configuration (issue 8): site_url comes from SITE_URL, as the deploy workflow sets it,
and the generator reads it the same way MkDocs does. The site itself is tested under a sub-path
in tests/browser/test_hosting.py."""

from __future__ import annotations

import yaml
from mkdocs.config import load_config

from generator.config import read_mkdocs_yml


def from_mkdocs_yml(path):
    return read_mkdocs_yml(path).site_url

from .conftest import ROOT

MKDOCS_YML = ROOT / "mkdocs.yml"


def test_site_url_follows_site_url_variable_in_mkdocs_and_generator(monkeypatch):
    monkeypatch.delenv("SITE_URL", raising=False)
    assert from_mkdocs_yml(MKDOCS_YML) == ""
    assert load_config(str(MKDOCS_YML)).site_url in ("", None)
    monkeypatch.setenv("SITE_URL", "https://owner.github.io/briefing-archive")
    assert from_mkdocs_yml(MKDOCS_YML) == "https://owner.github.io/briefing-archive/"
    assert load_config(str(MKDOCS_YML)).site_url == "https://owner.github.io/briefing-archive/"


def test_env_tag_reads_the_first_set_variable_else_the_default(tmp_path, monkeypatch):
    yml = tmp_path / "mkdocs.yml"
    yml.write_text('site_url: !ENV [FIRST_URL, SECOND_URL, "https://default.example/"]\n')
    monkeypatch.delenv("FIRST_URL", raising=False)
    monkeypatch.delenv("SECOND_URL", raising=False)
    assert from_mkdocs_yml(yml) == "https://default.example/"
    monkeypatch.setenv("SECOND_URL", "https://second.example/x")
    assert from_mkdocs_yml(yml) == "https://second.example/x/"
    yml.write_text("site_url: !ENV SECOND_URL\n")
    assert from_mkdocs_yml(yml) == "https://second.example/x/"


def test_deploy_workflow_passes_the_pages_address_as_site_url():
    deploy = yaml.safe_load((ROOT / ".github" / "workflows" / "deploy.yml").read_text(encoding="utf-8"))
    steps = deploy["jobs"]["build"]["steps"]
    ids = [step.get("id") for step in steps]
    build = next(step for step in steps if "make build" in step.get("run", ""))
    assert ids.index("pages") < steps.index(build), "configure-pages must run before the build"
    assert build["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
