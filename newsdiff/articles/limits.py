"""Every limit on input and every accepted file suffix, in one place.

Used by the upload form, the file reader (`inputs`), ingest, and settings (which let the byte
limits be changed per deployment). Plain constants: settings imports this before Django is up.
"""

from __future__ import annotations

# Accepted file suffixes: the ingest command reads all of them, the upload form the articles
# (an upload is one article per file, so no .jsonl).
TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
UPLOAD_SUFFIXES = (".txt", ".text", ".html", ".htm")

# Bytes: the largest article file an editor may upload, and the largest file (or JSON line) the
# ingest command accepts. Defaults of settings.NEWSDIFF_MAX_UPLOAD_BYTES / _INGEST_BYTES.
MAX_UPLOAD_BYTES = 2 * 1024 * 1024
MAX_INGEST_BYTES = 5 * 1024 * 1024
DEFAULT_MAX_BYTES = MAX_INGEST_BYTES
# Files chosen in one upload.
MAX_FILES = 20

# Shape limits: far beyond any real article, they keep cleaning and claims fast on junk.
# Words count as runs of letters and digits and single punctuation marks ("a,a" is three).
MAX_LINES = 5_000
MAX_LINE_CHARS = 100_000
MAX_WORD_CHARS = 5_000
MAX_SPACE_RUN = 1_000
MAX_WORDS = 100_000
MAX_HTML_DEPTH = 1_000
MAX_HTML_BLOCKS = 5_000

# Statements in one article: far beyond a long read (~40,000 words); keeps embedding and
# alignment of one upload bounded.
MAX_CLAIMS = 2_000
