"""Claims: an article's body split into sentences, and sentences into statements, quotes and
figures, each with who the article says said it.

`split_sentences` (syntok, with offsets) and `extract_claims` (the claims of a cleaned body);
a "sentence" longer than `MAX_SENTENCE_CHARS` is no claim.
"""

from newsdiff.textcore.claims.extract import MAX_SENTENCE_CHARS, extract_claims
from newsdiff.textcore.claims.segment import split_sentences

__all__ = ["MAX_SENTENCE_CHARS", "extract_claims", "split_sentences"]
