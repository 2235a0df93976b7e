"""Places resolved offline to GeoNames ids and coordinates.

Toponyms come from the parser's place entities (GPE, LOC, FAC) and from capitalised token sequences
that name a gazetteer place; demonyms ("Afghan") and capitals used for their government ("Moscow
warned") are left to the actors stage. Each distinct name is resolved once per article (one sense per
discourse) by a score mixing population and feature priors with the article's context: the countries
and states or provinces its other places fall in, "Town, Region" patterns and datelines. A name followed
by its kind ("Kaduna state", "the Sagaing region") is the region; a country's name is the country unless
the story is set in the state of a namesake town; a world city beats its tiny namesakes unless their
state is named; a foreign province needs some support from the rest of the article. Demonyms
("Turkish officials") lend their country a weak weight, and a village in a country nothing else in the
article points to is dropped as more likely a name the parser mistook for a place.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from . import actor_dictionary, gazetteer
from .gazetteer import Entry, Gazetteer, name_key
from .model import Parse, Place, Token

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Entity labels whose tokens may still form a place when the gazetteer is sure (the small parser
# often calls a foreign town a person or an organisation).
WEAK_LABELS = {"PERSON", "ORG", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", ""}
# Towns this large are recognised inside organisation names ("Chicago Police Department").
BIG_CITY = 100000
MAX_NAME_TOKENS = 5
MAX_DATELINE_TOKENS = 7  # "PORT-AU-PRINCE" is five tokens
CONTEXT_ROUNDS = 3
# Context weights (tuned on the LGL and GeoWebNews dev sets): share of the article's other places in
# a candidate's country, and a bonus for a town in a state or province the article names.
COUNTRY_WEIGHT = 4.0
STATE_BONUS = 1.5
# The article's demonyms ("Turkish officials") as a weak country context for towns and regions.
DEMONYM_WEIGHT = 1.0
TOWN_STATE_WEIGHT = 0.5
# A country's name reads as a namesake town or state only when the article's other places lie in that
# place's country (at least this share and weight) and its state is named twice, or named and holding
# other places, or holding four ("Italy" beside one mention of Texas stays the country).
LOCAL_SHARE = 0.8
LOCAL_MIN_WEIGHT = 3.0
LOCAL_STATE_WEIGHT = 2.0
WORLD_CITY = 1000000
LONE_PROVINCE_PENALTY = 2.0
SMALL_COUNTRY = 10000000
# Gazetteer-only matches (no place entity) must be at least this well known, or be explained by context.
MIN_TOWN_POPULATION = 15000
_DETERMINERS = {"the", "The", "THE"}
_LEADING_QUALIFIERS = {
    "northern", "southern", "eastern", "western", "central", "north", "south", "east", "west",
    "northeastern", "northwestern", "southeastern", "southwestern", "north-east", "north-west",
    "south-east", "south-west", "northeast", "northwest", "southeast", "southwest", "upstate", "downtown",
    "rural", "coastal", "greater", "occupied", "mainland", "neighbouring", "neighboring",
}
# A name followed by one of these is a street, building or institution, not the town ("Dublin Road").
_STREET_WORDS = {
    "road", "rd", "street", "st", "avenue", "ave", "boulevard", "blvd", "drive", "dr", "lane", "ln", "way",
    "highway", "hwy", "court", "place", "square", "parkway", "pkwy", "terrace", "circle", "pike", "trail",
}
# Words around a person-tagged name that show it is a place: "in Alexandria", "Alexandria woman".
_LOCATIVE_BEFORE = {"in", "near", "nearby", "toward", "towards", "via", "through", "outside", "across", "throughout", "around", "from", "into", "to", "at"}
_LOCAL_NOUNS = {
    "man", "woman", "men", "women", "boy", "girl", "resident", "residents", "police", "area", "native",
    "official", "officials", "mayor", "council", "school", "schools", "city", "county", "community",
    "family", "families", "teen", "couple", "businessman", "home", "homes", "neighborhood", "neighbourhood",
    "district", "suburb", "village", "town", "township", "province", "region", "municipality", "governorate",
    "camp", "commune",
}
# Verbs whose object is usually a place: "troops entered Jarablus", "families fled Sinjar".
_PLACE_OBJECT_VERBS = {
    "enter", "capture", "seize", "shell", "bomb", "flee", "reach", "liberate", "besiege", "storm", "recapture",
    "evacuate", "invade", "occupy", "raid", "bombard", "overrun",
}
# Nouns whose "of" phrase names a place: "the coast of Bodrum", "the outskirts of Kirkuk".
_PLACE_OF_NOUNS = {
    "coast", "island", "islands", "city", "town", "village", "province", "region", "district", "capital",
    "outskirts", "suburbs", "suburb", "port", "streets", "centre", "center", "north", "south", "east", "west",
    "heart", "people", "residents", "mayor", "governor", "county", "state", "municipality", "area", "shores",
}
_TRAILING_KINDS = {"province", "region", "state", "governorate", "oblast", "district", "area", "city", "town"}
_REGION_KINDS = {"province", "region", "state", "governorate", "oblast", "prefecture", "emirate", "territory"}
_NAME_JOINERS = {"and", "of", "&", "de", "del", "da", "do", "du", "la", "el", "al", "upon", "on"}
_DATELINE_ENDS = {",", ":", "—", "–", "-", "--", "("}


@dataclass
class Mention:
    """A toponym candidate: tokens ``[start, end)`` and the gazetteer places its name may denote."""

    start: int
    end: int
    key: str
    candidates: list[Entry]
    from_entity: bool
    container: Mention | None = None
    dateline: bool = False
    metonymy: bool = False


@lru_cache(maxsize=1)
def _metonymy_verbs() -> frozenset[str]:
    path = Path(str(resources.files("newsevents") / "data" / "gazetteer" / "metonymy_verbs.txt"))
    return frozenset(r[0] for r in gazetteer.read_table(path))


def find_places(parse: Parse, doc_id: str, gaz: gazetteer.Gazetteer | None = None) -> tuple[Place, ...]:
    """Places mentioned in the text, one record per place with all its mentions.

    ``gaz`` defaults to the bundled gazetteer; pass ``gazetteer.load(alias_files)`` to add user aliases.
    """
    if not parse.tokens:
        return ()
    gaz = gaz or gazetteer.load()
    mentions = _link_containers(parse, gaz, _detect(parse, gaz))
    _mark_metonymy(parse, mentions)
    chosen = _resolve(mentions, _demonym_countries(parse))
    places: dict[int, list[Mention]] = {}
    for mention in sorted(mentions, key=lambda m: m.start):
        entry = chosen.get(id(mention))
        if entry is not None and not mention.metonymy:
            places.setdefault(entry.index, []).append(mention)
    result = []
    for n, (index, found) in enumerate(places.items(), start=1):
        entry = gaz.entry(index)
        result.append(Place(
            id=f"{doc_id}:p{n}",
            name=entry.name,
            geonames_id=entry.geonames_id,
            lat=entry.lat,
            lon=entry.lon,
            country=entry.country,
            feature=entry.feature,
            mentions=tuple(parse.span(m.start, m.end) for m in found),
        ))
    return tuple(result)


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper()


def _key(tokens: tuple[Token, ...], start: int, end: int) -> str:
    return name_key("".join(t.text + t.whitespace for t in tokens[start:end]))


def _detect(parse: Parse, gaz: Gazetteer) -> list[Mention]:
    """The dateline, place entities the gazetteer knows, capitalised place names elsewhere, then
    every other capitalised occurrence of a name already found (one sense per discourse)."""
    tokens = parse.tokens
    mentions: list[Mention] = []
    taken = [False] * len(tokens)

    def take(found: Mention) -> None:
        found = _with_kind_word(tokens, gaz, found, taken)
        mentions.append(found)
        for j in range(found.start, found.end):
            taken[j] = True

    for dateline in _datelines(parse, gaz):
        if not any(taken[dateline.start:dateline.end]):
            take(dateline)
    people = _person_words(parse)
    for ent in parse.entities:
        if ent.label in PLACE_LABELS and not any(taken[ent.start:ent.end]):
            found = _hyphen_glued(tokens, gaz, taken, ent.start, ent.end) or _joined_name(
                tokens, gaz, ent.start, ent.end) or _match_inside(tokens, gaz, ent.start, ent.end)
            if found is not None and not _surname(found, people):
                take(found)
    for found in _scan(tokens, gaz, taken, lambda i, end, key, candidates: _plausible(
            gaz, tokens, i, end, key, candidates, people)):
        take(found)
    states = _named_states(gaz, mentions)
    if states:
        for found in _scan(tokens, gaz, taken, lambda i, end, key, candidates: _local_town(
                tokens, i, end, key, candidates, states, people)):
            found.from_entity = True
            take(found)
    known = {m.key for m in mentions}
    for found in _scan(tokens, gaz, taken, lambda i, end, key, candidates: key in known and _echo(tokens, i, end, people)):
        take(found)
    return mentions


def _with_kind_word(tokens, gaz: Gazetteer, mention: Mention, taken: list[bool]) -> Mention:
    """A name followed by the kind of region it is ("the Sagaing region", "Kaduna state") means the
    region, not the town of that name."""
    end = mention.end
    if end >= len(tokens) or tokens[end].lower not in _REGION_KINDS or taken[end] or mention.dateline:
        return mention
    if end + 1 < len(tokens) and _capitalised(tokens[end + 1]) and tokens[end + 1].pos == "PROPN":
        return mention  # "Kano State Government": a longer name
    key = mention.key + " " + tokens[end].lower
    regions = [c for c in gaz.lookup(key) if c.feature != "city"] or [
        c for c in mention.candidates if c.feature == "region"]
    if not regions:
        return mention
    # Its own key: the region is resolved apart from bare mentions of the town.
    return Mention(mention.start, end + 1, key, regions, mention.from_entity, mention.container,
                   mention.dateline, mention.metonymy)


def _named_states(gaz: Gazetteer, mentions: list[Mention]) -> set[str]:
    """Admin1 codes of the states and provinces the article names ("Connecticut", "Conn.")."""
    states = set()
    for mention in mentions:
        for c in mention.candidates:
            if _is_state(c) and c.admin1 and (name_key(c.name) == mention.key or gaz.is_alias(mention.key, c.index)):
                states.add(c.admin1)
    return states


def _local_town(tokens, start: int, end: int, key: str, candidates: list[Entry], states: set[str],
                people: set[str]) -> bool:
    """A small town of a state the article names ("Harwinton" in a Connecticut story)."""
    span = tokens[start:end]
    if key in people or span[0].tag in ("JJ", "NNPS") or any(t.pos != "PROPN" for t in span):
        return False
    labels = {t.ent_type for t in span}
    if labels - {"", "GPE", "LOC"}:
        return False
    if start > 0 and tokens[start - 1].pos == "PROPN" and _capitalised(tokens[start - 1]):
        return False
    if _inside_longer_name(tokens, end) or (end < len(tokens) and tokens[end].lower.rstrip(".") in _STREET_WORDS):
        return False
    return any(c.feature == "city" and c.admin1 in states and name_key(c.name) == key for c in candidates)


def _hyphen_glued(tokens, gaz: Gazetteer, taken: list[bool], start: int, end: int) -> Mention | None:
    """The whole of a hyphenated name the parser cut ("KwaZulu-Natal", "Guinea-Bissau")."""
    wide_start, wide_end = start, end
    while wide_start >= 2 and tokens[wide_start - 1].text == "-" and not tokens[wide_start - 1].whitespace \
            and not tokens[wide_start - 2].whitespace and _capitalised(tokens[wide_start - 2]):
        wide_start -= 2
    while wide_end + 1 < len(tokens) and tokens[wide_end].text == "-" and not tokens[wide_end - 1].whitespace \
            and not tokens[wide_end].whitespace and _capitalised(tokens[wide_end + 1]):
        wide_end += 2
    if (wide_start, wide_end) == (start, end) or any(taken[wide_start:wide_end]):
        return None
    key = _key(tokens, wide_start, wide_end)
    candidates = gaz.lookup(key) if key not in gaz.stopnames else []
    return Mention(wide_start, wide_end, key, candidates, from_entity=True) if candidates else None


def _joined_name(tokens, gaz: Gazetteer, start: int, end: int) -> Mention | None:
    """A name the parser split at a small word: "Trinidad and Tobago", "Isle of Man"."""
    for stop in range(min(len(tokens), end + 3), end + 1, -1):
        if tokens[end].lower not in _NAME_JOINERS or not _capitalised(tokens[stop - 1]):
            continue
        key = _key(tokens, start, stop)
        candidates = gaz.lookup(key)
        if candidates:
            return Mention(start, stop, key, candidates, from_entity=True)
    return None


def _surname(mention: Mention, people: set[str]) -> bool:
    """A one-word town name that is also part of a person's name in this article ("Chen", "Tyler")."""
    return mention.end - mention.start == 1 and mention.key in people and all(
        c.feature == "city" for c in mention.candidates)


