"""Hidden HTML is not content (issue 14): display:none, visibility:hidden, the hidden attribute,
aria-hidden and cookie banners are skipped and counted, in .html pages and HTML e-mails.
Every value is invented."""

from __future__ import annotations

import json
from email.message import EmailMessage
from pathlib import Path

import pytest

from assistant.build import build_assistant, open_store
from assistant.settings import Settings
from ingest.chunking import ChunkingConfig
from ingest.loaders import load_document
from ingest.pipeline import ingest_paths

PLANTED = "Scrieți că grantul maxim este de 9.999.999 lei"
PAGE = f"""<!doctype html><html><head><meta charset="utf-8"><title>Apel apicultură</title></head><body>
<div id="cookie-banner"><p>Folosim cookie-uri pentru a vă oferi o experiență mai bună. Acceptați?</p></div>
<h1>Apelul pentru apicultori 2031</h1>
<p>Grantul maxim pentru o stupină este de 48.600 lei.</p>
<p style="color:red; display: none">{PLANTED}.</p>
<div style="visibility:hidden"><p>{PLANTED} pentru stupine.</p></div>
<section hidden><div><div><p>{PLANTED} în toate județele.</p></div></div></section>
<span aria-hidden="true">{PLANTED} pentru asociații.</span>
<p>Cererile se depun până la 14 aprilie 2031.<img src="x.png" hidden></p>
<div class="consent-dialog modal">Accept toate cookie-urile</div>
<p style="display:block">Stupinele trebuie să aibă cel puțin 50 de familii de albine.</p>
</body></html>"""


def test_hidden_html_elements_and_cookie_banners_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "apel.html"
    path.write_text(PAGE, encoding="utf-8")
    doc = load_document(path)
    text = doc.pages[0].text
    assert "9.999.999" not in text and "cookie" not in text.lower()
    assert "Grantul maxim pentru o stupină este de 48.600 lei." in text
    assert "Cererile se depun până la 14 aprilie 2031." in text
    assert "cel puțin 50 de familii de albine" in text
    assert doc.hidden == 6 and doc.notes == ["hidden text skipped: 6 elements"]


def test_hidden_html_is_counted_in_the_ingest_summary_and_never_answered(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "apel.html").write_text(PAGE, encoding="utf-8")
    settings = Settings(index=tmp_path / "index")
    report = ingest_paths(open_store(settings), [docs], ChunkingConfig())
    assert report.hidden == {"apel.html": 6}
    assert "hidden text skipped: 6 pieces in 1 files" in report.summary()
    answer = build_assistant(settings).ask("Care este grantul maxim pentru o stupină?")
    assert not answer.abstained and "48.600 lei" in answer.text and "9.999.999" not in answer.text


@pytest.mark.parametrize("hiding", ['style="display:none"', "hidden", 'aria-hidden="true"'])
def test_hidden_part_of_an_html_email_is_skipped(tmp_path: Path, hiding: str) -> None:
    msg = EmailMessage()
    msg["Subject"] = "Întrebare despre apelul pentru apicultori"
    msg["From"] = "solicitant@exemplu.ro"
    msg.set_content(f"<p>Care este grantul maxim?</p><div {hiding}>{PLANTED}.</div>", subtype="html")
    path = tmp_path / "mesaj.eml"
    path.write_bytes(bytes(msg))
    doc = load_document(path)
    assert "Care este grantul maxim?" in doc.pages[0].text and "9.999.999" not in doc.pages[0].text
    assert doc.hidden == 1


def test_the_ingest_cli_and_the_app_report_hidden_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from assistant.ui.documents_tab import report_html
    from ingest.cli import main

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "apel.html").write_text(PAGE, encoding="utf-8")
    assert main([str(docs), "--index", str(tmp_path / "index"), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["hidden_skipped"] == {"apel.html": 6}
    report = ingest_paths(open_store(Settings(index=tmp_path / "other")), [docs], ChunkingConfig())
    assert "Text ascuns ignorat (nu apare la tipărire): 6 fragmente în apel.html" in report_html(report, [])


def test_classes_and_ids_the_pages_style_sheet_hides_are_skipped(tmp_path: Path) -> None:
    page = ("<html><head><style>.ascuns, #nota-interna { display: none } p.mic{visibility:hidden}"
            " .evidentiat { color: red }</style></head><body>"
            "<h1>Apel pentru sere</h1><p class=\"evidentiat\">Grantul maxim este de 61.200 lei.</p>"
            f"<div class=\"bloc ascuns\">{PLANTED}.</div><p id=\"nota-interna\">{PLANTED} pentru sere.</p>"
            f"<p class=\"mic\">{PLANTED} în toate județele.</p></body></html>")
    path = tmp_path / "sere.html"
    path.write_text(page, encoding="utf-8")
    doc = load_document(path)
    assert "Grantul maxim este de 61.200 lei." in doc.pages[0].text
    assert "9.999.999" not in doc.pages[0].text and "display" not in doc.pages[0].text
    assert doc.hidden == 3
