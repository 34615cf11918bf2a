"""Kinds of reading and value misses found on documents nobody tuned for (session 6, probe 3): a
Markdown pipe table, phones written in groups of two digits, a submission that "se încheie" on
its date, a ";"-separated list of codes asked for whole, and a PDF budget table read as one
number a line. Every value is invented."""

from __future__ import annotations

import pytest
from docs_factory import ingest_folder, write_pdf

from assistant.build import build_assistant
from assistant.facts.lines import Line
from assistant.facts.sheet import extract_sheet
from assistant.facts.store import load_records, load_sheets
from assistant.service import Assistant
from assistant.settings import Settings
from assistant.values import PHONE
from ingest.blocks import page_blocks
from ingest.cell_lines import cell_rows
from ingest.loaders.text import pipe_tables_to_rows

CLUSTER_MD = """# Clusterul Inovativ „Lână Curată” Carpați

Clusterul reunește ferme de oi, spălătorii de lână și ateliere de țesut din Carpații Orientali.

## Membri

| Membru | Localitate | Activitate |
|---|:---|---:|
| Ovina Prodlana SRL | Sfântu Gheorghe | spălarea lânii brute |
| Tors \\| Fir SRL | Bistrița | filare industrială |
| Cooperativa Stâna Mare | Sfântu Gheorghe | creșterea oilor țurcana |
| Textila Rarău SA | Câmpulung Moldovenesc | covoare țesute manual |

## Contact

Secretariat: str. Morilor nr. 12.
"""

GUIDE_TXT = "\n".join([
    "Ghidul solicitantului – Apelul „Mori de Apă 2031”",
    "",
    "1. Obiectiv",
    "Apelul finanțează restaurarea morilor de apă tradiționale din zona montană.",
    "",
    "2. Calendar",
    "Depunerea cererilor în platformă începe la 11 martie 2031, ora 09:30, și se încheie la 23 mai 2031, ora 15:00.",
    "",
    "3. Coduri CAEN eligibile",
    "Investiția trebuie să privească una dintre activitățile CAEN: 1623 – Fabricarea altor produse din lemn; "
    "1610 – Tăierea și rindeluirea lemnului; 3319 – Repararea altor echipamente.",
    "",
    "4. Contact",
    "Informații: biroul de asistență, telefon 0265 31 42 77, de luni până joi.",
    "",
])

# A budget table as a PDF dump prints it: one cell a line (a wrapped label on two lines).
BUDGET_LINES = [
    "Anexa 2 – Bugetul proiectului „Cerlux” pe ani", "Categoria", "2030", "2031", "Total", "(euro)",
    "Personal de cercetare", "41.500", "52.250", "93.750",
    "Echipamente de", "laborator", "18.000", "6.400", "24.400",
    "Deplasări", "2.300", "3.100", "5.400",
    "TOTAL", "61.800", "61.750", "123.550",
]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    folder = tmp_path_factory.mktemp("docs")
    (folder / "cluster-lana-curata.md").write_text(CLUSTER_MD, encoding="utf-8")
    (folder / "ghid-mori-de-apa.txt").write_text(GUIDE_TXT, encoding="utf-8")
    write_pdf(folder / "anexa-buget-cerlux.pdf", [["\n".join(BUDGET_LINES), "Notă: sumele pentru 2031 sunt estimate."]])
    settings = Settings(index=tmp_path_factory.mktemp("index"))
    ingest_folder(settings, folder)
    return build_assistant(settings)


def test_a_markdown_pipe_table_is_read_as_rows_under_its_header() -> None:
    rows = pipe_tables_to_rows(CLUSTER_MD)
    assert "Tors | Fir SRL\tBistrița\tfilare industrială" in rows and "|---|" not in rows
    tables = [b.text for b in page_blocks(rows) if b.kind == "table"]
    assert tables and tables[0].split("\n")[2] == (
        "Membru: Cooperativa Stâna Mare | Localitate: Sfântu Gheorghe | Activitate: creșterea oilor țurcana")
    # a pipe line with no delimiter line under it is text
    assert pipe_tables_to_rows("Cost | beneficiu\nalt rând | aici") == "Cost | beneficiu\nalt rând | aici"


def test_markdown_table_rows_are_records_and_quoted_whole(built: Assistant) -> None:
    records = [r for r in load_records(built.store) if r.document == "cluster-lana-curata.md"]
    assert {r.fields.get("localitate") for r in records} == {"Sfântu Gheorghe", "Bistrița", "Câmpulung Moldovenesc"}
    answer = built.ask("Din ce localitate este Textila Rarău SA?")
    assert "Membru: Textila Rarău SA | Localitate: Câmpulung Moldovenesc" in answer.text, answer.text
    assert "| Membru |" not in answer.text


@pytest.mark.parametrize(("text", "phone"), [
    ("telefon 0265 31 42 77, luni", "0265 31 42 77"),
    ("tel. 031 405 18 62.", "031 405 18 62"),
    ("mobil 0744.21.98.03", "0744.21.98.03"),
    ("tel: +40 (0)259 47 11 05", "+40 (0)259 47 11 05"),
    ("tel 0040 368 112 233", "0040 368 112 233"),
    ("fax 0236-412-903", "0236-412-903"),
    ("0731905417", "0731905417"),
])
def test_phones_in_groups_of_two_to_four_digits_are_read(text: str, phone: str) -> None:
    m = PHONE.search(text)
    assert m is not None and m.group() == phone