def _person_words(parse: Parse) -> set[str]:
    """Words of the article's multi-word person names ("Jim Webb" makes a later "Webb" a person)."""
    words = set()
    for ent in parse.entities:
        if ent.label == "PERSON" and ent.end - ent.start > 1:
            words.update(name_key(t.text) for t in parse.tokens[ent.start:ent.end])
    return words


def _scan(tokens, gaz: Gazetteer, taken: list[bool], accept) -> list[Mention]:
    """Longest capitalised token sequences outside ``taken`` that name a place and pass ``accept``."""
    found: list[Mention] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if taken[i] or not _capitalised(token) or token.pos not in ("PROPN", "NOUN"):
            i += 1
            continue
        match = None
        for end in range(_name_run_end(tokens, taken, i), i, -1):
            if not _capitalised(tokens[end - 1]):
                continue
            key = _key(tokens, i, end)
            if not key or key in gaz.stopnames:
                continue
            candidates = gaz.lookup(key)
            if candidates and accept(i, end, key, candidates):
                match = Mention(i, end, key, candidates, from_entity=False)
                break
        if match is None:
            i += 1
            continue
        found.append(match)
        i = match.end
    return found


def _name_run_end(tokens, taken: list[bool], start: int) -> int:
    """End of the longest run from ``start`` (at most MAX_NAME_TOKENS) of untaken capitalised words and
    hyphens glued between them ("KwaZulu-Natal"); a span of it is a name when its last token is capitalised."""
    end = start + 1
    limit = min(len(tokens), start + MAX_NAME_TOKENS)
    while end < limit and not taken[end]:
        t = tokens[end]
        if not (_capitalised(t) or (t.text == "-" and not t.whitespace and not tokens[end - 1].whitespace)):
            break
        end += 1
    return end


