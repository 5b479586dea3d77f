"""The codebook as data: ACLED's event types, sub-event types and actor categories.

Every string here is spelled exactly as `shared/spec/taxonomy.md` spells it, because users
join strife's output with ACLED's on these values.
"""

from __future__ import annotations

from typing import Literal

SUB_EVENT_TYPES_BY_TYPE: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}

EVENT_TYPES: tuple[str, ...] = tuple(SUB_EVENT_TYPES_BY_TYPE)
SUB_EVENT_TYPES: tuple[str, ...] = tuple(sub for subs in SUB_EVENT_TYPES_BY_TYPE.values() for sub in subs)

# The models validate against these: one table above, no second list to keep in step.
EventType = Literal[EVENT_TYPES]  # type: ignore[valid-type]
SubEventType = Literal[SUB_EVENT_TYPES]  # type: ignore[valid-type]

EVENT_TYPE_OF: dict[str, str] = {
    sub: event_type for event_type, subs in SUB_EVENT_TYPES_BY_TYPE.items() for sub in subs
}

# ACLED's `disorder_type` column. Excessive force against protesters is both political
# violence and a demonstration in ACLED's own export.
DISORDER_TYPE_OF: dict[str, str] = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
DISORDER_TYPE_OVERRIDES: dict[str, str] = {
    "Excessive force against protesters": "Political violence; Demonstrations",
}

ACTOR_CATEGORIES: dict[int, str] = {
    1: "State forces",
    2: "Rebel groups",
    3: "Political militias",
    4: "Identity militias",
    5: "Rioters",
    6: "Protesters",
    7: "Civilians",
    8: "External/other forces",
}

CLAIM_STATUSES: tuple[str, ...] = ("claimed", "unclaimed", "attributed", "denied", "unknown")
# "unresolved": the report dates the incident only relative to a day it does not give (no
# publication date, dateline or metadata), so the date is left empty rather than guessed.
DATE_BASES: tuple[str, ...] = (
    "explicit",
    "relative-to-published",
    "dateline",
    "published-fallback",
    "unresolved",
)


def interaction_code(inter1: int, inter2: int) -> int:
    """ACLED's two-digit interaction: the two actor codes, lower first (13, 37; 60 alone)."""
    if inter2 == 0:
        return inter1 * 10
    if inter1 == 0:
        return inter2 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def disorder_type(event_type: str, sub_event_type: str) -> str:
    return DISORDER_TYPE_OVERRIDES.get(sub_event_type, DISORDER_TYPE_OF[event_type])
