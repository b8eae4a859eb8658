#!/usr/bin/env python3
"""pandas merge_asof peer for the as-of alignment benchmark (AsOfAlignmentBenchmark).

Same data as the Java benchmark: reading i generated at i*1000 ms, arriving 500 ms later, with
three value columns; query j at j*1000 + 700 ms. Each query takes the last reading arrived by then
(direction="backward" on the arrival time), its three values and its age.

Run:  python3 docs/benchmarks/merge_asof_peer.py [n] [repeats]
      (Debian: apt-get install python3-pandas). Peak memory: /usr/bin/time -v python3 ...
"""
import sys
import time

import numpy as np
import pandas as pd

n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 5

i = np.arange(n, dtype=np.int64)
readings = pd.DataFrame({
    "arrived": i * 1000 + 500,
    "generated": i * 1000,
    "a": i.astype(np.float64),
    "b": 2.0 * i,
    "c": 3.0 * i,
})
queries = pd.DataFrame({"t": i * 1000 + 700})

times = []
for _ in range(repeats + 1):
    t0 = time.perf_counter()
    out = pd.merge_asof(queries, readings, left_on="t", right_on="arrived", direction="backward")
    age = out["t"].to_numpy() - out["generated"].to_numpy()
    times.append(time.perf_counter() - t0)
    assert age[-1] == 700 and out["c"].iloc[-1] == 3.0 * (n - 1)
times = times[1:]  # first run warms caches
best, median = min(times), sorted(times)[len(times) // 2]
print(f"pandas {pd.__version__} merge_asof n={n}: median {median:.3f} s ({n / median:.3e} rows/s), "
      f"best {best:.3f} s ({n / best:.3e} rows/s)")
