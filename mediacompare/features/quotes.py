"""Quotations (the finder lives in the analysed-document layer, :mod:`mediacompare.document.quotes`)."""

from ..document.quotes import MARK_KINDS, MAX_NESTING, Quote, QuoteIndex, find_quotes, quote_frame

__all__ = ["MARK_KINDS", "MAX_NESTING", "Quote", "QuoteIndex", "find_quotes", "quote_frame"]
