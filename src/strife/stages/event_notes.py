"""The event's note: one plain sentence saying what happened, as ACLED's notes do."""

from __future__ import annotations

import datetime as dt

# ACLED's note, one phrase per sub-event type: what happened in plain words, not the codebook's
# label lower-cased ("carried out a air/drone strike", "remote explosive/landmine/ied").
NOTE_PHRASES = {
    "Armed clash": "{a1} clashed with {a2}",
    "Government regains territory": "{a1} regained territory from {a2}",
    "Non-state actor overtakes territory": "{a1} took over territory from {a2}",
    "Chemical weapon": "{a1} used a chemical weapon against {a2}",
    "Air/drone strike": "{a1} carried out an air or drone strike on {a2}",
    "Suicide bomb": "{a1} carried out a suicide bombing against {a2}",
    "Shelling/artillery/missile attack": "{a1} fired shells, artillery or missiles at {a2}",
    "Remote explosive/landmine/IED": "{a1} set off a remote explosive, landmine or IED against {a2}",
    "Grenade": "{a1} threw a grenade at {a2}",
    "Sexual violence": "{a1} committed sexual violence against {a2}",
    "Attack": "{a1} attacked {a2}",
    "Abduction/forced disappearance": "{a1} abducted {a2}",
    "Peaceful protest": "{a1} held a peaceful protest",
    "Protest with intervention": "{a1} held a protest that {a2} intervened in",
    "Excessive force against protesters": "{a2} used excessive force against {a1}",
    "Violent demonstration": "{a1} took part in a violent demonstration",
    "Mob violence": "{a1} took part in mob violence against {a2}",
    "Agreement": "{a1} reached an agreement with {a2}",
    "Arrests": "{a1} arrested {a2}",
    "Change to group/activity": "{a1} changed its organisation or activity",
    "Disrupted weapons use": "{a1} defused, seized or foiled weapons",
    "Headquarters or base established": "{a1} established a headquarters or base",
    "Looting/property destruction": "{a1} looted or destroyed property",
    "Non-violent transfer of territory": "territory passed to {a1} without fighting",
    "Other": "a strategic development involving {a1}",
}


def write_note(
    event_date: dt.date | None,
    sub: str,
    actor1: str | None,
    actor2: str | None,
    where: str | None,
    fatalities: int,
    injured: int | None,
) -> str:
    text = NOTE_PHRASES[sub].format(a1=actor1 or "unidentified actors", a2=actor2 or "unidentified targets")
    note = (
        f"On {event_date.day} {event_date:%B %Y}, {text}"
        if event_date
        else f"On a day the report does not give, {text}"
    )
    if where:
        note += f" in {where}"
    tail = [f"{fatalities} killed"] if fatalities else []
    if injured:
        tail.append(f"{injured} injured")
    return note + ("; " + ", ".join(tail) if tail else "") + "."
