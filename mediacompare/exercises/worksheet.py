"""Printable worksheets: each exercise as a handout to read and fill in with a pen.

``exercise.worksheet()`` gives a :class:`Worksheet`: the task in plain words
(no Python), the numbered passage or items, and room to answer: ruled answer
lines, tick boxes, blanks to fill. It shows in a notebook and in the report, and
prints on A4 (the report's print style keeps each item on one page and hides
the navigation). The self-checks stay in the notebooks for JupyterLab.

Everything from the corpus is escaped. The sheets never carry an answer.
"""

from __future__ import annotations

import html
import math
from typing import Any

from ..display.helpers import _str
from ..display.page import shared_style

__all__ = ["CSS", "Worksheet", "naming_worksheet", "omission_worksheet", "rewrite_worksheet",
           "spot_worksheet", "voice_worksheet"]

_esc = html.escape

#: The seven kinds of cue in words a student reads (the same order as the lexicons).
KINDS = (
    ("emotive", "a word chosen to stir feeling (fear, anger, pity) rather than to describe"),
    ("labeling", "a name that passes judgement on a person, group or government"),
    ("doubt", "a word that casts doubt on what someone said or did, or on a name"),
    ("attribution", "a reporting verb that colours the speaker where “said” would do"),
    ("intensifier", "a word that exaggerates or plays something down"),
    ("scare quote", "quotation marks around a short phrase that distance the writer from it"),
    ("vague source", "a source the reader cannot check"),
)

#: The worksheet's style sheet: every selector starts with ``.mc-ws``.
CSS = """\
.mc-ws{color:#1a1a1a;background:#fff;font:16px/1.55 system-ui,-apple-system,"Segoe UI","DejaVu Sans",
Arial,sans-serif;max-width:50em;border:1px solid #c9ccd1;border-radius:6px;padding:14px 22px;
margin:10px 0}
.mc-ws *{box-sizing:border-box}
.mc-ws h3.mc-ws-title{font:700 1.3em/1.25 Georgia,"DejaVu Serif",serif;margin:0 0 6px;border:0}
.mc-ws .mc-ws-who{display:flex;gap:2em;margin:4px 0 12px;font-size:.95em}
.mc-ws .mc-ws-who span{flex:1;border-bottom:1px solid #555;padding-bottom:2px}
.mc-ws ol.mc-ws-steps{margin:6px 0 12px;padding-left:1.5em}
.mc-ws ol.mc-ws-steps li{margin:2px 0}
.mc-ws .mc-ws-source{color:#4a4f57;font-size:.9em;margin:4px 0}
.mc-ws .mc-ws-passage{font:17px/1.75 Georgia,"DejaVu Serif","Times New Roman",serif;margin:8px 0 14px;
padding:8px 14px;border-left:3px solid #8a8f98;background:#fafafa}
.mc-ws .mc-ws-passage ol{margin:0;padding-left:2em}
.mc-ws .mc-ws-passage li{margin:0 0 6px;padding-left:.2em}
.mc-ws .mc-ws-passage li::marker{font:700 .85em system-ui,"DejaVu Sans",sans-serif;color:#4a4f57}
.mc-ws h4{margin:14px 0 6px;font-size:1.02em}
.mc-ws .mc-ws-lines{margin:4px 0 10px}
.mc-ws .mc-ws-line{height:2.3em;border-bottom:1px solid #8a8f98}
.mc-ws table.mc-ws-grid{border-collapse:collapse;width:100%;margin:6px 0 10px;font-size:.95em}
.mc-ws table.mc-ws-grid th,.mc-ws table.mc-ws-grid td{border:1px solid #8a8f98;padding:4px 8px;
text-align:left;vertical-align:top}
.mc-ws table.mc-ws-grid th{background:#f1f2f4;font-weight:600}
.mc-ws table.mc-ws-grid td.mc-ws-blank{height:2.3em}
.mc-ws table.mc-ws-grid td.mc-ws-no,.mc-ws table.mc-ws-grid th.mc-ws-no{width:5.5em;
text-align:center;font-weight:700}
.mc-ws table.mc-ws-grid th.mc-ws-kind{width:11em}
.mc-ws .mc-ws-box{display:inline-block;width:.95em;height:.95em;border:1.5px solid #1a1a1a;
border-radius:2px;vertical-align:-.12em;margin-right:.35em;background:#fff}
.mc-ws .mc-ws-choice{white-space:nowrap;margin-right:1.4em}
.mc-ws .mc-ws-item{margin:0 0 12px;padding:6px 0 8px;border-bottom:1px dashed #c9ccd1}
.mc-ws .mc-ws-item p{margin:2px 0 6px}
.mc-ws .mc-ws-num{font-weight:700;margin-right:.4em}
.mc-ws .mc-ws-word{font-weight:700;text-decoration:underline;text-underline-offset:.15em}
.mc-ws .mc-ws-kinds{font-size:.9em;margin:4px 0 10px;padding-left:1.2em}
.mc-ws .mc-ws-kinds li{margin:1px 0}
.mc-ws .mc-ws-note{color:#4a4f57;font-size:.88em}
.mc-ws .mc-ws-empty{background:#fff4e5;border-left:4px solid #9B4500;padding:6px 10px}
.mc-ws .mc-ws-ok{background:#eef4fb;border-left:4px solid #0072B2;padding:6px 10px}
"""


