"""Sentences that are context, not news: aggregate statistics and recalled past incidents.

An aggregate ("685 security personnel were killed in 444 attacks in 2024") is never an event;
a recalled past incident is an event with `background: true` only when it has its own figures.
"""

from __future__ import annotations

import re
from collections import defaultdict

from strife.document import Document, Mention
from strife.stages.calendar import MONTH_PATTERN, WEEKDAY_PATTERN
from strife.stages.event_types import PROTEST_OR_RIOT
from strife.stages.fatalities import grieved
from strife.stages.lexicon import compile_lower
from strife.stages.sentences import LEAD_SENTENCES, is_note
from strife.stages.spanish import spanish_sentences
from strife.stages.spanish import tally as spanish_tally
from strife.stages.triggers import NAMED_WEAPON, SPECIFIC_TRIGGER
from strife.stages.truecase import is_caseless

STATISTIC_CUES = compile_lower(
    # "in 444 attacks", "in dozens of operations"; not "in two separate incidents", which are
    # two incidents to code.
    # Only a count makes a tally: "killed in landmine attacks" or "in weekend attacks" is news.
    r"\bin (?:more than |over |at least )?(?:\d[\d,]*|dozens|scores|hundreds|thousands|numerous|countless|"
    r"(?:eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-[a-z]+)?)(?<!\b[2-9]) "
    r"(?:of )?(?:\w+ ){0,2}(?:attacks|incidents|operations|clashes)\b|"
    # "65 homicides so far in August", "10 so far in 2022".
    rf"so far (?:this (?:year|month)|in (?:(?:19|20)\d\d|{MONTH_PATTERN}))\b|this year alone|"
    r"since the (?:start|beginning) of|deadliest year|"
    # "there had been many attacks in Quetta since Jan 1, 2001": acts uncounted since a day.
    r"\b(?:many|numerous|several|dozens of|scores of|hundreds of) (?:\w+ )?(?:attacks|incidents|killings|bombings|blasts)\b"
    r"[^.;]{0,60}\bsince\b|"
    # A digest's heading: "Clash Summary: Chaos Reigned in Northern Shan State in September".
    r"\b(?:clash|conflict|security|incident|monthly|weekly) (?:summary|round-?up)\b|"
    r"\bduring the same period\b|\bin the first (?:\w+ )?(?:months|weeks|quarter|half)\b|"
    # Counts of attacks over a period: "79 terrorist attacks last month", "a total of 59,775 operations".
    r"\b\d[\d,]* (?:\w+ ){0,2}(?:attacks|incidents|operations|strikes|raids)\b[^.;]{0,40}\b(?:last|this|past) "
    r"(?:week|month|year)\b|\ba total of \d[\d,]* (?:\w+ ){0,2}(?:attacks|incidents|operations|strikes|raids)\b|"
    r"\baccording to (?:a|the) (?:data|tally)\b|"
    # A month's count of attacks: "37 militant attacks in October", "22 attacks were recorded".
    rf"\b\d[\d,]* (?:\w+ ){{0,2}}(?:attacks|incidents|operations)\b(?: (?:were|have been) (?:recorded|reported|registered)\b|"
    rf"[^.;]{{0,30}}\bin {MONTH_PATTERN}\b)|"
    r"\b(?:tens|hundreds) of thousands of (?:people )?(?:have been |were )?(?:killed|dead|displaced|died|uprooted)\b",
)
# A note about how a report was coded, not what it reports ("the exact date is unclear but it was
# coded as sunday", "i have coded as 100 plus because…", "the article stated that protests were
# daily"): a dataset's annotations, which come with the texts some readers give strife.
CODING_NOTE = compile_lower(
    r"\b(?:(?:was|is|were|are|been|be|have|has|i|we)\s+(?:\w+\s+)?coded|coded\s+(?:as|separately)|"
    r"final coded|the article (?:stated|states|says|said|mentions|mentioned|reports|reported))\b"
)
# Words of numbers over time that make a statistic of a sentence that counts the dead or hurt
# ("2024 was the deadliest year, with deaths up 40 percent") or tells no crowd's act; not of a
# crowd's ("students stormed the ministry to protest a 25 percent cut to their grants", "gays
# rallied against the ban of the annual parade"), whose numbers are its grievance.
TOLL_STATISTIC_CUES = compile_lower(
    r"\bannual(?:ly)?\b|\bper cent\b|\bpercent\b|\btally\b|"
    # "In its latest monthly report, PICSS stated that 355 militants were killed".
    r"\b(?:monthly|weekly|quarterly|yearly|half-yearly) (?:\w+ )?(?:report|data|figures|review|bulletin)\b|"
    # Not a body's name: "the Central Statistics Office", "the Bureau of Statistics".
    r"\bstatistics\b(?<!bureau of statistics)(?! (?:office|bureau|department|division|agency|authority))|"
    r"\bin the (?:first|last|past) (?:\w+ )?(?:months?|weeks?|years?|quarter)\b|"
    # A span of months: "between January and September the army inflicted 800 casualties"; not
    # the years of a junta whose recruits "launched a hunger strike".
    rf"\b(?:between|from) (?:early |late |mid-)?{MONTH_PATTERN} (?:\d{{4}} )?(?:and|to|through|until) (?:early |late |mid-)?{MONTH_PATTERN}\b|"
    # "deaths from Coalition airstrikes January – August 2018".
    rf"\b{MONTH_PATTERN} (?:\d{{4}} )?(?:–|—|-) ?{MONTH_PATTERN} \d{{4}}\b"
)
BACKGROUND_CUES = compile_lower(
    # "in the past 24 hours": a monitor's fresh news, not a recall.
    r"\bfollows? (?:a|an|the) (?:series|spate|wave|string)\b|\bin the past\b(?!\s+(?:[\w-]+\s+)?hours\b)|"
    r"\bpreviously\b|"
    r"\bhas long been\b|\bhistory of\b|\brecalled\b|\bearlier this (?:year|month|spring|summer|autumn|fall|winter)\b|"
    # "The crowds were comparable in size to those who gathered in 2015 to mourn...": a past
    # crowd or act, measured against.
    r"\bcomparable (?:in \w+ )?to (?:those|that|the \w+) (?:who|which|that|of|in)\b|"
    # "inspired by the success of the recent French protests, which turned violent": the model.
    r"\binspired by\b|"
    r"\blast (?:year|month)\b|\bsince (?:the )?(?:\d{4}|[A-Z]\w+'s)|\bin recent (?:years|months|weeks)\b|"
    r"\bbroader surge\b|\bsurge in (?:attacks|violence)\b|\bha(?:s|ve) (?:also )?(?:intensified|increased|escalated|stepped up)\b|"
    # "The attacks came after 23 terrorists were killed a day ago": the earlier incident.
    r"\b(?:came|comes|come) (?:a day |two days |days |hours |a week |weeks )?after\b|\b(?:a|one|two|three|four|five|several|few) days? ago\b|"
    # "…killed 8 soldiers, less than a day after 4 officers were killed near the border": days
    # after an act told with its verb (not "a week after the voting").
    r"\b(?:(?:less|more) than |just |only |barely )?(?:a|one|two|three|four|five|several|few|\d+) (?:days?|weeks?) "
    r"after (?=(?:[\w'’-]+ ){0,6}?(?:killed|attacked|gunned|shot|bombed|stormed|ambushed|killing|died)\b)|"
    # "as tensions ease after a 2020 clash between their troops": an act named by its year.
    r"\b(?:after|since|before|following|like|recalling|anniversary of|memory of)\s+"
    r"(?:a|an|the|its|their)\s+(?:19|20)\d\d\s+(?:[\w'’-]+\s+){0,2}?(?:clash|clashes|attacks?|bombings?|massacre|"
    r"riots?|uprising|coup|killings?|raids?|offensive|insurgency)\b",
)

