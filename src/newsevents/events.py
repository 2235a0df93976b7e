"""Events: source-action-target triples coded in CAMEO and PLOVER.

A lexicon of verb, frame and noun entries (``data/lexicon/*.tsv``) is matched on the dependency parse;
arguments are found through subjects, objects, prepositions, passives, control and relative clauses, and
mapped to actors by character offset. Framing verbs ("agreed to", "urged ... to", "threatened to") recode
their complement through ``data/cameo/frames.tsv``; tense, modals and negation set the event's mode.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from pathlib import Path

from .model import Actor, DateExpr, Event, Parse, Place, Span, Token

SUBJ_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJ_DEPS = {"nsubjpass", "csubjpass"}
OBJ_DEPS = {"dobj", "attr", "oprd", "acomp", "advmod", "npadvmod"}
PART_DEPS = {"prt", "prep", "agent", "dative", "advmod", "acomp"}
COMP_DEPS = {"xcomp", "ccomp"}
FUTURE_AUX = {"will", "shall", "'ll", "would", "'d", "wo"}
MODAL_AUX = {"could", "might", "may", "can", "ca"}
DEONTIC_AUX = {"must", "should", "ought"}
NEGATIONS = {"not", "n't", "never", "no"}
INHERIT_SUBJECT_DEPS = {"conj", "advcl", "pcomp", "ccomp", "acomp", "prep"}
FRAMING_REPORTS = {"insist", "warn", "claim"}
NOMINAL = {"NOUN", "PROPN", "PRON"}
RELATIVE = {"who", "whom", "which", "that"}
# Verbs whose subject performs the event named by their object ("launched an offensive", "held talks").
SUPPORT_VERBS = {"launch", "carry", "conduct", "stage", "hold", "mount", "make", "have", "begin", "start",
                 "continue", "resume", "lead", "organize", "organise", "unleash", "step", "intensify", "wage",
                 "commit", "perpetrate", "announce", "declare", "order", "impose", "give", "provide", "deliver",
                 "send", "offer", "sign", "conclude", "reach", "pay", "undertake", "join", "attend", "host",
                 "issue", "extend", "grant", "seek", "file", "lodge", "open", "end", "complete", "dispatch", "ship",
                 "supply", "rush", "donate", "channel", "airlift", "airdrop", "approve", "disburse"}
LOCATIVE_PREPS = {"in", "at", "into", "inside", "across", "throughout"}
CIRCUMSTANCE_PREPS = LOCATIVE_PREPS | {"over", "amid", "after", "before", "despite", "during", "since", "near",
                                       "outside", "beyond", "until", "within"}
EPISODE_NOUNS = {"history", "anniversary", "memory", "legacy", "aftermath", "wake", "commemoration", "memorial",
                 "record", "pattern", "culture", "threat", "risk", "fear", "possibility", "prospect", "spectre"}
SENTENCE_ENDS = ".!?\"'\u201d\u2019)"
PURPOSE_NOUNS = {"protest", "response", "retaliation", "solidarity", "support", "opposition", "defiance"}
PARTICIPATION_VERBS = {"engage", "involve", "participate", "join", "take"}
CONDITIONAL_MARKS = {"if", "unless", "whether"}
REPORTING = {"say", "tell", "announce", "state", "declare", "add", "report", "claim", "insist", "stress",
             "conclude", "warn", "write", "note", "argue", "believe", "think", "indicate", "suggest", "confirm"}
ACTOR_LINK_DEPS = ("compound", "amod", "poss", "nmod", "appos")
ALLEGING = {"accuse", "blame", "charge", "allege", "suspect", "claim", "deny", "rumour", "rumor"}
CLAUSE_DEPTH = {"advcl": 3, "relcl": 2, "acl": 2}  # background clauses weigh more than one step
CLAUSE_DEPS = {"relcl", "advcl", "ccomp"}  # finite clauses inside a noun phrase
PARTAKING_PREPS = {"for", "into", "during"}
PURPOSIVE = {"mean", "intend", "design", "aim", "tailor", "calculate", "gear"}  # "is meant to", "aimed at"
HABITUAL = {"often", "usually", "frequently", "routinely", "regularly", "sometimes", "typically", "generally",
            "habitually", "seldom", "rarely"}
# Verbs whose subject undergoes, witnesses, reports or judges the event its object names.
UNDERGOING = {"suffer", "survive", "witness", "see", "watch", "face", "endure", "escape", "experience", "fear",
              "report", "describe", "mourn", "remember", "recall", "commemorate", "mark", "expect", "predict",
              "anticipate", "risk", "avoid", "prevent", "blame", "dismiss", "deny", "condemn", "call", "cite",
              "investigate", "probe", "discuss", "debate", "consider", "oppose", "support", "welcome", "hail",
              "criticize", "criticise", "protest", "flee", "die", "perish", "lose", "sustain", "receive",
              "want", "wish", "hope", "need", "seek", "try", "attempt", "repel", "repulse", "resist", "thwart",
              "foil", "block", "monitor", "track", "follow", "cover", "observe", "host", "urge", "demand",
              "require", "request", "ask", "plan", "threaten", "promise", "pledge", "vow", "propose", "offer",
              "broker", "mediate", "reject", "refuse", "accept", "ignore", "heed", "veto", "endorse", "back", "thank", "praise",
              "commend", "congratulate", "credit", "applaud", "laud", "reward", "punish", "fault", "serve",
              "tell", "address", "brief"}
NAME_TYPES = {"ORG", "FAC", "LAW", "WORK_OF_ART", "EVENT", "PRODUCT"}
VISIT_CODES = ("042", "043")
# Verdicts against an act: the act they name ("condemned the strike") is already known, not news of its own.
CONDEMNING = {"condemn", "denounce", "criticize", "criticise", "deplore", "decry", "slam", "blast", "protest"}
YEAR = re.compile(r"^(1[89]|20)\d\d$")
PROXIMITY_PREPS = {"near", "outside", "along", "beyond"}
GEOGRAPHIC = {"border", "frontier", "boundary", "line", "coast", "shore", "town", "city", "village", "capital",
              "area", "region", "province", "district", "island", "islands", "shoal", "sea", "river", "valley",
              "mountain", "crossing", "strait", "zone", "enclave", "territory"}
CAUSING = {"prompt", "lead", "force", "cause", "drive", "spur", "push", "compel", "trigger"}
STATE_SECTORS = {"", "GOV", "MIL", "COP", "SPY"}  # who speaks for a state
INSTRUMENTAL = {"use", "employ"}
EXPRESSIVE_ROOTS = {"01", "02", "05", "10", "11", "12", "14"}
ABILITY = {"able", "unable", "capable", "free"}  # "were able to try the case" says what could happen
# Verbs that give something a verdict ("called the move unacceptable"; words in frames.tsv family "label").
LABELLING = {"call", "describe", "brand", "label", "term", "dub", "characterise", "characterize"}
# What a verdict can be about besides an act or a party: someone's decisions, words and measures.
VERDICT_OBJECTS = {"decision", "move", "measure", "step", "policy", "law", "bill", "ruling", "verdict", "statement",
                   "remark", "comment", "charge", "accusation", "claim", "allegation", "plan", "proposal", "deal",
                   "exchange", "warrant", "tariff", "duty", "levy", "order", "decree", "action", "behaviour",
                   "behavior", "conduct", "stance", "response", "reaction", "vote", "election", "result"}
SUPPORT_TARGET_PREPS = ("to", "with", "against", "on", "toward", "towards", "at")  # "offered aid [to X]"
TARGET_PREPS = ("with", "against", "to", "toward", "towards", "from", "into", "over", "for", "by")
RECODING_FAMILIES = {"intent", "appeal", "demand", "reject", "threaten"}
GIVING_ROOTS = {"06", "07", "16"}  # the object is a thing given or withdrawn ("aid to X", "envoy from X")
COOPERATIVE_ROOTS = {"03", "04", "05", "06", "07", "08"}
RECIPROCAL_ROOTS = {"03", "04", "05", "06", "19"}
RECIPROCAL_CODES = ("0871",)  # a truce binds every party that agreed to it
ONE_SIDED_CODES = ("045",)  # mediators act together on a third party, not on each other
# Heads that schedule their complement ("are due to meet"): a planned event, neither asserted nor an intent.
SCHEDULING = {"due", "set", "scheduled", "slated"}
# Verbs whose complement is a picture or a plan, not a report ("animations showing missiles hitting X").
# Declining these is itself a rejection ("will not accept refugees"); other negated future acts
# ("would not withdraw", "will not negotiate") are a stated stance and stay negated, uncoded.
ACCEPTING = {"accept", "allow", "permit", "approve", "agree", "recognise", "recognize", "endorse", "comply",
             "ratify", "admit"}
INJURY_VERBS = {"hurt", "injure", "wound"}
DEPICTING = {"show", "depict", "simulate", "portray", "imagine", "rehearse", "envisage", "envision"}
NON_CALENDAR_PRECISIONS = {"duration", "range", "ref", "set"}
CALENDAR_VALUE = re.compile(r"^\d{2,4}(-(\d{2}|W\d{2}|Q\d|[A-Z]{2})){0,2}(T|$)")
UPCOMING = {"next", "tomorrow", "coming", "upcoming"}
CONFLICT_ROOTS = {"14", "16", "17", "18", "19", "20"}  # 15 (force posture) is announced, not threatened
# Speech acts that, coordinated into a clause someone reports, are usually the reporter's own next act
# ("said the rebels would stop attacks but warned that ...").
SPEECH_ACTS = REPORTING | {"warn", "call", "urge", "appeal", "demand", "accuse", "deny", "reject", "vow", "pledge",
                           "promise", "threaten", "condemn", "praise", "criticize", "criticise", "welcome", "ask"}
# Roots whose act can be a reaction to a reason clause ("arrested for collaborating", "barred for failing to").
PUNITIVE_ROOTS = {"11", "12", "16", "17"}
ATTRIBUTING = {"say", "add", "state", "note", "write", "report"}  # verbs that only attribute ("warn" acts)
SPEECH_ROOTS = {"01", "02", "03", "10", "11", "12", "13"}
DEFINITE = {"the", "this", "that", "these", "those", "its", "their", "his", "her"}
ASSAULT_ROOTS = {"18", "19"}
DEFYING = {"defiance", "violation", "breach", "contravention"}  # "did X [in defiance of] a ban": X defies it
MOMENT_MARKS = {"as", "when", "while"}
PERMITTING = {"allow", "let", "permit"}  # "allowed [inspectors] to visit": the one let in is the object
NO_EVENT = "-"  # lexicon code of a phrase that names no event ("forced [its way] in"), overriding general readings
DURATION_NOUNS = {"year", "month", "decade", "century"}  # "days after" still links news; "years after" recalls


@dataclass(frozen=True, slots=True)
class Code:
    """One CAMEO code with its Goldstein value, QuadClass and PLOVER mapping."""

    code: str
    root: str
    goldstein: float
    quad_class: int
    plover: str | None
    plover_mode: str | None
    label: str


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon entry (see the header of ``data/lexicon/events.tsv``)."""

    id: str
    code: str
    kind: str  # verb | frame | noun
    lemma: str
    parts: tuple[str, ...]
    obj: tuple[str, ...]
    roles: tuple[tuple[str, str], ...]
    family: str | None
    order: int
    before: tuple[str, ...] = ()  # words that must precede the verb in its sentence, in order (PETRARCH)
    reverse: str | None = None  # the code of the target's act toward the source (PETRARCH "[032:033]")

    @property
    def specificity(self) -> int:
        return len(self.parts) + 2 * len(self.obj) + self.needs_coordination + len(self.before)

    @property
    def needs_coordination(self) -> bool:
        """Whether the entry applies only to a coordinated subject ("A and B agreed")."""
        return ("need", "coord") in self.roles

    def role_of(self, slot: str) -> str | None:
        for name, role in self.roles:
            if name == slot:
                return role
        return None


@dataclass
class Lexicon:
    """Entries indexed by lemma, plus the codebook and complement frames."""

    verbs: dict[str, list[Entry]] = field(default_factory=dict)
    frames: dict[str, list[Entry]] = field(default_factory=dict)
    nouns: dict[str, list[Entry]] = field(default_factory=dict)
    codes: dict[str, Code] = field(default_factory=dict)
    families: dict[str, dict[str, str]] = field(default_factory=dict)
    sectors: dict[str, list[tuple[frozenset[str], str]]] = field(default_factory=dict)
    bundled_from: int = 0  # entries at or after this order come from the bundled files

    def recode(self, family: str, code: str) -> str:
        """The code a framing family gives a complement event of ``code`` (longest prefix wins)."""
        table = self.families.get(family, {})
        for n in range(len(code), 1, -1):
            if code[:n] in table:
                return table[code[:n]]
        return table.get("*", code)


def _data_lines(text: str):
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.rstrip("\n").split("\t")


def _read(package_path: str) -> str:
    return resources.files("newsevents").joinpath(package_path).read_text(encoding="utf-8")


def _parse_pattern(kind: str, pattern: str) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """Split ``pattern`` into (key lemma, required particles, required object words)."""
    if kind == "noun":
        words = pattern.lower().split()
        head = next((w for w, nxt in pairwise(words) if nxt in _NOUN_LINKS), words[-1])
        return head, (), tuple(words)
    obj = ()
    match = re.search(r"\[([^\]]+)\]", pattern)
    if match:
        obj = tuple(match.group(1).lower().split())
        pattern = pattern[: match.start()] + " " + pattern[match.end():]
    words = pattern.lower().split()
    return words[0], tuple(words[1:]), obj


_NOUN_LINKS = {"of", "against", "for", "to", "in", "on", "with", "from", "between"}


def _entries(text: str, start: int) -> list[Entry]:
    out = []
    for n, cols in enumerate(_data_lines(text)):
        if len(cols) < 5:
            continue
        entry_id, code, kind, pattern, roles = cols[:5]
        lemma, parts, obj = _parse_pattern(kind, pattern)
        pairs = tuple(tuple(r.split("=", 1)) for r in roles.split() if "=" in r)
        family = next((role for slot, role in pairs if slot == "comp"), None)
        out.append(Entry(entry_id, code, kind, lemma, parts, obj, pairs, family, start + n))
    return out


_PETRARCH_BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s*---", re.MULTILINE)
_TSV_LINE = re.compile(r"^[^#\n][^\n]*\t", re.MULTILINE)
_PETRARCH_PREPS = {"to", "for", "with", "against", "on", "in", "at", "of", "from", "into", "by", "over", "off",
                   "out", "up", "down", "back", "away"}
_PETRARCH_MARKERS = {"$", "+", "%"}
PETRARCH_ROLES = "subj=source obj=target with=target against=target to=target on=target at=target for=target"


