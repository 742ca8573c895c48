"""The static HTML report: the notebooks executed on a corpus, plus an index.

Usage (it runs every notebook, so it is not a doctest)::

    from mediacompare.report import build_report
    result = build_report("report", corpus_source="my_corpus/")
    result.ok, [(p.html, p.status) for p in result.pages]

Every page opens offline: no script, style sheet or image is loaded from the
network (plots are embedded as ``data:`` URIs). Importing this package does not
import nbconvert, nbclient or papermill; :func:`build_report` does.
"""

from __future__ import annotations

from .build import (BuildInterrupted, PageRecord, ReportResult, build_report, default_jobs,
                    find_notebooks, remove_stale)

__all__ = ["BuildInterrupted", "PageRecord", "ReportResult", "build_report", "default_jobs",
           "find_notebooks", "remove_stale"]