# A cue inside what a sentence says of a person, not of an incident: "a journalist, who had
# previously received death threats, was shot dead", "a man inspired by the Islamic State stabbed
# a passer-by". (Not "inspired by the success of the French protests": an act as a model.)
ASIDE_ABOUT_SOMEONE = compile_lower(
    r"\b(?:who|whom|whose)\b[^,;.()]*$|"
    r"\b(?:man|woman|men|women|youths?|teenagers?|attackers?|assailants?|gunm[ae]n|suspects?|"
    r"individuals?|persons?|students?|\d+-year-old)\s+(?:\w+\s+)?(?:allegedly\s+)?$"
)


def background_cue(text: str) -> re.Match[str] | None:
    """The first cue of a sentence (lower-cased) that recalls a past incident, leaving out those that
    only describe someone."""
    for cue in BACKGROUND_CUES.finditer(text):
        if ASIDE_ABOUT_SOMEONE.search(text, 0, cue.start()) is None:
            return cue
    return None


# Where a recall stands in a clause that trails the sentence's own news ("At least four killed in
# an attack, which comes two days after a series of explosions", "…killing three of them, this
# came after threats", "…in Lashkar Gah; the Taliban has done similar attacks there in the
# past"): only that clause is background.
# Not the comma of "10,000", nor one that opens an aside about who acted ("the protesters, who had
# previously been peaceful, resisted").
CLAUSE_BREAK = compile_lower(r"[,;:](?=\s)(?!\s+(?:who|whom|whose)\b)|\s[—–-]\s|\bwhich\b|\bbut\b")


def trailing_recall(text: str, start: int, cue_start: int, own_ends: list[int]) -> int | None:
    """Where the clause that holds a recall cue begins (the sentence starts at `start`), where the
    sentence's own act or toll (`own_ends`, where each ends) is told in a clause before it; None
    where it is not."""
    breaks = [m.start() for m in CLAUSE_BREAK.finditer(text, start, cue_start)]
    if not breaks or not any(end <= breaks[-1] for end in own_ends):
        return None
    return breaks[-1]


