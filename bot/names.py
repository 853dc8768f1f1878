"""How organisations and people are written: a name's normal form, its core ("west midlands"), and the
short forms people use for it (a word of it, its initials, a county's short form)."""

from __future__ import annotations

import functools
import re

from bot.wording import COMPASS_WORDS, COUNTY_SHORT_FORMS, TOWN_ENDINGS

# The 43 Home Office forces of England and Wales plus the other UK forces: naming one that the corpus
# does not hold means the question is outside the corpus, not that a similar force should answer.
POLICE_FORCES = (
    "Avon and Somerset", "Bedfordshire", "Cambridgeshire", "Cheshire", "City of London", "Cleveland",
    "Cumbria", "Derbyshire", "Devon and Cornwall", "Dorset", "Durham", "Dyfed-Powys", "Essex",
    "Gloucestershire", "Greater Manchester", "Gwent", "Hampshire", "Hertfordshire", "Humberside", "Kent",
    "Lancashire", "Leicestershire", "Lincolnshire", "Merseyside", "Metropolitan", "Norfolk",
    "North Wales", "North Yorkshire", "Northamptonshire", "Northumbria", "Nottinghamshire",
    "South Wales", "South Yorkshire", "Staffordshire", "Suffolk", "Surrey", "Sussex", "Thames Valley",
    "Warwickshire", "West Mercia", "West Midlands", "West Yorkshire", "Wiltshire", "Scotland",
    "Northern Ireland",
)  # fmt: skip
# England's councils with children's services (2024): naming one the corpus does not hold puts a comparison
# or a question naming no other organisation outside the corpus ("is sefton better than lancashire?").
# The London boroughs (and the City), and the councils of Greater Manchester: a question about "London
# councils" asks about those the corpus holds there.
LONDON_COUNCILS = (
    "Barking and Dagenham", "Barnet", "Bexley", "Brent", "Bromley", "Camden", "City of London", "Croydon",
    "Ealing", "Enfield", "Greenwich", "Hackney", "Hammersmith and Fulham", "Haringey", "Harrow", "Havering",
    "Hillingdon", "Hounslow", "Islington", "Kensington and Chelsea", "Kingston upon Thames", "Lambeth",
    "Lewisham", "Merton", "Newham", "Redbridge", "Richmond upon Thames", "Southwark", "Sutton",
    "Tower Hamlets", "Waltham Forest", "Wandsworth", "Westminster",
)  # fmt: skip
GREATER_MANCHESTER_COUNCILS = (
    "Bolton", "Bury", "Manchester", "Oldham", "Rochdale", "Salford", "Stockport", "Tameside", "Trafford",
    "Wigan",
)  # fmt: skip
REGIONS = {
    r"london|londons|ldn": LONDON_COUNCILS,
    r"greater manchester|gtr manchester": GREATER_MANCHESTER_COUNCILS,
}
COUNCILS = (
    *LONDON_COUNCILS,
    "Barnsley", "Birmingham", "Bolton",
    "Bradford", "Bury", "Calderdale", "Coventry", "Doncaster", "Dudley", "Gateshead", "Kirklees", "Knowsley",
    "Leeds", "Liverpool", "Manchester", "Newcastle upon Tyne", "North Tyneside", "Oldham", "Rochdale",
    "Rotherham", "St Helens", "Salford", "Sandwell", "Sefton", "Sheffield", "Solihull", "South Tyneside",
    "Stockport", "Sunderland", "Tameside", "Trafford", "Wakefield", "Walsall", "Wigan", "Wirral",
    "Wolverhampton", "Cambridgeshire", "Derbyshire", "Devon", "East Sussex", "Essex", "Gloucestershire",
    "Hampshire", "Hertfordshire", "Kent", "Lancashire", "Leicestershire", "Lincolnshire", "Norfolk",
    "Nottinghamshire", "Oxfordshire", "Staffordshire", "Suffolk", "Surrey", "Warwickshire", "West Sussex",
    "Worcestershire", "Bath and North East Somerset", "Bedford", "Blackburn with Darwen", "Blackpool",
    "Bournemouth, Christchurch and Poole", "Bracknell Forest", "Brighton and Hove", "Bristol",
    "Buckinghamshire", "Central Bedfordshire", "Cheshire East", "Cheshire West and Chester", "Cornwall",
    "Cumberland", "Darlington", "Derby", "Dorset", "Durham", "East Riding of Yorkshire", "Halton",
    "Hartlepool", "Herefordshire", "Isle of Wight", "Isles of Scilly", "Hull", "Leicester", "Luton", "Medway",
    "Middlesbrough", "Milton Keynes", "North East Lincolnshire", "North Lincolnshire",
    "North Northamptonshire", "West Northamptonshire", "North Somerset", "North Yorkshire", "Northumberland",
    "Nottingham", "Peterborough", "Plymouth", "Portsmouth", "Reading", "Redcar and Cleveland", "Rutland",
    "Shropshire", "Slough", "Somerset", "South Gloucestershire", "Southampton", "Southend-on-Sea",
    "Stockton-on-Tees", "Stoke-on-Trent", "Swindon", "Telford and Wrekin", "Thurrock", "Torbay", "Warrington",
    "West Berkshire", "Westmorland and Furness", "Wiltshire", "Windsor and Maidenhead", "Wokingham", "York",
)  # fmt: skip
# The councils of Wales, Scotland and Northern Ireland, and the Crown dependencies, whose children's services
# other inspectorates inspect: a question naming one asks of a place no report here can be about ("is
# dundee better than lancashire for kids in care?").
OTHER_NATIONS_COUNCILS = (
    "Blaenau Gwent", "Bridgend", "Caerphilly", "Cardiff", "Carmarthenshire", "Ceredigion", "Conwy",
    "Denbighshire", "Flintshire", "Gwynedd", "Isle of Anglesey", "Anglesey", "Merthyr Tydfil",
    "Monmouthshire", "Neath Port Talbot", "Newport", "Pembrokeshire", "Powys", "Rhondda Cynon Taf", "Swansea",
    "Torfaen", "Vale of Glamorgan", "Wrexham", "Aberdeen", "Aberdeenshire", "Angus", "Argyll and Bute",
    "Clackmannanshire", "Dumfries and Galloway", "Dundee", "East Ayrshire", "East Dunbartonshire",
    "East Lothian", "East Renfrewshire", "Edinburgh", "Falkirk", "Fife", "Glasgow", "Highland", "Inverclyde",
    "Midlothian", "Moray", "North Ayrshire", "North Lanarkshire", "Orkney", "Perth and Kinross",
    "Renfrewshire", "Scottish Borders", "Shetland", "South Ayrshire", "South Lanarkshire", "Stirling",
    "West Dunbartonshire", "West Lothian", "Western Isles", "Antrim and Newtownabbey", "Ards and North Down",
    "Armagh", "Belfast", "Causeway Coast and Glens", "Derry and Strabane", "Fermanagh and Omagh",
    "Lisburn and Castlereagh", "Mid and East Antrim", "Mid Ulster", "Newry, Mourne and Down", "Jersey",
    "Guernsey", "Isle of Man",
)  # fmt: skip
_COUNCIL_WORDS = frozenset(c.lower() for c in COUNCILS)
MIN_COUNTY_TOWN = 5  # "wilt", "hamp" are no towns people write for their county
GENERIC = re.compile(
    r"\b(police|constabulary|service|services|council|county|borough|metropolitan|city|of|the|"
    r"local authority|children's|children’s|children s)\b",
    re.I,
)
_FUNCTION_WORDS = {"the", "of", "police", "service", "services", "council", "constabulary"}
_COMPASS = frozenset(COMPASS_WORDS.split())
CLIPPED = (3, 4)  # the lengths a long name is cut to
MIN_CLIPPED = 6  # shorter names are written whole
MIN_SHORT_NAME = 5  # shorter first words ("West", "North") are not names on their own
MIN_INITIALS = 3  # two letters ("WM") name too many things


