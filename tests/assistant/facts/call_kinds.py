"""Invented calls of the kinds real call documents come in, written by the tests: a call page of an
aggregator (label rows), an eligibility summary (numbered sections), a DOCX voucher call with an
aid-intensity table by county and size, a two-column PDF brochure, a PDF guide whose applicant list
is cut by line breaks, and a report that states money but is no call. Every figure is made up."""

from __future__ import annotations

from pathlib import Path

from docs_factory import label_table_docx

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

AGGREGATOR_MD = """# Tineri în afaceri rurale 2027

Program: Finanțări Naționale
Autoritatea responsabilă: Agenția pentru Inițiative Rurale (http://www.air-exemplu.ro)
Unde se depune: Platforma AIR — proiectele se depun prin aplicația electronică (https://depunere.air-exemplu.ro)
Regiuni: Nord-Est, Sud-Est, Sud-Muntenia, Sud-Vest Oltenia, Vest, Nord-Vest, Centru, București-Ilfov
Data de început: 12.02.2027
Data de sfârșit: 27.04.2027
Buget total: 18.600.000 €
Valoare minimă: 7.300 €
Valoare maximă: 63.500 €
Cofinanțare: 15%
Status: OPENED

## Descriere

Programul sprijină afacerile nou-create înființate de către tineri sub 30 de ani în mediul rural,
pentru dotări și servicii.

## Cheltuieli eligibile

* Echipamente, cu plafon de maximum 9.100 lei pentru instruire
* Consultanță, în valoare eligibilă de maximum 4.700 lei
"""

SUMMARY_TXT = """CONDIȚII DE ELIGIBILITATE – Acțiunea 4.2 PTJ
1. Tipul apelului
Apelul este competitiv, cu depunere la termen.
2. Bugetul apelului
Alocarea totală a apelului este de 31.457.210 euro, respectiv 154.140.329 lei, \
calculată la cursul InforEuro: 1 euro = 4,9000 lei.
Pe regiuni:
LDR – regiuni mai puțin dezvoltate: 25.000.000 euro;
MDR – regiunea mai dezvoltată București-Ilfov: 6.457.210 euro.
3. Solicitanți eligibili
Sunt eligibile:
microîntreprinderile;
întreprinderile mici;
întreprinderile mijlocii;
cooperativele agricole, dacă îndeplinesc condițiile din ghid.
4. Parteneri eligibili
Sunt eligibili ca parteneri: universitățile de stat.
5. Finanțare
Cofinanțarea proprie este de minim 12% din valoarea eligibilă a proiectului.
6. Coduri CAEN eligibile (CAEN Rev.2)
1392 – Fabricarea de articole confecționate din textile;
6201 – Activități de realizare a soft-ului la comandă;
7112 – Activități de inginerie și consultanță tehnică legate de acestea.
"""

VOUCHER_ROWS = [("Buget total", "5.430.000 lei"), ("Data limită", "18.06.2027, ora 14:00"),
                ("Beneficiari eligibili", "microîntreprinderi și întreprinderi mici din industria textilă")]
VOUCHER_PARAGRAPHS = [
    "Valoarea maximă a voucherului: 83.000 lei.",
    "Finanțarea nerambursabilă acoperă 80% din cheltuielile eligibile; restul de 20% reprezintă contribuția "
    "proprie a solicitantului.",
    "Ajutorul de minimis acordat unei întreprinderi unice nu poate depăși 300.000 euro pe trei exerciții "
    "financiare, echivalentul în lei calculat la cursul 1 euro = 4,9123 lei.",
    "Durata proiectului: maximum 14 luni.",
]
# Aid intensity (%) by enterprise size (rows) and county (columns), a regional-aid table.
INTENSITY = [("Tip", "Vaslui", "Iași", "Suceava"), ("Micro / Mică", "65", "55", "65"),
             ("Mijlocie", "55", "45", "55"), ("Întreprinderi mari", "45", "35", "45")]

BROCHURE_LEFT = ["ALOCAREA FINANCIARĂ", "6,4 milioane euro", "VALOAREA PROIECTULUI", "Min. 42.000 euro",
                 "Max. 610.000 euro", "Programul Regional Sud-Est 2021-2027"]
BROCHURE_RIGHT = ["Proiectele sprijină atelierele care introduc", "tehnologii de reciclare în producție și",
                  "extind capacitatea de prelucrare.", "BENEFICIARI ELIGIBILI", "Întreprinderi mici și mijlocii",
                  "din mediul urban și rural."]

GUIDE_LINES = [
    "Ghidul solicitantului – Apelul Mobilitate verde",
    "Alocarea financiară a apelului: 12.750.000 lei",
    "Valoarea maximă a unui proiect: 1.150.000 lei",
    "Solicitanți eligibili: întreprinderile mici și mijlocii din",
    "județele Dolj, Gorj și Mehedinți, înregistrate înainte de 1 ianuarie 2026.",
    "Rata de cofinanțare: 70%",
    "Termen limită de depunere: 15.01.2021, ora 10:00",
    "Perioada de implementare a proiectului nu depășește 31 octombrie 2029.",
]

CLUSTER_TXT = """Apelul Rețele de inovare în turism

Alocare financiară: 2.640.000 euro

Solicitanți eligibili: organizațiile de management ale clusterelor de turism.

Beneficiari finali ai proiectelor: întreprinderile membre ale clusterului, care primesc servicii de inovare.

Termen limită: 30.09.2027
"""

