"""Who is who in one text: the persons named, the groups that speak, and what a pronoun stands for.

:class:`People` reads a :class:`~mediacompare.features.speaker_text.SpeakerText` once:

Reported speech (``events``)
    Every reporting verb with its subject ("Jane Doe said", "said the minister", "according
    to X"), also with no quotation, in text order.
Persons
    A capitalised name is a person when it has a title or an honorific, stands in apposition
    ("spokesman, Ibrahim Kalin"), is the subject of a reporting verb, repeats the surname of
    a person named before, or is a name of two or more words; it is never one when its last
    word is the head of an organisation, place or news outlet ("Hmeimim Air Base", "White
    House", "Fox News": ``resources/person_words.csv``), when it is an acronym or a
    one-word name that is only ever told things ("told Politico"), or "the Kremlin".
Gender, from the text only
    An honorific or a gendered title or kin noun (``Mrs.``, ``spokeswoman``, "his wife,
    Jane Doe"), a pronoun right after the person's reporting verb ("Jane Doe said she ..."),
    or an earlier pronoun already resolved to the person. No list of given names is used.
Pronouns
    Every he/she outside quotations is resolved in text order, so that a pronoun can stand
    for what an earlier one stood for. After a verb of continuing ("he added", "she went
    on") it is the last person who spoke, if the gender fits. Otherwise the sentences are
    searched backwards from the pronoun's own (at most :data:`SENTENCES_BACK` of them): in
    each, the first person of the right gender who speaks there ("…, said Jake Horowitz"),
    else the first one who is not in an oblique position (after a preposition, a
    possessive, the one told something) is taken; failing that, the most
    recent person of the right gender. A person of unknown gender fits either pronoun (the
    given-name list is short and mostly of English-language names, so a nearer person of
    unknown gender is never passed over for a farther one whose gender is known).
    it/they go to the last organisation or description that spoke.
"""

from __future__ import annotations

import bisect
from collections import namedtuple

from .speaker_text import ADVERBS, NP, OBLIQUE, TELL, SpeakerText, given_names, not_person_heads, person_words, plural

__all__ = ["People", "SENTENCES_BACK"]

#: A pronoun looks back at most this many sentences for a person of its gender (then it
#: takes the most recent such person among the last :data:`_RECENT` named).
SENTENCES_BACK = 8
_RECENT = 40
_CONTINUING = frozenset({("added",), ("adds",), ("adding",), ("continued",), ("continues",),
                         ("went", "on"), ("goes", "on"), ("concluded",)})
_GENDER = {"he": "m", "she": "f"}

# A mention of a person: offsets, kind ("name" or "description"), title offsets, the full
# name it abbreviates (None: itself), its entity (the index of the person's first full name),
# its first token and sentence, and whether it stands in an oblique position.
Mention = namedtuple("Mention", "start end kind title full entity token sent oblique",
                     defaults=(None, None, None, 0, 0, False))