@functools.lru_cache(maxsize=8192)  # called for every organisation on every question
def normal(text: str) -> str:
    """Lower case, curly quotes straightened, "&" as "and", punctuation but apostrophes turned to spaces."""
    text = text.lower().replace("’", "'").replace("-", " ").replace("&", " and ")
    text = re.sub(r"[^a-z0-9' ]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


@functools.lru_cache(maxsize=8192)  # called for every organisation on every question
def core_name(organisation: str) -> str:
    """'West Midlands Police' -> 'west midlands'; 'Metropolitan Borough of Barnsley' -> 'barnsley'."""
    full = normal(organisation)
    words = full.split()
    while words and GENERIC.fullmatch(words[0]):
        words.pop(0)
    while words and GENERIC.fullmatch(words[-1]):
        words.pop()
    # "Metropolitan Police Service" is all generic words: its first one is the name people use.
    return " ".join(words) or next((w for w in full.split() if w not in _FUNCTION_WORDS), full)


def short_names(by_org: dict[str, set[str]]) -> dict[str, list[str]]:
    """A longer name as people shorten it, by its first word ("Redcar"), another word of it ("Scilly", not
    "North") or its initials ("BCP"), when no other organisation's name has that word."""
    firsts: dict[str, list[str]] = {}
    used: dict[str, int] = {}  # how many organisations' names hold each word
    for org in by_org:
        words = core_name(org).split()
        for word in set(words):
            used[word] = used.get(word, 0) + 1
        for word in set(words if len(words) > 1 else []) - _COMPASS - _FUNCTION_WORDS:
            if len(word) >= MIN_SHORT_NAME:  # "Redcar", "Scilly", "Wrekin", "Poole" alone
                for name in (word, *in_the_plural(word)):
                    firsts.setdefault(name, []).append(org)
        # "BCP" for Bournemouth, Christchurch and Poole; "WMP" for West Midlands Police (its whole name)
        for letters in {initials(words), initials(normal(org).split())}:
            if len(letters) >= MIN_INITIALS:
                firsts.setdefault(letters, []).append(org)
        if paired_initials(words):
            firsts.setdefault(paired_initials(words), []).append(org)
    short: dict[str, list[str]] = {}
    for word, orgs in firsts.items():
        if len(orgs) == 1 and used.get(word, 0) <= 1:  # no other name has the word
            short.setdefault(orgs[0], []).append(word)
    for org, shorts in _place_shorts(by_org).items():
        short.setdefault(org, []).extend(shorts)
    return short


def in_the_plural(word: str) -> set[str]:
    """A place's name as people make it plural ("Scilly": "the Scillies"), if they do."""
    return {word[:-1] + "ies"} if re.search(r"[^aeiou]y$", word) else set()


def initials(words: list[str]) -> str:
    """A name's initials, "and" left out ("bcp")."""
    return "".join(w[0] for w in words if w != "and")


def paired_initials(words: list[str]) -> str:
    """ "t and w" for "telford and wrekin" (how "T&W" reads once "&" is "and"); "" for other names."""
    return f"{words[0][0]} and {words[2][0]}" if len(words) == 3 and words[1] == "and" else ""


def _place_shorts(by_org: dict[str, set[str]]) -> dict[str, list[str]]:
    """A county's or town's name as it is written short ("Cambs", "Lancs", "Oxon", "Pboro"), when no other
    organisation's name has a word starting with its first four letters ("yorks" may be York's)."""
    words = {w for org in by_org for w in core_name(org).split()}
    found: dict[str, list[str]] = {}
    for org in by_org:
        for word in core_name(org).split():
            if sum(w.startswith(word[:4]) for w in words) == 1:
                found.setdefault(org, []).extend(sorted(written_short(word)))
    return {org: shorts for org, shorts in found.items() if shorts}


def cuts(word: str) -> set[str]:
    """A long name's word cut to its first three or four letters ("cov", "cove" for "coventry")."""
    return {word[:n] for n in CLIPPED} if len(word) >= MIN_CLIPPED else set()


def clipped_names(by_org: dict[str, set[str]], ordinary: frozenset[str]) -> dict[str, list[str]]:
    """A place's name cut to its first three or four letters, as staff write it ("cov" for Coventry), when
    no other organisation's name has a word starting so and the cut is no ordinary word ("pet", "tel")."""
    words = {w for org in by_org for w in core_name(org).split()}
    found: dict[str, list[str]] = {}
    for org in by_org:
        for word in core_name(org).split():
            clips = cuts(word) - ordinary
            found.setdefault(org, []).extend(
                sorted(c for c in clips if sum(w.startswith(c) for w in words) == 1)
            )
    return {org: clips for org, clips in found.items() if clips}


def county_shorts(word: str) -> set[str]:
    """ "cambs" for "cambridgeshire", its county town when that is no council of its own ("cambridge", not
    "derby"), and the traditional short form ("oxon"); none for a word that is not a county's name."""
    made = {word[:4] + "s"} if word.endswith("shire") and len(word) > 8 else set()
    town = word.removesuffix("shire")
    if town != word and len(town) >= MIN_COUNTY_TOWN and town not in _COUNCIL_WORDS:
        made.add(town)
    return made | ({COUNTY_SHORT_FORMS[word]} if word in COUNTY_SHORT_FORMS else set())


def written_short(word: str) -> set[str]:
    """A county's or town's name word as people shorten it ("cambs", "oxon", "pboro")."""
    return county_shorts(word) | town_shorts(word)


def town_shorts(word: str) -> set[str]:
    """ "pboro", "p'boro" and "peterboro" for "peterborough"; none for a word without a town's ending."""
    for ending, short in TOWN_ENDINGS.items():
        head = word.removesuffix(ending)
        if head != word and len(head) >= 3:
            return {head + short, head[0] + short, f"{head[0]}'{short}"} - {word}
    return set()


def counties() -> tuple[str, ...]:
    """The counties people write short: those of the police forces' names, then the traditional forms."""
    forces = [w for force in POLICE_FORCES for w in normal(force).split() if county_shorts(w)]
    return tuple(dict.fromkeys(forces + list(COUNTY_SHORT_FORMS)))


def short_forms() -> frozenset[str]:
    """Every county's short form ("staffs", "oxon"): words, not slips of the keyboard."""
    return frozenset(short for county in counties() for short in county_shorts(county))


@functools.lru_cache(maxsize=8192)  # called for every organisation on every question
def person_name(inspector: str) -> str:
    """'HMI Wendy Williams' -> 'wendy williams': a person's name without the title."""
    return re.sub(r"^(hmi|hm inspector|inspector|lead inspector|mr|mrs|ms|dr)\s+", "", normal(inspector))