def _datelines(parse: Parse, gaz: Gazetteer) -> list[Mention]:
    """Towns of datelines: upper-case names opening the text or a sentence, before a comma, colon, dash
    or bracket ("KABUL, Aug 16 (Reuters) -", "WASHINGTON (AP) --", "BEIRUT: ...")."""
    tokens = parse.tokens
    # A dateline opens the text, a sentence or a line (the parser often runs a headline into it).
    line_starts = {k + 1 for k, t in enumerate(tokens) if "\n" in t.text or "\n" in t.whitespace}
    starts = sorted({0} | {start for start, _ in parse.sentences} | line_starts)
    found = []
    seen: set[int] = set()
    for start in starts:
        while start < len(tokens) and not tokens[start].text.strip():
            start += 1
        if start in seen:
            continue
        seen.add(start)
        end = start
        while end < len(tokens) and end - start < MAX_DATELINE_TOKENS and (_upper_word(tokens[end]) or (
                end > start and tokens[end].text in ("-", "'") and end + 1 < len(tokens)
                and _upper_word(tokens[end + 1]) and not tokens[end - 1].whitespace)):
            end += 1
        if end == start or end >= len(tokens) or tokens[end].text not in _DATELINE_ENDS:
            continue
        if sum(len(t.text) for t in tokens[start:end]) < 4:
            continue
        key = _key(tokens, start, end)
        candidates = [c for c in gaz.lookup(key) if c.lat is not None] if key not in gaz.stopnames else []
        if candidates:
            found.append(Mention(start, end, key, candidates, from_entity=True, dateline=True))
    return found


