"""kurilwatch: a news tracker for the Kuril Islands dispute."""

__version__ = "0.1.0"
