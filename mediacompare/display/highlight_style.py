"""How each category of cue looks in highlighted text: colour (from the palette), line
style, marker, and the style sheet of every :class:`~mediacompare.display.highlight.Highlight`.

Nothing relies on colour alone: each category has its own underline style and a
text marker (``EMO``, ``LAB`` ...). Tints and inks come from
:mod:`mediacompare.display.palette`, the same colours as the charts.
"""

from __future__ import annotations

from typing import NamedTuple

from .palette import CATEGORY_COLOURS, CATEGORY_INKS, OTHER_COLOUR

__all__ = ["CATEGORY_STYLES", "CSS", "CategoryStyle", "category_css", "style_of"]


class CategoryStyle(NamedTuple):
    """How one category looks: everything but ``colour`` tells it apart without colour."""

    marker: str      #: badge text at the start of each cue
    colour: str      #: Okabe-Ito colour (the tint is this at 28 % opacity)
    ink: str         #: a darker shade of it, at least 4.5:1 on white and on the tint
    line: str        #: the CSS ``text-decoration`` of the cue
    line_name: str   #: the line style in words, for the legend
    definition: str  #: one line, for a student


#: Category -> style, in legend order. Colours and inks are those of
#: :mod:`mediacompare.display.palette` (the charts use the same): inks are the hues
#: darkened to a 4.5:1 contrast on white and on the tint (markers and lines use them).
CATEGORY_STYLES: dict[str, CategoryStyle] = {
    "emotive": CategoryStyle(
        "EMO", CATEGORY_COLOURS["emotive"], CATEGORY_INKS["emotive"], "underline solid 2px", "solid underline",
        "a word chosen to stir feeling (fear, anger, pity) rather than to describe"),
    "labeling": CategoryStyle(
        "LAB", CATEGORY_COLOURS["labeling"], CATEGORY_INKS["labeling"], "underline double 3px", "double underline",
        "a name that passes judgement on a person, group or government"),
    "doubt": CategoryStyle(
        "DBT", CATEGORY_COLOURS["doubt"], CATEGORY_INKS["doubt"], "underline dotted 3px", "dotted underline",
        "a word that casts doubt on what someone said or did (‘claimed’, ‘alleged’)"),
    "attribution": CategoryStyle(
        "ATT", CATEGORY_COLOURS["attribution"], CATEGORY_INKS["attribution"], "underline dashed 2px", "dashed underline",
        "a reporting verb that colours the speaker (‘admitted’, ‘insisted’) instead of ‘said’"),
    "intensifier": CategoryStyle(
        "INT", CATEGORY_COLOURS["intensifier"], CATEGORY_INKS["intensifier"], "underline solid 4px", "thick underline",
        "a word that amplifies (‘very’, ‘massive’, ‘spectacularly’)"),
    "scare_quote": CategoryStyle(
        "SCQ", CATEGORY_COLOURS["scare_quote"], CATEGORY_INKS["scare_quote"], "overline solid 2px", "overline",
        "quotation marks (or ‘so-called’) that distance the outlet from a word"),
    "vague_source": CategoryStyle(
        "VAG", CATEGORY_COLOURS["vague_source"], CATEGORY_INKS["vague_source"], "underline wavy 1.5px", "wavy underline",
        "a source that cannot be checked (‘reportedly’, ‘experts say’)"),
}
#: Categories outside :data:`CATEGORY_STYLES` (a teacher's own lexicon) look like this.
_OTHER = CategoryStyle("", OTHER_COLOUR, "#595959", "underline solid 1px", "thin underline",
                       "a category from a custom lexicon")


def _rgb(colour: str) -> str:
    return ",".join(str(int(colour[i:i + 2], 16)) for i in (1, 3, 5))


def _category_css(category: str, style: CategoryStyle) -> str:
    rgb, sel = _rgb(style.colour), f".mc-hl .mc-cat-{category}"
    offset = "0.12em" if style.line.startswith("overline") else "0.22em"
    return (f"{sel}{{background-color:rgba({rgb},.28);text-decoration:{style.line} {style.ink};"
            f"text-underline-offset:{offset}}}\n"
            f"{sel}.mc-conf-low{{background-color:rgba({rgb},.10);"
            f"text-decoration-color:rgba({_rgb(style.ink)},.6);outline-color:{style.ink}}}\n"
            f".mc-hl .mc-marker.mc-m-{category}{{color:{style.ink};border-color:{style.ink}}}\n")


