# The pandas side of scripts/bench-pages.sh: read_csv, then the same
# per-person aggregation (pages and median seconds to first ack, grouped
# by the acknowledging user name; empty names left out).
import resource
import sys
import time

import pandas as pd

start = time.perf_counter()
df = pd.read_csv(sys.argv[1])
g = df.groupby("acknowledged_user_names")["seconds_to_first_ack"].agg(["size", "median"])
el = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print("pandas-agg seconds=%.3f rows=%d people=%d pages=%d mediansum=%.1f peak_mb=%.0f pandas=%s"
      % (el, len(df), len(g), int(g["size"].sum()), g["median"].sum(), peak, pd.__version__))
