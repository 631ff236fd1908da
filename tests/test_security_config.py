"""The configuration that the security guarantees rest on (SECURITY.md): no Markdown extension or
plugin that reads files or runs templates, the theme overrides in place, and Material's partials
unchanged since they were copied into overrides/ (an upgrade must be reviewed, not absorbed)."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import material
import pytest

from tests.hostile import ROOT, mkdocs_config

MATERIAL = Path(material.__file__).parent / "templates"
OVERRIDDEN = {
    "partials/javascripts/base.html": "d6113712bc4deb30b4bd810ee0dfc28b6f04d2f88cc0016c0f1766eac7b762b6",
    "partials/javascripts/palette.html": "8790389765ea6036effddba548b15093bb05bdc75624eaeaf8b13f3c24be4ab5",
    "partials/javascripts/content.html": "3722e156f0f6339de39fbbfc178b6e401d1a4fb890f189ac5b80c2504bda7dcf",
    "partials/source.html": "6847616d67be4920d39c278c2799bf20222bbc02ee2a8393aca85e3eaa518752",
    "fragments/tags/default/listing.html": "93d20bc3c64a84de35203564a2e4e98c85679917e2bdd04dbff14655fde053d4",
    # not for security: tags after the content (not above the headline) and by their last level
    "partials/content.html": "ce33929c85af129f6e2f3b0aed47159e9c4a519482d1938bae15f5ff4a3cfae5",
    "partials/tags.html": "166225609857c8536fc2cd3da99ba1b7513df8b57d6613a0303bba44a11b9fba",
    "fragments/tags/default/tag.html": "1883eaa46e05be69fc9022ba16422ebb1ec9db89d7d40e29087686941c54a53e",
    "partials/toc-item.html": "418f31ce2e6d559934f610084a5c8493f9618b96268909601552ac48aa0c15c2",
}
"""Material templates that overrides/ replaces, with the SHA-256 of the version they replace."""

FILE_READING = re.compile(r"snippets|include|macros|mdx_include|markdown_include|exec|jinja", re.I)


def test_no_extension_or_plugin_reads_files_or_runs_templates():
    config = mkdocs_config()
    extensions = [e if isinstance(e, str) else type(e).__module__ for e in config["markdown_extensions"]]
    assert not [e for e in extensions if FILE_READING.search(e)], extensions
    plugins = list(config["plugins"].keys())
    assert not [p for p in plugins if FILE_READING.search(p)], plugins


def test_theme_overrides_are_used():
    config = mkdocs_config()
    assert Path(config["theme"].custom_dir).resolve() == (ROOT / "overrides").resolve()


@pytest.mark.parametrize("name", sorted(OVERRIDDEN))
def test_material_partials_we_replace_are_the_reviewed_version(name):
    digest = hashlib.sha256((MATERIAL / name).read_bytes()).hexdigest()
    assert digest == OVERRIDDEN[name], (
        f"Material's {name} changed: compare it with overrides/{name} (and the script it moved to "
        "overrides/assets/javascripts/, if any), carry the change over without inline script or "
        "style, then record the new SHA-256 here")
    assert (ROOT / "overrides" / name).is_file()


def test_policy_forbids_inline_script_and_style():
    template = (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")
    policy = re.search(r'http-equiv="Content-Security-Policy" content="(.*?)">', template).group(1)
    assert "unsafe-inline" not in policy and "'unsafe-eval'" not in policy and "*" not in policy
    assert policy.startswith("default-src 'none';")
    for directive in ("script-src 'self'", "style-src 'self'", "base-uri 'none'", "object-src 'none'"):
        assert directive in policy