# An act named as what a case, a witness or a tribute is about, not told as news: "the only
# witness of the murder of the six Jesuits", "witnesses in the case of the six Jesuit priests
# assassinated at the university", "suspects in the killing of", "to honor assassinated Senator
# Galan". Where the text gives it no day of its own, the act is recalled.
_ACT_NOUN = r"(?:murders?|assassinations?|killings?|massacres?|kidnappings?|bombings?|attacks?|deaths?)"
_ACT_DONE = r"(?:assassinated|murdered|killed|slain|kidnapped)"
REFERENCED_ACT = compile_lower(
    r"\b(?:(?:case|cases|investigations?|probes?|inquiry|inquiries|trials?|witness(?:es)?|suspects?|authors?|"
    r"masterminds?|perpetrators?|culprits|assassins|killers|murderers)\s+(?:of|in|into|for|behind)|"
    # "arrested … suspected of being involved in the murder of Luis Carlos Galan".
    r"(?:involved|involvement|participated|participation|complicity)\s+in)\s+(?:the\s+)?"
    rf"(?:(?:case|murder|assassination|killing)\s+of\s+(?:the\s+)?)?"
    # Words of the noun phrase only: "the authors of the crime were referring to the murder" is
    # no case of it.
    rf"(?:(?!(?:were|was|is|are|had|has|have|been|be|said|says)\b)[\w'’-]+\s+){{0,6}}?(?:{_ACT_NOUN}|{_ACT_DONE})\b|"
    rf"\bhono(?:u)?r(?:s|ed|ing)?\s+(?:the\s+)?(?:memory\s+of\s+(?:the\s+)?)?{_ACT_DONE}\b|"
    # "the police continue to investigate the murder of two American citizens", "to clarify last
    # Thursday's murder of eight people": what an inquiry is into, a killing of people.
    r"\b(?:investigat(?:e|es|ed|ing)|clarify|clarif(?:ies|ied|ying)|solv(?:e|es|ed|ing))\s+(?:the\s+)?"
    r"(?:[\w'’-]+\s+){0,3}?(?:murders?|assassinations?|killings?|massacres?)\s+of\b|"
    # "31st anniversary of the coup": an act remembered, not told.
    r"\banniversary\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:coup|massacre|attacks?|bombings?|killings?|uprising|"
    r"assassination|riots?|revolution|war|invasion)\b|"
    # "Pakistan wants U.N. to investigate Kashmir clashes": what a state asks others to look into.
    r"\b(?:wants?|asks?|asked|urges?|urged|calls?\s+(?:on|for)|called\s+(?:on|for)|demands?|demanded)\s+"
    r"(?:[\w.'’-]+\s+){0,3}?to\s+(?:investigate|probe|look\s+into)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?"
    r"(?:clash(?:es)?|attacks?|killings?|violence|bombings?|shootings?|massacres?|murders?)\b"
)


# Cues that set the sentence's act against the past ("the biggest since 1990", "the law passed last
# month", "inspired by the French protests") rather than tell a past act, where the act itself has
# a day of the report's own ("…attacked the train last month …, the paper reported on Sunday"
# recalls: a day a source spoke is none).
COMPARED_WITH_PAST = compile_lower(r"^(?:since|last|earlier|in recent|in the past|inspired by)")
# Not the day a source spoke ("the Red Crescent said on Monday that medics killed last month…").
_SPOKE = ("said", "says", "reported", "announced", "stated", "confirmed")
FRESH_DAY = compile_lower(
    "".join(f"(?<!{word} )" for word in _SPOKE)
    + r"\b(?:today|tonight|yesterday|last night|this (?:morning|afternoon|evening)|"
    rf"on {WEEKDAY_PATTERN})\b|"
    # A note's "rallied sunday", "clashed monday": a weekday right after its act's verb.
    rf"\b(?!(?:{'|'.join(_SPOKE)})\b)[a-z]+ed {WEEKDAY_PATTERN}\b"
)


# "Last week" recalls an earlier incident once the report has told its own; in its opening
# sentences it dates the report's own news ("protesters heckled the president last week").
RECALLED_AFTER_LEAD = compile_lower(r"\blast week\b")


