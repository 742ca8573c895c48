"""Sentiment of each sentence, in the outlet's own voice or in the words it quotes.

Scores come from VADER (Hutto and Gilbert 2014), a rule-based model whose
lexicon ships inside the ``vaderSentiment`` package: nothing downloads.

One sentence at a time, never one score for a whole article
    VADER's ``compound`` is the sum of the valences of the words, squashed
    into [-1, 1] by ``x / sqrt(x**2 + 15)``. On a long text the sum grows with
    the length, so the compound of a whole article saturates near -1 or +1
    whatever its tone: on the five seed articles (283 to 542 words) it is
    -0.99, -0.95, -0.94, -1.00 and +0.98, while the means of their sentences'
    compounds run from -0.38 to +0.31. Scoring each sentence and then counting and averaging sentences
    (:func:`sentiment_summary`) keeps the numbers comparable across articles
    of different lengths, and every number points back to sentences that a
    reader can check (``start``/``end`` are offsets into the clean text).

Voice
    A sentence is ``quoted`` when more than half of its words
    (:data:`QUOTED_MAJORITY`) lie inside reported quotations (reported
    speech, not scare quotes: :func:`mediacompare.features.voice.voices`),
    otherwise it is the ``outlet``'s own voice. A negative quotation tells us
    whom the outlet chose to quote; a negative narration sentence is the
    outlet's own tone.

What VADER cannot see
    It was built for social-media text: it misses irony, it scores words such
    as "killed" or "attack" negative even in flat reporting, and it knows
    nothing about who is praised or blamed. Its scores are prompts for
    discussion, not verdicts.
"""

from __future__ import annotations

import bisect
import functools
import numbers

import pandas as pd

from ..document import Doc, analysed_articles

__all__ = [
    "NEGATIVE_THRESHOLD",
    "POSITIVE_THRESHOLD",
    "QUOTED_MAJORITY",
    "SENTENCE_COLUMNS",
    "VOICES",
    "actor_sentiment",
    "polarity_label",
    "sentence_sentiment",
    "sentiment_summary",
]

#: ``compound >= 0.05`` is positive: the threshold recommended by Hutto, C. J.
#: and Gilbert, E. (2014), "VADER: A Parsimonious Rule-based Model for
#: Sentiment Analysis of Social Media Text", ICWSM-14 (and the VADER README).
POSITIVE_THRESHOLD = 0.05
#: ``compound <= -0.05`` is negative (Hutto and Gilbert 2014); in between is neutral.
NEGATIVE_THRESHOLD = -0.05
#: A sentence is ``quoted`` when *more than* this share of its words are inside
#: reported quotations: the voice that speaks most of the sentence's words.
QUOTED_MAJORITY = 0.5
#: The voices of :func:`sentiment_summary`: every sentence, then each voice.
VOICES = ("all", "outlet", "quoted")
#: Words are tokens of these kinds, as in the corpus summary and the quotes.
WORD_KINDS = frozenset({"word", "number", "abbreviation"})

#: Columns of :func:`sentence_sentiment`, with their dtypes (``str`` is object
#: on pandas 2 and the string dtype on pandas 3).
SENTENCE_COLUMNS = {
    "article_id": str, "outlet": str, "sentence_id": "int64", "start": "int64", "end": "int64",
    "text": str, "n_words": "int64", "compound": "float64", "pos": "float64", "neu": "float64",
    "neg": "float64", "polarity": str, "voice": str, "quoted_share": "float64",
}
_SCORE_COLUMNS = {
    "n_sentences": "int64", "n_negative": "int64", "n_positive": "int64", "n_neutral": "int64",
    "share_negative": "float64", "share_positive": "float64", "share_neutral": "float64",
    "mean_compound": "float64",
}
_NAN = float("nan")