class Worksheet:
    """A printable handout (HTML, escaped); ``str()`` gives a plain-text version."""

    def __init__(self, title: str, body: str, text: str):
        self.title = title
        self._body = body
        self._text = text

    def _repr_html_(self) -> str:
        return (f'<div class="mc-ws">{shared_style("worksheet", CSS)}'
                f'<h3 class="mc-ws-title">{_esc(self.title)}</h3>'
                '<div class="mc-ws-who"><span>Name:</span><span>Date:</span></div>'
                f"{self._body}</div>")

    def __str__(self) -> str:
        return f"{self.title}\n\n{self._text}"

    def __repr__(self) -> str:
        return f"<Worksheet: {self.title}>"


def _steps(steps: list[str]) -> str:
    return '<ol class="mc-ws-steps">' + "".join(f"<li>{s}</li>" for s in steps) + "</ol>"


def _lines(n: int) -> str:
    return '<div class="mc-ws-lines">' + '<div class="mc-ws-line"></div>' * n + "</div>"


def _box(label: str) -> str:
    return f'<span class="mc-ws-choice"><span class="mc-ws-box"></span>{_esc(label)}</span>'


def _passage(numbers: Any, texts: Any) -> str:
    items = "".join(f'<li value="{int(n)}">{_esc(_str(t))}</li>' for n, t in zip(numbers, texts))
    return f'<div class="mc-ws-passage"><ol>{items}</ol></div>'


def _empty(title: str, reason: str) -> Worksheet:
    return Worksheet(title, f'<p class="mc-ws-empty">{_esc(reason)}</p>', reason)


def _source(article_id: Any, outlet: str, title: str) -> str:
    what = f"From article {_str(article_id)}, {outlet or 'unknown outlet'}"
    return what + (f": “{title}”" if title else "")