# Deaths with no political actor: accidents, disasters, disease, ordinary crime, sport and
# ceremony. ACLED codes none of them. Each kind is its own row so that a dropped incident says
# which (`strife evaluate --errors`); assembly judges them per incident: a sentence that also
# names an armed actor, or tells of a protest, is still coded.
NON_POLITICAL_KINDS: dict[str, re.Pattern[str]] = {
    kind: compile_lower(rf"\b(?:{pattern})\b")
    for kind, pattern in {
        "accident": r"collided|collision(?! course)|crash(?:ed)?|plunged|overturned|capsized|derailed|skidded|road accident|"
        r"traffic accident|accidents?|roof collapse|drowned|drowning|blaze|fire (?:broke out|engulfed|raged|ripped through|gutted)|"
        # "after a residential building collapsed", "the roof caved in"; "a blast at a munitions
        # factory": a structure that fell, a works that blew up.
        r"(?:buildings?|house|houses|roofs?|walls?|bridges?|structures?|ceilings?)\s+(?:had\s+|has\s+)?(?:collapsed|caved in)|"
        r"(?:blast|explosion|fire)\s+(?:(?:took place|occurred|erupted|broke out)\s+)?(?:at|in|inside)\s+(?:(?:a|an|the)\s+)?"
        r"(?:[\w-]+\s+){0,2}(?:factory|plant|warehouse|depot|refinery)|"
        r"short circuit|caught fire after|after (?:hitting|colliding with|ramming into) (?:a |an )?|"
        r"gas cylinder|boiler|pressure cooker|tanker explosion|gas (?:explosion|blast|leak)|cylinder (?:explosion|blast)|methane|"
        r"coal mine|mine collapse|"
        r"aerial firing|celebratory firing|stray bullet|accidental(?:ly)? (?:firing|fire|discharge|shot|shooting)|"
        r"(?:ferry|train|rail|air|mining|industrial) disaster|"
        r"sank|sunk|sinks?|sinking|shipwrecks?|"
        # A crowd that crushed its own: "a stampede at a rally", "a crowd crush at the temple".
        r"stampedes?|crowd (?:crush|surge)|crush of (?:the )?crowds?",
        "disaster": r"earthquake|quake|aftershocks?|floods?|flooding|landslides?|cyclone|storm|(?:wind|hail|rain|thunder|dust|snow)storms?|"
        r"heavy rains?|monsoon|torrential|"
        r"rain-related|heatwave|lightning|avalanche|wildfires?",
        # An outbreak of a disease, not "an outbreak of violence" or "a new guerrilla group outbreak".
        "epidemic": r"cholera|dengue|ebola|measles|mpox|epidemic|pandemic|coronavirus|covid(?:-19)?|"
        r"(?:disease|virus|viral|flu|influenza) outbreaks?|outbreaks? of (?:[\w-]+ )?(?:disease|virus|flu|influenza|infection)s?",
        # A land dispute between tribes is communal violence (Kurram); a quarrel over money is a crime.
        # "killed in an apparent political feud" is no private quarrel.
        "crime": r"personal enmity|old enmity|family feud|(?<!political )feud|land dispute|property dispute|domestic dispute|"
        r"(?:monetary|money|financial|business) (?:and property )?disputes?|"
        r"robbery|robbers|dacoity|street crime|marital (?:issue|dispute)|honou?r killing|criminals|gangsters|"
        # Killings counted as homicides, the police's and the statisticians' word for crime
        # ("Eight violent homicides this Thursday in Tijuana", "2 homicides are registered").
        r"homicides?|homicidios?|asesinatos|"
        r"outlaws|drug (?:dealers|peddlers|traffickers|pushers)|(?:the )?suspect['’]s accomplices|"
        # A killing in the family: "allegedly killed by his brother", "stabbed to death by her husband".
        r"(?:killed|murdered|shot dead|stabbed|strangled|shot|axed|hacked|poisoned|slain|gunned down) "
        r"(?:to death )?(?:allegedly )?by (?:his|her|their) (?:own )?(?:elder |younger |step)?"
        r"(?:brothers?|father|husband|wife|sons?|cousins?|uncles?|nephews?|in-laws|relatives|mother|sisters?|"
        r"daughters?|(?:father|brother|son|sister)-in-law|family members?|ex-husband)",
        "sport": r"match|qualifier|innings|wickets?|stumps|goals?|tournament|championship|striker|bowler|batsman|"
        r"grand prix|pole position|pit stop|formula one|title battle",
        # Exercises, not acts: "live-fire missile exercises", "war games to simulate seizing",
        # "to practise blockading the island".
        "ceremony": r"parade|flypast|(?:military|naval|joint|live-fire|missile|air|war) exercises?|drills?|"
        r"war ?games|practi[cs](?:e|ed|ing) (?:blockad|strik|attack|seiz|invad)\w*|propaganda videos?|"
        # Arms shown, not used: "showed off new missiles at a parade", "unveiled a drone".
        r"(?:show(?:ed|s|ing)? off|display(?:ed|s|ing)?|unveil(?:ed|s|ing)?|exhibit(?:ed|s|ing)?|parad(?:ed|es|ing)) "
        r"(?:[\w-]+ ){0,3}?(?:missiles?|rockets?|drones?|weapons|arms|tanks|warheads?|launchers?|jets|aircraft|bombs)\b",
    }.items()
}


# Coding guide, section 2: a killing with no armed group named is still political where its
# victim is one of these (a police officer, a politician, a journalist, an activist, a cleric, a
# polio worker), or where the text names who did it or a side of faith, creed or war; in English
# or in Spanish.
POLITICAL_SIDE = compile_lower(
    r"\b(?:police(?:m[ae]n)?|officers?|soldiers?|troops|militants?|rebels?|politicians?|lawmakers?|"
    r"legislators?|candidates?|mayors?|councill?ors?|ministers?|officials?|leaders?|activists?|journalists?|"
    r"reporters?|clerics?|imams?|priests?|pastors?|judges?|polio|vaccinators?|tribal elders?|"
    r"islamists?|islamic|jihadists?|extremists?|terror\w*|insurgents?|guerrillas?|christians?|muslims?|hindus?|"
    r"sikhs?|shias?|shiites?|sunnis?|sectarian|religio\w+|prophet|blasphem\w*|political|election\w*|"
    r"ceasefire|truce|war|army|military|base|checkpoint|convoy|assassinat\w*|snipers?|gunm[ae]n|attackers?|"
    r"assailants?|himself|herself|themselves|regimes?|junta|"
    r"polic[ií]as?|agentes?|militares?|soldados?|activistas?|periodistas?|alcaldes?|regidore?s?|"
    r"diputad[oa]s?|candidat[oa]s?|l[ií]der(?:es)?|funcionari[oa]s?|sacerdotes?|defensor(?:a|es)?)\b"
    # "killed by three men", "asesinado por sicarios": who did it is named.
    r"|\b(?:by|por)\s+(?!(?:the\s+)?(?:time|end|morning|evening|night|noon|midnight)\b)"
)
# The words of a death alone: a killing, a body found, a homicide.
DEATH_ONLY = compile_lower(
    r"\b(?:kill\w*|murder\w*|execut\w*|shot|shoot\w*|dead|dies?|died|death|bod(?:y|ies)|corpses?|remains|"
    r"homicides?|slain|stabbed|asesin\w*|cad[aá]ver\w*|cuerpos?|muert\w*|ejecut\w*|ultim\w*|matan?)\b"
)


