r"""Who speaks: a speaker for every reported quotation, and how it was found.

:func:`attribute_speakers` gives one :class:`Attribution` per reported quotation of
:func:`~mediacompare.features.voice.voices` (scare quotes have none); :func:`speaker_frame`
tabulates them. Rules over the tokens, cost linear in the text. Nothing is guessed
silently: ``method`` and ``evidence`` say how, ``status`` is ``unattributed`` when no one.

Own attribution
    * After the quotation (across the closing mark and a comma, on its line): ``“…,” X
      said``, ``“…,” he said`` (``pronoun``), ``“…,” said X``, ``“…,” X told Y`` (X speaks,
      Y is the ``addressee``), ``“…,” according to X``.
    * Else before it in its sentence: the first reporting verb with a subject (``X said:
      “…”``, ``He indicated that … “…”``) or ``according to X``; a participle with no
      subject (``…, declaring that “…”``) takes the subject starting the sentence; with
      no verb, a name before a colon (``The minister, Jane Doe: “…”``; verb None).
    * Reporting verbs: ``resources/speech_verbs.csv`` and "according to". A bare form
      (``say``, ``call``) needs ``they``, a plural or a modal: "a phone call" is no speech.
Borrowed (``verb`` None; the evidence names the lender)
    * ``same sentence``: a later quotation of the sentence has its own attribution
      (``"absolutely unacceptable” as they “…,” he said``), or the previous quotation of
      the paragraph, no sentence between, is attributed (``“A,” he said. “B.”``); never
      across another person's name.
    * ``continued paragraph``: a paragraph opening with such a quotation, after one whose
      last quotation is attributed or, with none, whose last reported speech has a
      speaker (``…, too, he added.``). A nested quotation stays ``unattributed``.
Names, titles, descriptions
    * A name is a run of capitalised words (``al-Assad``; ``bin``, ``de``, ``of`` ...
      inside); a sentence's first word alone only before a reporting verb. Title words
      (``President``, ``Affairs``, ``spokesman`` ...) lead it: up to the last is the
      ``title`` (``Kremlin President | Vladimir Putin``). A final ``’s`` is left out.
    * A description runs from a determiner or a possessive (``the Russian leader``). A
      comma appositive is the ``description`` (``Salim al-Muslat, spokesman for …``; ``the
      minister, Jane Doe`` speaks as Jane Doe). ``speaker_kind``: ``name`` (``the Kremlin``
      too), ``description`` or ``none``.
Pronouns (``speaker_start``/``speaker_end`` point at the name carried to)
    * he/she: the last person named before, outside quotations: a name with a title, in
      apposition to a role (``spokesman, Ibrahim Kalin``), the subject of a reporting verb
      (not after ``the``, not an acronym such as ``TASS``), or one word ending an earlier
      person's name (carried to the full name). it/they: the last organisation or
      description that spoke (``the Syrian presidency said``).

Not handled: coreference beyond pronouns and surnames (``the Russian leader`` is not
Putin); one-word places that "say" pass for people; ``I``/``we``; verbs not in the list.
"""

from __future__ import annotations

import bisect
from collections import namedtuple
from functools import lru_cache
from typing import NamedTuple

import pandas as pd

from ..text import _column, _frame
from .quote_scan import _paragraphs
from .quotes import Quote
from .voice import Voices, speech_verb_forms
from .voice import voices as _voices

__all__ = ["METHODS", "Attribution", "attribute_speakers", "speaker_frame"]

#: The values of :attr:`Attribution.method`.
METHODS = ("X said", "said X", "X told Y", "according to X", "pronoun", "same sentence",
           "continued paragraph", "unattributed")

# Closed word classes of English grammar that shape the rules (not lexicons).
_PRONOUNS = frozenset({"he", "she", "it", "they"})
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
_STOP = _DETERMINERS | frozenset(
    "i we you he she it they me him her them my our your his its their there here in on at of for to "
    "from by with into about during after before since until amid under over against despite like and "
    "or but nor yet so if as while when although though because however meanwhile also then still "
    "according what who which why how where".split())
_PARTICLES = frozenset("al el bin ibn abu de da del der van von du la le of for".split())
_PREP_LINK = frozenset({"of", "for", "from"})
_CLAUSE_END = frozenset("and or but who which that in on at during while when after before as since "
                        "because with to if".split())
