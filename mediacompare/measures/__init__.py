"""Measures of the text: sentiment, readability, vocabulary, alignment and wire copy."""
