"""qa's command line (`qa = "qa.cli:main"`): one module per command group, put together in qa.cli.app."""

import gc

# A run of the command line allocates millions of objects that live as long as it does
# (spaCy's model, the word tables, the compiled rules), and with the collector's default
# threshold (700) its youngest generation is walked thousands of times while they load.
# At 50,000 a cold `qa lint` of an article costs 0.12-0.17 s less CPU (bench/cold_lint.py);
# the older generations keep their default thresholds. The library (`import qa`) leaves
# the collector as it is.
gc.set_threshold(50_000)

from qa.cli.app import app, main  # noqa: E402

__all__ = ["app", "main"]