def _petrarch_entries(text: str, start: int, codes: dict) -> list[Entry]:
    """Entries from a PETRARCH/TABARI verbs dictionary: each verb's default code and its after-verb patterns
    ("- * DIPLOMATIC TIES [064]", "- + * FROM $ [066]"); source/target markers set the roles, "- % * [030]"
    gives the code for a coordinated subject (need=coord); words before the verb ("- INDICATED SHOULD *")
    must precede it in the sentence, in order. Patterns with skip markers ("^") or synsets before the verb
    are left out. Finer numeric codes under a CAMEO root ("1717") are kept."""
    text = re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL)
    roles = tuple(tuple(r.split("=")) for r in PETRARCH_ROLES.split())
    inverted_roles = tuple((slot, "target" if role == "source" else "source") for slot, role in roles) + (
        ("from", "source"), ("by", "source"))
    synsets: dict[str, list[str]] = {}
    out: list[Entry] = []
    current_syn = None
    code = reverse = None
    forms: list[tuple[str, tuple[str, ...]]] = []

    def add(lemma: str, parts: tuple[str, ...], obj: tuple[str, ...], entry_code: str | None,
            entry_roles: tuple = roles, before: tuple[str, ...] = (), reverse: str | None = None) -> None:
        if _known_code(codes, entry_code) and lemma:
            n = start + len(out)
            out.append(Entry(f"petr.{lemma}.{n}", entry_code, "verb", lemma, parts, obj, entry_roles, None, n,
                             before, reverse if _known_code(codes, reverse) else None))

    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        block = _PETRARCH_BLOCK.match(line)
        if block:
            (code, reverse), forms, current_syn = _code_pair(block.group(2)), [], None
            continue
        if line.startswith("&"):
            current_syn = line[1:].split()[0].upper()
            synsets[current_syn] = []
            continue
        if line.startswith("+") and current_syn is not None:
            synsets[current_syn].append(line[1:].replace("_", " ").lower())
            continue
        if line.startswith("-"):
            pattern = re.match(r"-\s*(.*?)\s*\[([^\]]*)\]", line)
            if not pattern or not forms:
                continue
            words, (pcode, preverse) = pattern.group(1).replace("_", " ").split(), _code_pair(pattern.group(2))
            if words.count("*") != 1:
                continue
            verb_at = words.index("*")
            before, after = words[:verb_at], words[verb_at + 1:]
            if "^" in words or any(w.startswith("&") for w in before):
                continue  # skip markers and synsets before the verb need PETRARCH's own phrase matcher
            preceding = _preceding_groups(pattern.group(1))
            before = [w for w in before if w in _PETRARCH_MARKERS]
            # "+ * FROM $": the target is the subject and the source follows (the verb's sense is passive)
            inverted = "+" in before and "$" in after
            compound = before == ["%"]  # "% *": the sense a coordinated subject gives the verb
            after = [w for w in after if w not in _PETRARCH_MARKERS]
            if not after and compound:
                for lemma, particles in forms:
                    add(lemma, particles, (), pcode, roles + (("need", "coord"),), preceding, preverse)
                continue
            if not after and not preceding:
                continue  # markers alone restate the verb's default
            tails = [[]]
            for w in after:
                options = synsets.get(w[1:].upper(), []) if w.startswith("&") else [w.lower()]
                tails = [t + o.split() for t in tails for o in options]
            for tail in tails:
                parts = tuple(w for w in tail if w in _PETRARCH_PREPS)
                obj = tuple(w for w in tail if w not in _PETRARCH_PREPS)
                if len(obj) <= 3:
                    for lemma, particles in forms:
                        add(lemma, particles + parts, obj, pcode, inverted_roles if inverted else roles, preceding,
                            preverse)
            continue
        if code is None:
            continue
        for form in re.sub(r"[{}]", " ", re.sub(r"\[.*?\]", "", line)).split():
            words = form.split("_")
            marked = next((w for w in words if w.startswith("+")), words[0])  # "+" marks the verb
            verb = marked.lstrip("+").lower()
            particles = tuple(w.lstrip("+").lower() for w in words[words.index(marked) + 1:])
            forms.append((verb, particles))
            add(verb, particles, (), code, reverse=reverse)
    return out


def _code_pair(text: str) -> tuple[str, str | None]:
    """"032:033" -> ("032", "033"): the source's act, and the target's act back toward the source."""
    first, _, second = text.strip().partition(":")
    return first.strip(), second.strip() or None


def _preceding_groups(pattern: str) -> tuple[str, ...]:
    """The words a PETRARCH pattern puts before its verb as groups of adjacent words ("_"-joined), in order;
    a final "*" element when the last group touches the verb ("RECENTLY_*")."""
    chunks = pattern.split()
    verb_chunk = next(n for n, c in enumerate(chunks) if "*" in c)
    groups = [c for c in chunks[:verb_chunk] if c not in _PETRARCH_MARKERS]
    attached = chunks[verb_chunk].split("*", 1)[0].strip("_")
    if attached:
        groups.append(attached)
    out = tuple(" ".join(w for w in g.lower().split("_") if w) for g in groups)
    return tuple(g for g in out if g) + (("*",) if attached else ())


def _known_code(codes: dict[str, Code], code: str | None) -> bool:
    """Whether ``code`` is in the codebook; a finer numeric code a user dictionary defines under a CAMEO root
    ("1717") is added with the values of its longest known prefix."""
    if not code or code in codes:
        return bool(code)
    if not re.fullmatch(r"\d{3,4}", code) or code[:2] not in codes:
        return False
    parent = next(codes[code[:n]] for n in range(len(code) - 1, 1, -1) if code[:n] in codes)
    codes[code] = replace(parent, code=code, label=f"{parent.label} (user code)")
    return True


def load_lexicon(paths: Sequence[str] = ()) -> Lexicon:
    """Bundled event lexicon plus the user's files (a user entry that fits a verb overrides the bundled ones).

    User files are in our TSV format or PETRARCH/TABARI verbs-dictionary format (detected)."""
    return _load(tuple(str(p) for p in paths))


@lru_cache(maxsize=8)
def _load(paths: tuple[str, ...]) -> Lexicon:
    lexicon = Lexicon()
    for cols in _data_lines(_read("data/cameo/codebook.tsv")):
        code, root, _level, goldstein, quad, plover, mode = cols[:7]
        label = cols[8] if len(cols) > 8 else ""
        lexicon.codes[code] = Code(code, root, float(goldstein), int(quad), plover or None, mode or None, label)
    for family, prefix, code in _data_lines(_read("data/cameo/frames.tsv")):
        lexicon.families.setdefault(family, {})[prefix] = code
    for code, sectors, replacement in _data_lines(_read("data/cameo/sectors.tsv")):
        lexicon.sectors.setdefault(code, []).append((frozenset(sectors.upper().split()), replacement))
    texts = [Path(p).read_text(encoding="utf-8") for p in paths]
    bundled = resources.files("newsevents").joinpath("data/lexicon")
    bundled_texts = [f.read_text(encoding="utf-8") for f in sorted(bundled.iterdir(), key=lambda f: f.name)
                     if f.name.endswith(".tsv")]
    order = 0
    for n, text in enumerate(texts + bundled_texts):
        if n == len(texts):
            lexicon.bundled_from = order
        if _PETRARCH_BLOCK.search(text) and not _TSV_LINE.search(text):
            entries = _petrarch_entries(text, order, lexicon.codes)
        else:
            entries = _entries(text, order)
        order += len(entries) + 1
        for entry in entries:
            if entry.code not in lexicon.codes and entry.code != NO_EVENT:
                raise ValueError(f"lexicon entry {entry.id}: unknown CAMEO code {entry.code!r}")
            index = {"verb": lexicon.verbs, "frame": lexicon.frames, "noun": lexicon.nouns}[entry.kind]
            index.setdefault(entry.lemma, []).append(entry)
    return lexicon


# ---------------------------------------------------------------- parse helpers


class _Tree:
    """Children lists and token-to-actor lookup for one parse (built once per call)."""

    def __init__(self, parse: Parse, actors: Sequence[Actor], event_nouns: dict[str, list[Entry]] | None = None):
        self.parse = parse
        self.event_nouns = event_nouns or {}
        self.tokens = parse.tokens
        self.kids: list[list[Token]] = [[] for _ in parse.tokens]
        for t in parse.tokens:
            if t.head != t.i:
                self.kids[t.head].append(t)
        self._subtrees: dict[int, list[int]] = {}
        self.codes = {a.id: (a.code or "").upper() for a in actors}
        self.name_words = {j for e in parse.entities if e.label in NAME_TYPES and e.end - e.start > 1
                           for j in range(e.start, e.end)}
        self.actor_of: dict[int, str] = {}
        width: dict[int, int] = {}
        starts = [t.start for t in parse.tokens]
        for actor in actors:
            for m in actor.mentions:
                for t in self._tokens_in(starts, m.start, m.end):
                    if t.i not in width or m.end - m.start < width[t.i]:
                        self.actor_of[t.i] = actor.id
                        width[t.i] = m.end - m.start

    def _tokens_in(self, starts: list[int], start: int, end: int):
        i = bisect.bisect_left(starts, start)
        if i > 0 and self.tokens[i - 1].end > start:
            i -= 1
        while i < len(self.tokens) and self.tokens[i].start < end:
            yield self.tokens[i]
            i += 1

    def child(self, i: int, deps) -> Token | None:
        return next((c for c in self.kids[i] if c.dep in deps), None)

    def words(self, t: Token) -> set[str]:
        return {t.lemma.lower(), t.lower}

    def subtree(self, i: int) -> list[int]:
        if i in self._subtrees:
            return self._subtrees[i]
        out, stack = [], [i]
        while stack:
            j = stack.pop()
            out.append(j)
            stack.extend(c.i for c in self.kids[j])
        self._subtrees[i] = sorted(out)
        return self._subtrees[i]

    def depth(self, i: int) -> int:
        """Distance to the root; adverbial and relative clauses count double (background material)."""
        d = steps = 0
        while self.tokens[i].head != i and steps < 50:
            d += CLAUSE_DEPTH.get(self.tokens[i].dep, 1)
            i = self.tokens[i].head
            steps += 1
        return d

    def is_passive(self, i: int) -> bool:
        return any(c.dep in PASSIVE_SUBJ_DEPS or c.dep == "auxpass" for c in self.kids[i])

    def conjuncts(self, i: int) -> list[int]:
        """Token ``i`` and the noun phrases coordinated with it ("Chad and Niger")."""
        out = [i]
        for c in self.kids[i]:
            if c.dep == "conj" and NOMINAL & {c.pos, self.tokens[i].pos}:
                out.extend(self.conjuncts(c.i))
            elif c.dep == "appos" and (any(k.dep == "conj" for k in self.kids[c.i])
                                       or any(k.dep == "conj" for k in self.kids[i])):
                # "A, B and C" misparsed as A with the apposition "B and C"; "A, the B, and C" as A with an
                # apposition B and a conjunct C
                out.extend(self.conjuncts(c.i))
        return out

    def actors_at(self, i: int) -> list[str]:
        """Actor ids of the noun phrase headed by token ``i`` and its coordinated phrases."""
        found: list[str] = []
        for j in self.conjuncts(i):
            actor = self._actor_of_phrase(j, 0)
            for a in ([actor] if actor else []) + self._coordinated_modifiers(j):
                if a not in found:
                    found.append(a)
        return found

    def _coordinated_modifiers(self, i: int) -> list[str]:
        """Actors of coordinated modifiers of the noun at ``i``, each a party of its own: "Russian and
        Chinese officials", "the foreign ministers of Congo and Rwanda"."""
        out: list[str] = []
        for c in self.kids[i]:
            mod = c if c.dep in ("amod", "compound", "poss", "nmod") else (
                self.child(c.i, {"pobj"}) if c.dep == "prep" and c.lower in ("of", "from") else None)
            if mod is None or not any(k.dep == "conj" for k in self.kids[mod.i]):
                continue
            for j in self.conjuncts(mod.i):
                actor = self._actor_of_phrase(j, 1)
                if actor:
                    out.append(actor)
        return out

    def _actor_of_phrase(self, i: int, level: int) -> str | None:
        if i in self.actor_of:
            return self.actor_of[i]
        if level > 2:
            return None
        for dep in ACTOR_LINK_DEPS:
            for c in self.kids[i]:
                if c.dep == dep:
                    actor = self._actor_of_phrase(c.i, level + 1)
                    if actor:
                        return actor
        for c in self.kids[i]:
            if c.dep == "prep" and c.lower in ("of", "from"):
                pobj = self.child(c.i, {"pobj"})
                if pobj is not None:
                    actor = self._actor_of_phrase(pobj.i, level + 1)
                    if actor:
                        return actor
        return None

    def owner_step(self, j: int) -> int:
        """The noun a possessor belongs to when that noun is a party itself: in "Burundi's government" or
        "Belarus's rulers" the party is the government or the rulers, not the country."""
        tok = self.tokens[j]
        for _ in range(6):  # from a word of a name to the name's head: "[Zoran] Djindjic's coalition"
            if tok.dep not in ("compound", "flat") or tok.head == tok.i or self.actor_of.get(tok.head) != self.actor_of.get(j):
                break
            tok = self.tokens[tok.head]
        if tok.dep == "poss" and tok.head != tok.i and self.actor_of.get(tok.head) not in (None, self.actor_of.get(j)):
            return tok.head
        return j

    def modifier_actors(self, i: int) -> list[str]:
        """Actors modifying the noun at ``i``: possessor, adjective, compound or "by" phrase."""
        found = [a for c in self.kids[i] if c.dep in ("poss", "amod", "compound", "nmod")
                 for a in self.actors_at(c.i)]
        return found or [a for j in self.prep_objects(i, "by") for a in self.actors_at(j)]

    def prep_objects(self, i: int, prep: str) -> list[int]:
        out = []
        for c in self.kids[i]:
            if c.dep in ("prep", "agent", "dative") and c.lower == prep:
                out.extend(p.i for p in self.kids[c.i] if p.dep in ("pobj", "pcomp"))
            elif c.dep == "prt" and c.lower == prep:
                out.extend(p.i for p in self.kids[c.i] if p.dep == "pobj")
        return out

    def phrase_has(self, i: int, words: tuple[str, ...]) -> bool:
        """Whether the phrase headed by ``i`` contains ``words`` contiguously (lemma or form), through ``i``;
        a single word may also be a compound modifier ("the ceasefire agreement")."""
        if len(words) == 1:
            return words[0] in self.words(self.tokens[i]) or any(
                c.dep in ("compound", "amod") and words[0] in self.words(c) for c in self.kids[i])
        span = self.subtree(i)
        lo, hi = span[0], span[-1] + 1
        n = len(words)
        for s in range(max(lo, i - n + 1), min(i, hi - n) + 1):
            if all(words[k] in self.words(self.tokens[s + k]) for k in range(n)):
                return True
        return False


# ---------------------------------------------------------------- matching


@dataclass
class _Match:
    entry: Entry
    trigger: int
    obj: int | None = None  # token consumed by a bracketed object
    pattern: str = "verb"


def _parts_near(tree: _Tree, i: int, obj: int | None) -> set[str]:
    found: set[str] = set()
    heads = [i] + ([obj] if obj is not None else []) + [c.i for c in tree.kids[i] if c.dep == "dobj"]
    for h in heads:
        for c in tree.kids[h]:
            if c.dep in PART_DEPS and not _temporal(tree, c.i):
                found |= tree.words(c)
                for g in tree.kids[c.i]:
                    if g.dep in ("prep", "prt", "advmod", "pobj"):
                        found |= tree.words(g)
            if c.dep in COMP_DEPS or (c.dep == "advcl" and tree.child(c.i, {"mark"}) is not None):
                # "called for [the regime to hold]": the clause's "for" and "to" select the framing reading
                found |= {a.lower for a in tree.kids[c.i] if a.dep in ("aux", "mark")}
    return found


def _temporal(tree: _Tree, i: int) -> bool:
    """A prepositional phrase of time ("on Thursday"), which never selects a phrasal meaning."""
    return any(p.ent_type in ("DATE", "TIME") for p in tree.kids[i] if p.dep == "pobj")


def _object_candidates(tree: _Tree, i: int) -> list[int]:
    """Tokens that can fill a bracketed object: objects, prepositional objects, complements, and the
    "of" phrase of an object ("700 kg of medicine", "part of the aid programme")."""
    out = []
    for c in tree.kids[i]:
        if c.dep in OBJ_DEPS or c.dep in PASSIVE_SUBJ_DEPS or c.dep in COMP_DEPS:
            out.append(c.i)
            if c.dep == "advmod":  # "took them [back [into [custody]]]"
                out.extend(q.i for p in tree.kids[c.i] if p.dep == "prep" for q in tree.kids[p.i] if q.dep == "pobj")
        elif c.dep in ("prep", "prt", "dative", "agent"):
            direct = [p.i for p in tree.kids[c.i] if p.dep in ("pobj", "pcomp")]
            out.extend(direct)
            if not direct:  # "pulled [out [of [negotiations]]]", but not "in protest at [the law]"
                for p in tree.kids[c.i]:
                    if p.dep == "prep":
                        out.extend(q.i for q in tree.kids[p.i] if q.dep == "pobj")
    if _gapped_object(tree, i):
        out.append(tree.tokens[i].head)  # "the duties [Ottawa imposed]": the noun is the clause's object
    out.extend(_permitted(tree, i))
    for o in list(out):
        out.extend(tree.prep_objects(o, "of"))
        if tree.tokens[o].dep == "dobj":  # "took guards and staff hostage": the parser coordinated the complement
            out.extend(c.i for c in tree.kids[o] if c.dep == "conj")
    return out


