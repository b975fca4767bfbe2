"""What tests and benchmarks share: the web origin, bot settings for tests, and the corpus and
summary scorers. Never imported by the product (`summarizer`, `bot`)."""
