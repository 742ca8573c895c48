"""Attribution clauses: the rules that give a quotation a speaker of its own.

:class:`Clauses` finds, for one quotation, the clause after it (``“…,” X said``, ``“…,”
said X``, ``according to X``, a clause later in its sentence) or before it in its sentence
(the nearest reporting verb, a passive agent, a verb with no subject of its own, a name
before a colon). The rules are described in :mod:`mediacompare.features.speakers`, which
builds on this class and adds the borrowed attributions; the phrases come from
:mod:`~mediacompare.features.speaker_text` and the persons from
:mod:`~mediacompare.features.speaker_people`. Each walk is bounded (:data:`WINDOW` tokens
after a quotation, the quotation's own sentence before it).
"""

from __future__ import annotations

import bisect

from .speaker_people import People
from .speaker_text import DETERMINERS, NP, OBLIQUE, STOP, TELL, SpeakerText
from .voice import Voices

__all__ = ["WINDOW", "Clauses"]

#: Tokens after a quotation in which its sentence's attribution clause is looked for.
WINDOW = 25
# Conjunctions and adverbs that can open a sentence before its subject.
_OPENING_WORDS = frozenset("and but yet so still then also now later meanwhile instead however thus".split())


# How many tokens back before an earlier quotation of the sentence a headless verb's subject is sought.
_REACH = 60