def _permitted(tree: _Tree, i: int) -> list[int]:
    """The subject of the clause a verb of permission governs ("allowed [monitors] to enter", "let
    [inspectors] visit"): the parser makes it the clause's subject, but it is the party let in or freed."""
    if tree.tokens[i].lemma.lower() not in PERMITTING:
        return []
    return [s.i for c in tree.kids[i] if c.dep in COMP_DEPS and c.i > i
            for s in tree.kids[c.i] if s.dep in SUBJ_DEPS and i < s.i < c.i]


def _gapped_object(tree: _Tree, i: int) -> bool:
    """A relative clause with no relative word and no object of its own, whose subject follows the noun it
    describes ("the duties [Ottawa imposed]", "the town [rebels attacked]"): that noun is its object."""
    tok = tree.tokens[i]
    if tok.dep != "relcl" or tok.head > i or tree.is_passive(i):
        return False
    subj = tree.child(i, SUBJ_DEPS)
    return (subj is not None and tree.subtree(subj.i)[0] == tok.head + 1 and subj.i < i and subj.lower not in RELATIVE
            and not any(c.dep in ("dobj", "ccomp", "xcomp") for c in tree.kids[i]))


def _through_pattern(tree: _Tree, o: int, parts: tuple[str, ...]) -> bool:
    """Whether object candidate ``o`` belongs to the act rather than to its setting: a phrase of place, time
    or circumstance counts only when the pattern names its preposition ("blocked the streets in protest
    at [the law]" is no "block [law]"; "agreed to mediation in [the talks]" no "agree to [talk]")."""
    tok = tree.tokens[o]
    if tok.dep not in ("pobj", "pcomp"):
        return True
    prep = tree.tokens[tok.head]
    return prep.lower not in CIRCUMSTANCE_PREPS or prep.lower in parts or tree.tokens[prep.head].lower in parts


def _match_verb(tree: _Tree, i: int, entries: list[Entry]) -> _Match | None:
    best: _Match | None = None
    parts = None
    candidates = None
    particles = {c.lower for c in tree.kids[i] if c.dep == "prt"}
    for entry in entries:
        if particles and not particles <= set(entry.parts):
            continue
        if entry.needs_coordination and len(_subject(tree, i)) < 2:
            continue
        if entry.before and not _preceded_by(tree, i, entry.before):
            continue
        obj_tok = None
        if entry.obj:
            if candidates is None:
                candidates = _object_candidates(tree, i)
            obj_tok = next((o for o in candidates if tree.phrase_has(o, entry.obj)
                            and _through_pattern(tree, o, entry.parts)), None)
            if obj_tok is None or (tree.tokens[obj_tok].dep in COMP_DEPS and "to" not in entry.parts
                                   and tree.tokens[obj_tok].pos in ("VERB", "AUX")):
                continue  # a clause is an object only after "to"; a small clause is one ("found X guilty")
            if _names_other_event(tree, obj_tok, entry):
                continue  # "launched missile strikes": the noun's own, longer entry says what happened
        if entry.parts:
            if parts is None or obj_tok is not None:
                parts = _parts_near(tree, i, obj_tok)
            if not all(p in parts for p in entry.parts):
                continue
        if best is None or entry.specificity > best.entry.specificity:
            best = _Match(entry, i, obj_tok)
    return best


def _preceded_by(tree: _Tree, i: int, groups: tuple[str, ...]) -> bool:
    """Whether the word groups occur in order before token ``i`` in its sentence (other words may come
    between groups, not inside one); a final "*" requires the last group to end right before ``i``."""
    start, _ = tree.parse.sentence_of(i)
    touching = groups[-1:] == ("*",)
    groups = groups[:-1] if touching else groups
    free, last = (groups[:-1], groups[-1].split()) if touching else (groups, [])
    at, stop = start, i - len(last)
    for group in free:
        words = group.split()
        found = next((s for s in range(at, stop - len(words) + 1)
                      if all(w in tree.words(tree.tokens[s + k]) for k, w in enumerate(words))), None)
        if found is None:
            return False
        at = found + len(words)
    return stop >= at and all(w in tree.words(tree.tokens[stop + k]) for k, w in enumerate(last))


def _names_other_event(tree: _Tree, obj: int, entry: Entry) -> bool:
    """Whether a light verb's object ("launched [missile strikes]") matches a longer noun entry of another
    root: the noun then says what happened. A verb with a meaning of its own ("allowed humanitarian aid
    in") keeps its entry."""
    if entry.lemma not in SUPPORT_VERBS or entry.parts or entry.needs_coordination:
        return False
    tok = tree.tokens[obj]
    nouns = tree.event_nouns
    entries = list(nouns.get(tok.lemma.lower(), ())) + (list(nouns.get(tok.lower, ()))
                                                          if tok.lower != tok.lemma.lower() else [])
    match = _match_noun(tree, obj, entries) if entries else None
    return (match is not None and len(match.entry.obj) > len(entry.obj)
            and match.entry.code[:2] != entry.code[:2])


def _match_noun(tree: _Tree, i: int, entries: list[Entry]) -> _Match | None:
    best = None
    for entry in entries:
        found = tree.phrase_has(i, entry.obj) or _noun_window(tree, i, entry.obj)
        nearby = tree.tokens[i + 1:i + len(entry.obj)]
        if found and any(t.dep == "prep" and t.lower in entry.obj[1:] and _temporal(tree, t.i) for t in nearby):
            continue  # "a strike on Monday" is no "strike on [a place]"
        if found and (best is None or len(entry.obj) > len(best.entry.obj)):
            match = _Match(entry, i, None, "noun")
            # a noun reading that needs a party ("strikes on [Gaza]") yields to the plain one ("a strike on Monday")
            if all(_slot_actors(tree, match, slot) for name, slot in entry.roles if name == "need" and slot != "coord"):
                best = match
    return best


def _noun_window(tree: _Tree, i: int, words: tuple[str, ...]) -> bool:
    n = len(words)
    toks = tree.tokens
    for s in range(max(0, i - n + 1), min(i, len(toks) - n) + 1):
        if all(words[k] in tree.words(toks[s + k]) for k in range(n)):
            return True
    return False


# ---------------------------------------------------------------- arguments


def _subject(tree: _Tree, i: int, seen: int = 0) -> list[str]:
    """Actors acting as the logical subject of the verb at ``i``."""
    if seen > 4:
        return []
    tok = tree.tokens[i]
    if tree.is_passive(i):
        by = tree.prep_objects(i, "by")
        found = [a for b in by for a in tree.actors_at(b)]
        if not found and tok.lemma.lower() in PARTICIPATION_VERBS:
            subj = tree.child(i, PASSIVE_SUBJ_DEPS)  # "forces were engaged in ...": a state, not a passive
            return tree.actors_at(subj.i) if subj is not None else []
        if not found:
            # "were killed in an Israeli air strike": the perpetrator modifies the event noun
            events_in = [j for prep in ("in", "during") for j in tree.prep_objects(i, prep)
                         if tree.tokens[j].lemma.lower() in tree.event_nouns]
            found = [a for j in events_in for a in tree.modifier_actors(j)]
        return found
    if _misparsed_main_verb(tree, i):
        return tree.actors_at(_root_of(tree, i))
    if tok.dep == "acl" and tok.tag == "VBN":  # "the deal signed by Niger"
        agents = [a for b in tree.prep_objects(i, "by") for a in tree.actors_at(b)]
        if agents:
            return agents
    subjects = [c for c in tree.kids[i] if c.dep in SUBJ_DEPS]
    if subjects:
        if subjects[0].lower in ("who", "which", "that") and tok.dep == "relcl":
            return tree.actors_at(tok.head)
        if len(subjects) > 1 and _one_phrase(tree, subjects):
            # a title and the name it precedes, split in two ("Sudan's army chief [Abdel Fattah al-Burhan]")
            named = [s for s in subjects if s.i in tree.actor_of]
            return tree.actors_at((named or subjects)[-1].i)
        # the parser sometimes splits one coordinated subject in two ("Old foes X and Y have renewed ties")
        return list(dict.fromkeys(a for subj in subjects for a in tree.actors_at(subj.i)))
    head = tok.head
    if head == i:
        return _stranded_subject(tree, i)
    if tok.dep == "xcomp":
        obj = tree.child(head, {"dobj"})
        if obj is not None and tree.actors_at(obj.i):
            return tree.actors_at(obj.i)
        return _subject(tree, head, seen + 1)
    if tok.dep == "advcl" and tok.tag == "VBG" and tree.tokens[head].lemma.lower() in REPORTING:
        # "Warplanes struck X, the ministry said, killing 22": the result belongs to the reported clause
        reported = next((c for c in tree.kids[head] if c.dep == "ccomp" and c.i < head), None)
        if reported is not None:
            # the clause nearest the report, on its own line: a headline run into the lead is not it
            chain = [reported.i]
            for j in chain:
                chain.extend(c.i for c in tree.kids[j] if c.dep == "conj" and c.pos in ("VERB", "AUX"))
            clauses = [j for j in chain if j < head and not _across_lines(tree, j, i)]
            return _subject(tree, max(clauses) if clauses else reported.i, seen + 1)
    reporter = _reporter_of_coordinated_speech(tree, i)
    if reporter is not None:
        return _subject(tree, reporter, seen + 1)
    finite = _finite_conj_of_infinitive(tree, i)
    if finite is not None:
        return _subject(tree, finite, seen + 1)
    if tok.dep == "conj" and tree.is_passive(head) and not tree.is_passive(i):
        # "said it had not been consulted and [rejected] the ruling": the passive's subject acts next
        subj = tree.child(head, PASSIVE_SUBJ_DEPS)
        if subj is not None and tree.actors_at(subj.i):
            return tree.actors_at(subj.i)
    if tok.dep in INHERIT_SUBJECT_DEPS:
        if tok.dep == "pcomp" and _gerund_subject(tree, i):
            return []
        if tok.dep == "pcomp":
            prep = tree.tokens[head]
            head = prep.head
            # object control: "accused [X] of attacking", "stopped [X] from entering"
            if prep.lower in ("of", "from", "for") and tree.tokens[head].pos in ("VERB", "NOUN", "PROPN"):
                controller = tree.tokens[head] if tree.tokens[head].pos != "VERB" else tree.child(head, {"dobj"})
                if controller is not None and (tree.actors_at(controller.i) or tree.tokens[head].pos == "VERB"):
                    return tree.actors_at(controller.i)  # never the accuser, even when the accused is unknown
        return _subject(tree, head, seen + 1)
    if tok.dep == "relcl":
        return tree.actors_at(head)
    if tok.dep == "acl" and tok.tag == "VBG":
        # "issued a statement demanding ...": the one who issued it
        return tree.actors_at(head) or (_subject(tree, tree.tokens[head].head, seen + 1)
                                        if tree.tokens[head].dep == "dobj" else [])
    return []


def _finite_conj_of_infinitive(tree: _Tree, i: int) -> int | None:
    """The finite verb a past-tense verb really coordinates with when the parser hung it on an infinitive
    ("ordered the envoys [to leave] and [recalled] its ambassador"): a tense no infinitive shares."""
    tok = tree.tokens[i]
    if tok.dep != "conj" or tok.tag not in ("VBD", "VBZ") or tok.head == i:
        return None
    head = tree.tokens[tok.head]
    if head.tag != "VB" or head.dep not in ("xcomp", "ccomp", "advcl", "acl", "relcl") or head.head == head.i:
        return None
    j = head.head
    for _ in range(3):  # "had no right [to interfere] and [urged]": up through the noun the infinitive modifies
        governor = tree.tokens[j]
        if governor.tag in ("VBD", "VBZ", "VBP", "VBN") and governor.pos in ("VERB", "AUX"):
            return j
        if governor.head == j:
            return None
        j = governor.head
    return None


def _one_phrase(tree: _Tree, subjects: list[Token]) -> bool:
    """Whether subjects the parser split stand side by side with nothing between them: one noun phrase."""
    spans = sorted((tree.subtree(s.i)[0], tree.subtree(s.i)[-1]) for s in subjects)
    return all(end + 1 == start for (_, end), (start, _) in pairwise(spans))


def _root_of(tree: _Tree, i: int) -> int:
    for _ in range(50):
        if tree.tokens[i].head == i:
            break
        i = tree.tokens[i].head
    return i


def _misparsed_main_verb(tree: _Tree, i: int) -> bool:
    """A main verb the parser hung as a clause on the noun phrase at the root of a verbless parse ("The envoy
    [called] on both sides to ...", "Doctors from aid groups [donated] and delivered goods"): the root noun
    phrase is its subject. A participle with no object stays a reduced passive ("Three soldiers killed in")."""
    tok = tree.tokens[i]
    if tok.dep != "acl" or tok.tag not in ("VBD", "VBN"):
        return False
    root = _root_of(tree, i)
    if tree.tokens[root].pos not in ("NOUN", "PROPN") or root > i:
        return False
    j = tok.head
    while j != root:  # within the root's own noun phrase, not inside a clause of it
        if tree.tokens[j].dep not in ("pobj", "prep", "compound", "appos", "conj"):
            return False
        j = tree.tokens[j].head
    if any(t.pos in ("VERB", "AUX") for t in tree.tokens[root:i]):
        return False
    if tok.tag == "VBN":
        clauses = [i] + [c.i for c in tree.kids[i] if c.dep == "conj"]
        # an object, or a party appealed to and what it should do ("called Thursday on Arabs to unite")
        return any(c.dep == "dobj" for j in clauses for c in tree.kids[j]) or (
            any(c.dep == "prep" and c.lower in ("on", "upon") for c in tree.kids[i])
            and any(c.dep in ("advcl", "xcomp") and _infinitive(tree, c.i) for c in tree.kids[i]))
    return True


def _infinitive(tree: _Tree, i: int) -> bool:
    return any(c.dep == "aux" and c.lower == "to" for c in tree.kids[i])


def _stranded_subject(tree: _Tree, i: int) -> list[str]:
    """Actors of the noun phrase standing right before a subjectless main verb, between it and the last comma,
    when the parser hung that phrase inside an opening phrase ("With the signing of X, [A and B] have agreed")."""
    k = i - 1
    while k >= 0 and tree.tokens[k].dep in ("aux", "auxpass", "neg", "advmod") and tree.tokens[k].head == i:
        k -= 1
    start = k
    while start > 0 and tree.tokens[start - 1].text not in (",", ";", ":") and tree.tokens[start - 1].head != i:
        start -= 1
    if k < 0 or start == 0 or start > k:
        return []
    span = range(start, k + 1)
    roots = [j for j in span if tree.tokens[j].head not in span and tree.tokens[j].pos != "PUNCT"]
    if len(roots) != 1 or tree.tokens[roots[0]].pos not in NOMINAL:
        return []
    return tree.actors_at(roots[0])


def _reporter_of_coordinated_speech(tree: _Tree, i: int) -> int | None:
    """The reporting verb a speech act coordinated into its reported clause belongs to: in "X said the rebels
    would stop attacks but warned that ..." or "said its fighters had taken Y and called on residents to ...",
    the plain past of "warned"/"called" does not share the reported clause's auxiliary, so X warned."""
    tok = tree.tokens[i]
    if tok.dep != "conj" or tok.tag != "VBD" or tok.lemma.lower() not in SPEECH_ACTS or _aux(tree, i):
        return None
    clause = tree.tokens[_finite_conj_of_infinitive(tree, i) or tok.head]
    # a reported state ("that X had no right to interfere and urged Y") acts on no one: the act is the reporter's
    stative = clause.lemma.lower() in ("have", "be") and clause.pos in ("VERB", "AUX")
    if clause.dep != "ccomp" or clause.head == clause.i or not (
            stative or _aux(tree, clause.i) & {"would", "had", "will", "'d"}):
        return None
    reporting = tree.tokens[clause.head]
    return reporting.i if reporting.lemma.lower() in REPORTING and reporting.i < clause.i else None


