"""Scaled corpora for the benchmark: 1x is the bundled corpus, Nx holds N distinct versions of each document."""

from __future__ import annotations

import logging
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

from bench.variants import VariantMaker, name_lexicon

logger = logging.getLogger(__name__)

DOCUMENT_SUFFIXES = {".txt", ".md", ".pdf", ".docx", ".html", ".htm", ".eml"}


@dataclass
class ScaledCorpus:
    folder: Path
    scale: int
    files: int
    bytes: int

    @property
    def megabytes(self) -> float:
        return self.bytes / 1_000_000


def source_documents(corpus: Path) -> list[Path]:
    """The documents of a corpus folder (its README describes them and is not one)."""
    return sorted(p for p in corpus.iterdir()
                  if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES and not p.name.lower().startswith("readme"))


def build_corpus(corpus: Path, scale: int, dest: Path, seed: int = 0) -> ScaledCorpus:
    """Write the corpus at `scale` into dest (emptied first).

    Scale 1 copies the documents. Scale N writes, for every document, the original and N-1
    variants, all named `<stem>-<nnnn>.txt` with the original at a seeded position, so neither
    its name nor its place in the listing gives it away.
    """
    if scale < 1:
        raise ValueError(f"scale must be at least 1, got {scale}")
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    docs = source_documents(corpus)
    if scale == 1:
        for p in docs:
            shutil.copy2(p, dest / p.name)
        return _measure(dest, scale)
    texts = {p: p.read_text(encoding="utf-8") for p in docs if p.suffix.lower() in {".txt", ".md"}}
    skipped = sorted(p.name for p in docs if p not in texts)
    if skipped:
        logger.warning("bench corpus: only text documents are varied; skipped=%s", ",".join(skipped))
    maker = VariantMaker(name_lexicon(texts.values()), seed=seed)
    rng = random.Random(seed)
    for p, text in texts.items():
        original_at = rng.randrange(scale)
        variant = 0
        for slot in range(scale):
            if slot == original_at:
                name, body = p.stem, text
            else:
                name, body = maker.file_stem(p.stem, variant), maker.text(text, variant)
                variant += 1
            (dest / f"{name}-{slot:04d}{p.suffix}").write_text(body, encoding="utf-8")
    return _measure(dest, scale)


def _measure(folder: Path, scale: int) -> ScaledCorpus:
    files = [p for p in folder.iterdir() if p.is_file()]
    return ScaledCorpus(folder=folder, scale=scale, files=len(files), bytes=sum(p.stat().st_size for p in files))
