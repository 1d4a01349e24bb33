"""Word lists shared by the name, quote and speaker finders (English news usage).

Plain frozensets and dicts, lower-cased unless said otherwise, so the rules that use them
stay short and the lists can grow without touching code.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Verbs that credit a statement to someone ("Kirby said", "said Kirby", "he told reporters").
SPEECH_VERBS = _words(
    """
    said says say added adds told tells stated states asked asks noted notes explained
    wrote warned warns insisted insists argued argues claimed claims confirmed
    confirms announced announces urged urges declared declares replied replies continued
    called calls accused accuses denied denies reported reports acknowledged acknowledges
    stressed stresses emphasized emphasised remarked tweeted posted
    """
)

# Nouns that head a description of a speaker ("the unnamed official", "UK officials").
SPEAKER_NOUNS = _words(
    """
    official officials spokesman spokesmen spokesperson spokeswoman spokespeople insider
    insiders source sources observer observers expert experts analyst analysts diplomat
    diplomats officer officers minister ministry report statement article agency government
    administration president secretary ambassador envoy lawmaker lawmakers senator commander
    aide aides witness witnesses resident residents police military spokesmen leader leaders
    """
)

# Descriptions that name a publication rather than a person ("the Reuters report" -> Reuters).
SOURCE_NOUNS = frozenset({"report", "article", "statement", "agency", "story"})

# Words that may stand between a speaker and the verb ("he also said", "Putin has said").
SKIPPABLE = _words(
    """
    also later previously again then further thus earlier once had has have will would could
    may might
    """
)
PASSIVE = frozenset({"was", "were", "is", "are", "be", "been", "being"})
PRONOUNS = frozenset({"he", "she", "they"})

# Titles and roles written before a name (compared lower-cased, trailing dot removed).
TITLES = _words(
    """
    president secretary minister spokesman spokesperson spokeswoman ambassador senator sen
    representative rep governor gov general gen chancellor premier king queen prince princess
    pope mayor director chief chairman chairwoman chair commander colonel col lieutenant lt
    captain capt major maj sergeant sgt admiral adm mr mrs ms dr prof professor judge justice
    envoy officer official dictator leader ceo founder editor writer correspondent reporter
    attorney atty pres
    """
)
# Words that qualify a title ("Foreign Secretary", "Secretary of State"); kept in an
# organisation's name ("Foreign Ministry", "Ministry of Defense").
TITLE_QUALIFIERS = _words(
    "foreign defense defence interior state home prime deputy vice former senior acting"
)
ROLES = TITLES | TITLE_QUALIFIERS

# Role words that name the same job ("the spokesman" refers to a "spokesperson").
ROLE_CANON = {
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "spokesperson": "spokesperson",
    "spokesmen": "spokesperson",
    "official": "official",
    "officials": "official",
}

# Words that make a capitalised run an organisation or place, not a person.
ORG_WORDS = _words(
    """
    house council ministry department union nations group agency committee office party army
    forces force company corporation inc ltd news times post service services bank university
    court government administration parliament congress senate kremlin pentagon states
    kingdom republic security intelligence commission organization organisation institute
    association federation fund network channel reuters korea russia ukraine china africa
    america europe east west north south
    """
)

# Capitalised words that are not names on their own (sentence starters, days, months).
NOT_NAMES = _words(
    """
    the a an it its in on at but and or however this that these those he she they we i you
    his her their our my your after before earlier many some most all approximately about
    early last today yesterday tomorrow of for with while when if as according there here
    what who why how where which statements also since so then thus yet still even only
    nearly more less several few no not nor both each every other such because although
    though despite during under over up down out into from by to western eastern northern
    southern image photo file written check next leave advertisement subscribe more could
    would should can will must might please hi credit
    monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    """
)

# Country adjectives and other spellings mapped to one entity name (keys lower-cased).
ALIASES = {
    "us": "US",
    "usa": "US",
    "united states": "US",
    "america": "US",
    "american": "US",
    "un": "UN",
    "united nations": "UN",
    "uk": "UK",
    "united kingdom": "UK",
    "britain": "UK",
    "great britain": "UK",
    "british": "UK",
    "eu": "EU",
    "european union": "EU",
    "russian": "Russia",
    "ukrainian": "Ukraine",
    "north korean": "North Korea",
    "north koreans": "North Korea",
    "south korean": "South Korea",
    "chinese": "China",
    "syrian": "Syria",
    "iranian": "Iran",
    "israeli": "Israel",
    "german": "Germany",
    "french": "France",
    "japanese": "Japan",
    "indian": "India",
}

# Adjectives that may open a name run and are split off it ("Russian President ...").
DEMONYMS = _words(
    """
    american british russian ukrainian chinese syrian iranian israeli german french japanese
    indian
    """
) | frozenset({"north korean", "south korean"})
