"""Where the labeller's time goes, and what four small changes to the library would save.

Profiles the per-article path of ``stream_aggregates`` (tokenize, quotations and voice,
lexicon matching, span rows) with cProfile, then times candidate changes to the library
applied here at run time only (monkeypatched; the library itself is not changed), each
checked to give the very same spans and word counts first:

A. ``text._word_kind``: answer ``"word"`` at once for an all-letter word (``str.isalpha``),
   before the regular expression and the generator over characters;
B. tokenize each article once: ``voices()`` re-tokenizes through ``sentences(text)`` and
   ``find_quotes(text)`` (``quotes._structure``) although its caller has the tokens
   (here: a one-text cache in front of ``tokenize``);
C. ``Lexicon.match``: compute the token keys for the whole text in one pass (tokens hold
   no whitespace, so ``" ".join``, ``translate``, ``lower`` and ``split`` give each token's
   key) and walk the trie only from tokens whose key opens an entry (or that hold a hyphen
   or a possessive ``'s``);
D. ``Voices.sentence_id`` and ``_speech_nearby``: the list of sentence starts is rebuilt for
   every span and every quotation (here: kept once per text);
E. ``tokenize``: no token spans whitespace, so a text's tokens are those of its
   whitespace-separated chunks, shifted; keeping each distinct chunk's tokens (as spaCy's
   tokenizer keeps a cache) spares the regular expression for every repeated word.

Writes ``benchmarks/results/profile_label.md``.

Run: python benchmarks/profile_label.py [--articles 300] [--rounds 3]
"""

from __future__ import annotations

import argparse
import bisect
import cProfile
import io
import pstats
import re
import sys
from contextlib import ExitStack, contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import mediacompare as mc  # noqa: E402
import mediacompare.features.lexicon as lexicon_mod  # noqa: E402
import mediacompare.features.quotes as quotes_mod  # noqa: E402
import mediacompare.features.voice as voice_mod  # noqa: E402
import mediacompare.text as text_mod  # noqa: E402
from mediacompare.features.label import _label_text  # noqa: E402

import baselines  # noqa: E402
import bench_throughput as bt  # noqa: E402
from run import corpus_file  # noqa: E402

WORD_KINDS = ("word", "number", "abbreviation")
RESULTS = HERE / "results" / "profile_label.md"


def article_work(texts, lexicon):
    """What stream_aggregates does per article once the text is clean."""
    out = []
    for text in texts:
        tokens = mc.tokenize(text)
        voice = voice_mod.voices(text, tokens)
        spans = _label_text("x", text, lexicon, tokens=tokens, voice=voice)
        out.append((len(spans), sum(t.kind in WORD_KINDS for t in tokens), voice.quoted_word_count(),
                    [(r["start"], r["end"], r["term"], r["in_quote"], r["sentence_id"]) for r in spans]))
    return out


@contextmanager
def patched(obj, name, value):
    old = getattr(obj, name)
    setattr(obj, name, value)
    try:
        yield
    finally:
        setattr(obj, name, old)


def change_a():
    original = text_mod._word_kind

    def word_kind(word):
        return "word" if word.isalpha() else original(word)
    return [(text_mod, "_word_kind", word_kind)]


def change_b():
    original = text_mod.tokenize
    last = {"text": None, "tokens": None}

    def tokenize(text):
        if text is not last["text"]:
            last["text"], last["tokens"] = text, original(text)
        return last["tokens"]
    return [(module, "tokenize", tokenize) for module in (text_mod, quotes_mod, voice_mod, mc)]


def change_c():
    straighten = lexicon_mod._STRAIGHTEN

    def match(self, text, tokens=None):
        tokens = text_mod.tokenize(text) if tokens is None else tokens
        joined = " ".join(t.text for t in tokens).translate(straighten)
        exact_keys = joined.split(" ") if tokens else []
        lower = joined.lower().split(" ") if tokens else []
        exact = exact_keys if self._index[True] else lower
        roots_l, roots_e = self._index[False], self._index[True]
        found = []
        n = len(tokens)
        starts = [i for i in range(n) if lower[i] in roots_l or exact[i] in roots_e
                  or "-" in lower[i] or lower[i].endswith("'s")]
        for i in starts:
            token = tokens[i]
            whole = False
            for sensitive, keys in ((False, lower), (True, exact)):
                children, j = self._index[sensitive], i
                while j < n:
                    node = children.get(keys[j])
                    if node is None:
                        break
                    children, entries = node
                    for entry in entries:
                        if self._allowed(entry, lower, i, j + 1):
                            found.append(lexicon_mod.Match(token.start, tokens[j].end, entry))
                            whole = whole or j == i
                    j += 1
            if not whole and token.kind == "word" and ("-" in lower[i] or lower[i].endswith("'s")):
                found.extend(self._part_matches(token, lower, i))
        return lexicon_mod._leftmost_longest(found)
    return [(lexicon_mod.Lexicon, "match", match)]


