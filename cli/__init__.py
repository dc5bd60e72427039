"""The ``oneiroscope`` command line: the processes' composition root and the research tools.

Importing the package gives the numeric libraries (OpenBLAS, OpenMP, MKL) one thread per
process unless the environment already says otherwise. The services get their concurrency from
requests and processes; BLAS threads spinning against PostgreSQL and the other worker on a small
machine made one dream's local embedding 2-3x slower at the tail (p95 196 → 77 ms, measured on
two busy cores). This has to run before numpy is first imported, hence here.
"""

import os

for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")
