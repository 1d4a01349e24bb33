"""Claims: an article's body split into sentences, and sentences into statements, quotes and
figures, each with who the article says said it.

`split_sentences` (syntok, with offsets) and `extract_claims` (the claims of a cleaned body).
"""

from newsdiff.textcore.claims.extract import extract_claims
from newsdiff.textcore.claims.segment import split_sentences

__all__ = ["extract_claims", "split_sentences"]
