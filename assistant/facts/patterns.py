"""Label and value patterns of Romanian call documents, matched on folded text (no diacritics).

General vocabulary of calls for proposals (ghidul solicitantului, fișa apelului, broșuri):
each field has the label variants agencies use; values are amounts with a currency,
percentages, dates with an hour, durations, or free text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.facts.figures import (  # noqa: F401  (the figures, re-exported where they were)
    AMOUNT,
    BOUND_AFTER,
    DATE,
    DURATION,
    HOUR,
    MIN_MAX,
    PERCENT,
    amounts,
    dates,
    duration,
    end_date,
    has_kind,
    number,
    open_start,
    percents,
)
from assistant.text import fold


@dataclass(frozen=True)
class FieldSpec:
    name: str
    kind: str  # "amount", "percent", "date", "period", "duration", "text"
    label: re.Pattern[str]
    weak: bool = False  # only a label when the line holds nothing else (a brochure heading)
    listed: bool = False  # a title whose value is only the list of items under it (layout.py)


# A label stands as whole words: no letter right before or after it.
LABEL_START, LABEL_END = r"(?<![a-z])", r"(?![a-z])"


# The submission said as a subject ("Înscrierea în aplicație", "Depunerea cererilor", "Sesiunea de
# depunere", "Apelul"), then up to one clause before its verb: the text between stays in the
# sentence (no "." or ";" but one inside a figure, "ora 10:00", "06.04.2031").
_SUBMISSION = r"(?:inscrierea|inscrierile|depunerea|sesiunea(?: de depunere)?|perioada de depunere|apelul)"
_OPENS = r"(?:incepe|se deschide|debuteaza)"
CLOSES = r"(?:se incheie|se inchide|expira|ia sfarsit)"
# A submission that "se încheie / se închide / expiră / ia sfârșit" on a date closes on it (the
# deadline); one that "începe / se deschide / debutează" on a date opens its window then (see
# values.py: the window's close said in the same sentence is the deadline too). Up to one clause
# stands between subject and verb, inside the sentence (no "." or ";" but one inside a figure,
# "ora 10:00", "06.04.2031"); a closing verb's clause does not run over an opening verb, nor the
# other way round ("Depunerea se încheie la X, iar evaluarea începe la Y": Y opens no submission).
_GAP = r"(?:[^.;]|(?<=\d)[.:](?=\d))"
SUBMISSION_CLOSES = (rf"{_SUBMISSION}(?:(?!{_OPENS}){_GAP}){{0,100}}? {CLOSES}"
                     r"(?: (?:la|pe|in)(?: data de)?)?")
SUBMISSION_OPENS = rf"{_SUBMISSION}(?:(?!{CLOSES}){_GAP}){{0,100}}? {_OPENS}(?: (?:la|pe|in|cu)(?: data de)?)?"
OPENING = re.compile(rf"(?<![a-z]){_OPENS}(?![a-z])")


def _rx(*alternatives: str) -> re.Pattern[str]:
    return re.compile(LABEL_START + "(?:" + "|".join(alternatives) + ")" + LABEL_END)


# Order matters: an earlier, longer label wins where two overlap.
FIELDS: list[FieldSpec] = [
    FieldSpec("funding_rate", "percent", _rx(
        r"contributia maxima(?: a programului)?(?: la (?:totalul )?cheltuielil?e(?:le)? eligibile)?",
        r"rata (?:maxima )?(?:de )?(?:co)?finantare(?:a)?(?: nerambursabila)?",
        r"intensitate(?:a)?(?: maxima)?(?: a)?(?: ajutorului(?: de stat| public)?)?",
        r"procent(?:ul)? (?:maxim )?de (?:co)?finantare", r"cofinantare(?:a)? (?:ue|publica|nerambursabila)",
        # "Procent finanțare: 80%" / "Grant: 90%" in the label rows of call pages
        r"procent(?:ul)? (?:de )?finantare(?= ?:)",
        # "Procentul finanțat din cheltuielile eligibile: 90%": the share of the eligible costs the
        # grant pays, as local calls' key-data tables word the rate
        r"procent(?:ul)? (?:maxim )?finantat"
        r"(?: (?:din|al) (?:totalul )?(?:cheltuielil(?:e|or)|valorii)(?: eligibile)?)?",
        # "Cofinanțare: 10%", "Contribuția proprie: 15%": the applicant's share (shares.py turns it into the rate)
        # ("Contribuția proprie minimă: 10%": the least share the applicant pays, the same label bounded)
        r"co-?finantare(?:a)?(?: proprie)?(?: minima)?(?= ?:)",
        r"contributi(?:a|e) (?:proprie|solicitantului)(?: minima)?(?= ?:)",
        r"(?:grant|finantare nerambursabila)(?= ?: ?\d{1,3}(?:[.,]\d+)? ?%)")),
    FieldSpec("project_value", "amount", _rx(
        r"valoare(?:a)?(?: totala| eligibila)?(?: minima| maxima| min\.?| max\.?)?(?: eligibila)?"
        r"(?: si (?:minima|maxima))? a (?:unui )?proiect(?:ului)?",
        r"valoarea proiect(?:ului|elor)", r"valoare(?:a)? eligibila a (?:unui )?proiect(?:ului)?",
        # "Valoarea minimă eligibilă este de 10.000 lei": a call's eligible minimum or maximum, said with
        # no object after it, is a project's (a cost item's cap names the item: "... pentru consultanță").
        r"valoare(?:a)? (?:minima|maxima) eligibila(?= (?:este|va fi) de (?:\w+ )?\d)",
        # "Valoarea totală eligibilă a unui proiect este de minimum ... și maximum ...": the bounds of one project
        r"valoare(?:a)? totala eligibila a (?:unui )?proiect(?:ului)?", r"suma (?:maxima )?acordata pe proiect",
        r"finantare(?:a)? (?:nerambursabila )?(?:minima|maxima)(?: nerambursabila)?(?: pe proiect)?",
        r"(?:minimum|maximum) (?:de )?finantare pe proiect",
        r"valoare(?:a)? (?:minima|maxima)(?: eligibila)? a (?:finantarii|grantului|voucherului|sprijinului)"
        r"(?: nerambursabile)?(?: (?:solicitate|acordate))?",
        # A label row of a call page ("Valoare maximă: 40.000 €", "Valoare minimă / proiect: ...")
        # names the value of one project; only with its colon, so prose "valoarea maximă a ..." is not taken.
        r"valoare(?:a)? (?:minima|maxima)(?: ?(?:-|/|si) ?(?:minima|maxima))?"
        r"(?: (?:eligibila|/ ?proiect|per proiect|pe proiect|(?:a )?proiect(?:ului)?))?(?= ?:)",
        # a voucher call's value per voucher is its project value
        r"valoare(?:a)? (?:maxima |minima )?(?:a )?(?:unui )?voucher(?:ului|elor)?",
        r"voucher(?:e|ele)? (?:in|cu o) valoare(?:a)?(?= de (?:maxim\w* |pana la )?\d)",
        r"(?:suma|valoarea) (?:maxima )?(?:a )?(?:grantului|sprijinului)(?= ?:)",
        # "Valoarea maximă a ajutorului per beneficiar": a state-aid scheme's grant to one applicant
        r"valoare(?:a)? (?:maxima|minima) a ajutorului(?: (?:de minimis|nerambursabil))?"
        r"(?: (?:per|pe|pentru un|acordat unui) (?:beneficiar|solicitant|proiect))?",
        # "Grant maxim / proiect 95.000 euro", "Grantul minim pe proiect": a brochure's bound of the
        # grant one project gets, its figure after the label with or without a colon
        r"grant(?:ul)? (?:maxim|minim)(?: ?/ ?proiect| (?:pe|per) proiect)?")),
    FieldSpec("allocation", "amount", _rx(
        r"aloca(?:rea|re) financiara(?: (?:totala|a apelului|disponibila))?", r"alocare(?:a)? (?:totala|bugetara)",
        r"buget(?:ul)? (?:total|alocat|disponibil)(?: (?:al|pentru) (?:apelului|apel))?",
        r"valoarea totala a apelului", r"fonduri(?:le)? (?:disponibile|alocate)",
        r"buget(?:ul)? (?:alocat )?(?:al )?apelului",
        # "Bugetul sesiunii 2027", "Bugetul programului", "Bugetul schemei", "Bugetul competiției",
        # "Bugetul ediției": the money a session, local programme, aid scheme, competition or edition
        # puts up, as local and regional calls name their allocation (a year may follow the noun)
        r"buget(?:ul)? (?:total )?(?:alocat )?(?:al |pentru )?(?:sesiunii|programului|schemei|competitiei|editiei|"
        r"concursului|fondului)(?: de (?:finantare|ajutor(?: de minimis| de stat)?|granturi|minimis))?",
        # a bare "Buget:" row of a call page is the call's budget
        r"buget(?:ul)?(?= ?:)")),
    FieldSpec("submission_period", "period", _rx(
        r"perioada (?:de )?depunere(?: a (?:cererilor|proiectelor)(?: de finantare)?)?",
        r"perioada de (?:primire|transmitere) a (?:cererilor|proiectelor)(?: de finantare)?",
        r"depunerea (?:cererilor de finantare|proiectelor) (?:se face |se realizeaza )?(?:in perioada|intre)",
        r"(?:cererile|proiectele)(?: de finantare)? se (?:depun|transmit)[^.;]{0,80}? (?:in perioada|intre)",
        # "Înscrierile se fac în perioada 02.05 – 30.06": the window to apply, said in a sentence
        r"(?:inscrierile|inscrierea|depunerea|aplicatiile|aplicarea)[^.;:]{0,40}? (?:se fac|se face|se depun|"
        r"se realizeaza|au loc|are loc|se desfasoara)(?: online)? (?:in perioada|intre)",
        SUBMISSION_OPENS)),
    FieldSpec("deadline", "date", _rx(
        # (written "data limită" and "data-limită", as "termen-limită")
        r"data[ -](?:limita|de inchidere)(?: (?:de|pentru) depunere(?: a (?:cererilor|proiectelor))?)?",
        r"termen(?:ul)?[ -]limita(?: de depunere| pentru depunere)?", r"termen(?:ul)? (?:final )?de depunere",
        r"data de depunere", r"deadline", SUBMISSION_CLOSES,
        # "Cererile se depun până la 17.09.2028": the last day to apply, said in a sentence
        r"(?:cererile|proiectele)(?: de finantare)? se (?:depun|transmit|pot depune)(?: online)? "
        r"(?:cel (?:mai )?tarziu )?pana (?:la|pe|in)(?: data de)?",
        # "Depunerea cererilor se face până la data de ...": the same last day, said of the submission
        r"depunerea (?:cererilor|proiectelor)(?: de finantare)? se (?:face|realizeaza|poate face)(?: online)? "
        r"(?:cel (?:mai )?tarziu )?pana (?:la|pe|in)(?: data de)?",
        # The closing row of a call page's header ("Data de început: ... / Data de sfârșit: ...")
        # is the last day to apply; only with its colon.
        r"data (?:de )?(?:sfarsit|final|incheiere|inchidere)(?: a (?:apelului|depunerii))?(?= ?:)")),
    FieldSpec("duration", "duration", _rx(
        r"durata (?:maxima )?(?:de implementare )?a proiect(?:ului|elor)", r"durata proiect(?:ului|elor)",
        r"perioada (?:maxima )?de implementare(?: a proiectului)?",
        # "Durata de implementare: maximum 10 luni": a key-data row names the project's duration
        # without saying "a proiectului" (the only thing a call implements is its projects)
        r"durata (?:maxima )?de implementare(?: a (?:unui )?proiect(?:ului|elor)?)?")),
    FieldSpec("final_beneficiaries", "text", _rx(r"beneficiari(?:i)? finali(?: ai proiectelor| ai proiectului)?")),
    FieldSpec("applicants", "text", _rx(
        r"(?:tipuri(?:le)? de )?solicitant(?:i|ii) eligibili", r"beneficiari(?:i)? eligibili",
        r"cine poate (?:aplica|solicita finantare)", r"categorii(?:le)? de (?:solicitanti|beneficiari)",
        r"eligibilitatea solicitantilor",
        # "Pot aplica ONG-urile și ...": who may apply, when the verb opens its sentence (capitalised,
        # see inline.py) and its subject follows; "Ele pot solicita", "nu pot aplica" do not
        r"pot (?:aplica|depune (?:cereri|proiecte)(?: de finantare)?|solicita finantare)"
        r"(?: la (?:acest|prezentul) apel)?",
        # "Sunt eligibile microîntreprinderile ...", "Sunt eligibili și fermierii ...": who may apply,
        # said as the sentence's predicate before its subject (kept only when the subject names a
        # kind of applicant, see inline.py: "Sunt eligibile cheltuielile ..." names costs); "Nu sunt
        # eligibile: ..." says who may not, "Sunt eligibili ca parteneri" who may join; "Sunt eligibile:"
        # with its list below is a list's introduction (layout.py)
        r"(?<!nu )sunt eligibil(?:e|i)(?: si)?(?= (?!ca |in calitate )[a-z])",
        # "Tip solicitant: ...", "Tipuri de beneficiari: ..." rows of call pages
        r"tip(?:ul|uri)? (?:de )?(?:solicitant|beneficiar)(?:i|ii)?(?= ?:)")),
    FieldSpec("applicants", "text", _rx(r"beneficiari", r"solicitanti"), weak=True),
    # "Condiții de eligibilitate" (of the applicant) as a heading over a list: the conditions an
    # applicant must meet (its form, seat, age, staff) are who may apply; only as the whole title or
    # before its colon (the conditions of a project, an expense or an activity name what they are
    # of, after the label), and only with the list of items under it (a document titled
    # "Condiții de eligibilitate – Acțiunea X" names its subject there, not who may apply)
    FieldSpec("applicants", "text", _rx(
        r"conditii(?:le)? (?:generale )?de eligibilitate"
        r"(?: (?:a|ale|pentru) (?:solicitant\w*|beneficiar\w*|aplicant\w*))?"
        r"(?= ?:|\s*$)"), listed=True),
    FieldSpec("regions", "text", _rx(
        r"regiun(?:i|ile|ea) eligibil[ae]", r"judet(?:e|ele)(?: eligibile)?", r"zona (?:geografica )?eligibila",
        r"aria (?:geografica|de implementare)", r"(?:eligibilitate )?tari\s*/\s*regiuni",
        r"localizare(?:a)? proiectului",
        # "Regiuni: Nord-Vest, Centru" / "Regiunea: Vest" label rows of call pages (colon required)
        r"regiun(?:i|ile|ea)(?: de dezvoltare)?(?= ?:)", r"pe regiuni(?= ?:)")),
    # Who runs the call: the managing or responsible authority, an intermediate body, the funder.
    FieldSpec("issuer", "text", _rx(
        r"autoritate(?:a)? (?:responsabila|de management|contractanta|finantatoare)", r"organism(?:ul)? intermediar",
        r"finantator(?:ul)?", r"institutia finantatoare", r"emitent(?:ul)?")),
    FieldSpec("domains", "text", _rx(
        r"domenii(?:le)?(?: de specializare inteligenta)?(?: (?:eligibile|finantate|vizate|prioritare))?"
        r"(?: identificate[^:.;]{0,60})?")),
    FieldSpec("ineligible_expenses", "text", _rx(r"cheltuieli(?:le)? neeligibile")),
    FieldSpec("eligible_expenses", "text", _rx(r"cheltuieli(?:le)? eligibile")),
]

# Conditions a funding rate depends on, as agencies write them (first the aid regime, then size).
CONDITIONS: list[tuple[str, re.Pattern[str]]] = [
    ("ajutor de minimis", re.compile(r"minimis")),
    ("ajutor de stat", re.compile(r"ajutor(?:ul|ului)? (?:de stat|regional|pentru investitii)|ajutoare de stat")),
    ("microintreprinderi", re.compile(r"micro[ -]?intreprinder")),
    ("intreprinderi mici", re.compile(r"intreprinder\w* mic[ai]\b(?! si mijlocii)")),
    ("IMM", re.compile(r"\bimm\b|imm-uri|intreprinder\w* mici si mijlocii")),
    ("intreprinderi mijlocii", re.compile(r"intreprinder\w* mijlocii")),
    ("intreprinderi mari", re.compile(r"intreprinder\w* mari\b")),
]


def conditions(text: str) -> list[str]:
    """Conditions named in text, in the order they appear."""
    folded = fold(text)
    found = [(m.start(), name) for name, rx in CONDITIONS for m in [rx.search(folded)] if m]
    return [name for _, name in sorted(found)]


# The de minimis ceiling (EU rule: aid to one undertaking over three fiscal years may not exceed a
# fixed sum) is restated by calls that grant such aid; the sum is a cap on the aid an applicant may
# receive, never the value of a project or the call's allocation.
_AID_CEILING = re.compile(r"nu (?:poate|pot|va|vor) (?:depasi|fi mai mare|sa depaseasca)|plafon\w*|"
                          r"intreprinder\w* unic\w*|(?:trei|3) (?:ani|exercitii)")


def aid_ceiling(sentence: str, amount: str = "") -> bool:
    """Whether a sentence states the de minimis ceiling rather than what the call grants: the cap is
    the sentence's subject, written before the amount ("Ajutorul de minimis ... nu poate depăși
    300.000 euro"), unlike a project value that merely stays within it ("Valoarea maximă a
    proiectului este de 200.000 euro, în limita plafonului de minimis")."""
    at = sentence.find(amount) if amount else -1
    folded = fold(sentence[:at] if at >= 0 else sentence)
    return "minimis" in folded and bool(_AID_CEILING.search(folded))


def is_bare(line: str, kind: str) -> bool:
    """A line that is only a value of the kind ('65%', '4 milioane euro'), a brochure figure."""
    words = line.split()
    if not words or len(words) > 6:
        return False
    if kind == "percent":
        return bool(re.fullmatch(r"\s*\d{1,3}(?:[.,]\d+)?\s*%\s*", line))
    return has_kind(line, kind)


def label_cells(row: str) -> list[tuple[str, str]]:
    """'Header: value | Header: value' (a table row as ingest renders it) to (header, value) pairs."""
    out = []
    for cell in row.split(" | "):
        head, sep, value = cell.partition(": ")
        if sep:
            out.append((head.strip(), value.strip()))
    return out
