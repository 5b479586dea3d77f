"""Whole articles: recalled incidents, tallies, and names that are not places (our own sentences)."""

from __future__ import annotations

import datetime as dt

from strife.api import extract
from strife.document import Document
from strife.pipeline import default_pipeline
from strife.stages.context import non_political_kind


def _events(text: str, published: str = "2025-03-10") -> list:
    return extract({"text": text, "published": published})


def test_a_recalled_incident_needs_its_own_month() -> None:
    text = (
        "Gunmen killed two policemen in Bannu on Sunday. "
        "The attack came after the 2021 Kabul airport bombing, which had killed 183 people, was recalled by officials. "
        "In December 2014, militants killed 140 people at a school in Peshawar."
    )
    found = _events(text)
    assert [(e.location, e.fatalities, e.background) for e in found] == [
        ("Bannu", 2, False),
        ("Peshawar", 140, True),
    ]


def test_tallies_are_not_incidents() -> None:
    assert _events("The country witnessed 79 terrorist attacks last month, killing 55 civilians.") == []
    assert _events("About 430 soldiers have been killed since the ground operation began in October.") == []
    assert _events("Between January and September, the army killed 393 guerrillas in the eastern area.") == []


_FOLLOW_UP = (
    " The operation was launched on reports of the presence of militants in the area. Officials said the "
    "area had been cleared. Residents said markets remained closed in the town. Traders said they feared "
    "further losses. The district administration announced compensation for the families."
)


def test_an_articles_first_sentence_is_its_news_though_it_gives_no_day() -> None:
    text = (
        "BANNU: A soldier was martyred and two militants were killed in an exchange of fire with security "
        "forces in the Jani Khel area of Bannu, the military's media wing said." + _FOLLOW_UP
    )
    (clash,) = _events(text, published="2025-03-03")
    assert (clash.location, clash.admin2, clash.fatalities, clash.event_date) == (
        "Jani Khel",
        "Bannu",
        3,
        dt.date(2025, 3, 3),
    )
    # Told further down with no day of its own, violence is talk about it, not news.
    later = "BANNU: Markets reopened in the town." + _FOLLOW_UP + " Two militants were killed in Bannu."
    assert _events(later, published="2025-03-03") == []


def test_a_place_stormed_is_no_storm() -> None:
    assert non_political_kind("protesters storm busan court after it extends detention") is None
    assert non_political_kind("supporters of the president storm parliament") is None
    assert non_political_kind("a storm killed five people in busan") == ("disaster", "storm")


def _places(text: str) -> list[str]:
    doc = Document(id="t", text=text, published=dt.date(2025, 3, 10))
    default_pipeline()(doc)
    return [text[m.start : m.end] for m in doc.layer("places") if m.label == "place"]


def test_a_person_named_by_a_title_is_no_place() -> None:
    text = "Former finance minister Chrystia Freeland spoke on Monday. Freeland said the talks would go on."
    assert "Freeland" not in _places(text)
    assert "Volodymyr" not in _places("Ukrainian leader Volodymyr Zelensky visited the front on Monday.")
    text = "Secretary of State Marco Rubio spoke on Friday. Rubio calls for an apology after the clash."
    assert "Rubio" not in _places(text)


def test_a_seat_of_government_is_no_place() -> None:
    assert _places("The White House said on Monday that the talks would go on.") == []
    assert _places("Kyiv and Moscow traded blame on Sunday for a strike on a school.") == []
    assert _places("Zelensky said that Moscow was increasing its aerial bombardment.") == []
    assert _places("Moscow heads into the talks amid a rapprochement with Washington.") == []
    assert _places("Kyiv was being shelled on Sunday night.") == ["Kyiv"]
    (event,) = _events("The White House said a drone strike killed three militants in Kunar on Monday.")
    assert (event.location, event.country) == ("Kunar", "Afghanistan")


def test_a_common_word_needs_a_place_context() -> None:
    assert _places("Police registered a First Information Report on Monday.") == []
    assert _places("Protesters gathered in Nice on Monday.") == ["Nice"]
    # A language is how something was said: "Putin said in English" names no town of Indiana.
    assert _places("Putin smiled and said in English that the next meeting would be held soon.") == []
    # A paper's name after a capital "The", not a town: "according to The Post".
    assert _places("Weapons were recovered at the site, according to The Post.") == []
    assert _places("Two people were hurt in an attack in The Hague on Monday.") == ["The Hague"]


def test_a_large_city_seats_the_district_of_its_name() -> None:
    (event,) = _events("A bomb exploded in Damascus on Monday, killing two people.")
    assert (event.admin1, event.admin2) == ("Damascus", "Damascus")


def test_an_article_dates_its_news_and_a_headline_need_not() -> None:
    article = (
        "The provincial government announced a new security plan for the city. "
        "Officials said the plan would put more police on the roads. "
        "Residents said militants have killed several people in Peshawar. "
        "Traders welcomed the plan but asked for more checkpoints. "
        "The opposition said the plan came too late. "
        "The assembly will debate it next week."
    )
    assert _events(article) == []
    (headline,) = _events("Militants kill three people in Peshawar")
    assert headline.location == "Peshawar"


def test_a_strike_across_a_province_is_one_event_per_town_each_told_apart() -> None:
    # One town's part of the day in a sentence of its own, after a lead that named the province.
    text = (
        "LARKANA/SUKKUR/HYDERABAD: A complete strike was observed in the cities and towns of Sindh, barring "
        "Karachi and parts of Hyderabad, on Sunday on the call of a nationalist party against the new canals. "
        "The party's leaders addressed a sit-in outside the press club and said they would not allow the "
        "project. Traders kept their shops closed and transport stayed off the roads all day. In Hyderabad "
        "district, a partial strike was observed on the party's call. A similar shutterdown was witnessed in "
        "Jamshoro and Kotri towns. Police were deployed along major roads but did not intervene. In Sukkur "
        "district, shops on Military Road remained closed. The party thanked traders for their support."
    )
    found = _events(text, published="2025-04-21")
    # Karachi, which the strike left out, is none of them; Sukkur's shops tell no protest.
    assert sorted(e.location for e in found) == ["Hyderabad", "Jamshoro", "Kotri", "Sindh"]
    assert {e.sub_event_type for e in found} == {"Peaceful protest"}
    # The lists of a list: "Jacobabad, Shikarpur, Ghotki and Kandhkot" names four towns, not a
    # town and the district it lies in.
    found = _events(
        "SUKKUR: A complete strike was observed in Jacobabad, Shikarpur, Ghotki and Kandhkot on Sunday "
        "against the canals project.",
        published="2025-04-21",
    )
    assert sorted(e.location for e in found) == ["Ghotki", "Jacobabad", "Kandhkot", "Shikarpur"]
