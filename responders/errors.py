"""Errors the CLI turns into exit status 2 with their French message."""


class UnusableInput(Exception):
    """The input cannot be used at all: nothing was written. The message is French, for people."""