def spot_worksheet(exercise: Any, n_rows: int = 8) -> Worksheet:
    """The handout of "spot the loaded words": the numbered passage, the seven kinds, and a
    table to fill in (sentence, word or phrase, kind)."""
    title = "Spot the loaded words"
    if exercise.article_id is None:
        return _empty(title, exercise.reason)
    kinds = "".join(f"<li><b>{_esc(k)}</b>: {_esc(d)}</li>" for k, d in KINDS)
    rows = "".join('<tr><td class="mc-ws-blank"></td><td class="mc-ws-blank"></td>'
                   '<td class="mc-ws-blank"></td></tr>' for _ in range(n_rows))
    body = (_steps(["Read the passage. Its sentences are numbered; nothing is marked.",
                    "Underline every word or short phrase you think takes sides.",
                    "Write each one in the table with its sentence number and its kind.",
                    "Compare with a partner: did you choose the same words? Why?"])
            + f'<p class="mc-ws-source">{_esc(_source(exercise.article_id, exercise.outlet, exercise.title))}</p>'
            + _passage(exercise.sentences["number"], exercise.sentences["text"])
            + f"<h4>Seven kinds of loaded word</h4><ul class=\"mc-ws-kinds\">{kinds}</ul>"
            + '<h4>Your words</h4><table class="mc-ws-grid"><thead><tr><th class="mc-ws-no">'
              'Sentence</th><th>Word or phrase</th><th class="mc-ws-kind">Kind</th></tr></thead>'
              "<tbody>" + rows + "</tbody></table>")
    text = "\n".join(f"{n}. {t}" for n, t in zip(exercise.sentences["number"],
                                                  exercise.sentences["text"]))
    return Worksheet(title, body, text)


def rewrite_worksheet(exercise: Any) -> Worksheet:
    """The handout of "rewrite neutrally": the passage, the word bank, and ruled lines."""
    title = "Rewrite a passage neutrally"
    if exercise.article_id is None:
        return _empty(title, exercise.reason)
    bank = exercise.word_bank
    rows = "".join(f"<tr><td>{_esc(_str(r['loaded']))}</td><td>{_esc(_str(r['neutral alternative']))}"
                   f"</td><td>{_esc(_str(r['why']))}</td></tr>" for _, r in bank.iterrows())
    table = ('<table class="mc-ws-grid"><thead><tr><th>Loaded word</th><th>A neutral wording</th>'
             f"<th>Why it is loaded</th></tr></thead><tbody>{rows}</tbody></table>" if rows else
             '<p class="mc-ws-note">The lexicon marks no word in this passage: rewrite what you '
             "find loaded.</p>")
    n_lines = max(6, math.ceil(len(exercise.text.split()) / 9) + 3)
    body = (_steps(["Read the passage and the word bank under it.",
                    "Write the whole passage again so that it reports the same facts without "
                    "taking sides. Keep every fact; change the words that take sides.",
                    "A wording in brackets, such as “(name the source)”, is advice: say who the "
                    "source is if the article tells you, or write plainly that it is not named.",
                    "Read your rewrite to a partner: do they learn the same facts?"])
            + f'<p class="mc-ws-source">{_esc(_source(exercise.article_id, exercise.outlet, exercise.title))}</p>'
            + f'<div class="mc-ws-passage"><p>{_esc(exercise.text)}</p></div>'
            + "<h4>Word bank</h4>" + table + "<h4>Your rewrite</h4>" + _lines(n_lines))
    return Worksheet(title, body, exercise.text)


def voice_worksheet(exercise: Any) -> Worksheet:
    """The handout of "whose voice is this?": each word in its sentence, two tick boxes, and
    a line for the clue."""
    title = "Whose voice is this?"
    items = exercise.items
    if not len(items):
        return _empty(title, exercise.reason)
    blocks = []
    for row in items.itertuples(index=False):
        ctx = _str(row.context)
        sentence = (_esc(ctx[:row.word_start]) + f'<span class="mc-ws-word">'
                    f"{_esc(ctx[row.word_start:row.word_end])}</span>" + _esc(ctx[row.word_end:]))
        blocks.append(f'<div class="mc-ws-item"><p><span class="mc-ws-num">{int(row.item)}.</span>'
                      f"“{_esc(_str(row.word))}” ({_esc(_str(row.outlet))})</p><p>{sentence}</p>"
                      f"<p>{_box('the outlet’s own voice')}{_box('quoted: someone else’s words')}</p>"
                      f'<p class="mc-ws-note">The clue that decided it:</p>{_lines(1)}</div>')
    body = (_steps(["Read each numbered word in its sentence (the word is underlined).",
                    "Tick one box: is the word in the outlet’s own voice, or is it quoted "
                    "(someone else’s words, reported by the outlet)?",
                    "Write the clue: the quotation marks, a verb such as “said”, a name."])
            + "".join(blocks))
    text = "\n".join(f"{r.item}. {r.word}: {r.context}" for r in items.itertuples(index=False))
    return Worksheet(title, body, text)


