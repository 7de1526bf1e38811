"""Set comparisons for all pairs at once: each side becomes a 0/1 incidence matrix (groups x items)
and the shared counts of all pairs are one matrix product. Used by ``engine.score_matrix``."""

from collections.abc import Sequence, Sized
from itertools import chain
from typing import Any, NamedTuple

import numpy as np
from scipy import sparse

_DENSE_WORK = 20_000_000_000  # n * m * vocabulary up to which a dense BLAS product is used...
_DENSE_CELLS = 50_000_000  # ...if both 0/1 matrices together have at most this many cells


class Incidence(NamedTuple):
    """A 0/1 matrix of ``count`` groups by items, given by the (row, column) of each 1."""

    count: int
    rows: np.ndarray
    cols: np.ndarray


def product(left: Incidence, right: Incidence, width: int) -> np.ndarray:
    """``out[i, j]`` = the number of items (columns ``0..width-1``) that rows ``i`` of ``left`` and
    ``j`` of ``right`` both have: dense float32 BLAS while small enough (exact: the counts stay far
    below 2**24), sparse beyond."""
    n, m = left.count, right.count
    dense = n * m * width <= _DENSE_WORK and (n + m) * width <= _DENSE_CELLS

    def matrix(side: Incidence) -> Any:
        if dense:
            out = np.zeros((side.count, width), dtype=np.float32)
            out[side.rows, side.cols] = 1.0
            return out
        ones = np.ones(len(side.cols), dtype=np.float32)
        return sparse.csr_matrix((ones, (side.rows, side.cols)), shape=(side.count, width))

    shared = matrix(left) @ matrix(right).T
    return (shared if dense else shared.toarray()).astype(np.float64)


def cross(left: Sequence[frozenset[str]], right: Sequence[frozenset[str]]) -> np.ndarray:
    """``out[i, j] = len(left[i] & right[j])``, counted over the items found on both sides (no
    other item can be shared)."""
    n, m = len(left), len(right)
    common = frozenset().union(*left) & frozenset().union(*right) if n and m else frozenset()
    if not common:
        return np.zeros((n, m))
    index = {item: k for k, item in enumerate(sorted(common))}

    def incidence(sets: Sequence[frozenset[str]]) -> Incidence:
        kept = [s & common for s in sets]
        counts = np.fromiter(map(len, kept), dtype=np.intp, count=len(kept))
        cols = np.fromiter(
            map(index.__getitem__, chain.from_iterable(kept)), dtype=np.intp, count=counts.sum()
        )
        return Incidence(len(kept), np.repeat(np.arange(len(kept)), counts), cols)

    return product(incidence(left), incidence(right), len(index))


def cross_codes(left: Sequence[np.ndarray], right: Sequence[np.ndarray]) -> np.ndarray:
    """Like :func:`cross` for sorted arrays of unique integer codes (text 3-grams)."""
    n, m = len(left), len(right)
    if not n or not m:
        return np.zeros((n, m))
    flat_l, flat_r = np.concatenate(left), np.concatenate(right)
    common = np.intersect1d(flat_l, flat_r)
    if not len(common):
        return np.zeros((n, m))

    def incidence(arrays: Sequence[np.ndarray], flat: np.ndarray) -> Incidence:
        counts = np.fromiter(map(len, arrays), dtype=np.intp, count=len(arrays))
        rows = np.repeat(np.arange(len(arrays)), counts)
        pos = np.minimum(np.searchsorted(common, flat), len(common) - 1)
        found = common[pos] == flat
        return Incidence(len(arrays), rows[found], pos[found])

    return product(incidence(left, flat_l), incidence(right, flat_r), len(common))


def sizes(sets: Sequence[Sized]) -> np.ndarray:
    return np.fromiter((len(s) for s in sets), dtype=np.float64, count=len(sets))


def jaccard(left: Sequence[frozenset[str]], right: Sequence[frozenset[str]]) -> np.ndarray:
    """``|a & b| / |a | b|`` for all pairs, 0 where both sets are empty."""
    inter = cross(left, right)
    union = sizes(left)[:, None] + sizes(right)[None, :]
    union -= inter
    np.maximum(union, 1.0, out=union)  # where the union is empty, so is the intersection
    inter /= union
    return inter


def distance(left: Sequence[frozenset[str]], right: Sequence[frozenset[str]]) -> np.ndarray:
    """``|a ^ b| / |a | b|`` (1 - Jaccard) for all pairs, 0 where both sets are empty."""
    inter = cross(left, right)
    union = sizes(left)[:, None] + sizes(right)[None, :]
    union -= inter
    inter *= -1.0
    inter += union  # the symmetric difference
    np.maximum(union, 1.0, out=union)
    inter /= union
    return inter


def coverage(offers: Sequence[frozenset[str]], seeks: Sequence[frozenset[str]]) -> np.ndarray:
    """``|offers & seeks| / |seeks|`` for all pairs, 0 where nothing is sought."""
    inter = cross(offers, seeks)
    inter /= np.maximum(sizes(seeks), 1.0)[None, :]
    return inter


def prefers(chooser: Sequence[frozenset[str]], regions: Sequence[str]) -> np.ndarray:
    """``out[i, j] = regions[j] in chooser[i]``."""
    index = {r: k for k, r in enumerate(sorted(set(regions)))}
    pref = np.zeros((len(chooser), len(index)), dtype=bool)
    for i, wanted in enumerate(chooser):
        pref[i, [index[r] for r in wanted if r in index]] = True
    return pref[:, [index[r] for r in regions]]
