"""The fixed parts of a side-by-side comparison: its style sheet, the function words never
marked as a difference, the counts table and the legend (see :mod:`mediacompare.display.compare`)."""

from __future__ import annotations

import html
from functools import lru_cache
from typing import Any

from .._paths import resource
from .helpers import _plural

__all__ = ["CSS", "function_words"]

_esc = html.escape
_BADGE = {"shared": "shared", "reworded": "reworded", "only_in_a": "only in A",
          "only_in_b": "only in B"}

#: The style sheet of every :class:`Comparison`: all selectors start with ``.mc-cmp``.
CSS = """\
.mc-cmp{color:#1a1a1a;background:#fff;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,\
"DejaVu Sans",Arial,sans-serif;max-width:1280px;padding:4px 2px;text-align:left}
.mc-cmp *{box-sizing:border-box}
.mc-cmp h2{font-size:1.25em;margin:0 0 2px;border:0}
.mc-cmp .mc-sub{color:#4a4a4a;margin:0 0 10px}
.mc-cmp .mc-warn{background:#fff4e5;border-left:4px solid #9B4500;padding:6px 10px;margin:8px 0}
.mc-cmp .mc-note{background:#f3f4f6;border-left:4px solid #6b7280;padding:6px 10px;margin:8px 0;\
font-size:.9em}
.mc-cmp .mc-heads{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:18px;\
margin:10px 0}
.mc-cmp .mc-head{border:1px solid #d7d9dd;border-radius:6px;padding:10px 14px;background:#fff}
.mc-cmp .mc-side{display:inline-block;font-weight:700;border:2px solid #1a1a1a;border-radius:4px;\
padding:0 6px;margin-right:6px}
.mc-cmp .mc-outlet{font-weight:700;font-size:.8em;letter-spacing:.06em;text-transform:uppercase;\
color:#444}
.mc-cmp .mc-title{font:700 1.1em/1.3 Georgia,"DejaVu Serif",serif;margin:4px 0;border:0}
.mc-cmp .mc-meta{color:#555;font-size:.82em}
.mc-cmp .mc-counts{margin:10px 0;font-size:.95em}
.mc-cmp .mc-counts td,.mc-cmp .mc-counts th{padding:2px 10px 2px 0;text-align:left;border:0;\
background:none}
.mc-cmp .mc-counts td.mc-n{text-align:right;font-variant-numeric:tabular-nums}
.mc-cmp .mc-legend{border:1px solid #d7d9dd;border-radius:6px;padding:8px 12px;margin:0 0 14px;\
background:#fcfcfd;font-size:.88em}
.mc-cmp .mc-legend ul{margin:4px 0;padding-left:1.2em}
.mc-cmp .mc-legend li{margin:3px 0}
.mc-cmp .mc-legend p{margin:6px 0 0;color:#333}
.mc-cmp table.mc-pairs{border-collapse:collapse;width:100%;table-layout:fixed}
.mc-cmp table.mc-pairs col.mc-col-side{width:44%}
.mc-cmp table.mc-pairs col.mc-col-mid{width:12%}
.mc-cmp table.mc-pairs th{font-size:.85em;text-align:left;padding:6px 8px;\
border-bottom:2px solid #8a8f98;background:#f6f7f9}
.mc-cmp table.mc-pairs th.mc-mid{text-align:center}
.mc-cmp table.mc-pairs td{vertical-align:top;padding:7px 9px;border-bottom:1px solid #e3e5e8;\
font:15px/1.55 Georgia,"DejaVu Serif","Times New Roman",serif;overflow-wrap:anywhere;text-align:left}
.mc-cmp table.mc-pairs td.mc-mid{text-align:center;font:12px/1.4 system-ui,-apple-system,\
"Segoe UI","DejaVu Sans",Arial,sans-serif;color:#333;padding-top:9px}
.mc-cmp td.mc-gap{background:repeating-linear-gradient(135deg,#f4f5f7 0 6px,#fff 6px 12px);\
color:#6b7280;text-align:center}
.mc-cmp tr.mc-st-only_in_a td.mc-a{background:#fdf1e9}
.mc-cmp tr.mc-st-only_in_b td.mc-b{background:#e9f3fa}
.mc-cmp .mc-sid{font:600 11px/1 ui-monospace,"DejaVu Sans Mono",Consolas,monospace;color:#595959;\
margin-right:5px;vertical-align:.1em}
.mc-cmp .mc-badge{display:inline-block;font:700 11px/1.3 system-ui,-apple-system,"Segoe UI",\
"DejaVu Sans",Arial,sans-serif;letter-spacing:.03em;padding:1px 5px;border:1px solid;\
border-radius:3px;background:#fff;white-space:nowrap;vertical-align:.1em;margin-right:5px}
.mc-cmp .mc-b-shared{color:#3d434d;border-color:#3d434d}
.mc-cmp .mc-b-reworded{color:#6b4a00;border-color:#6b4a00;border-style:dashed}
.mc-cmp .mc-b-only_in_a{color:#9B4500;border-color:#9B4500;border-width:2px}
.mc-cmp .mc-b-only_in_b{color:#006096;border-color:#006096;border-width:2px}
.mc-cmp td.mc-mid .mc-badge{margin:0}
.mc-cmp .mc-cos{display:block;margin-top:3px;font-variant-numeric:tabular-nums}
.mc-cmp mark.diff{background:#fbe7a1;color:inherit;text-decoration:underline solid 2px #8A5F00;\
text-underline-offset:.2em;text-decoration-skip-ink:none;padding:0 1px;border-radius:2px;\
-webkit-box-decoration-break:clone;box-decoration-break:clone}
.mc-cmp .mc-cut{color:#4a4a4a;font:italic .9em/1.4 system-ui,-apple-system,"Segoe UI",\
"DejaVu Sans",Arial,sans-serif;border-top:1px dashed #b5b9c0;padding-top:6px;margin:6px 0 0}
@media (max-width:720px){.mc-cmp .mc-heads{grid-template-columns:minmax(0,1fr)}}
"""


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """The function words never marked as a difference (``resources/function_words.txt``).

    >>> {"the", "of", "his"} <= function_words(), "troops" in function_words()
    (True, False)
    """
    path = resource("function_words.txt")
    words = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset(w for w in words if w and not w.startswith("#"))


