"""Optimal one-to-one assignment (Hungarian algorithm) for small score matrices.

The coder evaluation aligns predicted and gold codes of one dream; matrices are tiny (tens of
codes), so a dependency-free O(n²·m) implementation is enough at run time (scipy's
``linear_sum_assignment`` gives the same optimum; the tests check that).
"""

from __future__ import annotations

import math
from collections.abc import Sequence


def _min_cost_rows(cost: Sequence[Sequence[float]]) -> list[int]:
    """For ``n <= m`` rows/columns: the column of each row minimising the total cost.

    Potentials-based Hungarian algorithm (Kuhn-Munkres with shortest augmenting paths).
    """
    n, m = len(cost), len(cost[0])
    u, v = [0.0] * (n + 1), [0.0] * (m + 1)
    owner = [0] * (m + 1)  # owner[j]: row (1-based) assigned to column j; 0 = free
    way = [0] * (m + 1)
    for row in range(1, n + 1):
        owner[0], col0 = row, 0
        minv, used = [math.inf] * (m + 1), [False] * (m + 1)
        while owner[col0]:
            used[col0] = True
            r, delta, col1 = owner[col0], math.inf, 0
            for j in range(1, m + 1):
                if used[j]:
                    continue
                reduced = cost[r - 1][j - 1] - u[r] - v[j]
                if reduced < minv[j]:
                    minv[j], way[j] = reduced, col0
                if minv[j] < delta:
                    delta, col1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            col0 = col1
        while col0:
            prev = way[col0]
            owner[col0] = owner[prev]
            col0 = prev
    columns = [0] * n
    for j in range(1, m + 1):
        if owner[j]:
            columns[owner[j] - 1] = j - 1
    return columns


def max_score_assignment(score: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """Pairs ``(row, column)`` maximising the summed score; ``min(rows, columns)`` pairs.

    >>> max_score_assignment([[1, 0], [1, 1]])
    [(0, 0), (1, 1)]
    """
    if not score or not score[0]:
        return []
    rows, cols = len(score), len(score[0])
    if rows <= cols:
        picked = _min_cost_rows([[-s for s in line] for line in score])
        return list(enumerate(picked))
    transposed = [[-score[i][j] for i in range(rows)] for j in range(cols)]
    picked = _min_cost_rows(transposed)
    return sorted((i, j) for j, i in enumerate(picked))