UNIVERSITY_TXT = """Apelul Laboratoare deschise

Buget total: 3.310.000 lei

Solicitanți eligibili: universitățile de stat și institutele naționale de cercetare-dezvoltare.

Data limită: 12.11.2027
"""

# A DOCX guide: numbered headings, an applicant list one item a paragraph (longer than a few
# lines), a maximum whose figure holds the minimum's ("37.000" / "7.000"), a window said in a sentence.
GUIDE_ITEMS = ["microîntreprinderi;", "întreprinderi mici;", "întreprinderi mijlocii;", "cooperative agricole;",
               "societăți cooperative meșteșugărești;", "asociații de crescători;", "grupuri de producători;",
               "ateliere protejate;", "persoane fizice autorizate din județele Bihor, Sălaj și Satu Mare."]
GUIDE_SECTIONS = [
    ("3. Valoarea voucherului", "Valoarea maximă a voucherului este de 37.000 lei, iar valoarea minimă de 7.000 lei."),
    ("4. Bugetul programului", "Bugetul total al programului este de 6.250.000 lei."),
    ("5. Calendar", "Înscrierile se fac în perioada 04.04.2028 – 19.06.2028, ora 15:00."),
]

# A call page saved as HTML: its label/value rows are a two-column table.
PAGE_HTML = """<html><head><title>Granturi pentru olari 2029</title></head><body>
<h1>Granturi pentru olari 2029</h1>
<table>
<tr><td>Program</td><td>Finanțări Naționale</td></tr>
<tr><td>Regiuni</td><td>Vest, Nord-Vest</td></tr>
<tr><td>Data de început</td><td>11.05.2029</td></tr>
<tr><td>Data de sfârșit</td><td>13.07.2029</td></tr>
<tr><td>Buget total</td><td>7.700.000 €</td></tr>
<tr><td>Valoare maximă</td><td>29.000 €</td></tr>
<tr><td>Cofinanțare</td><td>18%</td></tr>
</table>
<h2>Descriere</h2>
<p>Programul sprijină atelierele de olărit înființate de către artizani autorizați.</p>
</body></html>
"""

REPORT_TXT = """Raport anual privind fondul de garantare

În anul precedent bugetul total al fondului a fost de 96.000.000 lei, iar rata medie de garantare a fost 62%.
Portofoliul cuprinde 418 garanții acordate în 29 de județe.
"""


def write_all(folder: Path) -> Path:
    from docx import Document
    from fpdf import FPDF

    (folder / "tineri-rural.md").write_text(AGGREGATOR_MD, encoding="utf-8")
    (folder / "conditii-ptj.txt").write_text(SUMMARY_TXT, encoding="utf-8")
    (folder / "raport-garantare.txt").write_text(REPORT_TXT, encoding="utf-8")
    (folder / "granturi-olari.html").write_text(PAGE_HTML, encoding="utf-8")
    (folder / "retele-turism.txt").write_text(CLUSTER_TXT, encoding="utf-8")
    (folder / "laboratoare-deschise.txt").write_text(UNIVERSITY_TXT, encoding="utf-8")

    doc = label_table_docx("Apel: Vouchere pentru ateliere textile", VOUCHER_ROWS)
    for text in VOUCHER_PARAGRAPHS:
        doc.add_paragraph(text)
    doc.add_paragraph("Intensitatea maximă a ajutorului de stat regional (%), pe județe și tipuri de întreprinderi:")
    grid = doc.add_table(rows=0, cols=len(INTENSITY[0]))
    for row in INTENSITY:
        cells = grid.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    doc.save(str(folder / "vouchere-textile.docx"))

    guide_doc = Document()
    guide_doc.add_heading("Ghidul solicitantului – Vouchere pentru ateliere verzi", 0)
    guide_doc.add_heading("1. Obiectiv", 1)
    guide_doc.add_paragraph("Programul sprijină investițiile în eficiență energetică.")
    guide_doc.add_heading("2. Beneficiari eligibili", 1)
    for item in GUIDE_ITEMS:
        guide_doc.add_paragraph(item, style="List Bullet")
    for heading, text in GUIDE_SECTIONS:
        guide_doc.add_heading(heading, 1)
        guide_doc.add_paragraph(text)
    guide_doc.save(str(folder / "ghid-ateliere-verzi.docx"))

    pdf = FPDF()
    pdf.add_font("dv", "", str(FONT))
    pdf.set_font("dv", size=10)
    pdf.add_page()
    for k in range(max(len(BROCHURE_LEFT), len(BROCHURE_RIGHT))):
        y = 20 + 9 * k
        if k < len(BROCHURE_LEFT):
            pdf.text(12, y, BROCHURE_LEFT[k])
        if k < len(BROCHURE_RIGHT):
            pdf.text(112, y, BROCHURE_RIGHT[k])
    pdf.output(str(folder / "brosura-reciclare.pdf"))

    guide = FPDF()
    guide.add_font("dv", "", str(FONT))
    guide.set_font("dv", size=10)
    guide.add_page()
    for line in GUIDE_LINES:
        guide.cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
    guide.output(str(folder / "ghid-mobilitate.pdf"))
    return folder
