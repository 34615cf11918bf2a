"""What a question asks for (a rate, an amount, a date, a count, a contact...), from its wording.

Cue words are general Romanian (and English) question vocabulary, kept here as small tables.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from assistant.text import fold, is_english, stopwords

# Who may apply, asked in so many words (a bare "solicitantul" may instead own a value asked).
_WHO_APPLIES = (r"\bcine (poate|pot|are dreptul|este eligibil|se poate inscrie)\b|"
                r"\bbeneficiar\w* (eligibil\w*|final\w*)|\beligible (applicants?|beneficiar\w*|entities)|"
                r"\bwho (can|may|is eligible to) apply|\bwho (is|are) eligible|\bfinal beneficiar\w*|"
                r"\bce (entitati|organizatii|firme|institutii) pot\b|"
                r"\bwhich (applicants|entities|organi[sz]ations|beneficiaries)\b|\bapplicants? (is|are) eligible\b")

# "Mai pot depune la X?", "mai e deschis apelul?", "se mai poate aplica?", "is it still open?": whether
# the submission window is still open, which the call's deadline answers ("mai" = still, yet).
STILL_OPEN = (r"\b(?:mai (?:pot|putem|poate|puteti|poti|se poate|se pot)|se mai (?:poate|pot)) (?:\w+ )?"
              r"(?:depun|aplic|inscri|trimit|solicit)\w*|\b(?:mai|inca) (?:e|este|sunt|a ramas|ramane) "
              r"(?:inca )?(?:deschis|activ|valabil)\w*|\bmai (?:e|este|am|avem|aveti) timp\b|"
              r"\bstill (?:open|apply|submit)|\bcan (?:i|we) still\b")

# "Pot lua bani la X?", "putem primi finanțare?", "pot obține fonduri prin X?": whether the asker may
# get the call's money at all, i.e. may apply, not how much ("cât/câți bani pot lua" asks a sum);
# "finanțare pentru <a thing>" asks whether that thing is funded.
MAY_GET_FUNDS = (r"\b(?:putem|pot|poate|puteti|poti|putea|as putea|am putea) (?:\w+ ){0,2}?(?:sa )?"
                 r"(?:lua|luam|ia|iau|primi|primim|primeasca|primesc|obtine|obtinem|obtina|obtin|accesa)\s+"
                 r"(?:si |niste |o |un )?(?:bani|finantar\w*|fonduri\w*|grant\w*|sprijin\w*|ajutor\w*)\b"
                 r"(?!\s+(?:pentru|for)\b)")

_CUES: dict[str, str] = {
    "percent": (r"\b(procent\w*|rat[ae]\w*|contributi\w*|cofinant\w*|intensitat\w*|co-financing|rate|percentage|"
                r"intensity|share)\b|%"),
    "amount": (r"\b(buget\w*|alocare\w*|alocat\w*|suma|sume|valoare\w*|bani|euro|lei|cat primesc|"
               r"budget|amount|value|how much|allocation|allocated)\b"),
    # "La ce oră": a time of day, which a document writes beside the day ("8 mai, ora 12:00").
    "date": (r"\b(cand|termen\w*|data (limita|de|la care)|ce data|deadlines?|pana cand|perioad\w*|when|"
             rf"what date|ce ora|what time)\b|{STILL_OPEN}"),
    # "numărul de telefon / de înregistrare / contractului" names an identifier, not a count
    "count": (r"\b(cati|cate|how many)\b|\bnumar\w*\b(?! (?:de |al |a )?(?:telefon|fax|mobil|inregistrare|"
              r"contract|cont\b|identificare|ordine|referinta|apel|proiect\w* (?:de|al))\w*)"),
    "contact": r"\b(e-?mail\w*|mail\w*|contact\w*|telefon\w*|adres\w*|unde (pot|putem) (trimite|scrie|intreba))\b",
    "person": r"\b(cine|who)\b",
    # Who may apply: answered by the call's list of eligible applicants, not by a name.
    "applicant": rf"{_WHO_APPLIES}|\bsolicitant\w*",
    "place": (r"^\s*(unde|where)\b|\b(in ce (loc|oras|localitate|regiune|judet|tara|zona)|"
              r"unde (\w+ ){1,2}loc|unde se afla)\b"),  # "a avea loc" (take place), in any tense
    # "Cât durează", "cât timp durează / ține", "în cât timp": how long something lasts.
    "duration": r"\b(cat timp|cat (dureaza|tine)|dureaz\w*|durat\w*|how long)\b",
    # "Când a fost ...", "în ce an": a year answers it; a deadline needs a day and a month.
    "year": r"^\s*(cand|in ce an|in ce perioada|when|what year)\b",
    # Whether the asker may get the funding: answered with who may apply, beside what is funded.
    # The modal may stand before its subject ("poate un PFA să depună"), the verb in the
    # infinitive or the subjunctive ("să aplice", "să depun", "să acceseze").
    "eligibility": (rf"{MAY_GET_FUNDS}|\b(putem|pot|poate|puteti|poti|putea) (?:[\w-]+ ){{0,4}}?(sa )?"
                    r"(primi|primeasca|primim|obtine|obtina|obtinem|beneficia|beneficieze|beneficiem|aplica|aplice|"
                    r"aplicam|solicita|solicite|solicitam|depune|depuna|depun|depunem|accesa|acceseze|accesam)\b|"
                    r"\b(suntem|sunt|este|esti|e|am fi|ar fi) eligibil\w*|\bcan (we|i) (apply|get|receive)\b|"
                    r"\b(are we|am i) eligible\b"),
    # Asks for every item of a kind: "care sunt domeniile", "ce activități sunt finanțate".
    "list": r"^\s*(care sunt|ce \w+ (sunt|se)|enumera\w*|listeaz\w*|which are|what \w+ are)\b",
}


# "Finanțarea maximă" / "maximum grant": a rate or a sum, depending on the call.
_MAX_FUNDING = r"\bfinant\w* maxim\w*|\bmax(imum)? (funding|grant|financing)\b"

# "Ce se întâmplă dacă / când / în cazul în care ...", "what happens if": asks what a rule makes
# follow from a case (a rejection, a reduction), whatever value or applicant the case names.
_CONSEQUENCE = re.compile(r"^\W*(?:ce se (?:va )?intampla|what happens)\b")
_VALUE_KINDS = frozenset({"percent", "amount", "date", "count", "contact", "person", "applicant", "place",
                          "duration", "year"})
# "Cât trebuie să acopere / să asigure / să contribuie (solicitantul)": the applicant's share of a
# project, which a call states as a rate of co-financing ("minimum 15%") or as a sum: both kinds.
# "Cât plătesc eu / plătim noi / plătește beneficiarul": the part the applicant pays itself, the same share.
COVERS = r"(?:acoper|asigur|contribui|suport|platesc|platim|plateste|platiti|platest|plati)\w*"  # covers, bears, pays
# "Cât trebuie să pun (eu) de la mine", "cât dăm noi": what the asker puts in or gives is its share too.
SHARE_COVERED = re.compile(rf"\bcat (?:\w+ ){{0,3}}?(?:sa )?(?:{COVERS}|(?:pun|punem|puna|puneti|dau|dam|dati)\b)|"
                           r"\b(?:how much|what (?:share|part|percentage)) (?:\w+ ){0,3}?"
                           r"(?:cover|contribute|provide|bear|pay)\b")
# "Cât este / cât reprezintă contribuția X": how much a fund or a party gives, which a call states
# as a sum ("contribuția FEDR: 3.000.000 euro") or as a share ("contribuția proprie: 10%").
_HOW_MUCH_GIVEN = re.compile(r"\bcat (?:\w+ ){0,2}contributi")

HEAD_WORDS = 7  # a question says what it asks for in its first words


@dataclass(frozen=True)
class Intent:
    kinds: frozenset[str]
    stated: frozenset[str] = frozenset()  # kinds asked for at the head of the question

    def insists(self, kind: str) -> bool:
        """The question is about this kind of value: without one there is no answer."""
        return kind in self.stated

    def wants(self, kind: str) -> bool:
        return kind in self.kinds

    @property
    def typed(self) -> frozenset[str]:
        """The kinds answered by a value of a recognisable shape."""
        return self.kinds & {"percent", "amount", "date", "contact", "count", "duration", "person", "place", "year"}


# Words that look like a cue but, in these constructions, say something else (general Romanian):
# "atunci când", "doar când", "numai când", ... join a clause ("ce se întâmplă atunci când ...": a
# condition, not a date asked for); "ce termen", "un termen", "termenul folosit / utilizat pentru"
# is a word (a name for something), not a deadline, and so is "termenul" after a verb of using or
# coining a word ("a folosit / introdus pentru prima dată termenul de ..."); "termenul conform
# căruia ..." a rule stated.
_NOT_A_CUE = re.compile(r"\b(?:atunci|doar|numai|chiar|exact|tocmai|decat) cand\b|\b(?:ce|un|acest|alt) termen\w*"
                        r"|\b(?:folos|utiliz|introdu|invent|crea|populariz)\w* "
                        r"(?:\w+ ){0,4}?termen\w*"
                        r"|\btermen\w* (?:\w+ )?(?:folosit\w*|utilizat\w*|(?:se )?(?:foloseste|folosesc|utilizeaza)|"
                        r"desemn\w*|denumi\w*|numit\w*)\b|\btermen\w* (?:conform|potrivit) (?:caruia|careia|carora)\b")
# A question opening with "cine" asks for someone: a cue word after it ("contribuțiile muzicale",
# "bugetul") describes what the person did, not the kind of value wanted.
_ASKS_SOMEONE = re.compile(r"^\W*(?:cine|pe cine|cui|who)\b")


def detect_intent(question: str) -> Intent:
    whole = _clause_intent(question)
    clauses = asked_clauses(question)
    if len(clauses) < 2:
        return whole
    # "Care este rata de cofinanțare și valoarea maximă pe proiect?": each clause asks its value.
    parts = [_clause_intent(c) for c in clauses]
    return Intent(whole.kinds.union(*(p.kinds for p in parts)), whole.stated.union(*(p.stated for p in parts)))


# "X și Y" where Y opens with a question word or a noun asking a value of its own ("și cât e ...",
# "și valoarea maximă", "și termenul limită"): two things asked in one question.
_CLAUSE_SPLIT = re.compile(r"\s(?:si|and)\s+(?=(?:cat|cand|unde|care|ce|how|when|where|what|"
                           r"valoare\w*|suma\w*|termen\w*|data\b|rata\w*|buget\w*|alocare\w*|"
                           r"cofinant\w*|procent\w*|contact\w*|adres\w*|durat\w*)\b)")


def asked_clauses(question: str) -> list[str]:
    """The clauses of one question that each ask a value of their own (folded), or the whole
    question folded as one clause."""
    return [c.strip() for c in _CLAUSE_SPLIT.split(fold(question)) if c.strip()]


def _clause_intent(question: str) -> Intent:
    q = _NOT_A_CUE.sub(" ", fold(question))
    kinds = {k for k, rx in _CUES.items() if re.search(rx, q)}
    if "duration" in kinds and not re.search(r"\b(pana cand|until when)\b", q):
        kinds.discard("date")  # "până când durează": the day a period ends, besides how long
    if SHARE_COVERED.search(q):
        kinds |= {"percent", "amount"}
    if re.search(MAY_GET_FUNDS, q) and not re.search(r"\bcat[ia]?\b|\bhow much\b", q):
        kinds.discard("amount")  # "pot lua bani la X?": whether one may apply, no sum asked
    if "applicant" in kinds:
        kinds.discard("person")  # "cine poate depune": a kind of applicant, not someone's name
    if kinds & {"percent", "amount", "date", "duration", "count"} and not re.search(_WHO_APPLIES, q):
        kinds.discard("applicant")  # "contribuția solicitantului", "cât acoperă solicitantul": a value of the applicant
    if "contact" in kinds:
        kinds.discard("place")  # "unde pot trimite întrebări": an address to write to
    if re.search(r"\b(termen\w*|data limita|deadline|depun\w*|depunere\w*|inscrier\w*)\b", q):
        kinds.discard("year")  # a submission opens and closes on a day of a month: a year alone is no answer
    if "person" in kinds and _ASKS_SOMEONE.match(q):
        kinds -= {"percent", "amount"}
    if "count" in kinds:
        kinds -= {"percent", "amount", "date"}  # "câte proiecte ... cofinanțeze": a count
    if _CONSEQUENCE.match(q):
        kinds -= _VALUE_KINDS  # "ce se întâmplă dacă solicitantul ...": a rule's consequence, not a value
    if re.search(_MAX_FUNDING, q):
        kinds |= {"percent", "amount"}  # "finanțarea maximă" is a rate or a sum, by call
    elif "percent" in kinds:
        kinds.discard("amount")  # "contribuția maximă": a rate, not a sum
    if _HOW_MUCH_GIVEN.search(q):
        kinds.add("amount")  # "cât este contribuția FEDR": a fund's sum, or a share, by call
    head = " ".join(_head_words(q, english=is_english(question)))
    stated = {k for k in kinds if k in _CUES and re.search(_CUES[k], head)}
    # "Cât se decontează?", "cât e maximul?": how much money, when the question names no rate,
    # duration, count or date it would be the measure of ("cu cât": by how much, a comparison).
    if not kinds & {"percent", "duration", "count", "date", "year"}:
        how_much = re.search(r"(?<!\bcu )\bcat\b(?!\s+(timp|mai|de\b))", q)
        if how_much:
            kinds.add("amount")
            if re.search(how_much.re, head):
                stated.add("amount")
    if _HOW_MUCH_GIVEN.search(head):
        stated.add("amount")
    if SHARE_COVERED.search(head):
        stated |= {"percent", "amount"} & kinds
    if {"percent", "amount"} <= kinds and re.search(_MAX_FUNDING, head):
        stated |= {"percent", "amount"}
    return Intent(frozenset(kinds), frozenset(stated))


def without_asked(question: str) -> str:
    """The question without the words that name the kind of value it asks ("Care e bugetul
    apelului X?" -> "Care e apelului X?"): what it is about, as written (names keep their case)."""
    stated = detect_intent(question).stated
    cues = [re.compile(rf"(?:{_CUES[k]})") for k in stated if k in _CUES]
    return " ".join(w for w in question.split()
                    if not any(rx.fullmatch(re.sub(r"\W+$", "", fold(w))) for rx in cues))


_ASKED_NOUN = re.compile(r"^\s*(?:ce|care|cate|cati|what|which|how many)\s+([a-z][a-z-]+)")


def asked_noun(question: str) -> str:
    """The noun naming what a question asks for, right after its interrogative ("Ce clustere
    sunt ...": "clustere", "Which companies ...", "How many projects ..."); "" when it opens
    otherwise or with a verb or a function word ("Care este ...")."""
    m = _ASKED_NOUN.match(fold(question))
    word = m.group(1) if m else ""
    return "" if word in stopwords() or re.fullmatch(r"(este|sunt|e|a|au|s-a|se|era|erau)", word) else word


# "Care este / Cât a fost / Ce sunt X ...": the subject after the interrogative and its verb is
# the thing asked about ("Cât este avansul ...": "avansul"); a determiner there ("cealaltă",
# "primul") stands for a noun further on and says nothing.
_SUBJECT = re.compile(r"^\W*(?:care|cat|cata|cati|cate|ce|what|which)\s+(?:este|e|sunt|era|erau|a fost|au fost|"
                      r"is|are|was|were)\s+(?:the\s+)?([a-z][a-z-]+)")
# "Se dă / se acordă / există avans?": a yes-or-no question whether a thing is given asks about
# that thing, the noun after the verb.
_GIVEN = re.compile(r"^\W*(?:se\s+(?:da|dau|acorda|ofera|primeste|poate\s+primi)|exista|este\s+prevazut[a]?)\s+"
                    r"([a-z][a-z-]+)")
_DETERMINER = re.compile(r"(?:cel|cea|cei|cele|celalalt|cealalta|ceilalti|celelalte|alt|alta|alti|alte|"
                         r"acel|acea|acest|aceasta|prim|doi|doua|trei|unu|una|unul|ultim|urmat|other|first|last)\w*")


def asks_given(question: str) -> bool:
    """A yes-or-no question whether a thing is given ("Se dă avans ...?", "Există cofinanțare?"):
    its head (asked_head) is that thing, whatever figure it asks besides ("... cât la sută?")."""
    return bool(_GIVEN.match(fold(question)))


def asked_head(question: str) -> str:
    """The noun the question asks about: `asked_noun`, else the subject right after "care este",
    "cât a fost", "what is", "se acordă" ... ("" when neither stands there, or a determiner or function word does)."""
    noun = asked_noun(question)
    if noun:
        return noun
    m = _SUBJECT.match(fold(question)) or _GIVEN.match(fold(question))
    word = m.group(1) if m else ""
    return "" if not word or word in stopwords() or _DETERMINER.fullmatch(word) else word


def _head_words(folded: str, english: bool) -> list[str]:
    """The first HEAD_WORDS words of a folded question. English stacks its modifiers before
    the noun they qualify ("the maximum regional state aid intensity"), so an English question's
    head counts its content words only (function words pass without being counted)."""
    words = folded.split()
    if not english:
        return words[:HEAD_WORDS]
    stop, out, counted = stopwords(), [], 0
    for w in words:
        if counted >= HEAD_WORDS:
            break
        out.append(w)
        counted += re.sub(r"\W", "", w) not in stop
    return out


@lru_cache(maxsize=1)
def _concepts() -> list[tuple[re.Pattern[str], str]]:
    data = resources.files("assistant.data").joinpath("concepts_ro.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t", 1) for line in data.splitlines() if "\t" in line and not line.startswith("#")]
    return [(re.compile(rx), words.strip()) for rx, words in rows]


def concept_spans(question: str) -> list[tuple[str, str]]:
    """(the words of the question that ask it, the words documents use) for each concept.
    Words starting with "=" are plain synonyms (what the question is about), not what it asks."""
    q = fold(question)
    spans = []
    for rx, words in _concepts():
        m = rx.search(q)
        if m:  # widen to whole words: "buget" matched in "bugetul" takes "bugetul"
            start = len(q[: m.start()].rstrip("abcdefghijklmnopqrstuvwxyz")) if m.start() else 0
            tail = re.match(r"[a-z]*", q[m.end():])
            end = m.end() + (tail.end() if tail else 0)
            spans.append((q[start:end], words))
            q = q[:start] + " " * (end - start) + q[end:]  # a word asks one concept only
    return spans