@pytest.mark.parametrize("text", ["pe 03.04.2031 10:00", "cod 0123 456 789", "0265 31 42 77 18 (11 cifre)"])
def test_dates_and_numbers_of_other_lengths_are_no_phones(text: str) -> None:
    assert PHONE.search(text) is None


def _sheet(text: str) -> dict[str, list[dict[str, object]]]:
    sheet = extract_sheet("doc.txt", "Titlu", [Line(text, 1, None, "c1", text, "text")])
    return {k: [f.normalized for f in v] for k, v in sheet.fields.items() if k in ("deadline", "submission_period")}


@pytest.mark.parametrize(("line", "fields"), [
    ("Înscrierea în aplicație începe la 4 iunie 2031, ora 10:00, și se încheie la 9 iulie 2031, ora 18:00.",
     {"submission_period": [{"start": "2031-06-04", "end": "2031-07-09", "end_hour": "18:00"}],
      "deadline": [{"date": "2031-07-09", "hour": "18:00"}]}),
    ("Depunerea proiectelor se închide la 21.10.2031.", {"deadline": [{"date": "2031-10-21", "hour": None}]}),
    ("Sesiunea de depunere expiră pe 2 decembrie 2031, ora 12:00.",
     {"deadline": [{"date": "2031-12-02", "hour": "12:00"}]}),
    ("Depunerea cererilor se încheie la 14 august 2031, iar evaluarea începe la 1 septembrie 2031.",
     {"deadline": [{"date": "2031-08-14", "hour": None}]}),
    ("Apelul se deschide la 6 ianuarie 2031.",
     {"submission_period": [{"start": "2031-01-06", "end": None, "end_hour": None}]}),
])
def test_a_submission_that_closes_or_opens_on_a_date_gives_its_deadline_or_start(
        line: str, fields: dict[str, list[dict[str, object]]]) -> None:
    assert _sheet(line) == fields


def test_the_closing_date_and_the_phone_answer(built: Assistant) -> None:
    sheet = {s.document: s for s in load_sheets(built.store)}["ghid-mori-de-apa.txt"]
    assert sheet.first("deadline").normalized == {"date": "2031-05-23", "hour": "15:00"}
    assert sheet.first("contact_phone").value == "0265 31 42 77"
    answer = built.ask("Care este termenul limită de depunere la apelul Mori de Apă 2031?")
    assert "23 mai 2031" in answer.text.split("[1]")[0], answer.text


def test_a_list_on_one_line_is_quoted_with_every_item(built: Assistant) -> None:
    answer = built.ask("Ce coduri CAEN sunt eligibile la apelul Mori de Apă 2031?")
    head = answer.text.split("[1]")[0]
    assert all(code in head for code in ("1623", "1610", "3319")), answer.text


def test_a_table_printed_one_cell_a_line_is_read_as_rows_under_its_header() -> None:
    (run,) = cell_rows(BUDGET_LINES)
    assert run.header and (run.start, run.end) == (1, len(BUDGET_LINES))
    assert run.rows[0] == "Categoria\t2030\t2031\tTotal (euro)"
    assert run.rows[2] == "Echipamente de laborator\t18.000\t6.400\t24.400"
    table = next(b.text for b in page_blocks("\n".join(BUDGET_LINES)) if b.kind == "table")
    assert table.split("\n")[-1] == "Categoria: TOTAL | 2030: 61.800 | 2031: 61.750 | Total (euro): 123.550"
    # figures in prose, or fewer than three rows of them, stay text
    assert cell_rows(["Buget", "12.000", "Durata", "14", "18"]) == []
    # no header above: each row "label figure ..."
    (plain,) = cell_rows(BUDGET_LINES[6:])
    assert not plain.header and plain.rows[-1] == "TOTAL 61.800 61.750 123.550"


def test_the_total_row_of_a_broken_up_table_answers_the_total(built: Assistant) -> None:
    answer = built.ask("Care este bugetul total al proiectului Cerlux?")
    assert "123.550" in answer.text.split("\n\n")[0], answer.text


def test_a_total_row_is_no_record_to_rank(built: Assistant) -> None:
    answer = built.ask("Care categorie are cel mai mare total în bugetul proiectului Cerlux?")
    assert answer.backend == "structured" and "Personal de cercetare" in answer.text.split("\n")[0], answer.text


def test_the_first_columns_noun_counts_the_records(built: Assistant) -> None:
    # "Membru" heads the column naming the records: "câți membri" counts rows, not one value
    answer = built.ask("Câți membri din Sfântu Gheorghe are clusterul Lână Curată?")
    head = answer.text.split("\n")[0]
    assert answer.backend == "structured" and "2 înregistrări" in head and "Localitate: Sfântu Gheorghe" in head, head
    assert "Ovina Prodlana SRL" in answer.text and "Cooperativa Stâna Mare" in answer.text
