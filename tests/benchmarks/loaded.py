"""Run in a digest worker by test_load_launcher.py: which modules the worker has loaded."""

from __future__ import annotations

import sys


def is_loaded(module: str) -> bool:
    """Whether `module` is imported in this process."""
    return module in sys.modules
