"""Issue 13, items 16-18: no per-span or per-quotation scan, bounded walks, one index per text.

Nothing here is timed (``benchmarks/linearity.py`` measures cost against size). These tests
check the structure that keeps the cost linear: lookups that never iterate the sentence or
quotation lists after the indexes are built, walks with a cap, and operation counts (Python
function calls, counted by cProfile: deterministic) that grow in proportion to the input on
the adversarial shapes of the issue.
"""

from __future__ import annotations

import cProfile
import pstats

import pytest

import mediacompare as mc
from mediacompare.features import actors, speaker_people, speaker_text
from mediacompare.features.voice import voices


class _Counting(list):
    """A list that counts how often it is iterated or indexed."""

    def __init__(self, items):
        super().__init__(items)
        self.reads = 0

    def __iter__(self):
        self.reads += 1
        return super().__iter__()

    def __getitem__(self, key):
        self.reads += 1
        return super().__getitem__(key)


def _calls(function, *args) -> int:
    profile = cProfile.Profile()
    profile.runcall(function, *args)
    return pstats.Stats(profile).total_calls


def _grows_linearly(make, function, n=300, factor=4, slack=1.25):
    small, large = _calls(function, make(n)), _calls(function, make(factor * n))
    assert large <= factor * slack * small, (small, large)


def test_sentence_id_and_quote_of_read_prebuilt_indexes_only():
    text = " ".join(f'Sentence {k} has "a quoted phrase of several words here" in it.' for k in range(200))
    v = voices(text)
    v.sentences = _Counting(v.sentences)
    v.reported = _Counting(v.reported)
    for offset in range(0, len(text), 7):
        v.sentence_id(offset)
        v.quote_of(offset, offset + 3)
    assert v.sentences.reads == 0 and v.reported.reads == 0
    assert v.sentence_id(len(text) - 1) == len(mc.sentences(text)) - 1


def test_quoted_word_count_does_not_pair_every_token_with_every_quotation():
    text = '"a b c d e" ' * 400                     # five words: reported speech, not scare quotes
    _grows_linearly(lambda n: '"a b c d e" ' * n, lambda t: voices(t).quoted_word_count())
    assert voices(text).quoted_word_count() == 2000


@pytest.mark.parametrize("make", [lambda n: '"' * n, lambda n: '"a b c d e f" said x. ' * n,
                                  lambda n: "“One,” he said. “Two.” " * n])
def test_voice_table_on_many_quotation_marks_grows_linearly(make):
    _grows_linearly(make, mc.voice_table, n=150)


def test_label_on_many_single_quotes_grows_linearly():
    _grows_linearly(lambda n: "don't 'x' " * n, lambda t: mc.label(t, progress=False), n=200)


def test_quotes_table_grows_linearly():
    _grows_linearly(lambda n: '"' * n, mc.quotes_table, n=400)


def test_mentions_of_a_repeated_name_grow_linearly_and_keep_descriptors_short():
    _grows_linearly(lambda n: "Putin " * n, mc.mentions, n=200)
    table = mc.mentions("Putin " * 500)
    assert len(table) == 500 and table["descriptor"].isna().all()
    assert table["form"].str.len().max() == len("Putin")
    long_title = "Former Acting Deputy Special Supreme Senior Top Chief Foreign Defence Minister Bashar al-Assad"
    form = mc.mentions(long_title)["form"].iloc[0]
    assert len(form.split()) <= actors.MAX_DESCRIPTOR_WORDS + 2


def test_speaker_walks_are_capped():
    # np_back never walks further than a dozen tokens, whatever precedes the verb
    text = "It was " + "very " * 500 + "quickly said: “Hello there all of you.”"
    rows = mc.voice_table(text)
    assert len(rows) == 1
    assert speaker_people.SENTENCES_BACK <= 10
    d = speaker_text.SpeakerText(voices(text))
    verb = next(i for i in range(d.n) if d.vlen[i])
    np, _ = d.np_back(verb, d.sent[verb])
    assert np is None or verb - np.first <= 12


def test_pronoun_resolution_grows_linearly():
    _grows_linearly(lambda n: "Jane Doe arrived. “We stay,” she said. " * n, mc.voice_table, n=60)
