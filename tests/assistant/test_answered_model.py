"""The answered model's features and fit beyond tests/assistant/test_relevance.py: an asked value
no best sentence holds, the sign bounds of the fit, the stripped unanswerables the fit constructs,
and a figure stated for another year than the one asked."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from docs_factory import assistant_over, index_texts

from assistant.answer.asked_values import another_year
from assistant.answer.evidence import Evidence
from assistant.build import build_assistant
from assistant.query import Query
from assistant.relevance import ANSWERED_FEATURES, ANSWERED_SIGNS, SENTENCE_FEATURES, VALUE_SENTENCES, answered_vector


def _evidence(rank: int, logit: float, has_value: bool) -> Evidence:
    return Evidence(rank, f"propoziția {rank}", frozenset(), 1.0, 0.5, 0.5, has_value, 0.5,
                    logit=logit, features=tuple(0.0 for _ in SENTENCE_FEATURES))


def test_value_unmet_is_set_when_no_best_sentence_holds_the_asked_value() -> None:
    at = ANSWERED_FEATURES.index("value_unmet")
    without = [_evidence(i, 5.0 - i, False) for i in range(VALUE_SENTENCES)]
    later = [*without, _evidence(VALUE_SENTENCES, 1.0, True)]  # a value further down does not count
    assert answered_vector(later, (0.0, 0.0), 1.0, value_asked=True)[at] == 1.0
    assert answered_vector(later, (0.0, 0.0), 1.0, value_asked=False)[at] == 0.0  # none asked
    held = [_evidence(0, 5.0, False), _evidence(1, 4.0, True)]
    assert answered_vector(held, (0.0, 0.0), 1.0, value_asked=True)[at] == 0.0


def test_value_gap_is_how_much_less_the_best_value_sentence_covers() -> None:
    at, ctx = ANSWERED_FEATURES.index("value_gap"), SENTENCE_FEATURES.index("ctx_cov")

    def scored(logit: float, cov: float, has_value: bool) -> Evidence:
        features = tuple(cov if i == ctx else 0.0 for i in range(len(SENTENCE_FEATURES)))
        return Evidence(0, "propoziția", frozenset(), 1.0, cov, cov, has_value, cov, logit=logit, features=features)

    other_thing = [scored(5.0, 0.9, False), scored(4.0, 0.2, True)]  # the figure stands beside other words
    assert answered_vector(other_thing, (0.0, 0.0), 1.0, value_asked=True)[at] == pytest.approx(0.7)
    assert answered_vector(other_thing, (0.0, 0.0), 1.0, value_asked=False)[at] == 0.0
    own = [scored(5.0, 0.9, True), scored(4.0, 0.2, False)]
    assert answered_vector(own, (0.0, 0.0), 1.0, value_asked=True)[at] == 0.0
    assert answered_vector([scored(5.0, 0.6, False)], (0.0, 0.0), 1.0, value_asked=True)[at] == pytest.approx(0.6)


def test_every_answered_feature_has_the_side_its_meaning_fixes() -> None:
    assert set(ANSWERED_SIGNS) <= set(ANSWERED_FEATURES)
    assert all(sign in (1, -1) for sign in ANSWERED_SIGNS.values())
    for name in ("missing", "missing_names", "name_absent", "value_unmet", "value_gap"):
        assert ANSWERED_SIGNS[name] == -1
    for name in ("best", "best_own", "best_value", "agreement"):
        assert ANSWERED_SIGNS[name] == 1


def test_sign_bounds_keep_a_collinear_feature_on_its_side_and_the_fit_is_reproducible() -> None:
    from bench.learners import fit_pointwise

    rng = np.random.default_rng(23)
    n = 600
    y = (rng.random(n) < 0.6).astype(int)
    signal = np.where(y == 1, rng.normal(1.0, 0.4, n), rng.normal(0.0, 0.4, n))
    # a near copy of the signal with the label's noise subtracted: unbounded, a fit leans on the
    # difference of the two and gives the copy a negative weight its meaning forbids
    copy = signal + rng.normal(0.0, 0.05, n) - 0.3 * (y - 0.6)
    x = np.column_stack([signal, copy])
    names = ("coverage", "coverage_copy")
    free = fit_pointwise(x, y, names)
    assert free.coef[1] < 0 < free.coef[0]
    bounded = fit_pointwise(x, y, names, {"coverage": 1, "coverage_copy": 1})
    assert bounded.coef[0] > 0 and bounded.coef[1] >= 0
    assert fit_pointwise(x, y, names, {"coverage": 1, "coverage_copy": 1}) == bounded
    # the bounded model still separates the labels
    logits = x @ np.array(bounded.coef) + bounded.intercept
    assert np.mean((logits > 0) == (y == 1)) > 0.85


def test_the_fit_strips_the_passages_stating_a_figure_and_keeps_the_document(tmp_path: Path) -> None:
    from bench.fit_data import Item, eval_fold, scored_sentences

    filler = " ".join(f"Serele din lotul {k} au folii duble și irigare prin picurare." for k in range(12))
    docs = {"sere.txt": f"PREZENTARE\n\nProgramul Sere Solare Montane finanțează sere legumicole. {filler}\n\n"
                        f"VALORI\n\nValoarea maximă a unui proiect este de 73.500 lei. {filler}\n\n"
                        f"SOLICITANȚI\n\nSolicitanții sunt fermierii din zona montană, înregistrați la APIA. {filler}"}
    ours = assistant_over(tmp_path, docs)
    item = Item("dev", "t1", "Care este valoarea maximă a unui proiect la Sere Solare Montane?",
                [eval_fold("Valoarea maximă a unui proiect")], [eval_fold("73.500")], False, "sere.txt",
                retriever=ours.retriever)
    _, passages, _ = scored_sentences(item)
    assert any("73.500" in p.chunk.text for p in passages)
    _, stripped, scored = scored_sentences(item, stripped=True)
    assert stripped and not any("73.500" in p.chunk.text for p in stripped)
    assert all(p.chunk.document == "sere.txt" for p in stripped)
    assert not any("73.500" in e.sentence for e in scored)


@pytest.mark.parametrize(("question", "sentence", "other"), [
    ("Cât a fost bugetul programului în 2029?", "Bugetul programului pentru anul 2031 este de 4.000.000 lei.", True),
    ("Cât a fost bugetul programului în 2031?", "Bugetul programului pentru anul 2031 este de 4.000.000 lei.", False),
    ("Cât a fost bugetul programului în 2029?", "Bugetul programului este de 4.000.000 lei.", False),
    ("Ce buget are programul în 2029?", "Bugetul pe perioada 2028-2033 este de 9.000.000 lei.", False),
    ("Câți membri avea asociația în anii 1990?", "În 1994 asociația avea 31 de membri.", False),
    ("Câți membri avea asociația în 2012?", "În 1994 asociația avea 31 de membri.", True),
    ("Cât a fost bugetul programului?", "Bugetul programului pentru anul 2031 este de 4.000.000 lei.", False),
])
def test_a_figure_stated_for_another_year_is_another_years(question: str, sentence: str, other: bool) -> None:
    assert another_year(Query.parse(question), sentence) is other


def test_a_budget_asked_for_a_year_the_document_gives_for_another_abstains(tmp_path: Path) -> None:
    docs = {"ghid-arcasi.txt": "Ghidul programului Arcașii Verzi 2031\n\n"
                               "Bugetul programului pentru anul 2031 este de 6.250.000 lei, din care 900.000 lei "
                               "sunt rezervați asociațiilor sportive rurale.\n\n"
                               "Sesiunea anterioară a programului s-a desfășurat între 4 și 25 mai 2029.\n\n"
                               "Cererile se depun online până la 12 octombrie 2031."}
    ours = assistant_over(tmp_path, docs)
    assert "6.250.000" in ours.ask("Care este bugetul programului Arcașii Verzi în 2031?").text
    answer = ours.ask("cat a fost bugetul programului arcasii verzi in 2029?")
    assert answer.abstained and "6.250.000" not in answer.text, answer.text


CALLS = {
    "apel-faruri.txt": (
        "GHIDUL SOLICITANTULUI\n\nApelul „Faruri Costiere Restaurate” – cod FCR/2034/1\n\n"
        "INFORMAȚII GENERALE\n\nBugetul total al apelului este de 2.430.000 euro. Se acordă un avans de "
        "35% din valoarea finanțării, după semnarea contractului.\n\n"
        "SOLICITANȚI ELIGIBILI\n\nPot solicita finanțare unitățile administrativ-teritoriale din zona costieră.\n\n"
        "CALENDAR\n\nCererile de finanțare se depun până la 14 mai 2034, ora 16:00.\n\n"
        "ORGANIZARE\n\nPreședintele comisiei de evaluare este Tudora Răzvănescu.\n\n"
        "CONTACT\n\nÎntrebările se trimit la adresa faruri@agentie-exemplu.ro.\n"),
    "apel-podete.txt": (
        "GHIDUL SOLICITANTULUI\n\nApelul „Podețe Rurale din Lemn” – cod PRL/2034/4\n\n"
        "INFORMAȚII GENERALE\n\nBugetul total al apelului este de 1.180.000 euro. Plata se face pe bază de "
        "cereri de rambursare, după fiecare etapă.\n\n"
        "SOLICITANȚI ELIGIBILI\n\nPot solicita finanțare comunele din zona montană.\n\n"
        "CALENDAR\n\nCererile de finanțare se depun până la 9 iulie 2034, ora 12:00.\n\n"
        "CONTACT\n\nÎntrebările se trimit la adresa podete@agentie-exemplu.ro.\n"),
}


@pytest.fixture(scope="module")
def two_calls(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    docs, index = tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("index")
    return build_assistant(index_texts(docs, index, CALLS))


def test_a_thing_the_named_call_never_writes_is_not_stated_even_when_another_call_does(two_calls) -> None:  # type: ignore[no-untyped-def]
    answer = two_calls.ask("ce avans se poate primi la apelul Podețe Rurale din Lemn?")
    assert answer.abstained and "35%" not in answer.text, answer.text
    assert "35%" in two_calls.ask("ce avans se poate primi la apelul Faruri Costiere Restaurate?").text
    who = two_calls.ask("cine e presedintele comisiei la apelul Podețe Rurale din Lemn?")
    assert who.abstained and "Răzvănescu" not in who.text, who.text
    assert "Răzvănescu" in two_calls.ask("cine e presedintele comisiei la apelul Faruri Costiere Restaurate?").text



@pytest.mark.parametrize(("sentence", "another"), [
    ("Webinar de prezentare a schemei: 9 februarie 2032, ora 10:00, online (link trimis la înscriere).", True),
    ("Lansarea oficială a programului are loc pe 2 martie 2032 la Oradea.", True),
    ("Cererile se depun până la 27 aprilie 2032, ora 14:00.", False),
    ("27 aprilie 2032, ora 14:00", False),  # a brochure's bare closing day
    ("Data limită: 27 aprilie 2032", False),
    ("Apelul rămâne deschis până la 27 aprilie 2032.", False),
])
def test_a_date_labelled_with_another_event_does_not_say_until_when_one_submits(sentence: str,
                                                                                another: bool) -> None:
    from assistant.answer.asked_values import date_of_another_act

    query = Query.parse("pana cand se pot depune cererile la schema de granturi?")
    assert date_of_another_act(query, sentence) is another


def test_a_rate_stated_for_other_kinds_of_applicant_is_not_the_asked_kinds(tmp_path: Path) -> None:
    from assistant.answer.asked_values import another_applicant

    assert another_applicant("cat e rata pentru IMM-uri?", "Rata este de 12% pentru întreprinderile mari.")
    assert not another_applicant("cat e rata pentru IMM-uri?", "Rata este de 45% pentru întreprinderile mici.")
    assert not another_applicant("cat e rata de cofinantare?", "Rata este de 12% pentru întreprinderile mari.")
    docs = {"apel-laboratoare.txt": (
        "GHIDUL SOLICITANTULUI\n\nApelul „Laboratoare Deschise de Testare” – cod LDT/2034/2\n\n"
        "SOLICITANȚI\n\nPot solicita finanțare întreprinderile mari și organizațiile de cercetare publice.\n\n"
        "VALORI\n\nValoarea maximă a unui proiect este de 3.250.000 euro. Rata de cofinanțare a solicitantului "
        "este de 35% pentru întreprinderile mari și de 4% pentru organizațiile de cercetare publice.\n\n"
        "CALENDAR\n\nCererile se depun până la 21 noiembrie 2034, ora 12:00.\n")}
    ours = assistant_over(tmp_path, docs)
    answer = ours.ask("care e rata de cofinantare pentru IMM-uri la apelul Laboratoare Deschise de Testare?")
    assert "35%" not in answer.text and "4%" not in answer.text, answer.text
    assert "35%" in ours.ask("care e rata de cofinantare pentru intreprinderile mari la apelul Laboratoare "
                             "Deschise de Testare?").text


def test_a_bound_written_in_words_is_that_bound(tmp_path: Path) -> None:
    docs = {"faq-ateliere.md": (
        "# Întrebări frecvente - Programul „Ateliere de Ceramică”\n\n"
        "## 1. Care este suma maximă pe care o poate primi un atelier?\n\n"
        "Un atelier poate primi cel mult 64.000 euro, iar contribuția proprie minimă este de 12% din "
        "cheltuielile eligibile.\n\n"
        "## 2. Cât durează evaluarea?\n\nEvaluarea durează cel mult 45 de zile lucrătoare.\n")}
    ours = assistant_over(tmp_path, docs)
    # "cel mult" states a maximum: the sentence is not one stating a minimum only
    assert "64.000" in ours.ask("care e suma maxima pe care o poate primi un atelier de ceramica?").text


def test_a_figure_asked_by_a_word_the_named_call_does_not_write_is_still_answered(tmp_path: Path) -> None:
    docs = {"apel-poduri.txt": (
        "GHIDUL SOLICITANTULUI\n\nApelul „Poduri de Piatră Montane” – cod PPM/2034/1\n\n"
        "BUGET\n\nBugetul apelului este de 1.900.000 euro. Sprijin acordat: cel mult 96.000 euro/proiect, "
        "cu o cofinanțare proprie de 15%.\n\n"
        "SOLICITANȚI\n\nPot depune cereri comunele din zona montană.\n\n"
        "CALENDAR\n\nCererile se depun până la 3 iunie 2034, ora 12:00.\n")}
    ours = assistant_over(tmp_path, docs)
    # "finanțare" is written nowhere in the call: a figure is named many ways, the value decides
    query = Query.parse("ce finantare maxima pe proiect da apelul Poduri de Piatra Montane?")
    named = ours.book.named(query)
    assert named == {"apel-poduri.txt"} and not ours.retriever.unwritten_in(query, named)
    assert ours.retriever.unwritten_in(Query.parse("ce avans se da la apelul Poduri de Piatra Montane?"), named)
    answer = ours.ask(query.text)
    assert not answer.abstained and {c.document for c in answer.citations} == {"apel-poduri.txt"}, answer.text


def test_a_hyphenated_name_no_document_writes_whole_is_absent(tmp_path: Path) -> None:
    docs = {"raport-cluster-arin.txt": "Raportul Clusterului Arin 2033\n\n"
                                       "Membrii clusterului sunt firme de servicii, două camere de comerț și o "
                                       "universitate. Proiectul Arin Digital are un buget de 310.000 euro.",
            "apel-pescarus.txt": "Apelul Pescăruș-Deltaic 2033\n\nBugetul programului Pescăruș-Deltaic este de "
                                 "4.200.000 lei. Cererile se depun până la 3 mai 2033."}
    ours = assistant_over(tmp_path, docs)
    written = Query.parse("Care este bugetul programului Pescăruș-Deltaic?")
    assert ours.retriever.absent_name(written) == 0.0
    assert "4.200.000" in ours.ask("Care este bugetul programului Pescăruș-Deltaic?").text
    unwritten = Query.parse("Care este bugetul programului Comerț-Servicii 2033?")  # its words apart only
    assert ours.retriever.absent_name(unwritten) == 1.0
    assert ours.retriever.absent_name(unwritten, without="raport-cluster-arin.txt") == 1.0


@pytest.mark.parametrize("question", ["câte proiecte au fost finanțate?", "How many projects were funded?"])
def test_a_count_question_quotes_the_sentence_counting_its_noun_first(tmp_path: Path, question: str) -> None:
    docs = {"raport-competitie.txt": "Raportul competiției Vârtej Inovativ\n\n"
                                     "Astfel, rezultatele și evoluția proiectelor finanțate în cadrul competiției "
                                     "Vârtej Inovativ 2031-2032 pot fi consultate în prezentul raport.\n\n"
                                     "La cererea agenției, directorii proiectelor finanțate au trimis prezentări "
                                     "privind stadiul proiectelor la data de 31 decembrie 2032.\n\n"
                                     "Creată pentru creșterea competitivității firmelor din clustere, competiția "
                                     "a reunit 19 proiecte depuse, dintre care 11 proiecte au fost finanțate."}
    answer = assistant_over(tmp_path, docs).ask(question)
    first = answer.text.split("[1]")[0]
    assert "11 proiecte" in first, answer.text


EDITION = {"buletin-lupinia.txt": "Buletinul clusterului Lupinia, nr. 3\n\n"
                                  "A doua ediție a târgului Lupinia Expo s-a desfășurat la Vaslui, în zilele de "
                                  "4-5 iunie 2032, la Casa de Cultură a orașului.\n\nClusterul are 41 de membri."}
TURNOVER = {"raport-proiecte.txt": "Stadiul proiectelor clusterului Vârful Alb\n\n"
                                   "Proiectul ALBMED a urmărit creșterea cifrei de afaceri a membrilor cu 2,4 milioane "
                                   "lei. Proiectul ALBMED a organizat 6 ateliere cu 90 de participanți.\n\n"
                                   "Bugetul anual al clusterului este aprobat de adunarea generală a membrilor."}


@pytest.mark.parametrize(("docs", "asked", "value", "other"), [
    # where an edition of another year was held
    (EDITION, "unde s-a tinut targul lupinia expo in 2032?", "Vaslui",
     "unde s-a tinut editia 2030 a targului lupinia expo?"),
    # a sum of another thing is not the budget asked
    (TURNOVER, "cu cat a crescut cifra de afaceri a membrilor in proiectul ALBMED?", "2,4 milioane",
     "cat a fost bugetul proiectului ALBMED in lei?")])
def test_a_value_of_another_edition_or_thing_is_not_answered(tmp_path: Path, docs: dict[str, str], asked: str,
                                                              value: str, other: str) -> None:
    ours = assistant_over(tmp_path, docs)
    assert value in ours.ask(asked).text
    answer = ours.ask(other)
    assert answer.abstained and value not in answer.text, answer.text