def non_political_kind(text: str) -> tuple[str, str] | None:
    """(kind, the words that say so) for a lower-cased sentence about an accident, a disaster,
    an epidemic, a crime, sport or a ceremony; None otherwise."""
    for kind, pattern in NON_POLITICAL_KINDS.items():
        if (match := pattern.search(text)) is not None and not RULED_OUT.search(text, 0, match.start()):
            if match.group() == "storm" and (
                STORMED_BY.search(text, max(0, match.start() - 40), match.start())
                or STORMED_PLACE.match(text, match.end())
            ):
                continue  # "Protesters storm court", "supporters storm parliament": an act, not weather
            if kind == "accident" and CAUSED_BY_WEAPON.match(text, match.end()):
                continue  # "an oil tanker explosion caused by a bomb": no accident
            if match.group() == "parade" and PEOPLE_HURT.search(text):
                continue  # "stabbed six people in a gay pride parade": the parade is where
            return kind, match.group()
    return None


# People hurt on purpose, which no parade's show of arms does.
PEOPLE_HURT = re.compile(r"\b(?:stabb(?:ed|ing)|shot|gunned down|opened fire|attacked|rammed)\b")
# A blast the sentence says a weapon set off.
CAUSED_BY_WEAPON = re.compile(
    r"\W*(?:\w+\W+){0,3}?(?:caused|triggered|set off|sparked)\s+by\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:bombs?|ieds?|(?:improvised\s+)?explosive\s+devices?|explosives|(?:land)?mines?|grenades?|rockets?|missiles?|"
    r"drones?|shells?)\b"
)


# What is stormed: a building or a place held.
STORMED_PLACE = re.compile(
    r"\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,2}?(?:parliament|court|building|offices?|headquarters|"
    r"compound|capitol|embassy|palace|(?:police\s+)?station|prison|jail|camp|base|airport|assembly|"
    r"ministry|consulate|residence|house|streets|university|college|school|hospital|hotel|mosque|church|"
    r"temple|shrine|checkpoint|post|bank|market|village|town)\b"
)
# Who storms a place: a crowd or a force, not the weather.
STORMED_BY = re.compile(
    r"\b(?:protesters|demonstrators|supporters|crowds?|mobs?|rioters|students|workers|troops|forces|"
    r"soldiers|police|militants|gunmen|rebels|fighters|insurgents|men|they|terrorists|attackers|assailants|"
    r"jihadists|militiamen|guerrillas|raiders|youths|villagers|residents)\s+(?:\w+\s+)?$"
)


# "Police ruled out the possibility of a robbery": the motive named is the one set aside.
RULED_OUT = re.compile(r"\b(?:ruled out|rule out|no (?:sign|evidence|indication) of)\b[^.;]*$")


# Tolls over weeks or a month, where the sentence gives no day of its own ("during October more
# than 350 people were killed", "in only 3 months, 137 bodies"): a day's incident that the UN
# puts among "800 killed in six weeks" keeps its day.
WEEKS_TALLY = compile_lower(
    # "during November 2018", not "during November 5".
    rf"\bduring (?:the month of )?{MONTH_PATTERN}\b(?!\s+\d{{1,2}}\b)|"
    # "there are 101 homicides in March": killings counted by name over a month.
    # "153 murders this January", "40 killings last month".
    r"\b\d[\d,]* (?:\w+ ){0,2}(?:homicides|murders|killings|executions)\b[^.;]{0,30}?"
    rf"\b(?:(?:in|this|last) (?:the month of )?{MONTH_PATTERN}\b(?!\s+\d)|(?:this|last|past) month\b)|"
    # "Nearly nine homicides a day on average"
    r"\b(?:on )?average\b|\b(?:a|per) day\b(?!\s+(?:after|before|earlier|later|ago|of|when|since)\b)|"
    r"\bin (?:only |just )?(?:\d+|two|three|four|five|six|seven|eight|nine|ten) (?:weeks|months)\b|"
    # "105 murders in 15 days": a count over many days.
    r"\bin (?:only |just )?(?:\d{2,}|[a-z]+teen|twenty|thirty) days\b"
)


# Totals over a war or a span of years: "has killed more than 40,000 people since 2009". A
# statistic only where the sentence counts the dead: "since the war broke out" alone is not.
SPAN_CUES = compile_lower(
    r"\bsince (?:19|20)\d\d\b|\bsince the (?:war|conflict|insurgency|fighting|uprising) (?:began|started|erupted|broke out)\b|"
    # "since Israel's ground operation began on October 27", "since the fires broke out".
    r"\bsince\b[^.;]{0,80}\b(?:began|started|broke out|erupted|was launched|were launched)\b|"
    r"\bover the (?:past|last) (?:\w+ )?(?:years?|decades?)\b|"
    # "ethnic violence that has killed at least 250 people over two years".
    r"\b(?:over|in|within) (?:two|three|four|five|six|seven|eight|nine|several|many|\d+) (?:years|decades)\b|"
    # "100 of its members have been killed by the police this year": a running toll.
    r"\b(?:have|has|had) been (?:killed|wounded|injured)\b[^.;]{0,40}\bthis year\b|"
    # "claimed at least 130 lives since November": a count since a month is a running toll.
    rf"\bsince (?:early |late |mid-)?{MONTH_PATTERN}\b|"
    # "more than 310 civilians during 20 days": a toll over days counted is a tally.
    r"\b(?:during|over|within|in the (?:past|last)) (?:the (?:past|last) )?(?:\d+|[a-z]+ty|ten|eleven|twelve|[a-z]+teen) "
    r"(?:consecutive )?(?:days|weeks|months)\b|"
    # "killed at least 41 Palestinians across Gaza on Sunday": a day's toll over a whole
    # territory is a tally of many incidents (coding guide, aggregates).
    r"\bacross (?:the )?(?:gaza|west bank|country|province|region|territory|(?:\w+ )?(?:strip|province|state))\b|"
    # "Scores of Palestinians have been killed in near-daily shootings": many dead over time,
    # uncounted, is a tally.
    r"\b(?:scores|dozens|hundreds|thousands) of [\w'’-]+ (?:have|had) been (?:killed|wounded|injured)\b|"
    r"\b(?:near-?|almost )?daily (?:attacks|shootings|strikes|raids|clashes|killings)\b"
    # "9 Dead in Less than 24 Hours": a day's count of many acts.
    r"|\bin (?:less than|under|fewer than) (?:24|48|72) hours\b"
    # "About 140 junta forces killed in week of resistance attacks": a week's toll of many acts.
    r"|\bin (?:a |one |the )?(?:week|fortnight|month)s? of (?:[\w'’-]+ ){0,2}(?:attacks|fighting|clashes|strikes|"
    r"raids|violence|operations|offensives?|bombings)\b"
    # "3 persons were killed in different circumstances in several provinces": a monitor's
    # daily toll over a country, not one incident.
    r"|\bin (?:different|various|several) (?:circumstances|provinces|governorates|regions)\b"
)