_MODALS = frozenset("will would could can may might should must did does do".split())
_ADVERBS = _MODALS | frozenset("also further then later again earlier once still reportedly meanwhile "
                               "however too has have had was were is are not never".split())
_TELL = frozenset({"tell", "tells", "told", "telling"})
_TITLES = frozenset(
    "president premier minister secretary chancellor spokesman spokeswoman spokesperson envoy ambassador "
    "ayatollah emir king queen prince sheikh sultan general gen colonel col commander admiral chief "
    "director chairman chairwoman leader governor senator sen rep mayor judge pope mr mrs ms dr prof "
    "professor sir lord affairs deputy official adviser advisor commissioner lieutenant captain".split())
_WORDS = ("word", "abbreviation", "number")
_UNFOUND = ("no reporting verb, name or colon next to the quotation or in its sentence; not right after an "
            "attributed quotation of its paragraph; not a paragraph continuing reported speech")


class Attribution(NamedTuple):
    """Who speaks one reported quotation; offsets point into the text (end exclusive).

    ``speaker == text[speaker_start:speaker_end]`` (for a pronoun, the name it
    was carried to); ``title``, ``description`` (appositive), ``addressee`` (Y of
    "X told Y"), ``pronoun`` and ``verb`` are as written, or None.
    """

    quote_id: int
    quote_start: int
    quote_end: int
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    speaker_kind: str  # "name", "description" or "none"
    title: str | None
    description: str | None
    addressee: str | None
    pronoun: str | None
    verb: str | None
    method: str  # one of METHODS
    status: str  # "attributed" or "unattributed"
    evidence: str


# A noun phrase: kind name/description/pronoun, tokens first..last, speaker offsets start..end.
_NP = namedtuple("_NP", "kind first last start end title desc run", defaults=(None, None, None))
_Run = namedtuple("_Run", "first last title name")        # capitalised run: tokens, offset pairs
_Mention = namedtuple("_Mention", "start end kind title full", defaults=(None,))


@lru_cache(maxsize=1)
def _base_forms() -> frozenset:
    """Bare reporting-verb forms (``say``, ``point out``): those with an ``-s`` form."""
    forms = speech_verb_forms()
    return frozenset(f for f in forms if any((f[0] + x,) + f[1:] in forms for x in ("s", "es"))
                     or (f[0].endswith("y") and (f[0][:-1] + "ies",) + f[1:] in forms))


