"""The command line: one module per library verb; shared options in :mod:`.options`."""

from lunarbase.cli.app import app, main

__all__ = ["app", "main"]
