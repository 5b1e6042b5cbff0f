"""The version in one place: pyproject's ``version``, which CITATION.cff and the changelog
name and ``lunarbase.__version__`` reads from the package metadata."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml

from lunarbase import __version__

REPO = Path(__file__).resolve().parents[1]


def project_version() -> str:
    with (REPO / "pyproject.toml").open("rb") as f:
        return str(tomllib.load(f)["project"]["version"])


def test_citation_cff_names_this_version() -> None:
    """CITATION.cff (CFF 1.2) cites the version pyproject gives, with the fields CFF 1.2
    requires (cff-version, message, title, authors)."""
    cff = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0"
    assert cff["message"] and cff["title"] and cff["authors"]
    assert all("name" in a or "family-names" in a for a in cff["authors"])
    assert str(cff["version"]) == project_version()
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(cff["date-released"]))


def test_changelog_has_unreleased_and_this_version() -> None:
    """Keep a Changelog: an Unreleased section first, then a dated section per release, the
    newest being pyproject's version (or the Unreleased one leads up to it)."""
    text = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    releases = re.findall(r"^## \[([^\]]+)\](?: - (\d{4}-\d{2}-\d{2}))?$", text, re.MULTILINE)
    assert releases[0] == ("Unreleased", "")
    assert all(date for _, date in releases[1:])
    assert releases[1][0] == project_version()


def test_package_version_is_the_installed_metadata() -> None:
    """``lunarbase.__version__`` is the package metadata's, which pyproject writes."""
    assert __version__ == project_version()