def change_d():
    def sentence_id(self, offset):
        starts = self.__dict__.get("_starts")
        if starts is None:
            starts = self.__dict__["_starts"] = [s.start for s in self.sentences]
        return max(bisect.bisect_right(starts, offset) - 1, 0) if starts else 0
    cache = {"sents": None, "starts": None}

    def speech_nearby(quote, tokens, starts, sents, verbs):
        # the original, with the sentence starts computed once per list of sentences
        if cache["sents"] is not sents:
            cache["sents"], cache["starts"] = sents, [s.start for s in sents]
        sent_starts = cache["starts"]
        first = max(bisect.bisect_right(sent_starts, quote.start) - 1, 0)
        last = max(bisect.bisect_right(sent_starts, max(quote.end - 1, quote.start)) - 1, 0)
        lo = sents[first].start if sents else 0
        hi = sents[last].end if sents else quote.end
        outside = [t.norm for t in tokens[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)]
                   if not quote.start <= t.start < quote.end]
        longest = max((len(v) for v in verbs), default=1)
        for i in range(len(outside)):
            for k in range(1, longest + 1):
                if tuple(outside[i:i + k]) in verbs:
                    return True
        return False
    return [(voice_mod.Voices, "sentence_id", sentence_id), (voice_mod, "_speech_nearby", speech_nearby)]


def change_e():
    original = text_mod.tokenize
    token = text_mod.Token
    cache: dict[str, list] = {}
    chunks = re.compile(r"\S+").finditer

    def tokenize(text):
        tokens = []
        for chunk in chunks(text):
            found = cache.get(chunk[0])
            if found is None:
                found = cache[chunk[0]] = [tuple(t) for t in original(chunk[0])]
            base = chunk.start()
            tokens.extend([token(base + a, base + b, t, k) for a, b, t, k in found])
        return tokens
    return [(module, "tokenize", tokenize) for module in (text_mod, quotes_mod, voice_mod, mc)]


CHANGES = {"A word kinds": change_a, "B tokenize once": change_b, "C match": change_c,
           "D sentence starts": change_d, "E token cache": change_e}


def with_changes(names, func):
    with ExitStack() as stack:
        for name in names:
            for obj, attr, value in CHANGES[name]():
                stack.enter_context(patched(obj, attr, value))
        return func()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--data", type=Path, default=Path("/tmp/mediacompare-bench"))
    args = parser.parse_args(argv)
    args.data.mkdir(parents=True, exist_ok=True)
    texts = bt.clean_texts(corpus_file(args.data, 1000), args.articles)
    words = sum(bt.n_words(t) for t in texts)
    lexicon = mc.load_lexicon()

    profile = cProfile.Profile()
    profile.runcall(article_work, texts, lexicon)
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats("tottime").print_stats(14)
    profile_lines = [line.replace(str(HERE.parent) + "/", "") for line in out.getvalue().splitlines()
                     if line.strip()][3:]

    reference = article_work(texts, lexicon)
    configs = {"library as it is": []}
    configs.update({name: [name] for name in CHANGES})
    configs["A + B + C + D"] = ["A word kinds", "B tokenize once", "C match", "D sentence starts"]
    configs["B + C + D + E"] = ["E token cache", "B tokenize once", "C match", "D sentence starts"]
    for name, names in configs.items():
        same = with_changes(names, lambda: article_work(texts, lexicon)) == reference
        assert same, f"{name}: different output"
    funcs = {name: (lambda names=names: with_changes(names, lambda: article_work(texts, lexicon)))
             for name, names in configs.items()}
    agreed = baselines.comparable(lexicon)
    spacy = baselines.SpacyMatcher(agreed)
    funcs["spaCy tokenizer + PhraseMatcher (for scale)"] = lambda: [spacy.match(t) for t in texts]
    funcs["tokenize + match, library as it is"] = lambda: [agreed.match(t, mc.tokenize(t)) for t in texts]
    funcs["tokenize + match, A + C"] = lambda: with_changes(
        ["A word kinds", "C match"], lambda: [agreed.match(t, mc.tokenize(t)) for t in texts])
    funcs["tokenize + match, C + E"] = lambda: with_changes(
        ["E token cache", "C match"], lambda: [agreed.match(t, mc.tokenize(t)) for t in texts])
    medians = bt.interleaved(funcs, args.rounds)
    base = medians["library as it is"]
    spacy_s = medians["spaCy tokenizer + PhraseMatcher (for scale)"]
    lines = ["# Where the labeller's time goes", "",
             "The per-article path of `stream_aggregates` (tokenize, quotations and voice, "
             "matching, span rows) with the changes A to E of `benchmarks/profile_label.py` "
             "applied at run time only, each checked first to give identical spans and counts. "
             f"{len(texts)} synthetic articles, {words:,} words; median of {args.rounds} "
             f"interleaved rounds. {bt_machine()}.", "",
             "| per-article path | seconds | words per second | vs library | vs spaCy |",
             "| --- | ---: | ---: | ---: | ---: |"]
    lines += [f"| {name} | {s:.3f} | {words / s:,.0f} | {base / s:.2f}x | {spacy_s / s:.2f}x |"
              for name, s in medians.items()]
    lines += ["", "cProfile of the path as it is (internal time):", "", "```",
              *profile_lines, "```"]
    print("\n".join(lines))
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"written to {RESULTS}")
    return 0


def bt_machine() -> str:
    from run import machine

    return f"Machine: {machine()}"


if __name__ == "__main__":
    sys.exit(main())