class _Doc:
    """One text's tokens with the flags the rules read (sentence, in a quotation, verb, name word)."""

    def __init__(self, v: Voices):
        self.v, self.text, self.t, n = v, v.text, v.tokens, len(v.tokens)
        t, self.n = self.t, n
        self.norm, self.starts = [x.norm for x in t], [x.start for x in t]
        sent_starts = [s.start for s in v.sentences]
        self.sent = [bisect.bisect_right(sent_starts, x.start) - 1 for x in t]
        self.first = [i == 0 or self.sent[i] != self.sent[i - 1] for i in range(n)]
        self.paras = _paragraphs(self.text)
        self.para_starts = [p[0] for p in self.paras]
        tops = sorted((q for q in v.reported + v.scare if q.level == 0), key=lambda q: q.start)
        self.mask, k = [False] * n, 0                             # tokens inside a quotation
        for i, x in enumerate(t):
            while k < len(tops) and tops[k].end <= x.start:
                k += 1
            self.mask[i] = k < len(tops) and tops[k].start <= x.start
        forms, self.vlen = speech_verb_forms(), [0] * n          # reporting verb starting here
        longest = max(map(len, forms))
        for i in range(n):
            if self.mask[i] or not t[i].text[:1].isalpha() or (t[i].text[0].isupper() and not self.first[i]):
                continue                                          # capitalised only at a sentence start
            for m in range(min(longest, n - i), 0, -1):
                if tuple(self.norm[i:i + m]) in forms and not any(self.mask[i:i + m]):
                    self.vlen[i] = m
                    break
        low, parts = [x.text.islower() for x in t], [x.text.partition("-") for x in t]
        self.cap = [x.kind in ("word", "abbreviation") and w.rstrip(".") not in _STOP and (
            x.text[0].isupper() or (p[0] in _PARTICLES and p[2][:1].isupper()))
            for x, w, p in zip(t, self.norm, parts)]                # a name word: "Putin", "al-Assad"
        self.lower_title = [lw and w in _TITLES for lw, w in zip(low, self.norm)]
        self.possessive = [w.endswith("'s") for w in self.norm]
        self.adverb = [lw and (w in _ADVERBS or (w.endswith("ly") and len(w) > 4))
                       for lw, w in zip(low, self.norm)]
        self._runs()
        self._mentions()

    def ok(self, i, s):
        return 0 <= i < self.n and not self.mask[i] and self.sent[i] == s

    def _runs(self):
        self.runs, self.run_of, i = [], [None] * self.n, 0
        while i < self.n:
            s = self.sent[i]
            lead = self.lower_title[i] and self.ok(i + 1, s) and self.cap[i + 1]      # "spokesman Dmitry ..."
            if self.mask[i] or not (self.cap[i] or lead):
                i += 1
                continue
            j = i
            while not self.possessive[j] and self.ok(j + 1, s):
                if self.cap[j + 1]:
                    j += 1
                elif (self.t[j + 1].text in _PARTICLES or self.lower_title[j + 1]) and self.ok(j + 2, s) \
                        and self.cap[j + 2]:
                    j += 2
                else:
                    break
            titles = [k for k in range(i, j + 1)
                      if any(p in _TITLES for p in self.norm[k].rstrip(".").split("-"))]
            a = titles[-1] + 1 if titles else i
            while a <= j and self.t[a].text in _PARTICLES:
                a += 1
            name = None
            if a <= j and any(self.cap[k] for k in range(a, j + 1)):
                name = (self.t[a].start, self.t[j].end - 2 * self.possessive[j])
            self.run_of[i:j + 1] = [len(self.runs)] * (j + 1 - i)
            self.runs.append(_Run(i, j, (self.t[i].start, self.t[titles[-1]].end) if titles else None, name))
            i = j + 1

    def np_run(self, ri, s):
        r = self.runs[ri]
        if r.title is None and self.ok(r.first - 1, s) and self.norm[r.first - 1] == "the":   # "the Kremlin"
            return _NP("name", r.first - 1, r.last, self.t[r.first - 1].start, r.name[1], None, None, ri)
        return _NP("name", r.first, r.last, r.name[0], r.name[1], r.title, None, ri)

    def desc_back(self, j, s):
        """A description ending at token j: back to a determiner or a possessive."""
        k, found = j, False
        while j - k < 10 and self.ok(k - 1, s):
            x, w = k - 1, self.norm[k - 1]
            if w in _DETERMINERS:
                k, found = x, True
                if not (self.ok(x - 1, s) and self.norm[x - 1] in _PREP_LINK):
                    break
                k, found = x - 1, False                            # "the head of the ..."
            elif self.possessive[x] and self.cap[x]:
                k, found = x, True
                break
            elif w in _PREP_LINK or w in "()" or (self.t[x].kind in _WORDS and w not in _STOP):
                k = x
            else:
                break
        if self.norm[k] in _PREP_LINK or not (found or (self.norm[j].endswith("s") and j - k < 4)):
            return None                                            # det-less plurals: "US officials"
        return _NP("description", k, j, self.t[k].start, self.t[j].end)

    def np_core(self, j, s):
        ri = self.run_of[j] if self.ok(j, s) else None
        if ri is not None and self.runs[ri].last == j:
            r = self.runs[ri]
            linked = self.ok(r.first - 1, s) and self.norm[r.first - 1] in _PREP_LINK
            return self.np_run(ri, s) if r.name and not linked else self.desc_back(j, s)
        if self.ok(j, s) and self.t[j].text.islower() and self.t[j].kind == "word" and self.norm[j] not in _STOP:
            return self.desc_back(j, s)
        return None

    def appose(self, np, a, b):
        """``np`` with the appositive tokens a..b, in either order; None if they do not fit."""
        if np is None or a > b:
            return None
        ri, w = self.run_of[a], self.norm[a]
        if np.kind == "description" and ri is not None and self.runs[ri].name and \
                (self.runs[ri].first, self.runs[ri].last) == (a, b):
            return self.np_run(ri, self.sent[a])._replace(first=min(np.first, a), last=max(np.last, b),
                                                          desc=(np.start, np.end))
        if np.kind == "name" and (w in _DETERMINERS or (self.t[a].text.islower() and w not in _STOP
                                                         and not w.endswith("ing"))):
            return np._replace(first=min(np.first, a), last=max(np.last, b),
                               desc=(self.t[a].start, self.t[b].end))
        return None

    def np_back(self, i, s):
        """The subject before token i (adverbs skipped), and whether a modal was skipped."""
        j, modal = i - 1, False
        while self.ok(j, s):
            ri = self.run_of[j]
            if self.adverb[j]:
                modal, j = modal or self.norm[j] in _MODALS, j - 1
            elif self.norm[j] == "," and ((j + 1 < i and self.adverb[j + 1]) or
                                          (self.ok(j - 1, s) and self.adverb[j - 1])):
                j -= 1
            elif ri is not None and self.runs[ri].first == j == self.runs[ri].last and self.ok(j - 1, s) \
                    and self.norm[j - 1] == "on":
                j -= 2                                             # "on Monday"
            else:
                break
        if not self.ok(j, s):
            return None, modal
        if self.norm[j] in _PRONOUNS:
            return _NP("pronoun", j, j, self.t[j].start, self.t[j].end), modal
        if self.norm[j] == ",":                                    # "X, desc, said"
            k = j - 1
            while self.ok(k, s) and self.norm[k] != "," and j - k < 16:
                k -= 1
            ok = self.ok(k, s) and self.norm[k] == ","
            return (self.appose(self.np_core(k - 1, s), k + 1, j - 1) if ok else None), modal
        np = self.np_core(j, s)
        if np is not None and np.kind == "name" and self.ok(np.first - 1, s) and self.norm[np.first - 1] == ",":
            np = self.appose(self.np_core(np.first - 2, s), np.first, np.last) or np
        return np, modal

    def np_fwd(self, i, s):
        """The noun phrase starting at token i, with a comma appositive after it."""
        if not self.ok(i, s):
            return None
        w, ri = self.norm[i], self.run_of[i]
        if w in _PRONOUNS:
            return _NP("pronoun", i, i, self.t[i].start, self.t[i].end)
        if ri is not None and self.runs[ri].first == i and self.runs[ri].name:
            np = self.np_run(ri, s)
        elif w in _DETERMINERS or (self.possessive[i] and self.cap[i]) or self.lower_title[i] or ri is not None:
            k = i
            while self.ok(k + 1, s) and k - i < 12 and (self.norm[k + 1] in "()" or (
                    self.t[k + 1].kind in _WORDS and self.norm[k + 1] not in _CLAUSE_END
                    and not self.vlen[k + 1])):
                k += 1
            while k > i and (self.norm[k] in _DETERMINERS | _PREP_LINK or self.norm[k] == "("):
                k -= 1
            np = _NP("description", i, k, self.t[i].start, self.t[k].end)
        else:
            return None
        a = b = np.last + 2
        if self.ok(a - 1, s) and self.norm[a - 1] == "," and self.ok(a, s):
            while self.ok(b + 1, s) and self.norm[b + 1] not in ",.;:" and b - a < 15:
                b += 1
            if not self.ok(b + 1, s) or self.norm[b + 1] in ",.;":
                np = self.appose(np, a, b) or np
        return np

    def agrees(self, np, i, modal):
        if modal or tuple(self.norm[i:i + self.vlen[i]]) not in _base_forms():
            return True
        if np.kind == "pronoun":
            return self.norm[np.first] == "they"
        return np.kind == "description" and self.norm[np.last].endswith("s")

    def _mentions(self):
        """Reported speech (``events``), then the persons and the groups that spoke, in text order."""
        self.events, speakers = [], set()
        for i in range(self.n):
            if not self.vlen[i]:
                continue
            s = self.sent[i]
            if self.norm[i] == "according":
                np = self.np_fwd(i + 2, s)
            else:
                np, modal = self.np_back(i, s)
                np = np if np is not None and self.agrees(np, i, modal) else None
                quoted = i and (self.mask[i - 1] or (self.norm[i - 1] == "," and i > 1 and self.mask[i - 2]))
                if np is None and quoted:
                    np = self.np_fwd(i + self.vlen[i], s)          # "“…,” said X"
            if np is not None:
                self.events.append((i, np))
                speakers.add(np.run)
        self.event_starts = [self.t[i].start for i, _ in self.events]
        self.persons, self.groups, by_last = [], [], {}
        for ri, r in enumerate(self.runs):
            if r.name is None:
                continue
            words = self.text[r.name[0]:r.name[1]].split()
            single, speaks = len(words) == 1, ri in speakers
            if single and self.first[r.first] and not speaks:
                continue
            det = r.first > 0 and self.norm[r.first - 1] == "the"
            apposed = not single and r.first >= 2 and self.norm[r.first - 1] == "," and \
                self.t[r.first - 2].text.islower() and not (self.ok(r.last + 1, self.sent[r.last])
                                                             and self.norm[r.last + 1] not in ".,")
            full = by_last.get(words[0].lower()) if single else None
            m = _Mention(r.name[0], r.name[1], "name", r.title, full)
            if r.title or apposed or full or (speaks and not det and not (single and words[0].isupper())):
                self.persons.append(m)
                if not single:
                    last = words[-1].lower()
                    by_last[last] = by_last[last.split("-")[-1]] = m
            elif speaks:
                self.groups.append(m)
        self.groups = sorted(self.groups + [_Mention(np.start, np.end, "description", None)
                                            for _, np in self.events if np.kind == "description"])
        self.p_starts, self.g_starts = [m.start for m in self.persons], [m.start for m in self.groups]

    def resolve(self, offset, word):
        pool, starts = (self.persons, self.p_starts) if word in ("he", "she") else (self.groups, self.g_starts)
        k = bisect.bisect_left(starts, offset) - 1
        return None if k < 0 else (pool[k].full or pool[k])

    def others_between(self, a, b, speaker):
        """Persons named in [a, b) whose last name is not the speaker's."""
        last = (speaker or "").split()[-1:]
        return [m for m in self.persons[bisect.bisect_left(self.p_starts, a):bisect.bisect_left(self.p_starts, b)]
                if self.text[m.start:m.end].split()[-1:] != last]

    def clause(self, np, vi):
        a, b = (np.first, np.last) if vi is None else (min(np.first, vi), max(np.last, vi + self.vlen[vi] - 1))
        return self.text[self.t[a].start:self.t[b].end]

    def found(self, np, vi, method, where, evidence=None):
        """(np, verb index, method, evidence, addressee) of an attribution clause."""
        addressee, j = None, (vi or 0) + (self.vlen[vi] if vi is not None else 0)
        if vi is not None and self.norm[vi] in _TELL:
            obj = self.np_fwd(j, self.sent[vi])
            if obj is None and self.ok(j, self.sent[vi]) and self.t[j].text.isalpha() and \
                    self.t[j].text.islower() and self.norm[j] not in _STOP:
                obj = _NP("description", j, j, self.t[j].start, self.t[j].end)   # "told reporters"
            if obj is not None and obj.kind != "pronoun":
                addressee = self.text[self.t[obj.first].start:obj.end]
                method = "X told Y" if method == "X said" else method
        method = "pronoun" if np.kind == "pronoun" else method
        return np, vi, method, evidence or f"'{self.clause(np, vi)}' {where}", addressee

    def after(self, q):
        i, where = bisect.bisect_left(self.starts, q.end), "after the quotation"
        while i < self.n and not self.mask[i] and self.norm[i] in (",", "—", "–", "-"):
            i += 1
        if i >= self.n or self.mask[i] or "\n" in self.text[q.end:self.t[i].start]:
            return None
        s, vl = self.sent[i], self.vlen[i]
        if vl:
            np = self.np_fwd(i + (2 if self.norm[i] == "according" else vl), s)
            if np is None or (self.norm[i] == "according" and np.kind == "pronoun"):
                return None
            return self.found(np, i, "according to X" if self.norm[i] == "according" else "said X", where)
        np = self.np_fwd(i, s)
        if np is None:
            return None
        k = np.last + 1 + (self.ok(np.last + 1, s) and self.norm[np.last + 1] == ",")
        while self.ok(k, s) and self.adverb[k]:
            k += 1
        if not self.ok(k, s) or not self.vlen[k] or self.norm[k] == "according":
            return None
        return self.found(np, k, "X said", where)

    def before(self, q, lo_offset):
        hi, where = bisect.bisect_left(self.starts, q.start), "before the quotation, in its sentence"
        if hi == 0 or hi >= self.n or self.sent[hi - 1] != self.sent[hi]:
            return None
        s, start = self.sent[hi], hi - 1
        while start > 0 and self.sent[start - 1] == s:
            start -= 1
        lo, participle = max(start, bisect.bisect_left(self.starts, lo_offset)), None
        for i in range(lo, hi):
            if not self.vlen[i] or not self.ok(i, s):
                continue
            if self.norm[i] == "according":
                np = self.np_fwd(i + 2, s)
                if np is not None and np.kind != "pronoun" and np.last < hi:
                    return self.found(np, i, "according to X", where)
                continue
            np, modal = self.np_back(i, s)
            if np is not None and self.agrees(np, i, modal):
                return self.found(np, i, "X said", where)
            if self.norm[i].endswith("ing") and participle is None:
                participle = i
        np = self.np_fwd(lo, s) if participle is not None and lo == start else None
        if np is not None and np.last < participle:
            return self.found(np, participle, "X said", where, (
                f"'{self.t[participle].text}' earlier in the sentence has no subject of its own; its subject is "
                f"taken as the one starting the sentence, '{self.clause(np, None)}'"))
        np = self.np_back(hi - 1, s)[0] if self.norm[hi - 1] == ":" and self.ok(hi - 1, s) else None
        if np is not None and np.kind != "pronoun":
            return self.found(np, None, "X said", where,
                              f"'{self.clause(np, None)}:' right before the quotation (no reporting verb)")
        return None

    def row(self, q, found):
        np, vi, method, evidence, addressee = found
        verb = None if vi is None else self.text[self.t[vi].start:self.t[vi + self.vlen[vi] - 1].end]
        head, pron = (q.quote_id, q.start, q.end), None
        if np.kind == "pronoun":
            pron, who = self.text[np.start:np.end], self.norm[np.first]
            m = self.resolve(np.start, who)
            if m is None:
                what = "person" if who in ("he", "she") else "organisation or description that spoke"
                return Attribution(*head, None, None, None, "none", None, None, addressee, pron, verb, method,
                                   "unattributed", f"{evidence}; no {what} named before to carry '{pron}' to")
            evidence += f"; '{pron}' carried to {self.text[m.start:m.end]} named at {m.start}"
            np = _NP(m.kind, None, None, m.start, m.end, m.title)
        return Attribution(*head, self.text[np.start:np.end], np.start, np.end, np.kind,
                           _span(self.text, np.title), _span(self.text, np.desc), addressee, pron, verb, method,
                           "attributed", evidence)

    def borrow(self, q, k, tops, own, rows):
        """A speaker lent by a neighbouring quotation or paragraph, or None."""
        def lend(src, method, evidence):
            return src._replace(quote_id=q.quote_id, quote_start=q.start, quote_end=q.end, addressee=None,
                                pronoun=None, verb=None, method=method, evidence=evidence)

        sent_of = lambda offset: self.sent[min(bisect.bisect_left(self.starts, offset), self.n - 1)]  # noqa: E731
        para = bisect.bisect_right(self.para_starts, q.start) - 1
        for nxt in tops[k + 1:]:
            if sent_of(nxt.start) != sent_of(q.end - 1):
                break
            src = rows.get(nxt.quote_id)
            if nxt.quote_id in own and src.status == "attributed" and \
                    not self.others_between(q.end, nxt.start, src.speaker):
                return lend(src, "same sentence", f"no attribution of its own; quote {nxt.quote_id}, next in "
                                                  f"its sentence, is attributed to {src.speaker}")
        prev = tops[k - 1] if k else None
        if prev is not None and bisect.bisect_right(self.para_starts, prev.start) - 1 == para:
            src = rows[prev.quote_id]
            if src.status == "attributed" and sent_of(q.start) - sent_of(prev.end - 1) <= 1 and \
                    not self.others_between(prev.end, q.start, src.speaker):
                return lend(src, "same sentence", f"no attribution of its own; follows quote {prev.quote_id} of "
                                                  f"its paragraph, attributed to {src.speaker}")
            return None
        if para <= 0 or self.paras[para][0] != q.start:
            return None
        a, b = self.paras[para - 1]
        if prev is not None and a <= prev.start < b:
            src, how = rows[prev.quote_id], f"whose last quotation (quote {prev.quote_id}) is attributed"
        else:
            e = bisect.bisect_left(self.event_starts, b) - 1
            if e < 0 or self.event_starts[e] < a:
                return None
            vi, np = self.events[e]
            src = self.row(q, self.found(np, vi, "X said", "", f"'{self.clause(np, vi)}'"))
            how = f"of reported speech with no quotation ({src.evidence})"
        if src.status != "attributed":
            return None
        return lend(src, "continued paragraph", f"a paragraph opening with a quotation with no attribution of "
                                                f"its own, after a paragraph {how}; speaker {src.speaker}")

    def attribute(self):
        tops = sorted((q for q in self.v.reported if q.level == 0), key=lambda q: q.start)
        own, rows = {}, {}
        for k, q in enumerate(tops):
            f = self.after(q) or self.before(q, tops[k - 1].end if k else 0)
            if f is not None:
                own[q.quote_id], rows[q.quote_id] = f, self.row(q, f)
        for k, q in enumerate(tops):
            if q.quote_id not in rows:
                rows[q.quote_id] = self.borrow(q, k, tops, own, rows) or _none(q, _UNFOUND)
        reported = {q.quote_id for q in self.v.reported}
        for q in sorted((q for q in self.v.reported if q.level > 0), key=lambda q: q.quote_id):
            parent = rows.get(q.parent_id)
            who = ("a scare quote" if q.parent_id not in reported else f"spoken by {parent.speaker}"
                   if parent is not None and parent.speaker else "whose speaker was not found")
            rows[q.quote_id] = _none(q, f"nested inside quote {q.parent_id} ({who}); no speaker of its own")
        return [rows[k] for k in sorted(rows)]


