"""Article -> claims: sentences, their terms, a biased LexRank, the pick per section, and
keyphrases for pages without tags."""
