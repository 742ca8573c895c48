"""Load any corpus into an articles table with a load report, and clean it auditably."""

from .build import normalize_date
from .clean import clean_text, load_rules
from .load import MAX_BYTES, load_corpus
from .model import Corpus

__all__ = ["MAX_BYTES", "Corpus", "clean_text", "load_corpus", "load_rules", "normalize_date"]