def _span(text, pair):
    return None if pair is None else text[pair[0]:pair[1]]


def _none(q: Quote, evidence: str) -> Attribution:
    return Attribution(q.quote_id, q.start, q.end, None, None, None, "none", None, None, None, None, None,
                       "unattributed", "unattributed", evidence)


def attribute_speakers(text: str, *, voices: Voices | None = None) -> list[Attribution]:
    """A speaker for every reported quotation of ``text``, and how it was found.

    Parameters
    ----------
    text : str
        Any string; it is not modified. Anything else gives ``[]``.
    voices : Voices, optional
        ``voices(text)``, when already at hand; one of another text is refused.

    Returns
    -------
    list of Attribution
        One per reported quotation (nested ones included), in ``quote_id``
        order. Never raises on a string. See the module docstring for the rules.

    Examples
    --------
    >>> text = "Foreign Minister Jane Doe met Li Wei.\\n\\n“We stay,” she said, “and we win.”"
    >>> for a in attribute_speakers(text):
    ...     print(a.quote_id, a.speaker, a.title, a.pronoun, a.method, a.speaker_start)
    0 Jane Doe Foreign Minister she pronoun 17
    1 Jane Doe Foreign Minister she pronoun 17
    >>> a = attribute_speakers("“Stay,” said the minister, Jane Doe.")[0]
    >>> a.speaker, a.description, a.verb, a.method
    ('Jane Doe', 'the minister', 'said', 'said X')
    """
    if not isinstance(text, str):
        return []
    if voices is not None and voices.text != text:
        raise ValueError("voices was computed for another text; pass voices(text) of this text, or None")
    return _Doc(_voices(text) if voices is None else voices).attribute()


def speaker_frame(text: str, *, article_id=None) -> pd.DataFrame:
    """One row per reported quotation of ``text``: the fields of :class:`Attribution`.

    Parameters
    ----------
    text : str
        Any string; it is not modified.
    article_id : optional
        When given, the first column, repeated on every row.

    Returns
    -------
    pandas.DataFrame
        The :class:`Attribution` fields in order: ``quote_id``, ``quote_start``,
        ``quote_end`` (int64), ``speaker_start``, ``speaker_end`` (nullable
        ``Int64``), the others strings (missing where None).

    Examples
    --------
    >>> speaker_frame("“We stay,” Jane Doe told reporters.", article_id="a1")[
    ...     ["article_id", "quote_id", "speaker", "speaker_start", "addressee", "method"]]
      article_id  quote_id   speaker  speaker_start  addressee    method
    0         a1         0  Jane Doe             11  reporters  X told Y
    """
    rows = attribute_speakers(text)
    columns = {}
    for k, field in enumerate(Attribution._fields):
        dtype = "int64" if k < 3 else "Int64" if field in ("speaker_start", "speaker_end") else str
        columns[field] = _column([r[k] for r in rows], dtype)
    return _frame(columns, len(rows), article_id)
