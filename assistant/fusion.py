"""Pure ranking functions over (id, score) lists: reciprocal rank fusion and score boosts; and the
query vector moved by pseudo-relevance feedback."""

from __future__ import annotations

from collections.abc import Hashable, Sequence

import numpy as np


def rrf(rankings: Sequence[Sequence[Hashable]], k: int = 60,
        weights: Sequence[float] | None = None) -> list[tuple[Hashable, float]]:
    """Weighted reciprocal rank fusion: score(id) = Σ w_i / (k + rank_i(id)), ranks from 1.

    Ties are broken by first appearance (the earlier ranking, then the better rank).
    """
    weights = list(weights) if weights is not None else [1.0] * len(rankings)
    if len(weights) != len(rankings):
        raise ValueError("weights and rankings must have the same length")
    scores: dict[Hashable, float] = {}
    order: dict[Hashable, int] = {}
    for weight, ranking in zip(weights, rankings):
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + weight / (k + rank)
            order.setdefault(item, len(order))
    return sorted(scores.items(), key=lambda kv: (-kv[1], order[kv[0]]))


def ranks(ranking: Sequence[Hashable]) -> dict[Hashable, int]:
    """{id: 1-based rank}."""
    return {item: i for i, item in enumerate(ranking, start=1)}


def boost(scored: Sequence[tuple[Hashable, float]], factors: dict[Hashable, float]) -> list[tuple[Hashable, float]]:
    """Multiply some scores (missing ids keep theirs) and re-sort, stable for ties."""
    boosted = [(item, score * factors.get(item, 1.0)) for item, score in scored]
    return sorted(boosted, key=lambda kv: -kv[1])


def with_neighbours(scored: Sequence[tuple[Hashable, float]], neighbours: dict[Hashable, Sequence[Hashable]],
                    weight: float) -> list[tuple[Hashable, float]]:
    """Each score plus ``weight`` times its best-scored neighbour's (a passage next to a strong one is
    likelier to hold the answer than its own words show), re-sorted, stable for ties."""
    score = dict(scored)
    out = [(item, s + weight * max((score.get(n, 0.0) for n in neighbours.get(item, ())), default=0.0))
           for item, s in scored]
    return sorted(out, key=lambda kv: -kv[1])


def rocchio(query: np.ndarray, feedback: np.ndarray, beta: float) -> np.ndarray:
    """Pseudo-relevance feedback: the unit vector of the query plus ``beta`` times the mean of the
    feedback vectors (the best passages of a first ranking), so a second dense search also finds
    passages worded like the answer rather than like the question."""
    moved = np.asarray(query, dtype=np.float32) + beta * np.asarray(feedback, dtype=np.float32).mean(axis=0)
    return moved / (np.linalg.norm(moved) or 1.0)
