"""Places: the gazetteer strife ships with, and how names in a text are found in it."""

from strife.places.gazetteer import Gazetteer, GazetteerEntry, get_gazetteer, normalise_name

__all__ = ["Gazetteer", "GazetteerEntry", "get_gazetteer", "normalise_name"]