class Clauses:
    """One text's attribution clauses: the rules that give a quotation its own speaker."""

    def __init__(self, v: Voices):
        self.v = v
        self.d = d = SpeakerText(v)
        self.people = People(d)
        self.top_starts = [q.start for q in d.tops]
        self.spans: dict[int, tuple] = {}  # quote id -> (title, description) offsets of its speaker
        self.clause_end: dict[int, int] = {}  # quote id -> end of its own attribution clause

    def clause(self, np, vi):
        d = self.d
        a, b = (np.first, np.last) if vi is None else (min(np.first, vi), max(np.last, vi + d.vlen[vi] - 1))
        return d.text[d.t[a].start:d.t[b].end]

    def found(self, np, vi, method, where, evidence=None):
        """(np, verb index, method, evidence, addressee) of an attribution clause."""
        d = self.d
        addressee, j = None, (vi or 0) + (d.vlen[vi] if vi is not None else 0)
        if vi is not None and d.norm[vi] in TELL:
            obj = d.np_fwd(j, d.sent[vi])
            if obj is None and d.ok(j, d.sent[vi]) and d.t[j].text.isalpha() and \
                    d.t[j].text.islower() and d.lower_word[j]:
                obj = NP("description", j, j, d.t[j].start, d.t[j].end)   # "told reporters"
            if obj is not None and obj.kind != "pronoun":
                addressee = d.text[d.t[obj.first].start:obj.end]
                method = "X told Y" if method == "X said" else method
        method = "pronoun" if np.kind == "pronoun" else method
        return np, vi, method, evidence or f"'{self.clause(np, vi)}' {where}", addressee

    def _sent_of(self, offset: int) -> int:
        d = self.d
        return d.sent[min(bisect.bisect_left(d.starts, offset), d.n - 1)] if d.n else 0

    def _next_quote_start(self, offset: int) -> int:
        k = bisect.bisect_left(self.top_starts, offset)
        return self.top_starts[k] if k < len(self.top_starts) else len(self.d.text) + 1

    def after(self, q):
        d = self.d
        i, where = bisect.bisect_left(d.starts, q.end), "after the quotation"
        while i < d.n and not d.mask[i] and d.norm[i] in (",", "—", "–", "-"):
            i += 1
        if i >= d.n or d.mask[i] or "\n" in d.text[q.end:d.t[i].start]:
            return None
        s = d.sent[i]
        last_inside = bisect.bisect_left(d.starts, q.end) - 1
        crossing = last_inside >= 0 and d.sent[last_inside] != s
        next_quote = self._next_quote_start(q.end)
        nq = bisect.bisect_left(d.starts, next_quote)
        if crossing and nq < d.n and d.sent[nq] == s:
            return None                                   # the clause belongs to the next quotation
        if d.vlen[i]:
            according = d.norm[i] == "according"
            np = d.np_fwd(i + (2 if according else d.vlen[i]), s)
            if np is None or (according and np.kind == "pronoun") or d.norm[np.first] == "that" or \
                    (d.norm[i].endswith("ing") and not according):
                return None
            return self.found(np, i, "according to X" if according else "said X", where)
        k = d.next_verb[i]
        while k < d.n and d.sent[k] == s and k - i <= WINDOW and d.t[k].start < next_quote:
            found = self._later(i, k, s, crossing, next_quote, where)
            if found is not None:
                return found
            k = d.next_verb[k + 1]
        return None

    def _later(self, i, k, s, crossing, next_quote, where):
        """The attribution clause of the reporting verb at k, after a quotation ending before i."""
        d = self.d
        later = "after the quotation, in its sentence"
        if d.norm[k] == "according":
            np = d.np_fwd(k + 2, s)
            if np is None or np.kind == "pronoun" or crossing or d.norm[k - 1] != ",":
                return None
            return self.found(np, k, "according to X", later)
        np, modal = d.np_back(k, s)
        if np is not None and np.kind == "name" and i < np.first <= i + 3 and \
                all((d.lower_word[x] and not d.title_word[x]) or (x == i and d.norm[x] in DETERMINERS)
                    for x in range(i, np.first)):
            np = np._replace(first=i)             # "“…,” warm-and-fuzzy Jane Doe said", "his nephew Tom Smith"
        elif np is not None and np.kind == "name" and i < np.first <= i + 5 and self._possessor(i, np.first):
            np = np._replace(first=i)             # "“…,” Gallup’s Jeffrey Jones wrote"
        if np is not None and np.first >= i and d.agrees(np, k, modal) and np.first == i:
            return self.found(np, k, "X said", where)
        if crossing:
            return None
        if d.norm[k - 1] == "," and k > i and not d.norm[k].endswith("ing"):   # "“…” that X can win, said Jane Doe"
            inverted = d.np_fwd(k + d.vlen[k], s)
            if inverted is not None and inverted.kind != "pronoun" and d.norm[inverted.first] != "that" \
                    and self._closes(inverted.last + 1, s, next_quote):
                return self.found(inverted, k, "said X", later)
        if not self._closing_clause(k, s, next_quote):
            return None
        if np is not None and np.kind == "name" and np.run is not None and d.runs[np.run].first > i \
                and d.norm[d.runs[np.run].first - 1] == ",":
            np = d.np_run(np.run, s)                              # "…, a mistake, Ben Carson said": no appositive
        if np is not None and np.kind == "name":                   # "…, political scientist Jane Doe said"
            lead = np.first
            while lead > max(i + 1, np.first - 3) and d.lower_word[lead - 1] and not d.vlen[lead - 1]:
                lead -= 1
            if lead < np.first and d.norm[lead - 1] == ",":
                np = np._replace(first=lead)
        if np is not None and np.first > i and d.agrees(np, k, modal) and d.norm[np.first - 1] == "," \
                and self._speaker_like(np):
            return self.found(np, k, "X said", later)
        return None

    def _possessor(self, i, first) -> bool:
        """Whether tokens i..first-1 are one capitalised possessive ("Gallup’s", "Iowa State
        University's") before a name: the name's employer or outlet, not another speaker."""
        d = self.d
        ri = d.run_of[i]
        return ri is not None and d.runs[ri].first == i and d.runs[ri].last == first - 1 and \
            d.possessive[first - 1]

    def _closing_clause(self, k, s, next_quote) -> bool:
        """Whether the reporting verb at k ends its clause ("…, Ben Carson said after the attacks.",
        "…, Jane Doe told the BBC on Monday."), rather than opening one of its own ("Trump said:
        “…”", "has suggested that ...")."""
        d = self.d
        j = k + d.vlen[k]
        if d.norm[k] in TELL and d.ok(j, s) and d.t[j].start < next_quote:   # its addressee
            obj = d.np_fwd(j, s)
            j = obj.last + 1 if obj is not None and obj.kind != "pronoun" else j + (
                d.lower_word[j] and d.t[j].text.isalpha())
        return self._closes(j, s, next_quote)

    def _closes(self, j, s, next_quote) -> bool:
        """Whether the clause ends at token j: punctuation, a preposition or the sentence's end,
        after times ("Tuesday", "last week", "on Monday") are skipped."""
        d = self.d
        j = d.skip_time(j, s)
        if j < d.n and d.t[j].start >= next_quote - 2 and next_quote <= len(d.text):
            return False                                          # "X said “…”": the next quotation's
        if not d.ok(j, s):
            return True
        w = d.norm[j]
        return w in (".", ",", ";", "!", "?") or (w in OBLIQUE and w not in ("to", "that", "as", "if", "like"))

    def _speaker_like(self, np) -> bool:
        if np.kind != "name" or np.run is None:
            return True
        return np.run in self.people.runs_person or self.d.runs[np.run].title is not None

    def before(self, q, lo_offset):
        d = self.d
        hi, where = bisect.bisect_left(d.starts, q.start), "before the quotation, in its sentence"
        if hi == 0 or hi >= d.n or d.sent[hi - 1] != d.sent[hi]:
            return None
        s = d.sent[hi]
        start = d.sent_first[s]
        lo, headless, first = max(start, bisect.bisect_left(d.starts, lo_offset)), None, None
        # The reporting verb nearest the quotation speaks it ("X tweeted after Clinton argued that
        # “…”"); a verb with no subject of its own there (", saying “…”", "and added “…”") belongs
        # to the sentence's first reporting verb with a subject, or to the subject starting it.
        for i in range(hi - 1, lo - 1, -1):
            if not d.vlen[i] or not d.ok(i, s):
                continue
            if d.norm[i] == "according":
                np = d.np_fwd(i + 2, s)
                if np is not None and np.kind != "pronoun" and np.last < hi:
                    found = self.found(np, i, "according to X", where)
                    if headless is None:
                        return found
                    first = found
                continue
            agent = self._agent(i, s)
            np, modal = (agent, False) if agent is not None else d.np_back(i, s)
            participle = d.norm[i].endswith("ing")
            if participle and agent is None and np is not None and d.norm[i - 1] == "," and \
                    np.first > start + 1:
                np = None                     # "Trump told a rally, saying": the phrase before is no subject
            if np is not None and (agent is not None or d.agrees(np, i, modal)) and \
                    not (participle and np.kind == "description"):
                found = self.found(np, i, "X said", where)
                if headless is None:
                    return found
                first = found
            elif participle or (i > start and d.norm[i - 1] in ("and", "but", ",", "to")):
                headless = i if headless is None else headless
        if first is not None:
            return first
        if headless is not None and lo > start:
            # a verb with no subject after an earlier quotation of the sentence ("X said, “…,”
            # adding that “…”"): the sentence's first reporting verb with a subject before it
            for i in range(lo - 1, max(start, lo - _REACH) - 1, -1):   # capped: linear in the text
                if d.vlen[i] and d.ok(i, s) and d.norm[i] != "according" and self._agent(i, s) is None:
                    np, modal = d.np_back(i, s)
                    if np is not None and d.agrees(np, i, modal) and \
                            not (d.norm[i].endswith("ing") and np.kind == "description"):
                        first = self.found(np, i, "X said", where, (
                            f"'{d.t[headless].text}' has no subject of its own; its subject is that of "
                            f"'{self.clause(np, i)}' earlier in the sentence"))
            if first is not None:
                return first
        np = self.subject(s, headless) if headless is not None and lo == start else None
        if np is not None:
            return self.found(np, headless, "X said", where, (
                f"'{d.t[headless].text}' earlier in the sentence has no subject of its own; its subject is "
                f"taken as the one starting the sentence, '{self.clause(np, None)}'"))
        colon = d.norm[hi - 1] == ":" and d.ok(hi - 1, s)
        np = d.np_back(hi - 1, s)[0] if colon else None
        if np is not None and np.kind != "pronoun" and self._colon_speaker(np, s):
            return self.found(np, None, "X said", where,
                              f"'{self.clause(np, None)}:' right before the quotation (no reporting verb)")
        np = self.subject(s, hi - 1) if lo == start else None
        if np is not None and self._person_subject(np):
            how = "introduces the quotation with a colon" if colon else "quotes words inside it"
            return self.found(np, None, "X said", where, (
                f"no reporting verb; the sentence {how} and its subject, '{self.clause(np, None)}', "
                f"is a person"))
        return None

    def _person_subject(self, np) -> bool:
        """A subject that is a person: he or she, or a name the text shows is a person's."""
        d = self.d
        if np.kind == "pronoun":
            return d.norm[np.first] in ("he", "she")
        return np.kind == "name" and np.run is not None and (
            np.run in self.people.runs_person or d.runs[np.run].title is not None
            or self._named_subject(np.run, d.sent[np.first]))

    def _agent(self, i, s):
        """The agent of a passive reporting verb: "Rubio was asked by the moderator Jane Doe"."""
        d = self.d
        j = i + d.vlen[i]
        if i > 0 and d.norm[i - 1] in ("was", "were", "is", "are", "been", "being") and d.ok(j, s) \
                and d.norm[j] == "by":
            np = d.np_fwd(j + 1, s)
            return np if np is not None and np.kind != "pronoun" else None
        return None

    def subject(self, s, verb):
        """The subject starting sentence ``s``, before token ``verb``: past an opening phrase
        ("Shortly after the call ended, Rubio's campaign ..."), or, when the sentence is the
        writer's own ("I remember ..."), the person named nearest before the verb."""
        d = self.d
        start = d.sent_first[s]
        while start < verb - 1 and d.norm[start] in _OPENING_WORDS:
            start += 1                                            # "Yet she ...", "And then Jane Doe ..."
        candidates = [start]
        k = start
        while k < verb and d.norm[k] != ",":
            k += 1
        if k < verb - 1:
            candidates.append(k + 1)
        for first in candidates:
            w = d.norm[first]
            if w in OBLIQUE or w.endswith(("ing", "ly")) or w in ("i", "we"):
                continue
            np = d.np_fwd(first, s)
            if np is None or np.last >= verb:
                continue
            if np.kind == "name" and np.run is not None and np.run not in self.people.runs_person \
                    and d.runs[np.run].title is None and not self._named_subject(np.run, s):
                continue                                          # "First, ...": not a person
            return np
        if d.norm[start] in ("i", "we"):
            k = bisect.bisect_left(self.people.p_starts, d.t[verb].start) - 1
            if k >= 0 and self.people.persons[k].sent == s:
                m = self.people.persons[k]
                run = d.run_of[m.token]
                return d.np_run(run, s) if run is not None else None
        return None

    def _named_subject(self, ri, s) -> bool:
        """A one-word name opening its sentence right before a lowercase verb ("Bryne went on to
        say"), written with a capital inside a sentence elsewhere in the text too; not an opening
        word ("First, ...", "Good information can ..."), an acronym or a time ("Tuesday")."""
        d, r = self.d, self.d.runs[ri]
        j = r.last + 1
        return r.name is not None and not any(d.time_word[k] or d.adverb[k] for k in range(r.first, j)) \
            and d.norm[r.first] in d.cap_inside and not d.t[r.first].text.isupper() \
            and d.ok(j, s) and d.t[j].kind == "word" and d.t[j].text.islower() and d.norm[j] not in STOP \
            and d.norm[r.first].rstrip(".") not in STOP

    def _colon_speaker(self, np, s) -> bool:
        """A name or titled description can speak before a colon; "in Italian:" cannot."""
        d = self.d
        if d.ok(np.first - 1, s) and d.norm[np.first - 1] in OBLIQUE:
            return False
        if np.kind == "name":
            r = d.runs[np.run] if np.run is not None else None
            return np.title is not None or np.desc is not None or (r is not None and len(d.name_words(r)) > 1)
        return any(d.title_word[k] for k in range(np.first, np.last + 1))
