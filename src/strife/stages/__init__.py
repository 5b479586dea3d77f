"""The default stages, in the order they run. Each reads earlier layers and adds its own."""

from strife.stages.actors import ActorStage
from strife.stages.assembly import assemble_events
from strife.stages.casualties import CasualtyStage
from strife.stages.claims import ClaimStage
from strife.stages.context import ContextStage
from strife.stages.dateline import DatelineStage
from strife.stages.dates import DateStage
from strife.stages.named_groups import NamedGroupStage
from strife.stages.places import PlaceStage
from strife.stages.sentences import SentenceStage
from strife.stages.triggers import TriggerStage

DEFAULT_STAGES = (
    DatelineStage,
    SentenceStage,
    DateStage,
    # Before the tolls: "IS kills 6 YPG" counts six of a group named.
    NamedGroupStage,
    CasualtyStage,
    PlaceStage,
    ActorStage,
    TriggerStage,
    ClaimStage,
    ContextStage,
)

__all__ = ["DEFAULT_STAGES", "assemble_events"]
