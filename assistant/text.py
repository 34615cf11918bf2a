"""Romanian text made into tokens, identically at ingest and at query time: numbers, dates,
codes and words of the folded text (folding.py) in canonical form, stopwords, stems, and the
signature naming all of it.

Written here rather than taken from a library because it is the product's edge: PyStemmer
stems cedilla and comma forms differently, users type without diacritics, and numbers are
written five ways ("2.800.000 €", "2,8 milioane", "4 mil."), so all of that must land on the
same tokens on both sides of the index. `fold` (folding.py) is importable from here too, as
most callers read it next to the tokens.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from importlib import resources

import Stemmer

from assistant.folding import CEDILLA, FOLD, fold

# Month names, in the year's order: Romanian, then English (August is written alike).
MONTHS_RO = ("ianuarie", "februarie", "martie", "aprilie", "mai", "iunie", "iulie", "august", "septembrie",
             "octombrie", "noiembrie", "decembrie")
MONTHS = {**{m: i for i, m in enumerate(MONTHS_RO, 1)},
          "january": 1, "february": 2, "march": 3, "april": 4, "may": 5,
          "june": 6, "july": 7, "september": 9, "october": 10, "november": 11, "december": 12}
# Multiplier words after a number ("2,8 milioane", "4 mil.", "1,5 mld"), folded, without the dot.
MULTIPLIERS = {"mii": 1_000, "mie": 1_000, "mil": 1_000_000, "milion": 1_000_000,
                "milioane": 1_000_000, "million": 1_000_000, "millions": 1_000_000,
                "mld": 1_000_000_000, "miliard": 1_000_000_000, "miliarde": 1_000_000_000,
                "billion": 1_000_000_000}

# One scan over folded text: dates, percentages, grouped or decimal numbers, words.
_TOKEN_RE = re.compile(
    # A call or project code ("COS-CLUSTPARTNS-2017-03-02", "PR/VEST/2023/1.1"): one token.
    r"(?P<code>\b(?=[a-z0-9./-]*[a-z])(?=[a-z0-9./-]*\d)[a-z0-9]+(?:[-/.][a-z0-9]+){2,}\b)"
    r"|(?P<date>\b\d{1,2}[./]\d{1,2}[./]\d{4}\b)"
    r"|(?P<pct>\b\d+(?:[.,]\d+)?\s*%)"
    # A measure or section number ("2.4", "1.6.2"): one token, its parts in order, so "2.4" is
    # not "4.2"; Romanian groups thousands in threes ("1.500"), which this never matches.
    r"|(?P<sec>\b\d{1,2}(?:\.\d{1,2}){1,3}\b(?!\.\d))"
    # A short letter prefix glued to a number ("A17", "PO2", "OS3"): an annex, axis or objective
    # code, one token, so "A17" is not "A1".
    r"|(?P<alnum>\b[a-z]{1,3}\d+[a-z]?\b)"
    # Letters joined by "&" ("R&D", "AT&T", "V&A"): an acronym, one token; split at the "&" its
    # letters are single characters that no index keeps, and the name would vanish.
    r"|(?P<amp>\b[a-z]{1,3}&[a-z]{1,3}\b)"
    r"|(?P<num>\b\d{1,3}(?:(?:\.|[ \u00a0](?=\d{3}\b))\d{3})+(?:,\d+)?\b|\b\d+(?:,\d+)?\b)"
    r"|(?P<word>[a-z]+)"
)


def number_value(raw: str) -> float:
    """A number as Romanian writes it: '7.350.000' -> 7350000, '2,8' -> 2.8, '100 000' -> 100000
    (thousands grouped by dots or spaces, a decimal comma). Raises ValueError on anything else."""
    raw = raw.replace("\u00a0", " ").strip()
    if re.fullmatch(r"\d{1,3}(?:[. ]\d{3})+(?:,\d+)?", raw):
        raw = raw.replace(".", "").replace(" ", "")
    return float(raw.replace(",", "."))


def canonical_number(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


@lru_cache(maxsize=4)
def _wordlist(name: str) -> frozenset[str]:
    data = resources.files("assistant.data").joinpath(name).read_text(encoding="utf-8")
    return frozenset(w.strip() for w in data.splitlines() if w.strip() and not w.startswith("#"))


@lru_cache(maxsize=1)  # asked for every text tokenised: the union once, not per call
def stopwords() -> frozenset[str]:
    return _wordlist("stopwords_ro.txt") | _wordlist("stopwords_en.txt")


def is_english(text: str) -> bool:
    """More English function words than Romanian ones, and at least two: a question asked in
    English of Romanian documents."""
    words = re.findall(r"[a-z]+", fold(text))
    en, ro = _wordlist("stopwords_en.txt"), _wordlist("stopwords_ro.txt")
    n_en = sum(1 for w in words if w in en and w not in ro)
    n_ro = sum(1 for w in words if w in ro and w not in en)
    return n_en >= 2 and n_en > n_ro


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("romanian")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Stem a folded word; short words and acronyms are kept as they are."""
    return word if len(word) <= 3 else str(_stemmer().stemWord(word))


