"""When an incident happened: its own date, the day before it was told, or the report's."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from strife.document import Document, Mention
from strife.event import Event
from strife.stages.incidents import Incident
from strife.stages.lexicon import compile_lower

# How far back an undated toll update may reach: the week its report falls in.
UPDATE_WINDOW = dt.timedelta(days=6)


# The longest span a date may cover and still say the month of a recalled incident.
MONTH_DAYS = 31


def _breadth(span: dt.timedelta) -> int:
    """How wide a span is, with months as one width and years as another: a leap year is no
    narrower a date than the year before it ("2016 Berlin attack: ... entered Germany in 2015")."""
    days = span.days
    if 27 <= days <= 30:
        return 27
    if days >= 364:
        return 365 * round((days + 1) / 365.25)
    return days


# After a date, the act it names: "the 2021 Kabul airport bombing", "the June 2023 killing".
YEAR_NAMED_ACT = compile_lower(
    r"\s+(?:(?!(?:a|an|the)\s)[\w'’-]+\s+){0,3}?(?:attacks?|bombings?|blasts?|massacres?|riots?|uprising|coup|killings?|"
    r"raids?|offensive|insurgency|assault|shooting|hijacking|siege|clash(?:es)?)\b"
)


def _names_a_past_act(date: Mention, lower: str) -> bool:
    """Whether a date before the publication year is what an act is named by ("the 2021 Kabul
    airport bombing", "the June 2023 killing")."""
    return date.value.past_year and YEAR_NAMED_ACT.match(lower, date.end) is not None


def recalled_without_month(
    incident: Incident, dates: list[Mention], unresolved_days: set[int], lower: str = ""
) -> bool:
    """A recalled incident with no date of its own that says at least the month. An act named by
    a past year alone has that year for its date, whatever day its sentence gives the telling ("Last
    week, Trump credited Pakistan for arresting the mastermind behind the 2021 Kabul airport
    bombing")."""
    if not incident.background:
        return False
    if any((m.value.end - m.value.start).days > MONTH_DAYS and _names_a_past_act(m, lower) for m in dates):
        return True
    return (
        not any((m.value.end - m.value.start).days <= MONTH_DAYS and not m.value.reporting for m in dates)
        # "Last week" in a report with no publication date: a recent day, not yet known.
        and not unresolved_days.intersection(incident.sentences)
    )


SINCE_BEFORE = compile_lower(r"\bsince\s+(?:the\s+)?$")


def _counted_since(date: Mention, lower: str) -> bool:
    """Whether a day is what a count runs from: "since October 7, 2023" (not "since 2022", a
    span a war's tally takes, which `_breadth` already ranks last; nor "since the April 22
    Pahalgam attack", the day of the act it names)."""
    return (
        date.value.precision == 1
        and SINCE_BEFORE.search(lower, max(0, date.start - 12), date.start) is not None
        and YEAR_NAMED_ACT.match(lower, date.end) is None
    )


CAMPAIGN_BEGAN = compile_lower(
    r"\b(?:launch(?:ed|ing)?|resum(?:ed|ing)|beg(?:an|un)|start(?:ed|ing)|open(?:ed|ing)|renew(?:ed|ing))\s+"
    r"(?:a |an |its |the |their |his )?(?:[\w-]+ ){0,2}(?:campaign|offensive|operation|war|assault|incursion|invasion)"
    r"\b[^.;]*$"
)
# How many days before the report a campaign's first day must lie to be told apart from the news.
CAMPAIGN_DAYS = 7


def _campaign_began(date: Mention, first: int, anchor: dt.date, lower: str) -> bool:
    if date.sentence == first or (anchor - date.value.start).days <= CAMPAIGN_DAYS:
        return False
    return CAMPAIGN_BEGAN.search(lower, max(0, date.start - 150), date.start) is not None


def _since_span(date: Mention, anchor: dt.date) -> Mention:
    if date.value.start >= anchor:
        return date
    days = (anchor - date.value.start).days
    return replace(date, value=replace(date.value, end=anchor, precision=2 if days <= 7 else 3))


def incident_date(
    doc: Document,
    incident: Incident,
    date_mentions: list[Mention],
    dates_by_sentence: dict[int, list[Mention]],
    events: list[Event],
    unresolved_days: set[int],
    casualty_mentions: list[Mention],
) -> tuple[Mention | None, dt.date | None, dt.date | None, int | None, str]:
    """(the date mention chosen, first day, last day, ACLED time precision, basis) of an
    incident; `events` are the report's events told before it."""
    # A day a count runs from is no act's own day: weeks back, the start of a span up to the
    # report ("killed in the ongoing clashes since the 19th of April"), where narrower days told
    # beside it win; further back, a war's or a year's tally ("journalists killed since October
    # 7, 2023"), no date of the incident at all.
    # The day a campaign began, told beside an incident of it ("Israel resumed its campaign in the
    # Gaza Strip on March 18"), weeks before the report, is the campaign's, not the incident's.
    if doc.anchor_date is not None:
        anchor, first = doc.anchor_date, min(incident.sentences)
        kept: list[Mention] = []
        for m in date_mentions:
            if _counted_since(m, doc.lower_text):
                if (anchor - m.value.start).days > MONTH_DAYS:
                    continue
                m = _since_span(m, anchor)
            if not _campaign_began(m, first, anchor, doc.lower_text):
                kept.append(m)
        date_mentions = kept
    # The past date that names the act first ("recalled the June 2023 killing"); then the incident's
    # own day; the day something was said only when nothing else is given.
    day_dates = (
        [m for m in date_mentions if _names_a_past_act(m, doc.lower_text)]
        or [m for m in date_mentions if m.value.precision == 1 and not m.value.reporting]
        or [m for m in date_mentions if not m.value.reporting]
        # "A US official said this week the talks were going well": the week something was said
        # dates no act; the day said is the act's, or the day after it (below).
        or [m for m in date_mentions if m.value.precision == 1]
    )
    if day_dates:
        # The narrowest span told, the first of equals: "since 2022 ... in December 2024, when
        # jets targeted" is December 2024.
        chosen = min(day_dates, key=lambda m: _breadth(m.value.end - m.value.start))
        event_date, date_end, precision, basis = (
            chosen.value.start,
            chosen.value.end,
            chosen.value.precision,
            chosen.value.basis,
        )
        if chosen.value.reporting and chosen.value.precision == 1 and chosen.value.after_previous is None:
            # "…killed in the operation, the military's media wing said on Thursday": the act
            # was told that day, and may have happened the day or the night before.
            event_date = chosen.value.start - dt.timedelta(days=1)
        if chosen.value.after_previous is not None:
            # "In another exchange of fire the same day": the day of the incident told before;
            # "said on Tuesday they had foiled an attack the previous day": the day before it was said.
            shift = dt.timedelta(days=chosen.value.after_previous)
            said = [
                m
                for m in date_mentions
                if m.value.precision == 1 and m.value.after_previous is None and m.sentence == chosen.sentence
            ]
            if events and not (said and shift.days < 0) and events[-1].event_date is not None:
                previous = events[-1]
                event_date, date_end = previous.event_date + shift, previous.date_end + shift  # type: ignore[operator]
                precision, basis = previous.time_precision, previous.date_basis
            elif said:
                event_date = date_end = said[0].value.start + shift
                basis = said[0].value.basis
            elif doc.anchor_date is not None:
                event_date = date_end = doc.anchor_date + shift
            else:
                event_date = date_end = None
                precision, basis = None, "unresolved"
    elif unresolved_days.intersection(incident.sentences):
        # "On Tuesday" in a report with no publication date: a day of its own, not known.
        chosen = None
        event_date = date_end = None
        precision, basis = None, "unresolved"
    else:
        chosen = None
        told = [e for e in events if not e.background]
        first = min(incident.sentences)
        # The sentence just before often sets the day ("...spilled onto the streets on Sunday.
        # In Aden, police fired tear gas").
        # Or, for a report's lead, the sentence after it: "Bandits have abducted students of a
        # school in Jangebe. The gunmen arrived at about 1 a.m. on Friday".
        around = (first - 1, first - 2) if first > 0 else (first + 1,)
        lead_in = [
            m
            for i in around
            for m in dates_by_sentence.get(i, [])
            if m.value.precision == 1
            and not m.value.reporting
            and m.value.after_previous is None
            and not _counted_since(m, doc.lower_text)
            and not (doc.anchor_date and _campaign_began(m, first, doc.anchor_date, doc.lower_text))
        ]
        if lead_in and not incident.background:
            chosen = lead_in[0]
            event_date, date_end = chosen.value.start, chosen.value.end
            precision, basis = 1, chosen.value.basis
        elif told and not incident.background:
            # An incident told on from the one before ("In Rawalpindi, supporters hurled
            # stones") happened when it did, not on the day of publication.
            event_date, date_end = told[-1].event_date, told[-1].date_end
            precision, basis = told[-1].time_precision, told[-1].date_basis
        elif doc.anchor_date is None:
            # No publication date, dateline or metadata, and no date of its own: the day is
            # not known, and is not taken from the clock.
            event_date = date_end = None
            precision, basis = None, "unresolved"
        elif any(m.value.toll for m in casualty_mentions) and not incident.background:
            # "The death toll rose to 60": an update on an incident of some days before.
            event_date, date_end = doc.anchor_date - UPDATE_WINDOW, doc.anchor_date
            precision = 2
            basis = "dateline" if doc.published_basis == "dateline" else "published-fallback"
        else:
            event_date = date_end = doc.anchor_date
            precision = 3 if incident.background else 2
            basis = "dateline" if doc.published_basis == "dateline" else "published-fallback"

    return chosen, event_date, date_end, precision, basis
