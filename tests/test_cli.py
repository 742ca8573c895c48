"""The command line as a user meets it: usage errors name the command and show its usage,
output paths of the wrong kind are clear errors (never a traceback), exit codes are the
documented ones, ``--version`` needs no analysis library, and CSV exports cannot run as
spreadsheet formulas."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import mediacompare.cli as cli
from mediacompare.cli import main

ROOT = Path(__file__).resolve().parents[1]
SCHOOLS = ROOT / "tests" / "fixtures" / "corpora" / "schools.csv"
MAPPING = ["--text-col", "body", "--outlet-col", "source", "--id-col", "id", "--title-col",
           "headline"]


@pytest.mark.parametrize("command", ["corpus", "label", "report"])
def test_a_wrong_option_shows_that_commands_usage(command, capsys):
    with pytest.raises(SystemExit) as info:
        main([command, "--bogus-option"])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(f"usage: mediacompare {command} "), err
    assert "unrecognized arguments: --bogus-option" in err


def test_export_onto_an_existing_file_is_a_usage_error_not_a_traceback(tmp_path, capsys):
    target = tmp_path / "tables.csv"
    target.write_text("keep me", encoding="utf-8")
    assert main(["export", "--out", str(target)]) == 2
    err = capsys.readouterr().err
    assert "usage: mediacompare export" in err and "is a file" in err and str(target) in err
    assert "Traceback" not in err
    assert target.read_text(encoding="utf-8") == "keep me"


def test_label_out_into_a_missing_folder_is_refused_not_created(tmp_path, capsys):
    target = tmp_path / "no" / "such" / "spans.csv"
    assert main(["label", "--out", str(target)]) == 2
    err = capsys.readouterr().err
    assert "does not exist" in err and str(tmp_path / "no" / "such") in err
    assert not (tmp_path / "no").exists()


def test_label_out_onto_a_folder_is_refused(tmp_path, capsys):
    assert main(["label", "--out", str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err


@pytest.mark.parametrize("option", [["--jobs", "0"], ["--timeout", "0"]])
def test_report_options_out_of_range_are_usage_errors(option, tmp_path, capsys):
    assert main(["report", "--out", str(tmp_path / "r"), *option]) == 2
    assert "usage: mediacompare report" in capsys.readouterr().err
    assert not (tmp_path / "r").exists()


def test_an_internal_error_is_one_line_and_exit_4(monkeypatch, capsys):
    def broken(args):
        raise RuntimeError("something the code did not expect")

    monkeypatch.setattr(cli, "cmd_corpus", broken)
    monkeypatch.delenv("MEDIACOMPARE_DEBUG", raising=False)
    assert main(["corpus"]) == 4
    err = capsys.readouterr().err
    assert "internal error: RuntimeError: something the code did not expect" in err
    assert "Traceback" not in err and "MEDIACOMPARE_DEBUG=1" in err


def test_exit_codes_are_in_the_help(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for code in ("0 ok", "1 a report notebook failed", "2 wrong usage", "3 bad input",
                 "4 internal error", "130 interrupted", "143 terminated"):
        assert code in " ".join(out.split()), code


def test_version_imports_no_analysis_library():
    """``mediacompare --version`` reads the version from the package metadata: the command
    module imports nothing heavy (checked with the package's own __init__ bypassed, so only
    the command line's imports count)."""
    code = f"""
import sys, types
package = types.ModuleType("mediacompare")
package.__path__ = [{str(ROOT / "mediacompare")!r}]
sys.modules["mediacompare"] = package
from mediacompare.cli import main
try:
    main(["--version"])
except SystemExit as exc:
    code = exc.code
heavy = sorted(m for m in ("pandas", "numpy", "matplotlib", "sklearn", "nbconvert", "nbclient",
                           "vaderSentiment", "textstat", "mediacompare.report")
               if m in sys.modules)
print("RESULT", code, heavy)
"""
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert "mediacompare " in run.stdout, run.stderr
    assert "RESULT 0 []" in run.stdout, run.stdout + run.stderr


def _rows(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_export_escapes_cells_a_spreadsheet_would_run_as_formulas(tmp_path, capsys):
    """OWASP CSV injection: a text cell starting with =, +, -, @ (or tab, CR) gets a leading
    apostrophe; numbers stay numbers."""
    out = tmp_path / "out"
    assert main(["export", str(SCHOOLS), *MAPPING, "--out", str(out)]) == 0
    articles = {row["article_id"]: row for row in _rows(out / "articles.csv")}
    title = articles["s5"]["title"]
    assert title.startswith("'=HYPERLINK(") and title[1:] == pd.read_csv(SCHOOLS)["headline"][4]
    sentences = [row["text"] for row in _rows(out / "sentences.csv")]
    assert "'+1 for ambition: a pilot in three schools gives every pupil a laptop." in sentences
    assert any(s.startswith("'-2 points for cost") for s in sentences)
    assert any(s.startswith("'@county_ed said") for s in sentences)
    for name in ("articles.csv", "sentences.csv", "tokens.csv", "spans.csv", "mentions.csv"):
        for row in _rows(out / name):
            for column, value in row.items():
                if value[:1] in ("=", "+", "@", "\t", "\r"):
                    pytest.fail(f"{name}, column {column}: {value!r} would run as a formula")
                if value[:1] == "-":  # only a number may start with a minus sign
                    float(value)
    tokens = pd.read_csv(out / "tokens.csv")
    assert pd.api.types.is_integer_dtype(tokens["start"])  # numbers are not escaped


def test_label_out_escapes_formulas_too(tmp_path):
    lexicon = tmp_path / "mine.csv"
    lexicon.write_text("term,category,neutral_alternative,note,source,forms,confidence,case,"
                       "unless_next,unless_previous\nfor ambition,emotive,=1+1,-a note,@src,,high,,,\n",
                       encoding="utf-8")
    target = tmp_path / "spans.csv"
    assert main(["label", str(SCHOOLS), *MAPPING, "--lexicon", str(lexicon), "--out",
                 str(target)]) == 0
    (row,) = _rows(target)
    assert row["neutral_alternative"] == "'=1+1" and row["note"] == "'-a note"
    assert row["source"] == "'@src"
