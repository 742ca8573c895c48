"""Progress bars: shown for long runs, on the terminal's standard error, and switchable."""

from __future__ import annotations

import pandas as pd
import pytest

import mediacompare as mc
from mediacompare import progress as progress_module
from mediacompare.cli import main


@pytest.fixture
def instant(monkeypatch):
    """Bars show at once (no delay), and no setting is left over from elsewhere."""
    monkeypatch.setattr(progress_module, "DELAY", 0)
    monkeypatch.delenv("MEDIACOMPARE_PROGRESS", raising=False)
    mc.set_progress(None)
    yield
    mc.set_progress(None)


def _corpus_frame(n: int) -> pd.DataFrame:
    return pd.DataFrame({"article_id": [f"a{i}" for i in range(n)],
                         "outlet": ["X"] * n,
                         "text": [f"The so-called regime claimed victory number {i}." for i in range(n)]})


def test_a_bar_counts_every_article_on_stderr(instant, capsys):
    corpus = mc.load_corpus(_corpus_frame(7), progress=True)
    spans = mc.label(corpus, progress=True)
    err = capsys.readouterr().err
    assert "loading" in err and "7/7" in err
    assert "labelling" in err
    assert len(spans) and set(spans["article_id"]) == {f"a{i}" for i in range(7)}


@pytest.mark.parametrize("how", ["argument", "session", "environment"])
def test_bars_can_be_turned_off_and_results_do_not_change(instant, capsys, monkeypatch, how):
    with_bar = mc.label(mc.load_corpus(_corpus_frame(5), progress=True), progress=True)
    capsys.readouterr()
    if how == "argument":
        corpus = mc.load_corpus(_corpus_frame(5), progress=False)
        spans = mc.label(corpus, progress=False)
    else:
        if how == "session":
            mc.set_progress(False)
        else:
            monkeypatch.setenv("MEDIACOMPARE_PROGRESS", "0")
        spans = mc.label(mc.load_corpus(_corpus_frame(5)))
    assert capsys.readouterr().err == ""
    pd.testing.assert_frame_equal(spans, with_bar)


def test_the_call_wins_over_the_session_and_the_session_over_the_environment(instant, monkeypatch):
    monkeypatch.setenv("MEDIACOMPARE_PROGRESS", "off")
    assert progress_module.progress_enabled() is False
    mc.set_progress(True)
    assert progress_module.progress_enabled() is True
    assert progress_module.progress_enabled(False) is False
    with pytest.raises(TypeError, match="True, False or None"):
        mc.set_progress("yes")


def test_a_loop_stopped_early_closes_its_bar(instant, capsys):
    for i in progress_module.track(range(100), desc="partial", progress=True):
        if i == 3:
            break
    err = capsys.readouterr().err
    assert "partial" in err and "100/100" not in err


def test_no_progress_on_the_command_line(instant, capsys, tmp_path):
    csv = tmp_path / "a.csv"
    _corpus_frame(4).to_csv(csv, index=False)
    assert main(["--no-progress", "label", str(csv)]) == 0
    err = capsys.readouterr().err
    assert "labelling" not in err
    assert progress_module.progress_enabled() is True  # the setting does not outlive the command
    assert main(["label", str(csv)]) == 0
    assert "labelling" in capsys.readouterr().err


def test_report_kernels_never_show_bars():
    from mediacompare.report.execute import kernel_env

    assert kernel_env()["MEDIACOMPARE_PROGRESS"] == "0"
    assert kernel_env()["MEDIACOMPARE_STATIC"] == "1"
