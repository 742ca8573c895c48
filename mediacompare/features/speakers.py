r"""Who speaks: a speaker for every reported quotation, and how it was found.

:func:`attribute_speakers` gives one :class:`Attribution` per reported quotation of
:func:`~mediacompare.features.voice.voices` (scare quotes have none); :func:`speaker_frame`
tabulates them. Rules over the tokens (:mod:`~mediacompare.features.speaker_text` finds the
phrases, :mod:`~mediacompare.features.speaker_people` the persons and what a pronoun stands
for), each walk capped and every lookup a bisect on an index built once: cost linear in the
text. Nothing is guessed silently: ``method`` and ``evidence`` say how, ``status`` is
``unattributed`` when no one.

Own attribution
    * After the quotation (across the closing mark and a comma, on its line): ``“…,” X
      said``, ``“…,” he said`` (``pronoun``), ``“…,” said X``, ``“…,” X told Y`` (X speaks,
      Y is the ``addressee``), ``“…,” according to X``, a capitalised possessive before the
      name leading it (``“…,” Gallup’s Jeffrey M. Jones wrote``); or later in the quotation's
      sentence, set off by a comma (``“Boots on the ground” would be right, Ben Carson
      said``; ``“…” that X can win, said Jane Doe``). A quotation that ends its sentence
      takes the next sentence's clause only when that sentence has no quotation of its
      own (``“Stop!” Trump said.``, but not ``“…done.” Mrs. Clinton replied, “…”``).
    * Else before it in its sentence: the first reporting verb with a subject (``X said:
      “…”``, ``He indicated that … “…”``) or ``according to X``; a verb with no subject of
      its own (a participle ``…, declaring that “…”``, a second verb ``X joked … and
      added, “…”``, an infinitive ``went on to say “…”``; a participle after a comma is not
      the phrase's before it: ``X told a rally, saying “…”``) takes the subject starting the
      sentence, or, after an earlier quotation of the sentence, the sentence's first reporting
      verb's subject (``X said, “…,” adding that “…”``); with no verb, a name or a titled description before a colon (``The
      minister, Jane Doe: “…”``; verb None), not after a preposition (``in Italian:``);
      failing that, a person who is the subject of the sentence (``Mrs. Doe apologized:
      “…”``, ``He toured the county to “…”``; verb None; a one-word name only if the text
      also capitalises it inside a sentence, so "Good information can …" is no one).
    * A quotation opening its sentence, after a sentence of its paragraph that ends with its
      subject and reporting verb (``Dr. Ann Boyd agreed. “…”``; an adverb may follow the
      verb), is that subject's.
    * Reporting verbs: ``resources/speech_verbs.csv`` and "according to". A bare form
      (``say``, ``call``) needs ``they``, a plural, a modal or ``to``: "a phone call" is no
      speech, and a form after a determiner is a noun ("a thunderous chant").
Borrowed (``verb`` None; the evidence names the lender)
    * ``same sentence``: a later quotation of the sentence has its own attribution
      (``"absolutely unacceptable” as they “…,” he said``), or the previous quotation of
      the paragraph is attributed, with at most two sentences of narration between
      (``“A,” he said. “B.”``); never across another person's name.
    * ``continued paragraph``: a paragraph opening with such a quotation, after one whose
      last quotation is attributed or, with none, whose last reported speech has a
      speaker (``…, too, he added.``), not a modal one ("Applicants must promise").
      A paragraph ending in a colon lends the speaker of its last sentence (its reported
      speech, or a person as its subject: ``President Doe released the following
      statement:``). A nested quotation stays ``unattributed``.
    * Borrowing stops at another person named between lender and borrower; in the rest of
      the lender's own clause sentence only another speaker stops it (``“…,” Smith said,
      noting that Jones lost. “…”`` is Smith's).
Names, titles, descriptions
    * A name is a run of capitalised words (``al-Assad``, ``Kevin D. Williamson``; ``bin``,
      ``de``, ``of`` ... inside); a sentence's first word alone only before a reporting
      verb. Title words (``resources/person_words.csv``: ``President``, ``Affairs``,
      ``spokesman``, ``manager`` ...) lead it: up to the last is the ``title`` (``Kremlin
      President | Vladimir Putin``, ``Clinton campaign manager | Robby Mook``, ``Chief of
      Staff | Denis McDonough``). Lowercase words before a titled name join the title
      (``former Obama adviser | David Axelrod``). A final ``’s`` and a parenthesis
      (``Bernie Sanders (I-Vt.)``) are left out.
    * A description runs from a determiner, a possessive or a quantifier (``the Russian
      leader``, ``her personal lawyer``, ``one official``), past a relative clause (``a White
      House official who spoke anonymously said``). A comma appositive is the
      ``description`` (``Salim al-Muslat, spokesman for …``; ``the minister, Jane Doe``
      speaks as Jane Doe). ``speaker_kind``: ``name`` (``the Kremlin`` too), ``description``
      or ``none``.
Pronouns (``speaker_start``/``speaker_end`` point at the name carried to)
    * he/she: resolved in text order by :class:`~mediacompare.features.speaker_people.People`:
      after "added", "continued" or "went on", the last person who spoke; otherwise the
      person of the pronoun's gender who speaks in the nearest sentence back with such a
      person (``…, said Jake Horowitz``), else the first one there who is not after a
      preposition or told something. Gender comes from the text (honorifics, gendered
      titles, "X said she ..."), never from a list of first names. Places, organisations
      and news outlets are not persons (``resources/person_words.csv``), nor are words all
      in capitals (``NATO``, a heading ``FULL TEXT``). it/they: the last organisation or
      description that spoke (``the Syrian presidency said``).

Not handled: coreference beyond pronouns and surnames (``the Russian leader`` is not
Putin); ``I``/``we``; verbs not in the list; a pronoun whose person's gender the text
never shows goes to the nearest person, who can be the wrong one when two alternate.
"""