# "75 persons were killed yesterday, including 9 members of the regime forces", "18 people die
# over the weekend": a day's or a weekend's toll in a report that names no place is a tally.
DAY_TALLY = compile_lower(
    r"\b(?:killed|died|die|dead|murdered|executed) (?:yesterday|today|over the (?:past |last )?weekend|"
    r"in the (?:past|last) (?:24|48) hours)\b|\bat the hands of (?:organi[sz]ed crime|criminals)\b|"
    r"\band other circumstances\b"
)

TALLY_PARTS = compile_lower(r"\bincluding\b")

# Below this learned reading, a note's toll that names no place is a tally of many incidents
# ("75 persons were killed yesterday, including 9 members of the regime forces").
TALLY_READING = 0.4
# A place named before, referred back to: "500 people were executed in the village".
PLACE_BACK = compile_lower(
    r"\b(?:the|that|this|same) (?:village|town|city|area|district|region|camp|place|neighbou?rhood)\b|\bthere\b"
)

# Who killed them, named after the toll: "Dozens of ISIL fighters killed by Turkish-led forces".
KILLED_BY = compile_lower(r"\b(?:killed|slain|shot dead|gunned down|massacred|executed)\s+by\b")
# A sentence that opens on what the act told before it brought about: "…battalion has been
# attacked near the party headquarters. As a result, several were killed and wounded."
AS_A_RESULT = compile_lower(r"^\W*(?:as a (?:direct )?(?:result|consequence)|consequently)\b")

HUGE_TOLL = 1_000


# "In one of the highest death tolls since the start of the ceasefire, 25 casualties in clashes":
# the incident measured against the past, not a toll over it.
COMPARED_BEFORE = compile_lower(
    r"\b(?:highest|deadliest|worst|largest|biggest|heaviest|bloodiest|fiercest|strongest|most [a-z]+)\b[^.;,]{0,40}$"
)


# "the first major attack in the city in three years": an act measured against the past.
FIRST_OF_ITS_KIND = compile_lower(
    r"\b(?:the|its|their) first (?:major |such |big |large |serious |deadly )?"
    r"(?:attack|bombing|blast|clash|strike|protest|incident)\b[^.;,]{0,40}$"
)


# "…and raise the death toll to 120 during 11 days", "raising to 50, the number of civilian
# casualties", "raise the number of its martyrs to 18": a running toll, told after the news.
RUNNING_TOLL = compile_lower(
    r"\b(?:rais(?:e|es|ed|ing)|bring(?:s|ing)?|brought|push(?:es|ed|ing)?|tak(?:e|es|ing)|took)\s+"
    r"(?:to\s+(?:about\s+|at\s+least\s+|more\s+than\s+)?\d[\d,]*,?\s+)?the\s+"
    r"(?:death\s+|overall\s+|total\s+)?(?:toll|number)\b"
)


def _after_own_count(
    cue: re.Match[str], text: str, sentence: Mention, own_counts: dict[int, list[int]]
) -> bool:
    """Whether a span of time belongs to a running toll told after the sentence's own count
    ("kill 16 citizens today and raise the death toll to 120 … during 11 days")."""
    tolls = list(RUNNING_TOLL.finditer(text, 0, cue.start()))
    return bool(tolls) and any(
        end - sentence.start <= tolls[-1].start() for end in own_counts.get(sentence.sentence, [])
    )


def _statistic_cue(text: str, sentence: Mention, own_counts: dict[int, list[int]]) -> re.Match[str] | None:
    """The first cue of a statistic in a sentence that is neither a comparison with the past nor
    the span of a running toll told after the sentence's own count ("a massacre claims the lives
    of 8 citizens, raising to 50 the number of civilians killed since the start of clashes")."""
    for cue in STATISTIC_CUES.finditer(text):
        if cue.group().startswith("since") and COMPARED_BEFORE.search(
            text, max(0, cue.start() - 60), cue.start()
        ):
            continue
        if _after_own_count(cue, text, sentence, own_counts):
            continue
        return cue
    return None


def _only_vague_counts(casualties: list[Mention]) -> set[int]:
    """Sentences whose every count of people is a vague default ("many", "hundreds")."""
    vague: dict[int, bool] = {}
    for m in casualties:
        vague[m.sentence] = vague.get(m.sentence, True) and m.value.count.vague
    return {sentence for sentence, only in vague.items() if only}


