"""What tests and benchmarks share: the loopback Discord, the web origin, and the corpus and
summary scorers. Never imported by the product (`summarizer`, `bot`)."""
