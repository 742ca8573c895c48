"""The phrases a speaker can be: one text's tokens with the flags the speaker rules read.

:class:`SpeakerText` marks, once per text, each token's sentence, whether it lies inside a
quotation, where a reporting verb starts, which words can belong to a name, the runs of
capitalised words with their titles ("Kremlin spokesman | Dmitry Peskov", "Clinton campaign
manager | Robby Mook", "Kevin D. Williamson"), and finds the noun phrase before or after a
token: a name, a description ("the Russian leader", "her personal lawyer"), a pronoun, with
a comma appositive ("Htay Oo, its acting chairman,") or aside ("Tom Blunt, after a long
pause,"), a relative clause ("an official who
spoke anonymously") or a parenthesis ("Bernie Sanders (I-Vt.)") skipped. Every walk is
capped at a few tokens: cost linear in the text. The rules that use these phrases are in
:mod:`mediacompare.features.speakers`; the word classes and word lists they read are in
:mod:`mediacompare.features.speaker_words`.
"""

from __future__ import annotations

import bisect
import re

from .quote_scan import _paragraphs
from .speaker_words import (  # noqa: F401 (re-exported: the rules import them from here)
    PRONOUNS, POSSESSIVE_PRONOUNS, QUANTIFIERS, DETERMINERS, STOP, _MORE_PREPOSITIONS,
    PARTICLES, PREP_LINK, OBLIQUE, PREPOSITIONS, CLAUSE_END, MODALS,
    ADVERBS, TELL, _NAMING, RELATIVE, _MONTH_ABBREVIATIONS, _TIME_LEADS,
    _COMPLEMENT_OPENERS, WORDS, NP, Run, person_words, given_names,
    _role_set, titles, not_person_heads, base_forms, plural,
)
from .voice import Voices, speech_verb_forms

# A party and place after a name: "R-Ky.", "D-N.Y.", "I-Vt" (one or two capitals, a hyphen, a
# capitalised abbreviation of up to two dotted parts).
_DESIGNATION = re.compile(r"[A-Z]{1,2}-[A-Z][A-Za-z]{0,3}\.?(?:[A-Z][a-z]?\.?)?\Z")


