"""The articles table that every feature reads (see :mod:`mediacompare.document.articles`)."""

from ..document.articles import articles_of

__all__ = ["articles_of"]
