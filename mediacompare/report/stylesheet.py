"""The report's one style sheet, ``report.css``: every page links it, none repeats it.

It holds the page (type, column, navigation, contents), the notebook output
areas that nbconvert writes (``jp-*`` classes, without JupyterLab's 260 KB of
theme), the style sheets of the library's views (highlights, side by side,
explorer, tables, worksheets: the same text their ``_repr_html_`` carries in a
``<style data-mc-style>`` element, which the report drops from its pages), and a
print style for A4 paper: navigation hidden, answer lines and tick boxes kept,
no item cut across two pages.
"""

from __future__ import annotations

__all__ = ["STYLESHEET", "report_css", "shared_sheets"]

#: The file name of the style sheet, at the root of the report folder.
STYLESHEET = "report.css"

_PAGE = """\
/* mediacompare report: one style sheet for every page */
:root{--mc-ink:#1a1a1a;--mc-muted:#4a4f57;--mc-rule:#d7d9dd;--mc-soft:#f6f7f9;--mc-link:#0b5cad;
--mc-accent:#0072B2;--mc-warn:#9B4500;--mc-teacher:#b35806}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;color:var(--mc-ink);background:#fff;font:16px/1.55 system-ui,-apple-system,"Segoe UI",
Roboto,"DejaVu Sans",Arial,sans-serif}
main,.mc-page{max-width:1120px;margin:0 auto;padding:0 24px 40px}
a{color:var(--mc-link)}
a:focus,summary:focus{outline:2px solid var(--mc-accent);outline-offset:2px}
h1{font:700 1.9em/1.2 Georgia,"DejaVu Serif",serif;margin:.6em 0 .4em}
h2{font-size:1.35em;margin:1.8em 0 .5em;padding-top:.3em;border-top:1px solid var(--mc-rule)}
h3{font-size:1.12em;margin:1.3em 0 .4em}
h4{font-size:1em;margin:1em 0 .3em}
p,li{max-width:46em}
code{font:.9em ui-monospace,"DejaVu Sans Mono",Consolas,monospace;background:var(--mc-soft);
padding:0 .25em;border-radius:3px}
pre{font:13px/1.45 ui-monospace,"DejaVu Sans Mono",Consolas,monospace;white-space:pre-wrap;
overflow-wrap:anywhere;margin:.4em 0}
img{max-width:100%;height:auto}
details>summary{cursor:pointer;font-weight:600;margin:.3em 0}
table{border-collapse:collapse}
a.anchor-link{display:none}
/* top bar, contents and pager */
nav.mc-nav{max-width:1120px;margin:0 auto;padding:10px 24px;display:flex;flex-wrap:wrap;gap:6px 18px;
align-items:baseline;border-bottom:1px solid var(--mc-rule);font-size:.92em}
nav.mc-nav .mc-home{font-weight:700}
nav.mc-nav .mc-audience{padding:.1em .5em;border-radius:3px;font-weight:600}
.mc-audience-student{background:#e8f1fb;color:#0b3d6e}
.mc-audience-teacher{background:#fdebd3;color:#7a3b00}
nav.mc-toc{margin:1em 0 1.5em;padding:.6em 1em;border:1px solid var(--mc-rule);border-radius:6px;
background:var(--mc-soft);font-size:.93em;max-width:46em}
nav.mc-toc ol{margin:.3em 0 0;padding-left:0;list-style:none}
nav.mc-toc li{margin:.1em 0}
nav.mc-pager{display:flex;justify-content:space-between;gap:18px;margin:2.5em 0 0;padding-top:1em;
border-top:1px solid var(--mc-rule);font-size:.95em}
nav.mc-pager a{max-width:48%}
.mc-lead{font-size:1.08em;color:var(--mc-muted)}
/* notebook cells as nbconvert writes them */
.jp-Collapser,.jp-InputPrompt,.jp-OutputPrompt{display:none}
.jp-Cell{margin:0}
.jp-CodeCell .jp-Cell-inputWrapper{margin:.6em 0;background:var(--mc-soft);border-left:3px solid #9aa3ad;
padding:.2em .8em;font-size:.9em}
.jp-CodeCell.jp-mod-noInput .jp-Cell-inputWrapper{display:none}
.jp-OutputArea-output{margin:.5em 0;overflow-wrap:break-word}
table.mc-data th{overflow-wrap:normal}
.jp-RenderedText pre{background:var(--mc-soft);padding:.5em .8em;border-radius:4px}
.jp-RenderedText[data-mime-type="application/vnd.jupyter.stderr"] pre{background:#fdf0f0}
.jp-RenderedImage{margin:.8em 0}
.jp-RenderedHTMLCommon table:not([class]),.jp-RenderedHTMLCommon table.dataframe{font-size:.9em;
margin:.5em 0}
.jp-RenderedHTMLCommon table:not([class]) th,.jp-RenderedHTMLCommon table:not([class]) td,
.jp-RenderedHTMLCommon table.dataframe th,.jp-RenderedHTMLCommon table.dataframe td{
border:1px solid var(--mc-rule);padding:.3em .6em;text-align:left;vertical-align:top;
overflow-wrap:anywhere}
.highlight pre{background:none;padding:0;margin:0}
/* the teacher's answers */
.jp-Cell.celltag_solution,.jp-MarkdownOutput.celltag_solution{border-left:6px solid var(--mc-teacher);
background:#fff7ec;padding-left:.8em}
.jp-MarkdownOutput.celltag_solution-marker{border-top:2px dashed var(--mc-teacher);color:#7a3b00;
margin-top:1.5em}
/* prose computed from the corpus, notes and warnings */
.mc-prose{max-width:46em;margin:.6em 0}
.mc-prose-facts{font-size:1.02em;padding:.6em .9em;background:#eef4fb;border-left:4px solid var(--mc-accent)}
.mc-prose-warn{padding:.5em .9em;background:#fff4e5;border-left:4px solid var(--mc-warn)}
.mc-prose-note{color:var(--mc-muted)}
.mc-failed{padding:.6em .9em;background:#fdf0f0;border-left:4px solid #a11;max-width:46em}
/* tables for people */
.mc-table{margin:.8em 0 1.2em}
.mc-table-caption{font-weight:600;margin:.2em 0}
.mc-table-note{font-size:.88em;color:var(--mc-muted);margin:.25em 0}
.mc-table-body{max-width:100%}
table.mc-data{font-size:.9em;max-width:100%}
table.mc-data th{text-align:left;vertical-align:bottom;padding:.35em .6em;
border-bottom:2px solid #8a8f98;background:var(--mc-soft);font-weight:600}
table.mc-data td{padding:.3em .6em;border-bottom:1px solid #e3e5e8;vertical-align:top;
overflow-wrap:break-word;max-width:34em}
table.mc-data td.mc-text{min-width:4.5em}
details.mc-sources{font-size:.88em;margin:.4em 0;max-width:60em}
details.mc-sources ul{margin:.3em 0;padding-left:1.3em;overflow-wrap:anywhere}
table.mc-data td.mc-num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
table.mc-data td.mc-text{text-align:left}
details.mc-table-all{margin:.3em 0}
/* the index */
.mc-pages td,.mc-pages th,.mc-plan td,.mc-plan th,.mc-meta-table td,.mc-meta-table th{
border-bottom:1px solid #e3e5e8;padding:.4em .6em;text-align:left;vertical-align:top}
.mc-pages th,.mc-plan th{border-bottom:2px solid #8a8f98;background:var(--mc-soft)}
.mc-pages td.mc-no{font-variant-numeric:tabular-nums;white-space:nowrap;color:var(--mc-muted)}
.mc-pages td.mc-links{min-width:15em}
.mc-pages td.mc-links a{white-space:nowrap}
.mc-start{display:grid;grid-template-columns:repeat(auto-fit,minmax(16em,1fr));gap:14px;margin:1em 0}
.mc-start section{border:1px solid var(--mc-rule);border-radius:6px;padding:.6em 1em}
.mc-start h3{margin-top:.2em}
dl.mc-made{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}
dl.mc-made dt{font-weight:600}
dl.mc-made dd{margin:0;overflow-wrap:anywhere}
"""