def _upper_word(token: Token) -> bool:
    return token.text.isupper() and token.text[:1].isalpha()


def _match_inside(tokens, gaz: Gazetteer, start: int, end: int) -> Mention | None:
    """The entity's name, or its longest sub-span that names a place ("northern Syria" -> Syria)."""
    while start < end and tokens[start].text in _DETERMINERS:
        start += 1
    while end > start and tokens[end - 1].text in ("'s", "’s", "'", ".", ",", "-"):
        end -= 1
    if start >= end or not _capitalised(tokens[start]) or (end - start == 1 and tokens[start].tag in ("JJ", "NNPS")):
        return None
    streetlike = tokens[end - 1].lower.rstrip(".") in _STREET_WORDS or (
        end < len(tokens) and tokens[end].lower.rstrip(".") in _STREET_WORDS)
    key = _key(tokens, start, end)
    candidates = gaz.lookup(key) if key not in gaz.stopnames else []
    if candidates:
        return Mention(start, end, key, candidates, from_entity=True)
    if end - start > 1 and tokens[end - 1].lower in _TRAILING_KINDS:
        key = _key(tokens, start, end - 1)
        candidates = gaz.lookup(key)
        if candidates:
            return Mention(start, end, key, candidates, from_entity=True)
    if streetlike:
        return None
    inner = start
    while inner < end and tokens[inner].lower in _LEADING_QUALIFIERS:
        inner += 1
    for width in range(min(end - start - 1, MAX_NAME_TOKENS), 0, -1):
        for s in range(start, end - width + 1):
            if not _capitalised(tokens[s]) or tokens[s].tag in ("JJ", "NNPS"):
                continue
            key = _key(tokens, s, s + width)
            if key in gaz.stopnames:
                continue
            # Inside a longer place name only clear places count ("City Hall" is no town called Hall).
            candidates = [c for c in gaz.lookup(key) if (c.feature != "city" or name_key(c.name) == key)
                          and (s == inner or c.feature != "city" or c.population >= BIG_CITY)]
            if candidates:
                return Mention(s, s + width, key, candidates, from_entity=True)
    return None


