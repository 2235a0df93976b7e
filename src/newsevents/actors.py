"""Actors: who is who, with codes, affiliations and coreference.

One linear pass: dictionary matches and NER spans become *units*; dependency links compose units into
actor mentions ("Kenyan police" -> KENCOP, "Russian Foreign Minister Sergei Lavrov" -> a RUSGOV person
titled Foreign Minister); mentions of one real-world entity merge into one actor; pronouns and definite
role nouns ("the official") are then resolved to an earlier actor and added to its mentions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from . import actor_dictionary as ad
from .actor_dictionary import ActorDictionary, Entry
from .model import Actor, Entity, Parse, Span

# Dependency labels through which a modifier lends its country, organization or title to its head.
_MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod", "npadvmod", "flat", "nn"})
_LINK_PREPS = frozenset({"of", "from", "in", "for"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
_SPEECH_LEMMAS = frozenset({
    "say", "tell", "add", "announce", "state", "claim", "insist", "warn", "note", "deny", "confirm", "write",
    "accuse", "urge", "call", "describe", "report", "declare", "stress", "argue", "explain", "reply",
})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
# "her client", "its former colony": someone other than the possessor, of this kind
_FOLLOWER_NOUNS = frozenset({"supporter", "follower", "loyalist", "partisan"})
_OTHER_PARTY_NOUNS = {"client": ad.PERSON, "colony": ad.COUNTRY}
_IN_PERSON_SPEECH = frozenset({"tell", "add", "explain", "insist", "recall", "reply", "admit", "ask", "shout"})
_WRITTEN = frozenset({"statement", "statements", "email", "e-mail", "letter", "filing", "note", "release"})
_TITLE_ADJ_SKIP = frozenset({"senior", "top", "former", "new", "current", "then", "acting", "outgoing", "incoming"})
_PLEONASTIC_HEADS = frozenset({"be", "seem", "appear", "happen", "remain", "take", "rain"})
_NER_ACTOR = {"PERSON": ad.PERSON, "ORG": ad.ORGANIZATION, "NORP": ad.DEMONYM, "GPE": ad.COUNTRY}
# verbs whose object is a place even when it is a capital's name
_PLACE_VERBS = frozenset({
    "visit", "leave", "reach", "enter", "tour", "arrive", "return", "fly", "travel", "attack", "bomb", "hit",
    "strike", "shell", "capture", "seize", "take", "control", "besiege", "evacuate", "surround", "rock", "shake",
    "storm", "flee", "cross", "approach", "target", "hold", "host", "move",
})
_ADDRESS_VERBS = frozenset({"call", "press", "lean", "rely", "depend", "impose", "sanction", "focus", "agree"})
# words after which "to <capital>" is a journey or a destination, not an addressee ("flew to Havana")
_MOTION_WORDS = _PLACE_VERBS | frozenset({
    "send", "deploy", "dispatch", "withdraw", "pull", "redeploy", "go", "come", "head", "drive", "sail", "march",
    "walk", "run", "deport", "extradite", "transfer", "relocate", "escape", "rush", "bring", "carry", "ship",
    "airlift", "trip", "journey", "flight", "road", "route", "way", "highway", "railway", "train", "bus", "visitor",
    "access", "link", "connection", "pipeline", "corridor", "convoy", "refugee", "migrant", "expand", "spread",
    "extend", "close", "near", "next", "due", "bound", "en", "back", "home", "closer", "nearer",
})
# verbs whose "from <capital>" is what a government gives or is asked for ("sought aid from Washington")
_OBTAIN_VERBS = frozenset({"demand", "seek", "receive", "get", "obtain", "request", "recall", "want", "expect", "win",
                           "secure", "buy", "import", "borrow", "accept", "need", "require", "ask", "extract",
                           "wring", "order", "purchase", "hear", "await", "solicit", "elicit", "learn"})
# nouns whose agent-noun modifier is who makes them ("opposition demands", "police raid"), not a kind of thing
_OWNED_ACTS = frozenset({"demand", "call", "request", "proposal", "offer", "plan", "pressure", "criticism",
                         "accusation", "claim", "threat", "ultimatum", "appeal", "offensive", "crackdown", "raid",
                         "assault", "attack", "condition", "concession", "statement", "position", "stance"})
# words whose "at <capital>" aims words or anger at its government ("hit back at Washington", "took aim at Rome")
_AIM_WORDS = frozenset({"hit", "lash", "aim", "swipe", "snipe", "jab", "rail", "bristle", "balk", "anger", "angry",
                        "furious", "rage", "outrage", "dig", "jibe", "criticism", "point", "poke", "strike"})
_DOMESTIC_ROLES = frozenset({"COP", "MIL", "GOV", "JUD", "LEG", "CVL", "OPP", "REB", "CRM", "EDU", "HLH", "LAB",
                             "REF", "SPY", "AGR", "PTY", "ELI"})
# bodies that act in their own country ("Ugandan opposition", "Kenyan police"), unlike governments and armies
_HOME_ROLES = frozenset({"COP", "JUD", "LEG", "CVL", "OPP", "REB", "CRM", "EDU", "HLH", "LAB", "REF", "AGR", "PTY"})
# forces and institutions a bare mention of which means the one country's already named
_INHERITING_ROLES = frozenset({"MIL", "COP", "SPY", "LEG", "JUD"})
_LOCATIVE_PREPS = frozenset({"in", "inside", "across", "throughout"})
_ARMED_NONSTATE = frozenset({"REB", "CRM", "UAF"})
_STATE_ROLES = frozenset({"GOV", "MIL", "COP", "LEG", "JUD", "SPY", "IGO"})
_NOT_PEOPLE = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "LAW", "DATE", "LANGUAGE"})
_SUBORDINATE_DEPS = frozenset({"advcl", "relcl", "acl", "pcomp"})
_QUOTE_MARKS = frozenset({'"', "“", "”", "''", "``", "«", "»"})
_DEPLOY_VERBS = frozenset({"send", "deploy", "dispatch", "mobilize", "mobilise", "station", "withdraw", "recall",
                           "mass", "pull", "order", "redeploy", "muster"})
_OPPONENT_NOUNS = frozenset({"critic", "opponent", "rival", "foe", "enemy", "adversary", "challenger", "detractor",
                             "victim", "target", "hostage", "captive", "prisoner"})
# "X-backed" and the like: X supports the actor from outside, it does not lend its country or name
# offices whose former holders count as elites (CAMEO ELI) rather than as the office
_FORMER_ROLES = frozenset({"GOV", "LEG"})
_BACKER_WORDS = frozenset({"backed", "supported", "sponsored", "funded", "financed", "armed", "allied", "aligned",
                           "inspired", "trained", "friendly", "equipped", "linked", "affiliated"})
# articles in other languages that open names of groups ("Los Choneros", "Al-Shabaab", "La Familia")
_AGE_FEATURES = frozenset({"pronoun", "person"})
_ARTICLE_WORDS = frozenset({"Los", "Las", "La", "El", "Al", "Le", "Les", "Die", "Der"})
_NAME_PARTICLES = frozenset({"de", "da", "del", "della", "di", "do", "dos", "das", "van", "von", "der", "den", "ter",
                             "bin", "ibn", "bint", "al", "el", "le", "la"})
_ALIAS_CUES = frozenset({"known as", "also known as", "better known as", "alias", "dubbed", "nicknamed", "also called"})
# last words that make a capitalised name an organization's, whatever the tagger says
_ORG_HEADS = frozenset({
    "front", "movement", "party", "army", "brigade", "brigades", "forces", "council", "union", "alliance", "group",
    "organization", "organisation", "committee", "congress", "agency", "ministry", "bank", "company", "corporation",
    "association", "federation", "league", "institute", "university", "commission", "court", "authority", "service",
    "network", "coalition", "militia", "foundation", "fund", "trust", "assembly", "parliament", "police", "guard",
    "mission", "office", "bureau", "department", "tribunal", "corps", "battalion", "regiment", "division", "ltd",
    "inc", "plc", "airways", "airlines", "times", "post", "news", "herald", "tribune",
    # company names ("Vantor Energy", "Apex Holdings")
    "energy", "holdings", "motors", "pharmaceuticals", "pharma", "systems", "technologies", "telecom", "telecoms",
    "industries", "petroleum", "mining", "resources", "railways", "communications", "electric", "insurance",
    "securities", "logistics", "shipping", "media", "foods", "laboratories", "corp", "llc", "limited", "gmbh",
    "programme", "program",
})
# last words of an organization's name that make it a business ("Vantor Energy", "Apex Holdings Ltd")
_COMPANY_HEADS = frozenset({
    "company", "corporation", "corp", "inc", "plc", "ltd", "llc", "limited", "gmbh", "airways", "airlines", "energy",
    "holdings", "motors", "pharmaceuticals", "pharma", "technologies", "telecom", "telecoms", "industries", "petroleum",
    "mining", "resources", "railways", "communications", "electric", "insurance", "securities", "logistics",
    "shipping", "foods", "laboratories",
})
# last words of a tagged place that make it a body instead ("West Yorkshire Police"; "the West Bank" stays a place)
_BODY_HEADS = frozenset({
    "police", "army", "council", "ministry", "party", "commission", "court", "agency", "union", "service", "forces",
    "guard", "parliament", "assembly", "authority", "department", "committee", "constabulary", "government",
})
# prepositions whose object pronoun is an argument of the verb, so never the verb's own subject ("fired at them");
# after "with", "behind", "around" it may be ("they took the hostages with them")
_ARGUMENT_PREPS = frozenset({"at", "on", "upon", "against", "to", "toward", "towards", "into", "about", "from"})
# what is done to people taken, hurt or tried: "Police arrested 40 men. They were charged" means the men
_PATIENT_VERBS = frozenset({
    "arrest", "detain", "charge", "release", "free", "kill", "wound", "injure", "hospitalize", "hospitalise",
    "sentence", "convict", "jail", "imprison", "acquit", "rescue", "evacuate", "deport", "interrogate", "question",
    "abduct", "kidnap", "treat", "bury", "execute", "try", "indict", "prosecute", "fine", "expel", "find",
})
_GOVERNING_VERBS = frozenset({"rule", "govern", "lead", "run", "address", "serve", "represent", "unite", "modernize",
                              "modernise", "reform"})
# "a ship run by a charity": what an organization runs, operates or owns acts for it
_OPERATING_VERBS = frozenset({"run", "operate", "own", "charter", "manage", "crew", "fly"})
# what two states have with each other: a capital "between" them stands for its government
_DYAD_NOUNS = frozenset({"relation", "relations", "tie", "ties", "talk", "talks", "tension", "tensions", "row", "rift",
                         "dispute", "feud", "standoff", "deal", "agreement", "accord", "treaty", "truce", "dialogue",
                         "meeting", "summit", "negotiation", "negotiations", "rapprochement", "war", "conflict"})
# nouns for a government as a whole: one actor with its capital; any other body of it is an actor of its own
_WHOLE_GOVERNMENT = frozenset({"government", "administration", "cabinet", "regime", "authority", "authorities",
                               "junta", "leadership"})
_PRONOUN_WINDOW = 3  # sentences back
_FAR_PRONOUN_WINDOW = 5  # when only one person could be meant
_ROLE_WINDOW = 5
_MARGIN = 1.0  # how much more salient the chosen antecedent must be than the runner-up


@lru_cache(maxsize=1)
def _bundled() -> ActorDictionary:
    return ad.build()


@lru_cache(maxsize=8)
def _with_user_files(paths: tuple[str, ...]) -> ActorDictionary:
    return ad.build(paths, base=_bundled())


@lru_cache(maxsize=1)
def _pronouns() -> dict[str, frozenset[str]]:
    return ad.read_pronouns()


@lru_cache(maxsize=1)
def _epithets() -> dict[str, frozenset[str]]:
    return ad.read_epithets()


def load_dictionary(paths: Sequence[str] = ()) -> ActorDictionary:
    """Bundled actor dictionaries plus the user's files (user entries win).

    Files may be in our TSV format or PETRARCH/TABARI actors or agents format (detected).
    """
    if not paths:
        return _bundled()
    return _with_user_files(tuple(str(p) for p in paths))


# ---------------------------------------------------------------- units


@dataclass
class _Unit:
    start: int  # tokens [start, end)
    end: int
    end_char: int
    entry: Entry | None
    kind: str
    head: int = -1
    ner: str = ""
    dateline: bool = False  # an all-capital place name opening a line ("KHARTOUM, May 5 -")
    backer: bool = False  # "UN" in "UN-backed": supports the noun it modifies from outside
    described_by: _Unit | None = None  # the agent noun in apposition that says what a name is ("a gang")


def _head_token(parse: Parse, start: int, end: int) -> int:
    for i in range(end - 1, start - 1, -1):
        head = parse.tokens[i].head
        if head < start or head >= end or head == i:
            return i
    return end - 1


def _units(parse: Parse, dictionary: ActorDictionary) -> list[_Unit]:
    tokens = parse.tokens
    matches = []
    for start, end, end_char, entry in dictionary.match(parse):
        last = tokens[end - 1]
        if entry.agent and last.pos not in ("NOUN", "PROPN") and not (
                last.pos in ("ADJ", "VERB") and last.dep in ("nsubj", "nsubjpass", "dobj", "pobj")):
            continue  # "military" in "military aid" is a modifier; in "The military imposed" the tagger's ADJ is a noun
        if start > 1 and tokens[start - 1].text == "-" and tokens[start - 2].lower in ("pro", "anti") and (
                tokens[start - 1].start == tokens[start - 2].end):
            continue  # "pro-Russian separatists" are not Russian, "anti-government protesters" not the government
        if tokens[start].lower == "the" and end < len(tokens) and tokens[end].text[:1].isupper() and (
                tokens[end].pos in ("PROPN", "ADJ")):
            continue  # "the West" in "the West Bank", "the West African state": part of a longer name
        matches.append(_Unit(start, end, end_char, entry, entry.kind))
    by_token: dict[int, _Unit] = {}
    for unit in matches:
        for i in range(unit.start, unit.end):
            by_token[i] = unit
    units = list(matches)
    for ent in _joined_names(parse) + _untagged_organizations(parse):
        kind = _NER_ACTOR.get(ent.label)
        inner = list({id(u): u for i in range(ent.start, ent.end) if (u := by_token.get(i))}.values())
        if ent.label == "PERSON" and _organization_named(parse, ent, inner):
            for u in inner:
                u.ner = "ORG"
            if not inner:
                first = ent.start + 1 if parse.tokens[ent.start].lower == "the" else ent.start
                units.append(_Unit(first, ent.end, ent.end_char, None, ad.ORGANIZATION, ner="ORG"))
        elif ent.label == "PERSON":
            trusted = [u for u in inner if u.entry and not u.entry.agent and (u.entry.kind == ad.PERSON or u.entry.user)]
            if len(trusted) > 1 and all(u.entry.kind == ad.PERSON and not u.entry.user for u in trusted) and (
                    trusted[-1].end == ent.end):
                # "Abbas Araqchi": a given name that is also a known person's surname, before the known surname
                for u in trusted[:-1]:
                    units.remove(u)
                    inner.remove(u)
                trusted = trusted[-1:]
            if len(trusted) == 1 and len(inner) == 1 and _namesake(parse, trusted[0], ent.start):
                units.remove(trusted[0])  # "Pascal Mbeki" is not Thabo Mbeki: an unknown person of that surname
                inner, trusted = [], []
            if trusted:
                for u in trusted:
                    u.ner = "PERSON"
                if len(trusted) == 1 and len(inner) == 1:
                    _widen_to_name(parse, trusted[0], ent.start, ent.end)
                continue
            if inner and all(_is_country_like(u) and not u.entry.user for u in inner) and not _uncovered(
                    parse, ent.start, ent.end, inner):
                continue  # "Mali said", "Bosnian Serbs": the tagger's person is the country or its people
            last = parse.tokens[ent.end - 1]
            if not any(t.text[:1].isupper() for t in parse.tokens[ent.start:ent.end]) or (
                    ent.end - ent.start == 1 and last.dep == "compound" and parse.tokens[last.head].pos == "NOUN"):
                continue  # "into the bush", "Hutu extremists"
            start = ent.start
            # a title the tagger swallowed into the name ("Mullah Omar", "President Ruto")
            while start < ent.end and (u := by_token.get(start)) and u.entry and u.entry.agent:
                start = u.end
            if start >= ent.end:
                continue
            if start == ent.start and _given_name_left_out(parse, start, ent.end, by_token):
                start -= 1  # "Amrit" + "Bahadur Rai": the tagger's name starts a word late
            for u in inner:
                if u.start >= start:
                    units.remove(u)
            end = ent.end
            # a surname the tagger left out ("Maria Corina" + "Machado")
            while end < len(parse.tokens) and parse.tokens[end - 1].head == end and end not in by_token and (
                    parse.tokens[end].pos == "PROPN" and parse.tokens[end].text.istitle()
                    and parse.tokens[end].ent_type in ("", "PERSON", "GPE")):
                end += 1
            while _hyphen_joined(parse.tokens, end) and end + 1 not in by_token:
                end += 2  # "Sanwo-Olu": the tagger stops a double-barrelled name at the hyphen
            units.append(_Unit(start, end, parse.tokens[end - 1].end, None, ad.PERSON, ner="PERSON"))
        elif ent.label == "ORG":
            first = ent.start + 1 if parse.tokens[ent.start].lower == "the" and ent.end - ent.start > 1 else ent.start
            if not inner:
                titled = by_token.get(ent.start - 1)
                kind = ad.PERSON if titled is not None and titled.entry.agent and titled.entry.kind == ad.PERSON and (
                    _reads_as_person_name(parse.tokens[ent.start:ent.end])) else ad.ORGANIZATION
                given = _given_name_before(parse, ent, by_token)
                end = _surname_after(parse, ent, by_token) if kind == ad.ORGANIZATION else ent.end
                given_first = "given" in _pronouns().get(parse.tokens[first].lower, ())
                if kind == ad.ORGANIZATION and _reads_as_person_name(parse.tokens[first:end]) and (
                        _described_as_person(parse, first, end, by_token)
                        or end > ent.end and (_speaks(parse, first, end) or given_first)
                        or given_first and (_speaks(parse, first, end) or _beside_a_person(parse, first, end))
                        or _speaks_in_person(parse, first, end)
                        or _gendered_after(parse, first, end)):
                    # "Sylvain Ekenge, the army spokesman,", "Vikram Misri said": the tagger's organization is a
                    # person, or the first half of one
                    kind = ad.PERSON
                elif kind == ad.ORGANIZATION and given < ent.start:
                    kind, first = ad.PERSON, given  # "Kithure Kindiki told parliament": the tagger saw half a name
                if kind != ad.PERSON:
                    end = ent.end
                units.append(_Unit(first, end, parse.tokens[end - 1].end, None, kind,
                                   ner="PERSON" if kind == ad.PERSON else "ORG"))
            elif not any(u.entry.user or _is_named(u.entry) for u in inner) and _uncovered(parse, ent.start, ent.end,
                                                                                         inner):
                # "Kenya Airways", "Serbian Progressive Party": a name of its own that contains known words
                for u in inner:
                    units.remove(u)
                countries = [u.entry for u in inner if u.entry.kind in (ad.COUNTRY, ad.DEMONYM, ad.CAPITAL)]
                sectors = [u.entry for u in inner if u.entry.agent and u.entry.kind != ad.REFERENCE]
                country = (countries[0].country or countries[0].code) if countries else None
                role = sectors[-1].role if sectors else None
                unit = _Unit(first, ent.end, ent.end_char, None, ad.ORGANIZATION, ner="ORG")
                unit.entry = Entry(name=parse.text[parse.tokens[first].start:ent.end_char], code=_compose(country, sectors[-1]) if country and sectors else country,
                                   kind=ad.ORGANIZATION, country=country, role=role)
                units.append(unit)
            else:
                for u in inner:
                    u.ner = "ORG"
        elif ent.label == "NORP" and not inner and ent.end - ent.start > 1 and all(
                t.tag == "NNP" for t in parse.tokens[ent.start:ent.end]):
            # "run by SOS Humanity": a name of several singular proper nouns is an organization, not a people
            first = ent.start + 1 if parse.tokens[ent.start].lower == "the" else ent.start
            units.append(_Unit(first, ent.end, ent.end_char, None, ad.ORGANIZATION, ner="ORG"))
        elif kind is None and inner and ent.label in ("FAC", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT", "LOC"):
            for u in inner:
                # "Ivory Coast"; "the Vatican", which the tagger calls a building
                whole = u.start == ent.start + (parse.tokens[ent.start].lower == "the") and u.end == ent.end and (
                    ent.label == "LOC" or ent.label == "FAC" and u.entry.kind == ad.COUNTRY)
                if u.entry.kind == ad.REFERENCE and u.end > ent.end:
                    continue  # "the Gulf state": the place only says which country the noun refers to
                if u.entry.kind in (ad.COUNTRY, ad.DEMONYM, ad.CAPITAL, ad.OTHER) and not u.entry.user and not whole \
                        or u.entry.agent and not u.entry.user:
                    units.remove(u)  # "the Korean Peninsula", "Police Square"
        elif inner:
            for u in inner:
                if ent.label == "GPE" and u.entry.agent and not u.entry.user and u.start > ent.start:
                    units.remove(u)  # "the West Bank" is no bank
                    continue
                u.ner = ent.label
    units.extend(_unlabelled_people(parse, units))
    units.sort(key=lambda u: u.start)
    for unit in units:
        unit.head = _head_token(parse, unit.start, unit.end)
    at = {i: u for u in units for i in range(u.start, u.end)}
    for unit in units:
        if unit.kind == ad.PERSON and unit.entry is None:
            unit.described_by = _describing_body(parse, unit, at)
            if unit.described_by is not None:
                unit.kind, unit.ner = ad.ORGANIZATION, "ORG"  # "Los Choneros, a criminal gang"
    units.extend(_repeated_names(parse, units))
    units.sort(key=lambda u: u.start)
    for unit in units:
        unit.backer = unit.end + 1 < len(parse.tokens) and parse.tokens[unit.end].text == "-" and (
            parse.tokens[unit.end + 1].lower in _BACKER_WORDS)
        unit.head = _head_token(parse, unit.start, unit.end)
        before = parse.tokens[unit.start - 1].text if unit.start else "\n"
        unit.dateline = parse.tokens[unit.start].text.isupper() and (not before.strip() or "\n" in before)
        head_tok = parse.tokens[unit.head]
        modifies_noun = head_tok.dep == "compound" and parse.tokens[head_tok.head].pos == "NOUN"
        if unit.entry is not None and unit.ner == "PERSON" and not unit.entry.agent and not modifies_noun and (
                unit.entry.kind == ad.OTHER or unit.entry.user):
            unit.kind = ad.PERSON
    return units


def _describing_body(parse: Parse, unit: _Unit, at: dict[int, _Unit]) -> _Unit | None:
    """The group noun set off by commas beside a name the tagger took for a person's, which says it names a group:
    "Los Choneros, a criminal gang,", "Georgia's ruling party, Georgian Dream,". A plural noun ("one of the
    most powerful gangs") counts only for a name opening with a foreign article ("Los", "Al")."""
    tokens = parse.tokens

    def body(u: _Unit | None) -> bool:
        return u is not None and u.entry is not None and u.entry.agent and u.entry.kind in (
            ad.ORGANIZATION, ad.GROUP) and (tokens[u.head].tag == "NN" or tokens[unit.start].text in _ARTICLE_WORDS)

    if unit.end + 1 < len(tokens) and tokens[unit.end].text == ",":
        j = unit.end + 1
        while j < min(len(tokens), unit.end + 9):
            other = at.get(j)
            if other is not None and other.entry is not None and other.entry.agent and other.entry.kind != (
                    ad.REFERENCE):
                if body(other):
                    return other
                break
            if not (tokens[j].pos in ("DET", "ADJ", "ADV", "NUM", "PART") or tokens[j].lower == "of" or (
                    other is not None and (_is_country_like(other) or other.entry is not None))):
                break
            j += 1
    if unit.start > 1 and tokens[unit.start - 1].text == ",":
        other = at.get(unit.start - 2)
        if body(other) and other.end == unit.start - 1 and tokens[other.head].dep != "pobj":
            return other
    other = at.get(unit.start - 1)
    # "rival carrier Brightwing", "oil company Vantor" (but not "told the court Smith had")
    if body(other) and other.entry.kind == ad.ORGANIZATION and other.end == unit.start and not any(
            tokens[c].dep == "det" for c in _kids(parse, other.head)):
        return other
    return None


def _trimmed_entity(ent: Entity, parse: Parse) -> Entity | None:
    """The entity cut at a line break ("Brightwing" + "LONDON" of a headline run into a dateline) and without a
    trailing possessive mark ("Harlow Airways'")."""
    tokens = parse.tokens
    end = next((i for i in range(ent.start, ent.end) if "\n" in tokens[i].text), ent.end)
    while end > ent.start and tokens[end - 1].tag == "POS":
        end -= 1
    if end == ent.end:
        return ent
    if end == ent.start:
        return None
    return Entity(ent.start, end, ent.label, parse.text[ent.start_char:tokens[end - 1].end], ent.start_char,
                  tokens[end - 1].end)


def _kids(parse: Parse, i: int) -> list[int]:
    """Dependents of token ``i`` (a few tokens either side; for the rare look-ups before the tree is indexed)."""
    return [t.i for t in parse.tokens[max(0, i - 4):i + 5] if t.head == i and t.i != i]


def _joined_names(parse: Parse) -> list[Entity]:
    """The tagger's entities, with a person's name it split in two joined again: a second part that opens
    with a name particle ("Maria Fernanda" + "Cabal" + "de la Torre"), separated only by capitalised words."""
    tokens = parse.tokens
    joined: list[Entity] = []
    for ent in (_trimmed_entity(e, parse) for e in parse.entities):
        if ent is None:
            continue
        prev = joined[-1] if joined else None
        if prev is not None and prev.label == ent.label == "PERSON" and tokens[ent.start].lower in _NAME_PARTICLES and (
                all(t.pos == "PROPN" and t.text.istitle() and not t.ent_type for t in tokens[prev.end:ent.start])) and (
                all(t.whitespace for t in tokens[prev.end - 1:ent.start])) and ent.start - prev.end <= 2:
            joined[-1] = Entity(prev.start, ent.end, "PERSON", parse.text[prev.start_char:ent.end_char],
                                prev.start_char, ent.end_char)
        elif ent.label in ("GPE", "LOC", "PERSON") and ent.end - ent.start > 1 and (
                tokens[ent.end - 1].lower in _BODY_HEADS and tokens[ent.end - 1].text.istitle()):
            joined.append(Entity(ent.start, ent.end, "ORG", ent.text, ent.start_char, ent.end_char))
        else:
            joined.append(ent)
    return joined


def _untagged_organizations(parse: Parse) -> list[Entity]:
    """Capitalised names the tagger left unlabelled that end in an organization word ("the Kenya
    Anti-Corruption Commission"), as organization entities."""
    tokens = parse.tokens
    found = []
    i = 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and not tokens[j].ent_type and (
                tokens[j].pos == "PROPN" and tokens[j].text[:1].isupper() or j > i and _hyphen_joined(tokens, j)):
            j += 1
        if j - i >= 2 and tokens[j - 1].lower in _ORG_HEADS and tokens[j - 1].text.istitle():
            found.append(Entity(i, j, "ORG", parse.text[tokens[i].start:tokens[j - 1].end], tokens[i].start,
                                tokens[j - 1].end))
        elif j - i == 1 and i > 0 and len(tokens[i].text) > 1 and tokens[i].text.isupper() and (
                tokens[i - 1].lower in _ORG_HEADS and tokens[i - 1].text.islower()):
            # "the pilots' union BALPA": an acronym right after an organization noun names that organization
            found.append(Entity(i, j, "ORG", tokens[i].text, tokens[i].start, tokens[i].end))
        i = max(j, i + 1)
    return found


def _unlabelled_people(parse: Parse, units: list[_Unit]) -> list[_Unit]:
    """Names the tagger missed or mislabelled: a known person's surname ("Machado, who is in hiding"), a name
    after a title ("Governor Uba Sani"), a name opening with a given name ("Adolfo Macias"), or a name that speaks
    ("Ramtane Lamamra told reporters")."""
    tokens = parse.tokens
    covered = {i: u for u in units for i in range(u.start, u.end)}
    surnames = {parse.tokens[u.end - 1].text: u.start for u in units if u.kind == ad.PERSON and u.end - u.start > 1}
    labels = {i: e.label for e in parse.entities for i in range(e.start, e.end)}
    given = _pronouns()
    appos_of = {t.head for t in tokens if t.dep == "appos" and (u := covered.get(t.i)) is not None
                and u.kind == ad.PERSON and u.entry is not None and u.entry.agent}
    found = []
    i = 0
    while i < len(tokens):
        if i in covered or tokens[i].pos != "PROPN" or not tokens[i].text.istitle():
            i += 1
            continue
        j = i
        while j < len(tokens) and j not in covered and (tokens[j].pos == "PROPN" and tokens[j].text.istitle()
                                                          or j > i and _hyphen_joined(tokens, j)):
            j += 2 if j > i and _hyphen_joined(tokens, j) else 1
        head = tokens[_head_token(parse, i, j)]
        name = " ".join(t.text for t in tokens[i:j])
        title = covered.get(i - 1)
        other_label = any(labels.get(k) in _NOT_PEOPLE for k in range(i, j))
        cue = i - 1
        while cue > 0 and tokens[cue].text in _QUOTE_MARKS:
            cue -= 1
        is_person = (
            surnames.get(name, len(tokens)) < i
            or not other_label and (
                tokens[cue].lower in ("alias", "nicknamed", "dubbed")
                or tokens[cue].lower == "as" and tokens[cue - 1].lower == "known")
            and any(u.kind == ad.PERSON and cue - 3 <= u.end <= cue for u in units + found)
            or not other_label and j - i <= 4 and (
                j - i >= 2 and "given" in given.get(tokens[i].lower, ())
                or
                title is not None and title.entry is not None and title.entry.agent and title.kind == ad.PERSON
                and tokens[i - 1].dep == "compound"
                or j - i >= 2 and head.dep in _SUBJECT_DEPS and tokens[head.head].lemma in _SPEECH_LEMMAS
                or head.i in appos_of
            )
        )
        rest = covered.get(j)
        if is_person and rest is not None and rest.start == j and rest.kind == ad.PERSON and rest.entry is None and (
                tokens[j - 1].whitespace):
            rest.start = i  # "Tarek William Saab": the tagger's name starts a word late
        elif is_person:
            found.append(_Unit(i, j, tokens[j - 1].end, None, ad.PERSON, ner="PERSON"))
            if j - i > 1:
                surnames.setdefault(tokens[j - 1].text, i)
        i = j
    return found


def _repeated_names(parse: Parse, units: list[_Unit]) -> list[_Unit]:
    """Later occurrences of an organization's name the tagger found once but missed again ("Brightwing, which has
    lost money", tagged a common noun at the start of a sentence)."""
    tokens = parse.tokens
    covered = {i for u in units for i in range(u.start, u.end)}
    names: dict[str, list[_Unit]] = {}
    for u in units:
        if u.kind == ad.ORGANIZATION and u.entry is None and tokens[u.start].text[:1].isupper():
            names.setdefault(tokens[u.start].text, []).append(u)
    found = []
    for tok in tokens:
        if tok.i in covered or tok.text not in names:
            continue
        for u in names[tok.text]:
            end = tok.i + u.end - u.start
            if u.start < tok.i and end <= len(tokens) and all(
                    tokens[i].text == tokens[j].text and i not in covered for i, j in zip(range(tok.i, end),
                                                                                         range(u.start, u.end))):
                found.append(_Unit(tok.i, end, tokens[end - 1].end, None, u.kind, ner=u.ner))
                covered.update(range(tok.i, end))
                break
    return found


def _organization_named(parse: Parse, ent, inner: list[_Unit]) -> bool:
    """A span the tagger took for a person that names an organization: the dictionary knows it as one ("Boko
    Haram", "Al-Shabaab"), or it reads like one ("the Tigray People's Liberation Front", "Sudan Liberation
    Movement")."""
    tokens = parse.tokens
    if inner:
        return all(u.entry is not None and u.entry.kind in (ad.ORGANIZATION, ad.GROUP) and _is_named(u.entry)
                   for u in inner) and not _uncovered(parse, ent.start, ent.end, inner)
    return ent.end - ent.start > 1 and (tokens[ent.start].lower == "the" or tokens[ent.end - 1].lower in _ORG_HEADS)


def _given_name_before(parse: Parse, ent, by_token: dict) -> int:
    """Where a person's name starts when the tagger labelled only its last word an organization: capitalised
    untagged words compounded onto it, and the whole speaks or opens with a known given name."""
    tokens = parse.tokens
    start = ent.start
    while start > 0 and (tok := tokens[start - 1]).pos == "PROPN" and tok.text.istitle() and not tok.ent_type and (
            start - 1 not in by_token and tok.dep == "compound" and ent.start <= tok.head < ent.end):
        start -= 1
    if start == ent.start or not _reads_as_person_name(tokens[start:ent.end]):
        return ent.start
    head = tokens[_head_token(parse, start, ent.end)]
    speaks = head.dep in _SUBJECT_DEPS and tokens[head.head].lemma in _SPEECH_LEMMAS
    return start if speaks or "given" in _pronouns().get(tokens[start].lower, ()) else ent.start


def _given_name_left_out(parse: Parse, start: int, end: int, by_token: dict) -> bool:
    """Whether the one word before a tagged name is an untagged capitalised word compounded onto it, with no
    other name word before it."""
    tokens = parse.tokens
    if start == 0:
        return False
    tok = tokens[start - 1]
    before = tokens[start - 2] if start > 1 else None
    return tok.pos == "PROPN" and tok.text.istitle() and not tok.ent_type and start - 1 not in by_token and (
        tok.dep == "compound" and start <= tok.head < end and tok.whitespace) and not (
        before is not None and before.pos == "PROPN" and before.text[:1].isupper())


def _surname_after(parse: Parse, ent, by_token: dict) -> int:
    """Where a name ends when the tagger labelled only its first words an organization ("Vikram" + "Misri"):
    capitalised untagged words the tagged part is compounded onto."""
    tokens = parse.tokens
    end = ent.end
    while end < len(tokens) and end - ent.end < 2 and (tok := tokens[end]).pos == "PROPN" and tok.text.istitle() and (
            not tok.ent_type and end not in by_token and tokens[end - 1].whitespace):
        end += 1
    last = tokens[ent.end - 1]
    return end if end > ent.end and last.dep == "compound" and ent.end <= last.head < end else ent.end


def _speaks(parse: Parse, start: int, end: int) -> bool:
    """Whether the span is the subject of a speech verb, or is cited ("according to X")."""
    tokens = parse.tokens
    head = tokens[_head_token(parse, start, end)]
    if head.dep in _SUBJECT_DEPS and tokens[head.head].lemma in _SPEECH_LEMMAS:
        return True
    return start > 1 and tokens[start - 1].lower == "to" and tokens[start - 2].lower == "according"


def _speaks_in_person(parse: Parse, start: int, end: int) -> bool:
    """Whether the span is the subject of a speech verb people use and organizations seldom do ("X told
    reporters", "X added"), not in a written statement."""
    tokens = parse.tokens
    head = tokens[_head_token(parse, start, end)]
    verb = tokens[head.head]
    if head.dep != "nsubj" or verb.lemma not in _IN_PERSON_SPEECH:
        return False
    return not any(t.lower in _WRITTEN for t in tokens[verb.i + 1:verb.i + 8])


def _gendered_after(parse: Parse, start: int, end: int) -> bool:
    """Whether the span is its sentence's subject and "he", "she", "his" or "her" follows in that sentence with no
    other name between ("For decades Joenia Tapajo has fought to keep miners off her land")."""
    tokens = parse.tokens
    head = tokens[_head_token(parse, start, end)]
    if head.dep not in _SUBJECT_DEPS or tokens[head.head].dep not in ("ROOT", "ccomp"):
        return False
    pronouns = _pronouns()
    _, stop = parse.sentence_of(start)
    for tok in tokens[end:stop]:
        if tok.ent_type in ("PERSON", "ORG", "NORP", "GPE") or tok.text in _QUOTE_MARKS:
            return False
        features = pronouns.get(tok.lower, ())
        if tok.pos == "PRON" and "person" in features and ("male" in features or "female" in features) and (
                "object" not in features or tok.lower == "her" and tok.dep == "poss"):
            return True
    return False


def _beside_a_person(parse: Parse, start: int, end: int) -> bool:
    """Whether the span is coordinated with a name the tagger labelled a person ("X and Tina Salama")."""
    tokens = parse.tokens
    head = tokens[_head_token(parse, start, end)]
    partners = [head.head] if head.dep == "conj" else []
    partners += [t.i for t in tokens[end:end + 6] if t.dep == "conj" and t.head == head.i]
    return any(tokens[i].ent_type == "PERSON" for i in partners)


def _described_as_person(parse: Parse, start: int, end: int, by_token: dict) -> bool:
    """Whether a person's title stands in apposition to the name: "X, a government spokesman," or
    "the army spokesman, X,"."""
    tokens = parse.tokens
    head = _head_token(parse, start, end)

    def person_title(i: int) -> bool:
        u = by_token.get(i)
        return u is not None and u.entry is not None and u.entry.agent and u.entry.kind == ad.PERSON

    if tokens[head].dep == "appos" and person_title(tokens[head].head):
        return True
    return any(t.dep == "appos" and t.head == head and person_title(t.i) for t in tokens[end:end + 8])


def _reads_as_person_name(tokens) -> bool:
    """Two to four capitalised words with no organization word among them ("Resila Onyango")."""
    return 2 <= len(tokens) <= 4 and all(t.text.istitle() and t.pos == "PROPN" for t in tokens) and not any(
        t.lower in _ORG_HEADS for t in tokens)


def _hyphen_joined(tokens, i: int) -> bool:
    """Whether token ``i`` is a hyphen binding two capitalised words with no space ("Sanwo-Olu")."""
    return 0 < i < len(tokens) - 1 and tokens[i].text in ("-", "\u2010") and tokens[i - 1].end == tokens[i].start \
        and tokens[i].end == tokens[i + 1].start and tokens[i + 1].text[:1].isupper() and tokens[i - 1].text[:1].isupper()


def _namesake(parse: Parse, unit: _Unit, start: int) -> bool:
    """Whether a known person matched by surname has a given name before it that is not theirs."""
    tokens = parse.tokens
    known = {w.lower() for w in unit.entry.name.replace("-", " ").split()}
    given = [t for t in tokens[start:unit.start] if t.pos == "PROPN" and t.text.istitle()]
    return unit.entry.kind == ad.PERSON and not unit.entry.user and bool(given) and not any(
        t.lower in known for t in given)


def _widen_to_name(parse: Parse, unit: _Unit, start: int, end: int) -> None:
    """A known person matched by surname inside a longer tagged name ("Volodymyr Zelenskiy"): the unit covers
    the capitalised name words around it too, so the given name does not become a person of its own."""
    tokens = parse.tokens
    while unit.start > start and tokens[unit.start - 1].pos == "PROPN" and tokens[unit.start - 1].text.istitle():
        unit.start -= 1
    while unit.end < end and tokens[unit.end].pos == "PROPN" and tokens[unit.end].text.istitle():
        unit.end += 1
        unit.end_char = tokens[unit.end - 1].end


def _is_named(entry: Entry) -> bool:
    return not entry.agent and entry.kind not in (ad.COUNTRY, ad.DEMONYM, ad.CAPITAL)


def _uncovered(parse: Parse, start: int, end: int, inner: list[_Unit]) -> bool:
    covered = {i for u in inner for i in range(u.start, u.end)}
    return any(i not in covered and parse.tokens[i].text[:1].isupper() and parse.tokens[i].pos not in (
        "DET", "PUNCT", "PART", "CCONJ") for i in range(start, end))


# ---------------------------------------------------------------- composition


@dataclass
class _Mention:
    start: int  # char offsets
    end: int
    key: tuple
    name: str
    kind: str
    code: str | None = None
    country: str | None = None
    role: str | None = None
    title: str | None = None
    affiliation: tuple | None = None
    head: int = -1  # token
    plural: bool = False
    gender: str | None = None
    first_token: int = -1
    type: str = "name"
    entry: Entry | None = None
    lemma: str = ""
    bare: bool = False  # an agent noun with no country or organization of its own ("police")
    within: _Mention | None = None  # the body whose part a reference names ("the U.N." in "the U.N. watchdog")
    possessor: int = -1  # the possessive pronoun whose referent's country "his country" is
    counted: bool = False  # "three navy personnel": a number of people new to the story


@dataclass
class _Context:
    parse: Parse
    dictionary: ActorDictionary
    published: str | None
    units: list[_Unit]
    unit_at: dict[int, _Unit]
    children: list[list[int]]
    pronouns: dict[str, frozenset[str]]
    country_names: dict[str, str] = field(default_factory=dict)
    home: str | None = None
    described: dict[int, _Unit] = field(default_factory=dict)  # id of an agent unit -> the name it describes
    quote_of: list[int] = field(default_factory=list)  # token -> index of the direct quotation holding it, or -1
    quote_speakers: dict[int, set[int]] = field(default_factory=dict)  # quotation -> heads of its speakers
    mention_at: dict[int, _Mention] = field(default_factory=dict)  # head token -> mention


def _linked_units(ctx: _Context, unit: _Unit, person: bool) -> list[_Unit]:
    """Units that modify ``unit`` (and, for a person, the appositive description around it), nearest first."""
    tokens = ctx.parse.tokens
    own = set(range(unit.start, unit.end))
    seen = set(own)
    frontier = [unit.head] + [i for i in own if i != unit.head]
    head_tok = tokens[unit.head]
    if person and head_tok.dep in ("appos", "compound") and head_tok.head not in seen and not (
            head_tok.dep == "appos" and tokens[head_tok.head].tag == "NNS"):
        frontier.append(head_tok.head)
        seen.add(head_tok.head)
    role_noun = (_role_noun_across(ctx, head_tok) or _role_before_comma(ctx, unit)) if person else None
    if role_noun is not None and role_noun not in seen:
        frontier.append(role_noun)
        seen.add(role_noun)
    title = ctx.unit_at.get(unit.start - 1) if person else None
    if title is not None and title.entry is not None and title.entry.agent and title.entry.kind == ad.PERSON and (
            title.head not in seen):
        # "Sudan's army chief Abdel Fattah al-Burhan" parsed as two subjects: the title right before the name
        frontier.append(title.head)
        seen.add(title.head)
    found: list[_Unit] = []
    while frontier:
        i = frontier.pop(0)
        other = ctx.unit_at.get(i)
        if other is not None and other is not unit and other not in found and not other.backer:
            if other.kind == ad.PERSON and other.entry is None or (other.entry and other.entry.kind == ad.PERSON
                                                                   and not other.entry.agent):
                continue
            partner = _coordinated_org(ctx, other) if _is_country_like(other) else None
            if partner is not None:
                # "Colombia and ELN rebels": the country is the rebels' counterpart, the organization their name
                if partner.head not in seen:
                    seen.add(partner.head)
                    frontier.append(partner.head)
                continue
            found.append(other)
        opponent = tokens[i].lemma.lower() in _OPPONENT_NOUNS
        for child in ctx.children[i]:
            if child in seen or opponent and tokens[child].dep == "prep":
                continue  # "a fierce critic of the ruling party" is no member of it
            tok = tokens[child]
            if tok.lower in _BACKER_WORDS:
                continue  # "Iran-backed militias" are not Iran's, "the UN-backed government" not the UN's
            ok = tok.dep in _MODIFIER_DEPS or (person and tok.dep == "appos") or (
                tok.dep == "prep" and tok.lower in _LINK_PREPS) or (tok.dep == "pobj" and tokens[i].dep == "prep")
            if ok:
                seen.add(child)
                frontier.append(child)
    found.sort(key=lambda u: abs(u.head - unit.head))
    return found


def _role_noun_across(ctx: _Context, head_tok) -> int | None:
    """"a spokesman for M23, Lawrence Kanyuka,": the name is parsed as an apposition of the organization, but
    it names the person the role noun before it describes."""
    tokens = ctx.parse.tokens
    if head_tok.dep != "appos":
        return None
    owner = tokens[head_tok.head]
    prep = tokens[owner.head]
    if owner.dep != "pobj" or prep.dep != "prep" or prep.lower not in ("for", "of"):
        return None
    noun = tokens[prep.head]
    role = ctx.unit_at.get(noun.i)
    if noun.pos == "NOUN" and role is not None and role.entry is not None and role.entry.agent and (
            role.entry.kind == ad.PERSON) and noun.tag == "NN":
        return noun.i
    return None


def _role_before_comma(ctx: _Context, unit: _Unit) -> int | None:
    """"his Brazilian counterpart, Luiz Inacio Lula da Silva,", "Its leader in Gaza, Yahya Sinwar,": a name set off
    by commas right after a singular role noun (and a short phrase on it) names the person the noun describes,
    however the parser attached it."""
    tokens = ctx.parse.tokens
    i = unit.start - 1
    if i < 1 or tokens[i].text != "," or unit.end >= len(tokens) or tokens[unit.end].text not in (",", "."):
        return None
    j = i - 1
    for _ in range(6):
        if j < 0:
            return None
        other = ctx.unit_at.get(j)
        if other is not None and other.entry is not None and other.entry.agent and other.entry.kind == ad.PERSON:
            return other.head if tokens[other.head].tag == "NN" and other.end == j + 1 else None
        if tokens[j].pos not in ("ADP", "DET", "PROPN", "ADJ") and not (other is not None and _is_country_like(other)):
            return None
        j -= 1
    return None


def _coordinated_org(ctx: _Context, unit: _Unit) -> _Unit | None:
    """The named organization coordinated with a country word ("Colombia and ELN"), if any."""
    for child in ctx.children[unit.head]:
        other = ctx.unit_at.get(child)
        if ctx.parse.tokens[child].dep == "conj" and other is not None and _is_org(other):
            return other
    return None


def _is_country_like(unit: _Unit) -> bool:
    return unit.entry is not None and not unit.entry.agent and unit.entry.kind in (ad.COUNTRY, ad.DEMONYM, ad.CAPITAL)


def _is_org(unit: _Unit) -> bool:
    if unit.entry is None:
        return unit.kind == ad.ORGANIZATION
    return not unit.entry.agent and unit.entry.kind in (ad.ORGANIZATION, ad.GROUP, ad.OTHER)


def _country_of(unit: _Unit) -> str | None:
    entry = unit.entry
    if entry is None:
        return None
    if entry.country:
        return entry.country
    # a dictionary code opens with its country; one composed here from a bare sector ("REB") does not
    return entry.code[:3] if entry.code and len(entry.code) >= 3 and entry.key else None


def _code_of(ctx: _Context, entry: Entry) -> str | None:
    return entry.code_on(ctx.published)


def _compose(country_or_org: str | None, agent: Entry) -> str | None:
    suffix = agent.code
    if not country_or_org:
        return suffix
    if not suffix or suffix in country_or_org[3:]:
        return country_or_org
    return suffix + country_or_org if agent.prefix else country_or_org + suffix


def _text(ctx: _Context, start: int, end_char: int) -> tuple[int, int, str]:
    s = ctx.parse.tokens[start].start
    return s, end_char, ctx.parse.text[s:end_char]


def _key_for_org(code: str | None, fallback: tuple, body: str = "") -> tuple:
    """A country's government is one actor however it is named ("the Armenian government", "Yerevan"); ``body``
    names one of its parts ("defence ministry", "border service"), which stays an actor of its own."""
    if code and len(code) == 6 and code.endswith("GOV"):
        return ("composed", code, ad.ORGANIZATION, True, body) if body else ("gov", code)
    return fallback


def _body_words(ctx: _Context, unit: _Unit) -> str:
    """The words of an organization noun that names a part of a government rather than the whole of it."""
    tokens = ctx.parse.tokens
    if tokens[unit.head].lemma.lower() in _WHOLE_GOVERNMENT or unit.entry is None or unit.entry.kind != (
            ad.ORGANIZATION):
        return ""
    return " ".join(t.lower for t in tokens[unit.start:unit.end])


def _org_mention(ctx: _Context, unit: _Unit) -> _Mention:
    s, e, text = _text(ctx, unit.start, unit.end_char)
    entry = unit.entry
    if entry is not None and entry.key:
        code = _code_of(ctx, entry)
        # "the Kremlin", "the State Department": coded as the government, but a body of it with its own voice
        whole = entry.name.split()[-1].lower() in _WHOLE_GOVERNMENT
        key = _key_for_org(code, ("entry", entry.key)) if whole else ("entry", entry.key)
        name = entry.name
    else:
        code = entry.code if entry is not None else None
        key = ("org", " ".join(ad.pieces(text.removeprefix("the ").removeprefix("The "))))
        name = text
    kind = entry.kind if entry is not None and entry.kind in (ad.ORGANIZATION, ad.GROUP) else ad.ORGANIZATION
    words = [t.lower for t in ctx.parse.tokens[unit.start:unit.end]]
    # "Vantor Energy" is a business, "the Ministry of Mines and Energy" is not
    business = words[-1] in _COMPANY_HEADS and not any(w in _BODY_HEADS for w in words)
    role = entry.role if entry else "BUS" if business else None
    return _Mention(s, e, key, name, kind, code=code, country=_country_of(unit) if entry else None,
                    role=role, head=unit.head, first_token=unit.start, entry=entry)


def _gender_near(ctx: _Context, unit: _Unit, title_units: list[_Unit]) -> str | None:
    words = [ctx.parse.tokens[unit.start - 1].lower] if unit.start > 0 else []
    if unit.kind == ad.PERSON and unit.end - unit.start > 1:
        words.append(ctx.parse.tokens[unit.start].lower)
    words += [ctx.parse.tokens[u.head].lower for u in title_units]
    for word in words:
        features = ctx.pronouns.get(word)
        if features and "cue" in features:
            return "male" if "male" in features else "female" if "female" in features else None
    return None


def _title_text(ctx: _Context, unit: _Unit) -> str:
    tokens = ctx.parse.tokens
    start = unit.start
    for child in sorted(ctx.children[unit.head], reverse=True):
        tok = tokens[child]
        if child == start - 1 and tok.dep == "amod" and tok.pos == "ADJ" and child not in ctx.unit_at and (
                tok.lower not in _TITLE_ADJ_SKIP):
            start = child
    return ctx.parse.text[tokens[start].start:unit.end_char]


def _person_mention(ctx: _Context, unit: _Unit, mentions: list[_Mention]) -> None:
    linked = _linked_units(ctx, unit, person=True)
    titles = [u for u in linked if u.entry and u.entry.agent and u.entry.kind != ad.REFERENCE]
    titles.sort(key=lambda u: u.entry.kind != ad.PERSON)  # "spokesman for the ministry": the office noun is the title
    orgs = [u for u in linked if _is_org(u)]
    references = [u for u in linked if u.entry and u.entry.kind == ad.REFERENCE]
    countries = [u for u in linked if _is_country_like(u)]
    s, e, text = _text(ctx, unit.start, unit.end_char)
    title_unit = titles[0] if titles else None
    org_mention = None
    for org in orgs[:1]:
        org_mention = _org_mention(ctx, org)
        mentions.append(org_mention)
    affiliation = org_mention.key if org_mention else None
    if org_mention is None and references:
        # "the group's spokesman X": the group is resolved later, and X's affiliation with it
        _agent_mention(ctx, references[0], mentions)
        affiliation = ("ref", references[0].start)
    country = _country_of(countries[0]) if countries else None
    _possessor_countries(ctx, countries, mentions)
    entry = unit.entry if unit.entry is not None and not unit.entry.agent else None
    if entry is not None and entry.country and country and country != entry.country and (
            countries[0].start < unit.start):
        namesake_role = entry.role
        entry = None  # "Saudi King Abdullah": the country written on the title beats a namesake abroad
    else:
        namesake_role = None
    if entry is not None:
        code = _code_of(ctx, entry)
        if code and len(code) == 3 and title_unit is not None:
            code = _compose(code, title_unit.entry)
        key = ("entry", entry.key)
        name = entry.name
        country = entry.country or country
        role = entry.role
        title = _title_text(ctx, title_unit) if title_unit else entry.title
        if title_unit is not None and role in _FORMER_ROLES and code == (country or "") + role and (
                _former(ctx, title_unit)):
            role, code = "ELI", (country or "") + "ELI"  # "former prime minister Imran Khan"
    else:
        key = ("person", text)
        name = text
        role = title_unit.entry.role if title_unit else namesake_role
        tokens = ctx.parse.tokens
        body = next((u for u in titles[1:] if u.entry.kind != ad.PERSON and (
            tokens[u.head].dep == "poss" or tokens[u.head].dep == "pobj" and tokens[tokens[u.head].head].lower in (
                "for", "of"))), None)
        if role in (None, "GOV") and body is not None:
            role = body.entry.role  # "the guerrillas' chief negotiator": the body's sector, not a government's
        if body is not None and org_mention is None:
            _agent_mention(ctx, body, mentions)  # "the party's chairman": the party is mentioned too
        if org_mention is not None:
            country = country or org_mention.country
            if role in (None, "GOV") and org_mention.role:
                role = org_mention.role
            # "Amnesty International researcher X": a transnational body's staff carry its code, whatever their trade
            code = org_mention.code if not org_mention.country or role == org_mention.role or (
                org_mention.country in ("NGO", "IGO")) else None
            code = code or (org_mention.country + role if org_mention.country and role else org_mention.code)
        elif country:
            code = country + role if role else country
        else:
            # "the rebels' spokesman": a body with no country still gives its sector code
            code = _compose(None, body.entry) if body is not None and role == body.entry.role else None
            # "Judge Alejandro Rivera": the title's sector at least; the story's country is added later
            code = code or (role if title_unit is not None and body is None else None)
        if title_unit is not None and role in _FORMER_ROLES and _former(ctx, title_unit):
            role, code = "ELI", (country or "") + "ELI"  # "former president Carlos Menem": an elite, out of office
        title = _title_text(ctx, title_unit) if title_unit else None
    mentions.append(_Mention(
        s, e, key, name, ad.PERSON, code=code, country=country, role=role, title=title,
        affiliation=affiliation, head=unit.head,
        gender=_gender_near(ctx, unit, titles), first_token=unit.start, entry=entry,
    ))
    tokens = ctx.parse.tokens
    for token in _descriptions(ctx, unit):
        first = min([token.i] + [c for c in ctx.children[token.i] if tokens[c].dep == "det" and c < token.i])
        mentions.append(_Mention(tokens[first].start, token.end, key, token.text, ad.PERSON, head=token.i,
                                 first_token=first, type="description"))


def _possessor_countries(ctx: _Context, countries: list[_Unit], mentions: list[_Mention]) -> list[_Unit]:
    """"Iran's deputy foreign minister": the country named as possessor is an actor mention of its own."""
    owners = [u for u in countries[:1] if u.entry.kind == ad.COUNTRY and ctx.parse.tokens[u.head].dep == "poss"]
    for unit in owners:
        _named_mention(ctx, unit, mentions)
    return owners


def _descriptions(ctx: _Context, unit: _Unit):
    """Head nouns of appositions describing a person ("the spokesman, X, said"; "X, the group's chief")."""
    tokens = ctx.parse.tokens
    head_tok = tokens[unit.head]
    found = []
    parent = tokens[head_tok.head]
    # "his rival Raila Odinga": the tagger often reads "rival" as an adjective
    # "The two ministers, X and Y,": a plural noun describes them all, not the first one
    if head_tok.dep == "appos" and parent.tag != "NNS" and (
            parent.pos == "NOUN" or parent.lower in _OPPONENT_NOUNS or parent.pos == "PROPN" and (
            parent.lower in ctx.dictionary.person_nouns
            or parent.i + 1 < len(tokens) and tokens[parent.i + 1].lower == "of")):
        found.append(parent)
    found += [tokens[c] for c in ctx.children[unit.head] if tokens[c].dep == "appos" and tokens[c].pos == "NOUN"]
    across = _role_noun_across(ctx, head_tok)
    if across is None:
        across = _role_before_comma(ctx, unit)
    if across is not None and tokens[across] not in found:
        found.append(tokens[across])
    for token in found:
        other = ctx.unit_at.get(token.i)
        if other is None or (other.entry is not None and other.entry.agent and other.entry.kind == ad.PERSON):
            yield token


def _agent_mention(ctx: _Context, unit: _Unit, mentions: list[_Mention]) -> None:
    entry = unit.entry
    tokens = ctx.parse.tokens
    around = _linked_units(ctx, unit, person=False)
    linked = [u for u in around if not (u.entry and u.entry.agent)]
    orgs = [u for u in linked if _is_org(u)]
    countries = [u for u in linked if _is_country_like(u)]
    if not linked:
        # "Danish media and government": a bare conjunct shares its partner's country
        head_tok = tokens[unit.head]
        partner = ctx.unit_at.get(head_tok.head) if head_tok.dep == "conj" else None
        if partner is not None and partner.entry is not None and partner.entry.agent and not any(
                tokens[c].dep == "det" for c in ctx.children[unit.head]):
            linked = [u for u in _linked_units(ctx, partner, person=False)
                      if not (u.entry and u.entry.agent) and u.start < partner.start]
            orgs = [u for u in linked if _is_org(u)]
            countries = [u for u in linked if _is_country_like(u)]
            linked = []
    org_mention = _org_mention(ctx, orgs[0]) if orgs else None
    if org_mention is not None and linked:
        mentions.append(org_mention)
    owners = _possessor_countries(ctx, countries if linked else [], mentions)
    country = _country_of(countries[0]) if countries else (org_mention.country if org_mention else None)
    if org_mention is not None and org_mention.code:
        code = _compose(org_mention.code, entry)
        if entry.kind == ad.PERSON and entry.role == "GOV":
            code = org_mention.code
    else:
        code = _compose(country, entry)
    role = entry.role
    if org_mention is not None and entry.kind == ad.PERSON and role == "GOV" and org_mention.role:
        role = org_mention.role
    # "a spokesman for the rebels", "student representatives", "union leaders": the body spoken for or named
    # before the noun gives the sector
    speaks_for = next((u for u in around if u.entry and u.entry.agent and (
        u.entry.kind == ad.GROUP or u.entry.kind == ad.PERSON and u.end == unit.start and tokens[
            u.head].dep == "compound") and (
        u.entry.role not in (None, "GOV"))), None) if entry.kind == ad.PERSON and role == "GOV" and not linked else None
    if speaks_for is not None:
        role, code = speaks_for.entry.role, _compose(None, speaks_for.entry)  # "a spokesman for the rebels"
    if role in _FORMER_ROLES and _former(ctx, unit):
        role, code = "ELI", (country or "") + "ELI"
    # the mention spans the noun and its country words; a named organization keeps its own mention
    spanned = [u for u in linked if not _is_org(u) and u not in owners]
    parts = [unit] + [u for u in spanned if u.start < unit.start and u.end >= unit.start - 3]
    if speaks_for is not None and speaks_for.end == unit.start:
        parts.append(speaks_for)
    start = min(u.start for u in parts)
    end_unit = max([unit] + [u for u in spanned if u.start > unit.start and u.start - unit.end <= 3
                             and tokens[u.start - 1].lower in ("of", "from")], key=lambda u: u.end)
    s, e, text = _text(ctx, start, end_unit.end_char)
    head_tok = tokens[unit.head]
    plural = head_tok.tag in ("NNS", "NNPS") or (entry.kind == ad.GROUP and not head_tok.tag.startswith("NN"))
    # "the 8,000 medical workers": a counted group is new to the story, not a reference back
    definite = any(tokens[c].lower in _DEFINITE and tokens[c].dep == "det" for c in ctx.children[unit.head]) and not any(
        tokens[c].dep == "nummod" for c in ctx.children[unit.head])
    determiners = [tokens[c].lower for c in ctx.children[unit.head] if tokens[c].dep == "det"]
    premodified = any(u.start < unit.start for u in linked)
    if entry.kind == ad.REFERENCE:
        named_after = [u for u in countries if u.start > unit.start and tokens[u.head].dep == "pobj" and (
            tokens[tokens[u.head].head].lower == "of")] if linked and entry.role == ad.COUNTRY else []
        if named_after:
            _named_mention(ctx, named_after[0], mentions)  # "the Gulf state of Qatar" names Qatar, refers to nothing
            return
        # "the U.N. watchdog", "the UN agency": one of the named body's own agencies, named before
        within = org_mention if org_mention is not None and (org_mention.code or "").startswith("IGO") and all(
            _is_org(u) for u in linked if u.start < unit.start) and entry.role != ad.COUNTRY else None
        partner = _named_partner(ctx, unit) if definite and entry.role != ad.COUNTRY else None
        if partner is not None and partner.entry is not None and partner.entry.key:
            # "The group, Jama'at Nusrat al-Islam wal-Muslimin (JNIM), has": the name says which group
            named = _org_mention(ctx, partner)
            first = min([unit.start] + [c for c in ctx.children[unit.head] if tokens[c].dep == "det"])
            mentions.append(_Mention(tokens[first].start, e, named.key, named.name, named.kind, head=unit.head,
                                     first_token=first, type="description"))
        elif definite and (not premodified or within is not None):
            kind = ad.COUNTRY if entry.role == ad.COUNTRY else ad.ORGANIZATION
            # the mention opens at its determiner: "the tiny Gulf state", "the U.N. nuclear watchdog"
            first = min((c for c in ctx.children[unit.head] if tokens[c].dep == "det" and tokens[c].lower in (
                _DEFINITE)), default=unit.start)
            mentions.append(_Mention(tokens[first].start, e, ("ref", unit.start), text, kind,
                                     head=unit.head, first_token=first, type="reference", entry=entry,
                                     plural=plural, within=within))
        elif entry.role == ad.COUNTRY and not linked and unit.end - unit.start == 1:
            owner = next((c for c in ctx.children[unit.head] if tokens[c].dep == "poss" and tokens[c].pos == "PRON"
                          and tokens[c].lower in ctx.pronouns), None)
            if owner is not None and owner == unit.start - 1:
                # "warned that his country would": the country of whoever "his" is
                mentions.append(_Mention(tokens[owner].start, e, ("ref", unit.start), text, ad.COUNTRY,
                                         head=unit.head, first_token=owner, type="reference", entry=entry,
                                         possessor=owner))
        return
    kind = entry.kind if entry.kind in (ad.PERSON, ad.GROUP, ad.ORGANIZATION) else ad.GROUP
    if kind == ad.PERSON and plural:
        kind = ad.GROUP
    if kind != ad.PERSON and org_mention is None and countries and linked:
        group = _coordinated(ctx, countries[0])
        if len(group) > 1:
            _split_by_country(ctx, unit, group, kind, plural, mentions)
            return
    named = _named_partner(ctx, unit) if kind != ad.PERSON else None
    if named is not None:
        # "the main rebel group, Forces for Defence of Democracy,", "rights group Amnesty International": the
        # noun describes the named organization
        partner = _org_mention(ctx, named) if named.entry is None or not _is_country_like(named) else None
        if partner is not None:
            code = partner.code or code
            mentions.append(_Mention(s, e, partner.key, text, kind, code=code, country=country or partner.country,
                                     role=role, head=unit.head, plural=plural, first_token=start,
                                     lemma=head_tok.lemma.lower(), type="description", entry=entry))
            return
    if kind == ad.PERSON:
        key = ("anon", unit.start)  # each unnamed person is new unless coreference finds them
    else:
        bare = "" if linked else head_tok.lemma.lower()
        key = ("composed", code, kind, bool(linked), bare)
        if kind == ad.ORGANIZATION:  # "Algerian officials" are people of the government, not the government
            key = _key_for_org(code, key, _body_words(ctx, unit))
        body = next((ctx.unit_at.get(c) for c in ctx.children[unit.head] if tokens[c].dep == "poss"), None)
        if kind == ad.ORGANIZATION and body is not None and body.entry is not None and body.entry.agent and (
                body.entry.kind == ad.ORGANIZATION):
            # "the government's disaster ministry": a body within the one that owns it, not that body itself
            key = ("composed", code, kind, True, head_tok.lemma.lower())
            start = max(start, body.end + 1)
            s, e, text = _text(ctx, start, end_unit.end_char)
        if org_mention is not None and code == org_mention.code and entry.role == org_mention.role:
            key = org_mention.key  # "Hamas fighters" are Hamas
        elif org_mention is not None and orgs[0].end == unit.start and org_mention.code is None and (
                (kind == ad.ORGANIZATION or kind == ad.GROUP and head_tok.tag == "NN")
                and tokens[orgs[0].head].dep == "compound"):
            # "the Georgian Dream party", "the UGT union": the noun says what the named organization is
            key = org_mention.key
            if org_mention in mentions:
                mentions.remove(org_mention)
            s, e, text = _text(ctx, orgs[0].start, end_unit.end_char)
            start = orgs[0].start
            code = _compose(org_mention.country, entry)
    for place in spanned:
        # "soldiers in Niger": the country stays an actor of its own that "the country" can refer back to
        if place.start > end_unit.end and place.entry is not None and place.entry.kind == ad.COUNTRY and tokens[
                place.start - 1].lower == "in" and tokens[place.head].dep == "pobj":
            _named_mention(ctx, place, mentions)
    mention = _Mention(
        s, e, key, text[4:] if text.lower().startswith("the ") else text, kind, code=code, country=country,
        role=role, title=_title_text(ctx, unit) if kind == ad.PERSON else None,
        affiliation=org_mention.key if org_mention else None, head=unit.head, plural=plural,
        gender=_gender_near(ctx, unit, [unit]) if kind == ad.PERSON else None, first_token=start,
        lemma=head_tok.lemma.lower(), bare=not linked,
        counted=any(tokens[c].dep == "nummod" for c in ctx.children[unit.head]),
        type="role" if definite and kind == ad.PERSON and all(u.start < unit.start for u in spanned) or (
            definite and not premodified and not countries and "the" in determiners and kind in (
                ad.ORGANIZATION, ad.GROUP)) else "name",  # "the government in Rome" says whose it is
        entry=entry,
    )
    if mention.type == "role" and ctx.parse.tokens[start - 1:start] and tokens[start - 1].lower in _DEFINITE:
        mention.start = tokens[start - 1].start
        mention.first_token = start - 1
    mentions.append(mention)


def _former(ctx: _Context, unit: _Unit) -> bool:
    """"former president", "ex-minister": the office is past."""
    tokens = ctx.parse.tokens
    before = tokens[unit.start - 2:unit.start]
    return any(tokens[c].lower == "former" and tokens[c].dep == "amod" for c in ctx.children[unit.head]) or (
        bool(before) and before[-1].lower == "former") or (
        len(before) == 2 and before[0].lower == "ex" and before[1].text == "-")


def _named_partner(ctx: _Context, unit: _Unit) -> _Unit | None:
    """The named organization an agent noun stands in apposition to or before ("the rebel group, FDD,",
    "rights group Amnesty International")."""
    tokens = ctx.parse.tokens
    described = ctx.described.get(id(unit))
    if described is not None:
        return described
    head = tokens[unit.head]
    candidates = [c for c in ctx.children[unit.head] if tokens[c].dep == "appos" and c > unit.head]
    if head.dep in ("appos", "compound") and head.head > unit.head:
        candidates.append(head.head)
    for i in candidates:
        other = ctx.unit_at.get(i)
        if other is not None and other is not unit and _is_org(other) and (
                other.entry is None or other.entry.kind in (ad.ORGANIZATION, ad.GROUP)):
            return other
    return None


def _coordinated(ctx: _Context, first: _Unit) -> list[_Unit]:
    """The country words coordinated with ``first`` ("French, German and British", "of Egypt and Jordan")."""
    tokens = ctx.parse.tokens
    root = tokens[first.head]
    while root.dep == "conj" and root.head != root.i:
        root = tokens[root.head]
    heads = [root.i]
    for i in heads:
        heads.extend(c for c in ctx.children[i] if tokens[c].dep == "conj" and c not in heads)
    # "French, German and British troops": the tagger often makes each listed adjective a modifier of the noun
    listed = sorted((c for c in ctx.children[root.head] if tokens[c].dep == root.dep and c < root.i), reverse=True)
    edge = ctx.unit_at[root.i].start if root.i in ctx.unit_at else root.i
    for c in listed:
        unit = ctx.unit_at.get(c)
        if unit is None or not all(tokens[k].pos in ("PUNCT", "CCONJ") for k in range(unit.end, edge)):
            break
        heads.append(c)
        edge = unit.start
    units = {id(u): u for h in heads if (u := ctx.unit_at.get(h)) is not None and _is_country_like(u)}
    if first.head not in heads or len(units) != len(heads):
        return [first]
    return sorted(units.values(), key=lambda u: u.start)


def _split_by_country(ctx: _Context, unit: _Unit, group: list[_Unit], kind: str, plural: bool,
                      mentions: list[_Mention]) -> None:
    """One actor per listed country: "French and British troops" are French troops and British troops."""
    tokens = ctx.parse.tokens
    before = group[-1].start < unit.start
    nearest = group[-1] if before else group[0]
    body = _body_words(ctx, unit) if kind == ad.ORGANIZATION else ""
    for country in group:
        code = _compose(_country_of(country), unit.entry)
        key = ("composed", code, kind, True, "")
        if kind == ad.ORGANIZATION:  # "the foreign ministers of Congo and Rwanda" are not either government
            key = _key_for_org(code, key, body)
        start, end_char = country.start, country.end_char
        if country is nearest:
            start, end_char = (country.start, unit.end_char) if before else (unit.start, country.end_char)
        s, e, text = _text(ctx, start, end_char)
        noun = ctx.parse.text[tokens[unit.start].start:unit.end_char]
        name = text if country is nearest else f"{text} {noun}" if before else f"{noun} of {text}"
        mentions.append(_Mention(
            s, e, key, name, kind, code=code,
            country=_country_of(country), role=unit.entry.role, head=unit.head if country is nearest else country.head,
            plural=plural, first_token=start, lemma=tokens[unit.head].lemma.lower(), entry=unit.entry,
        ))


def _acts(ctx: _Context, tok) -> bool:
    """Whether a capital's name stands for its government here: it speaks, acts, is addressed or dealt with
    ("Beijing said", "urged Beijing", "talks with Beijing"), rather than being a place ("flew to Beijing")."""
    tokens = ctx.parse.tokens
    while tok.dep == "conj" and tok.head != tok.i:
        tok = tokens[tok.head]
    head = tokens[tok.head]
    if tok.dep in ("nsubj", "poss", "dative"):
        return True
    if tok.dep == "dobj":
        return head.lemma not in _PLACE_VERBS
    if tok.dep == "pobj" and head.lower == "between":
        return tokens[head.head].lemma.lower() in _DYAD_NOUNS  # "relations between Paris and Algiers"
    if tok.dep == "pobj" and head.lower in ("to", "from", "at") and head.dep == "prep":
        return _addressed(tokens, head)
    if tok.dep == "pobj":
        return head.lower in ("with", "against", "on", "by") and head.dep != "advmod" and not (
            head.lower == "on" and tokens[head.head].lemma not in _ADDRESS_VERBS) or (
            head.lower in ("from", "of") and tokens[head.head].pos == "NOUN")
    return False


def _addressed(tokens, prep) -> bool:
    """Whether a capital after "to", "from" or "at" is the party a demand, a loan or a complaint goes to or comes
    from ("appealed to Ankara", "demands from Skopje", "hit back at Washington") rather than a place."""
    governor = tokens[prep.head]
    lemma = governor.lemma.lower()
    if prep.lower == "to":
        return governor.pos in ("VERB", "NOUN") and lemma not in _MOTION_WORDS
    if prep.lower == "from":
        return governor.pos == "NOUN" or lemma in _OBTAIN_VERBS
    # "took aim at Belgrade": the aiming word is the verb's object
    return lemma in _AIM_WORDS or any(t.head == governor.i and t.dep == "dobj" and t.lemma.lower() in _AIM_WORDS
                                      for t in tokens[governor.i:prep.i])


def _named_mention(ctx: _Context, unit: _Unit, mentions: list[_Mention]) -> None:
    entry = unit.entry
    tokens = ctx.parse.tokens
    head_tok = tokens[unit.head]
    s, e, text = _text(ctx, unit.start, unit.end_char)
    if entry.kind == ad.CAPITAL:
        if not _acts(ctx, head_tok) or unit.ner in ("PERSON", "FAC") or head_tok.text.isupper():
            return  # a place, a person, or a dateline ("KYIV (Reuters) -")
        code = _code_of(ctx, entry)
        mentions.append(_Mention(s, e, _key_for_org(code, ("entry", entry.key)), text, ad.ORGANIZATION, code=code,
                                 country=_country_of(unit), role=entry.role or "GOV", head=unit.head,
                                 first_token=unit.start, entry=entry))
        return
    if entry.kind in (ad.COUNTRY, ad.DEMONYM) or (entry.kind == ad.OTHER and unit.ner in ("GPE", "NORP")):
        code = _code_of(ctx, entry)
        plural_people = entry.kind == ad.DEMONYM and head_tok.tag in ("NNS", "NNPS")
        if plural_people and code:
            _people_mention(ctx, unit, code, mentions)
            return
        if entry.kind == ad.DEMONYM and head_tok.dep in ("amod", "compound") and _people_unit(ctx, head_tok.head):
            return  # "Bosnian" in "Bosnian Serbs": part of the people's mention
        name = ctx.country_names.get(code or "", entry.name)
        key = ("country", code) if code else ("entry", entry.key)
        mentions.append(_Mention(s, e, key, name, ad.COUNTRY, code=code, country=_country_of(unit), head=unit.head,
                                 first_token=unit.start, entry=entry, plural=plural_people))
        if entry.kind == ad.COUNTRY:
            for noun in _country_descriptions(ctx, unit):
                first = min([noun] + [c for c in ctx.children[noun] if c < noun and tokens[c].dep in (
                    "det", "amod", "compound") and c not in ctx.unit_at])
                mentions.append(_Mention(tokens[first].start, tokens[noun].end, key, name, ad.COUNTRY, head=noun,
                                         first_token=first, type="description"))
        return
    mentions.append(_org_mention(ctx, unit))


def _country_descriptions(ctx: _Context, unit: _Unit) -> list[int]:
    """Heads of nouns set off beside a country's name that describe it ("The United States, a treaty ally of
    Manila,"; "Russia, Armenia's nominal ally,")."""
    tokens = ctx.parse.tokens
    found = []
    for c in ctx.children[unit.head]:
        other = ctx.unit_at.get(c)
        if tokens[c].dep == "appos" and tokens[c].pos == "NOUN" and tokens[c].tag == "NN" and (
                other is None or other.entry is not None and other.entry.kind == ad.REFERENCE):
            found.append(c)
    return found


def _people_unit(ctx: _Context, i: int) -> _Unit | None:
    """The demonym unit at token ``i`` when it names a people ("Afghans", "ethnic Albanians")."""
    unit = ctx.unit_at.get(i)
    if unit is None or unit.entry is None or unit.entry.kind != ad.DEMONYM or unit.head != i:
        return None
    return unit if ctx.parse.tokens[i].tag in ("NNS", "NNPS") else None


def _people_mention(ctx: _Context, unit: _Unit, code: str, mentions: list[_Mention]) -> None:
    """"Thousands of Nigerians", "Iraqi Kurds", "ethnic Albanians in Macedonia": people, coded as civilians of the
    country they live in, which a demonym before them, an "of"/"in" country after them or (for an "ethnic" group)
    the story's country gives; otherwise their own."""
    tokens = ctx.parse.tokens
    head = unit.head
    country = code[:3]
    start = unit.start
    for child in ctx.children[head]:
        tok = tokens[child]
        other = ctx.unit_at.get(child)
        if tok.dep in ("amod", "compound") and other is not None and _is_country_like(other) and child < head:
            country, start = _country_of(other) or country, min(start, other.start)
        elif tok.dep == "amod" and tok.lower == "ethnic" and ctx.home:
            country = ctx.home
        elif tok.dep == "prep" and tok.lower in ("of", "in"):
            place = next((ctx.unit_at.get(c) for c in ctx.children[child] if tokens[c].dep == "pobj"), None)
            if place is not None and place.entry is not None and place.entry.kind == ad.COUNTRY:
                country = _country_of(place) or country
    s, e, text = _text(ctx, start, unit.end_char)
    code = country + "CVL"
    mentions.append(_Mention(s, e, ("composed", code, ad.GROUP, True, tokens[head].lemma.lower()), text, ad.GROUP,
                             code=code, country=country, role="CVL", head=head, plural=True, first_token=start,
                             lemma=tokens[head].lemma.lower(), entry=unit.entry))


def _headline_verb(ctx: _Context, unit: _Unit) -> bool:
    """Whether a headline's "Police fire tear gas" reads the agent as a modifier of what is really its verb: the
    next word, in the headline, is used as a verb in the story below."""
    tokens = ctx.parse.tokens
    end = _headline_end(ctx.parse.text)
    if unit.end >= len(tokens) or tokens[unit.end].end > end or not tokens[unit.end].text.islower():
        return False
    word = tokens[unit.end].lower
    stem = word.removesuffix("s")
    return any(t.pos == "VERB" and t.lemma.lower() in (word, stem) for t in tokens if t.start > end)


def _mentions(ctx: _Context) -> list[_Mention]:
    mentions: list[_Mention] = []
    consumed: set[int] = set()
    tokens = ctx.parse.tokens
    # a unit that modifies an agent or a person is folded into that head's mention
    for unit in ctx.units:
        is_person = unit.kind == ad.PERSON and not (unit.entry and unit.entry.agent)
        if is_person or (unit.entry is not None and unit.entry.agent):
            for other in _linked_units(ctx, unit, person=is_person):
                if other.entry is not None and other.entry.agent and not is_person:
                    continue
                consumed.add(id(other))
                if not is_person and _is_country_like(other):
                    consumed.update(id(u) for u in _coordinated(ctx, other))
    for unit in ctx.units:
        if unit.entry is not None and unit.entry.agent and unit.entry.kind in (ad.ORGANIZATION, ad.GROUP):
            partner = _named_partner(ctx, unit)
            known = partner.entry if partner is not None else None
            if partner is not None and (known is None or not known.key and not known.code):
                # "the rebel group, Forces for Defence of Democracy": the noun says what the name is
                country = known.country if known is not None else None
                lenders = [u for u in _linked_units(ctx, unit, person=False) if _is_country_like(u)]
                country = country or (_country_of(lenders[0]) if lenders else None)
                name = known.name if known is not None else ctx.parse.text[
                    tokens[partner.start].start:partner.end_char]
                partner.entry = Entry(name=name, code=_compose(country, unit.entry), kind=unit.entry.kind,
                                      country=country, role=unit.entry.role)
    for unit in ctx.units:
        entry = unit.entry
        if id(unit) in consumed:
            continue
        if unit.kind == ad.PERSON and not (entry and entry.agent):
            _person_mention(ctx, unit, mentions)
        elif entry is None:
            if unit.kind == ad.ORGANIZATION:
                mentions.append(_org_mention(ctx, unit))
        elif entry.agent:
            head_tok = tokens[unit.head]
            if head_tok.dep == "compound" and ctx.unit_at.get(head_tok.head) is None and (
                    tokens[head_tok.head].pos in ("NOUN", "PROPN")) and not _headline_verb(ctx, unit) and (
                    tokens[head_tok.head].lemma.lower() not in _OWNED_ACTS):
                continue  # "police station", "army base": a thing, not an actor
            owner = ctx.unit_at.get(head_tok.head) if head_tok.dep == "compound" else None
            if owner is not None and owner.entry is not None and entry.kind in (ad.PERSON, ad.GROUP) and (
                    owner.entry.agent):
                # "the refugee agency", "Hutu rebel group", "student protesters": a modifier, not a second actor
                continue
            _agent_mention(ctx, unit, mentions)
        else:
            _named_mention(ctx, unit, mentions)
    mentions.extend(_operated(ctx, mentions))
    mentions.sort(key=lambda m: (m.start, m.end))
    return mentions


def _operated(ctx: _Context, mentions: list[_Mention]) -> list[_Mention]:
    """"The Ocean Viking, run by SOS Mediterranee, rescued 90 people": a ship, plane or site that an organization
    runs acts for it, so the thing's name is a mention of the organization."""
    tokens = ctx.parse.tokens
    found = []
    by_head = {m.head: m for m in mentions}
    for m in mentions:
        tok = tokens[m.head] if m.head >= 0 else None
        if tok is None or m.kind not in (ad.ORGANIZATION, ad.GROUP) or m.type != "name" or tok.dep != "pobj":
            continue
        by = tokens[tok.head]
        verb = tokens[by.head]
        thing = tokens[verb.head]
        if by.lower != "by" or by.dep != "agent" or verb.dep != "acl" or verb.lemma not in _OPERATING_VERBS or (
                thing.pos not in ("PROPN", "NOUN") or thing.i > verb.i):
            continue
        unit = ctx.unit_at.get(thing.i)
        named = by_head.get(thing.i)
        if unit is not None:
            # a name the dictionary does not know ("the Aurora") is the thing's own, not a person's or a body's
            if unit.entry is None and named is not None and named.type == "name" and named.key[0] != "entry":
                own = named.key
                for other in mentions:
                    if other.key == own:
                        other.key, other.type = m.key, "description"
            continue
        span = [thing.i] + [c for c in ctx.children[thing.i] if tokens[c].dep in (
            "det", "compound", "amod", "nummod") and abs(c - thing.i) <= 3]
        first, last = min(span), max(span)
        found.append(_Mention(tokens[first].start, tokens[last].end, m.key, m.name, m.kind, head=thing.i,
                              first_token=first, type="description"))
    return found


# ---------------------------------------------------------------- merging


def _merge_persons(text: str, mentions: list[_Mention], subjects: frozenset[int] = frozenset()) -> None:
    """Give a bare surname (or a name's later full form) the key of the person named earlier; a country's name
    does so only as a subject (token heads in ``subjects``)."""
    people: list[_Mention] = []
    organizations: dict[str, _Mention] = {}
    renamed: dict[tuple, tuple] = {}
    for m in mentions:
        surface = text[m.start:m.end]
        if (m.kind in (ad.ORGANIZATION, ad.GROUP) or m.kind == ad.COUNTRY and m.head in subjects) and (
                m.type == "name" and surface[:1].isupper() and " " not in surface):
            # "Kobakhidze said" tagged as an organization, "Wagner" after "Therese Kayikwamba Wagner", "Montenegro
            # rejected" after "Luis Montenegro"
            earlier = next((p for p in people if p.name.split()[-1] == surface and " " in p.name), None)
            if earlier is not None:
                m.key, m.kind, m.code, m.country, m.role = earlier.key, ad.PERSON, None, None, None
                m.entry = None
                continue
        if m.key[0] == "org":
            organizations.setdefault(m.key[1], m)
        org = organizations.get(" ".join(ad.pieces(m.name))) if m.key[0] == "person" else None
        if org is None and m.key[0] in ("person", "org") and " " not in m.name:
            # "Vantor" after "Vantor Energy": a company's short name is its first word
            short = [o for name, o in organizations.items() if o.key != m.key and name.split()[0] == m.name.lower()
                     and all(w in _ORG_HEADS for w in name.split()[1:])]
            org = short[0] if len(short) == 1 else None
        if org is not None:
            m.key, m.kind, m.code, m.country, m.role = org.key, org.kind, org.code, org.country, org.role
            continue  # a party name the tagger took for a person the second time
        if m.kind != ad.PERSON or m.type != "name" or m.key[0] not in ("person", "entry"):
            continue
        words = m.name.split()
        for earlier in people:
            other = earlier.name.split()
            if earlier.key == m.key:
                break
            if m.key[0] == "person" and (other[-len(words):] == words or (
                    earlier.key[0] == "person" and words[-len(other):] == other)):
                renamed[m.key] = earlier.key
                m.key = earlier.key
                break
        people.append(m)
    for m in mentions:
        if m.type == "description" and m.key in renamed:
            m.key = renamed[m.key]  # "Bawumia, the candidate of ...": a description follows its name


def _merge_aliases(ctx: _Context, mentions: list[_Mention]) -> None:
    """"the Rapid Support Forces (RSF)", "Adolfo Macias, alias Fito", "..., known as JNIM": one actor, two names.
    The name the dictionary knows wins."""
    text = ctx.parse.text
    names = [m for m in mentions if m.type == "name" and m.key[0] != "anon"]
    renamed: dict[tuple, _Mention] = {}
    for first, second in pairwise(names):
        between = text[first.end:second.start]
        if "\n" in between or len(between) > 60 or first.key == second.key:
            continue
        words = " ".join(between.replace('"', " ").replace("\u201c", " ").replace(",", " ").split()).lower()
        # "KYIV, Ukraine (AP) -": a wire service's credit after a dateline is no second name
        credit = text[second.end + 1:second.end + 4].strip()[:1] in ("-", "\u2014", "\u2013")
        bracketed = between.strip() == "(" and text[second.end:second.end + 1] == ")" and not credit
        nickname = words in _ALIAS_CUES and first.kind == ad.PERSON and second.key[0] != "entry"
        if not (bracketed or nickname) or bracketed and (first.kind == ad.PERSON) != (second.kind == ad.PERSON) and (
                second.key[0] != "entry"):
            continue
        keep, drop = (second, first) if second.key[0] == "entry" and first.key[0] != "entry" else (first, second)
        renamed[drop.key] = keep
    for m in mentions:
        keep = renamed.get(m.key)
        if keep is not None:
            m.key, m.kind, m.code, m.country, m.role = keep.key, keep.kind, keep.code, keep.country, keep.role
            m.affiliation = keep.affiliation


def _merge_bare_agents(mentions: list[_Mention], headline_end: int = 0) -> None:
    """A bare "police" after "Kenyan police" is the same body; so is a bare "Rebels" in the headline when the
    story names one body of rebels."""
    modified: dict[tuple, dict] = {}
    for m in mentions:
        if m.lemma and not m.bare and m.start > headline_end and m.key[0] in ("composed", "entry", "org"):
            # the tagger lemmatizes a capitalised "Rebels" as "rebels"
            modified.setdefault((m.role, m.lemma.removesuffix("s")), {}).setdefault(m.key, m)
    for m in mentions:
        if m.key[0] == "composed" and m.bare and m.end <= headline_end and m.type == "name" and len(
                named := modified.get((m.role, m.lemma.removesuffix("s")), {})) == 1:
            body = next(iter(named.values()))
            m.key, m.code, m.country, m.affiliation = body.key, body.code, body.country, body.affiliation
    seen: dict[tuple, tuple] = {}
    for m in mentions:
        if m.key[0] != "composed":
            continue
        _, _code, kind, has_modifier, _bare = m.key
        slot = (m.role, kind, m.lemma)
        if has_modifier or slot not in seen:
            # a second body with that role, or a bare one first, makes later bare mentions ambiguous
            seen[slot] = m.key if has_modifier and seen.get(slot, m.key) == m.key else ("ambiguous",)
        elif seen[slot][0] != "ambiguous":
            m.key = seen[slot]
            m.type = "name"


def _name_the_lede_person(ctx: _Context, mentions: list[_Mention], headline_end: int) -> None:
    """"A former bank clerk who stole ... was jailed on Tuesday. Daniel Whitcombe, 45, admitted ...": the one
    unnamed person a story opens on is the person the next sentence names, with an age, as its subject (and so is
    the same noun in the headline)."""
    tokens = ctx.parse.tokens
    # the parser may run the headline into the first sentence
    sentences = [s for s in ctx.parse.sentences if tokens[s[1] - 1].start >= headline_end and s[1] - s[0] > 2]
    if len(sentences) < 2:
        return
    (lede_start, lede_end), (next_start, next_end) = sentences[0], sentences[1]
    while lede_start < lede_end and tokens[lede_start].start < headline_end:
        lede_start += 1

    def indefinite(m: _Mention) -> bool:
        return any(tokens[c].dep == "det" and tokens[c].lower in ("a", "an") for c in ctx.children[m.head])

    unnamed = [m for m in mentions if m.key[0] == "anon" and m.type == "name" and lede_start <= m.head < lede_end]
    if len(unnamed) != 1 or not indefinite(unnamed[0]):
        return
    lede = unnamed[0]
    named = next((m for m in mentions if next_start <= m.head < next_end and m.kind == ad.PERSON
                  and m.type == "name" and m.key[0] in ("person", "entry")), None)
    after = [t.text for t in tokens[named.head + 1:named.head + 4]] if named is not None else []
    aged = len(after) == 3 and after[0] == after[2] == "," and after[1].isdigit()
    if named is None or not aged or _governor(ctx, tokens[named.head]).dep not in _SUBJECT_DEPS or any(
            m.key == named.key for m in mentions if m.end <= tokens[next_start].start):
        return
    if named.role and lede.role and _office_family(named.role) != _office_family(lede.role) or (
            named.country and lede.country and named.country != lede.country):
        return  # "A Kenyan court jailed a former minister. Judge John Mbeki said": someone else
    if named.code is None and named.role is None:
        # "a former Congolese militia leader" says what the name does not
        named.code, named.country, named.role = lede.code, lede.country, lede.role
        named.title = named.title or lede.title
    noun = lede.lemma
    for m in mentions:
        if m is lede or m.key[0] == "anon" and m.type == "name" and m.end <= headline_end and m.lemma == noun:
            m.key, m.type = named.key, "description"


def _merge_office_holders(mentions: list[_Mention], home: str | None = None) -> None:
    """"Iran's supreme leader ... Ayatollah Ali Khamenei", "Kenya's president ... President William Ruto": an
    unnamed holder of an office of one country is the one person the text names with that title and country (a
    holder named with no country of their own holds it in the story's country)."""

    def country(m: _Mention) -> str | None:
        return m.country or (home if m.code in (None, m.role) else None)

    holders: dict[tuple, set[tuple]] = {}
    for m in mentions:
        if m.kind == ad.PERSON and m.type == "name" and m.key[0] != "anon" and m.title and country(m):
            holders.setdefault((m.title.lower(), country(m)), set()).add(m.key)
    renamed: dict[tuple, tuple] = {}
    for m in mentions:
        if m.key[0] == "anon" and m.type == "name" and m.title and country(m):
            named = holders.get((m.title.lower(), country(m)), set())
            if len(named) == 1:
                renamed[m.key] = next(iter(named))
    for m in mentions:
        if m.key in renamed:
            m.key = renamed[m.key]
            if m.type == "name":
                m.type = "description"  # the name, not the office, names the actor


def _inherit_country(mentions: list[_Mention]) -> None:
    """"Israeli troops ... the army", "Kenyan riot police ... police": a bare force or institution after the
    forces of one country only, and no other's, is that country's."""
    seen: dict[str, set[str]] = {}
    renamed: dict[tuple, tuple] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        key = m.key
        if key in renamed:
            continue
        if m.country and m.role in _INHERITING_ROLES and m.kind != ad.PERSON:
            seen.setdefault(m.role, set()).add(m.country)
        elif key[0] == "composed" and not key[3] and m.country is None and m.role in _INHERITING_ROLES and (
                not m.counted) and (
                len(seen.get(m.role, ())) == 1) and m.entry is not None:
            country = next(iter(seen[m.role]))
            code = _compose(country, m.entry)
            renamed[key] = ("composed", code, key[2], True, "")
    for m in mentions:
        new = renamed.get(m.key)
        if new is not None:
            m.key, m.code, m.country = new, new[1], new[1][:3]


# ---------------------------------------------------------------- coreference


@dataclass
class _Candidate:
    key: tuple
    kind: str
    country: str | None
    name: str
    plural: bool
    gender: str | None
    title: str
    role: str | None
    affiliation: tuple | None
    code: str | None


def _sentence_index(parse: Parse) -> list[int]:
    index = [0] * len(parse.tokens)
    for n, (start, end) in enumerate(parse.sentences):
        for i in range(start, end):
            index[i] = n
    return index


def _profile(m: _Mention) -> _Candidate:
    return _Candidate(m.key, m.kind, m.country, m.name.lower(), m.plural, m.gender, (m.title or "").lower(), m.role,
                      m.affiliation, m.code)


def _quotations(parse: Parse) -> list[int]:
    """Token -> number of the direct quotation that holds it (-1 outside any). A paragraph break closes an
    unbalanced quotation, as news quotes running on across paragraphs reopen with a new mark."""
    inside = -1
    count = 0
    found = []
    for tok in parse.tokens:
        text = tok.text
        if "\n" in text:
            inside = -1
        if text in ("“", "``", "«") or text == '"' and inside < 0:
            inside, count = count, count + 1
            found.append(-1)
            continue
        if text in ("”", "''", "»", '"'):
            inside = -1
            found.append(-1)
            continue
        found.append(inside)
    return found


def _quote_speakers(ctx: _Context, sent_of: list[int]) -> dict[int, set[int]]:
    """Quotation -> the heads of the subjects of reporting verbs outside it in the sentences where it opens and
    closes ('"They shot anyone who ran," said a trader'): its speakers."""
    tokens = ctx.parse.tokens
    sentences: dict[int, set[int]] = {}
    for i, q in enumerate(ctx.quote_of):
        if q >= 0:
            sentences.setdefault(q, set()).add(sent_of[i])
    speakers: dict[int, set[int]] = {}
    for q, sents in sentences.items():
        heads = speakers.setdefault(q, set())
        for n in sents:
            start, end = ctx.parse.sentences[n]
            for i in range(start, end):
                if ctx.quote_of[i] < 0 and tokens[i].dep in _SUBJECT_DEPS and (
                        tokens[tokens[i].head].lemma in _SPEECH_LEMMAS) and ctx.quote_of[tokens[i].head] < 0:
                    heads.add(i)
    return speakers


def _quote_side(ctx: _Context, quote: int, history: list[_Mention], profiles: dict, sent_of: list[int]) -> set:
    """Actors a third-person pronoun inside quotation ``quote`` cannot mean: its speaker and whom the speaker
    speaks for ("Its spokesman said... 'They attacked our positions,' he said"). A quotation whose speaker is
    not named by its own attribution goes on from the last speaker before it."""
    tokens = ctx.parse.tokens
    heads = ctx.quote_speakers.get(quote, set())
    named = [m for h in heads if (m := ctx.mention_at.get(h)) is not None]
    keys = {m.key for m in named}
    if not named:
        opening = ctx.quote_of.index(quote)
        last = next((m for m in reversed(history) if m.head < opening and ctx.quote_of[m.head] < 0
                     and sent_of[opening] - sent_of[m.head] <= 1 and _speaker(ctx, tokens[m.head])), None)
        if last is not None:
            keys.add(last.key)
            heads = {last.head, _governor(ctx, tokens[last.head]).i}  # "Its spokesman, X, said"
    by_head = {m.head: m.key for m in history}
    keys.update(by_head[h] for h in heads if h in by_head)
    # '"They cannot afford it," said X, a defence analyst': not the analysts either
    kinds = {tokens[d.head].lemma.lower() for d in ctx.mention_at.values() if d.type == "description" and d.key in keys}
    keys.update(m.key for m in history if m.plural and m.lemma.removesuffix("s") in kinds)
    for h in heads:
        keys.update(by_head[c] for c in ctx.children[h] if tokens[c].dep == "poss" and c in by_head)
    for key in list(keys):
        p = profiles.get(key)
        if p is not None and p.affiliation:
            keys.add(p.affiliation)
    return keys


def _named_kinds(ctx: _Context, m: _Mention) -> list[str]:
    """Common nouns compounded onto a reference noun that say which body it is ("the prisons agency")."""
    return [t.lower for t in ctx.parse.tokens[m.first_token:m.head] if t.dep == "compound" and t.pos == "NOUN"
            and t.i not in ctx.unit_at]


def _cited(ctx: _Context, tok) -> bool:
    """Whether ``tok`` is cited as a source: "according to the prisons agency", "the interior agency said"."""
    tokens = ctx.parse.tokens
    head = tokens[tok.head]
    if tok.dep == "pobj" and head.lower == "to" and head.i > 0 and tokens[head.i - 1].lower == "according":
        return True
    return _speaker(ctx, tok) and tokens[_governor(ctx, tok).head].lemma != "report"


def _owner_of_unnamed(ctx: _Context, tok) -> bool:
    """Whether ``tok`` follows "of" after a noun that is no actor ("staff of the broadcaster")."""
    tokens = ctx.parse.tokens
    tok = _governor(ctx, tok)
    prep = tokens[tok.head]
    if tok.dep != "pobj" or prep.lower != "of" or prep.head == prep.i:
        return False
    owner = tokens[prep.head]
    return owner.pos == "NOUN" and owner.i not in ctx.unit_at and owner.i not in ctx.mention_at


def _credit(ctx: _Context, m: _Mention) -> bool:
    """Whether ``m`` is the whole of a parenthesis in the first sentence ("(Reuters)" after a dateline)."""
    tokens = ctx.parse.tokens
    first, last = m.first_token, m.first_token
    while last + 1 < len(tokens) and tokens[last + 1].end <= m.end:
        last += 1
    return first > 0 and last + 1 < len(tokens) and tokens[first - 1].text == "(" and tokens[last + 1].text == ")" \
        and ctx.parse.sentences[0][1] > first


def _relative_antecedent(ctx: _Context, tok, history: list[_Mention]):
    """"Lai Ching-te, whom Beijing calls a separatist": the noun the relative clause hangs on."""
    tokens = ctx.parse.tokens
    clause = tok
    for _ in range(3):
        if clause.dep == "relcl":
            antecedent = clause.head
            for m in reversed(history):
                if m.head == antecedent or ctx.parse.tokens[m.head].start <= tokens[antecedent].start < m.end:
                    return m
            return None
        if clause.head == clause.i:
            return None
        clause = tokens[clause.head]
    return None


def _attribution_tail(ctx: _Context, verb) -> bool:
    """A reporting verb after the unquoted clause it reports ("..., officials said"): its speaker is a source, not
    the topic. After a direct quotation the speaker stays in focus."""
    if verb.lemma not in _SPEECH_LEMMAS:
        return False
    reported = [c for c in ctx.children[verb.i] if ctx.parse.tokens[c].dep == "ccomp" and c < verb.i]
    if not reported:
        return False
    tokens = ctx.parse.tokens
    first = min(reported)
    while ctx.children[first] and min(ctx.children[first]) < first:
        first = min(ctx.children[first])
    return not any(t.text in _QUOTE_MARKS for t in tokens[max(0, first - 1):verb.i])


def _governor(ctx: _Context, tok):
    """The token that stands for ``tok`` in its clause (the first conjunct, the noun an apposition describes)."""
    while tok.dep in ("conj", "appos") and tok.head != tok.i:
        tok = ctx.parse.tokens[tok.head]
    return tok


def _speaker(ctx: _Context, tok) -> bool:
    """Whether ``tok`` is the subject of a reporting verb."""
    tok = _governor(ctx, tok)
    return tok.dep in _SUBJECT_DEPS and ctx.parse.tokens[tok.head].lemma in _SPEECH_LEMMAS


def _salience(ctx: _Context, m: _Mention, sent_of: list[int], here: int) -> float:
    tokens = ctx.parse.tokens
    tok = tokens[m.head]
    score = -2.0 * (sent_of[here] - sent_of[m.head])
    dep = tok.dep
    if dep in ("conj", "appos"):
        dep = tokens[tok.head].dep
    if _across_lines(ctx, tok.i, tok.head):
        dep = ""  # a headline the parser ran into the first sentence: its relations there mean nothing
    if dep in _SUBJECT_DEPS:
        if _attribution_tail(ctx, tokens[tok.head]):
            score += 0.5  # "Rebels burned the village, residents said": the story is about the rebels
        else:
            score += 3.0
            if tokens[tok.head].lemma in _SPEECH_LEMMAS:
                score += 1.0
            if tokens[tok.head].dep in _SUBORDINATE_DEPS:
                score -= 1.0  # "as pupils were gathering": a subordinate clause's subject is less in focus
    elif dep in ("poss", "appos", "compound"):
        score += 0.5
    elif dep in ("dobj", "pobj", "attr"):
        score += 1.0
    return score


def _across_lines(ctx: _Context, i: int, j: int) -> bool:
    """Whether a line break lies between tokens ``i`` and ``j``."""
    tokens = ctx.parse.tokens
    a, b = (i, j) if i < j else (j, i)
    return "\n" in ctx.parse.text[tokens[a].end:tokens[b].start]


def _resolve(ctx: _Context, mentions: list[_Mention]) -> list[_Mention]:
    """Attach pronouns and definite role nouns to an earlier actor when the choice is clear."""
    aliases: dict[tuple, tuple] = {}
    tokens = ctx.parse.tokens
    sent_of = _sentence_index(ctx.parse)
    profiles: dict[tuple, _Candidate] = {}
    ctx.quote_of = _quotations(ctx.parse)
    ctx.quote_speakers = _quote_speakers(ctx, sent_of)
    ctx.mention_at = {m.head: m for m in mentions}
    for m in mentions:
        if m.type == "name" and m.key[0] not in ("anon",):
            p = profiles.get(m.key)
            if p is None:
                profiles[m.key] = _profile(m)
            else:
                p.gender = p.gender or m.gender
                p.title = p.title or (m.title or "").lower()
    role_tokens = {m.head: m for m in mentions if m.type in ("role", "reference")}
    resolved_tokens: dict[int, tuple] = {m.head: m.key for m in mentions if m.type == "name"}
    names = {m.head: m for m in mentions if m.type == "name" and m.kind == ad.PERSON and m.key[0] != "anon"}
    items: list[tuple[int, str, object]] = [(m.head if m.possessor >= 0 else m.first_token, "mention", m)
                                            for m in mentions]
    name_words = {w for w in _name_words(ctx, mentions) if w in _ORG_HEADS} | {"latter", "former"}
    for t in tokens:
        if t.lower in ctx.pronouns and "pronoun" in ctx.pronouns[t.lower] and t.pos in ("PRON", "DET") and (
                t.i not in ctx.unit_at):
            items.append((t.i, "pronoun", t))
        elif _age_noun(tokens, t.i):
            items.append((t.i, "age", t))
        elif t.lower in _OTHER_PARTY_NOUNS and t.i not in ctx.unit_at and any(
                tokens[c].dep == "poss" and tokens[c].pos == "PRON" for c in ctx.children[t.i]):
            items.append((t.i, "other party", t))
        elif t.lower in name_words and (det := _definite_noun(ctx, t)) is not None:
            if t.lower in ("latter", "former"):
                items.append((det, "order", t))
            elif t.i not in ctx.unit_at:
                items.append((det, "name word", t))
    items.sort(key=lambda item: (item[0], item[1] != "mention"))
    history: list[_Mention] = []
    out: list[_Mention] = []
    employers: dict[tuple, _Candidate] = {}
    absorbed: set[int] = set()
    for _, what, obj in items:
        if what == "mention":
            m = obj
            if m.affiliation in aliases:
                m.affiliation = aliases[m.affiliation]
            if m.entry is not None and m.entry.agent and m.type == "name" and not m.country:
                _compose_with_possessor(ctx, m, resolved_tokens, profiles)
            if m.bare and m.kind != ad.PERSON:
                _compose_with_sender(ctx, m, resolved_tokens, profiles)
            if m.type == "description" and tokens[m.first_token].lower in _DEFINITE:
                _name_the_unnamed(ctx, m, history, sent_of)
            if m.type == "description":
                owner = next((profiles.get(resolved_tokens.get(c)) for c in ctx.children[m.head]
                              if tokens[c].dep == "poss" and resolved_tokens.get(c) in profiles), None)
                if owner is not None and owner.kind in (ad.ORGANIZATION, ad.GROUP) and owner.code:
                    employers[m.key] = owner  # "Its spokesman, Jay Tarriela": he speaks for what "its" is
            if m.possessor >= 0:
                owner = profiles.get(resolved_tokens.get(m.possessor))
                code = (owner.code or owner.country or "")[:3] if owner is not None else ""
                if owner is not None and owner.kind != ad.COUNTRY:
                    code = owner.country or code
                if ("country", code) not in profiles:
                    continue
                m.key, m.type, m.code, m.country = ("country", code), "role", code, code
                out.append(m)
                history.append(m)
                continue
            if m.head in role_tokens and m.type in ("role", "reference"):
                key = _resolve_role(ctx, m, history, profiles, sent_of)
                if key is not None:
                    if m.within is not None:
                        absorbed.add(id(m.within))  # "the U.N. watchdog" is the agency, not the U.N. itself
                    resolved_tokens[m.head] = key  # "the island's defence ministry": the owner is known now
                    aliases[m.key] = key
                    m.key = key
                    m.type = "role"
                    out.append(m)
                    history.append(m)
                    continue
                if m.type == "reference" and not (m.kind == ad.ORGANIZATION and _named_kinds(ctx, m) and (
                        _cited(ctx, tokens[m.head]))):
                    continue
                if m.type == "reference":
                    # "according to the prisons agency": a body of its own the text has not named before
                    name = ctx.parse.text[m.start:m.end]
                    name = name[4:] if name.lower().startswith("the ") else name
                    m.key, m.name = ("org", name.lower()), name
                m.type = "name"
            out.append(m)
            history.append(m)
            if m.key not in profiles:
                profiles[m.key] = _profile(m)
        elif what in ("order", "name word"):
            found = _ordinal_referent(ctx, obj, history, sent_of) if what == "order" else _named_by_word(
                ctx, obj, history, profiles, sent_of)
            if found is not None:
                det = tokens[_definite_noun(ctx, obj)]
                m = _Mention(det.start, obj.end, found.key, found.name, found.kind, head=obj.i, first_token=det.i,
                             type="role")
                resolved_tokens[obj.i] = m.key
                out.append(m)
                history.append(m)
        elif what == "other party":
            found = _other_party(ctx, obj, history, profiles, resolved_tokens)
            if found is not None:
                first = min([obj.i] + [c for c in ctx.children[obj.i] if tokens[c].dep == "amod" and c < obj.i])
                m = _Mention(tokens[first].start, obj.end, found.key, found.name, found.kind, head=obj.i,
                             first_token=first, type="role")
                resolved_tokens[obj.i] = m.key
                out.append(m)
                history.append(m)
        else:
            m = _resolve_pronoun(ctx, obj, history, profiles, sent_of, names,
                                 _AGE_FEATURES if what == "age" else None)
            if m is not None and what == "age":
                # "the 72-year-old": a person the text has named, described by age
                m.start, m.first_token, m.type, m.name = tokens[obj.i - 5].start, obj.i - 5, "role", "age"
            if m is not None:
                resolved_tokens[m.head] = m.key
                out.append(m)
                history.append(m)
    out = [m for m in out if id(m) not in absorbed]
    for m in out:
        owner = employers.get(m.key) or _body_in_title(m, out, profiles)
        if owner is not None and m.type == "name" and m.code in (None, m.role):
            m.code, m.country, m.affiliation, m.role = owner.code, owner.country, owner.key, owner.role or m.role
    return out


def _body_in_title(m: _Mention, mentions: list[_Mention], profiles: dict) -> _Candidate | None:
    """"ministry spokesman Majed al-Ansari" after "the Qatari foreign ministry": the one body named before whose
    name holds the words of the title before its office noun speaks through him."""
    words = (m.title or "").lower().split()[:-1]
    if m.kind != ad.PERSON or not words or m.code not in (None, m.role):
        return None
    found = {e.key for e in mentions if e.start < m.start and e.key in profiles and (p := profiles[e.key]).kind == (
        ad.ORGANIZATION) and p.code and p.country and all(w in p.name.split() for w in words)}
    return profiles[found.pop()] if len(found) == 1 else None


def _other_party(ctx: _Context, tok, history: list[_Mention], profiles: dict, resolved: dict[int, tuple]):
    """"her client", "its former colony": not the possessor (nor, for a client, anyone of the court) but the
    person or country the story has mentioned most, when one clearly leads."""
    tokens = ctx.parse.tokens
    owner = next((resolved.get(c) for c in ctx.children[tok.i] if tokens[c].dep == "poss"), None)
    if owner is None:
        return None
    kind = _OTHER_PARTY_NOUNS[tok.lower]
    counts: dict[tuple, int] = {}
    last: dict[tuple, _Mention] = {}
    mine = profiles.get(owner)
    # "Paris and its former colony": not France either, however "its" named the owner
    home = (mine.country or (mine.code or "")[:3]) if mine is not None and kind == ad.COUNTRY else None
    for m in history:
        p = profiles.get(m.key)
        if m.kind != kind or m.plural or m.key == owner or p is None or home and (
                p.country or (p.code or "")[:3]) == home or p.role == "JUD" or any(
                w in p.title for w in ("judge", "prosecutor", "lawyer", "attorney")):
            continue
        counts[m.key] = counts.get(m.key, 0) + 1
        last[m.key] = m
    ranked = sorted(counts.values(), reverse=True)
    if not ranked or len(ranked) > 1 and ranked[0] == ranked[1]:
        return None
    return last[max(counts, key=counts.get)]


def _definite_noun(ctx: _Context, tok) -> int | None:
    """The determiner of a bare definite noun ("the service", "the latter"), or None."""
    if tok.pos not in ("NOUN", "ADJ") or tok.tag not in ("NN", "JJ") or tok.dep in ("compound", "amod") or tok.ent_type:
        return None
    kids = ctx.children[tok.i]
    dets = [c for c in kids if ctx.parse.tokens[c].dep == "det" and c < tok.i]
    if len(dets) != 1 or ctx.parse.tokens[dets[0]].lower not in ("the", "this") or any(
            ctx.parse.tokens[c].dep in ("amod", "compound", "nummod", "poss", "nmod") for c in kids):
        return None
    return dets[0]


def _name_words(ctx: _Context, mentions: list[_Mention]) -> set[str]:
    """Last words of the organizations' names of several words ("service" of "Kenya Wildlife Service")."""
    words = set()
    for m in mentions:
        if m.type == "name" and m.kind in (ad.ORGANIZATION, ad.GROUP) and m.key[0] in ("entry", "org"):
            for name in (m.name, ctx.parse.text[m.start:m.end]):
                if " " in name:
                    words.add(name.split()[-1].lower())
    return words


def _named_by_word(ctx: _Context, tok, history: list[_Mention], profiles: dict, sent_of: list[int]):
    """"The service said", "the association would": the one organization named before whose name ends in that
    noun."""
    found = {}
    for m in reversed(history):
        if sent_of[tok.i] - sent_of[m.head] > 2 * _ROLE_WINDOW:
            break
        p = profiles.get(m.key)
        if p is None or p.kind not in (ad.ORGANIZATION, ad.GROUP) or m.type != "name":
            continue
        if any(" " in name and name.split()[-1].lower() == tok.lower
               for name in (m.name, ctx.parse.text[m.start:m.end])):
            found.setdefault(m.key, m)
    return next(iter(found.values())) if len(found) == 1 else None


def _ordinal_referent(ctx: _Context, tok, history: list[_Mention], sent_of: list[int]):
    """"the latter", "the former": the second or first of the last two actors named side by side ("Kenya and
    Tanzania")."""
    tokens = ctx.parse.tokens
    by_head = {m.head: m for m in history}
    for m in reversed(history):
        if sent_of[tok.i] - sent_of[m.head] > 2:
            break
        head = tokens[m.head]
        first = by_head.get(head.head) if head.dep == "conj" else None
        if first is not None and first.key != m.key:
            return m if tok.lower == "latter" else first
    # "X's takeover of Y, after the former agreed": the last two actors named in the sentence (or the one before)
    for back in (0, 1):
        named: dict[tuple, _Mention] = {}
        for m in history:
            if sent_of[m.head] == sent_of[tok.i] - back and m.type == "name" and m.head < tok.i:
                named.pop(m.key, None)
                named[m.key] = m
        if len(named) >= 2:
            pair = list(named.values())[-2:]
            return pair[1] if tok.lower == "latter" else pair[0]
    return None


def _compose_with_possessor(ctx: _Context, m: _Mention, resolved: dict[int, tuple], profiles: dict) -> None:
    """"its air force", "their fighters": the agent takes the code of the actor the possessive refers to."""
    tokens = ctx.parse.tokens
    for child in ctx.children[m.head]:
        key = resolved.get(child)
        if key is None or tokens[child].dep != "poss" or key not in profiles:
            continue
        owner = profiles[key]
        named_org = owner.kind in (ad.ORGANIZATION, ad.GROUP) and owner.key[0] == "entry"
        if owner.kind == ad.PERSON:
            if (owner.code or owner.role) and m.entry.kind == ad.PERSON and m.entry.role == "GOV" and (
                    m.kind == ad.GROUP):
                # "her aides": the people who work for her, coded as she is
                m.code, m.country, m.role = owner.code or owner.role, owner.country, owner.role or m.role
                m.key = ("composed", m.code, m.kind, True, m.lemma)
            elif m.lemma in _FOLLOWER_NOUNS and owner.code and owner.role not in (None, "GOV"):
                # "the opposition leader's supporters", "the warlord's followers": his camp, coded as he is
                m.code, m.country, m.role = owner.code, owner.country, owner.role
                m.key = ("composed", m.code, m.kind, True, m.lemma)
            elif owner.country and m.kind != ad.PERSON:
                # "his forces": the forces of the leader's country
                m.code, m.country = _compose(owner.country, m.entry), owner.country
                m.key = _key_for_org(m.code, ("composed", m.code, m.kind, True, ""))
            return
        if owner.kind in (ad.ORGANIZATION, ad.GROUP) and owner.code and m.entry.kind == ad.PERSON and (
                m.entry.role == "GOV"):
            # "its leaders", "its spokesman": the organization's own people
            m.code, m.country, m.role, m.affiliation = owner.code, owner.country, owner.role or m.role, owner.key
            return
        if not owner.code or not (owner.country or named_org):
            return
        m.code = _compose(owner.code if named_org else owner.country, m.entry)
        if named_org and (m.kind == ad.PERSON and m.entry.role == "GOV" or owner.role == m.entry.role):
            m.code = owner.code  # "its leader", a rebel group's "its fighters": the group's own code
        m.country = owner.country
        if named_org:
            m.affiliation = owner.key
        if m.kind != ad.PERSON:
            m.key = _key_for_org(m.code, ("composed", m.code, m.kind, True, ""))
        return


def _name_the_unnamed(ctx: _Context, m: _Mention, history: list[_Mention], sent_of: list[int]) -> None:
    """"A government spokesman said... The spokesman, Isaac Mwaura, added": the unnamed person was the named one."""
    tokens = ctx.parse.tokens
    noun = tokens[m.head].lemma.lower()
    earlier = {e.key for e in history if e.key[0] == "anon" and tokens[e.head].lemma.lower() == noun
               and sent_of[m.head] - sent_of[e.head] <= _ROLE_WINDOW}
    if len(earlier) != 1:
        return
    unnamed = earlier.pop()
    for e in history:
        if e.key == unnamed:
            e.key = m.key


def _compose_with_sender(ctx: _Context, m: _Mention, resolved: dict[int, tuple], profiles: dict) -> None:
    """"Peru said it had sent police", "Burhan said the army would fight": troops or police a state actor sends,
    deploys or speaks of are that actor's country's."""
    tokens = ctx.parse.tokens
    head = tokens[m.head]
    while head.dep == "conj" and head.head != head.i:
        head = tokens[head.head]
    verb = tokens[head.head]
    if head.dep in _SUBJECT_DEPS and verb.dep == "ccomp" and tokens[verb.head].lemma in _SPEECH_LEMMAS:
        verb = tokens[verb.head]  # "Burhan said the army would not negotiate": the speaker's army
    elif head.dep != "dobj" or verb.lemma not in _DEPLOY_VERBS:
        return
    for child in ctx.children[verb.i]:
        owner = profiles.get(resolved.get(child)) if tokens[child].dep == "nsubj" else None
        if m.role not in _STATE_ROLES or owner is None or not owner.country or owner.country == "IGO" or (
                owner.kind == ad.GROUP) or (
                owner.kind != ad.COUNTRY and owner.role not in _STATE_ROLES):
            continue
        m.code, m.country = _compose(owner.country, m.entry), owner.country
        m.key = _key_for_org(m.code, ("composed", m.code, m.kind, True, ""))
        return


def _compatible_pronoun(features: frozenset[str], p: _Candidate) -> bool:
    if "person" in features:
        if p.kind != ad.PERSON:
            return False
        clash = "male" in features and p.gender == "female" or "female" in features and p.gender == "male"
        return not (p.gender and clash)
    if "thing" in features:
        return p.kind in (ad.ORGANIZATION, ad.COUNTRY) or (p.kind == ad.GROUP and not p.plural)
    return p.kind in (ad.GROUP, ad.ORGANIZATION) or (p.kind == ad.COUNTRY and p.plural)


def _pleonastic(ctx: _Context, tok) -> bool:
    """"It is likely that...", "it seems", "it rained": an "it" that refers to nothing."""
    head = ctx.parse.tokens[tok.head]
    if tok.dep == "expl":
        return True
    if head.lemma not in _PLEONASTIC_HEADS:
        return False
    return any(ctx.parse.tokens[c].dep in ("ccomp", "xcomp", "csubj") and c > head.i for c in ctx.children[head.i]) \
        or head.lemma in ("seem", "appear", "happen", "rain")


def _governing_subjects(ctx: _Context, tok) -> tuple[set[int], dict[int, int]]:
    """Subjects of the clause that holds ``tok`` ("X lost his seat"), and of the verbs whose complement clause
    holds it ("Hamas said it would..."), each with how many clauses up it is (0 = the nearest)."""
    tokens = ctx.parse.tokens
    own: set[int] = set()
    found: dict[int, int] = {}
    i = tok.head
    # "X lost his seat": the subject of the clause the pronoun sits in, when the pronoun is not that subject
    verb = tokens[tok.head] if tok.dep not in _SUBJECT_DEPS else None
    for _ in range(4):
        if verb is None or verb.pos in ("VERB", "AUX") or verb.head == verb.i:
            break
        verb = tokens[verb.head]
    if verb is not None and verb.pos in ("VERB", "AUX"):
        own.update(c for c in ctx.children[verb.i] if tokens[c].dep in _SUBJECT_DEPS)
        i = verb.i
    seen = 0
    while seen < 6:
        current = tokens[i]
        if current.dep == "pcomp" and tokens[current.head].dep == "prep" and current.head != i:
            # "China sent warships in what it called a punishment": the clause hangs on the main verb's phrase
            parent = tokens[current.head].head
            for c in ctx.children[parent]:
                if tokens[c].dep in _SUBJECT_DEPS:
                    found.setdefault(c, seen)
            i = parent
        elif current.dep in ("ccomp", "xcomp", "advcl", "conj") and current.head != i:
            parent = current.head
            for c in ctx.children[parent]:
                if tokens[c].dep in _SUBJECT_DEPS:
                    found.setdefault(c, seen)
            i = parent
        else:
            break
        seen += 1
    own.discard(tok.i)
    return own, {i: depth for i, depth in found.items() if i != tok.i and i not in own}


def _reporting_subjects(ctx: _Context, tok) -> set[int]:
    """Subjects that cannot be what the noun ``tok`` describes: its own clause's subject when it is an object
    ("the minister gave the diplomat"), and the speakers whose reported clauses hold it ("Popsoi said the envoy")."""
    tokens = ctx.parse.tokens
    found: set[int] = set()
    verb = tokens[tok.head]
    if tok.dep in ("dobj", "dative", "iobj") and verb.pos in ("VERB", "AUX"):
        found.update(c for c in ctx.children[verb.i] if tokens[c].dep in _SUBJECT_DEPS)
    while tok.dep not in ("ccomp", "xcomp") and tok.head != tok.i and tok.pos not in ("VERB", "AUX"):
        tok = tokens[tok.head]
    for _ in range(4):
        if tok.dep not in ("ccomp", "xcomp") or tok.head == tok.i:
            break
        tok = tokens[tok.head]
        if tok.lemma in _SPEECH_LEMMAS:
            found.update(c for c in ctx.children[tok.i] if tokens[c].dep in _SUBJECT_DEPS)
    return found


def _age_noun(tokens, i: int) -> bool:
    """Whether token ``i`` ends "the 72-year-old" standing alone for a person (not "the 72-year-old man")."""
    # the tagger often makes it a modifier of the verb after it ("The 54-year-old accused ...")
    alone = tokens[i].dep != "amod" or i + 1 < len(tokens) and (tokens[i + 1].tag.startswith("VB") or (
        tokens[i + 1].pos == "PUNCT"))
    return tokens[i].lower == "old" and alone and i >= 5 and tokens[i - 1].text == "-" and (
        tokens[i - 2].lower in ("year", "years") and tokens[i - 3].text == "-" and tokens[i - 4].text.isdigit()
        and tokens[i - 5].lower in _DEFINITE)


def _cataphor(ctx: _Context, tok, names: dict[int, _Mention]) -> _Mention | None:
    """"In his first speech, Starmer promised...", "His government will not resign, Sharif said": a pronoun in a
    clause or phrase fronted before the subject refers to that subject when it is a named person."""
    tokens = ctx.parse.tokens
    branch = tok
    while branch.head != branch.i and tokens[branch.head].head != branch.head:
        branch = tokens[branch.head]
    root = tokens[branch.head]
    # "His government will not back down, Sharif said": a reported clause fronted before its speaker too
    reported = branch.dep == "ccomp" and root.lemma in _SPEECH_LEMMAS and branch.i < root.i
    if branch.dep not in ("prep", "advcl", "npadvmod") and not reported or branch.i > tok.i and branch.dep == "prep":
        return None
    for child in ctx.children[root.i]:
        if tokens[child].dep in ("nsubj", "nsubjpass") and child > tok.i and branch.i < child:
            named = names.get(child)
            if named is None and ctx.unit_at.get(child) is not None:
                named = next((m for m in names.values() if m.start <= tokens[child].start < m.end), None)
            return named
    return None


def _resolve_pronoun(ctx: _Context, tok, history: list[_Mention], profiles: dict, sent_of: list[int],
                     names: dict[int, _Mention], features: frozenset[str] | None = None):
    features = features or ctx.pronouns[tok.lower]
    tokens = ctx.parse.tokens
    if "person" in features and ("possessive" in features or "subject" in features):
        named = _cataphor(ctx, tok, names)
        p = profiles.get(named.key) if named is not None else None
        if p is not None and _compatible_pronoun(features, p):
            return _Mention(tok.start, tok.end, named.key, tok.text, p.kind, head=tok.i, first_token=tok.i,
                            type="pronoun")
    if "relative" in features:
        m = _relative_antecedent(ctx, tok, history)
        p = profiles.get(m.key) if m is not None else None
        # "West Yorkshire Police, who investigated": a body of people takes "who" too
        if p is None or "people" in features and p.kind == ad.COUNTRY or (
                "thing" in features and p.kind == ad.PERSON):
            return None
        return _Mention(tok.start, tok.end, m.key, tok.text, m.kind, head=tok.i, first_token=tok.i, type="pronoun")
    if tok.lower == "it" and _pleonastic(ctx, tok):
        return None
    if tok.lower == "her" and tok.dep in ("dobj", "dative", "pobj"):
        features = features - {"possessive"} | {"object"}
    reflexive = "reflexive" in features
    own_subjects, governing = _governing_subjects(ctx, tok)
    if "possessive" in features and any(
            (p := profiles.get(m.key)) is not None and _compatible_pronoun(features, p)
            for m in history if m.head in own_subjects):
        governing = {}  # "the ministry said, as Israel pressed its offensive": the nearer subject binds
    # "..., the coast guard said. Its spokesman said": the possessor of a speaker is a source going on speaking
    speaks = _speaker(ctx, tok) or tok.dep == "poss" and _speaker(ctx, tokens[tok.head])
    # "two of them had been found wounded": the quantity stands for the pronoun
    arg = tokens[tokens[tok.head].head] if tok.dep == "pobj" and tokens[tok.head].lower == "of" else tok
    patient = arg.dep == "nsubjpass" and tokens[arg.head].lemma in _PATIENT_VERBS
    best: dict[tuple, float] = {}
    # "The minister gave him 72 hours": an object pronoun is never its own clause's subject, by any of its names
    clause = tok.head
    if tok.dep == "pobj" and tokens[clause].lower in _ARGUMENT_PREPS and tokens[clause].dep == "prep":
        clause = tokens[clause].head  # "Police fired tear gas at them": the verb's own argument, not a place
    clauses = {clause}
    # "the government failed to pay them": the subject of "failed" pays; "forced staff down and threatened to kill
    # them": a verb joined to another without a subject of its own shares that one's
    # "he had called Mahama to congratulate him": an infinitive of purpose shares its verb's subject too
    while tokens[clause].head != clause and len(clauses) < 5 and (tokens[clause].dep == "xcomp" or (
            tokens[clause].dep in ("conj", "advcl") and not any(
                tokens[c].dep in _SUBJECT_DEPS for c in ctx.children[clause]) and (
                tokens[clause].dep == "conj" or tokens[clause].tag == "VB"))):
        clause = tokens[clause].head
        clauses.add(clause)
    subject_keys = {m.key for m in history if tokens[m.head].head in clauses and tokens[m.head].dep in _SUBJECT_DEPS}
    if features is _AGE_FEATURES:
        # "He said the 56-year-old had been charged": not the one who says it
        reporters = _reporting_subjects(ctx, tok)
        subject_keys |= {m.key for m in history if m.head in reporters}
        features = features | {"object"}
    quote = ctx.quote_of[tok.i] if ctx.quote_of else -1
    # '"They shot anyone who ran," a witness said': a third person inside a quotation is never its speaker
    speakers = _quote_side(ctx, quote, history, profiles, sent_of) if quote >= 0 else set()
    for m in reversed(history):
        if sent_of[tok.i] - sent_of[m.head] > _PRONOUN_WINDOW:
            break
        if m.head >= tok.i:
            continue
        p = profiles.get(m.key)
        if p is None or not _compatible_pronoun(features, p):
            continue
        m_tok = tokens[m.head]
        same_clause_subject = m_tok.dep in _SUBJECT_DEPS and m_tok.head == tok.head
        if "object" in features and not reflexive and m.key in subject_keys or m.key in speakers:
            continue
        if p.role == "MED" and m_tok.dep in ("dobj", "dative") and tokens[m_tok.head].lemma in _SPEECH_LEMMAS:
            continue  # "told reporters": the audience of a statement, not what the story goes on about
        if _credit(ctx, m):
            continue  # "NEW DELHI (Subcontinent Herald) -": the outlet credited, not an actor of the story
        if "plural" in features and not p.plural and p.kind != ad.COUNTRY and _owner_of_unnamed(ctx, m_tok):
            continue  # "forced staff of the broadcaster to the floor and threatened them": the staff
        score = _salience(ctx, m, sent_of, tok.i)
        subject = tokens[m.head].head if tokens[m.head].dep == "appos" else m.head
        if subject in own_subjects:
            # "people had fled their homes": a possessive first looks to its own clause's subject
            score += 3.0 if "possessive" in features else 2.0
        elif subject in governing:
            # "the group said..., while the military said it had struck": the nearest reporting clause's subject
            score += 2.0 if governing[subject] == 0 else 0.5
        elif "possessive" in features and tokens[tok.head].dep == "conj" and tokens[tok.head].head == m.head:
            score += 3.0  # "Paris and its former colony", "the president and his wife"
        elif m_tok.dep == "poss" and governing.get(m_tok.head) == 0 and p.kind == ad.PERSON:
            score += 3.0  # "Hersh's sister said he was tired": the one the speaker is named after
        if reflexive and same_clause_subject:
            score += 5
        if speaks and _speaker(ctx, m_tok) and _attribution_tail(ctx, tokens[_governor(ctx, m_tok).head]):
            score += 3.5  # "..., the ministry said. It said six officers were hurt": the source goes on speaking
        if "female" in features:
            # most people in the news whose gender the text does not reveal are men
            score += 1.0 if p.gender == "female" else -1.0
        if m.key[0] == "anon":
            score -= 0.5
        if m_tok.dep == "compound" and tokens[m_tok.head].pos == "NOUN":
            score -= 2.0  # "the Biden administration": the name only says whose body it is
        acted_on = _governor(ctx, m_tok)
        if patient and (acted_on.dep == "dobj" or acted_on.dep == "nsubjpass" and (
                tokens[acted_on.head].lemma in _PATIENT_VERBS)):
            score += 3.0  # "They were charged": those the previous clause acted on, not who acted
        if quote >= 0 and _speaker(ctx, m_tok) and ctx.quote_of[m.head] < 0:
            score -= 3.0  # those quoted speak of themselves as "we": "they" in a quotation is someone else
        if "plural" in features and p.plural:
            score += 1.0  # a plural noun agrees better with "they" than an organization's singular name
        best[m.key] = max(best.get(m.key, -99.0), score)
    if not best and "person" in features:
        # "He" opening a paragraph after quotes and background: the only person named not long before
        far = {m.key for m in history if 0 < sent_of[tok.i] - sent_of[m.head] <= _FAR_PRONOUN_WINDOW
               and (p := profiles.get(m.key)) is not None and _compatible_pronoun(features, p)}
        best = dict.fromkeys(far, 0.0) if len(far) == 1 else {}
    if not best:
        return None
    ranked = sorted(best.items(), key=lambda kv: -kv[1])
    if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < _MARGIN:
        return None
    key = ranked[0][0]
    p = profiles[key]
    if p.gender is None and p.kind == ad.PERSON:
        p.gender = "male" if "male" in features else "female" if "female" in features else None
    return _Mention(tok.start, tok.end, key, tok.text, p.kind, head=tok.i, first_token=tok.i, type="pronoun")


def _clause_countries(ctx: _Context, tok, profiles: dict) -> set[str]:
    """Countries of the speakers who report the clause that holds ``tok``, and of the subject of a verb of
    governing it ("has ruled the country")."""
    tokens = ctx.parse.tokens
    verb = tok
    for _ in range(6):
        if verb.pos in ("VERB", "AUX") or verb.head == verb.i:
            break
        verb = tokens[verb.head]
    heads = _reporting_subjects(ctx, tok)
    if verb.lemma in _GOVERNING_VERBS:
        heads |= {c for c in ctx.children[verb.i] if tokens[c].dep in _SUBJECT_DEPS}
    found = set()
    for h in heads:
        m = ctx.mention_at.get(h)
        p = profiles.get(m.key) if m is not None and m.head != tok.i else None
        country = p.country or (p.code or "")[:3] if p is not None and p.kind != ad.COUNTRY else None
        if country and len(country) == 3 and country != "IGO":
            found.add(country)
    return found


def _family(role: str | None) -> str | None:
    return "armed" if role in _ARMED_NONSTATE else role


def _office_family(role: str | None) -> str | None:
    """Roles one person's noun may stand for: "the officer" is a soldier's or a policeman's."""
    return "security" if role in ("MIL", "COP") else _family(role)


def _resolve_role(ctx: _Context, m: _Mention, history: list[_Mention], profiles: dict, sent_of: list[int]):
    entry = m.entry
    noun = ctx.parse.tokens[m.head].lemma.lower()
    best: dict[tuple, float] = {}
    bound: set[tuple] = set()
    if m.kind in (ad.PERSON, ad.GROUP):
        # "Popsoi said the envoy had met...", "the minister gave the diplomat...": a description is not the
        # subject of its own clause nor of the clause that reports it
        subjects = _reporting_subjects(ctx, ctx.parse.tokens[m.head])
        # "the finance minister and the central bank governor": two people
        head = ctx.parse.tokens[m.head]
        subjects |= {head.head} if head.dep == "conj" else set()
        subjects |= {c for c in ctx.children[m.head] if ctx.parse.tokens[c].dep == "conj"}
        bound = {e.key for e in history if e.head in subjects}
    elif ctx.parse.tokens[m.head].dep in ("dobj", "dative", "iobj"):
        # "The regulator ordered the company to pay": an object is not its own clause's subject
        verb = ctx.parse.tokens[ctx.parse.tokens[m.head].head]
        subjects = {c for c in ctx.children[verb.i] if ctx.parse.tokens[c].dep in _SUBJECT_DEPS}
        bound = {e.key for e in history if e.head in subjects}
    # "the Gulf state", "the island": only the countries such an epithet can stand for
    epithet = m.name.lower().removeprefix("the ").strip() if m.type == "reference" else ""
    allowed = _epithets().get(epithet) or _epithets().get(noun) if epithet else None
    kinds_named = _named_kinds(ctx, m) if m.type == "reference" else []
    speakers_country = _clause_countries(ctx, ctx.parse.tokens[m.head], profiles) if (
        m.type == "reference" and entry.role == ad.COUNTRY) else set()
    by_name: set[tuple] = set()  # bodies whose name holds the noun
    if m.kind == ad.PERSON and m.title:
        # "the prime minister", however far back "Prime Minister Luis Montenegro" was named: one holder of the title
        holders = {e.key for e in history if e.key not in bound and (p := profiles.get(e.key)) is not None
                   and p.kind == ad.PERSON and p.title == m.title.lower()
                   and (not m.country or (p.country or (p.code or "")[:3]) == m.country)}
        if len(holders) == 1:
            return holders.pop()
    for earlier in reversed(history):
        if sent_of[m.head] - sent_of[earlier.head] > _ROLE_WINDOW:
            break
        if earlier.key == m.key and m.key[0] == "composed" and m.type == "role" and earlier.type == "name":
            return None  # "the teachers" after bare "teachers": the same group already, whatever was named since
        if earlier.key == m.key or earlier.key in bound:
            continue
        p = profiles.get(earlier.key)
        if p is None:
            continue
        score = _salience(ctx, earlier, sent_of, m.head)
        if m.type == "reference":
            wanted = entry.role or ad.ORGANIZATION
            if wanted == ad.COUNTRY and (p.kind != ad.COUNTRY or allowed and (p.code or "")[:3] not in allowed):
                continue
            if wanted == ad.COUNTRY and ctx.home and p.key == ("country", ctx.home):
                score += 3.0  # "the country" is more often the one the story is set in than one just named
            if wanted == ad.COUNTRY and (p.code or "")[:3] in speakers_country:
                score += 3.0  # "Tshisekedi said the country would not be divided": the speaker's own country
            # "the rebels ... the group's leader": an armed band is a group however it was named
            armed_band = wanted == "nonstate" and p.role in _ARMED_NONSTATE and p.plural
            if wanted != ad.COUNTRY and (p.kind not in (ad.ORGANIZATION, ad.GROUP) or p.key[0] in ("composed", "gov")
                                         and noun not in p.name.split() and not armed_band):
                continue  # "the movement" after "the opposition movement", but "the group" is no bare "protesters"
            if armed_band and p.key[0] == "composed":
                score -= 2.0  # a group named as one comes first
            if wanted == "nonstate" and p.role in _STATE_ROLES:
                continue
            if wanted == "oversight" and (p.role == "BUS" or p.role in _ARMED_NONSTATE):
                continue  # "The regulator ordered the company": a regulator is no business it oversees
            if m.within is not None and (p.key == m.within.key or not (p.code or "").startswith(m.within.code)):
                continue
            if noun in p.name.split():
                score += 3.0  # "the agency" after "International Atomic Energy Agency"
                by_name.add(earlier.key)
            elif any(w[:5] not in p.name for w in kinds_named):
                continue  # "the prisons agency" is no broadcaster named before
        elif m.kind == ad.PERSON:
            if p.kind != ad.PERSON:
                continue
            if m.affiliation is not None and p.affiliation != m.affiliation and p.code != m.code:
                continue
            if m.country and (p.country or (p.code or "")[:3]) != m.country:
                continue  # "the Kenyan leader" is not the Sudanese general
            if noun in p.title.split() or noun == p.title:
                score += 5.0  # "the diplomat" after "a Russian diplomat", far more than any official's being near
            elif p.role and entry.role and _office_family(p.role) == _office_family(entry.role) and (
                    entry.role != "CVL") or (
                    entry.role == "GOV" and p.role in ("REB", "IGO")):  # "the woman" is not any civilian
                score += 1.0
            else:
                continue
        elif m.kind == ad.GROUP:
            same_noun = bool(earlier.lemma) and earlier.lemma == m.lemma  # "20 protesters ... the protesters"
            # "Gunmen abducted... The attackers": bare plural groups of one kind are the same people
            bare_people = p.kind == ad.GROUP and p.plural and m.plural and p.role == m.role and p.role != "CVL"
            if entry is not None and entry.kind == ad.PERSON and not (p.kind == ad.GROUP and p.plural):
                continue  # "the aides" are people, not the government they serve
            # "the guardsmen" after "the National Guard", "the militiamen" after a militia
            members = p.kind == ad.ORGANIZATION and any(len(w) > 3 and noun.startswith(w) for w in p.name.split())
            if p.kind not in (ad.ORGANIZATION, ad.GROUP) or _family(p.role) != _family(m.role) and not same_noun or (
                    p.key[0] == "composed" and not p.key[3] and not same_noun and not bare_people and not members):
                continue
            if same_noun:
                score += 3.0  # "the teachers" after "hundreds of teachers", though a teachers' union was named since
            elif members:
                score += 3.0
            elif p.key[0] == "entry":
                score += 1.0
        else:
            unknown_business = m.role == "BUS" and p.role is None and p.key[0] == "org" and not any(
                (q := profiles.get(e.key)) is not None and q.role == "BUS" and q.kind != ad.PERSON for e in history)
            if p.kind not in (ad.ORGANIZATION, ad.GROUP) or p.role != m.role and not unknown_business or (
                    noun not in p.name.split() and p.key[0] not in ("org", "entry")):
                continue  # "the party" after "Georgian Dream", described as the ruling party
            if unknown_business:
                score -= 1.0  # "Shell said ... The company": a name of no known sector may be a company's
        best[earlier.key] = max(best.get(earlier.key, -99.0), score)
    if len(by_name) == 1 and m.within is None:
        return by_name.pop()  # "the agency" when one body named before is an agency, whoever was named since
    for country in speakers_country:
        if ("country", country) in profiles:
            # "The veteran leader has ruled the country since 1994": his own, however long ago it was named
            best.setdefault(("country", country), 1.0)
    if not best:
        if m.type == "reference" and entry.role == ad.COUNTRY and ctx.home and (
                ("country", ctx.home) in profiles) and (not allowed or ctx.home in allowed):
            return ("country", ctx.home)  # "the country", far from its last name, is the one the story is set in
        return None
    ranked = sorted(best.items(), key=lambda kv: -kv[1])
    if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < _MARGIN:
        return None
    return ranked[0][0]


# ---------------------------------------------------------------- assembly


def _children(parse: Parse) -> list[list[int]]:
    kids: list[list[int]] = [[] for _ in parse.tokens]
    for t in parse.tokens:
        if t.head != t.i:
            kids[t.head].append(t.i)
    return kids


def find_actors(parse: Parse, doc_id: str, dictionary=None, published: str | None = None) -> tuple[Actor, ...]:
    """Actors of the text, one per real-world entity, with every mention.

    ``published`` (ISO date) selects date-restricted dictionary codes.
    """
    dictionary = dictionary or _bundled()
    if not parse.tokens:
        return ()
    units = _units(parse, dictionary)
    unit_at = {i: u for u in units for i in range(u.start, u.end)}
    ctx = _Context(parse, dictionary, (published or "")[:10] or None, units, unit_at, _children(parse), _pronouns(),
                   dictionary.country_names())
    ctx.home = _home_country(parse, units, unit_at)
    ctx.described = {id(u.described_by): u for u in units if u.described_by is not None}
    mentions = _mentions(ctx)
    subjects = frozenset(t.i for t in parse.tokens if t.dep in _SUBJECT_DEPS)
    _merge_persons(parse.text, mentions, subjects)
    _merge_aliases(ctx, mentions)
    _merge_bare_agents(mentions, _headline_end(parse.text))
    _name_the_lede_person(ctx, mentions, _headline_end(parse.text))
    mentions = _resolve(ctx, mentions)
    _inherit_country(mentions)
    _merge_office_holders(mentions, ctx.home)
    lone = _home_country(parse, units, unit_at, lone=True)
    acting = subjects | {t.i for t in parse.tokens if t.dep == "conj" and t.head in subjects}
    return _assemble(parse.text, doc_id, mentions, ctx.home, lone, frozenset(acting))


def _headline_end(text: str) -> int:
    """Where the first line ends when it reads as a headline (no sentence-final full stop)."""
    end = text.find("\n")
    return end if end > 0 and not text[:end].rstrip().endswith(".") else 0


def _home_country(parse: Parse, units: list[_Unit], unit_at: dict[int, _Unit], lone: bool = False) -> str | None:
    """The country the story happens in: named clearly more often than any other (names, demonyms, capitals);
    with ``lone``, the one country the text names at all, however briefly.

    Where a country is named counts too: "in Haiti", a dateline, a domestic body ("Ugandan opposition", "Kenya
    Anti-Corruption Commission") say more about where the story happens than a country that is only acted on."""
    counts: dict[str, float] = {}
    for unit in units:
        entry = unit.entry
        if lone and unit.backer:
            continue  # "Iran-backed militias": the backer works from outside
        if entry is not None and not entry.user and entry.kind in (ad.COUNTRY, ad.DEMONYM, ad.CAPITAL):
            code = (entry.country or entry.code or "")[:3]
            dateline = entry.kind == ad.CAPITAL and unit.ner != "PERSON" and unit.dateline
            weight = 3.0 if dateline else _place_weight(parse, unit, unit_at)
            counts[code] = counts.get(code, 0) + weight
        elif entry is not None and not entry.agent and entry.country and len(entry.country) == 3 and (
                entry.role != "MED"):  # a wire service credited ("(Reuters)") says nothing of where
            # a named group or person of another country ("Hamas" in a story about Israel) makes it less one-sided;
            # a body named after its country ("Nigerian Union of Teachers") works at home
            counts[entry.country] = counts.get(entry.country, 0) + (1 if entry.key else 2)
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if lone:
        return ranked[0][0] if len(ranked) == 1 else None
    if not ranked or ranked[0][1] < 2 or len(ranked) > 1 and ranked[1][1] * 3 > ranked[0][1] * 2:
        return None
    return ranked[0][0]


def _place_weight(parse: Parse, unit: _Unit, unit_at: dict[int, _Unit]) -> float:
    """How strongly a country word places the story there: "in Haiti" or a body that works at home ("Ugandan
    opposition", "Kenyan police") 2, a government or army (which also act abroad) 1.5, any other mention 1."""
    tokens = parse.tokens
    tok = tokens[unit.head]
    head = tokens[tok.head]
    if tok.dep == "pobj" and head.lower in _LOCATIVE_PREPS:
        return 2.0
    body = unit_at.get(head.i) if tok.dep in ("amod", "compound", "poss", "nmod") else None
    if body is None or body.entry is None or not body.entry.agent:
        return 1.0
    return 2.0 if body.entry.role in _HOME_ROLES else 1.5 if body.entry.role in ("GOV", "MIL") else 1.0


def _domestic(code: str | None) -> bool:
    """Whether ``code`` is only sectors of bodies found in every country ("COP", "CVLOPP")."""
    return bool(code) and len(code) % 3 == 0 and all(code[i:i + 3] in _DOMESTIC_ROLES for i in range(0, len(code), 3))


def _assemble(text: str, doc_id: str, mentions: list[_Mention], home: str | None = None,
              lone: str | None = None, acting: frozenset[int] = frozenset()) -> tuple[Actor, ...]:
    order: list[tuple] = []
    grouped: dict[tuple, list[_Mention]] = {}
    for m in sorted(mentions, key=lambda m: (m.start, m.end)):
        if m.key not in grouped:
            order.append(m.key)
            grouped[m.key] = []
        grouped[m.key].append(m)
    ids = {key: f"{doc_id}:a{n}" for n, key in enumerate(order, 1)}
    # a known member of a named group ("Haniyeh", code of Hamas) is affiliated with it when it is in the text
    heads = {key: grouped[key][0] for key in order}
    org_by_code = {}
    for key in order:
        first = grouped[key][0]
        if key[0] == "entry" and first.kind in (ad.ORGANIZATION, ad.GROUP) and first.code:
            org_by_code.setdefault(first.code, key)
    actors = []
    for key in order:
        group = grouped[key]
        names = [m for m in group if m.type == "name"] or group
        first = names[0]
        name = max((m.name for m in names if m.kind == ad.PERSON and m.entry is None), key=len, default=first.name)

        def pick(attr: str, names=names):
            return next((getattr(m, attr) for m in names if getattr(m, attr)), None)

        affiliation = pick("affiliation")
        if affiliation is None and first.kind == ad.PERSON:
            affiliation = org_by_code.get(pick("code"))
        spans = {}
        for m in group:
            spans.setdefault((m.start, m.end), Span(m.start, m.end, text[m.start:m.end]))
        code, country = pick("code"), pick("country")
        org = heads.get(affiliation) if affiliation and affiliation != key else None
        if first.kind == ad.PERSON and code is None and org is not None and org.code:
            code, country = org.code, country or org.country  # "a spokesman for the group, X"
        actor_here = lone and any(m.head in acting for m in group) and not any(m.counted for m in group)
        if (home or actor_here) and country is None and _domestic(code) and key[0] in ("composed", "anon"):
            # a bare "police" or "the army" in a story set in one country is that country's, as are "militants"
            # who act in a text that names one country only (not the sailors that country's ships fired on)
            place = home or lone
            code, country = place + code, place
        elif (home or lone) and code in (None, pick("role")) and country is None and first.kind == ad.PERSON and (
                pick("role")):
            # "Governor Uba Sani" in a story set in Nigeria; "Judge X charged Chilean officials": a title holder
            # with no country of their own holds office in the one country a short text names
            place = home or lone
            code, country = place + pick("role"), place
        actors.append(Actor(
            id=ids[key], name=name, kind=first.kind, code=code, country=country,
            role=pick("role"), title=pick("title"),
            affiliation=ids.get(affiliation) if affiliation and affiliation != key else None,
            mentions=tuple(sorted(spans.values(), key=lambda s: s.start)),
        ))
    return tuple(actors)
