"""Plain data passed between ingest, the store, retrieval and the answerers."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any


@dataclass(frozen=True)
class Page:
    """One page of a loaded document (number is None for formats without pages).

    The text follows one convention whatever the source format, so the chunker sees one
    shape: paragraphs separated by blank lines, headings as lines starting with "#"
    (markdown style, "#" to "######"), table rows as tab-separated lines with the header
    row first.
    """

    number: int | None
    text: str


@dataclass(frozen=True)
class LoadedDocument:
    """A file read into pages, before chunking."""

    name: str  # file name, the document's identity in the index
    path: str
    title: str
    kind: str  # "pdf", "docx", "txt", "md", "html", "eml"
    sha256: str
    pages: list[Page]
    notes: list[str] = field(default_factory=list)  # e.g. "OCR on pages 2, 3"
    hidden: int = 0  # pieces of hidden text the reader skipped (not content)


@dataclass
class Chunk:
    """The retrieval unit: a small passage that still knows where it sits."""

    id: str
    document: str
    title: str
    page: int | None
    section: str | None
    text: str  # the passage itself, as shown and quoted
    # The block of about window_tokens around the passage, read by fact extraction while the
    # document is ingested (assistant/facts/lines.py); not saved: empty on chunks loaded from the index.
    window: str
    ordinal: int  # position within the document
    kind: str = "text"  # "text" or "table"
    lead: str = ""  # the opening words of the section, when this chunk is further down it
    carried: str = ""  # the opening text repeated from the previous chunk (another section's)
    headings: str = ""  # the heading lines inside the text, one a line

    def context(self) -> str:
        """Where the passage sits: document title, heading path, the section's opening."""
        return " / ".join(p for p in (self.document_context(), self.section, self.lead) if p)

    def document_context(self) -> str:
        """What the whole document is: its title and a descriptive file name."""
        return " / ".join(p for p in (self.title, _name_words(self.document)) if p)

    def indexed_text(self) -> str:
        """What the retrievers see: the passage with its context."""
        head = self.context()
        return f"{head}\n{self.text}" if head else self.text

    def metadata(self) -> dict[str, Any]:
        return {
            "document": self.document,
            "title": self.title,
            "page": self.page if self.page is not None else -1,
            "section": self.section or "",
            "window": self.window,
            "ordinal": self.ordinal,
            "kind": self.kind,
            "lead": self.lead,
            "carried": self.carried,
            "headings": self.headings,
        }

    @classmethod
    def from_metadata(cls, chunk_id: str, text: str, meta: dict[str, Any]) -> Chunk:
        page = meta.get("page", -1)
        return cls(
            id=chunk_id,
            document=str(meta.get("document", "")),
            title=str(meta.get("title", "")),
            page=None if page in (-1, None) else int(page),
            section=str(meta.get("section") or "") or None,
            text=text,
            window=str(meta.get("window", "")),
            ordinal=int(meta.get("ordinal", 0)),
            kind=str(meta.get("kind", "text")),
            lead=str(meta.get("lead", "")),
            carried=str(meta.get("carried", "")),
            headings=str(meta.get("headings", "")),
        )


@lru_cache(maxsize=4096)  # every document's, for the titles of the calls an answer lists
def _name_words(file_name: str) -> str:
    """A descriptive file name ("ghid-solicitant-clustere-2024.pdf") says what the document is;
    a generated one ("000_d45f40b3.txt") says nothing and is left out."""
    stem = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", file_name)
    words = [w for w in re.split(r"[\W_]+", stem) if w]
    real = [w for w in words if w.isalpha() and len(w) >= 3]
    return " ".join(words) if len(real) >= 2 else ""


def title_names(question: str, token: str, title: str) -> bool:
    """The question writes the title's very word giving `token`, and one more of its words, case
    and diacritics aside: a name a title alone writes, in lower case ("apel pentru sere solare
    verzi" named by "la apelul solare verzi"). One word alike may be a common one, or the same
    word in two languages (an English title's word in a Romanian question)."""
    from assistant.text import fold, index_tokens, stopwords

    own = set(re.findall(r"\w{3,}", fold(title))) - stopwords()
    asked = set(re.findall(r"\w+", fold(question)))
    shared = asked & own
    return len(shared) >= 2 and any(token in index_tokens(w) for w in shared)


@dataclass
class Passage:
    """A retrieved chunk with its fused score."""

    chunk: Chunk
    score: float
    document_coverage: float = 1.0  # of the question's names by the passage's whole document
    name_coverage: float = 1.0  # of the question's names by the passage with its context
    features: tuple[float, ...] = ()  # relevance.PASSAGE_FEATURES of the rerank (empty when not reranked)


@dataclass
class Citation:
    n: int
    document: str
    page: int | None
    section: str | None
    text: str
    quote: str = ""  # the sentences quoted from this passage, for highlighting
    title: str = ""  # the document's own title, filled in by the service (assistant.titles)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Answer:
    """What every answerer returns; `to_json` is the contract in DESIGN.md."""

    question: str
    text: str
    citations: list[Citation]
    abstained: bool
    retrieved: list[Passage] = field(default_factory=list)
    timings_ms: dict[str, float] = field(default_factory=dict)
    backend: str = "extractive"
    notice: str | None = None

    def to_json(self, qid: str | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if qid is not None:
            out["id"] = qid
        out.update(
            question=self.question,
            answer=self.text,
            abstained=self.abstained,
            citations=[c.to_json() for c in self.citations],
            retrieved=[
                {
                    "document": p.chunk.document,
                    "page": p.chunk.page,
                    "section": p.chunk.section,
                    "text": p.chunk.text,
                    "score": round(p.score, 6),
                }
                for p in self.retrieved
            ],
            timings_ms={k: round(v, 2) for k, v in self.timings_ms.items()},
            backend=self.backend,
        )
        if self.notice:
            out["notice"] = self.notice
        return out
