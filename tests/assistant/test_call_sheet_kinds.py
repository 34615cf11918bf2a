"""Kinds of fact-sheet misses found on call documents nobody tuned for (session 6): a submission
window under a deadline heading, a reserved part of the budget beside its total, the own share of
any applicant taken for the funding rate, a phone after "telefonic", a poster's "Grant maxim /
proiect" and "min. 20%" lines, the contact person asked with the phone, and a deadline line that
writes the window's opening first. Every value is invented."""

from __future__ import annotations

from pathlib import Path

import pytest
from docs_factory import ingest_folder, write_pdf

from assistant.build import build_assistant
from assistant.facts.lines import Line
from assistant.facts.sheet import CallSheet, extract_sheet
from assistant.facts.store import load_sheets
from assistant.service import Assistant
from assistant.settings import Settings


def _sheet(*texts: str) -> CallSheet:
    return extract_sheet("doc.txt", "Titlu", [Line(t, 1, None, "c1", t, "text") for t in texts])


GUIDE_PAGES = [[
    "GHIDUL SOLICITANTULUI",
    "Apelul de proiecte „Ateliere Ceramice 2031”",
    "1. Bugetul apelului",
    "Bugetul alocat apelului este de 4.260.000 euro, din care 3.620.000 euro reprezintă contribuția FEDR. "
    "Din alocarea totală, suma de 1.150.000 euro este destinată proiectelor din zona montană.",
    "2. Solicitanți eligibili",
    "Pot depune cereri de finanțare atelierele meșteșugărești de ceramică cu sediul în regiunea Nord-Vest.",
    "3. Cofinanțare",
    "Intensitatea maximă a finanțării nerambursabile este de 88% din cheltuielile eligibile. Rata de "
    "cofinanțare a solicitantului este de minimum 12% din valoarea eligibilă a proiectului.",
    "4. Calendarul apelului",
    "Cererile de finanțare se depun electronic începând cu data de 3 februarie 2031, ora 09:00. "
    "Termenul limită de depunere este 14 aprilie 2031, ora 16:00.",
    "5. Contact",
    "Întrebările se transmit la adresa ceramica@adr-exemplu.ro sau telefonic la 0263 417 905, în zilele lucrătoare.",
]]


def _notice_docx(path: Path) -> None:
    import docx

    doc = docx.Document()
    doc.add_heading("Apelul de proiecte „Rețele de Apicultori” – Sesiunea 2031", 1)
    doc.add_paragraph("Apelul finanțează rețelele de apicultori acreditate, cu o alocare totală de 9.400.000 lei.")
    doc.add_heading("Solicitanți eligibili", 2)
    doc.add_paragraph("Pot solicita finanțare entitățile de management ale rețelelor de apicultori, în parteneriat "
                      "cu membrii acestora. Contribuția proprie a entității de management este de minimum 7% din "
                      "valoarea eligibilă.")
    doc.add_heading("Termen de depunere", 2)
    doc.add_paragraph("Cererile de finanțare se depun în perioada 5 iunie 2031, ora 09:00 – 22 iulie 2031, ora 15:00, "
                      "prin platforma electronică a autorității.")
    doc.add_heading("Informații suplimentare", 2)
    doc.add_paragraph("Persoană de contact: Sorina Vlădescu, consilier. E-mail: apicultori@am-exemplu.ro, "
                      "telefon 021 555 0187.")
    doc.save(str(path))