def _gerund_subject(tree: _Tree, i: int) -> bool:
    """A gerund the parser hung under a preposition while it is the subject of the finite verb it governs
    ("after [shelling] put the hospital out of service"): the act has no doer of its own in the sentence."""
    if tree.tokens[i].tag != "VBG":
        return False
    return any(c.dep in COMP_DEPS and c.tag in ("VBD", "VBZ") and tree.child(c.i, SUBJ_DEPS) is None
               for c in tree.kids[i] if c.i > i)


def _object(tree: _Tree, i: int) -> list[str]:
    """Actors in direct-object position of the verb at ``i`` (passive subject for passives)."""
    tok = tree.tokens[i]
    if tree.is_passive(i):
        subj = tree.child(i, PASSIVE_SUBJ_DEPS)
        if subj is not None:
            return tree.actors_at(subj.i)
        if tok.dep in ("acl", "relcl") or tok.dep == "conj":
            return tree.actors_at(tok.head) if tok.dep != "conj" else _object(tree, tok.head)
        return []
    if tok.dep == "acl" and tok.tag == "VBN" and not _misparsed_main_verb(tree, i):
        return tree.actors_at(tok.head)
    out = []
    seen_object = False
    for c in tree.kids[i]:
        # a noun the parser hung as a clause ("allowed UN monitors into ...") is an object too
        if c.dep in ("dobj", "dative") or (c.dep in COMP_DEPS and c.pos in ("NOUN", "PROPN")):
            if c.dep == "dative" and c.pos == "ADP":
                continue
            first = tree.subtree(c.i)[0]
            if c.dep == "dobj" and seen_object and first > 0 and tree.tokens[first - 1].text == ",":
                continue  # "accuses X of working with Y, a militia ...": an apposition hung on the verb
            seen_object = seen_object or c.dep == "dobj"
            out.extend(tree.actors_at(c.i))
    if not out:
        out = [a for j in _permitted(tree, i) for a in tree.actors_at(j)]
    if not out and tok.dep == "relcl" and any(c.dep == "dobj" and c.lower in RELATIVE for c in tree.kids[i]):
        out = tree.actors_at(tok.head)  # "the town that rebels attacked"
    elif not out and _gapped_object(tree, i):
        out = tree.actors_at(tok.head)  # "the town rebels attacked"
    return out


def _slot_actors(tree: _Tree, match: _Match, slot: str) -> list[str]:
    i = match.trigger
    if slot == "subj":
        return _subject(tree, i)
    if slot == "obj":
        return _object(tree, i)
    if slot == "poss":
        out = []
        for c in tree.kids[i]:
            if c.dep in ("poss", "compound", "amod", "nmod"):
                out.extend(tree.actors_at(c.i))
        return out
    if slot == "between":
        return [a for j in tree.prep_objects(i, "between") for a in tree.actors_at(j)]
    heads = [i] + ([match.obj] if match.obj is not None else [])
    if slot == "by" and match.pattern == "noun":
        heads += tree.prep_objects(i, "of")  # "the arrest of X [by Y]": the parser hangs the agent on X
    return [a for h in heads for j in tree.prep_objects(h, slot) for a in tree.actors_at(j)]


def _needed_actors(tree: _Tree, match: _Match, slot: str) -> list[str]:
    """Actors filling ``slot`` for a need= check; a possessive pronoun ("met [its] target", "released [its]
    results") refers back to the doer and makes no object party."""
    found = _slot_actors(tree, match, slot)
    if slot != "obj" or not found:
        return found
    heads = [c.i for c in tree.kids[match.trigger] if c.dep in ("dobj", "dative") or c.dep in PASSIVE_SUBJ_DEPS]
    mentions = [j for h in heads for j in tree.subtree(h) if j in tree.actor_of]
    pronouns = {tree.actor_of[j] for j in mentions if tree.tokens[j].dep == "poss" and tree.tokens[j].pos == "PRON"}
    named = {tree.actor_of[j] for j in mentions if not (tree.tokens[j].dep == "poss" and tree.tokens[j].pos == "PRON")}
    return [a for a in found if a not in pronouns or a in named]


def _arguments(tree: _Tree, match: _Match) -> tuple[list[str], list[str], list[str]]:
    """(sources, targets, pattern notes) for a matched entry."""
    sources: list[str] = []
    targets: list[str] = []
    notes: list[str] = []
    for slot, role in match.entry.roles:
        if role not in ("source", "target"):
            continue
        found = _slot_actors(tree, match, slot)
        if slot == "between" and found and role == "target" and not sources and not _one_sided(match.entry.code):
            sources, found = found[:1], found[1:]
            notes.append("between->source")
        bucket = sources if role == "source" else targets
        new = [a for a in found if a not in bucket]
        if new:
            bucket.extend(new)
            notes.append(f"{slot}->{role}")
    if not sources and match.pattern != "noun" and _yielding_participle(tree, match):
        sources, targets = targets, []  # "The rebels disarmed under UN supervision": they laid down arms
        notes = [n for n in notes if n != "obj->target"] + ["intransitive-subj->source"]
    if match.pattern == "label":
        if not targets and match.obj is not None and match.obj != match.trigger:
            # the labelled act's own doer: "called [the Chinese] tariffs unjustified"
            targets = [a for a in tree.modifier_actors(match.obj) if a not in sources]
        return sources, [t for t in targets if t not in sources], notes
    if match.pattern == "noun" and not sources:
        tok = tree.tokens[match.trigger]
        verb = None
        if tok.dep in ("dobj", "attr") and tree.tokens[tok.head].lemma.lower() in SUPPORT_VERBS:
            verb = tok.head  # "launched an offensive", "staged a protest"
        elif (tok.dep == "pobj" and tree.tokens[tok.head].lower == "in"
              and tree.tokens[tree.tokens[tok.head].head].lemma.lower() in PARTICIPATION_VERBS):
            verb = tree.tokens[tok.head].head  # "took part in the attack", "forces were engaged in ethnic cleansing"
            subj = tree.child(verb, PASSIVE_SUBJ_DEPS)
            if subj is not None:
                sources, verb = tree.actors_at(subj.i), None
                if sources:
                    notes.append("verb-subj->source")
        elif (tok.dep == "pobj" and tree.tokens[tok.head].lower == "in" and tok.lemma.lower() in DEFYING
              and tree.tokens[tok.head].head != tok.head):
            verb = tree.tokens[tok.head].head  # "published the report in defiance of a court order"
        elif tok.dep == "pobj" and targets and tree.tokens[tok.head].lower in ("in", "during", "at"):
            verb = tree.tokens[tok.head].head  # "made remarks in a telephone conversation with X"
        else:
            verb = _taking_part(tree, match.trigger)
        if verb is not None and tree.tokens[verb].pos in ("VERB", "AUX"):
            sources = _subject(tree, verb)
            if sources:
                notes.append("verb-subj->source")
            if not targets:  # "offered aid [to Sudan]": the party the verb hands the act to
                targets = [a for prep in SUPPORT_TARGET_PREPS for j in tree.prep_objects(verb, prep)
                           if not _temporal(tree, tree.tokens[j].head) for a in tree.actors_at(j) if a not in sources]
                if targets:
                    notes.append("verb-prep->target")
    if match.pattern == "noun" and len(sources) > 1 and not targets and match.entry.role_of("between"):
        sources, targets = sources[:1], sources[1:]
    targets = [t for t in targets if t not in sources and t not in _own_objects(tree, match, sources)]
    if match.obj is not None and match.pattern != "noun" and match.entry.code[:2] in GIVING_ROOTS:
        # "supplied [tanks] to Ukraine": the pattern names what is handed over, the receiving party is the target
        named = set(tree.actors_at(match.obj))
        targets = [t for t in targets if t not in named] or targets
    if not targets and match.pattern == "noun":
        # "a suspension of air links [with X]", "the resumption of ties [with X]"
        targets = [a for j in tree.prep_objects(match.trigger, "of") for prep in ("with", "against", "to")
                   for k in tree.prep_objects(j, prep) for a in tree.actors_at(k) if a not in sources][:1]
        if targets:
            notes.append("of-phrase->target")
    if not targets and match.pattern != "noun" and match.entry.role_of("obj") == "target":
        targets = _first_actor_in_object(tree, match.trigger, sources)
        if targets:
            notes.append("obj-phrase->target")
        elif match.entry.code[:2] == "12":
            targets = _requested_target(tree, match.trigger, sources)
            if targets:
                notes.append("request->target")
    if not targets and match.pattern != "noun" and match.entry.code[:2] in GIVING_ROOTS:
        # "donated and delivered goods [to X]": coordinated verbs of giving share the receiver
        targets = [a for c in tree.kids[match.trigger] if c.dep == "conj" and c.pos == "VERB"
                   and tree.child(c.i, SUBJ_DEPS) is None for j in tree.prep_objects(c.i, "to")
                   for a in tree.actors_at(j) if a not in sources]
        if targets:
            notes.append("conj-to->target")
    if not targets and match.pattern != "noun" and match.entry.code[:2] in SPEECH_ROOTS:
        targets = [a for a in _message_addressees(tree, match.trigger) if a not in sources]
        if targets:
            notes.append("message-to->target")
    if len(sources) > 1 and _reciprocal(match.entry.code):
        return sources, targets, notes  # the coordinated parties act on each other ("A and B shook hands")
    if not targets and match.pattern != "noun" and sources:
        targets = _purpose_target(tree, match.trigger, sources, match.obj)
        if targets:
            notes.append("purpose->target")
    if not targets and match.pattern != "noun" and sources:
        targets = _complement_target(tree, match.trigger, sources, match.obj)
        if targets:
            notes.append("complement->target")
    if not targets and match.pattern != "noun" and match.entry.code[:2] in ("02", "10"):
        # "set a deadline [for the Serbs] to pull back": the party the demand's clause names as doer
        targets = [a for c in tree.kids[match.trigger] if c.dep == "dobj" for clause in tree.kids[c.i]
                   if clause.dep in ("advcl", "acl", "relcl") and _infinitive(tree, clause.i)
                   and any(m.dep == "mark" and m.lower == "for" for m in tree.kids[clause.i])
                   for subj in tree.kids[clause.i] if subj.dep in SUBJ_DEPS
                   for a in tree.actors_at(subj.i) if a not in sources]
        if targets:
            notes.append("for-clause->target")
    if (not targets and match.pattern != "noun" and sources and match.entry.code[:2] in ASSAULT_ROOTS
            and all(c.i == match.obj for c in tree.kids[match.trigger] if c.dep == "dobj")):
        # "set off a bomb [as a convoy passed]": with no one attacked by name, the attack met whoever was
        # passing at that moment (not so in "attacked the hotel as the president spoke")
        targets = [a for c in tree.kids[match.trigger] if c.dep == "advcl" and c.i > match.trigger
                   and any(m.dep == "mark" and m.lower in MOMENT_MARKS for m in tree.kids[c.i])
                   for subj in tree.kids[c.i] if subj.dep in SUBJ_DEPS
                   for a in tree.actors_at(subj.i) if a not in sources][:1]
        if targets:
            notes.append("moment-subj->target")
    return sources, targets, notes


def _yielding_participle(tree: _Tree, match: _Match) -> bool:
    """A verb of yielding (root 08: disarm, surrender, retreat) that the parser hung as a participle on the
    noun at the root of a verbless sentence, with no object or agent of its own: the noun did it, it was
    not done to it ("The militia disarmed last week")."""
    i = match.trigger
    tok = tree.tokens[i]
    return (match.entry.code[:2] == "08" and tok.dep == "acl" and tok.tag in ("VBD", "VBN") and match.obj is None
            and tree.tokens[tok.head].dep == "ROOT" and tree.tokens[tok.head].pos in NOMINAL
            and not any(c.dep in ("dobj", "agent", "dative") for c in tree.kids[i])
            and not any(t.pos in ("VERB", "AUX") for t in tree.tokens[_root_of(tree, i):i]))


def _message_addressees(tree: _Tree, i: int) -> list[str]:
    """Who a message speaks to when a participle says what it does: "sent a letter [to X] warning against",
    "a statement to X urging"."""
    tok = tree.tokens[i]
    if tok.dep != "acl" or tok.tag != "VBG" or tok.head == i:
        return []
    noun = tree.tokens[tok.head]
    found = [a for j in tree.prep_objects(noun.i, "to") for a in tree.actors_at(j)]
    if not found and noun.dep == "dobj":
        found = [a for j in tree.prep_objects(noun.head, "to") for a in tree.actors_at(j)]
    return found


def _complement_target(tree: _Tree, i: int, exclude: list[str], own: int | None = None) -> list[str]:
    """The first party named after the verb inside its own phrases ("cordoned off the roads leading into
    [X]", "marched close to the border with [X]"), not inside its clauses or time expressions, nor in the
    object the entry names (``own``: "sent [warships] toward X")."""
    for c in tree.kids[i]:
        if c.i < i or c.dep in CLAUSE_DEPS or c.dep in SUBJ_DEPS or c.dep in ("xcomp", "conj", "punct"):
            continue
        if c.dep == "prep" and (_temporal(tree, c.i) or (c.lower in PROXIMITY_PREPS and any(
                _geographic(p) for p in tree.kids[c.i] if p.dep == "pobj"))):
            continue
        skip = exclude + (_heading_actors(tree, c.i) if c.i == own and c.dep in ("dobj", "dative") else [])
        for j in _phrase(tree, c.i):
            j = tree.owner_step(j)
            actor = tree.actor_of.get(j)
            if actor and actor not in skip and _in_setting(tree, j, c.i) not in PROXIMITY_PREPS:
                return [a for a in tree.actors_at(j) if a not in skip] or [actor]
    return []


def _own_objects(tree: _Tree, match: _Match, sources: list[str]) -> list[str]:
    """Actors of an object the source possesses ("withdrew [its] troops", "recalled [its] ambassador"): what
    the source moves or sends is not the party it acts on."""
    if match.pattern == "noun" or not sources:
        return []
    objects = [match.obj] if match.obj is not None else [c.i for c in tree.kids[match.trigger] if c.dep == "dobj"]
    own = []
    for o in objects:
        if any(c.dep == "poss" and tree.actor_of.get(c.i) in sources for c in tree.kids[o]):
            own.extend(a for a in tree.actors_at(o) if a not in sources)
    return own


def _taking_part(tree: _Tree, i: int) -> int | None:
    """The verb whose subject takes part in the nominal event at ``i``: its object ("X ended the blockade",
    "X began a visit") or the object of its purpose or setting ("X left for talks with Y", "X flew in for
    consultations"). Verbs whose subject only undergoes, sees or reports the event are left out, and so
    are passives ("was killed in an attack")."""
    tok = tree.tokens[i]
    if tok.dep == "pobj" and tree.tokens[tok.head].lower == "of":
        noun = tree.tokens[tree.tokens[tok.head].head]  # "announced the resumption of talks"
        if noun.dep == "dobj" and noun.pos == "NOUN" and noun.lemma.lower() not in tree.event_nouns:
            tok = noun
    if tok.dep == "dobj":
        verb = tok.head
    elif tok.dep == "pobj" and tree.tokens[tok.head].lower in PARTAKING_PREPS:
        verb = tree.tokens[tok.head].head
    else:
        return None
    head = tree.tokens[verb]
    if head.pos != "VERB" or head.lemma.lower() in UNDERGOING | ALLEGING or tree.is_passive(verb):
        return None
    subj = tree.child(verb, SUBJ_DEPS)
    if subj is not None and subj.i not in tree.actor_of and subj.lemma.lower() in tree.event_nouns:
        return None  # "the arrest of X sparked protests": an event causes it, no party takes part
    return verb


