"""The search index over published passages: BM25 over jieba tokens fused with sentence
embeddings, held in memory and rebuilt when the articles change.

BM25 finds the exact words people use (错误代码, "error 2004"); embeddings find the same meaning
in other words and across languages (忘记密码 ≈ "forgot password"). Each is scaled to 0..1 for the
query and mixed by ``LEXICAL_WEIGHT``; an article scores as its best passage.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import NDArray
from scipy.sparse import csc_matrix, csr_matrix
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kefu.kit.text import query_tokens
from kefu.knowledge.models import Article, ArticleStatus, Passage, Visibility
from kefu.triage.encoder import shared_encoder

K1, B = 1.2, 0.75
# Chosen on eval/bot's tuning sets (kb_dev / kb_tuning, search alone, top-1 article): 0.77 / 0.78
# at 0.2, against 0.72 / 0.73 half and half, 0.64 for BM25 alone and 0.75 / 0.73 for embeddings
# alone (bench/knowledge.py prints the figure for the default).
LEXICAL_WEIGHT = 0.2
Audience = Literal["public", "staff"]
Vector = NDArray[np.float32]


@dataclass(frozen=True)
class PassageRef:
    article_id: int
    slug: str
    locale: str
    title: str
    category: str | None
    visibility: str
    ordinal: int
    heading: str
    text: str


@dataclass(frozen=True)
class SearchHit:
    passage: PassageRef
    score: float
    lexical: float
    semantic: float


class KnowledgeIndex:
    def __init__(
        self, passages: Sequence[PassageRef], tokens: Sequence[Sequence[str]], embeddings: Vector
    ) -> None:
        self.passages = list(passages)
        self.embeddings = embeddings
        self._vocabulary: dict[str, int] = {}
        rows, cols, counts = [], [], []
        for row, words in enumerate(tokens):
            for word, count in _counts(words).items():
                rows.append(row)
                cols.append(self._vocabulary.setdefault(word, len(self._vocabulary)))
                counts.append(count)
        shape = (len(self.passages), max(len(self._vocabulary), 1))
        tf = csr_matrix((np.asarray(counts, dtype=np.float32), (rows, cols)), shape=shape)
        lengths = np.asarray([len(words) for words in tokens], dtype=np.float32)
        average = float(lengths.mean()) if len(lengths) else 1.0
        df = np.bincount(np.asarray(cols, dtype=np.int64), minlength=shape[1]).astype(np.float32)
        idf = np.log(1 + (shape[0] - df + 0.5) / (df + 0.5))
        # BM25 weight of every (passage, term) pair, precomputed: a query sums a few columns.
        norm = K1 * (1 - B + B * lengths / max(average, 1.0))
        tf = tf.tocoo()
        weights = idf[tf.col] * tf.data * (K1 + 1) / (tf.data + norm[tf.row])
        self._bm25 = csc_matrix((weights, (tf.row, tf.col)), shape=shape)
        self._article = np.asarray([p.article_id for p in self.passages], dtype=np.int64)
        self._locale = np.asarray([p.locale for p in self.passages])
        self._public = np.asarray([p.visibility == Visibility.public for p in self.passages])

    def __len__(self) -> int:
        return len(self.passages)

    def search(
        self,
        query: str,
        *,
        locale: str | None = None,
        audience: Audience = "public",
        limit: int = 5,
        embedding: Vector | None = None,
        article_ids: Sequence[int] | None = None,
    ) -> list[SearchHit]:
        """The best passage of each of the ``limit`` best articles."""
        if not self.passages:
            return []
        allowed = np.ones(len(self.passages), dtype=bool)
        if locale is not None:
            allowed &= self._locale == locale
        if audience == "public":
            allowed &= self._public
        if article_ids is not None:
            allowed &= np.isin(self._article, list(article_ids))
        if not allowed.any():
            return []
        columns = [self._vocabulary[t] for t in query_tokens(query) if t in self._vocabulary]
        lexical = (
            np.asarray(self._bm25[:, columns].sum(axis=1)).ravel()
            if columns
            else np.zeros(len(self.passages), dtype=np.float32)
        )
        top_lexical = float(lexical[allowed].max())
        if top_lexical > 0:
            lexical = lexical / top_lexical
        if embedding is None:
            embedding = shared_encoder().encode([query])[0]
        semantic = np.clip(self.embeddings @ embedding, 0, 1)
        fused = LEXICAL_WEIGHT * lexical + (1 - LEXICAL_WEIGHT) * semantic
        fused[~allowed] = -1
        hits: list[SearchHit] = []
        seen: set[int] = set()
        for row in np.argsort(-fused, kind="stable"):
            if fused[row] < 0 or len(hits) == limit:
                break
            passage = self.passages[row]
            if passage.article_id in seen:
                continue
            seen.add(passage.article_id)
            hits.append(
                SearchHit(passage, float(fused[row]), float(lexical[row]), float(semantic[row]))
            )
        return hits


def _counts(words: Sequence[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for word in words:
        counts[word] = counts.get(word, 0) + 1
    return counts


def build_index(db: Session) -> KnowledgeIndex:
    rows = db.execute(
        select(
            Passage.article_id,
            Article.slug,
            Article.locale,
            Article.title,
            Article.category,
            Article.visibility,
            Passage.ordinal,
            Passage.heading,
            Passage.text,
            Passage.tokens,
            Passage.embedding,
        )
        .join(Article, Article.id == Passage.article_id)
        .where(Article.status == ArticleStatus.published)
        .order_by(Passage.article_id, Passage.ordinal)
    ).all()
    passages = [PassageRef(*row[:9]) for row in rows]
    tokens = [row.tokens.split() for row in rows]
    if rows:
        embeddings = np.vstack([np.frombuffer(row.embedding, dtype=np.float16) for row in rows])
    else:
        embeddings = np.zeros((0, 1), dtype=np.float16)
    return KnowledgeIndex(passages, tokens, embeddings.astype(np.float32))


def kb_generation(db: Session) -> tuple[object, ...]:
    """Changes whenever an article is saved, added or removed."""
    return tuple(
        db.execute(
            select(func.count(Article.id), func.max(Article.updated_at), func.max(Article.id))
        ).one()
    )


def database_key(db: Session) -> str:
    return str(db.get_bind().engine.url)


class _IndexCache:
    """One index per database per process, rebuilt when an article was saved or removed
    (the articles' count and latest change time are the index's generation)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._entries: dict[str, tuple[tuple[object, ...], KnowledgeIndex]] = {}

    def get(self, db: Session) -> KnowledgeIndex:
        generation = kb_generation(db)
        key = database_key(db)
        entry = self._entries.get(key)
        if entry is not None and entry[0] == generation:
            return entry[1]
        with self._lock:
            entry = self._entries.get(key)
            if entry is None or entry[0] != generation:
                entry = (generation, build_index(db))
                self._entries[key] = entry
            return entry[1]


_cache = _IndexCache()


def current_index(db: Session) -> KnowledgeIndex:
    return _cache.get(db)
