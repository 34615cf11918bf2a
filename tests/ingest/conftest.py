"""Fixtures that build the documents the loader tests read: PDFs, DOCX, scanned pages."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

# A placement is (x mm, y mm, text); a page is a list of placements.
Placement = tuple[float, float, str]
PdfBuilder = Callable[..., Path]


@pytest.fixture
def make_pdf(tmp_path: Path, font: Path) -> PdfBuilder:
    """Write a PDF whose pages hold text at given positions, in DejaVu Sans (diacritics)."""
    from fpdf import FPDF

    def build(
        pages: Sequence[Sequence[Placement]],
        name: str = "apel.pdf",
        title: str | None = None,
        size: float = 11,
    ) -> Path:
        pdf = FPDF(format="A4")
        pdf.add_font("dejavu", "", str(font))
        pdf.set_font("dejavu", size=size)
        if title:
            pdf.set_title(title)
        for placements in pages:
            pdf.add_page()
            for x, y, text in placements:
                pdf.text(x, y, text)
        path = tmp_path / name
        pdf.output(str(path))
        return path

    return build


@pytest.fixture
def lines_at() -> Callable[..., list[Placement]]:
    """Placements for lines of text stacked from (x, y) with a fixed line height."""

    def place(x: float, y: float, lines: Sequence[str], step: float = 6.0) -> list[Placement]:
        return [(x, y + i * step, line) for i, line in enumerate(lines)]

    return place


@pytest.fixture
def make_scanned_pdf(tmp_path: Path, font: Path) -> Callable[[Sequence[str]], Path]:
    """An image-only PDF: the lines are drawn into a PNG-like raster, no text layer."""
    from PIL import Image, ImageDraw, ImageFont

    def build(lines: Sequence[str]) -> Path:
        dpi = 150
        image = Image.new("RGB", (int(8.27 * dpi), int(11.69 * dpi)), "white")
        draw = ImageDraw.Draw(image)
        face = ImageFont.truetype(str(font), 36)
        for i, line in enumerate(lines):
            draw.text((120, 150 + i * 70), line, fill="black", font=face)
        path = tmp_path / "scanat.pdf"
        image.save(path, "PDF", resolution=float(dpi))
        return path

    return build
