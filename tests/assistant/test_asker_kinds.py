"""Kinds of chat questions an SME asks in its own words (session 7): whether it may get the money
("sunt PFA, pot lua bani la X?"), whether the window is still open ("mai pot depune?"), the voucher
and the share it pays in one sentence, a count asked as it stands (not a target or a change), a
table row's place and date cells, English report vocabulary. Every document and value is invented."""

from __future__ import annotations

import pytest
from docs_factory import index_texts

from assistant.build import build_assistant
from assistant.intent import detect_intent
from assistant.query import Query
from assistant.row_cells import row_cells_for
from assistant.service import Assistant
from assistant.values import standing_count_asked, target_or_change
from ingest.blocks import _leads_in

# A county's scheme: the first heading names the body that issues it, the scheme's quoted name is
# in the second; who may apply is said in two "Sunt eligibile ..." sentences.
SCHEME = """# Primăria Orașului Zimbrova

## Anunț – Schema de ajutor de minimis „Fântâni Curate” 2025

Primăria Orașului Zimbrova anunță lansarea schemei de ajutor de minimis „Fântâni Curate”, \
destinată refacerii fântânilor publice din comunele învecinate.

### Date principale

| Element | Detalii |
|---|---|
| Buget total al schemei | 2.170.000 lei |
| Perioada de depunere | 2 februarie 2025, ora 09:00 – 14 aprilie 2025, ora 15:00 |
| Intensitatea ajutorului | 85% |

### Cine poate aplica

Sunt eligibile microîntreprinderile cu sediul social în județul Teleorman, \
înființate cu cel puțin 8 luni înainte de depunere, care lucrează în construcții hidrotehnice. \
Sunt eligibile și persoanele fizice autorizate (PFA) înregistrate ca fântânari în registrul local al meseriilor.

Nu sunt eligibile: asociațiile, fundațiile și întreprinderile mari.

### Cheltuieli

Sunt eligibile cheltuielile cu materialele de zidărie și cu pompele manuale.
"""

VOUCHER = """# Vouchere pentru design textil 2033

Rețeaua Lânurilor Carpatine lansează apelul „Vouchere pentru design textil 2033”, pentru firmele membre.

## Valoarea voucherelor

Bugetul total disponibil pentru vouchere: 66.000 euro.
Valoarea unui voucher este de maximum 9.400 euro.
Rețeaua acoperă 78% din costul serviciilor, iar diferența de 22% este suportată de firma beneficiară.

## Ce servicii sunt acoperite

Sunt acoperite serviciile de design de colecție, prototiparea tiparelor și testarea rezistenței firelor.
"""

