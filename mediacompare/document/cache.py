"""The analyses of a session: each text analysed once and reused by every table.

:func:`analyse` keeps the :class:`~mediacompare.document.doc.Doc` of every text it
has analysed, keyed by the text itself (a corpus, any subset of its articles and a
DataFrame holding the same texts all find the same analyses), least recently used
first out once the analyses kept hold more than :data:`MAX_CACHED_BYTES` bytes
(:meth:`Doc.nbytes <mediacompare.document.doc.Doc.nbytes>`: about five bytes a
character of text). A corpus whose analyses would not fit in that budget at all
(:data:`BYTES_PER_CHAR` a character) is analysed article by article without being
kept, as streaming does: keeping it would only push out every other analysis and
then itself, one article after another, and hold the memory of the budget for
nothing. :func:`set_analyses_limit` changes the budget; :func:`clear_analyses`
empties the cache. The streaming functions (:mod:`mediacompare.scale`) do not use
it: each article is analysed, used and dropped.

The report builder analyses its corpus once and hands the analyses to every
notebook's kernel in a file (:func:`save_analyses`; the kernels find it through
the environment variable :data:`ENV_VAR` and load it on first use).
"""

from __future__ import annotations

import os
import pickle
from collections import OrderedDict
from collections.abc import Iterator
from pathlib import Path

from .articles import articles_of
from .doc import WORD_CODES, Doc

__all__ = ["BYTES_PER_CHAR", "ENV_VAR", "MAX_CACHED_BYTES", "analyse", "analysed",
           "analysed_articles", "cache_info", "clear_analyses", "load_analyses", "save_analyses",
           "set_analyses_limit", "word_keys"]

#: The cache keeps analyses of at most about this many bytes (least recently used out first):
#: 64 MB, the analyses of about 12 million characters (some 5,000 news articles of 400 words).
MAX_CACHED_BYTES = 64 * 2**20
#: The bytes an analysis takes for each character of its text, to judge a corpus before
#: analysing it (measured: 5.2 on news text resampled with curly quotes, 4.9 on real news).
BYTES_PER_CHAR = 5.5
#: A file of analyses written by :func:`save_analyses`, loaded into the cache on first use.
ENV_VAR = "MEDIACOMPARE_ANALYSES"
_FORMAT = "mediacompare-analyses-2"

#: text -> [its Doc, the bytes counted for it when last seen]
_cache: OrderedDict[str, list] = OrderedDict()
_state = {"bytes": 0, "env_loaded": False, "hits": 0, "misses": 0}


def _cached(text: str, *, keep: bool = True) -> Doc:
    """The analysis of ``text``: found in the cache, or made (and kept unless ``keep`` is False)."""
    if not _state["env_loaded"]:
        _state["env_loaded"] = True
        path = os.environ.get(ENV_VAR)
        if path and Path(path).is_file():
            load_analyses(path)
    entry = _cache.get(text)
    if entry is not None:
        _cache.move_to_end(text)
        _state["hits"] += 1
        _recount(entry[0])
        return entry[0]
    _state["misses"] += 1
    doc = Doc(text)
    if keep:
        _store(doc)
    return doc


def _store(doc: Doc) -> None:
    if doc.text in _cache:
        return
    size = doc.nbytes()
    _cache[doc.text] = [doc, size]
    _state["bytes"] += size
    _evict()


def _recount(doc: Doc) -> None:
    """Count what a kept analysis has made since it was last counted (sentences, quotations)."""
    entry = _cache.get(doc.text)
    if entry is not None and entry[0] is doc:
        size = doc.nbytes()
        _state["bytes"] += size - entry[1]
        entry[1] = size
        _evict()


def _evict() -> None:
    while _state["bytes"] > MAX_CACHED_BYTES and len(_cache) > 1:
        _, (_, size) = _cache.popitem(last=False)
        _state["bytes"] -= size


def _fits(table) -> bool:
    """Whether the analyses of a table's texts would fit in the cache's budget at all."""
    if len(table) <= 1:
        return True
    texts = table["text"]
    try:
        chars = float(texts.str.len().sum())
    except (AttributeError, TypeError):  # not all strings: count those that are
        chars = float(sum(len(t) for t in texts if isinstance(t, str)))
    return chars * BYTES_PER_CHAR <= MAX_CACHED_BYTES


def set_analyses_limit(megabytes: float) -> None:
    """Keep analyses of at most about ``megabytes`` MB this session (default 64).

    A corpus larger than the budget is analysed for each table that reads it and
    not kept (see the module docstring); raise the budget to keep the analyses of
    a large corpus when memory allows (about five bytes a character of text).

    >>> set_analyses_limit(128); cache_info()["limit"] == 128 * 2**20
    True
    >>> set_analyses_limit(64)
    """
    global MAX_CACHED_BYTES
    if isinstance(megabytes, bool) or not isinstance(megabytes, (int, float)) or megabytes < 0:
        raise ValueError(f"megabytes must be a number of megabytes, 0 or more; got {megabytes!r}")
    MAX_CACHED_BYTES = int(megabytes * 2**20)
    _evict()


