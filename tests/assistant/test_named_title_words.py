"""Which document a question names by a word of its title, over invented documents: a common
word a title shares with the question names the document only when the document's own text
writes it too, or when the documents write that word as a name. Every name here is made up."""

from __future__ import annotations

import pytest
from docs_factory import index_texts

from assistant.build import build_assistant
from assistant.query import Query
from assistant.service import Assistant


def _doc(title: str, body: str) -> str:
    return f"{title}\n\n{body}\n"


# An English title over a Romanian text that never writes its words: "Roman" is there only by the
# title's capitals, and "roman" is a common Romanian word (a novel) another text writes.
DOCS = {
    "roman-bridge-society.txt": _doc("Roman Bridge Society", "Asociația restaurează podurile vechi de piatră "
                                     "din valea Zăbrăuțului și organizează tabere de zidărie pentru voluntari."),
    "scriitorul-tudor-vrancea.txt": _doc("Scriitorul Tudor Vrancea", "Tudor Vrancea a scris în anul 1987 un "
                                         "roman despre pescarii din delta Nistrului, tradus apoi în patru limbi."),
    "apel-sere-hidroponice.txt": _doc("Apelul Sere Hidroponice", "Apelul finanțează construirea de sere "
                                      "hidroponice de către fermierii din zona montană."),
}


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    folders = [tmp_path_factory.mktemp(name) for name in ("named", "index")]
    return build_assistant(index_texts(*folders, DOCS))


def test_a_common_word_only_an_english_title_writes_names_no_document(assistant: Assistant) -> None:
    assert assistant.book.named(Query.parse("Ce roman despre pescari a fost tradus în patru limbi?")) == set()


def test_a_title_word_its_document_writes_still_names_it(assistant: Assistant) -> None:
    assert assistant.book.named(Query.parse("Cine poate construi sere hidroponice?")) == {"apel-sere-hidroponice.txt"}


def test_a_name_written_with_capitals_in_the_question_names_its_document(assistant: Assistant) -> None:
    assert assistant.book.named(Query.parse("Ce restaurează Roman Bridge Society?")) == {"roman-bridge-society.txt"}


def test_capitals_of_an_english_title_line_do_not_make_a_word_a_name() -> None:
    from assistant.question_names import _title_case_line

    text = "Northern and Roman Bridge Society\nPodul roman de la Vadu are trei arce."
    assert _title_case_line(text, text.find("Roman"))
    assert not _title_case_line(text, text.find("roman"))


def test_a_documents_own_postings_are_told_apart_from_the_others(assistant: Assistant) -> None:
    """The rows of a word's postings that belong to one document (in_own_text reads only those)."""
    store = assistant.store
    rows = store.bm25.postings("roman")
    mine = store.rows_of_document(rows, "scriitorul-tudor-vrancea.txt")
    chunks = store.ordered_chunks()
    assert len(mine) >= 1 and {chunks[r].document for r in mine.tolist()} == {"scriitorul-tudor-vrancea.txt"}
    assert len(store.rows_of_document(rows, "nu-exista.txt")) == 0
    assert assistant.retriever.in_own_text("scriitorul-tudor-vrancea.txt", "roman")
    assert not assistant.retriever.in_own_text("roman-bridge-society.txt", "roman")