def omission_worksheet(exercise: Any) -> Worksheet:
    """The handout of "what is missing?": article A's numbered sentences with a tick box
    each, then article B's for reference."""
    title = "What is missing?"
    if exercise.alignment is None:
        return _empty(title, exercise.reason)
    a = "".join(f'<tr><td class="mc-ws-no">{int(n)}</td><td>{_esc(_str(t))}</td>'
                f'<td>{_box("B does not tell this")}</td></tr>'
                for n, t in zip(exercise.sentences_a["number"], exercise.sentences_a["text"]))
    kind = "mc-ws-ok" if exercise.same_event else "mc-ws-empty"
    body = (_steps(["Read the note first: it says whether the two articles report the same event.",
                    "For each sentence of A, look for the same fact in B. It may be worded "
                    "quite differently.",
                    "Tick the sentences of A that B does not tell.",
                    "Pick one of them: why might B have left it out?"])
            + f'<p class="{kind}">{_esc(exercise.reason)}</p>'
            + f"<h4>A · {_esc(exercise.outlet_a)} (article {_esc(_str(exercise.article_a))})</h4>"
            + '<table class="mc-ws-grid"><thead><tr><th>No.</th><th>Sentence of A</th>'
              f"<th>Missing from B?</th></tr></thead><tbody>{a}</tbody></table>"
            + f"<h4>B · {_esc(exercise.outlet_b)} (article {_esc(_str(exercise.article_b))})</h4>"
            + _passage(exercise.sentences_b["number"], exercise.sentences_b["text"])
            + "<h4>Why might B have left one out?</h4>" + _lines(3))
    return Worksheet(title, body, str(exercise))


def naming_worksheet(exercise: Any) -> Worksheet:
    """The handout of "who is called what?": the outlets lettered, the forms numbered, a
    blank for the outlet's letter and tick boxes for the kind of name."""
    title = "Who is called what?"
    if exercise.actor_id is None:
        return _empty(title, exercise.reason)
    letters = [chr(ord("A") + i) if i < 26 else str(i + 1) for i in range(len(exercise.outlets))]
    outlets = "".join(f"<li><b>{letter}</b> · {_esc(o)}</li>"
                      for letter, o in zip(letters, exercise.outlets))
    rows = "".join(f'<tr><td class="mc-ws-no">{int(n)}</td><td>{_esc(_str(f))}</td>'
                   f'<td class="mc-ws-blank"></td><td>{_box("title")}{_box("label")}'
                   f'{_box("name or description")}</td></tr>'
                   for n, f in zip(exercise.forms["number"], exercise.forms["form"]))
    shared = ""
    if len(exercise.shared_forms):
        shared = (f'<p class="mc-ws-note">Used by more than one outlet (not in the quiz): '
                  f'{_esc("; ".join(map(str, exercise.shared_forms["form"])))}</p>')
    body = (_steps([f"Each form below names {_esc(exercise.actor)}. One outlet wrote each.",
                    "Write the letter of the outlet you think wrote it.",
                    "Tick what kind of name it is: a title (an office), a label (a judgement), "
                    "or a plain name or description."])
            + f'<h4>The outlets</h4><ul class="mc-ws-kinds">{outlets}</ul>'
            + '<h4>The forms</h4><table class="mc-ws-grid"><thead><tr><th>No.</th><th>Form</th>'
              f"<th>Outlet</th><th>Kind of name</th></tr></thead><tbody>{rows}</tbody></table>"
            + shared + "<h4>What gave each outlet away?</h4>" + _lines(3))
    return Worksheet(title, body, str(exercise))
