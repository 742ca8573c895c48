"""The analyses of a session: each text analysed once and reused by every table.

:func:`analyse` keeps the :class:`~mediacompare.document.doc.Doc` of every text it
has analysed, keyed by the text itself (a corpus, any subset of its articles and a
DataFrame holding the same texts all find the same analyses), least recently used
first out once the cache holds more than :data:`MAX_CACHED_TOKENS` tokens (about
9 bytes a token, plus the quotations and sentences). :func:`clear_analyses`
empties it. The streaming functions (:mod:`mediacompare.scale`) do not use it:
each article is analysed, used and dropped.

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

__all__ = ["ENV_VAR", "MAX_CACHED_TOKENS", "analyse", "analysed", "analysed_articles", "cache_info",
           "clear_analyses", "load_analyses", "save_analyses", "word_keys"]

#: The cache keeps at most about this many tokens' analyses (least recently used out first).
MAX_CACHED_TOKENS = 10_000_000
#: A file of analyses written by :func:`save_analyses`, loaded into the cache on first use.
ENV_VAR = "MEDIACOMPARE_ANALYSES"
_FORMAT = "mediacompare-analyses-2"

_cache: OrderedDict[str, Doc] = OrderedDict()
_state = {"tokens": 0, "env_loaded": False, "hits": 0, "misses": 0}


def _cached(text: str) -> Doc:
    if not _state["env_loaded"]:
        _state["env_loaded"] = True
        path = os.environ.get(ENV_VAR)
        if path and Path(path).is_file():
            load_analyses(path)
    doc = _cache.get(text)
    if doc is not None:
        _cache.move_to_end(text)
        _state["hits"] += 1
        return doc
    _state["misses"] += 1
    doc = Doc(text)
    _store(doc)
    return doc


def _store(doc: Doc) -> None:
    if doc.text in _cache:
        return
    _cache[doc.text] = doc
    _state["tokens"] += len(doc)
    while _state["tokens"] > MAX_CACHED_TOKENS and len(_cache) > 1:
        _, old = _cache.popitem(last=False)
        _state["tokens"] -= len(old)


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
    without keeping anything.
    """
    table = articles_of(source)
    for art in table.itertuples(index=False):
        text = art.text if isinstance(art.text, str) else ""
        if isinstance(source, Doc):
            doc = source
        else:
            doc = _cached(text) if cache else Doc(text)
        yield art, doc
        if release:
            doc.release()


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
    doc = _cached(text) if cache else (_cache.get(text) or Doc(text))
    had = doc._keys is not None
    words = [key for key, code in zip(doc.keys(), doc.codes) if code in WORD_CODES]
    if not had:
        doc.release()
    return words


def clear_analyses() -> None:
    """Forget every analysed text of this session (they are analysed again when next needed)."""
    _cache.clear()
    _state["tokens"] = 0


def cache_info() -> dict:
    """What the cache holds: texts, tokens, the limit, hits and misses since the session began.

    >>> sorted(cache_info())
    ['hits', 'limit', 'misses', 'texts', 'tokens']
    """
    return {"texts": len(_cache), "tokens": _state["tokens"], "limit": MAX_CACHED_TOKENS,
            "hits": _state["hits"], "misses": _state["misses"]}


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
