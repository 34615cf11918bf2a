"""Romanian normalisation: one spelling, one token, at ingest and at query time alike."""

from __future__ import annotations

import pytest

from assistant.folding import normalize
from assistant.passage_tokens import passage_raw_tokens, passage_token_parts, tokens_from_parts
from assistant.query import Query
from assistant.text import fold, index_tokens, raw_tokens, stopwords


def test_cedilla_and_comma_forms_give_the_same_tokens() -> None:
    cedilla = "Finanţarea şi cofinanţarea întreprinderilor, ŞTIINŢĂ"
    comma = "Finanțarea și cofinanțarea întreprinderilor, ȘTIINȚĂ"
    assert normalize(cedilla) == comma
    assert index_tokens(cedilla) == index_tokens(comma)


def test_fold_drops_diacritics_and_case() -> None:
    assert fold("ÎNTREPRINDERI Mici și Mijlocii, țară, Ștefan, ăâî") == (
        "intreprinderi mici si mijlocii, tara, stefan, aai")
    assert fold("ţară şi ŢARĂ") == "tara si tara"


def test_text_without_diacritics_matches_text_with_them() -> None:
    assert index_tokens("finantarea nerambursabila pentru intreprinderi") == index_tokens(
        "finanțarea nerambursabilă pentru întreprinderi")


def test_inflected_forms_share_a_stem() -> None:
    assert index_tokens("finanțare")[0] == index_tokens("finanțarea")[0]


@pytest.mark.parametrize("written", ["2.650.000", "2650000", "2,65 milioane", "2,65 mil.", "2 650 000"])
def test_numbers_written_differently_give_one_token(written: str) -> None:
    assert "2650000" in index_tokens(f"bugetul este de {written} euro")


@pytest.mark.parametrize("written", ["4 mil.", "4 milioane", "4.000.000", "4 mil"])
def test_millions_abbreviated_or_not_give_one_token(written: str) -> None:
    assert "4000000" in index_tokens(f"alocare de {written} euro")


def test_percentages_with_or_without_space_are_one_token() -> None:
    assert index_tokens("rata de 75 %") == index_tokens("rata de 75%")
    assert "75%" in index_tokens("rata de 75 %")


def test_decimal_percentage_keeps_its_decimals() -> None:
    assert "12.5%" in index_tokens("o rată de 12,5%")


@pytest.mark.parametrize("written", ["12 martie 2031", "12.03.2031", "12.3.2031", "12/03/2031"])
def test_dates_written_differently_share_a_date_token(written: str) -> None:
    assert "2031-03-12" in index_tokens(f"termenul este {written}")


def test_date_in_words_and_in_digits_give_the_same_date_token() -> None:
    words = {t for t in index_tokens("12 martie 2031") if t.count("-") == 2}
    digits = {t for t in index_tokens("12.03.2031") if t.count("-") == 2}
    assert words == digits == {"2031-03-12"}


@pytest.mark.parametrize("written", ["12 martie 2031", "12.03.2031", "12/03/2031"])
def test_a_date_holds_its_year_however_it_is_written(written: str) -> None:
    assert "2031" in index_tokens(f"termenul este {written}")


def test_a_year_written_in_a_question_is_one_of_its_names() -> None:
    assert "2029" in Query.parse("care e bugetul pentru anul 2029").names
    assert {"2021", "2027"} <= Query.parse("perioada de programare 2021-2027").names
    # amounts, dates and codes are no years
    assert not Query.parse("suma de 1.500 lei, depusă la 14.05.2029 sau 2029-05-14, cod AB/2029/1").names - {"ab"}
    assert "2029" not in Query.parse("apelul APL-XY-2029 sau 2029-XY").names


def test_stopwords_are_dropped() -> None:
    tokens = index_tokens("care este și pentru de la în cu o un")
    assert tokens == []
    assert {"si", "de", "este"} <= stopwords()


def test_content_words_survive_among_stopwords() -> None:
    tokens = index_tokens("Care este bugetul apelului pentru clustere?")
    assert index_tokens("bugetul")[0] in tokens
    assert index_tokens("clustere")[0] in tokens
    assert len(tokens) == 3


@pytest.mark.parametrize(("english", "romanian"), [
    ("funding", "finanțare"),
    ("budget", "buget"),
    ("deadline", "termen"),
    ("beneficiaries", "beneficiari"),
])
def test_english_funding_terms_become_romanian_query_tokens(english: str, romanian: str) -> None:
    assert index_tokens(romanian)[0] in Query.parse(f"what is the {english} of the call").tokens


