"""What tests and benchmarks share: the web origin, bot settings for tests, the corpus and
summary scorers, and the fuzz documents with their runner. Never imported by the product
(`summarizer`, `bot`)."""
