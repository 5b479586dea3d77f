"""strife: news reports in, conflict events out (ACLED-style records with evidence)."""

__version__ = "0.1.0"

from strife.api import extract, extract_many, to_frame
from strife.document import Document
from strife.event import Event

__all__ = ["Document", "Event", "__version__", "extract", "extract_many", "to_frame"]