def test_english_stopwords_are_dropped_from_queries() -> None:
    tokens = Query.parse("what is the budget of the call").tokens
    assert not {"what", "is", "the", "of"} & set(tokens)


def test_romanian_question_keeps_its_own_words() -> None:
    q = "Care este valoarea maximă a proiectului?"
    assert set(index_tokens(q)) <= set(Query.parse(q).tokens)


def test_raw_tokens_keep_words_unstemmed_and_folded() -> None:
    assert raw_tokens("Bugetul Apelului") == ["bugetul", "apelului"]


def test_word_forms_follow_one_rule_scanned_or_bisected() -> None:
    """Shorter and longer forms within STEM_SLACK letters, alphabetic words of 3+ letters only."""
    from assistant.wordforms import other_forms

    vocab = {"clust", "cluster", "clusterpolis", "clu", "clust2", "ghid", "ghidul"}
    for word, forms in [("cluster", {"clust"}), ("clust", {"clu", "cluster"}), ("ghid", {"ghidul"}), ("gh", set())]:
        assert set(other_forms(word, vocab)) == forms
        assert set(other_forms(word, vocab, sorted(vocab))) == forms


def test_format_characters_are_every_cf_character_of_this_unicode() -> None:
    import unicodedata

    from assistant.folding import _FORMAT_SET

    every = {chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) == "Cf"}
    assert every == _FORMAT_SET


def test_addresses_and_format_characters_still_fold_away() -> None:
    assert raw_tokens("scrieți la birou@apel-test.ro sau www.apel-test.ro/ghid") == [
        "scrieti", "la", "birou", "apel", "test", "sau", "apel", "test"]
    assert raw_tokens("fi\u00adnan\u200bțare") == ["finantare"]


def test_an_acronym_joined_by_an_ampersand_is_one_token() -> None:
    # Split at the "&", its letters are single characters no index keeps: the name would vanish.
    assert "q&z" in index_tokens("Muzeul Q&Z din Brăila")
    assert "k&p" in Query.parse("Cine conduce K&P?").names
    assert index_tokens("Lemn&Piatra") == index_tokens("Lemn Piatra")  # two words, not an acronym


@pytest.mark.parametrize("head, text", [
    ("Apelul Olarit 2033 / Buget", "Bugetul este de 3,4 milioane lei."),
    ("Ghidul solicitantului / Valoare 2,6", "milioane lei pentru fiecare proiect"),  # a multiplier after the head
    ("Calendar / termen 17", "august 2033, ora 12"),  # a month after the head's number
    ("Cofinanțare 45", "% din costurile eligibile"),  # a percent sign after the head's digits
    ("Contact / www.exemplu-apel.ro", "scrieți la birou@exemplu-apel.ro"),
    ("", "Termenul este 17.08.2033."),
])
def test_a_passage_under_its_head_reads_as_the_joined_text(head: str, text: str) -> None:
    joined = f"{head}\n{text}" if head else text
    assert passage_raw_tokens(head, text) == raw_tokens(joined)


@pytest.mark.parametrize("head, text", [
    ("Apelul Olarit 2033 / Calendar", "Termenul este 17 august 2033."),
    ("Calendar / 17 august", "2033, ora 12"),  # a month name ends the head: the year after it joins
    ("Cofinanțare 45", "% din costurile eligibile"),
])
def test_a_passage_read_in_parts_gives_the_joined_texts_tokens(head: str, text: str) -> None:
    own, rest = passage_token_parts(head, text)
    assert [*own, *rest] == raw_tokens(f"{head}\n{text}")
    assert tokens_from_parts(own, rest) == index_tokens(f"{head}\n{text}")


def test_raw_tokens_of_texts_with_and_without_digits():
    """A text with no digit and no "&" is read as its runs of letters (the fast path); a digit of
    any script or an "&" sends it through the full token pattern."""
    assert raw_tokens("Cererea de finanțare: max. granturi") == ["cererea", "de", "finantare", "maxim", "granturi"]
    assert raw_tokens("Cererea de finanțare: granturi și C&T") == [
        "cererea", "de", "finantare", "granturi", "si", "c&t"]
    assert raw_tokens("Termen ٤ aprilie") == ["termen", "4", "month:04"]
