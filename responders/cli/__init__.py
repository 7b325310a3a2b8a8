"""Command-line entry point: `parser` builds the arguments, `handlers` dispatches them."""

from responders.cli.handlers import main

__all__ = ["main"]
