"""Answer questions about inspection reports, with every sentence cited to its source span."""

__version__ = "0.1.0"
