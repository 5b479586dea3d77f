"""Whether an incident was claimed, attributed or denied, and by whom."""

from __future__ import annotations

from strife.document import Mention
from strife.stages.actor_roles import DEFAULT_UNIDENTIFIED, actor_name, agent_of, other_side
from strife.stages.claims import CLAIM_PRIORITY
from strife.taxonomy import EVENT_TYPE_OF


def _nearest(claim: Mention, pool: list[Mention]) -> Mention | None:
    if not pool:
        return None
    return min(pool, key=lambda m: min(abs(m.start - claim.end), abs(claim.start - m.end)))


def _resolve_claim(
    claims: list[Mention], actors: list[Mention]
) -> tuple[Mention | None, str, Mention | None]:
    """The incident's claim status and who claimed, denied or is blamed: the strongest statement
    that holds up (a claim over a denial, a denial over blame, blame over "no one claimed it")."""
    for claim in sorted(claims, key=lambda m: CLAIM_PRIORITY.index(m.value.status)):
        status = claim.value.status
        here = [m for m in actors if m.sentence == claim.sentence]
        named_armed = [m for m in here if m.value.named and m.value.side == "armed"]
        if status == "unclaimed":
            return claim, status, None
        if status == "claimed":
            # "the militants' Radio Andalus reported": the group speaks in the claim itself.
            speaking = [
                m
                for m in here
                if m.value.side == "armed" and m.start < claim.end and claim.start - 3 <= m.end
            ]
            if speaking:
                return claim, status, named_armed[0] if named_armed else speaking[0]
            before = [m for m in here if m.end <= claim.start]
            if before and before[-1].value.side in ("state", "government"):
                continue  # states announce their operations; a claim is an armed group's
            subject = [m for m in named_armed if m.end <= claim.start]
            return claim, status, subject[-1] if subject else (named_armed[0] if named_armed else None)
        if status == "attributed":
            # Blame needs a named party: "police suspect militants" attributes nothing.
            blamed = _nearest(claim, named_armed) or _nearest(
                claim, [m for m in here if m.value.side == "state" and 0 <= m.start - claim.end <= 40]
            )
            if blamed is None:
                continue
            return claim, status, blamed
        if status == "denied":
            denier = _nearest(claim, named_armed) or _nearest(
                claim, [m for m in here if m.value.side == "state" and m.value.named]
            )
            return claim, status, denier
    return None, "unknown", None


def settle_claim(
    sub: str,
    a1: Mention | None,
    a2: Mention | None,
    claims: list[Mention],
    actors: list[Mention],
    trigger: Mention | None,
    hurt: list[Mention],
    text: str,
    event_country: str | None,
    event_iso3: str | None,
) -> tuple[Mention | None, Mention | None, Mention | None, str, str | None]:
    """(actor 1, actor 2, the claim's mention, claim status, claimed by): who claimed or was
    blamed, and the actor 1 that makes (ACLED: the group that claims an attack is its actor 1)."""
    claim_mention, claim_status, claimant = _resolve_claim(claims, actors)
    claimed_by = actor_name(claimant, event_country, event_iso3)[0]
    if claim_status == "claimed" and claimant is not None and (a1 is None or a1.value.side == "armed"):
        a1 = claimant  # ACLED: the group that claims an attack is its actor 1
    elif (
        claim_status in ("attributed", "denied")
        and claimant is not None
        and claimant.value.side == "armed"
        and (
            a1 is None
            or (a1.value.side == "armed" and not a1.value.named)
            or (a1.value.side == "state" and agent_of(trigger, actors, hurt, text) is None)
        )
    ):
        # The unnamed attackers, or forces the text only assumes, are the group blamed.
        a1 = claimant
    if a1 is None and EVENT_TYPE_OF[sub] in ("Explosions/Remote violence", "Violence against civilians"):
        # ACLED codes an unnamed perpetrator as an unidentified armed group of the country.
        a1 = DEFAULT_UNIDENTIFIED
    unnamed_groups = (
        EVENT_TYPE_OF[sub] == "Battles"
        and a1 is not None
        and a2 is not None
        and a1.value.side == a2.value.side == "armed"
        and not (a1.value.named or a2.value.named)
    )
    if a1 is not None and a2 is not None and a1.value.name == a2.value.name and not unnamed_groups:
        # One party on both sides (a claimant made actor 1 where it was already actor 2):
        # the other side is the one the event type implies. (Two unnamed groups in a battle are
        # two: "clashes between militants".)
        a2 = other_side(sub, actors, a1)
    return a1, a2, claim_mention, claim_status, claimed_by
