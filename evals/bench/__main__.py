"""``python -m evals.bench``."""

from evals.bench.runner import main

main()
