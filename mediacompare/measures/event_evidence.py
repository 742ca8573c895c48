"""Why an article is in its event: its score, the words the score rests on, the runner-up.

With unit-length TF-IDF rows :math:`x_i` and an event's sum :math:`S = \\sum_j x_j`
over its :math:`k` articles, the mean cosine of article :math:`i` with the other
members is :math:`(x_i \\cdot S - x_i \\cdot x_i) / (k - 1)`, and each term
:math:`t` contributes :math:`x_{it} (S_t - x_{it}) / (k - 1)` to it: the terms
with the largest contributions are the evidence, names apart from other words.
An event is named by the terms with the largest weight in :math:`S` among those
that at least two of its articles use.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse

__all__ = ["event_words", "evidence", "runner_ups"]

N_EVIDENCE = 5  # names and terms shown per article
N_NAME = 3      # names and terms in an event's name


def _members_matrix(labels: np.ndarray) -> sparse.csr_matrix:
    n = len(labels)
    return sparse.csr_matrix((np.ones(n), (labels, np.arange(n))),
                             shape=(int(labels.max()) + 1, n))


def _split(table, terms, order, values, limit) -> tuple[list[str], list[str]]:
    names, words = [], []
    for k in order:
        if values[k] <= 0:
            break
        term = terms[k]
        if table.is_name(term):
            if len(names) < limit:
                names.append(table.form(term))
        elif len(words) < limit:
            words.append(term)
        if len(names) >= limit and len(words) >= limit:
            break
    return names, words


def _top(table, terms, indices, values, limit):
    if not len(values):
        return [], []
    order = np.argsort(-values, kind="stable")
    return _split(table, terms[indices], order, values, limit)


def evidence(table, X, terms, labels, rows: int = 1024):
    """Per article: its score (NaN when alone) and the names and terms it shares most.

    Computed ``rows`` articles at a time: the event sums of a block of articles
    are as many rows as the block, whatever the corpus.
    """
    n = X.shape[0]
    size = np.bincount(labels)
    sums = (_members_matrix(labels) @ X).tocsr()
    k = size[labels]
    scores = np.full(n, np.nan)
    shared_names: list[list[str]] = [[] for _ in range(n)]
    shared_terms: list[list[str]] = [[] for _ in range(n)]
    for a in range(0, n, rows):
        block = X[a:a + rows]
        contrib = (block.multiply(sums[labels[a:a + rows]]) - block.multiply(block)).tocsr()
        contrib.eliminate_zeros()
        total = np.asarray(contrib.sum(axis=1)).ravel()
        ptr, idx, data = contrib.indptr, contrib.indices, contrib.data
        for r in range(block.shape[0]):
            i = a + r
            if k[i] < 2:
                continue
            scores[i] = total[r] / (k[i] - 1)
            shared_names[i], shared_terms[i] = _top(table, terms, idx[ptr[r]:ptr[r + 1]],
                                                    data[ptr[r]:ptr[r + 1]], N_EVIDENCE)
    return scores, shared_names, shared_terms


def event_words(table, X, terms, labels) -> dict:
    """Top names and terms of every event: its largest summed weights among the terms that
    two of its articles use (any term, for an article alone)."""
    members = _members_matrix(labels)
    sums = (members @ X).tocsr()
    used = (members @ (X > 0).astype(np.float64)).tocsr()
    size = np.bincount(labels)
    out = {}
    for e in range(sums.shape[0]):
        a, b = sums.indptr[e], sums.indptr[e + 1]
        values = sums.data[a:b].copy()
        if size[e] > 1:
            values[used.data[used.indptr[e]:used.indptr[e + 1]] < 2] = 0.0
        out[e] = _top(table, terms, sums.indices[a:b], values, N_NAME)
    return out


def runner_ups(X, labels, near) -> tuple[np.ndarray, np.ndarray]:
    """Per article, the closest other event among its near pairs and its mean similarity."""
    n = X.shape[0]
    best_event = np.full(n, -1, dtype=np.int64)
    best_score = np.full(n, np.nan)
    pi, pj, _ = near
    if not len(pi):
        return best_event, best_score
    other = labels[pj]
    keep = other != labels[pi]
    candidates = sorted(set(zip(pi[keep].tolist(), other[keep].tolist())))
    if not candidates:
        return best_event, best_score
    sums = (_members_matrix(labels) @ X).tocsr()
    size = np.bincount(labels)
    rows = np.array([c[0] for c in candidates])
    events = np.array([c[1] for c in candidates])
    values = np.asarray(X[rows].multiply(sums[events]).sum(axis=1)).ravel() / size[events]
    for i, e, v in zip(rows.tolist(), events.tolist(), values.tolist()):
        if np.isnan(best_score[i]) or v > best_score[i]:
            best_event[i], best_score[i] = e, v
    return best_event, best_score