_BASE_CSS = """\
.mc-hl{color:#1a1a1a;background:#fff;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,\
"DejaVu Sans",Arial,sans-serif;max-width:1280px;padding:4px 2px;text-align:left}
.mc-hl *{box-sizing:border-box}
.mc-hl .mc-top{margin:0 0 10px}
.mc-hl .mc-top h2{font-size:1.25em;margin:0 0 2px;border:0}
.mc-hl .mc-sub{color:#4a4a4a;margin:0}
.mc-hl .mc-warn{background:#fff4e5;border-left:4px solid #9B4500;padding:6px 10px;margin:8px 0}
.mc-hl .mc-note{background:#f3f4f6;border-left:4px solid #6b7280;padding:6px 10px;margin:8px 0;\
font-size:.9em}
.mc-hl .mc-legend{border:1px solid #d7d9dd;border-radius:6px;padding:8px 12px;margin:0 0 16px;\
background:#fcfcfd}
.mc-hl .mc-legend table{border-collapse:collapse;width:100%;table-layout:auto;font-size:.88em;\
margin:0}
.mc-hl .mc-legend th,.mc-hl .mc-legend td{text-align:left;padding:3px 8px;vertical-align:middle;\
border-bottom:1px solid #eceef1}
.mc-hl .mc-legend th{font-weight:600;color:#333;border-bottom:1px solid #c9ccd1}
.mc-hl .mc-legend td.mc-n,.mc-hl .mc-legend th.mc-n{text-align:right;\
font-variant-numeric:tabular-nums;white-space:nowrap}
.mc-hl .mc-legend .mc-cat{font-family:ui-monospace,"DejaVu Sans Mono",Consolas,monospace;\
white-space:nowrap}
.mc-hl .mc-legend p{margin:6px 0 0;font-size:.88em;color:#333}
.mc-hl .mc-swatch{display:inline-block;font-family:Georgia,"DejaVu Serif",serif;padding:0 4px;\
border-radius:2px;white-space:nowrap}
.mc-hl .mc-swatch-low{outline:1px dashed #595959}
.mc-hl .mc-articles{display:block}
.mc-hl .mc-grid{display:grid;gap:18px;align-items:start}
.mc-hl .mc-cols-2{grid-template-columns:repeat(2,minmax(0,1fr))}
.mc-hl .mc-cols-3{grid-template-columns:repeat(3,minmax(0,1fr))}
.mc-hl .mc-cols-4{grid-template-columns:repeat(4,minmax(0,1fr))}
@media (max-width:720px){.mc-hl .mc-grid{grid-template-columns:minmax(0,1fr)}}
.mc-hl .mc-article{border:1px solid #d7d9dd;border-radius:6px;padding:12px 16px;margin:0 0 16px;\
background:#fff;min-width:0}
.mc-hl .mc-grid .mc-article{margin:0}
.mc-hl .mc-head{border-bottom:1px solid #e3e5e8;padding-bottom:6px;margin-bottom:10px}
.mc-hl .mc-outlet{font-weight:700;font-size:.8em;letter-spacing:.06em;text-transform:uppercase;\
color:#444}
.mc-hl .mc-title{font:700 1.15em/1.3 Georgia,"DejaVu Serif",serif;margin:2px 0 4px;border:0}
.mc-hl .mc-meta{color:#555;font-size:.82em}
.mc-hl .mc-tally{color:#333;font-size:.85em;margin-top:3px}
.mc-hl .mc-body{font:16px/2 Georgia,"DejaVu Serif","Times New Roman",serif;overflow-wrap:anywhere}
.mc-hl .mc-body p{margin:0 0 .8em}
.mc-hl mark{background-color:transparent}
.mc-hl mark.mc-span{color:inherit;padding:0 1px;border-radius:2px;\
text-decoration-skip-ink:none;-webkit-box-decoration-break:clone;box-decoration-break:clone}
.mc-hl mark.mc-conf-low{outline:1px dashed;outline-offset:0}
.mc-hl .mc-voice-quoted{font-style:italic}
.mc-hl .mc-quote{background:#eceef2;font-style:italic;-webkit-box-decoration-break:clone;\
box-decoration-break:clone}
.mc-hl .mc-marker{display:inline-block;font:700 10px/1.2 system-ui,-apple-system,"Segoe UI",\
"DejaVu Sans",Arial,sans-serif;font-style:normal;letter-spacing:.04em;padding:0 3px;\
margin:0 2px 0 0;border:1px solid #595959;border-radius:3px;background:#fff;color:#595959;\
vertical-align:.55em;text-indent:0;-webkit-user-select:none;user-select:none}
.mc-hl .mc-marker.mc-m-low{border-style:dashed}
.mc-hl .mc-lead{white-space:nowrap}
.mc-hl .mc-qmark{background:#dfe2e7;color:#3d434d;border-color:#dfe2e7;font-weight:600;\
letter-spacing:.03em}
.mc-hl .mc-cut{color:#4a4a4a;font:italic .85em/1.4 system-ui,-apple-system,"Segoe UI",\
"DejaVu Sans",Arial,sans-serif;border-top:1px dashed #b5b9c0;padding-top:6px;margin:4px 0 0}
.mc-hl details.mc-cues{margin-top:10px;font-size:.88em}
.mc-hl details.mc-cues summary{cursor:pointer;color:#333;font-weight:600}
.mc-hl .mc-cues ol{padding-left:1.6em;margin:6px 0 0}
.mc-hl .mc-cues li{margin:0 0 5px}
.mc-hl .mc-cues .mc-marker{vertical-align:.1em}
.mc-hl .mc-cues b{font-family:Georgia,"DejaVu Serif",serif}
.mc-hl .mc-cues i{font-style:normal;font-family:ui-monospace,"DejaVu Sans Mono",Consolas,monospace;\
font-size:.92em;color:#4a4a4a}
"""

#: The style sheet of every :class:`Highlight`: all selectors start with ``.mc-hl``.
CSS = _BASE_CSS + "".join(_category_css(c, s) for c, s in CATEGORY_STYLES.items())


def style_of(category: str) -> CategoryStyle:
    """The style of ``category`` (a grey one, marked with its first letters, for a category
    the palette does not know)."""
    style = CATEGORY_STYLES.get(category)
    if style is None:
        return _OTHER._replace(marker=category[:3].upper())
    return style


category_css = _category_css
