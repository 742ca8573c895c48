"""A new user's corpus through the real notebooks, from the command line: mapped columns
reach the notebooks, and hostile text in articles is shown as text, never run."""

import re

import pandas as pd
import pytest

from mediacompare.cli import main

PAYLOAD = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture(scope="module")
def user_report(tmp_path_factory):
    root = tmp_path_factory.mktemp("user")
    csv = root / "articles.csv"
    pd.DataFrame({
        "id": ["a1", "a2"], "source": ["Daily Example", "Other Times"],
        "headline": ["Troops leave", f"Troops stay {PAYLOAD}"],
        "body": [f"Troops left the base on Monday. {PAYLOAD}",
                 "Officials said the troops will stay.\n\nAdvertisement"],
    }).to_csv(csv, index=False)
    out = root / "site"
    code = main(["report", "--corpus", str(csv), "--text-col", "body", "--outlet-col", "source",
                 "--id-col", "id", "--title-col", "headline", "--out", str(out)])
    return code, out


@pytest.mark.notebooks
def test_report_on_a_user_csv_runs_every_notebook(user_report):
    code, out = user_report
    assert code == 0
    page = (out / "01-corpus-overview.html").read_text(encoding="utf-8")
    assert "Daily Example" in page and "Other Times" in page  # the mapped outlet column arrived
    assert "Advertisement" in page  # ...and the cleaning audit shows what was removed


@pytest.mark.notebooks
def test_hostile_article_text_is_escaped_everywhere(user_report):
    _, out = user_report
    for page in out.glob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert '<script>alert("x")' not in html, page.name
        assert not re.search(r"<img[^>]*onerror", html), page.name


def test_bad_corpus_fails_before_any_notebook_runs(tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text('id,text\n1,"never closed\n', encoding="utf-8")
    out = tmp_path / "site"
    assert main(["report", "--corpus", str(bad), "--out", str(out)]) == 3
    err = capsys.readouterr().err
    assert str(bad) in err and "line 2" in err
    assert not out.exists()