def _counts_table(c: dict, name_a: str, name_b: str) -> str:
    rows = [
        ("shared", "the same fact in nearly the same words", c["n_shared"], ""),
        ("reworded", "the same fact in other words", c["n_reworded"], ""),
        ("only_in_a", f"only in A: what {name_b} leaves out", c["n_only_in_a"],
         _plural(c["n_words_only_in_a"], "word") + f" of {c['n_words_a']:,}"),
        ("only_in_b", f"only in B: what {name_a} leaves out", c["n_only_in_b"],
         _plural(c["n_words_only_in_b"], "word") + f" of {c['n_words_b']:,}"),
    ]
    body = "".join(
        f'<tr><td><span class="mc-badge mc-b-{s}">{_BADGE[s]}</span></td><td>{_esc(what)}</td>'
        f'<td class="mc-n">{n:,}</td><td class="mc-n">{_esc(words)}</td></tr>'
        for s, what, n, words in rows)
    return (f'<table class="mc-counts"><thead><tr><th>status</th><th>what it means</th>'
            f'<th>sentences</th><th>words</th></tr></thead><tbody>{body}</tbody></table>')


def _legend(thresholds: tuple[Any, Any]) -> str:
    same, related = (f"{t:g}" if isinstance(t, (int, float)) else "the chosen threshold"
                     for t in thresholds)
    return (
        '<section class="mc-legend"><b>How to read this</b><ul>'
        f'<li><span class="mc-badge mc-b-shared">shared</span> both articles have the sentence in '
        f"nearly the same words (cosine at least {same}).</li>"
        f'<li><span class="mc-badge mc-b-reworded">reworded</span> the same fact, it seems, told '
        f"in other words (cosine from {related} to below {same}): read both.</li>"
        '<li><span class="mc-badge mc-b-only_in_a">only in A</span> '
        '<span class="mc-badge mc-b-only_in_b">only in B</span> no sentence of the other '
        "article is close enough: what the other outlet leaves out (or says in words too "
        "different to match); the other side is hatched.</li>"
        '<li><mark class="diff">underlined, tinted words</mark> in a matched pair: content words '
        "the other sentence does not have (small words such as “the” or “of” are never "
        "marked).</li>"
        '<li><span class="mc-sid">A3</span> is the third sentence of article A (sentences are '
        "numbered from 1, as in the exercises); hover over it for its character offsets.</li>"
        "</ul><p>Cosine is the TF-IDF cosine of the two sentences' words: 1 for the same words, "
        "0 for none in common. The thresholds are heuristics: a bag of words misses synonyms "
        "and negation, so treat every status as a prompt to read, not a verdict. Rows follow "
        "article A; B's unmatched sentences sit after the matched sentence of B before them."
        "</p></section>")
