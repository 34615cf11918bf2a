"""Document text in the page: escaped, quoted sentences highlighted, no blank line inside a block."""

from __future__ import annotations

from assistant.types import Answer, Citation
from assistant.ui.render import NO_ANSWER, answer_html, highlight, quote_spans, sources_html


def test_document_text_is_escaped() -> None:
    html = highlight('<script>alert("x")</script> Bugetul este <b>mare</b>.', "")
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html


def test_quoted_sentence_is_marked_across_line_breaks() -> None:
    text = "Introducere.\nValoarea maximă este\nde 200.000 lei. Altceva."
    html = highlight(text, "Valoarea maximă este de 200.000 lei.")
    assert "<mark>Valoarea maximă este<br>de 200.000 lei.</mark>" in html
    assert html.count("<mark>") == 1


def test_several_quoted_sentences_are_each_found() -> None:
    text = "Unu doi. Trei patru. Cinci șase."
    assert quote_spans(text, "Unu doi. Cinci șase.") == [(0, 8), (21, 32)]


def test_html_in_the_quote_is_escaped_inside_the_mark() -> None:
    assert "<mark>a &lt;b&gt; c</mark>" in highlight("x a <b> c y", "a <b> c")


def test_sources_name_document_page_and_section() -> None:
    c = Citation(n=2, document="ghid.pdf", page=4, section="Eligibilitate", text="Text\n\nalt paragraf", quote="Text")
    html = sources_html([c])
    assert "[2]" in html and "ghid.pdf" in html and "pagina 4" in html and "Eligibilitate" in html
    assert "\n" not in html  # a blank line would end the HTML block in the chat's markdown


def test_abstained_answer_shows_the_romanian_message_and_no_sources() -> None:
    html = answer_html(Answer("q", "Documentele nu precizează acest lucru.", [], abstained=True))
    assert NO_ANSWER in html.replace("&quot;", '"')
    assert "Surse" not in html