_URL_RE = re.compile(r"(?:https?://|mailto:|www\.)[^\s<>\"')]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_MAYBE_URL = re.compile(r"@|://|www\.|mailto:")  # what every match of _URL_RE holds
_DIGIT_OR_AMP = re.compile(r"[\d&]")  # (\d as _TOKEN_RE reads it: any Unicode decimal digit)
_LETTERS = re.compile(r"[a-z]+")  # _TOKEN_RE's words
_URL_NOISE = {"http", "https", "www", "mailto", "ro", "eu", "com", "org", "net", "html", "htm", "php", "pdf",
              "en", "index"}


def _url_words(match: re.Match[str]) -> str:
    """A link or address counts by its names (host, mailbox), not by its path segments,
    which would otherwise flood BM25 with words such as 'call', 'data' or 'en'."""
    url = match.group()
    if "@" in url and "/" not in url:
        local, host = url.rsplit("@", 1)
        parts = [local, *host.split(".")]
    else:
        host = re.sub(r"^(?:https?://|mailto:)", "", url).split("/")[0]
        parts = host.split(".")
    return " " + " ".join(p for p in parts if p and p.lower() not in _URL_NOISE) + " "


def raw_tokens(text: str) -> list[str]:
    """Folded tokens before stopwords and stemming; numbers and dates in canonical form.

    A number followed by a multiplier word becomes one value ("2,8 milioane" -> "2800000");
    a date becomes "YYYY-MM-DD" ("8 martie 2018" and "08.03.2018" alike), followed by its year.
    """
    out: list[str] = []
    folded = fold(text)
    if _MAYBE_URL.search(folded):  # the address regex scans slowly; most texts hold none
        folded = _URL_RE.sub(_url_words, folded)
    if not _DIGIT_OR_AMP.search(folded):
        # Every kind of _TOKEN_RE but words holds a digit or "&": in a text with neither, its
        # matches are the runs of letters (a third of what ingest reads: headings, lead lines).
        for value in _LETTERS.findall(folded):
            _append_word(out, value)
        return out
    for m in _TOKEN_RE.finditer(folded):
        kind, value = m.lastgroup, m.group()
        if kind == "word":  # most tokens
            _append_word(out, value)
        elif kind == "date":
            d, mo, y = re.split(r"[./]", value)
            # its year too, as a date written with its month's name keeps it ("8 martie 2018"):
            # "în 2018" finds a date of that year however it is written
            out += [f"{y}-{int(mo):02d}-{int(d):02d}", y]
        elif kind == "pct":
            out.append(canonical_number(number_value(value.rstrip("% ").strip())) + "%")
        elif kind == "num":
            out.append(canonical_number(number_value(value)))
        elif kind in ("sec", "alnum", "amp"):
            out.append(value)
        elif kind == "code":
            out.append(value.replace("/", "-").replace(".", "-"))
    return out


# Abbreviations of Romanian official writing, read as the word they stand for; the Latin forms
# "maximum"/"minimum" ("de maximum 10 zile") are read as "maxim"/"minim" (the stemmer keeps them apart).
_ABBREVIATIONS = {"min": "minim", "max": "maxim", "maximum": "maxim", "minimum": "minim", "nr": "numar",
                  "tel": "telefon", "jud": "judet", "mun": "municipiul", "str": "strada", "art": "articol",
                  "alin": "alineat", "lit": "litera", "pct": "punct", "cca": "circa", "aprox": "aproximativ"}


def _append_word(out: list[str], word: str) -> None:
    """Merge a multiplier or a month name into the number before it."""
    word = _ABBREVIATIONS.get(word, word)
    if (word in MULTIPLIERS or word in MONTHS) and out and is_number_token(out[-1]):
        if word in MULTIPLIERS:
            out[-1] = canonical_number(float(out[-1]) * MULTIPLIERS[word])
            return
        if word in MONTHS and out[-1].isdigit() and 1 <= int(out[-1]) <= 31:
            out.append(f"month:{MONTHS[word]:02d}")
            return
    out.append(word)


_NUMBER_TOKEN = re.compile(r"\d+(?:\.\d+)?")


def is_number_token(token: str) -> bool:
    """A canonical number token ("2800000", "2.5"), as raw_tokens writes a value."""
    return bool(_NUMBER_TOKEN.fullmatch(token))


def _join_dates(tokens: list[str]) -> list[str]:
    """'8', 'month:03', '2018' -> '2018-03-08' (the day and year tokens are kept too)."""
    out: list[str] = []
    for i, tok in enumerate(tokens):
        if tok.startswith("month:"):
            day = tokens[i - 1] if i else ""
            year = tokens[i + 1] if i + 1 < len(tokens) else ""
            month = tok.split(":")[1]
            if day.isdigit() and re.fullmatch(r"\d{4}", year):
                out.append(f"{year}-{month}-{int(day):02d}")
            out.append(next(k for k, v in MONTHS.items() if v == int(month)))
            continue
        out.append(tok)
    return out


def index_tokens(text: str) -> list[str]:
    """Tokens for BM25: folded, stopwords dropped, words stemmed, values canonical."""
    return tokens_from_raw(raw_tokens(text))


@lru_cache(maxsize=16384)
def bigrams(text: str) -> frozenset[tuple[str, str]]:
    """Pairs of adjacent index tokens of a text (stopwords out, so "planul de acțiune" pairs
    "plan" with "actiun")."""
    toks = index_tokens(text)
    return frozenset(zip(toks, toks[1:], strict=False))


def tokens_from_raw(raw: list[str]) -> list[str]:
    """`index_tokens` of a text already split by `raw_tokens` (ingest shares them with the embedding)."""
    sw = stopwords()
    out = []
    for tok in _join_dates(raw):
        if tok in sw:
            continue
        if tok.isalpha():
            if len(tok) < 2:
                continue
            out.append(stem(tok))
        else:
            out.append(tok)
    return out


@lru_cache(maxsize=1)
def glossary() -> dict[str, str]:
    """English funding vocabulary to Romanian words (data file, general terms only)."""
    data = resources.files("assistant.data").joinpath("glossary_en_ro.tsv").read_text(encoding="utf-8")
    pairs = (line.split("\t", 1) for line in data.splitlines() if "\t" in line and not line.startswith("#"))
    return {en.strip(): ro.strip() for en, ro in pairs}


def is_caps_label(line: str) -> bool:
    """A short line all in capitals ("ALOCAREA FINANCIARĂ"): a brochure label or a heading.
    `str.isupper` first: it rejects almost every line without looking at each character."""
    return line.isupper() and sum(map(str.isalpha, line)) >= 4 and len(line.split()) <= 12


# Bumped when the normalisation's code (not its tables, which text_signature hashes as they are)
# changes what a text becomes.
TEXT_VERSION = 2


@lru_cache(maxsize=1)
def text_signature() -> str:
    """12 hex digits naming how a text becomes tokens: TEXT_VERSION, this module's and folding.py's
    tables (cedilla, folding, months, multipliers, abbreviations, URL words, the token patterns),
    the stopword lists and the stemmer. Stored with each document in the manifest
    (ingest.pipeline.reading_signature): documents read under another one are read again by the
    next ingest, and until then the store refuses to answer (Store.check_ready)."""
    parts = [TEXT_VERSION, sorted(CEDILLA.items()), sorted(FOLD.items()), MONTHS, MULTIPLIERS, _ABBREVIATIONS,
             sorted(_URL_NOISE), _TOKEN_RE.pattern, _URL_RE.pattern, sorted(stopwords()), "snowball:romanian"]
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()[:12]
