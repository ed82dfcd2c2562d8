"""consistency: check whether sources agree."""

__version__ = "0.1.0"
