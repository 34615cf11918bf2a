"""Every setting is documented: a description in the code and a row in the README."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.settings import Settings

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(Settings.model_fields))
def test_setting_is_described_and_in_the_readme(name: str) -> None:
    assert Settings.model_fields[name].description, f"{name} has no description"
    assert f"ASSISTANT_{name.upper()}" in README, f"ASSISTANT_{name.upper()} missing from README.md"
