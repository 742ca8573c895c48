"""One visual language: the colours, line styles and markers every view and chart uses.

The highlighted text (:mod:`mediacompare.display.highlight`), the charts
(:mod:`mediacompare.display.plots`, :mod:`mediacompare.display.vocab_plots`)
and the report's style sheet read their colours from here, so a category has
the same colour in the text and in a chart (``emotive`` is vermillion
everywhere), and a voice the same colour in every chart.

The hues are the colour-blind-safe palette of Okabe and Ito (2008). Nothing
relies on colour alone: each category also has a hatch (charts), a line style
and a text marker (highlights), and charts write their numbers on the picture.

>>> category_colour("emotive") == CATEGORY_COLOURS["emotive"] == "#D55E00"
True
>>> category_colour("my_own_category")
'#999999'
>>> plain_label("US$ 5% and C$ 6%")
'US\\\\$ 5% and C\\\\$ 6%'
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["CATEGORY_COLOURS", "CATEGORY_HATCHES", "CATEGORY_INKS", "INK", "MUTED", "OKABE_ITO",
           "OTHER_COLOUR", "SERIES", "SERIES_HATCHES", "VOICE_COLOURS", "VOICE_HATCHES",
           "VOICE_MARKERS", "category_colour", "category_hatch", "plain_label", "plain_labels",
           "series_colour", "series_hatch"]

#: The Okabe-Ito palette by name.
OKABE_ITO = {
    "vermillion": "#D55E00", "blue": "#0072B2", "reddish_purple": "#CC79A7",
    "bluish_green": "#009E73", "orange": "#E69F00", "sky_blue": "#56B4E9",
    "yellow": "#F0E442", "black": "#000000",
}

#: Category -> colour: the tint of a highlight and the bar of a chart.
CATEGORY_COLOURS = {
    "emotive": OKABE_ITO["vermillion"],
    "labeling": OKABE_ITO["blue"],
    "doubt": OKABE_ITO["reddish_purple"],
    "attribution": OKABE_ITO["bluish_green"],
    "intensifier": OKABE_ITO["orange"],
    "scare_quote": OKABE_ITO["sky_blue"],
    "vague_source": OKABE_ITO["yellow"],
}
#: Category -> the same hue darkened to at least 4.5:1 on white and on its tint (text, lines).
CATEGORY_INKS = {
    "emotive": "#9B4500", "labeling": "#006096", "doubt": "#895170", "attribution": "#006D4F",
    "intensifier": "#8A5F00", "scare_quote": "#346C8C", "vague_source": "#767020",
}
#: Category -> hatch of its bars, so a chart can be read in grey print.
CATEGORY_HATCHES = {
    "emotive": "", "labeling": "//", "doubt": "..", "attribution": "xx",
    "intensifier": "\\\\", "scare_quote": "++", "vague_source": "oo",
}
#: A category of a teacher's own lexicon, unknown to the palette.
OTHER_COLOUR = "#999999"

#: Series that are not categories (articles, measures, speakers' sides), in order.
SERIES = (OKABE_ITO["blue"], OKABE_ITO["orange"], OKABE_ITO["bluish_green"],
          OKABE_ITO["reddish_purple"], OKABE_ITO["sky_blue"], OKABE_ITO["vermillion"],
          OKABE_ITO["yellow"], "#6b6b6b")
SERIES_HATCHES = ("", "//", "..", "xx", "\\\\", "++", "oo", "--")

#: The outlet's own voice and quoted speech, in every chart.
VOICE_COLOURS = {"outlet": OKABE_ITO["blue"], "quoted": OKABE_ITO["orange"]}
VOICE_HATCHES = {"outlet": "", "quoted": "//"}
VOICE_MARKERS = {"outlet": "o", "quoted": "^"}

#: Text, rules and the "others" bar.
INK = "#1a1a1a"
MUTED = "#8a8f98"


def category_colour(category: str) -> str:
    """The colour of ``category`` (grey for a category the palette does not know)."""
    return CATEGORY_COLOURS.get(category, OTHER_COLOUR)


def category_hatch(category: str) -> str:
    """The hatch of ``category``'s bars (none for an unknown category)."""
    return CATEGORY_HATCHES.get(category, "")


def series_colour(i: int) -> str:
    """The ``i``-th series colour (cycling)."""
    return SERIES[i % len(SERIES)]


def series_hatch(i: int) -> str:
    """The hatch of the ``i``-th series: none for the first round of colours, then others."""
    return SERIES_HATCHES[(i // len(SERIES)) % len(SERIES_HATCHES)] if i >= len(SERIES) else \
        SERIES_HATCHES[i % len(SERIES_HATCHES)]


def plain_label(value: object) -> str:
    """A label from data, made safe for matplotlib: text, never math.

    matplotlib reads ``$...$`` as mathematical notation, so an outlet named
    "The $_$ Times" or a title with "US$ 5% and C$ 6%" would be typeset as
    math or fail to draw. Every ``$`` is escaped (``\\$`` draws a dollar sign).
    """
    return str(value).replace("$", "\\$")


def plain_labels(values: Iterable[object]) -> list[str]:
    """:func:`plain_label` of each value."""
    return [plain_label(v) for v in values]
