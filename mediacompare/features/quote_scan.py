"""The quote-mark scan (it lives in the analysed-document layer, :mod:`mediacompare.document.quote_scan`)."""

from ..document.quote_scan import MAX_NESTING, _paragraphs, _Raw, scan

__all__ = ["MAX_NESTING", "scan"]
_ = (_paragraphs, _Raw)
