"""The trained statement matcher: the pinned model file, and logits that tell statements apart."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from newsdiff.textcore.match import trained_weights
from newsdiff.textcore.match.cross_encoder import MODEL_FILE, CrossEncoder, get_cross_encoder
from newsdiff.textcore.match.embed import EmbedderUnavailable, sha256_of

SAME = (
    "Riva had not yet regained consciousness and was on a ventilator.",
    "Riva had yet to regain consciousness Wednesday and was on a ventilator.",
)
TOPIC_ONLY = (
    "Riva had not yet regained consciousness and was on a ventilator.",
    "The gunman was arrested on Interstate 75 a few hours after the shooting.",
)
PARAPHRASE = (
    "The private military company took delivery of the arms shipment.",
    "North Korea has delivered rockets and missiles to the Russian private military company.",
)


@pytest.fixture(scope="module")
def model() -> CrossEncoder:
    return get_cross_encoder()


def test_the_shipped_model_is_the_pinned_int8_file_under_30_mb() -> None:
    assert sha256_of(MODEL_FILE) == trained_weights.MODEL_SHA256
    assert MODEL_FILE.stat().st_size <= 30 * 1024 * 1024


def test_a_model_file_that_is_not_the_pinned_one_is_refused(tmp_path: Path) -> None:
    copy = tmp_path / "matcher.onnx"
    shutil.copyfile(MODEL_FILE, copy)
    with copy.open("ab") as handle:
        handle.write(b"\0")
    with pytest.raises(EmbedderUnavailable, match="sha256"):
        CrossEncoder(copy)
    with pytest.raises(EmbedderUnavailable, match="not found"):
        CrossEncoder(tmp_path / "missing.onnx")


def test_the_same_statement_scores_above_a_claim_of_the_same_story(model: CrossEncoder) -> None:
    same, topic, paraphrase = model.logits([SAME, TOPIC_ONLY, PARAPHRASE])
    assert same > 0 > topic
    assert paraphrase > topic


def test_logits_barely_depend_on_the_batch_and_repeats_run_once() -> None:
    # dynamic int8 quantization scales activations per batch: a pair's logit moves by a few
    # hundredths with its batch mates, and is exactly the same for the same batch
    pairs = [SAME, TOPIC_ONLY, PARAPHRASE, SAME]
    together = CrossEncoder().logits(pairs)
    alone = np.array([CrossEncoder().logits([pair])[0] for pair in pairs])  # no cache shared
    np.testing.assert_allclose(together, alone, atol=0.15)
    np.testing.assert_array_equal(together, CrossEncoder().logits(pairs))
    assert together[0] == together[3]
    assert CrossEncoder().logits([]).shape == (0,)


def test_padding_a_short_pair_to_a_long_one_does_not_change_what_it_reads() -> None:
    # a batch is padded to its longest pair; the padding mask keeps the short pair's tokens
    # from attending to the padding (the fused attention reads it as its key padding mask)
    long_pair = (" ".join([SAME[0]] * 6), " ".join([TOPIC_ONLY[1]] * 6))
    short = [SAME, TOPIC_ONLY, PARAPHRASE]
    padded = CrossEncoder().logits([*short, long_pair])[:3]
    alone = np.array([CrossEncoder().logits([pair])[0] for pair in short])
    np.testing.assert_allclose(padded, alone, atol=0.15)


def test_the_shipped_model_runs_each_layers_attention_as_one_operator() -> None:
    # training/fuse_attention.py: six MultiHeadAttention nodes (op type and node name), and
    # none of the exported graph's per-layer NaN guards
    graph = MODEL_FILE.read_bytes()
    assert graph.count(b"MultiHeadAttention") == 12
    assert b"IsNaN" not in graph


def test_the_session_draws_on_the_embedders_arena(model: CrossEncoder) -> None:
    # without an arena, glibc kept the freed tensors of each batch shape (ECB+ 200: +390 MB)
    options = model._session.get_session_options()
    assert options.get_session_config_entry("session.use_env_allocators") == "1"
    assert options.enable_cpu_mem_arena
    assert options.get_session_config_entry("session.intra_op.allow_spinning") == "0"
    assert options.intra_op_num_threads == 2  # one batch at a time (its batches are long)


def test_a_long_pair_is_truncated_not_refused(model: CrossEncoder) -> None:
    long = " ".join(["The council met again on Monday."] * 200)
    assert np.isfinite(model.logits([(long, long)])).all()


def test_a_text_pair_read_again_comes_from_the_cache(model: CrossEncoder) -> None:
    pair = ("The judge ordered him held without bond.", "He is held without bail.")
    first = model.logits([pair])
    assert pair in model._cache
    assert model.logits([pair, pair]).tolist() == [first[0], first[0]]
