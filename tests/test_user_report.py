"""A new user's corpus through the real notebooks, from the command line: mapped columns
reach the notebooks, and hostile text in articles is shown as text, never run."""

from html.parser import HTMLParser

import pytest

from mediacompare.cli import main

from conftest import HOSTILE


@pytest.fixture(scope="module")
def user_report(hostile_report):
    return hostile_report


@pytest.mark.notebooks
def test_report_on_a_user_csv_runs_every_notebook(user_report):
    code, out = user_report
    assert code == 0
    page = (out / "student" / "01-corpus-overview.html").read_text(encoding="utf-8")
    assert "Daily Example" in page and "Other Times" in page  # the mapped outlet column arrived
    assert "Advertisement" in page  # ...and the cleaning audit shows what was removed


@pytest.mark.notebooks
def test_hostile_article_text_is_escaped_everywhere(user_report):
    _, out = user_report
    pages = sorted(out.rglob("*.html"))
    assert len(pages) > 2
    for page in pages:
        html = page.read_text(encoding="utf-8")
        for payload in HOSTILE:  # (quotes alone are harmless in text; the checks below cover
            if "<" in payload:   # attributes)
                assert payload not in html, (page.name, payload)
        assert _live_attributes(html) == [], page.name


class _Attributes(HTMLParser):
    """Every event-handler attribute and javascript: link of a page, as the browser parses
    it (text inside an attribute value, such as an escaped payload in an image's alt, is
    not an attribute)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.live: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.lower().startswith("on"):
                self.live.append(f"<{tag} {name}>")
            if name.lower() in ("href", "src", "action") and (value or "").strip().lower() \
                    .startswith("javascript:"):
                self.live.append(f"<{tag} {name}={value}>")

    handle_startendtag = handle_starttag


def _live_attributes(html: str) -> list[str]:
    parser = _Attributes()
    parser.feed(html)
    parser.close()
    return parser.live


def test_bad_corpus_fails_before_any_notebook_runs(tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text('id,text\n1,"never closed\n', encoding="utf-8")
    out = tmp_path / "site"
    assert main(["report", "--corpus", str(bad), "--out", str(out)]) == 3
    err = capsys.readouterr().err
    assert str(bad) in err and "line 2" in err
    assert not out.exists()