class SpeakerText:
    """One text's tokens with the flags the rules read (sentence, in a quotation, verb, name word)."""

    def __init__(self, v: Voices):
        self.v, self.text, self.t = v, v.text, v.tokens
        t, n = self.t, len(v.tokens)
        self.n = n
        self.norm, self.starts = [x.norm for x in t], [x.start for x in t]
        sent_starts = [s.start for s in v.sentences]
        self.sent = [bisect.bisect_right(sent_starts, x.start) - 1 for x in t]
        self.first = [i == 0 or self.sent[i] != self.sent[i - 1] for i in range(n)]
        self.sent_first = {}                                      # sentence id -> its first token
        for i in range(n):
            self.sent_first.setdefault(self.sent[i], i)
        self.paras = _paragraphs(self.text)
        self.para_starts = [p[0] for p in self.paras]
        self.tops = sorted((q for q in v.reported + v.scare if q.level == 0), key=lambda q: q.start)
        self.mask, k = [False] * n, 0                             # tokens inside a quotation
        for i, x in enumerate(t):
            while k < len(self.tops) and self.tops[k].end <= x.start:
                k += 1
            self.mask[i] = k < len(self.tops) and self.tops[k].start <= x.start
        forms, bare, self.vlen = speech_verb_forms(), base_forms(), [0] * n  # reporting verb starting here
        longest = max(map(len, forms))
        for i in range(n):
            if self.mask[i] or not t[i].text[:1].isalpha() or (t[i].text[0].isupper() and not self.first[i]):
                continue                                          # capitalised only at a sentence start
            for m in range(min(longest, n - i), 0, -1):
                form = tuple(self.norm[i:i + m])
                naming = form[0] in _NAMING and self._naming(i, i + m)
                if form in forms and not naming and not any(self.mask[i:i + m]) and \
                        not ((form in bare or m == 1 and plural(form[0])) and self._noun(i, i + m)):
                    self.vlen[i] = m
                    break
        self.next_verb = [n] * (n + 1)                            # the first reporting verb at or after i
        for i in range(n - 1, -1, -1):
            self.next_verb[i] = i if self.vlen[i] else self.next_verb[i + 1]
        low, parts = [x.text.islower() for x in t], [x.text.partition("-") for x in t]
        title_words = titles()
        self.cap = [x.kind in ("word", "abbreviation") and w.rstrip(".") not in STOP and (
            x.text[0].isupper() or (p[0] in PARTICLES and p[2][:1].isupper()))
            and not (p[2] and x.text[0].isupper() and x.text.rpartition("-")[2].islower())
            for x, w, p in zip(t, self.norm, parts)]  # a name word: "Putin", "al-Assad"; not "York-based"
        self.initial = [x.kind == "word" and len(x.text) == 1 and x.text.isupper() and i + 1 < n
                        and t[i + 1].text == "." and t[i + 1].start == x.end for i, x in enumerate(t)]
        self.lower_title = [lw and w in title_words for lw, w in zip(low, self.norm)]
        words = person_words()
        self.time_word = [words.get(w.rstrip("."), ("", ""))[0] == "time" or w.rstrip(".") in _MONTH_ABBREVIATIONS
                          for w in self.norm]
        self.title_word = [any(p in title_words for p in w.rstrip(".").split("-")) for w in self.norm]
        self.possessive = [w.endswith("'s") or (w.endswith("'") and len(w) > 2) or (   # "Sanders’" split in two
            w.endswith("s") and i + 1 < n and self.norm[i + 1] == "'" and t[i + 1].start == t[i].end
            and (i + 2 >= n or t[i + 2].start > t[i + 1].end)) for i, w in enumerate(self.norm)]
        self.adverb = [lw and (w in ADVERBS or (w.endswith("ly") and len(w) > 4))
                       for lw, w in zip(low, self.norm)]
        # words written with a capital inside a sentence somewhere in the text: names, not "Good" or "Unless"
        self.cap_inside = frozenset(w for i, (x, w) in enumerate(zip(t, self.norm))
                                    if not self.first[i] and x.text[:1].isupper())
        self.lower_word = [x.kind == "word" and lw and w not in STOP and not self.vlen[i]
                           for i, (x, lw, w) in enumerate(zip(t, low, self.norm))]
        self._runs()

    def _naming(self, i: int, after: int) -> bool:
        """A verb of calling that names, not speech: "a band called Sophistafunk", "a class called
        “Perception”"; but "Trump called Rubio “Little Marco”" and "what he called “a disgrace”"
        are speech."""
        t, n = self.t, self.n
        if after >= n:
            return False
        if self.mask[after]:                                      # a quotation right after the verb
            j = i - 1
            return j >= 0 and t[j].kind == "word" and t[j].text.islower() and self.norm[j] not in STOP \
                and not self.norm[j].endswith("ly")
        if not t[after].text[:1].isupper() or self.norm[after] in PRONOUNS:
            return False
        k = after
        while k < min(after + 4, n) and t[k].text[:1].isupper() and not self.mask[k]:
            k += 1
        return not (k < n and self.mask[k])                       # "called Rubio “Little Marco”"

    def _noun(self, i: int, after: int) -> bool:
        """A reporting-verb form used as a noun: "a thunderous chant", "the call", "in states that";
        not "the company says its ..." (an -s form before a complement: "that", a quotation, a
        colon, a determiner or a pronoun)."""
        j = i - 1
        if j >= 0 and self.norm[j] in OBLIQUE and self.norm[j] not in ("to", "as", "when", "while", "if") \
                and not self.norm[i].endswith("ing"):             # "for saying" is a verb
            return True
        if j >= 0 and self.t[j].text.islower() and self.t[j].kind == "word" and j >= 1 \
                and self.norm[j - 1] in DETERMINERS and not self.norm[j].endswith(("ed", "ly")) \
                and not plural(self.norm[j]):
            if plural(self.norm[i]) and after < self.n and (
                    self.mask[after] or self.norm[after] in _COMPLEMENT_OPENERS):
                return False                                      # "the company says its policy ..."
            j -= 1                                                # "a thunderous chant", not "the rules say"
        return j >= 0 and self.norm[j] in DETERMINERS and self.norm[j] not in ("that", "this")

    def skip_time(self, j, s):
        """The first token at or after j that is not part of a time: "Tuesday", "last week",
        "earlier this month", "Feb. 3" (at most six tokens)."""
        start = j
        while j - start < 6 and self.ok(j, s) and (self.time_word[j] or (
                self.norm[j] in _TIME_LEADS and self.ok(j + 1, s) and (self.time_word[j + 1] or
                                                                        self.norm[j + 1] in _TIME_LEADS)) or
                (self.t[j].kind == "number" and j > start)):
            j += 1
        return j

    def ok(self, i, s):
        return 0 <= i < self.n and not self.mask[i] and self.sent[i] == s

    def _runs(self):
        """Runs of name words, with the title words that lead them and the name they end with."""
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
                elif self.initial[j + 1] and self.ok(j + 3, s) and self.cap[j + 3]:
                    j += 3                                        # "James A. Baker" ("A" is a stop word)
                elif self.initial[j] and self.ok(j + 2, s) and self.cap[j + 2]:
                    j += 2                                        # "Kevin D. Williamson"
                elif (self.t[j + 1].text in PARTICLES or self.lower_title[j + 1]) and self.ok(j + 2, s) \
                        and self.cap[j + 2]:
                    j += 2
                else:                                             # "Clinton campaign manager Robby Mook"
                    k = j + 1
                    while k <= j + 2 and self.ok(k, s) and self.lower_word[k] and not self.lower_title[k] \
                            and not self.norm[k].endswith("ed"):
                        k += 1
                    if k > j + 1 and self.ok(k + 1, s) and self.title_word[k] and self.cap[k + 1]:
                        j = k + 1
                    else:
                        break
            # A title word leads a name ("Pope Francis"); as the run's last word it is the name
            # ("Amy Pope"), unless the run is that one word ("the President said").
            title_at = [k for k in range(i, j if j > i else j + 1) if self.title_word[k]]
            a = title_at[-1] + 1 if title_at else i
            while a <= j and (self.t[a].text in PARTICLES or self.norm[a] == "."):
                a += 1
            name = None
            if a <= j and any(self.cap[k] for k in range(a, j + 1)):
                name = (self.t[a].start, self.t[j].end - len(self.t[j].text) + len(self._unpossessed(j)))
            self.run_of[i:j + 1] = [len(self.runs)] * (j + 1 - i)
            self.runs.append(Run(i, j, (self.t[i].start, self.t[title_at[-1]].end) if title_at else None, name))
            i = j + 1

    def _unpossessed(self, j: int) -> str:
        word = self.t[j].text
        if self.possessive[j]:
            return word[:-2] if word[-2] in "'\u2019" else word[:-1]
        return word

    def name_words(self, r: Run) -> list[str]:
        return self.text[r.name[0]:r.name[1]].split() if r.name else []

    def np_run(self, ri, s):
        r = self.runs[ri]
        if r.title is None and self.ok(r.first - 1, s) and self.norm[r.first - 1] == "the":   # "the Kremlin"
            return NP("name", r.first - 1, r.last, self.t[r.first - 1].start, r.name[1], None, None, ri)
        return NP("name", r.first, r.last, r.name[0], r.name[1], r.title, None, ri)

    def desc_back(self, j, s):
        """A description ending at token j: back to a determiner or a possessive."""
        k, found, comma, linked = j, False, False, False
        while j - k < 10 and self.ok(k - 1, s):
            x, w = k - 1, self.norm[k - 1]
            linked = linked or w in PREP_LINK
            if w in DETERMINERS:
                k, found = x, True
                if not (self.ok(x - 1, s) and self.norm[x - 1] in PREP_LINK):
                    break
                k, found = x - 1, False                            # "the head of the ..."
            elif self.possessive[x] and self.cap[x]:
                k, found = self._run_start(x), True                # "Jane Doe's lawyer"
                break
            elif w == "'" and x >= 1 and self.possessive[x - 1] and self.cap[x - 1] and self.ok(x - 1, s):
                k, found = self._run_start(x - 1), True            # "Jim Sanders’ campaign manager"
                break
            elif w in PREP_LINK or w in "()" or (self.t[x].kind in WORDS and w not in STOP):
                k = x
            elif w == "," and not comma and self.ok(x - 1, s) and self.lower_word[x - 1] and j - k < 2:
                k, comma = x, True                                 # "the bespectacled, 71-year-old diplomat"
            else:
                break
        if comma and (linked or j - k > 5):
            return None
        if self.norm[k] in PREP_LINK or self.norm[k] == "," or not (found or (plural(self.norm[j]) and j - k < 4)):
            return None                                            # det-less plurals: "US officials"
        return NP("description", k, j, self.t[k].start, self.t[j].end)

    def _run_start(self, x):
        """The first token of the capitalised run ending at x ("Jim Sanders's" from "Sanders's")."""
        ri = self.run_of[x]
        return self.runs[ri].first if ri is not None and self.runs[ri].last == x else x

    def np_core(self, j, s):
        if self.ok(j, s) and self.norm[j] == ")":                 # "Bernie Sanders (I-Vt.)"
            k = j - 1
            while self.ok(k, s) and self.norm[k] != "(" and j - k < 6:
                k -= 1
            if self.ok(k, s) and self.norm[k] == "(":
                j = k - 1
        ri = self.run_of[j] if self.ok(j, s) else None
        if ri is not None and self.runs[ri].last == j:
            r = self.runs[ri]
            linked = self.ok(r.first - 1, s) and self.norm[r.first - 1] in PREP_LINK
            return self.np_run(ri, s) if r.name and not linked else self.desc_back(j, s)
        if self.ok(j, s) and self.t[j].text.islower() and self.t[j].kind == "word" and self.norm[j] not in STOP:
            return self.desc_back(j, s)
        return None

    def appose(self, np, a, b):
        """``np`` with the appositive tokens a..b, in either order; None if they do not fit."""
        if np is None or a > b:
            return None
        ri, w = self.run_of[a], self.norm[a]
        if w in RELATIVE and np.kind != "pronoun":
            return np                                              # "Pence, who is running ..., said"
        if np.kind == "description" and ri is not None and self.runs[ri].name and \
                (self.runs[ri].first, self.runs[ri].last) == (a, b):
            return self.np_run(ri, self.sent[a])._replace(first=min(np.first, a), last=max(np.last, b),
                                                          desc=(np.start, np.end))
        possessed = (self.possessive[a] or (ri is not None and self.possessive[self.runs[ri].last])) \
            and self.t[b].text.islower() and not any(self.vlen[a:b + 1])  # "Mrs. Obama's chief of staff"
        if np.kind == "name" and self._designation(a, b):
            return np._replace(last=max(np.last, b))               # "Tom Hall, R-Ky., said"
        if np.kind == "name" and (w in DETERMINERS or (self.t[a].text.islower() and w not in STOP
                                                        and not w.endswith("ing")) or possessed or
                                  (a == b and self.t[a].kind == "number")):   # "Suu Kyi, 70, said"
            return np._replace(first=min(np.first, a), last=max(np.last, b),
                               desc=(self.t[a].start, self.t[b].end))
        return None

    def _designation(self, a, b) -> bool:
        """Whether tokens a..b are a party-and-place designation: "R-Ky.", "D-N.Y.", "I-Vt"."""
        if b - a > 3 or not _DESIGNATION.match(self.t[a].text):
            return False
        rest = "".join(x.text for x in self.t[a + 1:b + 1])
        return all(x.start == y.end for x, y in zip(self.t[a + 1:b + 1], self.t[a:b])) and \
            _DESIGNATION.match(self.t[a].text + rest) is not None

    def np_back(self, i, s):
        """The subject before token i (adverbs skipped), and whether a modal was skipped."""
        j, modal = i - 1, False
        while self.ok(j, s) and i - j < 12:
            ri = self.run_of[j]
            if self.adverb[j]:
                modal, j = modal or self.norm[j] in MODALS, j - 1
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
        if self.norm[j] in PRONOUNS:
            return NP("pronoun", j, j, self.t[j].start, self.t[j].end), modal
        if self.norm[j] == ",":                                    # "X, desc, said"
            k = j - 1
            while self.ok(k, s) and j - k < 25 and not (self.norm[k] in ("who", "whose", "which")
                                                         and self.ok(k - 1, s) and self.norm[k - 1] == ","):
                k -= 1
            if self.ok(k, s) and j - k < 25 and self.norm[k] in ("who", "whose"):
                return self.np_core(k - 2, s), modal              # "Mr. Slinker, whose start-up, X, ..., said"
            k = j - 1
            while self.ok(k, s) and self.norm[k] != "," and j - k < 16:
                k -= 1
            ok = self.ok(k, s) and self.norm[k] == ","
            if ok and self.norm[k + 1] in OBLIQUE and not any(self.vlen[k + 1:j]):
                np = self.np_core(k - 1, s)                       # "Blunt, after a long pause, said"
                return (np if np is not None and np.kind == "name" else None), modal
            return (self.appose(self.np_core(k - 1, s), k + 1, j - 1) if ok else None), modal
        if self.norm[j] == "who" and self.ok(j - 1, s) and self.norm[j - 1] == ",":   # "Jane Doe, who told"
            np = self.np_core(j - 2, s)
            return (np if np is not None and np.kind == "name" else None), modal
        np = self.np_core(j, s)
        if np is not None and self.ok(np.first - 1, s) and self.norm[np.first - 1] in PREPOSITIONS:
            np = None                                              # "who has in the past described"
        if np is None:                                             # "an official who spoke anonymously said"
            k = j
            while self.ok(k, s) and j - k < 10 and self.norm[k] not in RELATIVE and self.norm[k] != ",":
                k -= 1
            if self.ok(k, s) and self.norm[k] in ("who", "whom") and k < j:
                np = self.np_core(k - 1, s)
        if np is not None and np.kind == "name" and self.ok(np.first - 1, s) and self.norm[np.first - 1] == ",":
            head = self.np_core(np.first - 2, s)
            if head is None or head.run is None or not all(self.time_word[self.runs[head.run].first:
                                                                          self.runs[head.run].last + 1]):
                np = self.appose(head, np.first, np.last) or np  # not "On Thursday, the senator said"

        return np, modal

    def np_fwd(self, i, s):
        """The noun phrase starting at token i, with a comma appositive after it."""
        if not self.ok(i, s):
            return None
        w, ri = self.norm[i], self.run_of[i]
        if w in PRONOUNS:
            return NP("pronoun", i, i, self.t[i].start, self.t[i].end)
        lead = i                                                   # "former Obama adviser David Axelrod"
        while lead - i < 3 and self.ok(lead, s) and self.lower_word[lead] and self.run_of[lead] is None:
            lead += 1
        lead_run = self.runs[self.run_of[lead]] if lead > i and self.ok(lead, s) and \
            self.run_of[lead] is not None else None
        if lead_run is not None and lead_run.first == lead and lead_run.name and \
                (lead_run.title or len(self.name_words(lead_run)) > 1):   # "moderator Lisa Park"
            np = self.np_run(self.run_of[lead], s)
            np = np._replace(first=i, title=(self.t[i].start, (np.title or (0, self.t[lead - 1].end))[1]))
        elif ri is not None and self.runs[ri].first == i and self.runs[ri].name and \
                not self.possessive[self.runs[ri].last]:
            np = self.np_run(ri, s)
        elif w in DETERMINERS or (self.possessive[i] and self.cap[i]) or self.lower_title[i] or ri is not None:
            k = i
            while self.ok(k + 1, s) and k - i < 12 and (self.norm[k + 1] in "()" or (
                    self.t[k + 1].kind in WORDS and (self.norm[k + 1] not in CLAUSE_END or self._to_name(k + 1, s))
                    and not self.vlen[k + 1])):
                k += 1
            while k > i and (self.norm[k] in DETERMINERS | PREP_LINK or self.norm[k] == "("):
                k -= 1
            np = NP("description", i, k, self.t[i].start, self.t[k].end)
        else:
            return None
        a = b = np.last + 2
        if self.ok(a - 1, s) and self.norm[a - 1] == "," and self.ok(a, s):
            while self.ok(b + 1, s) and self.norm[b + 1] not in ",.;:" and b - a < 15:
                b += 1
            if not self.ok(b + 1, s) or self.norm[b + 1] in ",.;":
                np = self.appose(np, a, b) or np
        return np

    def _to_name(self, k, s) -> bool:
        """A preposition before a name inside a description: "ambassador to Syria", "spokesman for the UN"."""
        if self.norm[k] not in ("to", "in", "at", "of", "for"):
            return False
        j = k + 1 + (self.ok(k + 1, s) and self.norm[k + 1] == "the")
        return self.ok(j, s) and self.cap[j]

    def agrees(self, np, i, modal):
        if modal or tuple(self.norm[i:i + self.vlen[i]]) not in base_forms():
            return True
        if self.ok(i - 1, self.sent[i]) and self.norm[i - 1] == "to":
            return True                                            # "went on to say"
        if np.kind == "pronoun":
            return self.norm[np.first] == "they"
        return np.kind == "description" and plural(self.norm[np.last]) and self.norm[np.first] not in ("a", "an")
