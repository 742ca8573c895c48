"""The grouping step of :func:`~mediacompare.measures.events.find_events`: numbers in, labels out.

Input: the L2-normalised TF-IDF rows of the articles, their date intervals and
the event ids the user gave (codes, -1 for none). Output: a cluster label per
article and the pairs that came close (for the runner-up columns).

1. **Candidate pairs.** Dated articles (a day) are compared only with those at
   most ``max_days`` away, in date order, a block of rows at a time, so the cost
   grows with the articles of each window, not with the square of the corpus.
   Articles without a day date (undated, or only a month or a year) are compared
   with every article, and their similarity is scaled by
   ``threshold / undated_threshold``: they join an event only on much shared
   wording (``undated_threshold``), since time cannot rule anything out.
2. **Connected sets.** Pairs at or above ``threshold`` (after scaling) link
   articles; the user's events link their members. Average linkage can only
   merge two groups if some pair between them is linked, so each connected set
   is grouped on its own.
3. **Average linkage** (scikit-learn's :class:`~sklearn.cluster.AgglomerativeClustering`
   on precomputed distances ``1 - similarity``): two groups merge while the mean
   similarity of all pairs between them is at least ``threshold``. Pairs more
   than ``max_days`` apart, and pairs of two different user events, get a
   distance so large that no merge can include them (an event never spans more
   than ``max_days``, and the user's events are never merged); two articles of
   one user event get distance 0 (they are merged first, whatever their
   words). A connected set larger than ``max_block`` articles is cut, in date
   order, into blocks of at most ``max_block`` (memory grows with the square of
   a block); the articles of such a set are flagged.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import connected_components
from sklearn.cluster import AgglomerativeClustering

from .event_attach import attach_alone

__all__ = ["group_articles"]

_ROWS = 256  # rows of the similarity matrix computed at once
_DENSE_CELLS = 2_000_000


def _gaps(start: np.ndarray, end: np.ndarray, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Days between the intervals of i and j (0 when they overlap or one is undated)."""
    gap = np.maximum(0, np.maximum(start[j] - end[i], start[i] - end[j]))
    return np.where((start[i] < 0) | (start[j] < 0), 0, gap)


