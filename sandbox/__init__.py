"""Skim without Discord: a local Discord-compatible server (REST and gateway on 127.0.0.1) that
the real bot connects to unchanged, used by `make sandbox`, the tests and the benchmarks."""
