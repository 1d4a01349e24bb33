"""The trained statement matcher: a MiniLM cross-encoder (int8 ONNX) that reads two claims
together and gives one logit, "these state the same thing".

The model file ships in the repo (`models/matcher-int8.onnx`, trained by `make train-matcher`,
model card docs/matcher.md) and is checked when it loads against MODEL_SHA256, pinned in
`trained_weights` with the calibration fitted on its logits. Its tokenizer is
the embedder's (the same all-MiniLM-L6-v2 tokenizer.json, pinned there). Pairs run in batches of
similar length; a pair asked twice runs once, and the logits of the last CACHE_SIZE
text pairs are kept (re-aligning a story reads the same pairs again).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from newsdiff.textcore.match.embed import (
    MODEL_THREADS,
    TOKENIZER_SHA256,
    default_tokenizer_file,
    load_session,
    load_tokenizer,
    verify,
)
from newsdiff.textcore.match.trained_weights import MODEL_SHA256

if TYPE_CHECKING:
    from tokenizers import Encoding

MODEL_FILE = Path(__file__).resolve().parent / "models" / "matcher-int8.onnx"
MAX_TOKENS = 128
BATCH_SIZE = 32
CHUNK_SIZE = 1024  # pairs tokenized at a time (their encodings are held in memory)
CACHE_SIZE = 20_000  # logits of text pairs kept across stories (a re-alignment reads them)


class CrossEncoder:
    """Logits of claim pairs. Thread-safe after construction."""

    def __init__(
        self,
        model_file: Path = MODEL_FILE,
        tokenizer_file: Path | None = None,
        *,
        model_sha256: str = MODEL_SHA256,
        tokenizer_sha256: str = TOKENIZER_SHA256,
    ) -> None:
        verify(model_file, model_sha256, "matcher model")
        tokenizer_file = tokenizer_file or default_tokenizer_file()
        verify(tokenizer_file, tokenizer_sha256, "matcher tokenizer")
        self._tokenizer = load_tokenizer(tokenizer_file, MAX_TOKENS)
        self._session = load_session(model_file, "logits", threads=MODEL_THREADS)
        self._cache: dict[tuple[str, str], float] = {}
        self._cache_lock = threading.Lock()

    def logits(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """One logit per (a, b) pair, in order; batches of BATCH_SIZE pairs of similar length."""
        out = np.zeros(len(pairs), dtype=np.float32)
        if not pairs:
            return out
        with self._cache_lock:
            known = {pair: self._cache[pair] for pair in pairs if pair in self._cache}
        distinct = [pair for pair in dict.fromkeys(pairs) if pair not in known]
        if distinct:
            values = np.concatenate(
                [
                    self._read(distinct[begin : begin + CHUNK_SIZE])
                    for begin in range(0, len(distinct), CHUNK_SIZE)
                ]
            )
            fresh = dict(zip(distinct, values.tolist(), strict=True))
            known.update(fresh)
            with self._cache_lock:
                if len(self._cache) + len(fresh) > CACHE_SIZE:
                    self._cache.clear()
                self._cache.update(fresh)
        out[:] = [known[pair] for pair in pairs]
        return out

    def _read(self, pairs: list[tuple[str, str]]) -> np.ndarray:
        """Logits of up to CHUNK_SIZE pairs, tokenized together, run sorted by length."""
        encodings = self._tokenizer.encode_batch(pairs, add_special_tokens=True)
        order = sorted(range(len(pairs)), key=lambda i: (len(encodings[i].ids), i))
        values = np.zeros(len(pairs), dtype=np.float32)
        for begin in range(0, len(order), BATCH_SIZE):
            rows = order[begin : begin + BATCH_SIZE]
            values[rows] = self._run([encodings[i] for i in rows])
        return values

    def _run(self, batch: list[Encoding]) -> np.ndarray:
        width = max(len(e.ids) for e in batch)
        ids = np.zeros((len(batch), width), dtype=np.int64)
        types = np.zeros_like(ids)
        mask = np.zeros_like(ids)
        for row, encoding in enumerate(batch):
            n = len(encoding.ids)
            ids[row, :n] = encoding.ids
            types[row, :n] = encoding.type_ids
            mask[row, :n] = 1
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
        (logits,) = self._session.run(["logits"], feeds)
        first: np.ndarray = logits[:, 0]
        return first


_lock = threading.Lock()
_instance: CrossEncoder | None = None


def get_cross_encoder() -> CrossEncoder:
    """The process-wide CrossEncoder, loaded on first use."""
    global _instance
    if _instance is None:
        with _lock:
            if _instance is None:
                _instance = CrossEncoder()
    return _instance
