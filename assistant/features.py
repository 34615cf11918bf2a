"""Shape features of a passage or sentence that say it answers a question of a given form."""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.query import Query, TokenLookup, token_matches
from assistant.sentences import split_sentences
from assistant.text import fold, index_tokens
from assistant.wordforms import FormSet

_DEFINITION = re.compile(r"\b(este|sunt|reprezinta|inseamna|se defineste|defineste|is|are|means)\b")
_ASKS_DEFINITION = re.compile(r"^\s*(ce (este|sunt|inseamna|reprezinta)|cum (se )?defineste|what (is|are))\b")


def is_label(unit: str) -> bool:
    """Only capitals (a brochure label or a heading): it names a topic, it answers nothing."""
    letters = [c for c in unit if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def named_field(query: Query, sentence: str) -> bool:
    """A table row with a column the question names ("directorul" -> "Director proiect: ...")."""
    if " | " not in sentence:
        return False
    wanted = set(query.core_tokens)
    return any(token_matches(h, wanted) for h in _field_headers(sentence))


# The per-sentence halves of the shape tests, cached by the sentence (a passage's sentences come
# back question after question): pure functions of the text, so caching changes no result.
_SENTENCES = 16384


@lru_cache(maxsize=_SENTENCES)
def _field_headers(row: str) -> tuple[str, ...]:
    """The column names of a table row, as the words `named_field` compares."""
    headers = set(index_tokens(" ".join(cell.split(":", 1)[0] for cell in row.split(" | ") if ":" in cell)))
    return tuple(h for h in headers if h.isalpha() and len(h) >= 4)


@lru_cache(maxsize=_SENTENCES)
def sentence_tokens(sentence: str) -> frozenset[str]:
    """index_tokens of a sentence, as a set."""
    return frozenset(index_tokens(sentence))


@lru_cache(maxsize=_SENTENCES)
def sentence_token_list(sentence: str) -> tuple[str, ...]:
    """index_tokens of a sentence, in order."""
    return tuple(index_tokens(sentence))


def proximity(query: Query, sentence: str) -> float:
    """How close together the question's words stand in the sentence: the number of distinct
    question terms it matches over the width of the shortest run of its words holding them all
    (1 when they stand side by side, 0 with fewer than two). An answer restates the question's
    words in one clause; a sentence that merely mentions them is spread out."""
    tokens = sentence_token_list(sentence)
    kept = _kept(query)
    term_of, by_head = kept.term_of, kept.by_head
    hits = []
    for i, tok in enumerate(tokens):
        j = term_of.get(tok, -1)
        if j == -1:
            j = term_of[tok] = next((j for j, a in by_head.get(tok[:3], ()) if token_matches(a, {tok})), None)
        if j is not None:
            hits.append((i, j))
    found = {j for _, j in hits}
    if len(found) < 2:
        return 0.0
    best, left, have = len(tokens), 0, 0  # the shortest window holding every found term
    counts: dict[int, int] = {}
    for pos, j in hits:
        counts[j] = counts.get(j, 0) + 1
        have += counts[j] == 1
        while have == len(found):
            best = min(best, pos - hits[left][0] + 1)
            lj = hits[left][1]
            counts[lj] -= 1
            have -= counts[lj] == 0
            left += 1
    return len(found) / best


class _Kept:
    """What the shape features keep of the question being scored (they meet the same words in
    sentence after sentence): `term_of`, each word's first matching term (proximity); `by_head`,
    its terms' words by their first three letters (a word matches another form of itself only,
    token_matches: equal, or one the other's prefix of 3+ letters, which begins as it does);
    `core`, its own words, asked of every word (novelty); `hits`, each word's matching terms, and
    `terms`, the terms' words (clip)."""

    def __init__(self, query: Query) -> None:
        self.query = query
        self.term_of: dict[str, int | None] = {}
        self.by_head: dict[str, list[tuple[int, str]]] = {}
        for j, term in enumerate(query.terms):  # in term order: the first term matching wins
            for a in term.alternatives:
                self.by_head.setdefault(a[:3], []).append((j, a))
        self.core = FormSet(frozenset(query.core_tokens))
        self.hits: dict[str, int] = {}
        # Each term's words: a word's token matches a term when one of them is a form of it
        # (the form rule is symmetric: FormSet(alternatives).matches(token) is token_matches of some
        # alternative against the token).
        self.terms = [FormSet(term.alternatives) for term in query.terms]


_last: _Kept | None = None  # the last question's: one entry, read into a local (requests at once are safe)


def _kept(query: Query) -> _Kept:
    global _last
    kept = _last
    if kept is None or kept.query is not query:
        kept = _last = _Kept(query)
    return kept


_WORD = re.compile(r"\S+")


def clip(query: Query, unit: str, limit: int) -> str:
    """A unit longer than `limit` characters cut, at word boundaries, to the window of about
    `limit` characters that holds the most of the question's terms (and, when it asks for a
    kind of value, a value of that kind): long runs of text (a flattened table, a paragraph a
    PDF extractor glued together) are quoted where they answer. A substring of `unit`."""
    if len(unit) <= limit:
        return unit
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(unit)]
    typed = query.intent.typed
    gains = []
    asked = _kept(query)
    kept = asked.hits  # each word's matching terms: the words recur
    for _, _, word in words:
        hit = kept.get(word, -1)
        if hit == -1:
            toks = sentence_tokens(word)  # index_tokens of the word, as a set (kept per text)
            hit = kept[word] = sum(1 for term in asked.terms if any(term.matches(t) for t in toks))
        value = bool(typed) and any(c.isdigit() for c in word)
        gains.append(hit + (0.5 if value else 0.0))
    best, spans, j, total = -1.0, [(0, len(words))], 0, 0.0
    for i in range(len(words)):  # windows [i, j): the longest from each start within the limit
        while j < len(words) and words[j][1] - words[i][0] <= limit:
            total += gains[j]
            j += 1
        if total > best + 1e-9:
            best, spans = total, [(i, j)]
        elif total > best - 1e-9:
            spans.append((i, j))
        total -= gains[i]
    # Of the windows holding as much, the middle one: the question's words with what stands on
    # both sides of them (the answer often follows the words that restate the question).
    i, j = spans[len(spans) // 2]
    return unit[words[i][0] : words[j - 1][1]] if j > i else unit[:limit]


def novelty(query: Query, tokens: frozenset[str]) -> float:
    """Share of the sentence's words the question does not hold: an answer says something the
    question does not."""
    if not tokens:
        return 0.0
    asked = _kept(query).core  # token_matches(t, set(query.core_tokens)), each word's answer kept
    return sum(1 for t in tokens if not asked.matches(t)) / len(tokens)


@lru_cache(maxsize=_SENTENCES)
def _folded(sentence: str) -> str:
    return fold(sentence)


@lru_cache(maxsize=4096)  # whole passages: fewer of them
def _line_sentences(text: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """A passage's lines, each with its first three sentences (what bonus_features looks at)."""
    return tuple((ln, tuple(split_sentences(ln)[:3])) for ln in text.split("\n"))


@lru_cache(maxsize=4096)
def _table_rows(text: str) -> tuple[str, ...]:
    """A passage's lines that are table rows (" | " between cells: the only lines named_field
    can accept), found once per passage."""
    return tuple(ln for ln in text.split("\n") if " | " in ln)


def is_definition(query: Query, sentence: str) -> bool:
    """'Ce este X?' answered by a sentence that opens with X and a defining verb."""
    if not _ASKS_DEFINITION.match(query.folded):
        return False
    head = _folded(sentence)[:80]
    m = _DEFINITION.search(head)
    return m is not None and not sentence_tokens(head[: m.start()]).isdisjoint(query.core_tokens)


_ASKS_WHICH = re.compile(r"^\s*(?:ce|care|which|what)\s+([a-z]{4,})\b")
_NOT_A_THING = re.compile(r"^(este|sunt|era|erau|inseamna|reprezinta|fel|tip|mod|means|kind|type)$")
_NAME = re.compile(r"\b[A-ZĂÂÎȘȚ][A-ZĂÂÎȘȚ0-9-]{2,}\b|\bwww\.\S+|https?://\S+|[„\"«][^„\"«»”]{3,80}[”\"»]")


def asked_thing(query: Query) -> str | None:
    """The noun a "ce platformă / care proiect ..." question asks the name of; None otherwise
    (a definition, a value of a known kind, a list)."""
    if query.intent.typed or query.intent.wants("list"):
        return None
    return _thing(query.folded)


@lru_cache(maxsize=256)  # asked of every line of every candidate passage
def _thing(folded: str) -> str | None:
    m = _ASKS_WHICH.match(folded)
    if m is None or _NOT_A_THING.match(m.group(1)):
        return None
    tokens = index_tokens(m.group(1))
    return tokens[0] if tokens else None


def names_the_thing(query: Query, sentence: str) -> bool:
    """The sentence names one of what is asked: "Ce platformă ...?" is answered by a sentence
    with the word and a name (an acronym, an address, a quoted title) the question does not hold."""
    thing = asked_thing(query)
    if thing is None or not token_matches(thing, sentence_tokens(sentence)):
        return False
    asked = query.folded
    return any(fold(m.group()).strip("„\"«»”") not in asked for m in _NAME.finditer(sentence))


_ASKS_ACTIONS = re.compile(r"\b(activitat\w*|actiun\w*|masur\w*|interventi\w*|activities|actions|measures)\b")
# Romanian writes activities as verbal nouns with the article: "Organizarea", "Sprijinirea".
_ACTION_NOUN = re.compile(r"^[\W\d_]*(?![a-z]*oarea\b)[a-z]{3,}(?:area|erea|irea|urea)\b")  # not "valoarea"


def is_action_item(query: Query, sentence: str) -> bool:
    """A question asking which activities (actions, measures) is answered by items that name
    an action ("Organizarea de ...", "Sprijinirea ..."), not by the labels printed among them."""
    head = " ".join(query.folded.split()[:4])
    return bool(_ASKS_ACTIONS.search(head)) and bool(_ACTION_NOUN.match(_folded(sentence)))


def bonus_features(query: Query, text: str) -> float:
    """How many answer shapes a passage has: a named table column, a definition, a name of
    the thing asked for."""
    named = any(named_field(query, ln) for ln in _table_rows(text))
    definition = bool(_ASKS_DEFINITION.match(query.folded)) and any(  # (is_definition's own first test)
        is_definition(query, s) for _, sents in _line_sentences(text) for s in sents)
    thing = (asked := asked_thing(query)) is not None and _names_a_thing(asked, query.folded, text)
    return float(named) + float(definition) + float(thing)


def _names_a_thing(thing: str, asked: str, text: str) -> bool:
    """`names_the_thing` of some line of the text: a line with a form of the word `thing` and a
    name the folded question `asked` does not hold. A line can hold the word only if the union
    of the lines' tokens does (token_matches of a union is that of some part)."""
    union, lines = _line_names(text)
    return union.matches(thing) and any(
        token_matches(thing, tokens) and any(name not in asked for name in names) for tokens, names in lines)


@lru_cache(maxsize=4096)  # whole passages, as _line_sentences
def _line_names(text: str) -> tuple[TokenLookup, tuple[tuple[frozenset[str], tuple[str, ...]], ...]]:
    """A passage's lines as `names_the_thing` reads them: each line's tokens and its names
    (acronyms, addresses, quoted titles; folded, without their quotes), and a lookup of all
    the lines' tokens together."""
    lines = tuple((sentence_tokens(ln), tuple(fold(m.group()).strip("„\"«»”") for m in _NAME.finditer(ln)))
                  for ln in text.split("\n"))
    return TokenLookup(frozenset().union(*(tokens for tokens, _ in lines))), lines


# The column names Romanian (and English) tables give a value of each kind a question asks for:
# "unde" is answered by the "Loc" / "Localitate" / "Oraș" cell of an events table, "când" by its
# "Data" / "Perioada" cell, "câți" by its "Număr" / "Nr." cell, though the question names no column.
_KIND_COLUMNS = {
    "place": r"loc\w*|localitat\w*|oras\w*|judet\w*|tar[ai]\w*|adres\w*|sediu\w*|regiun\w*|place|location|venue|city",
    "date": r"dat[ae]\w*|perioad\w*|termen\w*|calendar\w*|date|period|deadline",
    "year": r"dat[ae]\w*|perioad\w*|an(?:ul)?|date|year|period",
    "count": r"numar\w*|nr|total\w*|number|count",
    "contact": r"e-?mail\w*|telefon\w*|contact\w*|phone",
    "person": r"nume\w*|persoan\w*|responsabil\w*|name|person",
    "duration": r"perioad\w*|durat\w*|period|duration",
}


def _kind_column(query: Query, cell: str) -> bool:
    """The cell's column ("Loc: Brăila") is where a table writes a value of a kind the question asks."""
    if ":" not in cell:
        return False
    header = fold(cell.split(":", 1)[0]).strip()
    # A column's header is its head noun, maybe followed by what it qualifies ("Perioadă
    # implementare", "Data lansării", "Nr. membri"): the first word names the kind of value.
    return any(re.fullmatch(rf"(?:{_KIND_COLUMNS[k]})\.?(?:\s.*)?", header)
               for k in query.intent.typed if k in _KIND_COLUMNS)


def row_cells_for(query: Query, row: str) -> str:
    """A table row cut to what the question asks: its first cell (what the row is) and the
    cells whose column or value the question names, or whose column holds the kind of value it
    asks for (a place, a date, a count)."""
    cells = row.split(" | ")
    if len(cells) < 3:
        return row
    wanted = set(query.core_tokens) | {t for term in query.terms for t in term.alternatives}
    keep = [cells[0]] + [c for c in cells[1:] if _kind_column(query, c)
                         or any(token_matches(t, wanted) for t in index_tokens(c))]
    return " | ".join(keep) if len(keep) > 1 else row