class People:
    """The persons, groups and pronoun antecedents of one text (see the module docstring)."""

    def __init__(self, d: SpeakerText):
        self.d = d
        self._events()
        self._persons()
        self._genders()
        self._pronouns()

    # ------------------------------------------------------------------ reported speech

    def _events(self):
        d = self.d
        self.events = []
        for i in range(d.n):
            if not d.vlen[i]:
                continue
            s = d.sent[i]
            if d.norm[i] == "according":
                np = d.np_fwd(i + 2, s)
            else:
                np, modal = d.np_back(i, s)
                np = np if np is not None and d.agrees(np, i, modal) else None
                quoted = i and (d.mask[i - 1] or (d.norm[i - 1] == "," and i > 1 and d.mask[i - 2]))
                inverted = i and d.norm[i - 1] == "," and not d.norm[i].endswith("ing") and d.norm[i] not in TELL
                if np is None and (quoted or inverted):
                    np = d.np_fwd(i + d.vlen[i], s)                # "“…,” said X", "…, said X."
                    if np is not None and not quoted and (np.kind == "pronoun" or d.ok(np.last + 1, s)
                                                          and d.norm[np.last + 1] not in ".,;"):
                        np = None
            if np is not None:
                self.events.append((i, np))
        self.event_starts = [d.t[i].start for i, _ in self.events]
        self.event_of_subject = {np.first: i for i, np in self.events if np.kind == "pronoun"}

    # ------------------------------------------------------------------ persons and groups

    def _persons(self):
        d, heads, words = self.d, not_person_heads(), person_words()
        speakers = {np.run for _, np in self.events if np.run is not None}
        told = set()                                              # runs only ever told something
        for i, _ in self.events:
            if d.norm[i] in TELL:
                obj = d.np_fwd(i + d.vlen[i], d.sent[i])
                if obj is not None and obj.run is not None and d.runs[obj.run].title is None:
                    told.add(obj.run)
        self.persons, self.groups, by_last = [], [], {}
        self.runs_person = {}
        for ri, r in enumerate(d.runs):
            if r.name is None:
                continue
            names = d.name_words(r)
            single, speaks = len(names) == 1, ri in speakers
            last = names[-1].lower().rstrip(".").removesuffix("'s").removesuffix("\u2019s")
            det = r.first > 0 and d.norm[r.first - 1] == "the"
            start, initial = r.name[0], d.first[r.first]
            if initial and (d.norm[r.first].endswith(("ing", "ed", "ly")) or d.norm[r.first] in words
                            or d.norm[r.first] in ADVERBS) \
                    and r.title is None and not single:
                names, single = names[1:], len(names) == 2        # "Speaking Sunday", "Monday Jane Doe"
                start, initial = d.t[r.first + 1].start, False
            full = by_last.get(names[0].lower()) if single else None
            if single and initial and not (speaks or full or r.title):
                continue                                          # a sentence's first word alone
            weekday = words.get(last, ("", ""))[0] == "time" and (single or last.endswith("day"))
            capitals = all(w.isupper() for w in names if any(c.isalpha() for c in w))  # "FULL TEXT", "NATO"
            if last in heads or weekday or capitals \
                    or (det and r.title is None) or (single and ri in told and not speaks) \
                    or (single and initial and not (full or r.title) and plural(last)):
                if speaks:                                        # "the Kremlin said", "TASS notes"
                    self.groups.append(Mention(start, r.name[1], "name", r.title))
                continue
            apposed = not single and r.first >= 2 and d.norm[r.first - 1] == "," and \
                d.t[r.first - 2].text.islower() and not (d.ok(r.last + 1, d.sent[r.last])
                                                         and d.norm[r.last + 1] not in ".,")
            if r.title or apposed or full or speaks or not single:
                before = d.norm[r.first - 1] if r.first > 0 and d.sent[r.first - 1] == d.sent[r.first] else ""
                oblique = before in OBLIQUE or d.possessive[r.last] or ri in told
                m = Mention(start, r.name[1], "name", r.title, full,
                            full.entity if full is not None else len(self.persons), r.first, d.sent[r.first],
                            oblique)
                self.runs_person[ri] = len(self.persons)
                self.persons.append(m)
                if not single:
                    key = last.removesuffix("'s")
                    by_last[key] = by_last[key.split("-")[-1]] = m
        self.groups = sorted(self.groups + [Mention(np.start, np.end, "description", None)
                                            for _, np in self.events if np.kind == "description"])
        self.p_starts, self.g_starts = [m.start for m in self.persons], [m.start for m in self.groups]
        self.surname = [self.d.text[m.start:m.end].split()[-1:] for m in self.persons]
        self.next_other = [len(self.persons)] * (len(self.persons) + 1)  # next person of another surname
        for k in range(len(self.persons) - 2, -1, -1):
            self.next_other[k] = k + 1 if self.surname[k + 1] != self.surname[k] else self.next_other[k + 1]
        self.by_sentence: dict[int, list[int]] = {}
        for k, m in enumerate(self.persons):
            self.by_sentence.setdefault(m.sent, []).append(k)
        self.sentences_with = sorted(self.by_sentence)
        narrative = set(d.sent[i] for i in range(d.n) if not d.mask[i] and d.t[i].kind == "word")
        self.prev_narrative, last = {}, -1                        # sentence -> the narrative one before it
        for sentence in range(d.sent[-1] + 1 if d.n else 0):
            self.prev_narrative[sentence] = last
            if sentence in narrative:
                last = sentence

    # ------------------------------------------------------------------ gender

    def _genders(self):
        d, words = self.d, person_words()
        self.gender: dict[int, str] = {}
        conflict = set()
        note_given: dict[int, str] = {}

        def note(entity, g):
            if not g or entity in conflict:
                return
            if self.gender.get(entity, g) != g:
                conflict.add(entity)
                self.gender.pop(entity, None)
            else:
                self.gender[entity] = g

        for ri, k in self.runs_person.items():
            r, m = d.runs[ri], self.persons[k]
            lo = r.first - 1 if r.first > 0 and d.sent[r.first - 1] == d.sent[r.first] else r.first
            for j in range(lo, r.last + 1):                      # "Mr.", "spokeswoman", "Mrs. Clinton"
                role, g = words.get(d.norm[j].rstrip("."), ("", ""))
                if role in ("honorific", "title") and (j < r.first + 4):
                    note(m.entity, g)
            names = d.text[m.start:m.end].split()
            if len(names) > 1 and m.full is None:                 # "Jane Doe": a given name, if listed
                note_given[m.entity] = given_names().get(names[0].lower().rstrip("."), "")
            if r.first >= 3 and d.norm[r.first - 1] == ",":       # "his wife, Jane Doe"
                role, g = words.get(d.norm[r.first - 2], ("", ""))
                if role == "kin":
                    note(m.entity, g)
        skip = {"that", ",", "on", "in", "at", "last", "this", "earlier", "later"}
        skip.update(w for w, (role, _) in words.items() if role == "time")
        for i, np in self.events:                                 # "Jane Doe said (that) she ..."
            k = self.runs_person.get(np.run) if np.kind == "name" else None
            if k is None:
                continue
            j = i + d.vlen[i]
            while j < min(i + d.vlen[i] + 4, d.n) and not d.mask[j] and d.norm[j] in skip:
                j += 1
            if j < d.n and not d.mask[j] and d.norm[j] in _GENDER and d.sent[j] == d.sent[i]:
                note(self.persons[k].entity, _GENDER[d.norm[j]])
        for entity, g in note_given.items():                      # the text's own evidence comes first
            if entity not in self.gender and entity not in conflict and g:
                self.gender[entity] = g

    # ------------------------------------------------------------------ pronouns

    def _pronouns(self):
        """Resolve every he/she outside quotations, in text order."""
        d = self.d
        self.antecedent: dict[int, Mention] = {}                 # pronoun token -> person mention
        last_speaker = None                                       # (event token, mention)
        event_at = {i: np for i, np in self.events}
        resolved = []                                             # (token, mention) of earlier pronouns
        # the tokens of persons and pronouns that speak: "said Jane Doe", "he added"
        self.speaking = {self.persons[self.runs_person[np.run]].token for _, np in self.events
                         if np.kind == "name" and np.run in self.runs_person} | set(self.event_of_subject)
        for i in range(d.n):
            if i in event_at:
                np = event_at[i]
                who = None
                if np.kind == "name" and np.run in self.runs_person:
                    who = self.persons[self.runs_person[np.run]]
                elif np.kind == "pronoun":
                    who = self.antecedent.get(np.first)
                if who is not None:
                    last_speaker = (i, who)
            if d.mask[i] or d.norm[i] not in _GENDER:
                continue
            g = _GENDER[d.norm[i]]
            m = None
            verb = self.event_of_subject.get(i)
            if verb is not None and tuple(d.norm[verb:verb + d.vlen[verb]]) in _CONTINUING \
                    and last_speaker is not None and self._fits(last_speaker[1], g) \
                    and d.sent[i] - d.sent[last_speaker[0]] <= SENTENCES_BACK:
                m = last_speaker[1]
            if m is None:
                m = self._salient(i, g, resolved)
            if m is not None:
                self.antecedent[i] = m
                resolved.append((i, m))

    def _fits(self, m: Mention, g: str) -> bool:
        return self.gender.get(m.entity, g) == g

    def _salient(self, i: int, g: str, resolved: list) -> Mention | None:
        d = self.d
        s = d.sent[i]
        k = bisect.bisect_left(self.sentences_with, s + 1) - 1
        r = len(resolved) - 1
        checked, steps = 0, 0
        sentence = s
        while sentence >= 0 and steps <= SENTENCES_BACK:
            # names in this sentence (before the pronoun in its own), then pronouns resolved in it
            candidates = []
            while k >= 0 and self.sentences_with[k] > sentence:
                k -= 1
            if k >= 0 and self.sentences_with[k] == sentence:
                candidates = [self.persons[p] for p in self.by_sentence[sentence]
                              if sentence != s or self.persons[p].token < i]
                k -= 1
            while r >= 0 and d.sent[resolved[r][0]] > sentence:
                r -= 1
            q, earlier = r, []
            while q >= 0 and d.sent[resolved[q][0]] == sentence:
                earlier.append(resolved[q])
                q -= 1
            for token, m in earlier:
                candidates.append(m._replace(token=token, oblique=token > 0 and d.norm[token - 1] in OBLIQUE))
            candidates.sort(key=lambda m: m.token)
            for m in candidates:                                  # a speaker first, then a subject
                if m.token in self.speaking and self._fits(m, g):
                    return m
            for m in candidates:
                if not m.oblique and self._fits(m, g):
                    return m
            checked += len(candidates)
            if checked > _RECENT:
                break
            sentence, steps = self.prev_narrative.get(sentence, -1), steps + 1
        before = bisect.bisect_left(self.p_starts, d.t[i].start)
        for p in range(before - 1, max(before - 1 - _RECENT, -1), -1):
            m = self.persons[p]
            if self._fits(m, g):
                return m
        return None

    # ------------------------------------------------------------------ lookups

    def resolve(self, np: NP, word: str) -> Mention | None:
        """The person (he/she) or group (it/they) a pronoun subject stands for, or None."""
        if word in _GENDER:
            m = self.antecedent.get(np.first)
            return None if m is None else (m.full or m)
        k = bisect.bisect_left(self.g_starts, np.start) - 1
        return None if k < 0 else self.groups[k]

    def others_between(self, a: int, b: int, speaker: str | None) -> bool:
        """Whether a person whose surname is not the speaker's is named in [a, b), not in an
        oblique position ("said Jane Doe, who served with Mr. Smith in the House" names no other
        speaker; "Mr. Smith disagreed" does)."""
        last = (speaker or "").split()[-1:]
        k = bisect.bisect_left(self.p_starts, a)
        end = bisect.bisect_left(self.p_starts, b)
        while k < end:
            if self.surname[k] != last and not self.persons[k].oblique:
                return True
            k = k + 1 if self.surname[k] != last else self.next_other[k]
        return False

    def speakers_between(self, a: int, b: int, speaker: str | None) -> bool:
        """Whether reported speech in [a, b) has a subject other than ``speaker``: "“A,” Smith said,
        noting that Jones had lost" and "“A,” said Smith, according to the agency" name no other
        speaker; "“A,” Smith said, and Jones agreed" does."""
        last = (speaker or "").split()[-1:]
        d = self.d
        for e in range(bisect.bisect_left(self.event_starts, a), bisect.bisect_left(self.event_starts, b)):
            vi, np = self.events[e]
            if d.norm[vi] == "according":
                continue
            who = self.antecedent.get(np.first) if np.kind == "pronoun" else np
            if who is None or d.text[who.start:who.end].split()[-1:] != last:
                return True
        return False
