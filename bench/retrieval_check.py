"""Retrieval on questions made from the index itself: hybrid against BM25 alone.

    python -m bench.retrieval_check --index index/ [--n 400] [--seed 1]

Each question is a sentence of a passage with some of its words dropped, half of them typed
without diacritics; a hit is its passage ranked first. A weightless check that the hybrid is
never worse than its BM25 side on text that is not the development set, and that questions
the documents do answer are not abstained on ("abstained" should stay near 0).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import unicodedata

import numpy as np

from assistant.build import build_assistant
from assistant.offline import go_offline
from assistant.query import Query
from assistant.sentences import split_sentences
from assistant.settings import Settings


def _strip_diacritics(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def make_questions(chunks: list, n: int, rng: random.Random) -> list[tuple[str, str]]:
    out = []
    for chunk in rng.sample(chunks, min(n, len(chunks))):
        sentences = [s for s in split_sentences(chunk.text) if len(s.split()) >= 8]
        if not sentences:
            continue
        words = re.findall(r"\w[\w-]*", rng.choice(sentences))
        kept = [w for w in words if rng.random() < 0.6]
        typed = [_strip_diacritics(w) if rng.random() < 0.5 else w for w in kept]
        out.append((" ".join(typed), chunk.id))
    return out


def main() -> int:
    go_offline()
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--index", default="index")
    p.add_argument("--n", type=int, default=400)
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args()
    assistant = build_assistant(Settings(index=args.index))
    store, retriever = assistant.store, assistant.retriever
    chunks = store.ordered_chunks()
    questions = make_questions(chunks, args.n, random.Random(args.seed))
    hits = {"bm25": 0, "hybrid": 0, "abstained": 0}
    for text, cid in questions:
        query = Query.parse(text)
        scores = store.bm25_scores(query.tokens)
        hits["bm25"] += int(store.bm25.ids[int(np.argmax(scores))] == cid)
        found = retriever.search(query, k=1)
        hits["hybrid"] += int(bool(found) and found[0].chunk.id == cid)
        hits["abstained"] += int(assistant.ask(text).abstained)
    report = {k: round(v / max(1, len(questions)), 3) for k, v in hits.items()}
    report["questions"] = len(questions)
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