def _purpose_target(tree: _Tree, i: int, exclude: list[str], own: int | None = None) -> list[str]:
    """Who an act is aimed at when the verb names none: the first actor of its object or its purpose
    ("began a hunger strike to protest [X]'s decision", "staged a rally in protest against [X]"). The object
    the entry names (``own``: "sent [warships] toward X") is what the doer uses, not whom it acts on."""
    for c in tree.kids[i]:
        if c.i == own and c.dep in ("dobj", "dative"):
            found = _first_actor_under(tree, c.i, exclude + _heading_actors(tree, c.i))
            if found:
                return found
            continue
        purpose = (c.dep in ("xcomp", "advcl") and _infinitive(tree, c.i)
                   and not any(m.lower in ("whether", "how", "what") for m in tree.kids[c.i]))  # a topic, no aim
        protest = c.dep == "prep" and c.lower in ("in", "against") and any(
            p.lemma.lower() in PURPOSE_NOUNS for p in tree.kids[c.i] if p.dep == "pobj")
        if c.dep in ("dobj", "dative") or purpose or protest:
            found = _first_actor_under(tree, c.i, exclude)
            if found:
                return found
    for c in tree.kids[i]:  # where it happened: "rioted at a jail in northern Israel"
        if c.dep == "prep" and c.lower in LOCATIVE_PREPS and not _temporal(tree, c.i):
            found = _first_actor_under(tree, c.i, exclude)
            if found:
                return found
    return []


def _heading_actors(tree: _Tree, i: int) -> list[str]:
    """Actors the phrase at ``i`` itself names ("[warships]", "[troops and police]"), not its modifiers'."""
    return [tree.actor_of[j] for j in tree.conjuncts(i) if j in tree.actor_of]


def _first_actor_under(tree: _Tree, i: int, exclude: list[str]) -> list[str]:
    for j in _phrase(tree, i):
        j = tree.owner_step(j)
        actor = tree.actor_of.get(j)
        if (actor and actor not in exclude and tree.tokens[j].dep not in SUBJ_DEPS
                and _in_setting(tree, j, i) not in PROXIMITY_PREPS):
            return [actor]
    return []


def _phrase(tree: _Tree, i: int) -> list[int]:
    """The noun phrase headed by ``i`` without its clauses: the parties of "a reference to curbs [that Seoul
    and Tokyo have joined]" are not what the phrase is about."""
    out, stack = [], [i]
    while stack:
        j = stack.pop()
        out.append(j)
        stack.extend(c.i for c in tree.kids[j] if c.dep not in CLAUSE_DEPS)
    return sorted(out)


def _in_setting(tree: _Tree, j: int, top: int) -> str | None:
    """The preposition of the phrase of place below ``top`` that token ``j`` sits in ("targets [in southern
    Lebanon]"), if any."""
    steps = 0
    while j != top and steps < 20:
        tok = tree.tokens[j]
        prep = tree.tokens[tok.head].lower if tok.dep == "pobj" else ""
        if prep in LOCATIVE_PREPS | {"on"} or (prep in PROXIMITY_PREPS and _geographic(tok)):
            return prep
        j, steps = tok.head, steps + 1
    return None


def _geographic(tok: Token) -> bool:
    """A place or a feature of the map ("the Ugandan border", "Gaza"), not a party's asset ("a naval vessel")."""
    return tok.ent_type in ("GPE", "LOC", "FAC") or tok.lemma.lower() in GEOGRAPHIC


def _first_actor_in_object(tree: _Tree, i: int, exclude: list[str]) -> list[str]:
    """The first actor inside the verb's object phrase ("condemned an attack by [X]", "welcomed the
    resumption of ties with [X]"), when no actor heads the object itself."""
    if tree.is_passive(i):
        # "a camp for Congolese refugees was attacked": the people the passive subject's phrase names
        subj = tree.child(i, PASSIVE_SUBJ_DEPS)
        return _first_actor_under(tree, subj.i, exclude) if subj is not None else []
    for c in tree.kids[i]:
        if c.dep == "dobj":
            located: list[str] = []
            for j in _phrase(tree, c.i):
                j = tree.owner_step(j)
                actor = tree.actor_of.get(j)
                if actor and actor not in exclude:
                    # with the phrases coordinated with it: "ties with A, B and C" concern each of them
                    found = [a for a in tree.actors_at(j) if a not in exclude] or [actor]
                    setting = _in_setting(tree, j, c.i)
                    if setting is None:
                        return found
                    if setting not in PROXIMITY_PREPS:  # "a convoy [near] the Ugandan border" is not in Uganda
                        located = located or found
            if located:  # "struck a hospital run by [MSF] in [Lebanon]": the party before the place
                return located
    for prep in TARGET_PREPS:
        found = [a for j in tree.prep_objects(i, prep) for a in tree.actors_at(j) if a not in exclude]
        if found:
            return found
    for c in tree.kids[i]:  # "demanded that [X] withdraw", not the attribution "..., [X] said"
        reported_by = c.dep == "ccomp" and c.lemma.lower() in REPORTING
        subj = tree.child(c.i, SUBJ_DEPS) if c.dep == "ccomp" and c.i > i and not reported_by else None
        if subj is not None:
            return [] if _owned_by(tree, subj.i, exclude) else [a for a in tree.actors_at(subj.i) if a not in exclude]
    return []


def _requested_target(tree: _Tree, i: int, exclude: list[str]) -> list[str]:
    """The party a rejected request is about: "rejected calls [to ease its embargo against X]", where the
    request noun carries an infinitive saying what was asked."""
    for c in tree.kids[i]:
        if c.dep == "dobj":
            for clause in tree.kids[c.i]:
                if clause.dep in ("relcl", "acl") and _infinitive(tree, clause.i):
                    return _first_actor_in_object(tree, clause.i, exclude)
    return []


# ---------------------------------------------------------------- modality


def _aux(tree: _Tree, i: int) -> set[str]:
    return {c.lower for c in tree.kids[i] if c.dep in ("aux", "auxpass")}


def _negated(tree: _Tree, i: int) -> bool:
    tok = tree.tokens[i]
    if tok.dep == "pcomp" and tree.tokens[tok.head].lower == "without":  # "ended without agreeing"
        return True
    if any(c.dep == "neg" or (c.lower in NEGATIONS and c.dep in ("advmod", "det")) for c in tree.kids[i]):
        return True
    # "No officers were killed", "none of the guards fired"
    return any(c.dep in SUBJ_DEPS | PASSIVE_SUBJ_DEPS and (c.lower in ("none", "nobody", "no one") or any(
        d.dep == "det" and d.lower == "no" for d in tree.kids[c.i])) for c in tree.kids[i])


def _future(tree: _Tree, i: int) -> bool:
    aux = _aux(tree, i)
    if aux & FUTURE_AUX:
        return True
    tok = tree.tokens[i]
    head = tree.tokens[tok.head]
    return tok.dep == "xcomp" and head.lemma == "go" and head.tag == "VBG"


def _question(tree: _Tree, i: int) -> bool:
    start, end = tree.parse.sentence_of(i)
    last = next((t for t in reversed(tree.tokens[start:end]) if t.pos != "SPACE"), None)
    return last is not None and last.text == "?"


def _polarity(code: str) -> str:
    root = code[:2]
    if root in COOPERATIVE_ROOTS:
        return "cooperative"
    if root in CONFLICT_ROOTS:
        return "conflict"
    return "verbal"


# ---------------------------------------------------------------- building events


@dataclass
class _Candidate:
    code: str
    entry: Entry
    trigger: int
    sources: list[str]
    targets: list[str]
    notes: list[str]
    pattern: str
    mode: str = "asserted"
    negated: bool = False
    frame: Entry | None = None
    frame_trigger: int | None = None
    anchor: int = -1
    obj: int | None = None
    frame_heads: list[int] = field(default_factory=list)


def _frame_of(tree: _Tree, lexicon: Lexicon, i: int) -> tuple[Entry, int] | None:
    """The framing entry governing the clause at ``i`` ("agreed to [i]", "urged X to [i]"), if any."""
    tok = tree.tokens[i]
    if tok.dep == "conj" and tok.tag == "VB" and tree.tokens[tok.head].dep in ("xcomp", "ccomp", "advcl"):
        return _frame_of(tree, lexicon, tok.head)  # "agreed to restart talks and to hold summits"
    if tok.dep not in ("xcomp", "ccomp", "pcomp", "acl", "advcl") or tok.head == i:
        return None
    head = tok.head
    if _across_lines(tree, head, i):
        return None  # a headline the parser ran into the first sentence frames nothing below it
    if tok.dep == "advcl" and not _infinitive(tree, i):
        return None
    # "sent troops to protect X" is a purpose, but "pressed [the factions] to return" is still an appeal
    appeal_only = tok.dep == "advcl" and tree.child(head, {"dobj"}) is not None
    if tok.dep == "ccomp" and (head > i or tree.tokens[head].lemma.lower() in REPORTING - FRAMING_REPORTS):
        return None
    if tok.dep == "pcomp":
        prep = tree.tokens[head]
        if prep.lower not in ("on", "to", "in", "of", "from", "for"):
            return None
        head = prep.head
    if tok.dep == "acl":
        noun = tree.tokens[head]
        entries = _noun_entries(lexicon, noun)
        if not entries:
            return None
        noun_match = _match_noun(tree, head, entries)
        if noun_match is None or noun_match.entry.code[:2] not in ("02", "03", "10", "12", "13"):
            return None
        family = {"02": "appeal", "03": "intent", "10": "demand", "12": "reject", "13": "threaten"}
        entry = noun_match.entry
        return Entry(entry.id, entry.code, "frame", entry.lemma, (), (), entry.roles,
                     family[entry.code[:2]], entry.order), head
    head_tok = tree.tokens[head]
    if _caused_by_event(tree, head):
        return None
    for key in _lemma_keys(head_tok):
        entries = lexicon.frames.get(key)
        if entries:
            best = _match_verb(tree, head, entries)
            if best is not None and (not appeal_only or best.entry.family in ("appeal", "demand")):
                return best.entry, head
    return None


def _noun_entries(lexicon: Lexicon, tok: Token) -> list[Entry]:
    """Noun entries keyed by the lemma or by the plural form ("talks" and "phone talk" both apply)."""
    by_lemma = lexicon.nouns.get(tok.lemma.lower(), [])
    by_form = lexicon.nouns.get(tok.lower, []) if tok.lower != tok.lemma.lower() else []
    return by_lemma + by_form


def _candidates(tree: _Tree, lexicon: Lexicon) -> list[_Candidate]:
    matches: list[_Match] = []
    consumed: set[int] = set()
    for tok in tree.tokens:
        if tok.pos in ("VERB", "AUX") or (tok.pos == "NOUN" and tok.tag.startswith("VB")):
            label = _label(tree, lexicon, tok) if tok.lemma.lower() in LABELLING else None
            if label is not None:
                matches.append(label)
                if label.obj is not None:
                    consumed.add(label.obj)  # the labelled act is named, not reported anew
                continue
            entries = next((lexicon.verbs[k] for k in _hyphenated_keys(tree, tok) + _lemma_keys(tok)
                            if k in lexicon.verbs), None)
            if entries:
                # the user's own entries for a verb, when one fits, override the bundled readings of it; own
                # entries for this very form ("left" apart from "leave") come first
                own = [e for e in entries if e.order < lexicon.bundled_from]
                own_form = [e for e in lexicon.verbs.get(tok.lower, ()) if e.order < lexicon.bundled_from
                            ] if lexicon.bundled_from and tok.text.lower() != tok.lemma.lower() else []
                match = ((_match_verb(tree, tok.i, own_form) if own_form else None)
                         or (_match_verb(tree, tok.i, own) if own else None) or _match_verb(tree, tok.i, entries))
                if match is not None and not _attribution(tree, match):
                    if match.obj is not None:
                        consumed.add(match.obj)
                    if match.entry.code != NO_EVENT:
                        matches.append(match)
    for tok in tree.tokens:
        if tok.pos in ("NOUN", "PROPN") and tok.i not in consumed and not _in_name(tree, tok):
            entries = _noun_entries(lexicon, tok)
            if entries:
                match = _match_noun(tree, tok.i, entries)
                if match is not None and match.entry.code != NO_EVENT:
                    matches.append(match)
    out = []
    verb_triggers = {m.trigger for m in matches if m.pattern != "noun"}
    for match in matches:
        needed = [slot for name, slot in match.entry.roles if name == "need" and slot != "coord"]
        if any(not _needed_actors(tree, match, slot) for slot in needed):
            continue  # a common verb outside its event sense ("groups receiving funding")
        sources, targets, notes = _arguments(tree, match)
        cand = _Candidate(match.entry.code, match.entry, match.trigger, sources, targets, notes,
                          "verb-dobj" if match.obj is not None else match.pattern, obj=match.obj)
        anchor = match.trigger if match.pattern != "noun" else _governing_verb(tree, match.trigger)
        cand.anchor = match.trigger if anchor is None else anchor
        if match.pattern == "noun" and anchor is not None:
            _apply_terminate(tree, lexicon, cand, anchor)
        if anchor is not None and (anchor not in verb_triggers - {match.trigger} or cand.frame_heads):
            _apply_modality(tree, lexicon, cand, anchor)
        if cand.code:
            out.append(cand)
    out = _fold_medium(tree, _fold_requested(tree, lexicon, out))
    framed = {h for c in out for h in c.frame_heads}
    for tok in tree.tokens:
        if tok.i in framed or tok.i in verb_triggers or tok.pos not in ("VERB", "ADJ"):
            continue
        entries = next((lexicon.frames[k] for k in _lemma_keys(tok) if k in lexicon.frames), None)
        match = _match_verb(tree, tok.i, entries) if entries else None
        addressed = match is not None and match.entry.family == "future" and any(
            c.dep in COMP_DEPS and _addressed_clause(tree, c.i) for c in tree.kids[tok.i])
        if match is None or (match.entry.family not in RECODING_FAMILIES and not addressed):
            continue
        if _caused_by_event(tree, tok.i):
            continue
        if not any(c.dep in COMP_DEPS or (c.dep == "prep" and c.lower == "to" and tree.child(c.i, {"pcomp"}))
                   or (c.dep == "advcl" and _infinitive(tree, c.i)) for c in tree.kids[tok.i]):
            continue
        sources = _frame_subject(tree, tok.i)
        addressees = _addressees(tree, tok.i)
        if not addressees:
            addressees = [a for a in _clause_subjects(tree, tok.i, sources) if a not in sources]
            if match.entry.family == "threaten":
                # "warned that Beijing would respond": the speaker's own state acts, it is not the one warned
                addressees = [a for a in addressees if not _own_state(tree, a, sources)]
        code = lexicon.recode("demand", "") if addressed else match.entry.code
        cand = _Candidate(code, match.entry, tok.i, sources, addressees, [], "frame", anchor=tok.i)
        cand.notes.append("subj->source")
        _apply_modality(tree, lexicon, cand, tok.i)
        out.append(cand)
    out.extend(_reported_obligations(tree, lexicon, verb_triggers))
    return out


def _fold_requested(tree: _Tree, lexicon: Lexicon, cands: list[_Candidate]) -> list[_Candidate]:
    """A plain appeal or demand "for" a nominal event ("appealed to X [for emergency loans]") is an appeal
    for that kind of act (0231), and the noun names what is asked for, not something that happened."""
    nouns = {c.trigger: c for c in cands if c.pattern == "noun"}
    folded: set[int] = set()
    for cand in cands:
        family = {"020": "appeal", "100": "demand"}.get(cand.code)
        if family is None or cand.pattern == "noun" or cand.mode != "asserted":
            continue
        asked = [nouns[o.i] for p in tree.kids[cand.trigger] if p.dep == "prep" and p.lower == "for"
                 for o in tree.kids[p.i] if o.dep == "pobj" and o.i in nouns]
        if asked and asked[0].code[:2] not in ("01", "02", "10"):
            cand.code = lexicon.recode(family, asked[0].code)
            cand.notes.append(f"asks-for:{asked[0].entry.id}")
            folded.add(asked[0].trigger)
    return [c for c in cands if c.pattern != "noun" or c.trigger not in folded]


