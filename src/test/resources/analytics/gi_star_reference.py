"""Independent reference for GetisOrdTest: Gi* z-scores of a 5 x 5 fixture with numpy.

Queen contiguity is derived here from cell coordinates (Chebyshev distance <= 1, the cell itself
included, binary weights), as a dense n x n matrix, and Gi* is evaluated with the matrix formula of
Ord and Getis (1995), eq. 9 — not with the Java code's neighbour lists.
Run: python3 src/test/resources/analytics/gi_star_reference.py
"""
import numpy as np

values = np.array([
    [0, 1, 0, 2, 0],
    [1, 3, 2, 0, 0],
    [0, 8, 9, 7, 1],
    [0, 6, 10, 5, 0],
    [1, 0, 2, 0, 0],
], dtype=float).ravel()                     # row-major: index = row * 5 + column

coords = np.array([(r, c) for r in range(5) for c in range(5)])
chebyshev = np.abs(coords[:, None, :] - coords[None, :, :]).max(axis=2)
w = (chebyshev <= 1).astype(float)          # includes w_ii = 1 (the "star")

n = values.size
mean = values.mean()
s = np.sqrt((values ** 2).mean() - mean ** 2)
wi = w.sum(axis=1)
s1 = (w ** 2).sum(axis=1)
z = (w @ values - mean * wi) / (s * np.sqrt((n * s1 - wi ** 2) / (n - 1)))

for r in range(5):
    print(", ".join(f"{z[r * 5 + c]:.6f}" for c in range(5)))