def _strong(entry: Entry) -> bool:
    return entry.feature != "city" or entry.population >= MIN_TOWN_POPULATION


def _plausible(gaz: Gazetteer, tokens, start: int, end: int, key: str, candidates: list[Entry],
               people: set[str]) -> bool:
    """Whether a capitalised sequence outside place entities is a toponym rather than a word or name."""
    span = tokens[start:end]
    if span[0].tag in ("JJ", "JJR", "JJS") or (len(span) == 1 and span[0].tag == "NNPS"):
        return False
    if any(t.pos not in ("PROPN", "NOUN", "PUNCT") for t in span):
        return False
    if end < len(tokens) and tokens[end].lower.rstrip(".") in _STREET_WORDS:
        return False
    if all(c.feature == "city" and c.population < BIG_CITY for c in candidates) and (
            _inside_longer_name(tokens, end) or _after_longer_name(tokens, start)):
        return False
    # Other names of a town count only where the parser saw a place.
    named = [c for c in candidates if c.feature != "city" or name_key(c.name) == key or gaz.is_alias(key, c.index)]
    labels = {t.ent_type for t in span}
    locative = _locative(tokens, start, end)
    if labels <= {""}:
        if key in people:
            return locative and any(c.feature != "city" for c in named)
        return any(_strong(c) for c in named)
    if labels - WEAK_LABELS:
        return False
    if "PERSON" in labels:
        # A whole entity that is clearly a country or region ("Jordan" the person stays out), a
        # several-word region ("Rapides Parish"), or a town in a place-like context ("in Alexandria").
        whole = span[0].ent_iob == "B" and (end == len(tokens) or tokens[end].ent_iob != "I")
        if any(c.feature != "city" for c in named) and (whole or end - start > 1):
            return True
        return whole and locative and key not in people and any(_strong(c) for c in named)
    # Inside an organisation's name: "Minnesota Department of Transportation", "Chicago Police"; or a
    # whole entity the parser mislabelled, in a place-like context ("the Greek island of Kos").
    whole = span[0].ent_iob == "B" and (end == len(tokens) or tokens[end].ent_iob != "I")
    alone = not span[0].text.isupper() and not _inside_longer_name(tokens, end) and not _after_longer_name(
        tokens, start) and not (end < len(tokens) and tokens[end].text in ("'s", "’s"))
    return any(c.feature != "city" or c.population >= BIG_CITY for c in named) or (
        whole and alone and locative and key not in people and any(_strong(c) for c in named))


def _after_longer_name(tokens, start: int) -> bool:
    """The name ends a longer run of capitalised names ("a West Side Taco Bell")."""
    return start > 0 and _capitalised(tokens[start - 1]) and tokens[start - 1].pos == "PROPN"


def _locative(tokens, start: int, end: int) -> bool:
    """Context that shows a name is a place: "in Alexandria", "Alexandria woman", "the coast of Bodrum",
    or a list with a place entity ("Konya, Kayseri and Sivas")."""
    before = tokens[start - 1].lower if start > 0 else ""
    if before in _LOCATIVE_BEFORE or (end < len(tokens) and tokens[end].lower in _LOCAL_NOUNS):
        return True
    if before == "of" and start > 1 and tokens[start - 2].lower in _PLACE_OF_NOUNS:
        return True
    heads = [t for t in tokens[start:end] if not start <= t.head < end]
    if len(heads) != 1:
        return False
    first = heads[0]
    while first.dep == "conj" and first.head != first.i:
        first = tokens[first.head]
    if first.i != heads[0].i and first.ent_type in ("GPE", "LOC"):
        return True
    governor = tokens[first.head]
    return (first.dep == "pobj" and governor.lower in _LOCATIVE_BEFORE and first.i != heads[0].i) or (
        first.dep == "dobj" and governor.lemma.lower() in _PLACE_OBJECT_VERBS)


def _inside_longer_name(tokens, end: int) -> bool:
    """The name goes on with more capitalised words ("Lansing State Journal", "St. Patrick's Day")."""
    if end < len(tokens) and tokens[end].text in ("'s", "’s"):
        end += 1
    return end < len(tokens) and _capitalised(tokens[end]) and tokens[end].pos in ("PROPN", "NOUN")