def analyse(source):
    """The analysed document of a text, or of every article of a corpus.

    Parameters
    ----------
    source : str, Doc, Corpus or DataFrame
        One text; or a corpus or an articles table (``article_id``, ``text``).

    Returns
    -------
    Doc, or dict
        For a text, its :class:`~mediacompare.document.doc.Doc`; for a corpus or a
        table, a dict from article id (as a string, in the table's order) to the
        Doc of its clean text. Each text is analysed once per session (see the
        module docstring); :func:`clear_analyses` forgets them.

    Examples
    --------
    >>> doc = analyse("“We stay,” he said. The so-called “rebels” left.")
    >>> [q.text for q in doc.reported], [q.text for q in doc.scare], doc.sentence_id(25)
    (['We stay,'], ['rebels'], 1)
    >>> analyse("“We stay,” he said. The so-called “rebels” left.") is doc
    True
    """
    if isinstance(source, Doc):
        return source
    if isinstance(source, str):
        return _cached(source)
    return dict(analysed(source, release=False))


def analysed_articles(source, *, release: bool = True, cache: bool = True) -> Iterator[tuple]:
    """``(row, Doc)`` for every article of a corpus, a table, a text or a Doc, in order.

    ``row`` is the article's row of :func:`~mediacompare.document.articles.articles_of`
    (a named tuple: ``row.article_id``, ``row.outlet``, ``row.text`` ...). With
    ``release`` (the default), each Doc drops its matching keys once the caller moves
    on to the next article, so a cached corpus stays small; ``cache=False`` analyses
    without looking up or keeping anything. A corpus too large for the cache's budget
    finds the analyses already kept but keeps none of its own.
    """
    table = articles_of(source)
    keep = cache and not isinstance(source, Doc) and _fits(table)
    for art in table.itertuples(index=False):
        text = art.text if isinstance(art.text, str) else ""
        if isinstance(source, Doc):
            doc = source
        else:
            doc = _cached(text, keep=keep) if cache else Doc(text)
        yield art, doc
        if release:
            doc.release()
        if keep:
            _recount(doc)


def analysed(source, *, release: bool = True, cache: bool = True) -> Iterator[tuple[str, Doc]]:
    """``(article_id, Doc)`` for every article of ``source``, as :func:`analysed_articles`."""
    for art, doc in analysed_articles(source, release=release, cache=cache):
        yield str(art.article_id), doc


def word_keys(text: str, *, cache: bool = True) -> list[str]:
    """The matching keys of the word tokens of ``text`` (kinds ``word``, ``number``,
    ``abbreviation``): lowercase, curly quotes straightened, as :attr:`Token.norm` gives.

    With ``cache`` the text's analysis is looked up or made and kept (an article);
    without, it is only looked up (a sentence, a phrase: analysed and dropped).

    >>> word_keys("Russia’s war-devastated ally, the U.S., lost 330,000…")
    ["russia's", 'war-devastated', 'ally', 'the', 'u.s.', 'lost', '330,000']
    """
    if not isinstance(text, str):
        return []
    found = None if cache else _cache.get(text)
    doc = _cached(text) if cache else (found[0] if found else Doc(text))
    had = doc._keys is not None
    words = [key for key, code in zip(doc.keys(), doc.codes) if code in WORD_CODES]
    if not had:
        doc.release()
    return words


def clear_analyses() -> None:
    """Forget every analysed text of this session (they are analysed again when next needed)."""
    _cache.clear()
    _state["bytes"] = 0


def cache_info() -> dict:
    """What the cache holds: texts, their tokens and bytes, the limit in bytes, and the hits and
    misses since the session began.

    >>> sorted(cache_info())
    ['bytes', 'hits', 'limit', 'misses', 'texts', 'tokens']
    """
    return {"texts": len(_cache), "tokens": sum(len(doc) for doc, _ in _cache.values()),
            "bytes": _state["bytes"], "limit": MAX_CACHED_BYTES, "hits": _state["hits"],
            "misses": _state["misses"]}


def save_analyses(path, source) -> int:
    """Analyse every article of ``source`` (as :func:`analyse` does) and write the analyses to
    ``path``; returns the number of texts written. :func:`load_analyses` reads them back."""
    docs = {}
    for _, doc in analysed(source):
        doc.reported  # noqa: B018  (voice decided before saving: the readers need it)
        docs[doc.text] = doc
    with open(path, "wb") as handle:
        pickle.dump((_FORMAT, list(docs.values())), handle, protocol=pickle.HIGHEST_PROTOCOL)
    return len(docs)


def load_analyses(path) -> int:
    """Put the analyses written by :func:`save_analyses` into the cache; returns how many.

    Only load files this library wrote (a pickle runs code when read): the report
    builder writes one into its own build folder for its own kernels.
    """
    with open(path, "rb") as handle:
        tag, docs = pickle.load(handle)  # noqa: S301  (the builder's own file, see above)
    if tag != _FORMAT:
        raise ValueError(f"{path}: not a file of analyses of this version ({tag!r})")
    for doc in docs:
        _store(doc)
    return len(docs)
