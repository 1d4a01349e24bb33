"""The text core's steps in order: the models load together before a story is embedded."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from newsdiff.textcore import pipeline
from newsdiff.textcore.match import cross_encoder, embed
from newsdiff.textcore.types import Claim

LOADS = """
from newsdiff.textcore import pipeline
from newsdiff.textcore.match import cross_encoder, embed
assert embed._instance is None and cross_encoder._instance is None
pipeline.load_models()
assert embed._instance is not None and cross_encoder._instance is not None
first = (embed._instance, cross_encoder._instance)
pipeline.load_models()
assert (embed._instance, cross_encoder._instance) == first
print("loaded")
"""


def test_load_models_loads_the_embedder_and_the_matcher_once() -> None:
    # a fresh process: this one has loaded both models for other tests
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", LOADS], capture_output=True, text=True, timeout=60, cwd=root
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "loaded"


def test_embed_claims_leaves_both_models_loaded() -> None:
    vectors = pipeline.embed_claims([Claim(text="The gunman was arrested.", start=0, end=24)])
    assert vectors.shape == (1, embed.DIMENSION)
    assert embed._instance is not None
    assert cross_encoder._instance is not None
