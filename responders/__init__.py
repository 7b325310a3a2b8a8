"""responders: answer Google reviews of a health practice without breaking medical secrecy."""

__version__ = "0.1.0"