def _fold_medium(tree: _Tree, cands: list[_Candidate]) -> list[_Candidate]:
    """A plain consultation held "in" a named kind of contact ("discussed the crisis [in a telephone call
    with X]"): one event, of the contact's more specific code and with its partner."""
    nouns = {c.trigger: c for c in cands if c.pattern == "noun"}
    folded: set[int] = set()
    for cand in cands:
        if cand.code != "040" or cand.pattern == "noun":
            continue
        medium = [nouns[o.i] for p in tree.kids[cand.trigger] if p.dep == "prep" and p.lower in ("in", "during")
                  for o in tree.kids[p.i] if o.dep == "pobj" and o.i in nouns]
        if medium and medium[0].code[:2] == "04" and medium[0].targets:
            cand.code, cand.targets = medium[0].code, medium[0].targets
            cand.notes.append(f"held-in:{medium[0].entry.id}")
            folded.add(medium[0].trigger)
    return [c for c in cands if c.pattern != "noun" or c.trigger not in folded]


def _caused_by_event(tree: _Tree, i: int) -> bool:
    """A verb of causing whose doer is an event, not a party: "retook the region in an offensive, [prompting]
    thousands to flee", "a bombing, which [led] the government to suspend talks". No one appealed."""
    tok = tree.tokens[i]
    if tok.lemma.lower() not in CAUSING or tok.head == i:
        return False
    if tok.dep == "advcl" and tok.tag == "VBG":
        return tree.child(i, SUBJ_DEPS) is None
    if tok.dep == "relcl":
        subj = tree.child(i, SUBJ_DEPS)
        return subj is not None and subj.lower in RELATIVE and not tree.actors_at(tok.head)
    return False


def _label(tree: _Tree, lexicon: Lexicon, tok: Token) -> _Match | None:
    """A verdict given to something ("called the move [unacceptable]", "described the uprising as [an attack]",
    "a decision the charity called [cruel]"): criticism or praise (frames.tsv family "label") of whoever the
    labelled thing belongs to. A verdict with no word of the family is no event."""
    i = tok.i
    obj = tree.child(i, {"dobj", "nsubjpass"})
    if obj is None and tok.dep in ("acl", "relcl") and tok.head != i:
        obj = tree.tokens[tok.head]  # "a decision the charity called cruel"
    if obj is None or obj.lower in ("what", "whatever"):
        return None  # "bowed to what he called blackmail": a phrase in scare quotes, no statement
    lemma = obj.lemma.lower()
    if not (lemma in tree.event_nouns or lemma in VERDICT_OBJECTS or obj.pos == "PRON" or tree.actors_at(obj.i)):
        return None  # "described the situation as dangerous" judges no one's act
    verdicts = [c for c in tree.kids[i] if c.dep in ("oprd", "xcomp", "ccomp") and c.pos in ("NOUN", "ADJ", "PROPN")]
    verdicts += [c for c in tree.kids[obj.i] if c.dep == "amod" and c.i > obj.i]  # "called the tariffs 'unjustified'"
    for head in (i, obj.i):
        verdicts += [p for c in tree.kids[head] if c.dep == "prep" and c.lower == "as"
                     for p in tree.kids[c.i] if p.dep == "pobj"]
    table = lexicon.families.get("label", {})
    codes = [table[w] for v in verdicts for j in tree.subtree(v.i) for w in (tree.tokens[j].lower, tree.tokens[j].lemma.lower())
             if w in table and tree.tokens[j].pos in ("NOUN", "ADJ", "VERB", "ADV")]
    if not codes:
        return None
    code = min(codes)  # a criticism outweighs a kind word in the same verdict
    entry = Entry(f"label.{tok.lemma.lower()}", code, "verb", tok.lemma.lower(), (), (),
                  (("subj", "source"), ("obj", "target")), None, -1)
    return _Match(entry, i, obj.i, "label")


def _in_name(tree: _Tree, tok: Token) -> bool:
    """A capitalised word inside the name of an organisation, a law or a named war ("the Collective Security
    [Treaty] Organisation", "the Paris [Agreement]"): the name's word reports no new act."""
    start, _ = tree.parse.sentence_of(tok.i)
    if not tok.text[:1].isupper() or tok.i == start:
        return False
    return (tok.pos == "PROPN" and tok.i in tree.actor_of) or tok.i in tree.name_words


def _attribution(tree: _Tree, match: _Match) -> bool:
    """A plain reporting verb ("said") that introduces reported content: the attribution, not an event; only a
    pattern that names what was said ("said [no]") codes it."""
    entry = match.entry
    tok = tree.tokens[match.trigger]
    if entry.parts or entry.obj or entry.before or tok.lemma.lower() not in ATTRIBUTING:
        return False
    trailing = tok.dep in ("advcl", "parataxis", "ccomp") and tok.head < tok.i  # "X left, an official said"
    return trailing or any(c.dep in ("ccomp", "parataxis") for c in tree.kids[tok.i])


def _reported_obligations(tree: _Tree, lexicon: Lexicon, verb_triggers: set[int]) -> list[_Candidate]:
    """"X said Y must/should do Z" is a demand by X on Y, whatever Z is (lexicon frames "must", "should")."""
    out = []
    for tok in tree.tokens:
        entries = lexicon.frames.get(tok.lower) if tok.dep == "aux" else None
        verb = tree.tokens[tok.head]
        if not entries or verb.i in verb_triggers or verb.dep != "ccomp" or _negated(tree, verb.i):
            continue
        reporting = tree.tokens[verb.head]
        if reporting.lemma.lower() not in REPORTING:
            continue
        speakers = _subject(tree, reporting.i)
        subject = tree.child(verb.i, SUBJ_DEPS)
        addressees = [a for a in (tree.actors_at(subject.i) if subject is not None else []) if a not in speakers]
        if speakers:
            out.append(_Candidate(entries[0].code, entries[0], verb.i, speakers, addressees,
                                  ["subj->source", "must->demand"], "frame", anchor=verb.i))
    return out


def _lemma_keys(tok: Token) -> list[str]:
    """The lemma, the form, then guesses that undo an inflection the lemmatizer missed ("staged")."""
    form = tok.lower
    keys = [tok.lemma.lower(), form]
    if tok.tag in ("VBD", "VBN") and form.endswith("ed"):
        keys += [form[:-1], form[:-2], form[:-3] if form[-3:-2] == form[-4:-3] else form[:-2]]
    elif tok.tag == "VBG" and form.endswith("ing"):
        keys += [form[:-3] + "e", form[:-3], form[:-4] if form[-4:-3] == form[-5:-4] else form[:-3]]
    elif tok.tag == "VBZ" and form.endswith("s"):
        keys += [form[:-1], form[:-2]]
    return keys


def _hyphenated_keys(tree: _Tree, tok: Token) -> list[str]:
    """Keys of a verb written with a hyphenated prefix the tokenizer split off ("test-fired" as test / - /
    fired): "test-fire", before the bare verb's own keys."""
    i = tok.i
    if i < 2 or tree.tokens[i - 1].text != "-" or tree.tokens[i - 1].whitespace or tree.tokens[i - 2].whitespace:
        return []
    prefix = tree.tokens[i - 2].lower
    return [f"{prefix}-{key}" for key in _lemma_keys(tok)]


def _apply_terminate(tree: _Tree, lexicon: Lexicon, cand: _Candidate, verb: int) -> None:
    """A verb that ends the event its object names ("called off the strike", "suspended aid to X",
    "lifted the siege") recodes it through the "terminate" family; the verb becomes the trigger."""
    entries = next((lexicon.frames[k] for k in _lemma_keys(tree.tokens[verb]) if k in lexicon.frames), None)
    match = _match_verb(tree, verb, entries) if entries else None
    if match is None or match.entry.family != "terminate":
        return
    cand.code = lexicon.recode("terminate", cand.code)
    cand.sources = _subject(tree, verb) or cand.sources
    cand.targets = [t for t in cand.targets if t not in cand.sources] or _first_actor_in_object(
        tree, verb, cand.sources)
    cand.trigger, cand.pattern = verb, "verb-dobj"
    cand.frame, cand.frame_trigger = match.entry, verb
    cand.frame_heads.append(verb)
    cand.notes.append(f"frame:{match.entry.id}")


def _governing_verb(tree: _Tree, i: int) -> int | None:
    """The verb a nominal event is the object of ("promised [military aid]"), for its modality."""
    tok = tree.tokens[i]
    if tok.dep in ("dobj", "attr", "nsubjpass") and tree.tokens[tok.head].pos in ("VERB", "AUX"):
        return tok.head
    return None


def _apply_modality(tree: _Tree, lexicon: Lexicon, cand: _Candidate, i: int) -> None:
    """Set mode and negation from the clause of token ``i``; framing verbs and the future recode."""
    tok = tree.tokens[i]
    negated = _negated(tree, i)
    future = _future(tree, i)
    head_tok = tree.tokens[tok.head]
    if tok.dep == "xcomp" and head_tok.lower in SCHEDULING and head_tok.pos in ("ADJ", "VERB"):
        cand.mode = "future"
        return
    if _depicted(tree, i) or _purpose_of(tree, i):
        cand.mode = "hypothetical"
        return
    if tok.dep in ("xcomp", "ccomp") and tok.head != i and _negated(tree, tok.head) and not negated:
        cand.negated, cand.mode = True, "negated"  # "will not let foreigners occupy", "did not order X to"
        return
    framed = _frame_of(tree, lexicon, i)
    if framed is not None:
        current = i
        for _ in range(3):
            frame, head = framed
            if _apply_frame(tree, lexicon, cand, current, frame, head):
                return
            current = head
            framed = _frame_of(tree, lexicon, head)
            if framed is None or framed[0].family not in RECODING_FAMILIES:
                break
        if _question(tree, current) or _alleged(tree, current):
            cand.mode = "hypothetical"  # "accused the bloc of [failing] to protect it": the charge, not an act
        return
    if tok.dep == "xcomp" and tok.head != i:
        outer = _frame_of(tree, lexicon, tok.head)
        if outer is not None and outer[0].family in RECODING_FAMILIES:
            cand.mode = "hypothetical"  # "offered to help [track down] X": only the offer happened
            return
    if cand.code[:2] not in EXPRESSIVE_ROOTS and _purpose_clause(tree, i):
        # "launched an operation to rescue the pupils": the aim, not the outcome; saying, protesting or
        # demanding is done by setting out to do it ("gathered to protest")
        cand.mode = "hypothetical"
        return
    aux = _aux(tree, i)
    head = tree.tokens[tok.head]
    governor = _clause_governor(tree, i)
    if _alleged(tree, i):
        cand.mode = "hypothetical"
        return
    if tok.dep == "pcomp" and head.lower == "for" and governor.pos == "VERB" and _punitive(lexicon, governor):
        cand.mode = "hypothetical"  # "arrested for collaborating with X": the charge, not a reported act
        return
    if aux & DEONTIC_AUX and tok.dep == "ccomp" and head.lemma.lower() in REPORTING and not negated:
        speakers = _subject(tree, head.i)
        if speakers:
            cand.targets = [a for a in cand.sources if a not in speakers]
            cand.sources = speakers
            cand.code = lexicon.recode("demand", cand.code)
            cand.notes.append("must->demand")
            return
    if tok.tag in ("VBZ", "VBP") and not future and _scheduled(tree, i):
        cand.mode = "future"  # "when the board meets next week"
        return
    polarity = _polarity(cand.code)
    if _question(tree, i):
        cand.mode = "hypothetical"
        return
    if (future and not negated and not cand.sources and tree.is_passive(i) and tok.dep == "ccomp"
            and head.lemma.lower() in REPORTING and cand.code[:2] in CONFLICT_ROOTS | PUNITIVE_ROOTS):
        speakers = _subject(tree, head.i)  # "said those behind the unrest would be punished": a threat
        if speakers:
            cand.sources = speakers
            cand.code = lexicon.recode("threaten", cand.code)
            cand.notes.append("speaker->source future")
            return
    if (future and not negated and cand.code[:2] == "12" and tok.dep == "ccomp" and head.lemma.lower() in REPORTING
            and not _conditional(tree, i) and not any(c.dep == "aux" and c.lemma.lower() == "have"
                                                       for c in tree.kids[head.i])):
        # "said it would veto the resolution": saying so is the refusal; "has said she will veto" recalls a
        # standing position, not today's act
        cand.notes.append("announced refusal")
        return
    if future and not negated and not cand.targets and not _attributed(tree, i):
        # "The parties will meet again in August": the writer's schedule, no one's pledge to anyone
        cand.mode = "future"
        return
    if future and (polarity == "cooperative" or (polarity == "conflict" and not negated)):
        if negated and tok.lemma.lower() not in ACCEPTING:
            cand.negated, cand.mode = True, "negated"  # "would not bow": a stance, not a rejection act
            return
        if negated:
            cand.code = lexicon.recode("reject", cand.code)
        else:
            cand.code = lexicon.recode("intent" if polarity == "cooperative" else "threaten", cand.code)
        cand.notes.append("future")
        return
    if negated and tok.lemma.lower() in ACCEPTING and aux & {"does", "do"} and polarity == "cooperative":
        # "a ruling Beijing does not recognise": refusing to accept is itself a rejection
        cand.code = lexicon.recode("reject", cand.code)
        cand.notes.append("refusal")
        return
    if negated:
        cand.negated, cand.mode = True, "negated"
    elif any(c.dep == "mark" and c.lower in CONDITIONAL_MARKS for c in tree.kids[i]) or aux & MODAL_AUX:
        cand.mode = "hypothetical"
    elif future:
        cand.mode = "future"


def _conditional(tree: _Tree, i: int) -> bool:
    """Whether the clause at ``i`` holds only under a condition ("would veto it [if] ...")."""
    return any(c.dep == "mark" and c.lower in CONDITIONAL_MARKS for c in tree.kids[i]) or any(
        c.dep == "advcl" and tree.child(c.i, {"mark"}) is not None and tree.child(c.i, {"mark"}).lower
        in CONDITIONAL_MARKS for c in tree.kids[i])


def _attributed(tree: _Tree, i: int) -> bool:
    """Whether the clause at ``i`` is someone's words: under a verb of speech ("said it would"), with one in
    its sentence ("..., the ministry said"), or inside quotation marks."""
    start, end = tree.parse.sentence_of(i)
    if any(t.pos in ("VERB", "AUX") and t.lemma.lower() in SPEECH_ACTS for t in tree.tokens[start:end]):
        return True
    text = tree.parse.text
    line_start = text.rfind("\n", 0, tree.tokens[i].start) + 1
    before = text[line_start:tree.tokens[i].start]
    return sum(before.count(q) for q in ('"', "\u201c", "\u201d")) % 2 == 1


def _alleged(tree: _Tree, i: int) -> bool:
    """Whether the clause at ``i`` is what someone is accused of or denies ("accused X of [attacking]")."""
    tok = tree.tokens[i]
    if tok.dep not in ("pcomp", "ccomp") or tok.head == i:
        return False
    return _clause_governor(tree, i).lemma.lower() in ALLEGING


def _clause_governor(tree: _Tree, i: int) -> Token:
    """The verb governing the clause at ``i``: its head, or for a prepositional clause the preposition's verb,
    also where the parser hung the preposition on the verb's object ("accused [the agency [of bowing]]")."""
    tok = tree.tokens[i]
    head = tree.tokens[tok.head]
    governor = tree.tokens[head.head] if tok.dep == "pcomp" else head
    if tok.dep == "pcomp" and governor.dep == "dobj":
        governor = tree.tokens[governor.head]
    return governor