def _echo(tokens, start: int, end: int, people: set[str]) -> bool:
    """A later capitalised repeat of a found name, unless it is part of a longer person name."""
    span = tokens[start:end]
    if span[0].tag in ("JJ", "JJR", "JJS") or (len(span) == 1 and span[0].tag == "NNPS"):
        return False
    if len(span) == 1 and name_key(span[0].text) in people:
        return False
    if any(t.ent_type == "PERSON" for t in span):
        inside = (start > 0 and tokens[start - 1].ent_type == "PERSON" and span[0].ent_iob == "I") or (
            end < len(tokens) and tokens[end].ent_iob == "I" and tokens[end].ent_type == "PERSON")
        return not inside
    return True


def _link_containers(parse: Parse, gaz: Gazetteer, mentions: list[Mention]) -> list[Mention]:
    """"Town, Region" and "Town, Country": the second name restricts the first, and finds towns and
    state abbreviations ("Greer, S.C.") that were not recognised on their own."""
    tokens = parse.tokens
    by_start = {m.start: m for m in mentions}
    by_end = {m.end: m for m in mentions}
    taken = {i for m in mentions for i in range(m.start, m.end)}
    added = []
    for comma, token in enumerate(tokens[:-1]):
        if token.text != "," or comma == 0 or not _capitalised(tokens[comma + 1]):
            continue
        right = by_start.get(comma + 1)
        if right is not None:
            if right.key in gaz.after_comma:
                right.candidates = gaz.lookup_after_comma(right.key)
        else:
            spans = [(comma + 1, end) for end in range(min(len(tokens), comma + 4), comma + 1, -1)]
            right = _lookup_span(tokens, gaz, taken, spans, gaz.lookup_after_comma)
        if right is None:
            continue
        regions = [c for c in right.candidates if c.feature == "country" or _is_state(c)]
        if not regions:
            continue
        left = by_end.get(comma)
        if left is not None and any(c.feature == "country" or _is_state(c) for c in left.candidates) and not any(
                c.feature != "city" and _inside(c, r) for c in left.candidates for r in regions):
            continue  # a list of countries or states: "China, Japan and Korea", "Texas, California"
        if left is None:
            spans = [(begin, comma) for begin in range(max(0, comma - 3), comma)]
            left = _lookup_span(tokens, gaz, taken, spans, gaz.lookup)
            if left is not None:
                left.candidates = [c for c in left.candidates if any(_inside(c, r) for r in regions)]
                if not left.candidates:
                    continue
                added.append(left)
                taken.update(range(left.start, left.end))
        if left is None or not any(_inside(c, r) for c in left.candidates for r in regions):
            continue
        if right.start not in by_start:
            added.append(right)
            by_start[right.start] = right
            taken.update(range(right.start, right.end))
        right.candidates = regions
        left.container = right
    return mentions + added


def _lookup_span(tokens, gaz: Gazetteer, taken: set[int], spans, lookup) -> Mention | None:
    """The first of ``spans`` (longest first) that is capitalised, free and names places."""
    for start, end in spans:
        if any(i in taken for i in range(start, end)):
            continue
        if not all(_capitalised(t) or t.text in (".", "-") for t in tokens[start:end]):
            continue
        key = _key(tokens, start, end)
        found = lookup(key) if key and key not in gaz.stopnames else []
        if found:
            return Mention(start, end, key, found, from_entity=False)
    return None


def _inside(entry: Entry, region: Entry) -> bool:
    """Whether ``entry`` lies in ``region`` as far as the gazetteer can tell."""
    if entry.index == region.index or entry.country is None or entry.country != region.country:
        return False
    if region.feature == "country":
        return True
    if _is_state(region) and region.admin1:
        return entry.admin1 == region.admin1 and not _is_state(entry)
    return entry.feature == "city"


def _is_state(entry: Entry) -> bool:
    """A first-level region (US state, province): it has an ISO 3166-2 code."""
    return entry.feature == "region" and bool(entry.code)


def _mark_metonymy(parse: Parse, mentions: list[Mention]) -> None:
    """Capitals (and bare town names) as subjects of speech or action verbs are actors, not places."""
    verbs = _metonymy_verbs()
    tokens = parse.tokens
    for mention in mentions:
        if mention.container is not None or mention.dateline:
            continue
        heads = [t for t in tokens[mention.start:mention.end] if not mention.start <= t.head < mention.end]
        if len(heads) != 1 or heads[0].dep not in ("nsubj", "nsubjpass"):
            continue
        verb = tokens[heads[0].head]
        if verb.lemma.lower() not in verbs:
            continue
        # A capital speaks for its government; a mere town name that speaks is a person ("Flores said").
        capital = any(c.capital and c.population >= 100000 for c in mention.candidates)
        if capital or all(c.feature == "city" for c in mention.candidates):
            mention.metonymy = True