from __future__ import annotations

import bisect
from typing import NamedTuple

import pandas as pd

from ..text import _column, _frame
from .quotes import Quote
from .speaker_clauses import WINDOW, Clauses
from .speaker_text import DETERMINERS, MODALS, NP, WORDS, plural
from .voice import Voices
from .voice import voices as _voices

__all__ = ["METHODS", "Attribution", "attribute_speakers", "speaker_frame"]

#: The values of :attr:`Attribution.method`.
METHODS = ("X said", "said X", "X told Y", "according to X", "pronoun", "same sentence",
           "continued paragraph", "unattributed")
# Sentences a quotation may lie after the previous attributed one of its paragraph and still borrow.
_GAP = 3
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


class _Rules(Clauses):
    """The attribution rules over one text (see the module docstring)."""

    def row(self, q, found):
        d = self.d
        np, vi, method, evidence, addressee = found
        last = max(np.last if np.last is not None else -1, vi + d.vlen[vi] - 1 if vi is not None else -1)
        if last >= 0:
            self.clause_end[q.quote_id] = d.t[last].end          # where the attribution clause ends
        verb = None if vi is None else d.text[d.t[vi].start:d.t[vi + d.vlen[vi] - 1].end]
        head, pron = (q.quote_id, q.start, q.end), None
        if np.kind == "pronoun":
            pron, who = d.text[np.start:np.end], d.norm[np.first]
            m = self.people.resolve(np, who)
            if m is None:
                what = "person" if who in ("he", "she") else "organisation or description that spoke"
                return Attribution(*head, None, None, None, "none", None, None, addressee, pron, verb, method,
                                   "unattributed", f"{evidence}; no {what} named before to carry '{pron}' to")
            evidence += f"; '{pron}' carried to {d.text[m.start:m.end]} named at {m.start}"
            np = NP(m.kind, None, None, m.start, m.end, m.title)
        self.spans[q.quote_id] = (np.title, np.desc)
        return Attribution(*head, d.text[np.start:np.end], np.start, np.end, np.kind,
                           _span(d.text, np.title), _span(d.text, np.desc), addressee, pron, verb, method,
                           "attributed", evidence)

    def _lendable_event(self, vi, np) -> bool:
        """Reported speech that a following quotation paragraph may continue."""
        d = self.d
        if vi > 0 and d.norm[vi - 1] in MODALS:
            return False                                          # "Applicants must promise"
        return not (np.kind == "description" and d.norm[np.first] not in DETERMINERS and plural(d.norm[np.last])
                    and d.first[np.first])

    def _verb_after(self, q) -> bool:
        """A reporting verb after the quotation in its sentence whose speaker was not found: the
        quotation has an attribution of its own, even if unread, and borrows none."""
        d = self.d
        i = bisect.bisect_left(d.starts, q.end)
        if i >= d.n or d.mask[i] or "\n" in d.text[q.end:d.t[i].start] or d.sent[i] != d.sent[i - 1]:
            return False                                          # another line or sentence
        k = d.next_verb[i]
        return k < d.n and d.sent[k] == d.sent[i] and k - i <= WINDOW and \
            d.t[k].start < self._next_quote_start(q.end) and d.norm[k] != "according"

    def _others_after_clause(self, after, start, speaker) -> bool:
        """Whether someone else may speak between the end of a lender's attribution clause and a
        quotation: in the rest of the clause's own sentence, only another speaker counts ("“A,”
        Smith said, referring to Jones. “B.”" is Smith's); after it, any other person named."""
        d, people = self.d, self.people
        s = self._sent_of(max(after - 1, 0))
        nxt = d.sent_first.get(s + 1)
        end = min(start, d.t[nxt].start) if nxt is not None else start
        return people.speakers_between(after, end, speaker) or people.others_between(end, start, speaker)

    def _colon_paragraph(self, q, a, b):
        """(row, how) when the paragraph [a, b) before ``q``'s ends with a colon whose sentence has
        reported speech ("Stone said in an interview:") or a person as its subject ("President Doe
        released the following statement:"); else None."""
        d = self.d
        c = bisect.bisect_left(d.starts, b) - 1
        while c >= 0 and d.t[c].start >= a and d.t[c].kind not in WORDS and d.norm[c] != ":":
            c -= 1                                                # a closing parenthesis or dash after it
        if c < 0 or d.t[c].start < a or d.norm[c] != ":" or d.mask[c]:
            return None
        s = d.sent[c]
        events, starts = self.people.events, self.people.event_starts
        e = bisect.bisect_left(starts, d.t[c].start) - 1
        if e >= 0 and d.sent[events[e][0]] == s and starts[e] >= a:
            vi, np = events[e]
            found = self.found(np, vi, "X said", "", f"'{self.clause(np, vi)}'")
        else:
            np = self.subject(s, c)
            if np is None or not self._person_subject(np):
                return None
            found = self.found(np, None, "X said", "", f"'{self.clause(np, None)}', a person")
        row = self.row(q, found)
        return row, f"whose last sentence introduces it with a colon ({row.evidence})"

    def _introduced(self, q, para):
        """The row of a quotation opening its sentence right after a sentence of its paragraph that
        ends with a reporting verb and its subject ("Dr. Ann Boyd agreed. “…”", "He explained.
        “…”"); else None. Only the verb, a time or an adverb may follow the subject there."""
        d = self.d
        i = bisect.bisect_left(d.starts, q.start)
        if i <= 1 or i >= d.n or d.starts[i] != q.start or d.sent_first.get(d.sent[i]) != i:
            return None
        end = i - 1                                               # the period of the sentence before
        if d.norm[end] != "." or d.mask[end] or d.t[end].start < d.paras[para][0]:
            return None
        events, starts = self.people.events, self.people.event_starts
        e = bisect.bisect_left(starts, d.t[end].start) - 1
        if e < 0:
            return None
        vi, np = events[e]
        last = vi + d.vlen[vi] - 1
        if d.sent[vi] != d.sent[end - 1] or np.last is None or np.last > vi or \
                not (last == end - 1 or (last == end - 2 and d.adverb[end - 1])) or \
                d.norm[vi] == "according" or not self._lendable_event(vi, np):
            return None
        return self.row(q, self.found(np, vi, "X said", "",
                                      f"'{self.clause(np, vi)}' ends the sentence before the quotation"))

    def borrow(self, q, k, tops, own, rows, sents, next_own):
        """A speaker lent by a neighbouring quotation or paragraph, or None."""
        d = self.d
        if self._verb_after(q):
            return None

        def lend(src, method, evidence):
            self.spans[q.quote_id] = self.spans.get(src.quote_id, (None, None))
            return src._replace(quote_id=q.quote_id, quote_start=q.start, quote_end=q.end, addressee=None,
                                pronoun=None, verb=None, method=method, evidence=evidence)

        para = bisect.bisect_right(d.para_starts, q.start) - 1
        j = next_own[k + 1] if k + 1 < len(tops) else len(tops)
        if j < len(tops) and sents[k + 1][0] == sents[k][1] and sents[j][0] == sents[k][1]:
            nxt = tops[j]
            src = rows[nxt.quote_id]
            if not self.people.others_between(q.end, nxt.start, src.speaker):
                return lend(src, "same sentence", f"no attribution of its own; quote {nxt.quote_id}, next in "
                                                  f"its sentence, is attributed to {src.speaker}")
        prev = tops[k - 1] if k else None
        if prev is not None and bisect.bisect_right(d.para_starts, prev.start) - 1 == para:
            src = rows[prev.quote_id]
            after = max(prev.end, self.clause_end.get(prev.quote_id, prev.end))
            gap = sents[k][0] - max(sents[k - 1][1], self._sent_of(after - 1))
            if src.status == "attributed" and gap <= _GAP and after <= q.start and \
                    not self._others_after_clause(after, q.start, src.speaker):
                return lend(src, "same sentence", f"no attribution of its own; follows quote {prev.quote_id} of "
                                                  f"its paragraph, attributed to {src.speaker}")
            return None
        introduced = self._introduced(q, para)
        if introduced is not None:
            return introduced
        if para <= 0 or d.paras[para][0] != q.start:
            return None
        a, b = d.paras[para - 1]
        colon = None if prev is not None and a <= prev.start < b else self._colon_paragraph(q, a, b)
        if colon is not None:
            src, how = colon
        elif prev is not None and a <= prev.start < b:
            src, how = rows[prev.quote_id], f"whose last quotation (quote {prev.quote_id}) is attributed"
        else:
            events, starts = self.people.events, self.people.event_starts
            e = bisect.bisect_left(starts, b) - 1
            if e < 0 or starts[e] < a or not self._lendable_event(*events[e]):
                return None
            vi, np = events[e]
            src = self.row(q, self.found(np, vi, "X said", "", f"'{self.clause(np, vi)}'"))
            how = f"of reported speech with no quotation ({src.evidence})"
        if src.status != "attributed":
            return None
        return lend(src, "continued paragraph", f"a paragraph opening with a quotation with no attribution of "
                                                f"its own, after a paragraph {how}; speaker {src.speaker}")

    def attribute(self):
        d = self.d
        tops = sorted((q for q in self.v.reported if q.level == 0), key=lambda q: q.start)

        def sent_of(offset):
            return d.sent[min(bisect.bisect_left(d.starts, offset), d.n - 1)] if d.n else 0

        sents = [(sent_of(q.start), sent_of(q.end - 1)) for q in tops]
        own, rows = {}, {}
        for k, q in enumerate(tops):
            f = self.after(q) or self.before(q, tops[k - 1].end if k else 0)
            if f is not None:
                own[q.quote_id], rows[q.quote_id] = f, self.row(q, f)
        next_own = [len(tops)] * (len(tops) + 1)                   # first own, attributed quotation from k on
        for k in range(len(tops) - 1, -1, -1):
            r = rows.get(tops[k].quote_id)
            next_own[k] = k if tops[k].quote_id in own and r.status == "attributed" else next_own[k + 1]
        for k, q in enumerate(tops):
            if q.quote_id not in rows:
                rows[q.quote_id] = self.borrow(q, k, tops, own, rows, sents, next_own) or _none(q, _UNFOUND)
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
    return _Rules(_voices(text) if voices is None else voices).attribute()


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