def _purpose_clause(tree: _Tree, i: int) -> bool:
    """An infinitive that states an aim or an ability, not an act: "an operation [to rescue] them", "took
    measures [to protect]", "used its offices [to help]", "sent troops in order [to secure]", "were able [to try]"."""
    for _ in range(4):  # "to arrest him and [hand] him over": the first conjunct decides
        tok = tree.tokens[i]
        if tok.dep != "conj" or tok.head == i or _finite_conj_of_infinitive(tree, i) is not None:
            break
        i = tok.head
    tok = tree.tokens[i]
    if tok.tag != "VB" or tok.head == i or not _infinitive(tree, i):
        return False
    if tok.dep in ("advcl", "relcl", "acl"):
        return True
    head = tree.tokens[tok.head]
    if tok.dep == "xcomp" and head.lemma.lower() in INSTRUMENTAL:
        # "used tear gas to disperse protesters" reports the dispersal, as settled as the using itself
        j = head.i
        for _ in range(3):
            if _future(tree, j) or _aux(tree, j) & (MODAL_AUX | DEONTIC_AUX) or _negated(tree, j):
                return True
            if tree.tokens[j].dep != "xcomp":
                return False
            j = tree.tokens[j].head
        return False
    return tok.dep == "xcomp" and (tree.child(head.i, {"dobj"}) is not None or head.lemma.lower() in ABILITY)


def _punitive(lexicon: Lexicon, tok: Token) -> bool:
    """Whether the verb's plain sense punishes, blames or refuses (its reason clause is then a charge)."""
    entries = next((lexicon.verbs[k] for k in _lemma_keys(tok) if k in lexicon.verbs), ())
    return any(e.code[:2] in PUNITIVE_ROOTS for e in entries if not e.parts and not e.obj and not e.before)


def _scheduled(tree: _Tree, i: int) -> bool:
    """Whether a present-tense verb carries a time still to come ("meets next week", "arrives tomorrow")."""
    for c in tree.kids[i]:
        if c.lower in UPCOMING:
            return True
        if c.dep in ("npadvmod", "prep", "advmod") and any(
                g.lower in UPCOMING or any(h.lower in UPCOMING for h in tree.kids[g.i]) for g in tree.kids[c.i]):
            return True
    return False


def _purpose_of(tree: _Tree, i: int) -> bool:
    """Whether the clause at ``i`` states what something is for ("the truce is meant to halt fighting",
    "talks aimed at ending the war"): a goal, not an act."""
    tok = tree.tokens[i]
    if tok.head == i or tok.dep not in ("xcomp", "pcomp"):
        return False
    head = tree.tokens[tok.head]
    if tok.dep == "pcomp":
        head = tree.tokens[head.head]
    return head.lemma.lower() in PURPOSIVE and head.tag == "VBN"


def _depicted(tree: _Tree, i: int) -> bool:
    """Whether the clause at ``i`` sits (within two steps) under a verb of depiction."""
    j = i
    for _ in range(2):
        tok = tree.tokens[j]
        if tok.head == j or tok.dep not in ("ccomp", "xcomp", "acl", "dobj", "oprd", "advcl"):
            return False
        j = tok.head
        if tree.tokens[j].lemma.lower() in DEPICTING:
            return True
    return False


def _apply_frame(tree: _Tree, lexicon: Lexicon, cand: _Candidate, i: int, frame: Entry, head: int) -> bool:
    """Recode ``cand`` (whose clause is headed by ``i``) through the frame verb at ``head``.

    Returns True when the frame settles the event for good (denials, attempts, plain plans)."""
    cand.frame, cand.frame_trigger = frame, head
    cand.frame_heads.append(head)
    negated_frame = _negated(tree, head)
    family = frame.family or "intent"
    if family == "future" and _addressed_clause(tree, i):
        family = "demand"  # "Rwanda expected [Congo] to neutralise", "wants Iran to stop": a demand on the doer
    if family == "future":
        family = {"cooperative": "intent", "conflict": "threaten"}.get(_polarity(cand.code), "")
        if not family:
            cand.mode = "future"
            return True
    if family == "deny":
        cand.negated, cand.mode = True, "negated"
        return True
    if family == "attempt":
        if negated_frame:
            cand.negated, cand.mode = True, "negated"
        elif _aux(tree, head) & (MODAL_AUX | FUTURE_AUX) or _question(tree, head):
            cand.mode = "hypothetical"
        else:  # "urged supporters to keep protesting": the appeal around the attempt decides
            outer = _frame_of(tree, lexicon, head)
            return outer is None or outer[0].family not in RECODING_FAMILIES
        return True
    if family == "reject" and _polarity(cand.code) == "conflict":
        cand.negated, cand.mode = True, "negated"
        return True
    if negated_frame and family == "intent":
        family = "reject"
    elif family == "intent" and _polarity(cand.code) == "conflict":
        family = "threaten"  # "vowed to retake the north" is a threat, not a pledge of cooperation
    cand.code = lexicon.recode(family, cand.code)
    frame_sources = _frame_subject(tree, head) or _noun_frame_subject(tree, head)
    addressees: list[str] = []
    if family in ("appeal", "demand"):
        addressees = _addressees(tree, head, frame.parts)
        if tree.tokens[i].dep in ("ccomp", "advcl") and not addressees:
            subj = tree.child(i, SUBJ_DEPS)
            addressees = tree.actors_at(subj.i) if subj is not None and not _owned_by(tree, subj.i, frame_sources) else []
            addressees = addressees or [a for a in cand.sources if a not in frame_sources]
    if frame_sources or family in ("appeal", "demand"):
        cand.sources = frame_sources  # the one asked to act is never the asker
    if addressees:
        cand.targets = [a for a in addressees if a not in cand.sources]
    elif cand.targets:
        cand.targets = [a for a in cand.targets if a not in cand.sources]
    if not cand.targets:  # the frame's own partner: "agreed with [X] that disputes be settled"
        partners = [a for slot, role in frame.roles if role == "target" and slot not in ("subj", "obj", "poss")
                    for j in tree.prep_objects(head, slot) for a in tree.actors_at(j)]
        cand.targets = [a for a in dict.fromkeys(partners) if a not in cand.sources]
    if not cand.targets and family == "threaten":  # "warned [foreign journalists] that they would be expelled"
        warned = tree.child(head, {"dobj"})
        cand.targets = [a for a in tree.actors_at(warned.i) if a not in cand.sources] if warned is not None else []
        if cand.targets:
            cand.notes.append("warned->target")
    if not cand.targets and family == "threaten" and tree.tokens[i].dep == "xcomp":
        # a threat to act ("threatened to stop talks if X ..."), not a prediction ("warned that ... if X")
        cand.targets = [a for a in _condition_subjects(tree, (i, head)) if a not in cand.sources]
        if cand.targets:
            cand.notes.append("condition->target")
    cand.notes.append(f"frame:{frame.id}")
    return False


def _addressed_clause(tree: _Tree, i: int) -> bool:
    """A "to" clause with a party of its own as subject: "expected [Congo] to neutralise the militia"."""
    tok = tree.tokens[i]
    subj = tree.child(i, SUBJ_DEPS) if tok.dep == "ccomp" else (
        tree.child(tok.head, {"dobj"}) if tok.dep == "xcomp" else None)  # "expected [Congo] to disarm"
    return (subj is not None and subj.i < i and bool(tree.actors_at(subj.i))
            and _infinitive(tree, i))


def _noun_frame_subject(tree: _Tree, head: int) -> list[str]:
    """Who makes a framing noun's appeal or demand: its possessor or "by" phrase ("Iran's call for"), or the
    subject of the light verb that takes it ("[the UN] made an appeal to X to")."""
    tok = tree.tokens[head]
    if tok.pos not in ("NOUN", "PROPN"):
        return []
    found = tree.modifier_actors(head)
    if not found and tok.dep in ("dobj", "attr") and tree.tokens[tok.head].lemma.lower() in SUPPORT_VERBS:
        found = _subject(tree, tok.head)
    return found


def _condition_subjects(tree: _Tree, heads: tuple[int, ...]) -> list[str]:
    """Who a threat is aimed at: the subject of its condition ("threatened to stop talks if [X] goes ahead")."""
    for h in heads:
        for c in tree.kids[h]:
            if c.dep == "advcl" and any(m.dep == "mark" and m.lower in ("if", "unless") for m in tree.kids[c.i]):
                subj = tree.child(c.i, SUBJ_DEPS)
                if subj is not None and tree.actors_at(subj.i):
                    return tree.actors_at(subj.i)
    return []


def _frame_subject(tree: _Tree, head: int) -> list[str]:
    """Who frames: the subject, or for an adjectival passive ("Vietnam is committed to") its subject."""
    found = _subject(tree, head)
    if not found and tree.is_passive(head) and not tree.prep_objects(head, "by"):
        subj = tree.child(head, PASSIVE_SUBJ_DEPS)
        found = tree.actors_at(subj.i) if subj is not None else []
    return found


def _addressees(tree: _Tree, head: int, parts: tuple[str, ...] = ()) -> list[str]:
    """Who an appeal or demand is made to: "urged [X] to", "called on [X]", "appealed to [X]", or the frame's
    own preposition ``parts`` ("pleaded [with] X")."""
    obj = tree.child(head, {"dobj"})
    found = tree.actors_at(obj.i) if obj is not None else []
    for prep in ("on", "upon", "to", *parts):
        found = found or [a for j in tree.prep_objects(head, prep) for a in tree.actors_at(j)]
    return found


def _clause_subjects(tree: _Tree, head: int, sources: Sequence[str] = ()) -> list[str]:
    """Actors heading the subject of a clause the verb at ``head`` governs ("warned that [X] would"), unless
    the subject is the speaker's own ("warned that [its] forces would")."""
    for c in tree.kids[head]:
        subj = tree.child(c.i, SUBJ_DEPS | PASSIVE_SUBJ_DEPS) if c.dep == "ccomp" and c.i > head else None
        if subj is not None:
            return [] if _owned_by(tree, subj.i, sources) else tree.actors_at(subj.i)
    return []


def _owned_by(tree: _Tree, i: int, sources: Sequence[str]) -> bool:
    """Whether the noun at ``i`` belongs to one of ``sources`` ("[its] forces", "[Yerevan's] troops")."""
    return any(c.dep == "poss" and tree.actor_of.get(c.i) in sources for c in tree.kids[i])


def _own_state(tree: _Tree, actor: str, sources: Sequence[str]) -> bool:
    """Whether ``actor`` is the state, as a whole, that one of ``sources`` belongs to (China for a Chinese
    spokesman)."""
    code = tree.codes.get(actor, "")
    if len(code) < 3 or code[3:] not in ("", "GOV"):
        return False
    return any(tree.codes.get(s, "")[:3] == code[:3] and tree.codes.get(s, "")[3:6] in STATE_SECTORS
               for s in sources if s != actor)


def _is_frame_host(cand: _Candidate, framed_heads: set[int], framed_triggers: set[int]) -> bool:
    """A framing verb whose complement produced the recoded event is not a second event, unless its own
    match was specific and about something else ("began a hunger strike to protest")."""
    return cand.trigger in framed_heads and (cand.pattern != "verb-dobj" or cand.obj in framed_triggers)


def _confidence(tree: _Tree, cand: _Candidate) -> float:
    score = 0.45
    if cand.sources:
        score += 0.2
    if cand.targets:
        score += 0.05 if "complement->target" in cand.notes else 0.1  # a guess from position is weaker
    if cand.pattern != "noun" or "verb-subj->source" in cand.notes:
        score += 0.1  # a noun whose doer is the subject of the verb that carries it is as firm as a verb
    if cand.frame is not None:
        score += 0.05
    anchor = cand.frame_trigger if cand.frame_trigger is not None else cand.anchor
    score -= min(tree.depth(anchor), 5) * 0.06
    if cand.mode != "asserted":
        score -= 0.1
    return round(max(0.05, min(score, 0.99)), 2)


def _event_date(tree: _Tree, cand: _Candidate, dates: Sequence[DateExpr], published: str | None,
                dateline: DateExpr | None):
    start, end = tree.parse.sentence_of(cand.trigger)
    s_char, e_char = tree.tokens[start].start, tree.tokens[end - 1].end
    in_sentence = [d for d in dates if s_char <= d.start < e_char and _calendar(d)]
    if in_sentence:
        clause = set(tree.subtree(cand.frame_trigger if cand.frame_trigger is not None else cand.trigger))
        clause_chars = {tree.tokens[j].start for j in clause}
        governed = [d for d in in_sentence if d.start in clause_chars]
        pool = governed or in_sentence
        trig = tree.tokens[cand.trigger].start
        best = min(pool, key=lambda d: abs(d.start - trig))
        return best.value, best.precision
    if dateline is not None:
        return dateline.value, dateline.precision
    if published:
        return published[:10], "published"
    return None, None


def _calendar(date: DateExpr) -> bool:
    """A date that places an event on the calendar ("March 3", "2019"), not a span, set or reference."""
    return (bool(date.value) and date.precision not in NON_CALENDAR_PRECISIONS
            and CALENDAR_VALUE.match(date.value) is not None)


def _event_place(tree: _Tree, cand: _Candidate, places: Sequence[Place]) -> str | None:
    clause = set(tree.subtree(cand.trigger))
    clause_chars = {tree.tokens[j].start for j in clause}
    start, end = tree.parse.sentence_of(cand.trigger)
    s_char, e_char = tree.tokens[start].start, tree.tokens[end - 1].end
    same_sentence = None
    for place in places:
        for m in place.mentions:
            if m.start in clause_chars:
                return place.id
            if same_sentence is None and s_char <= m.start < e_char:
                same_sentence = place.id
    return same_sentence


def _dateline(tree: _Tree, dates: Sequence[DateExpr]) -> DateExpr | None:
    """A date in the article's dateline ("KABUL, March 3 (Reuters) -"), if the text opens with one."""
    if not tree.tokens or not dates:
        return None
    head = tree.parse.text[:120]
    dash = re.search(r"\s[-\u2013\u2014]+\s", head)
    if not dash:
        return None
    return next((d for d in dates if d.end <= dash.start() and _calendar(d)), None)