BROCHURE = """LIVEZI DIGITALE 2031

Buget total al apelului 1,7 mil. euro
Grant maxim / proiect 62.000 euro
Grant minim / proiect 9.000 euro
Cofinanțare proprie min. 30%
Termen-limită 19.09.2031, ora 13:00

CINE POATE APLICA

Pomicultorii și asociațiile de pomicultori cu livezi în județele Argeș sau Vâlcea.

CONTACT

livezi@gal-exemplu.ro | tel. 0248 600 712
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Assistant, dict[str, CallSheet]]:
    folder = tmp_path_factory.mktemp("docs")
    write_pdf(folder / "ghid-ateliere-ceramice.pdf", GUIDE_PAGES)
    _notice_docx(folder / "anunt-retele-apicultori.docx")
    (folder / "brosura-livezi-digitale.md").write_text(BROCHURE, encoding="utf-8")
    settings = Settings(index=tmp_path_factory.mktemp("index"))
    ingest_folder(settings, folder)
    assistant = build_assistant(settings)
    return assistant, {s.document: s for s in load_sheets(assistant.store)}


@pytest.fixture(scope="module")
def assistant(built: tuple[Assistant, dict[str, CallSheet]]) -> Assistant:
    return built[0]


@pytest.fixture(scope="module")
def sheets(built: tuple[Assistant, dict[str, CallSheet]]) -> dict[str, CallSheet]:
    return built[1]


def test_a_submission_window_under_a_deadline_heading_closes_on_its_last_day(
        assistant: Assistant, sheets: dict[str, CallSheet]) -> None:
    deadline = sheets["anunt-retele-apicultori.docx"].first("deadline")
    assert deadline is not None and deadline.normalized == {"date": "2031-07-22", "hour": "15:00"}
    answer = assistant.ask("Până când se depun cererile la apelul Rețele de Apicultori?")
    head = answer.text.split("[1]")[0]
    assert "22 iulie 2031, ora 15:00" in head and "5 iunie" not in head, answer.text


@pytest.mark.parametrize(("line", "deadline"), [
    ("Termen de depunere: în perioada 02.03.2031 – 17.04.2031, ora 14:00", {"date": "2031-04-17", "hour": "14:00"}),
    ("Data limită: cererile se primesc între 4 mai 2031 și 29 mai 2031.", {"date": "2031-05-29", "hour": None}),
    # two days joined by "și" without "între" are two days, not a window
    ("Termen de depunere: 15 mai 2031 și 30 iunie 2031 pentru sesiunea a doua.", {"date": "2031-05-15", "hour": None}),
])
def test_a_deadline_labels_window_closes_on_its_last_day(line: str, deadline: dict[str, object]) -> None:
    assert _sheet(line).first("deadline").normalized == deadline


def test_a_reserved_part_of_the_budget_is_not_the_calls_allocation(
        assistant: Assistant, sheets: dict[str, CallSheet]) -> None:
    allocation = sheets["ghid-ateliere-ceramice.pdf"].fields["allocation"]
    assert [f.normalized["amount"] for f in allocation] == [4260000.0]
    answer = assistant.ask("Care este bugetul apelului Ateliere Ceramice?")
    assert "4.260.000 euro" in answer.text and "1.150.000" not in answer.text.split("[1]")[0], answer.text


def test_a_question_about_the_reserved_part_is_not_answered_with_the_total(assistant: Assistant) -> None:
    answer = assistant.ask("Cât din buget este destinat proiectelor din zona montană la Ateliere Ceramice?")
    assert "1.150.000 euro" in answer.text.split("[1]")[0], answer.text


@pytest.mark.parametrize(("line", "rate", "share"), [
    ("Rata de cofinanțare a solicitantului este de minimum 12% din valoarea eligibilă.", 88.0, 12.0),
    ("Contribuția proprie a entității de management este de minimum 7% din valoarea eligibilă.", 93.0, 7.0),
    ("Rata de cofinanțare a liderului de parteneriat este de 4% din valoarea eligibilă.", 96.0, 4.0),
    ("Cofinanțarea partenerilor este de minimum 6% din bugetul proiectului.", 94.0, 6.0),
    ("Cofinanțare proprie min. 30%", 70.0, 30.0),
])
def test_any_applicants_own_contribution_is_a_share_not_the_funding_rate(line: str, rate: float, share: float) -> None:
    facts = _sheet(line).fields["funding_rate"]
    assert [(f.normalized, f.extra.get("own_share")) for f in facts] == [(rate, share)]


def test_the_programmes_co_financing_rate_is_still_the_funding_rate() -> None:
    facts = _sheet("Rata de cofinanțare UE este de 83% din cheltuielile eligibile.").fields["funding_rate"]
    assert [(f.normalized, f.extra.get("own_share")) for f in facts] == [(83.0, None)]


def test_a_guides_own_share_sentence_answers_what_the_applicant_covers(assistant: Assistant) -> None:
    answer = assistant.ask("Cât trebuie să asigure solicitantul la apelul Ateliere Ceramice?")
    assert "12%" in answer.text.split("[1]")[0] and "cofinanțarea proprie" in answer.text, answer.text


@pytest.mark.parametrize("line", ["Clarificări telefonic la 0263 417 905, de luni până joi.",
                                  "Detalii: tel. 0263 417 905", "Telefoane utile: 0263 417 905"])
def test_any_form_of_telefon_before_a_number_is_a_phone_cue(line: str) -> None:
    assert [f.value for f in _sheet(line).fields["contact_phone"]] == ["0263 417 905"]


def test_a_posters_grant_per_project_and_own_share_lines(sheets: dict[str, CallSheet]) -> None:
    sheet = sheets["brosura-livezi-digitale.md"]
    values = sorted((f.normalized["bound"], f.normalized["amount"]) for f in sheet.fields["project_value"])
    assert values == [("max", 62000.0), ("min", 9000.0)]
    assert [(f.normalized, f.extra.get("own_share")) for f in sheet.fields["funding_rate"]] == [(70.0, 30.0)]
    assert sheet.first("contact_phone").value == "0248 600 712"


def test_the_grant_of_a_project_is_not_the_calls_budget(assistant: Assistant) -> None:
    answer = assistant.ask("Cât este grantul maxim la Livezi Digitale?")
    assert "62.000 euro" in answer.text.split("[1]")[0] and "1,7 mil" not in answer.text.split("[1]")[0]


@pytest.mark.parametrize("question", ["Care e persoana de contact la apelul Rețele de Apicultori și ce telefon are?",
                                      "Ce telefon are persoana de contact la Rețele de Apicultori?"])
def test_a_question_for_the_contact_person_and_phone_gets_both(assistant: Assistant, question: str) -> None:
    head = assistant.ask(question).text.split("\n\n")[0]
    assert "Sorina Vlădescu" in head and "021 555 0187" in head, head


def test_a_contact_person_is_read_after_its_label(sheets: dict[str, CallSheet]) -> None:
    assert sheets["anunt-retele-apicultori.docx"].first("contact_person").value == "Sorina Vlădescu"
    assert _sheet("Persoana de contact este doamna Ilinca Toma-Radu, la sediul agenției.").first(
        "contact_person").value == "Ilinca Toma-Radu"
    assert "contact_person" not in _sheet("Contactați persoana de la ghișeu pentru detalii.").fields


@pytest.mark.parametrize("question", ["care sunt termenele de depunere?",
                                      "Care este termenul limită de depunere a cererilor de finanțare?"])
def test_an_unnamed_deadline_question_gives_each_calls_deadline(assistant: Assistant, question: str) -> None:
    answer = assistant.ask(question)
    assert "14 aprilie 2031" in answer.text and "3 februarie" not in answer.text, answer.text
    assert "22 iulie 2031" in answer.text and "5 iunie" not in answer.text
    assert "19.09.2031" in answer.text


def test_an_unnamed_contact_question_gives_the_contacts_it_names(assistant: Assistant) -> None:
    answer = assistant.ask("Care e numărul de telefon?")
    assert all(p in answer.text for p in ("0263 417 905", "021 555 0187", "0248 600 712")), answer.text
    assert "@" not in answer.text.split("\n\n")[0]


def test_a_periods_two_ends_share_the_label_before_it() -> None:
    # (the last one also takes what its sentence says after it: ", ora 12:00")
    from assistant.facts.siblings import labelled_values

    values = labelled_values("Cererile se depun în perioada 2 mai 2031, ora 10:00 – 9 iunie 2031, ora 12:00.", "date")
    assert len(values) == 2 and values[0][1] <= values[1][1] and "perioad" in values[1][1]
