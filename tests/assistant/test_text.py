"""Romanian normalisation: one spelling, one token, at ingest and at query time alike."""

from __future__ import annotations

import pytest

from assistant.text import fold, index_tokens, normalize, query_tokens, raw_tokens, stopwords


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


@pytest.mark.parametrize("written", ["2.800.000", "2800000", "2,8 milioane", "2,8 mil.", "2 800 000"])
def test_numbers_written_differently_give_one_token(written: str) -> None:
    assert "2800000" in index_tokens(f"bugetul este de {written} euro")


@pytest.mark.parametrize("written", ["4 mil.", "4 milioane", "4.000.000", "4 mil"])
def test_millions_abbreviated_or_not_give_one_token(written: str) -> None:
    assert "4000000" in index_tokens(f"alocare de {written} euro")


def test_percentages_with_or_without_space_are_one_token() -> None:
    assert index_tokens("rata de 75 %") == index_tokens("rata de 75%")
    assert "75%" in index_tokens("rata de 75 %")


def test_decimal_percentage_keeps_its_decimals() -> None:
    assert "12.5%" in index_tokens("o rată de 12,5%")


@pytest.mark.parametrize("written", ["8 martie 2018", "08.03.2018", "8.3.2018", "08/03/2018"])
def test_dates_written_differently_share_a_date_token(written: str) -> None:
    assert "2018-03-08" in index_tokens(f"termenul este {written}")


def test_date_in_words_and_in_digits_give_the_same_date_token() -> None:
    words = {t for t in index_tokens("8 martie 2018") if t.count("-") == 2}
    digits = {t for t in index_tokens("08.03.2018") if t.count("-") == 2}
    assert words == digits == {"2018-03-08"}


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
    assert index_tokens(romanian)[0] in query_tokens(f"what is the {english} of the call")


def test_english_stopwords_are_dropped_from_queries() -> None:
    tokens = query_tokens("what is the budget of the call")
    assert not {"what", "is", "the", "of"} & set(tokens)


def test_romanian_question_keeps_its_own_words() -> None:
    q = "Care este valoarea maximă a proiectului?"
    assert set(index_tokens(q)) <= set(query_tokens(q))


def test_raw_tokens_keep_words_unstemmed_and_folded() -> None:
    assert raw_tokens("Bugetul Apelului") == ["bugetul", "apelului"]


def test_format_characters_are_every_cf_character_of_this_unicode() -> None:
    import unicodedata

    from assistant.text import _FORMAT_SET

    every = {chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) == "Cf"}
    assert every == _FORMAT_SET


def test_addresses_and_format_characters_still_fold_away() -> None:
    assert raw_tokens("scrieți la birou@apel-test.ro sau www.apel-test.ro/ghid") == [
        "scrieti", "la", "birou", "apel", "test", "sau", "apel", "test"]
    assert raw_tokens("fi\u00adnan\u200bțare") == ["finantare"]
