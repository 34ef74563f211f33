"""One lint run: files -> config scopes -> cache -> engine -> report, with the
baseline, the gate, and the runs built on it (diff, summary, annotate)."""