def _prior(entry: Entry, key: str) -> float:
    if entry.feature == "country":
        # Among countries sharing a name, the more populous is the more often meant ("Congo").
        score = 11.0 + 0.1 * (math.log10(entry.population + 10) - 7.0)
    elif entry.feature == "region" and entry.code:
        score = 8.5 if entry.code.startswith("US-") else 8.0
    elif entry.feature == "other":
        score = 12.0  # continents, seas, world regions: "Atlantic" is the ocean before any town
    elif entry.feature == "region" and not entry.admin1:
        score = 9.0
    else:
        score = 2.0 + math.log10(entry.population + 10) + (1.5 if entry.capital else 0.0)
    if entry.lat is None:
        score -= 3.0
    if entry.feature == "city" and name_key(entry.name) != key and not gazetteer.load().is_alias(key, entry.index):
        score -= 2.5  # another (often historical) name of a town: "Salisbury" for Harare
    return score


def _resolve(mentions: list[Mention], peoples: Counter[str] | None = None) -> dict[int, Entry]:
    """Pick one place per name: priors first, then again with the article's countries and states."""
    groups: dict[str, list[Mention]] = {}
    for mention in mentions:
        groups.setdefault(mention.key, []).append(mention)
    picks: dict[str, Entry] = {
        key: max(_candidates(group), key=lambda e, k=key, g=group: (_prior(e, k) + _pattern(e, g), -e.index))
        for key, group in groups.items()
    }
    for _ in range(CONTEXT_ROUNDS):
        picks = {key: _pick(key, group, groups, picks, peoples) for key, group in groups.items()}
    chosen: dict[int, Entry] = {}
    containers = {m.container.key for m in mentions if m.container is not None}
    seen_countries = Counter(picks[k].country for k, g in groups.items() if any(m.from_entity for m in g))
    for key, group in groups.items():
        best = picks[key]
        if all(not m.from_entity for m in group) and not any(m.container for m in group) and key not in containers:
            if not _strong(best):
                continue
            # A foreign province named by capitalised words the parser saw as no place ("Delta",
            # "Rivers", "St. Mary") needs its country in the article; US states and curated names
            # ("BC", "Bavaria") are named too often to ask.
            if best.feature == "region" and best.code and not best.code.startswith("US-") and \
                    not seen_countries[best.country] and not gazetteer.load().is_alias(key, best.index):
                continue
        if _other_name_of_small_town(best, key) and not any(m.container for m in group):
            continue
        if _stray_village(best, key, group, seen_countries, peoples) and key not in containers:
            continue
        for mention in group:
            chosen[id(mention)] = best
    return chosen


def _stray_village(entry: Entry, key: str, group: list[Mention], seen_countries: Counter[str],
                   peoples: Counter[str] | None) -> bool:
    """A village in a country nothing else in the article points to: more likely a company or a name the
    parser took for a place ("Belk" the store, not Bełk in Poland)."""
    if entry.feature != "city" or entry.population >= MIN_TOWN_POPULATION or entry.country is None:
        return False
    if any(m.container or m.dateline for m in group) or (peoples and peoples[entry.country]):
        return False
    own = 1 if any(m.from_entity for m in group) else 0
    others = sum(seen_countries.values()) - own
    return others > 0 and seen_countries[entry.country] - own <= 0


def _other_name_of_small_town(entry: Entry, key: str) -> bool:
    """A small town known by this name only as one of its other (often historical) names."""
    return (entry.feature == "city" and entry.population < BIG_CITY and name_key(entry.name) != key
            and not gazetteer.load().is_alias(key, entry.index))