# A toll summed over several operations or engagements: "killed 10 terrorists during multiple
# operations in Khyber Pakhtunkhwa", "nine were killed in two separate engagements in KP". Where
# the sentence names no town, its toll is the sum of incidents told apart, or of none told.
SEVERAL_OPERATIONS = compile_lower(
    r"\b(?:during|in)\s+(?:multiple|several|various|different|numerous|(?:two|three|four|five|six|\d+)\s+separate)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:operations|engagements|encounters|raids|ibos)\b"
)


class ContextStage:
    """Labels each sentence `statistic`, `non-political`, `background` or `coding note` where its
    words say so."""

    name = "context"

    def __call__(self, doc: Document) -> None:
        crowds = [m for m in doc.layer("triggers") if m.value.sub_event_type in PROTEST_OR_RIOT]
        # A past year told as what a crowd marched for ("to mark the anniversary of the 1980
        # execution") dates the grievance, not the march.
        past_year_sentences = {
            m.sentence
            for m in doc.layer("dates")
            if m.value.past_year and not grieved(doc.text, crowds, m.start, m.sentence)
        }
        # A toll in the thousands is a war's or a year's, not one incident's.
        counted = {m.sentence for m in doc.layer("casualties")}
        spanish = spanish_sentences(doc)
        # The most dead a sentence counts: a tally counts several ("el tercero en 24 horas" is one).
        most_dead: dict[int, int] = defaultdict(int)
        for m in doc.layer("casualties"):
            most_dead[m.sentence] = max(most_dead[m.sentence], m.value.count.value)
        # Whether the report, and each sentence, names a place below a country: a tally names none.
        placed_sentences = {m.sentence for m in doc.layer("places") if m.label == "place"}
        # The sentences that name a town or a district, not only a province.
        town_sentences = {
            m.sentence
            for m in doc.layer("places")
            if m.label == "place"
            and (m.value.entry is None or m.value.entry.kind not in ("admin1", "country"))
        }
        placed = bool(placed_sentences)
        readings = {m.sentence: m.value for m in doc.layer("incident_readings")}
        # "later put the death toll at 42", "hospital officials put the toll at 15": an incident's
        # toll, updated or given by another source, not a tally.
        updates = {m.sentence for m in doc.layer("casualties") if m.value.toll or m.value.party == "total"}
        vague = _only_vague_counts(doc.layer("casualties"))
        # A side's forces killed, in a sentence that names the country they fight in.
        countries = {m.sentence for m in doc.layer("places") if m.label == "country"}
        forces_dead = {
            m.sentence
            for m in doc.layer("casualties")
            if m.value.outcome == "killed" and m.value.party in ("state", "armed") and m.sentence in countries
        }
        # Where each sentence gives a day, resolved or not.
        day_starts: dict[int, list[int]] = defaultdict(list)
        for m in doc.layer("dates"):
            if m.value.precision == 1:
                day_starts[m.sentence].append(m.start)
        for m in doc.layer("unresolved_dates"):
            day_starts[m.sentence].append(m.start)
        dated = set(day_starts)
        note = is_note(doc)
        # A trigger this specific names the weapon of one incident (a landmine, a bomb blast, a
        # suicide bomb, an air strike), not the shelling or the killings a tally sums.
        weapons = {m.sentence for m in doc.layer("triggers") if m.value.strength >= NAMED_WEAPON}
        acts = {m.sentence for m in doc.layer("triggers")}
        named_acts = {m.sentence for m in doc.layer("triggers") if m.value.strength >= SPECIFIC_TRIGGER}
        crowd_acts = {m.sentence for m in crowds}
        huge_toll_sentences = {
            m.sentence for m in doc.layer("casualties") if m.value.count.value >= HUGE_TOLL
        }
        # A report whose headline is an accident or a disaster: assembly doubts its incidents
        # that carry no sign of their own of a political actor.
        if doc.title and (kind := non_political_kind(doc.title.lower())) is not None:
            doc.annotations.facts["non_political"] = kind
        flags: list[Mention] = []
        recalled: list[Mention] = []
        # Where each sentence's counts end: a span after a running toll that follows one of them
        # is the toll's, not the sentence's own count's.
        own_counts: dict[int, list[int]] = defaultdict(list)
        for m in doc.layer("casualties"):
            own_counts[m.sentence].append(m.end)
        # A sentence's own news: a toll, or an act in a word of its own (not "Hostage" of "Tel Aviv's
        # Hostage Square", a name's word where the text writes names with capitals).
        own_ends: dict[int, list[int]] = defaultdict(list, {i: list(ends) for i, ends in own_counts.items()})
        cased = not is_caseless(doc.text)
        for m in doc.layer("triggers"):
            if m.value.strength >= SPECIFIC_TRIGGER and not (cased and doc.text[m.start].isupper()):
                own_ends[m.sentence].append(m.end)
        for sentence in doc.layer("sentences"):
            text = doc.lower_text[sentence.start : sentence.end]
            value: tuple[str, str] | None = None
            if (cue := CODING_NOTE.search(text)) is not None:
                label, value = "coding note", ("coding note", cue.group())
            elif (
                (cue := _statistic_cue(text, sentence, own_counts)) is not None
                or (
                    (sentence.sentence in counted or sentence.sentence not in crowd_acts)
                    and (cue := TOLL_STATISTIC_CUES.search(text)) is not None
                )
                or (
                    sentence.sentence in counted
                    and sentence.sentence not in town_sentences
                    and (cue := SEVERAL_OPERATIONS.search(text)) is not None
                )
            ):
                label, value = "statistic", ("statistic", cue.group())
            elif sentence.sentence in huge_toll_sentences:
                label, value = "statistic", ("statistic", f"a toll of {HUGE_TOLL:,} or more")
            elif sentence.sentence in counted and (
                (
                    (cue := SPAN_CUES.search(text)) is not None
                    and not _after_own_count(cue, text, sentence, own_counts)
                    # "killing at least three people in the first major attack in the city in
                    # three years": the span a comparison measures, not one a toll is counted over.
                    and not FIRST_OF_ITS_KIND.search(text, max(0, cue.start() - 60), cue.start())
                )
                or (
                    sentence.sentence not in dated
                    and (cue := WEEKS_TALLY.search(text)) is not None
                    # "kills more civilians and raises the death toll to 116 in 12 days".
                    and not _after_own_count(cue, text, sentence, own_counts)
                )
                or (
                    most_dead[sentence.sentence] > 1
                    and sentence.sentence in spanish
                    and (cue := spanish_tally(text)) is not None
                )
            ):
                label, value = "statistic", ("statistic", cue.group())
            elif (
                sentence.sentence in counted
                and sentence.sentence not in placed_sentences
                # Judged per sentence where the toll is broken down as tallies are ("75 persons
                # were killed yesterday, including 9 members of the regime forces"), under a
                # headline that names its place; per report where it is not.
                and (not placed or TALLY_PARTS.search(text) is not None)
                and (cue := DAY_TALLY.search(text)) is not None
            ):
                label, value = "statistic", ("statistic", f"a day's toll with no place: {cue.group()!r}")
            elif (kind := non_political_kind(text)) is not None:
                label, value = "non-political", kind
            elif (
                note
                and sentence.sentence in counted
                and sentence.sentence not in placed_sentences
                and sentence.sentence not in updates
                and readings.get(sentence.sentence, 1.0) < TALLY_READING
                # "Asesinan a un activista": one death is one incident's, not a tally's.
                and most_dead[sentence.sentence] > 1
                and not PLACE_BACK.search(text)
                # "killed by a pressure landmine": a toll of one weapon is one incident's.
                and sentence.sentence not in weapons
                # "Guerrillas ambush an army truck. 8 military deaths and 20 wounded.": the toll
                # of the act told just before, not a tally of its own.
                and sentence.sentence - 1 not in acts
            ):
                reading = readings[sentence.sentence]
                label = "statistic"
                value = ("statistic", f"a toll with no place of its own (learned reading {reading:.2f})")
            elif (
                sentence.sentence in vague
                and sentence.sentence not in placed_sentences
                and sentence.sentence not in dated
                and not PLACE_BACK.search(text)
                # "A suicide bomber killed a number of tribal elders": one weapon's toll;
                # "Soldiers killed in ambush in northern Mali": one act's; "Seven soldiers were
                # killed when terrorists raided the post. Several terrorists were killed": the
                # act told just before, named or counted.
                and sentence.sentence not in named_acts
                and sentence.sentence - 1 not in named_acts | (counted - vague)
                and not (sentence.sentence - 1 in acts and AS_A_RESULT.search(text))
                # "Dozens of ISIL fighters killed by Turkish-led forces": a note's toll with its
                # killers is one act's, not a tally; so is a headline's toll of a side's forces
                # ("Dozens of Myanmar Regime Forces Killed in Three Days of Resistance Attacks").
                and not (note and KILLED_BY.search(text))
                and not (note and sentence.sentence in forces_dead)
            ):
                # "Many people were killed during those days": an uncounted toll with no place and
                # no day of its own.
                label, value = "statistic", ("statistic", "an uncounted toll with no place or day of its own")
            elif (cue := REFERENCED_ACT.search(text)) is not None and not any(
                sentence.start + cue.start() <= start for start in day_starts.get(sentence.sentence, [])
            ):
                recalled.append(
                    Mention(
                        sentence.start + cue.start(),
                        sentence.end,
                        "recalled clause",
                        cue.group(),
                        sentence.sentence,
                    )
                )
                continue
            elif (cue := background_cue(text)) is not None and (
                tail := trailing_recall(
                    doc.lower_text,
                    sentence.start,
                    sentence.start + cue.start(),
                    own_ends.get(sentence.sentence, []),
                )
            ) is not None:
                recalled.append(
                    Mention(tail, sentence.end, "recalled clause", cue.group(), sentence.sentence)
                )
                continue
            elif (
                (
                    cue is not None
                    # "Teachers took to the streets yesterday, in the biggest protest since the
                    # 1990 strikes": an act of a fresh day, compared with the past, not recalled.
                    # "Inspired by French demonstrators, unemployed Germans staged protests across
                    # the country today": the day may come after the comparison.
                    and not (
                        COMPARED_WITH_PAST.search(cue.group())
                        and FRESH_DAY.search(text)
                        and sentence.sentence in acts
                    )
                )
                or sentence.sentence in past_year_sentences
                or (
                    sentence.sentence >= LEAD_SENTENCES
                    and RECALLED_AFTER_LEAD.search(text)
                    # Only once the report has told an act of its own: after a governor's warning,
                    # "last week, a group of people marched" is the report's news.
                    and any(act < sentence.sentence for act in acts)
                )
            ):
                label = "background"
            else:
                continue
            flags.append(Mention(sentence.start, sentence.end, label, value, sentence.sentence))
        doc.set_layer("context", flags)
        doc.set_layer("recalled_clauses", recalled)