def find_events(
    parse: Parse,
    doc_id: str,
    actors: Sequence[Actor],
    places: Sequence[Place],
    dates: Sequence[DateExpr],
    published: str | None,
    lexicon=None,
) -> tuple[Event, ...]:
    """Events of the text, each with its trigger span and the reason for its code."""
    if not parse.tokens:
        return ()
    lexicon = lexicon or load_lexicon()
    tree = _Tree(parse, actors, lexicon.nouns)
    candidates = _candidates(tree, lexicon)
    explicit = {c.obj: c for c in candidates
                if c.pattern == "verb-dobj" and c.obj is not None and tree.tokens[c.obj].dep in COMP_DEPS}
    for host in explicit.values():
        complement = next((c for c in candidates if c.trigger == host.obj), None)
        if complement is not None and not host.targets:
            host.targets = [t for t in complement.targets if t not in host.sources]
    candidates = [c for c in candidates if not (c.frame_heads and c.trigger in explicit)]
    framed_heads = {h for c in candidates for h in c.frame_heads}
    framed_triggers = {c.trigger for c in candidates if c.frame_heads}
    dateline = _dateline(tree, dates)
    # a country acting as a whole ("Azerbaijan blockaded") has the pseudo-sector COUNTRY (data/cameo/sectors.tsv)
    actor_codes = {a.id: (a.code or "").upper() + (" COUNTRY" if a.kind == "country" else "") for a in actors}
    seen: set[tuple] = set()
    raw: list[tuple[int, int, Event]] = []
    verb_triggers = {c.trigger for c in candidates if c.pattern != "noun"}
    # verbs whose own entry names the act through their object ("fired [a barrage of rockets]")
    verb_roots = {(c.trigger, c.code[:2]) for c in candidates if c.pattern == "verb-dobj"}
    # a denial negates the denied act, but denying it is itself an act of the denier
    denials = {c.frame_trigger for c in candidates if c.frame is not None and c.frame.family == "deny"}
    for cand in candidates:
        if cand.trigger not in denials and _is_frame_host(cand, framed_heads, framed_triggers):
            continue
        if not cand.sources and (not cand.targets or cand.pattern == "noun") and not _unresolved_agent(tree, cand):
            continue
        if not cand.sources and (_casualty_report(tree, cand.trigger) or _habit(tree, cand.trigger)):
            continue
        if cand.pattern != "noun" and _background(tree, cand.trigger):
            if not _answers_claim(tree, cand):
                continue
            cand.targets = []  # the relative pronoun stands for the claim, not for its target
            cand.notes.append("answers-claim")
        if cand.pattern == "noun" and (_generic_noun(tree, cand.trigger) or _in_background(tree, cand.trigger)):
            continue
        if cand.pattern != "noun" and _label_participle(tree, cand.trigger):
            continue
        if cand.code[:2] == "01" and not cand.sources:
            continue
        if cand.code.startswith(VISIT_CODES) and _going_home(tree, cand.trigger):
            continue
        if cand.pattern == "noun" and tree.tokens[cand.trigger].head in verb_triggers and not cand.sources:
            continue
        if cand.pattern == "noun" and (tree.tokens[cand.trigger].head, cand.code[:2]) in verb_roots:
            continue  # "fired a barrage of rockets": the verb already codes the act its object names
        if cand.pattern == "noun" and _judged(tree, cand.trigger, verb_triggers):
            continue  # "condemned the Israeli air strike": the verdict is the news, the strike its topic
        if cand.pattern == "noun" and _possessed_reference(tree, cand):
            continue
        if cand.pattern != "noun" and (_background_clause(tree, cand.trigger) or _describing_participle(tree, cand)
                                       or _recalled_in_relative(tree, cand.trigger)
                                       or (cand.frame_trigger is not None and _recalled_in_relative(tree, cand.frame_trigger))):
            continue
        if not cand.sources and cand.pattern != "noun" and (
                _thing_as_doer(tree, cand.trigger) or _bare_participle(tree, cand)
                or (_known_event_as_subject(tree, cand.trigger) and _reported_before(tree, cand, candidates))):
            continue
        pairs = _dyads(cand)
        trigger = _trigger_of(tree, cand)
        tok = tree.tokens[trigger]
        s_start, s_end = parse.sentence_of(cand.trigger)
        sentence = parse.span(s_start, s_end)
        date, precision = _event_date(tree, cand, dates, published, dateline)
        place = _event_place(tree, cand, places)
        confidence = _confidence(tree, cand)
        why = " ".join([f"lex:{cand.entry.id}", cand.pattern, *cand.notes])
        coded = [(source, target, _sector_code(lexicon, cand, actor_codes.get(source))) for source, target in pairs]
        if cand.entry.reverse and cand.code == cand.entry.code:
            # a user entry's paired code ("[032:033]"): as X visits Y, Y hosts X
            coded += [(target, source, cand.entry.reverse) for source, target in pairs if source and target]
        for source, target, code in coded:
            key = (cand.trigger, source, target, code) if trigger == cand.trigger else (trigger, source, target)
            if key in seen:
                continue
            seen.add(key)
            info = lexicon.codes[code]
            event = Event(
                id="",
                source=source,
                target=target,
                cameo=code,
                cameo_root=info.root,
                goldstein=info.goldstein,
                quad_class=info.quad_class,
                plover=info.plover,
                trigger=Span(tok.start, tok.end, tok.text),
                sentence=sentence,
                date=date,
                date_precision=precision,
                place=place,
                negated=cand.negated,
                mode=cand.mode,
                plover_mode=info.plover_mode,
                confidence=confidence,
                why=why,
            )
            raw.append((tok.start, len(raw), event))
    raw.sort(key=lambda item: (item[0], item[1]))
    return tuple(_with_id(e, f"{doc_id}:e{n}") for n, (_, _, e) in enumerate(raw, 1))


def _trigger_of(tree: _Tree, cand: _Candidate) -> int:
    """The word that signals the coded act: for a complement recoded by its frame ("agreed to [hold] talks",
    "urged X to [release]") the frame verb, since the code now says what the framer did."""
    head = cand.frame_trigger
    if head is None or not any(note.startswith("frame:") for note in cand.notes):
        return cand.trigger
    return cand.trigger if _across_lines(tree, head, cand.trigger) else head


def _across_lines(tree: _Tree, i: int, j: int) -> bool:
    first, last = sorted((tree.tokens[i], tree.tokens[j]), key=lambda t: t.start)
    return "\n" in tree.parse.text[first.end:last.start]


def _sector_code(lexicon: Lexicon, cand: _Candidate, source_code: str | None) -> str:
    """The bundled entry's code adjusted for the sector of its source (``data/cameo/sectors.tsv``)."""
    rules = lexicon.sectors.get(cand.code)
    if not rules or not source_code or cand.entry.order < lexicon.bundled_from:
        return cand.code
    code, _, whole = source_code.partition(" ")
    chunks = {code[k:k + 3] for k in range(0, len(code), 3)} | {whole}
    return next((replacement for sectors, replacement in rules if sectors & chunks), cand.code)


def _judged(tree: _Tree, i: int, verb_triggers: set[int]) -> bool:
    """An event noun that is the object of a condemnation coded on its own ("condemned [the air strike]"): it
    names an act already known, not a new one."""
    tok = tree.tokens[i]
    return (tok.dep == "dobj" and tok.head in verb_triggers
            and tree.tokens[tok.head].lemma.lower() in CONDEMNING)


def _going_home(tree: _Tree, i: int) -> bool:
    """A trip back ("flew back to the capital", "returned home"): a homecoming, not a visit to anyone."""
    return any(c.dep in ("prt", "advmod", "npadvmod") and c.lower in ("back", "home") for c in tree.kids[i])


def _generic_noun(tree: _Tree, i: int) -> bool:
    """An event noun that names a past episode or a kind of event, or labels a headline, not a new event:
    "the 1994 genocide", "a history of attacks", "the anniversary of the invasion"."""
    tok = tree.tokens[i]
    if any(c.dep in ("compound", "amod", "nummod", "npadvmod") and c.ent_type == "DATE" for c in tree.kids[i]):
        return True
    text = tree.parse.text
    line_end = text.find("\n", tok.end)
    line = text[text.rfind("\n", 0, tok.start) + 1: len(text) if line_end < 0 else line_end].rstrip()
    if line and line[-1] not in SENTENCE_ENDS:
        return True  # a headline, title or caption line: nouns there label, they do not report
    if tok.dep == "pobj" and tree.tokens[tok.head].lower == "of":
        return tree.tokens[tree.tokens[tok.head].head].lemma.lower() in EPISODE_NOUNS
    return False


def _background(tree: _Tree, i: int) -> bool:
    """A relative clause that describes rather than reports: habitual present ("gangs who demand ransom",
    "whose government hosts the talks") or a setting ("the hotel where officials were meeting")."""
    tok = tree.tokens[i]
    if tok.dep != "relcl":
        return False
    if any(c.dep == "advmod" and c.lower in ("where", "when") for c in tree.kids[i]):
        return True
    aux = [c for c in tree.kids[i] if c.dep in ("aux", "auxpass")]
    return tok.tag in ("VBZ", "VBP") or (tok.tag == "VBG" and all(a.tag in ("VBZ", "VBP") for a in aux))


def _background_clause(tree: _Tree, i: int) -> bool:
    """An adverbial clause that recalls an earlier episode rather than reporting news ("five years after crowds
    burned down its embassy"), or the circumstance inside a relative clause ("X, who lost his son when bombers
    attacked a bus, said")."""
    tok = tree.tokens[i]
    if tok.dep != "advcl" or tok.head == i:
        return False
    if tree.tokens[tok.head].dep == "relcl":
        return True
    marks = {c.lower for c in tree.kids[i] if c.dep in ("mark", "advmod")}
    return bool(marks & {"after", "before"}) and any(
        c.dep == "npadvmod" and c.lemma.lower() in DURATION_NOUNS for c in tree.kids[i])


def _recalled_in_relative(tree: _Tree, i: int) -> bool:
    """A relative clause that recalls history or a long course of action about the noun it describes: "Israel,
    [which occupied the West Bank in 1967]", "rebels, [who have fought the government since 2012]"."""
    tok = tree.tokens[i]
    if tok.dep != "relcl" or tok.head == i:
        return False
    if any(c.dep in ("prep", "mark") and c.lower == "since" for c in tree.kids[i]):
        return True
    return any(YEAR.match(tree.tokens[j].text) and tree.tokens[j].ent_type == "DATE" for j in _phrase(tree, i))


def _describing_participle(tree: _Tree, cand: _Candidate) -> bool:
    """A present participle that describes the noun it follows ("armed groups opposing it", "groups receiving
    funding", "troops guarding the border"), unless a document speaks through it ("a statement demanding")."""
    tok = tree.tokens[cand.trigger]
    if tok.dep != "acl" or tok.tag != "VBG" or tok.head == tok.i:
        return False
    return tok.head in tree.actor_of or cand.code[:2] not in SPEECH_ROOTS


def _bare_participle(tree: _Tree, cand: _Candidate) -> bool:
    """A past participle that describes its noun with no doer ("gunmen armed with rifles", "a deal reached
    in March"): a label, not a report; violence done to the noun ("soldiers killed in the ambush") is an act."""
    i = cand.trigger
    tok = tree.tokens[i]
    return (tok.dep == "acl" and tok.tag == "VBN" and _polarity(cand.code) != "conflict"
            and not tree.prep_objects(i, "by") and _verb_rooted(tree, i))


def _known_event_as_subject(tree: _Tree, i: int) -> bool:
    """A definite event noun as the subject ("The strike hit a school"): after a report of the act it tells
    more about it, with no doer of its own; an indefinite one ("A roadside bomb killed ...") is a new act."""
    subj = tree.child(i, SUBJ_DEPS)
    return (subj is not None and subj.lemma.lower() in tree.event_nouns and subj.i not in tree.actor_of
            and any(c.dep in ("det", "poss") and c.lower in DEFINITE for c in tree.kids[subj.i]))


def _reported_before(tree: _Tree, cand: _Candidate, candidates: list[_Candidate]) -> bool:
    """Whether an earlier sentence already reports an act of the same kind with its doer, for "the strike" to
    refer back to."""
    start = tree.parse.sentence_of(cand.trigger)[0]
    kind = _polarity(cand.code)
    return any(c.trigger < start and c.sources and _polarity(c.code) == kind for c in candidates)


def _thing_as_doer(tree: _Tree, i: int) -> bool:
    """A relative clause whose subject stands for a thing, neither a party nor an act ("the collapse of a
    canopy that killed 15 people"): no one is named as the doer."""
    tok = tree.tokens[i]
    if tok.dep != "relcl" or tok.head == i or tree.is_passive(i):
        return False
    subj = tree.child(i, SUBJ_DEPS)
    antecedent = tree.tokens[tok.head]
    return (subj is not None and subj.lower in ("that", "which") and not tree.actors_at(antecedent.i)
            and antecedent.pos == "NOUN" and not antecedent.ent_type
            and antecedent.lemma.lower() not in tree.event_nouns)  # "the explosion, which killed 12": an act


def _possessed_reference(tree: _Tree, cand: _Candidate) -> bool:
    """An event noun named only through a possessive pronoun inside a prepositional phrase ("barred them from
    its summits", "pay for its war"): a reference to something known, not a report of a new act."""
    tok = tree.tokens[cand.trigger]
    if cand.targets or tok.dep != "pobj":
        return False
    owners = [c for c in tree.kids[tok.i] if c.dep == "poss"]
    return bool(owners) and all(c.pos == "PRON" for c in owners) and all(n.startswith("poss->") for n in cand.notes)


def _in_background(tree: _Tree, i: int) -> bool:
    """An event noun that is the object of a describing relative clause ("whose government hosts the talks")."""
    tok = tree.tokens[i]
    return tok.dep in ("dobj", "attr") and tok.head != i and _background(tree, tok.head)


def _label_participle(tree: _Tree, i: int) -> bool:
    """A reduced passive relative with no doer that alleges or dates its act ("individuals accused of helping
    Moscow", "lawmakers ousted in the 2021 coup"): it labels the noun it modifies rather than reporting."""
    tok = tree.tokens[i]
    if tok.dep != "acl" or tok.tag != "VBN" or tree.prep_objects(i, "by"):
        return False
    dated = any(tree.tokens[j].ent_type == "DATE" for c in tree.kids[i] if c.dep in ("prep", "npadvmod")
                for j in tree.subtree(c.i))
    if tok.lemma.lower() not in ALLEGING and not dated:
        return False
    return _verb_rooted(tree, i)


def _verb_rooted(tree: _Tree, i: int) -> bool:
    """Whether the sentence of ``i`` has a verb at its root; else the parser took the main verb for a
    participle ("Doctors from aid groups [donated] goods")."""
    root = i
    for _ in range(50):
        if tree.tokens[root].head == root:
            break
        root = tree.tokens[root].head
    return tree.tokens[root].pos in ("VERB", "AUX")


def _habit(tree: _Tree, i: int) -> bool:
    """A clause marked as a habit ("standards often ignored"): with no named doer, a generalisation."""
    return any(c.dep == "advmod" and c.lower in HABITUAL for c in tree.kids[i])


def _casualty_report(tree: _Tree, i: int) -> bool:
    """A count of the hurt ("six officers were hurt", "debris injured two people") or a running toll ("226
    people have been killed since May") with no doer: a consequence or a sum of many acts, not one act."""
    tok = tree.tokens[i]
    if tok.lemma.lower() in INJURY_VERBS:
        return True
    first = tok.head if tok.dep == "conj" else i
    clauses = [first] + [c.i for c in tree.kids[first] if c.dep == "conj"]  # "killed and 1,000 detained since"
    return any((c.dep == "prep" and c.lower == "since") or
               (c.dep == "advcl" and any(m.dep == "mark" and m.lower == "since" for m in tree.kids[c.i]))
               for j in clauses for c in tree.kids[j])


def _answers_claim(tree: _Tree, cand: _Candidate) -> bool:
    """A denial or rejection whose object is the relative pronoun ("a charge [which] Kigali denies"): it
    answers the claim just reported, so the present tense is news, not habit."""
    if cand.code[:2] != "12" and not cand.code.startswith("016"):
        return False
    obj = tree.child(cand.trigger, {"dobj"})
    return obj is not None and obj.lower in RELATIVE


def _unresolved_agent(tree: _Tree, cand: _Candidate) -> bool:
    """Whether the verb names a doer the actor stage could not resolve (kept with an unknown source);
    agentless passives ("were killed") and bare event nouns name none and are not coded."""
    if cand.pattern == "noun":
        return False
    head = cand.frame_trigger if cand.frame_trigger is not None else cand.trigger
    for _ in range(4):
        # a subject that is itself an event ("an investigation determined") is no doer
        if any(c.dep == "agent" or (c.dep in SUBJ_DEPS and c.pos in ("NOUN", "PROPN")
                                    and c.lemma.lower() not in tree.event_nouns) for c in tree.kids[head]):
            return True
        tok = tree.tokens[head]
        if tok.dep not in ("conj", "xcomp") or tok.head == head or tree.is_passive(head):
            return False
        head = tok.head  # "Doctors donated and delivered goods": the shared subject
    return False


def _one_sided(code: str) -> bool:
    """A mediator's act: the parties "between" whom it mediates are all on the receiving side."""
    return code.startswith(ONE_SIDED_CODES)


def _reciprocal(code: str) -> bool:
    """Whether coordinated doers of the act do it to each other (meet, negotiate, sign, fight)."""
    return (code[:2] in RECIPROCAL_ROOTS or code.startswith(RECIPROCAL_CODES)) and not code.startswith(ONE_SIDED_CODES)


def _dyads(cand: _Candidate) -> list[tuple[str | None, str | None]]:
    """Source-target pairs; coordinated parties of a reciprocal act ("A and B signed a pact") pair up."""
    if len(cand.sources) > 1 and not cand.targets and _reciprocal(cand.code):
        return [(a, b) for a in cand.sources for b in cand.sources if a != b]
    pairs = []
    for source in cand.sources or [None]:
        for target in cand.targets or [None]:
            pairs.append((source, None if target == source else target))
    return pairs


def _with_id(event: Event, event_id: str) -> Event:
    return replace(event, id=event_id)
