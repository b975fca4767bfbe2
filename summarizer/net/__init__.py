"""The one guarded way Skim gets bytes from the web: address policy, resolver, bounded body,
charset, URLs and single flight. Importing this package loads no HTTP stack; `fetcher` does."""