def _pick(key: str, group: list[Mention], groups: dict[str, list[Mention]], picks: dict[str, Entry],
          peoples: Counter[str] | None = None) -> Entry:
    countries: Counter[str] = Counter()
    states: Counter[str] = Counter()
    for other, entry in picks.items():
        if other == key or entry.country is None:
            continue
        weight = len(groups[other]) * (2.0 if any(m.dateline for m in groups[other]) else 1.0)
        countries[entry.country] += weight
        if entry.admin1:
            states[entry.admin1] += weight if _is_state(entry) else TOWN_STATE_WEIGHT * weight
    total = sum(countries.values()) or 1.0
    dateline = any(m.dateline for m in group)
    # Only for names the parser saw as places, beside other places: the rest is judged in _resolve.
    lone_province_test = bool(countries) and any(m.from_entity for m in group)
    small_countries = _small_countries()

    peoples = peoples or Counter()
    peoples_total = sum(peoples.values()) or 1

    def score(entry: Entry) -> float:
        value = _prior(entry, key) + _pattern(entry, group)
        if entry.feature != "country" and entry.country:
            value += DEMONYM_WEIGHT * peoples[entry.country] / peoples_total
        if entry.country:
            value += COUNTRY_WEIGHT * countries[entry.country] / total
        if not _is_state(entry) and entry.admin1 in states:
            value += STATE_BONUS + 0.5 * min(states[entry.admin1], 2.0)
        if dateline and entry.feature == "city":
            value += 1.0
        if lone_province_test and _is_state(entry) and entry.country in small_countries and \
                not countries[entry.country] and not gazetteer.load().is_alias(key, entry.index):
            # A province of a small country far from every other place the article names ("Berea" in
            # Lesotho for a Kentucky story) must not win on its region prior alone.
            value -= LONE_PROVINCE_PENALTY
        return value

    candidates = _candidates(group)
    if not any(m.container for m in group):
        # A country's name means the country unless "Town, Region" says otherwise ("Italy, Texas"),
        # and a region's own name beats the small towns named after it ("England, Arkansas").
        if any(c.feature == "country" for c in candidates):
            local = [c for c in candidates if c.feature != "country" and _local_reading(c, countries, states, total)]
            unsupported = not any(countries[c.country] for c in candidates if c.feature == "country")
            candidates = local if local and unsupported else [
                c for c in candidates if c.feature != "city" and not _foreign_namesake_province(c)]
        elif any(c.feature != "city" and c.lat is not None and name_key(c.name) == key for c in candidates):
            candidates = [c for c in candidates if _strong(c)]
        # A world city outweighs the country context of its tiny namesakes ("Toronto" in a story full of
        # US places) unless the article names the namesake's state ("Lima" beside Ohio).
        largest = max((c.population for c in candidates if c.feature == "city"), default=0)
        if largest >= WORLD_CITY:
            candidates = [c for c in candidates if c.feature != "city" or c.population * 100 >= largest
                          or states[c.admin1] >= 1.0]
    return max(candidates, key=lambda e: (score(e), -e.index))


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    """Demonyms and country adjectives ("Turkish", "Syrians") -> ISO3, from the actors' country table.
    US ones are left out: "American" is everywhere and the US has a namesake of most towns."""
    return {word: code for word, code in actor_dictionary.read_demonyms().items() if code != "USA"}


def _demonym_countries(parse: Parse) -> Counter[str]:
    """How often the article calls someone or something by each country's demonym: weak evidence of
    where its towns lie."""
    table = _demonyms()
    return Counter(table[t.text] for t in parse.tokens if t.text[:1].isupper() and t.text in table)


@lru_cache(maxsize=1)
def _small_countries() -> frozenset[str]:
    """ISO3 codes of countries under ``SMALL_COUNTRY`` people."""
    gaz = gazetteer.load()
    return frozenset(e.country for e in gaz.countries() if e.population < SMALL_COUNTRY)


def _foreign_namesake_province(entry: Entry) -> bool:
    """A province named like a country ("Niger" state of Nigeria): the bare name means the country, and
    "Niger State" names the province. US states ("Georgia") are too often meant to drop."""
    return _is_state(entry) and not entry.code.startswith("US-")


def _local_reading(entry: Entry, countries: Counter[str], states: Counter[str], total: float) -> bool:
    """A town or state named like a country, in an article set in that town's own state ("Palestine"
    beside Anderson County and Texas, "Georgia" beside Atlanta and Macon)."""
    if entry.country is None or not entry.admin1 or countries[entry.country] < LOCAL_MIN_WEIGHT:
        return False
    return countries[entry.country] / total >= LOCAL_SHARE and states[entry.admin1] >= LOCAL_STATE_WEIGHT


def _candidates(group: list[Mention]) -> list[Entry]:
    seen: dict[int, Entry] = {}
    for mention in group:
        for entry in mention.candidates:
            seen.setdefault(entry.index, entry)
    return list(seen.values())


def _pattern(entry: Entry, group: list[Mention]) -> float:
    """Bonus when a "Town, Region" mention of this name puts the town inside the region."""
    bonus = 0.0
    for mention in group:
        if mention.container is not None and any(_inside(entry, r) for r in mention.container.candidates):
            bonus = 20.0
    return bonus