@functools.lru_cache(maxsize=1)
def _analyzer():
    """One VADER analyzer, created on first use (it reads its lexicon from the package)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def polarity_label(compound: float) -> str:
    """``positive``, ``negative`` or ``neutral`` by the thresholds of Hutto and Gilbert 2014.

    >>> [polarity_label(c) for c in (0.05, 0.0499, -0.05, -0.9)]
    ['positive', 'neutral', 'negative', 'negative']
    """
    if compound >= POSITIVE_THRESHOLD:
        return "positive"
    if compound <= NEGATIVE_THRESHOLD:
        return "negative"
    return "neutral"


def _frame(rows: list[dict], dtypes: dict) -> pd.DataFrame:
    """A DataFrame of ``rows`` with exactly the columns and dtypes of ``dtypes`` (also when empty)."""
    return pd.DataFrame({name: pd.Series([row[name] for row in rows], dtype=dtype)
                         for name, dtype in dtypes.items()})


def _require(frame, columns, name: str) -> None:
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"{name} must be a DataFrame; got {type(frame).__name__}")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{name} is missing the columns {', '.join(missing)}; "
                         f"columns are: {', '.join(map(str, frame.columns))}")


def _quoted_prefix(doc: Doc) -> list[int]:
    """``prefix[k]``: how many of the first ``k`` words lie inside reported quotations."""
    word_starts, word_ends = doc.word_offsets()
    merged: list[list[int]] = []
    for start, end in sorted((q.inner_start, q.inner_end) for q in doc.reported):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    inside = bytearray(len(word_starts))
    for start, end in merged:
        a, b = bisect.bisect_left(word_starts, start), bisect.bisect_right(word_ends, end)
        if a < b:
            inside[a:b] = b"\x01" * (b - a)
    prefix = [0]
    total = 0
    for flag in inside:
        total += flag
        prefix.append(total)
    return prefix


def _text_rows(article_id: str, outlet: str, doc: Doc | str) -> list[dict]:
    doc = Doc(doc) if isinstance(doc, str) else doc
    word_starts, _ = doc.word_offsets()
    quoted = _quoted_prefix(doc)
    analyzer = _analyzer()
    text = doc.text
    rows = []
    for sentence_id, (start, end) in enumerate(zip(doc.sentence_starts, doc.sentence_ends)):
        first, last = bisect.bisect_left(word_starts, start), bisect.bisect_left(word_starts, end)
        n_words, n_quoted = last - first, quoted[last] - quoted[first]
        share = n_quoted / n_words if n_words else _NAN
        sentence = text[start:end]
        scores = analyzer.polarity_scores(sentence)
        rows.append({
            "article_id": article_id, "outlet": outlet, "sentence_id": sentence_id,
            "start": start, "end": end, "text": sentence,
            "n_words": n_words, "compound": scores["compound"], "pos": scores["pos"],
            "neu": scores["neu"], "neg": scores["neg"],
            "polarity": polarity_label(scores["compound"]),
            "voice": "quoted" if n_words and share > QUOTED_MAJORITY else "outlet",
            "quoted_share": share,
        })
    return rows


def sentence_sentiment(source) -> pd.DataFrame:
    """VADER scores of every sentence, with the voice that speaks it.

    Each sentence of the clean text (:func:`mediacompare.sentences`) is
    scored on its own with ``SentimentIntensityAnalyzer().polarity_scores``.
    There is deliberately no whole-article score: VADER's compound saturates
    near -1 or +1 on long texts (see the module docstring); summarise the
    sentences with :func:`sentiment_summary` instead.

    Parameters
    ----------
    source : Corpus, DataFrame or str
        A corpus, an articles table (``article_id``, ``text``, optional
        ``outlet``) or one text.

    Returns
    -------
    pandas.DataFrame
        One row per sentence, in text order: ``article_id``, ``outlet``,
        ``sentence_id`` (from 0 in each article), ``start``, ``end``
        (``text[start:end]`` is the sentence), ``text``, ``n_words``,
        ``compound`` (in [-1, 1]), ``pos``, ``neu``, ``neg`` (VADER's
        proportions), ``polarity`` (``positive`` when ``compound >=``
        :data:`POSITIVE_THRESHOLD`, ``negative`` when ``<=``
        :data:`NEGATIVE_THRESHOLD`, else ``neutral``), ``voice`` (``quoted``
        when more than half of the sentence's words are inside reported
        quotations, else ``outlet``) and ``quoted_share`` (that share; NaN
        for a sentence without words, such as a lone dash). An empty text
        gives no rows; the columns and dtypes are those of
        :data:`SENTENCE_COLUMNS` in every case.

    Examples
    --------
    >>> table = sentence_sentiment("“We will crush them,” he said. The talks failed badly. Aid arrived.")
    >>> table[["sentence_id", "start", "end", "polarity", "voice", "quoted_share"]]
       sentence_id  start  end  polarity   voice  quoted_share
    0            0      0   30  negative  quoted      0.666667
    1            1     31   54  negative  outlet      0.000000
    2            2     55   67   neutral  outlet      0.000000
    >>> len(sentence_sentiment(""))
    0
    """
    rows: list[dict] = []
    for art, doc in analysed_articles(source):
        outlet = art.outlet if isinstance(art.outlet, str) else "unknown"
        rows.extend(_text_rows(str(art.article_id), outlet, doc))
    return _frame(rows, SENTENCE_COLUMNS)


def _scores(part: pd.DataFrame) -> dict:
    """Counts and shares of polarities, and the mean compound; NaN (not 0) for no sentences."""
    n = len(part)
    counts = {p: int((part["polarity"] == p).sum()) for p in ("negative", "positive", "neutral")}
    return {
        "n_sentences": n,
        **{f"n_{p}": c for p, c in counts.items()},
        **{f"share_{p}": c / n if n else _NAN for p, c in counts.items()},
        "mean_compound": float(part["compound"].mean()) if n else _NAN,
    }


def sentiment_summary(sentences: pd.DataFrame, *, by: str = "outlet") -> pd.DataFrame:
    """Count and average sentence sentiment per outlet (or article), in each voice.

    Parameters
    ----------
    sentences : DataFrame
        The table of :func:`sentence_sentiment` (at least ``by``, ``voice``,
        ``compound`` and ``polarity``).
    by : str, default "outlet"
        The column to group by: ``"outlet"`` or ``"article_id"`` (any column
        of ``sentences`` works).

    Returns
    -------
    pandas.DataFrame
        Three rows per value of ``by`` (in order of first appearance), one per
        voice of :data:`VOICES` (``all``, ``outlet``, ``quoted``):
        ``n_sentences``, ``n_negative``, ``n_positive``, ``n_neutral`` (counts
        beside the shares), ``share_negative``, ``share_positive``,
        ``share_neutral`` (count / ``n_sentences``) and ``mean_compound`` (the
        plain mean of the sentences' compounds). Where a voice has no
        sentences the counts are 0 and the shares and mean are NaN, not 0.
        Values of ``by`` with no sentences at all (an empty article) have no
        rows.

    Examples
    --------
    >>> table = sentence_sentiment("“We will crush them,” he said. The talks failed badly. Aid arrived.")
    >>> sentiment_summary(table)[["voice", "n_sentences", "n_negative", "share_negative"]]
        voice  n_sentences  n_negative  share_negative
    0     all            3           2        0.666667
    1  outlet            2           1        0.500000
    2  quoted            1           1        1.000000
    """
    _require(sentences, (by, "voice", "compound", "polarity"), "sentences")
    rows = []
    for key, part in sentences.groupby(by, sort=False, dropna=False):
        for voice in VOICES:
            chosen = part if voice == "all" else part[part["voice"] == voice]
            rows.append({by: key, "voice": voice, **_scores(chosen)})
    return _frame(rows, {by: sentences[by].dtype, "voice": str, **_SCORE_COLUMNS})


def actor_sentiment(sentences: pd.DataFrame, mentions: pd.DataFrame, *, min_sentences: int = 3,
                    by_voice: bool = False) -> pd.DataFrame:
    """The tone of the sentences that mention each actor, per outlet.

    A sentence counts once per actor however often it names them. Scores
    rest on at least ``min_sentences`` sentences (3 by default): with fewer,
    one sentence decides the mean and the share, so the row keeps its counts
    but its scores are NaN, with a ``note`` saying why.

    Parameters
    ----------
    sentences : DataFrame
        The table of :func:`sentence_sentiment`.
    mentions : DataFrame
        The table of :func:`mediacompare.mentions` on the same articles
        (``article_id``, ``sentence_id``, ``actor_id``, ``actor``); generic
        labels (no ``actor_id``) are left out.
    min_sentences : int, default 3
        The fewest sentences for which ``mean_compound`` and
        ``share_negative`` are reported.
    by_voice : bool, default False
        Also split by the sentence's voice: three rows per outlet and actor
        (``all``, ``outlet``, ``quoted``) and a ``voice`` column.

    Returns
    -------
    pandas.DataFrame
        ``outlet``, ``actor_id``, ``actor``, (``voice``), ``n_sentences``,
        ``n_negative``, ``mean_compound``, ``share_negative`` and ``note``
        (empty, or ``"fewer than {min_sentences} sentences: not reported"``).
        Outlets in order of first appearance in ``sentences``; within one,
        the most mentioned actors first.

    Examples
    --------
    >>> import mediacompare as mc
    >>> text = "Putin spoke. Putin was angry and bitter. Biden left."
    >>> table = actor_sentiment(sentence_sentiment(text), mc.mentions(text), min_sentences=2)
    >>> table[["actor_id", "n_sentences", "n_negative", "share_negative"]]
      actor_id  n_sentences  n_negative  share_negative
    0    putin            2           1             0.5
    1    biden            1           0             NaN
    >>> table["note"].tolist()
    ['', 'fewer than 2 sentences: not reported']
    """
    if not isinstance(min_sentences, numbers.Integral) or isinstance(min_sentences, bool) \
            or min_sentences < 1:
        raise ValueError(f"min_sentences must be a whole number of at least 1; got {min_sentences!r}")
    _require(sentences, ("article_id", "outlet", "sentence_id", "compound", "polarity", "voice"),
             "sentences")
    _require(mentions, ("article_id", "sentence_id", "actor_id", "actor"), "mentions")
    named = mentions.loc[mentions["actor_id"].notna(), ["article_id", "sentence_id", "actor_id", "actor"]]
    named = named.assign(article_id=named["article_id"].astype(str),
                         sentence_id=named["sentence_id"].astype("int64"))
    named = named.drop_duplicates(["article_id", "sentence_id", "actor_id"])
    scored = sentences[["article_id", "outlet", "sentence_id", "compound", "polarity", "voice"]]
    scored = scored.assign(article_id=scored["article_id"].astype(str),
                           sentence_id=scored["sentence_id"].astype("int64"))
    joined = named.merge(scored, on=["article_id", "sentence_id"], how="inner")
    outlet_rank = {o: i for i, o in enumerate(dict.fromkeys(sentences["outlet"].tolist()))}
    voices_ = VOICES if by_voice else ("all",)
    note = f"fewer than {min_sentences} sentences: not reported"
    rows = []
    for (outlet, actor_id), part in joined.groupby(["outlet", "actor_id"], sort=False):
        for voice in voices_:
            chosen = part if voice == "all" else part[part["voice"] == voice]
            n = len(chosen)
            enough = n >= min_sentences
            rows.append({
                "outlet": outlet, "actor_id": actor_id, "actor": part["actor"].iloc[0],
                "voice": voice, "n_sentences": n,
                "n_negative": int((chosen["polarity"] == "negative").sum()),
                "mean_compound": float(chosen["compound"].mean()) if enough else _NAN,
                "share_negative": float((chosen["polarity"] == "negative").mean()) if enough else _NAN,
                "note": "" if enough else note,
                "_outlet": outlet_rank.get(outlet, len(outlet_rank)), "_n": len(part),
                "_voice": VOICES.index(voice),
            })
    columns = {"outlet": str, "actor_id": str, "actor": str, "voice": str, "n_sentences": "int64",
               "n_negative": "int64", "mean_compound": "float64", "share_negative": "float64",
               "note": str, "_outlet": "int64", "_n": "int64", "_voice": "int64"}
    frame = _frame(rows, columns).sort_values(["_outlet", "_n", "actor_id", "_voice"],
                                              ascending=[True, False, True, True], kind="stable")
    frame = frame.drop(columns=["_outlet", "_n", "_voice"] + ([] if by_voice else ["voice"]))
    return frame.reset_index(drop=True)