_PRINT = """\
@page{size:A4;margin:15mm 14mm 16mm}
@media print{
body{font-size:11.5pt;line-height:1.45}
main,.mc-page{max-width:none;padding:0}
nav.mc-nav,nav.mc-toc,nav.mc-pager,.mc-noprint,details.mc-table-all,details.mc-cues{display:none}
a{color:inherit;text-decoration:none}
h2{break-after:avoid;page-break-after:avoid;border-top:0}
h3,h4{break-after:avoid;page-break-after:avoid}
img,table.mc-data tr,.mc-ws-item,.mc-ws-lines,.mc-ws-box,.mc-article{break-inside:avoid;
page-break-inside:avoid}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
"""


def shared_sheets() -> dict[str, str]:
    """The style sheets of the library's views, by the name their ``data-mc-style`` carries."""
    from ..display.compare import CSS as COMPARE
    from ..display.explorer_render import CSS as EXPLORER
    from ..display.highlight_style import CSS as HIGHLIGHT
    from ..exercises.worksheet import CSS as WORKSHEET

    return {"highlight": HIGHLIGHT, "compare": COMPARE, "explorer": EXPLORER,
            "worksheet": WORKSHEET}


def report_css() -> str:
    """The text of ``report.css``."""
    parts = [_PAGE]
    for name, css in shared_sheets().items():
        parts.append(f"/* {name} */\n{css}")
    parts.append(_PRINT)
    return "\n".join(parts)
