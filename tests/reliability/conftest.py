"""Fixtures of the reliability tests: PDFs with Romanian text (helpers live in reliability_helpers)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest


@pytest.fixture
def make_pdf(font: Path) -> Callable[[Path, Sequence[str]], Path]:
    """A one-page text PDF in DejaVu Sans (diacritics kept)."""
    from fpdf import FPDF

    def build(path: Path, lines: Sequence[str]) -> Path:
        pdf = FPDF(format="A4")
        pdf.add_font("dejavu", "", str(font))
        pdf.set_font("dejavu", size=11)
        pdf.add_page()
        for i, line in enumerate(lines):
            pdf.text(20, 30 + 7 * i, line)
        pdf.output(str(path))
        return path

    return build
