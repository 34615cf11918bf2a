"""OCR for PDF pages without a text layer: poppler's pdftoppm renders, tesseract reads."""

from __future__ import annotations

import functools
import logging
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

logger = logging.getLogger(__name__)

INSTALL_HINT = "apt-get install -y tesseract-ocr tesseract-ocr-ron poppler-utils"
RENDER_DPI = 300
RENDER_TIMEOUT_S = 120
OCR_TIMEOUT_S = 300


@dataclass
class OcrResult:
    texts: dict[int, str] = field(default_factory=dict)  # page number -> raw OCR text
    notes: list[str] = field(default_factory=list)


def missing_tools() -> list[str]:
    """The OCR programs not on PATH (empty when OCR can run)."""
    return [tool for tool in ("pdftoppm", "tesseract") if shutil.which(tool) is None]


@functools.lru_cache(maxsize=1)
def tesseract_language() -> str:
    """"ron" when its model is installed; else "eng", which reads Romanian without diacritics."""
    try:
        listing = subprocess.run(
            ["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30, check=True
        ).stdout
    except (OSError, subprocess.SubprocessError) as exc:
        logger.warning("tesseract_langs_failed error=%s", exc)
        return "eng"
    languages = {line.strip() for line in listing.splitlines()[1:]}
    if "ron" in languages:
        return "ron"
    logger.warning("tesseract_model_missing lang=ron fallback=eng hint=%r", INSTALL_HINT)
    return "eng"


def ocr_pdf_pages(path: Path, pages: list[int]) -> OcrResult:
    """OCR the given 1-based pages of a PDF; a page that fails is noted, not fatal."""
    result = OcrResult()
    missing = missing_tools()
    if missing:
        result.notes.append(
            f"OCR unavailable ({', '.join(missing)} not installed; {INSTALL_HINT}): "
            f"pages {_page_list(pages)} have no text layer"
        )
        logger.warning("ocr_unavailable missing=%s pages=%s", missing, pages)
        return result
    lang = tesseract_language()
    with tempfile.TemporaryDirectory(prefix="ocr-") as tmp:
        for number in pages:
            try:
                result.texts[number] = _ocr_page(path, number, Path(tmp), lang)
            except (OSError, subprocess.SubprocessError) as exc:
                logger.warning("ocr_page_failed path=%s page=%d error=%s", path, number, exc)
                result.notes.append(f"OCR failed on page {number}: {exc}")
    done = [n for n in pages if result.texts.get(n, "").strip()]
    if done:
        result.notes.append(f"OCR (tesseract, {lang}) on pages {_page_list(done)}")
    return result


def _ocr_page(pdf: Path, number: int, tmp: Path, lang: str) -> str:
    prefix = tmp / f"page-{number}"
    subprocess.run(
        ["pdftoppm", "-r", str(RENDER_DPI), "-png", "-f", str(number), "-l", str(number),
         "-singlefile", str(pdf), str(prefix)],
        capture_output=True, timeout=RENDER_TIMEOUT_S, check=True,
    )  # fmt: skip
    # One thread per process: tesseract's OpenMP threads slow it down on small machines.
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    done = subprocess.run(
        ["tesseract", f"{prefix}.png", "-", "-l", lang],
        capture_output=True, timeout=OCR_TIMEOUT_S, check=True, env=env,
    )  # fmt: skip
    logger.info("ocr_page path=%s page=%d lang=%s chars=%d", pdf, number, lang, len(done.stdout))
    return done.stdout.decode("utf-8", errors="replace")


def _page_list(pages: list[int]) -> str:
    return ", ".join(str(n) for n in pages)
