"""The report on corpora other than the seeds: every notebook runs, and no page says anything
that is only true of the five seed articles.

The two corpora (``tests/fixtures/corpora``, see ``conftest``) were written for these tests
on other stories: ``harbour`` (a folder with a manifest, events and outlets, an outlet named
"The $_$ Times", agency copy carried by another site, an undated article with no event) and
``schools`` (a CSV with mapped columns, no dates, no events, an outlet with few words).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

pytestmark = pytest.mark.notebooks

#: Claims true only of the seed articles: their outlets, their events, their counts.
SEED_CLAIMS = ("Breitbart", "Press TV", "Fort Russ", "Al Arabiya", "TheJournal", "AFP",
               "Khmeimim", "Lavrentiev", "Astana", "Five articles", "five articles",
               "four events", "four years", "2016, 2017", "the seed articles", "With the seeds",
               "with the seeds")


class _Text(HTMLParser):
    """The text a reader sees (not scripts, styles or attribute values)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("style", "script") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def visible_text(path: Path) -> str:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return " ".join(" ".join(parser.parts).split())


@pytest.mark.parametrize("name", ["harbour", "schools"])
def test_every_notebook_runs_on_another_corpus(other_reports, name):
    code, out = other_reports[name]
    assert code == 0, f"a notebook failed on the {name} corpus; see {out}/index.html"
    pages = sorted(out.rglob("*.html"))
    assert len(pages) == 1 + 2 * 11
    for path in pages:  # no warning or error text printed into a page
        assert "application/vnd.jupyter.stderr" not in path.read_text(encoding="utf-8"), path


@pytest.mark.parametrize("name", ["harbour", "schools"])
def test_no_page_says_what_is_true_only_of_the_seeds(other_reports, name):
    _, out = other_reports[name]
    found = {}
    for path in sorted(out.rglob("*.html")):
        text = visible_text(path)
        hits = [claim for claim in SEED_CLAIMS if claim in text]
        if hits:
            found[str(path.relative_to(out))] = hits
    assert found == {}


def test_the_corpus_is_described_from_its_own_data(other_reports):
    _, harbour = other_reports["harbour"]
    index = visible_text(harbour / "index.html")
    assert "8 articles from 5 outlets, dated 2024-02-11 to 2024-04-20 (1 undated)" in index
    assert "Valley Post carried Northern Wire" in index
    assert "2024-02-10-storm-surge: 4" in index
    _, schools = other_reports["schools"]
    page = visible_text(schools / "student" / "01-corpus-overview.html")
    assert "6 articles from 4 outlets" in page and "No article has an event recorded" in page


def test_rates_on_few_words_are_flagged_on_another_corpus(other_reports):
    _, schools = other_reports["schools"]
    text = visible_text(schools / "student" / "02-loaded-language.html")
    assert re.search(r"\*: a rate on fewer than 200 words \(.*Parents' Forum: \d+", text)


def test_a_dollar_in_an_outlet_name_is_text_in_every_chart(other_reports):
    _, harbour = other_reports["harbour"]
    for path in sorted((harbour / "student").glob("0[1-6]-*.html")):
        text = path.read_text(encoding="utf-8")
        assert "could not be made" not in text, path.name
    assert "The $_$ Times" in visible_text(harbour / "student" / "01-corpus-overview.html")
    assert "US$ 5% and C$ 6%" in visible_text(harbour / "student" / "02-loaded-language.html")


def test_the_handouts_of_another_corpus_are_worksheets(other_reports):
    _, harbour = other_reports["harbour"]
    for number in ("07", "08", "09", "10", "11"):
        (page,) = (harbour / "student").glob(f"{number}-*.html")
        html = page.read_text(encoding="utf-8")
        assert 'class="mc-ws"' in html, page.name
        assert "my_" not in visible_text(page) and "mc.check" not in html, page.name


def test_a_corpus_without_events_gets_a_same_event_comparison_that_says_why(other_reports):
    """Issue 16, done when: a corpus with no event column (``schools``: no event, no date) gets
    a same-event comparison in the report that names the event and why the pair was chosen."""
    _, schools = other_reports["schools"]
    page = visible_text(schools / "student" / "05-vocabulary-and-omissions.html")
    why = re.search(r"Why these two articles: Articles (s\d) \(([^)]+)\) and (s\d) \(([^)]+)\) "
                    r"report the same event, found by mediacompare from their words alone .*?: "
                    r"event (undated-\S+), .*? Chosen as (.*?) \(similarity", page)
    assert why, page
    assert {why.group(1), why.group(3)} == {"s1", "s2"}  # the two reports of the budget vote
    assert why.group(6) == ("the only pair of articles of one event from two outlets that are "
                            "not near copies")
    assert "The event (found by mediacompare, not given)" in page and "Event unknown" not in page
    assert "found" in page and why.group(5) in page.split("Which articles report the same event?")[2]
    # no date: no timeline (it would have no marker), but the facts of the event are compared
    assert "No event of this corpus has dated articles from more than one outlet" in page
    html = (schools / "student" / "05-vocabulary-and-omissions.html").read_text(encoding="utf-8")
    assert f"Dot chart of which outlet carries which fact of event {why.group(5)}" in html
    assert "Timeline of who covered" not in html
    pair = f"Articles {why.group(1)} ({why.group(2)}) and {why.group(3)} ({why.group(4)}) report " \
           "the same event, found by mediacompare"
    # the loaded-language page sets the same two side by side; exercise 10 compares them too
    assert pair in visible_text(schools / "student" / "02-loaded-language.html")
    teacher = visible_text(schools / "teacher" / "10-exercise-what-is-missing.html")
    assert pair in teacher and "NOT the same event" not in teacher
    assert "Event unknown" not in teacher
