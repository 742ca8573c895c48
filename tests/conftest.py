"""Shared pytest configuration, and the real reports several test files inspect.

Building a report executes every notebook (exercises twice: student and
teacher version), so each report is built once per test session:
``seed_report`` on the bundled seeds, ``hostile_report`` on a user's CSV whose
text carries script and event-handler payloads, and ``other_reports`` on two
corpora written for the tests (``tests/fixtures/corpora``): ``harbour``, a
folder with a manifest, events and outlets on another story (an outlet named
"The $_$ Times", a title with "US$ 5% and C$ 6%", agency copy carried by another
site, an undated article with no event), and ``schools``, a CSV with mapped
columns and no dates or events at all.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

#: Payloads a hostile (or careless) article can carry. Each would run script if
#: rendered as markup: a script element, an image with an error handler, a
#: ``javascript:`` link, and quotes that break out of an HTML attribute.
HOSTILE = (
    '<script>alert("xss-script")</script>',
    '<img src=x onerror=alert("xss-img")>',
    '<a href="javascript:alert(\'xss-link\')">click me</a>',
    '" onmouseover="alert(\'xss-attr\')" data-x="',
    "' onfocus='alert(1)' autofocus '",
)


FIXTURE_CORPORA = Path(__file__).parent / "fixtures" / "corpora"
#: The command-line options of each fixture corpus.
OTHER_CORPORA = {
    "harbour": [str(FIXTURE_CORPORA / "harbour")],
    "schools": [str(FIXTURE_CORPORA / "schools.csv"), "--text-col", "body", "--outlet-col",
                "source", "--id-col", "id", "--title-col", "headline"],
}


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "notebooks: executes the real notebooks (builds the report from notebooks/ and the seeds)",
    )
    config.addinivalue_line(
        "markers",
        "browser: opens the built report in headless Chromium (Debian's chromium, Playwright)",
    )


@pytest.fixture(scope="session")
def seed_report(tmp_path_factory):
    """The report of the real notebooks on the bundled seeds, both versions, built once."""
    from mediacompare._paths import bundled
    from mediacompare.errors import SourceNotFoundError
    from mediacompare.report import build_report

    try:
        folder = bundled("notebooks")
    except SourceNotFoundError as exc:
        pytest.fail(f"the notebooks folder is missing, so no notebook is tested: {exc}")
    if not sorted(folder.glob("*.ipynb")):
        pytest.fail(f"no notebook (*.ipynb) in {folder}: the report test executes every "
                    "notebook, so the notebooks folder must not be empty")
    return build_report(tmp_path_factory.mktemp("real") / "report")


@pytest.fixture(scope="session")
def hostile_report(tmp_path_factory) -> tuple[int, Path]:
    """``mediacompare report`` on a user's CSV (mapped columns) full of payloads.

    Returns the exit code and the report folder.
    """
    from mediacompare.cli import main

    root = tmp_path_factory.mktemp("user")
    csv = root / "articles.csv"
    payload = " ".join(HOSTILE)
    pd.DataFrame({
        "id": ["a1", "a2", "a3"],
        "source": ["Daily Example", "Other Times", f"Evil Outlet {HOSTILE[1]}"],
        "headline": [f"Troops leave {HOSTILE[2]}", f"Troops stay {HOSTILE[0]}",
                     f"Quote {HOSTILE[3]}"],
        "body": [f"Troops left the base on Monday, the so-called victory. {payload}",
                 "Officials said the troops will stay.\n\nAdvertisement",
                 f'The ruthless regime "claimed" a win. {HOSTILE[2]}\n\nHe said: "{HOSTILE[4]}"'],
    }).to_csv(csv, index=False)
    out = root / "site"
    code = main(["report", "--corpus", str(csv), "--text-col", "body", "--outlet-col", "source",
                 "--id-col", "id", "--title-col", "headline", "--out", str(out)])
    return code, out


@pytest.fixture(scope="session")
def other_reports(tmp_path_factory) -> dict[str, tuple[int, Path]]:
    """``mediacompare report`` on each corpus of :data:`OTHER_CORPORA`: exit code and folder."""
    from mediacompare.cli import main

    root = tmp_path_factory.mktemp("other")
    built = {}
    for name, options in OTHER_CORPORA.items():
        out = root / name
        code = main(["--no-progress", "report", "--corpus", *options, "--out", str(out)])
        built[name] = (code, out)
    return built