class _Components:
    """Connected sets of articles, built chunk by chunk: only a spanning forest is kept.

    New links are first mapped to the sets their articles are already in, and
    only links between two different sets are added: once a window is one set,
    its further links cost nothing.
    """

    def __init__(self, n: int):
        self.n = n
        self.root = np.arange(n)
        self.span_i = np.empty(0, dtype=np.int64)
        self.span_j = np.empty(0, dtype=np.int64)

    def absorb(self, i: np.ndarray, j: np.ndarray) -> None:
        ri, rj = self.root[i], self.root[j]
        new = ri != rj
        if not new.any():
            return
        keys = np.unique(np.minimum(ri[new], rj[new]) * self.n + np.maximum(ri[new], rj[new]))
        self.labels(np.concatenate([self.span_i, keys // self.n]),
                    np.concatenate([self.span_j, keys % self.n]))

    def labels(self, i=None, j=None) -> np.ndarray:
        i = self.span_i if i is None else i
        j = self.span_j if j is None else j
        graph = sparse.coo_matrix((np.ones(len(i)), (i, j)), shape=(self.n, self.n))
        _, label = connected_components(graph, directed=False)
        first = np.empty(label.max() + 1, dtype=np.int64)
        first[label[::-1]] = np.arange(self.n)[::-1]  # the first article of each set
        self.root = first[label]
        linked = np.flatnonzero(self.root != np.arange(self.n))
        self.span_i, self.span_j = linked, self.root[linked]
        return label


def _similarities(X, rows, cols) -> np.ndarray:
    """Dense ``rows`` × ``cols`` cosines. A sparse product when few columns are compared; for a
    wide window, the block of rows made dense (sparse × dense is much faster than sparse ×
    sparse when nearly every pair shares words)."""
    if len(cols) <= 512:
        return np.asarray((X[rows] @ X[cols].T).todense())
    step = max(1, _DENSE_CELLS // max(X.shape[1], 1))  # a dense block of at most 2M cells
    wide = X[cols]
    return np.vstack([np.asarray(wide @ X[rows[k:k + step]].toarray().T).T
                      for k in range(0, len(rows), step)])


def _sweep(X, start, end, factor, rows, cols, max_days, threshold, low, k_near, components,
           near, symmetric):
    """Similarities of ``rows`` with ``cols``: links to ``components``, best near pairs to ``near``."""
    sim = _similarities(X, rows, cols)
    sim *= np.minimum.outer(factor[rows], factor[cols])
    ri = np.repeat(rows, len(cols))
    cj = np.tile(cols, len(rows))
    gap = _gaps(start, end, ri, cj).reshape(len(rows), len(cols))
    sim[(gap > max_days) | (rows[:, None] == cols[None, :])] = 0.0
    a, b = np.nonzero(sim >= threshold)
    components.absorb(rows[a], cols[b])
    k = min(k_near, len(cols))
    if k:
        best = np.argpartition(-sim, k - 1, axis=1)[:, :k]
        value = np.take_along_axis(sim, best, axis=1)
        a, b = np.nonzero(value >= low)
        near.append((rows[a], cols[best[a, b]], value[a, b]))
        if symmetric:
            near.append((cols[best[a, b]], rows[a], value[a, b]))


def _block_labels(X, members, start, end, factor, given, threshold, max_days) -> np.ndarray:
    """Average-linkage labels of one block of articles (indices ``members``)."""
    m = len(members)
    if m == 1:
        return np.zeros(1, dtype=int)
    sim = (X[members] @ X[members].T).toarray()
    sim *= np.minimum.outer(factor[members], factor[members])
    dist = 1.0 - np.clip(sim, 0.0, 1.0)
    ii, jj = np.meshgrid(np.arange(m), np.arange(m), indexing="ij")
    gap = _gaps(start, end, members[ii.ravel()], members[jj.ravel()]).reshape(m, m)
    g = given[members]
    big = float(m * m + 4)
    dist[gap > max_days] = big
    both = (g[:, None] >= 0) & (g[None, :] >= 0)
    dist[both & (g[:, None] != g[None, :])] = big
    dist[both & (g[:, None] == g[None, :])] = 0.0
    np.fill_diagonal(dist, 0.0)
    model = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                    distance_threshold=1.0 - threshold + 1e-9)
    return model.fit(dist).labels_


def group_articles(X, start, end, precise, given, *, threshold, undated_threshold, max_days,
                   max_block, join_alone=True, near=0.5, k_near=10):
    """Cluster labels (0..k-1), a flag for articles grouped in a cut block, near pairs, and the
    similarity on which an article left alone joined an event (NaN: it did not; see
    :mod:`~mediacompare.measures.event_attach`, done when ``join_alone``).

    ``start``/``end`` are day ordinals (-1 undated), ``precise`` marks day dates,
    ``given`` the codes of the user's events (-1 none). Near pairs: for each
    article, its ``k_near`` most similar time-compatible articles scaled at or
    above ``near * threshold`` (for the runner-up columns), as ``(i, j, s)`` arrays.
    """
    n = X.shape[0]
    factor = np.where(precise, 1.0, threshold / undated_threshold)
    components = _Components(n)
    near_parts: list = []
    low = near * threshold
    dated = np.flatnonzero(precise)
    dated = dated[np.argsort(start[dated], kind="stable")]
    starts = start[dated]
    for a in range(0, len(dated), _ROWS):
        rows = dated[a:a + _ROWS]
        lo = np.searchsorted(starts, starts[a] - max_days, "left")
        hi = np.searchsorted(starts, starts[min(a + _ROWS, len(dated)) - 1] + max_days, "right")
        _sweep(X, start, end, factor, rows, dated[lo:hi], max_days, threshold, low, k_near,
               components, near_parts, symmetric=False)
    loose = np.flatnonzero(~precise)
    everyone = np.arange(n)
    for a in range(0, len(loose), _ROWS):
        _sweep(X, start, end, factor, loose[a:a + _ROWS], everyone, max_days, threshold, low,
               k_near, components, near_parts, symmetric=True)
    for code in np.unique(given[given >= 0]):
        members = np.flatnonzero(given == code)
        components.absorb(members[:-1], members[1:])
    component = components.labels()
    labels = np.full(n, -1, dtype=np.int64)
    cut = np.zeros(n, dtype=bool)
    next_label = 0
    order = np.lexsort((np.arange(n), np.where(start < 0, np.iinfo(np.int64).max, start)))
    members_of: dict[int, list[int]] = {}
    for k in order:
        members_of.setdefault(int(component[k]), []).append(int(k))
    for members in members_of.values():
        members = np.array(members, dtype=np.int64)
        if len(members) > max_block:
            cut[members] = True
        for b in range(0, len(members), max_block):
            block = members[b:b + max_block]
            local = _block_labels(X, block, start, end, factor, given, threshold, max_days)
            labels[block] = local + next_label
            next_label += int(local.max()) + 1
    if near_parts:
        near_pairs = tuple(np.concatenate([part[k] for part in near_parts]) for k in range(3))
    else:
        near_pairs = (np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0))
    joined = np.full(n, np.nan)
    if join_alone:
        labels, joined = attach_alone(X, labels, start, end, precise, given,
                                      threshold=threshold, max_days=max_days)
    return labels, cut, near_pairs, joined
