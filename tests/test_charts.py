"""Charts and tables for people (mediacompare.display: palette, charts, plots, tables, rates,
prose, views): one palette for text and charts, labels from data drawn as text never as math,
alt text, legends outside the data, sizes that follow the data, tables with human headers and
missing values in words, rates on few words flagged, sentences true for any corpus."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from matplotlib.colors import to_hex
from matplotlib.figure import Figure

import mediacompare as mc
from mediacompare.display.charts import Chart, png_bytes
from mediacompare.display.highlight_style import CATEGORY_STYLES
from mediacompare.display.palette import CATEGORY_COLOURS, plain_label

DOLLARS = ["The $_$ Times", "US$ 5% and C$ 6%", "$x^2$ Daily"]


def _outlets_corpus(outlets: list[str], words: int = 60) -> pd.DataFrame:
    body = ("The regime claimed a so-called victory, reportedly. " * (words // 7 + 1)).strip()
    return pd.DataFrame({"article_id": [f"a{i}" for i in range(len(outlets))], "outlet": outlets,
                         "title": [f"T {o}" for o in outlets], "text": [body] * len(outlets),
                         "event_id": ["e1"] * len(outlets)})


def _draw(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()


@pytest.fixture(scope="module")
def dollar_tables():
    corpus = mc.load_corpus(_outlets_corpus(DOLLARS))
    spans = mc.label(corpus)
    sentences = mc.sentence_sentiment(corpus)
    voices = mc.voice_table(corpus)
    cues = mc.frame_cues(corpus)
    return corpus, spans, sentences, voices, cues


# A warning would print into a report page: warnings are errors here, but not the sockets and
# event loops other tests (kernels, the browser) leave to the garbage collector, which may run
# during this test (in one mark: its later filters take precedence over "error")
@pytest.mark.filterwarnings("error", "ignore::ResourceWarning",
                            "ignore::pytest.PytestUnraisableExceptionWarning")
def test_every_plot_draws_labels_with_dollar_signs_as_text(dollar_tables):
    """Outlets named "The $_$ Times" or "US$ 5% and C$ 6%" once made 10 of 11 notebooks fail:
    matplotlib read the labels as math."""
    corpus, spans, sentences, voices, cues = dollar_tables
    rates = mc.label_rates(spans, corpus)
    matrix = mc.similarity_matrix(mc.similarity(corpus))
    figures = [
        mc.plot_lengths(corpus.summary()), mc.plot_removals(corpus.removed(), corpus.articles),
        mc.plot_label_rates(rates), mc.plot_voice_split(rates), mc.plot_sentiment(sentences),
        mc.plot_readability(mc.readability(corpus)), mc.plot_speaker_groups(voices),
        mc.plot_frame_profiles(mc.frame_profiles(cues, corpus)),
        mc.plot_similarity(matrix, labels=dict(zip(corpus.articles["article_id"],
                                                    corpus.articles["outlet"]))),
        mc.plot_distinctive_terms(mc.distinctive_terms(corpus, by="outlet"), n=3),
    ]
    for fig in figures:
        assert isinstance(fig, Figure) and isinstance(fig, Chart)
        assert _draw(fig).startswith(b"\x89PNG"), fig.alt
        assert fig.alt and "Figure size" not in fig.alt
        shown = [t.get_text() for ax in fig.axes for t in ax.get_yticklabels() + ax.get_xticklabels()]
        for text in shown:
            if "$" in text:
                assert "\\$" in text  # escaped: drawn as a dollar sign
    assert plain_label("The $_$ Times") == "The \\$_\\$ Times"


def test_a_chart_shows_as_a_png_with_its_alt_text():
    fig = mc.plot_lengths(pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "Y"],
                                        "n_words": [120, 480]}))
    data, meta = fig._repr_mimebundle_()
    assert data["text/plain"] == meta["image/png"]["alt"] == fig.alt
    assert "2 articles" in fig.alt and "480 words (b, Y)" in fig.alt
    assert meta["image/png"]["width"] > 100
    raw = png_bytes(fig)
    from PIL import Image

    assert len(Image.open(io.BytesIO(raw)).getcolors(maxcolors=1000) or []) <= 64


def test_categories_have_one_colour_in_the_text_and_in_the_charts():
    for category, style in CATEGORY_STYLES.items():
        assert style.colour == CATEGORY_COLOURS[category]
    rates = pd.DataFrame([{"outlet": o, "category": c, "confidence": "high", "voice": "outlet",
                           "n_spans": 2, "n_words": 900, "per_1000_words": 2.2}
                          for o in ("A", "B") for c in CATEGORY_COLOURS])
    fig = mc.plot_label_rates(rates)
    legend = fig.legends[0]
    drawn = {t.get_text(): to_hex(h.get_facecolor()).upper()
             for t, h in zip(legend.get_texts(), legend.legend_handles)}
    assert drawn == {c: CATEGORY_COLOURS[c].upper() for c in CATEGORY_COLOURS}
    assert to_hex(CATEGORY_STYLES["emotive"].colour) == to_hex(CATEGORY_COLOURS["emotive"])


def test_legends_are_outside_the_data():
    rates = pd.DataFrame([{"outlet": o, "category": c, "confidence": "high", "voice": v,
                           "n_spans": 5, "n_words": 300, "per_1000_words": 16.7}
                          for o in ("A", "B", "C") for c in CATEGORY_COLOURS
                          for v in ("outlet", "quoted")])
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    for fig in (mc.plot_label_rates(rates), mc.plot_voice_split(rates)):
        canvas = FigureCanvasAgg(fig)
        canvas.draw()
        renderer = canvas.get_renderer()
        legend = (fig.legends or [ax.get_legend() for ax in fig.axes if ax.get_legend()])[0]
        box = legend.get_window_extent(renderer)
        for ax in fig.axes:
            assert not box.overlaps(ax.get_window_extent(renderer)), fig.alt


def test_many_outlets_are_pooled_and_drawn_in_panels():
    outlets = [f"Outlet {i:02d}" for i in range(24)]
    rates = pd.DataFrame([{"outlet": o, "category": c, "confidence": "high", "voice": "outlet",
                           "n_spans": i % 4, "n_words": 100 + 50 * i,
                           "per_1000_words": 1000 * (i % 4) / (100 + 50 * i)}
                          for i, o in enumerate(outlets) for c in CATEGORY_COLOURS])
    fig = mc.plot_label_rates(rates)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert len(labels) == 13 and labels[-1].startswith("all other 12 outlets")
    assert labels[0].startswith("Outlet 23")  # most words first
    assert len(fig.axes) > 1  # one panel per category with cues
    pooled = mc.plot_voice_split(rates.assign(voice="outlet"))
    assert "all other" in pooled.axes[0].get_yticklabels()[-1].get_text()
    height = fig.get_size_inches()[1]
    assert height < 30  # grows with the rows, within reason


def test_a_large_similarity_map_has_no_numbers_in_its_cells():
    ids = [f"a{i}" for i in range(28)]
    matrix = pd.DataFrame(0.2, index=ids, columns=ids)
    fig = mc.plot_similarity(matrix)
    assert len(fig.axes[0].texts) == 0 and "shaded only" in fig.alt
    small = mc.plot_similarity(matrix.iloc[:4, :4])
    assert len(small.axes[0].texts) == 16


def test_frames_are_rows_so_their_names_stay_readable():
    frames = [f"frame_{i}" for i in range(15)]
    profiles = pd.DataFrame([{"outlet": o, "frame": f, "n_cues": 1 + i % 3, "share": 0.1}
                             for o in ("A", "B") for i, f in enumerate(frames)])
    fig = mc.plot_frame_profiles(profiles)
    assert len(fig.axes[0].get_yticklabels()) == 15
    assert fig.get_size_inches()[0] < 12  # not stretched across fifteen columns


def test_rates_on_few_words_are_flagged_in_the_table_and_the_chart():
    rates = pd.DataFrame([{"outlet": o, "category": "emotive", "confidence": "high",
                           "voice": "outlet", "n_spans": 1, "n_words": w,
                           "per_1000_words": 1000 / w} for o, w in (("Short", 44), ("Long", 2000))])
    view = mc.rates_view(rates)
    text = str(view)
    assert "1 (23*)" in text and "1 (0.5)" in text
    assert f"fewer than {mc.MIN_WORDS} words (Short: 44)" in text
    assert text.index("Long") < text.index("Short")  # enough words first
    fig = mc.plot_label_rates(rates)
    ticks = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert any("44 words: few" in t for t in ticks)
    alphas = {round(b.get_alpha() or 1, 2) for b in fig.axes[0].patches}
    assert alphas == {0.35, 1.0}


def test_tables_for_people_have_headers_no_index_and_missing_values_in_words():
    frame = pd.DataFrame({"article_id": ["a", "b"], "per_1000_words": [1.23456, None],
                          "n_words": [1234, 5], "share_negative": [0.5, 0.25]})
    view = mc.table(frame, percent=["share_negative"], missing="no words in this voice")
    markup = view._repr_html_()
    assert "<th>Article</th>" in markup.replace(" >", ">") and "per_1000_words" not in markup
    assert "1.23" in markup and "1.23456" not in markup and "1,234" in markup and "50%" in markup
    assert "NaN" not in markup and "nan" not in markup and "&lt;NA&gt;" not in markup
    assert "–: no words in this voice." in markup
    assert 'class="row_heading' not in markup and "index" not in markup


def test_long_tables_show_the_first_rows_sorted_and_fold_or_point_to_the_export():
    frame = pd.DataFrame({"form": [f"f{i}" for i in range(40)], "n": range(40)})
    view = mc.table(frame, sort="n", max_rows=5, what="forms")
    assert view.data["Times"].tolist() == ["39", "38", "37", "36", "35"]
    assert "<details" in view._repr_html_() and "All 40 forms" in view._repr_html_()
    big = mc.table(pd.DataFrame({"n": range(500)}), max_rows=5)
    assert "<details" not in big._repr_html_() and "mediacompare export" in big._repr_html_()


def test_table_cells_are_escaped():
    view = mc.table(pd.DataFrame({"<b>col</b>": ["<script>alert(1)</script>"]}))
    markup = view._repr_html_()
    assert "<script>" not in markup and "&lt;script&gt;" in markup and "<b>col" not in markup


@pytest.mark.parametrize("events, expected", [
    ([None, None, None], "No article has an event recorded"),
    (["e1", "e2", "e3"], "No two articles report the same event"),
    (["e1", "e1", "e1"], "All 3 articles report the same event (e1)."),
    (["e1", "e1", None], "Only 2 articles report the same event (e1); 1 article has no event"),
])
def test_corpus_facts_are_computed_for_any_corpus(events, expected):
    arts = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["X", "Y", "Z"],
                         "event_id": events, "text": "Words."})
    facts = str(mc.corpus_facts(arts))
    assert facts.startswith("3 articles from 3 outlets.")
    assert expected in facts
    assert "one article per outlet" in facts


def test_a_note_is_prose_not_print_output():
    note = mc.note("Two <b>articles</b> share an event.")
    assert note._repr_html_() == ('<p class="mc-prose mc-prose-note">Two &lt;b&gt;articles'
                                  '&lt;/b&gt; share an event.</p>')