REPORT = """# Raport anual 2031 al rețelei Stupina

## Asociația apicultorilor din Podișul Înalt (Stupina)

### 1. Membrii rețelei

Rețeaua își propune să ajungă la 45 de membri până în 2033, prin atragerea stupinelor mici din zona de deal.

În cursul anului au aderat 6 membri noi, iar 3 membri s-au retras.

La 1 octombrie 2031, rețeaua Stupina număra 37 de membri, dintre care 29 de stupine familiale.

### 2. Rezultate

- Au fost depuse 3 cereri de brevet pentru rame de stup din lemn compozit.
- Echipa executivă numără 5 persoane.
- Au fost create 14 locuri de muncă sezoniere.

### 3. Evenimente

La evenimentele rețelei au participat, în total, peste 400 de apicultori, după cum urmează:

| Eveniment | Loc | Data | Participare |
|---|---|---|---|
| Târgul mierii de tei | Roșiori | 11–12 mai 2031 | 90 de apicultori |
| Seminarul de polenizare | Alexandria | 3 august 2031 | 45 de apicultori |
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    texts = {"anunt-fantani.md": SCHEME, "vouchere-design.md": VOUCHER, "raport-stupina.md": REPORT}
    return build_assistant(index_texts(tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("index"), texts))


def test_a_scheme_is_named_by_its_quoted_name_not_the_body_issuing_it(assistant: Assistant) -> None:
    sheet = assistant.book.calls()["anunt-fantani.md"]
    assert sheet.name == "Fântâni Curate"
    applicants = [f.value for f in sheet.fields.get("applicants", [])]
    assert any("microîntreprinderile" in v for v in applicants)
    assert any("fântânari" in v for v in applicants)
    # "Sunt eligibile cheltuielile ..." names costs, "Nu sunt eligibile: ..." who may not apply
    assert not any(v.startswith(("cheltuielile", "asociațiile")) for v in applicants), applicants


@pytest.mark.parametrize("question", ["sunt pfa din teleorman, pot aplica la fantani curate",
                                      "sunt PFA, pot lua bani la fantani curate?"])
def test_a_type_named_in_the_second_eligibility_sentence_may_apply(assistant: Assistant, question: str) -> None:
    answer = assistant.ask(question)
    assert answer.backend == "structured", answer.text
    assert "Tipul solicitantului: da" in answer.text and "fântânari" in answer.text, answer.text


@pytest.mark.parametrize("question", ["suntem ONG, putem obtine fonduri la fantani curate?",
                                      "suntem o asociatie, pot lua bani la schema fantani curate?"])
def test_getting_the_money_asks_whether_one_may_apply(assistant: Assistant, question: str) -> None:
    answer = assistant.ask(question)
    assert "Tipul solicitantului: nu" in answer.text, answer.text
    assert "2.170.000" not in answer.text


def test_getting_the_money_asks_no_sum() -> None:
    assert not detect_intent("sunt PFA, pot lua bani la apelul X?").wants("amount")
    assert detect_intent("sunt PFA, pot lua bani la apelul X?").wants("eligibility")
    assert detect_intent("cât primesc la apelul X?").wants("amount")
    assert not detect_intent("pot lua legătura cu cineva de la apel?").wants("eligibility")


@pytest.mark.parametrize("question", ["mai pot depune la fantani curate?", "mai e deschis apelul Fântâni Curate?",
                                      "se mai poate aplica la schema fantani curate?",
                                      "mai pot sa depun la fantani curate?", "mai e timp sa aplic la fantani curate?",
                                      # who the asker is does not make it an eligibility check
                                      "suntem SRL din Cluj, mai pot depune azi la fantani curate?"])
def test_still_open_is_answered_by_the_deadline(assistant: Assistant, question: str) -> None:
    answer = assistant.ask(question)
    assert "14 aprilie 2025" in answer.text and "termen expirat" in answer.text, answer.text
    assert "refacerii fântânilor" not in answer.text


def test_the_voucher_and_the_share_one_pays_both_answered(assistant: Assistant) -> None:
    answer = assistant.ask("cat e voucherul pentru design textil si cat platesc eu din el")
    assert "9.400 euro" in answer.text and "22%" in answer.text, answer.text
    assert "percent" in detect_intent("cât plătesc eu din voucher?").stated  # the share, as "cât acoperă"


def test_a_count_asked_as_it_stands_is_not_a_target_or_a_change(assistant: Assistant) -> None:
    answer = assistant.ask("cati membri are reteaua stupina")
    assert "37 de membri" in answer.text.split("[1]")[0], answer.text


def test_a_table_row_keeps_its_place_and_date_cells(assistant: Assistant) -> None:
    answer = assistant.ask("unde si cand a fost targul mierii de tei din 2031")
    assert "Roșiori" in answer.text and "11–12 mai 2031" in answer.text, answer.text


def test_a_sentence_introducing_a_table_is_read_as_text_not_as_its_title(assistant: Assistant) -> None:
    answer = assistant.ask("La cate evenimente au participat peste 400 de apicultori?")
    assert not answer.abstained
    assert all("după cum urmează" not in (c.section or "") for c in answer.citations)
    assert _leads_in("La 1 mai 2040, rețeaua avea 12 membri, astfel:")
    assert _leads_in("Bugetul se împarte după cum urmează:")
    assert not _leads_in("Tabelul 3 – Bugetul pe regiuni")


def test_english_patent_applications_reach_cereri_de_brevet(assistant: Assistant) -> None:
    answer = assistant.ask("How many patent applications did the Stupina network file in 2031?")
    assert "3 cereri de brevet" in answer.text, answer.text


def test_target_and_change_words() -> None:
    assert target_or_change("Asociația își propune să ajungă la 80 de membri.")
    assert target_or_change("Au aderat 4 membri noi.")
    assert target_or_change("Numărul de membri a crescut cu 9.")
    assert not target_or_change("La 1 martie 2040, asociația avea 61 de membri.")
    assert not target_or_change("Proiectul vizează creșterea competitivității celor 12 firme.")
    assert standing_count_asked("câți membri are asociația?")
    assert not standing_count_asked("câți membri noi au aderat?")
    assert not standing_count_asked("la câți membri își propune să ajungă asociația?")


def test_row_cells_by_the_kind_asked() -> None:
    row = "Eveniment: Expoziția de ceramică | Loc: Horezu | Data: 4 iunie 2040 | Participare: 70 de olari"
    shown = row_cells_for(Query.parse("unde s-a ținut expoziția de ceramică din 2040?"), row)
    assert "Loc: Horezu" in shown and "Data: 4 iunie 2040" in shown and "Participare" not in shown
