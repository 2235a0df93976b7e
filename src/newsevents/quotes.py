"""Quotes: who said what, direct, mixed and indirect.

Direct quotations are found from the quote marks of the text (paragraph by paragraph, so an
unbalanced mark can never swallow the article); reported speech from cue verbs of the parse and
their clause, infinitive or prepositional objects. An attribution whose content lies mostly inside
quote marks makes those quotations direct; one that merely contains a quoted fragment is mixed.
Quotations with no cue in their own sentence take the speaker of the nearest cue before or after
them, of the "-- Name" that follows them, or of the quote run or paragraph they continue.
Nominal cues ("his claim that ..."), transcript labels ("PENCE: ...") and documents named as the
setting ("In the latest poll, ...") attribute content too, and so does a slogan on a banner or placard
(said by whoever carries it). Formal acts done by saying them ("declared an emergency") are no quotes.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from .model import Actor, Event, Parse, Quote, Span

DATA_DIR = Path(__file__).parent / "data" / "quotes"

OPEN_DOUBLE = "“„«‟"
CLOSE_DOUBLE = "”»"
OPEN_SINGLE = "‘‹"
CLOSE_SINGLE = "’›"
STRAIGHT = "\"'"
DASHES = ("--", "—", "―", "–", "-")
# Two apostrophes stand for a double mark in some archives (''Of course,'' he said).
_MARKS = re.compile("''|[\"'" + OPEN_DOUBLE + CLOSE_DOUBLE + OPEN_SINGLE + CLOSE_SINGLE + "]")
# Characters after which a straight mark opens a quotation, and before which one closes it.
_OPENERS_BEFORE = " \t\n([{—–-/:;“‘"
_CLOSERS_AFTER = " \t\n)]}.,;:!?—–-”’…"
_TRIM = "\u00a0 \t\n.,;:!?\"'“”‘’«»„‟‹›—–-―…"
MEDIUM_PREPOSITIONS = {"in", "on", "during", "via", "through", "at", "over", "from"}
ADDRESSEE_PREPOSITIONS = {"on", "upon", "to", "with"}  # "called on", "appealed to", "pleaded with" X to ...
RELATIVE_PRONOUNS = {"who", "that", "which", "whom"}
# Capitalised after a word ending in a full stop, these start a sentence the parser may have missed.
SENTENCE_PRONOUNS = {"He", "She", "They", "We", "It"}
# Words that may join a sign to its cue ("banners that read", "placards with the words").
SIGN_JOINERS = {"that", "which", "with", "the", "were", "was", "is", "are", "in", "all"}
# Quantifiers standing for the group named just before them ("The protesters, many carrying banners ...").
PARTITIVES = {"many", "some", "most", "several", "others", "few", "all", "one", "dozens", "hundreds", "thousands",
              "scores", "both", "each"}
# A quotation this short that no cue introduces is a scare quote or a title, not speech.
MIN_UNATTRIBUTED_TOKENS = 6
# A quotation shorter than this, or without a verb, is a fragment: quoted words inside reported speech.
MIN_FRAGMENT_TOKENS = 4


@dataclass(frozen=True)
class Lexicon:
    """Cue frames by lemma (and by phrase) plus the medium and document words."""

    cues: dict[str, frozenset[str]]
    phrases: dict[str, tuple[tuple[str, ...], frozenset[str]]]
    channels: frozenset[str]
    platforms: frozenset[str]
    outlets: frozenset[str]
    documents: frozenset[str]
    not_speakers: frozenset[str] = frozenset()
    decrees: frozenset[str] = frozenset()
    acts: frozenset[str] = frozenset()
    signs: frozenset[str] = frozenset()
    sign_cues: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Attribution:
    """One quote plus the positions of its cue and source (for scoring and display)."""

    quote: Quote
    cue_span: Span | None = None
    speaker_span: Span | None = None


def _data_lines(path: Path):
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if line.strip() and not line.startswith("#"):
                yield [part.strip() for part in line.split("\t")]


def load_lexicon(paths: Sequence[str] = ()) -> Lexicon:
    """Bundled cue and medium files plus the user's: a file whose name contains ``media`` is read as a
    medium file (media.tsv format), any other as a cue file (cues.tsv format); cached."""
    return _load_lexicon(tuple(str(p) for p in paths))


@lru_cache(maxsize=8)
def _load_lexicon(paths: tuple[str, ...]) -> Lexicon:
    cue_files = [DATA_DIR / "cues.tsv", *(Path(p) for p in paths if "media" not in Path(p).name)]
    media_files = [DATA_DIR / "media.tsv", *(Path(p) for p in paths if "media" in Path(p).name)]
    cues: dict[str, set[str]] = {}
    phrases: dict[str, tuple[tuple[str, ...], set[str]]] = {}
    for path in cue_files:
        for parts in _data_lines(path):
            words = tuple(parts[0].lower().split())
            frames = {f.strip() for f in (parts[1] if len(parts) > 1 else "say").split(",") if f.strip()}
            if len(words) == 1:
                cues.setdefault(words[0], set()).update(frames)
            else:
                phrases.setdefault(words[0], (words[1:], set()))[1].update(frames)
    media: dict[str, set[str]] = {}
    for path in media_files:
        for parts in _data_lines(path):
            if len(parts) >= 2:
                media.setdefault(parts[0], set()).add(parts[1].lower())
    return Lexicon(
        cues={k: frozenset(v) for k, v in cues.items()},
        phrases={k: (rest, frozenset(v)) for k, (rest, v) in phrases.items()},
        channels=frozenset(media.get("channel", ())),
        platforms=frozenset(media.get("platform", ())),
        outlets=frozenset(media.get("outlet", ())),
        documents=frozenset(media.get("document", ())),
        not_speakers=frozenset(media.get("notspeaker", ())),
        decrees=frozenset(media.get("decree", ())),
        acts=frozenset(media.get("act", ())),
        signs=frozenset(media.get("sign", ())),
        sign_cues=frozenset(media.get("signcue", ())),
    )


# ---------------------------------------------------------------------------------------------
# Quote marks


@dataclass
class _Piece:
    """The inside of one pair of quote marks, within one paragraph."""

    start: int
    end: int
    run: int
    closed: bool
    tokens: tuple[int, int] = (0, 0)
    owner: _Attr | None = None
    in_mixed: bool = False


def _direction(text: str, i: int, width: int = 1) -> str:
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + width] if i + width < len(text) else "\n"
    opens = before in _OPENERS_BEFORE or before in STRAIGHT
    closes = after in _CLOSERS_AFTER or after in STRAIGHT
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def _paragraphs(text: str):
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            yield start, end
        start = end + 1


def find_quoted(text: str) -> list[tuple[int, int, int, bool]]:
    """Inner spans of top-level quotations: ``(start, end, run, closed)``.

    Double marks (straight or curly) are paired within a paragraph; single marks count only
    outside double ones, and only when a closing mark is found (apostrophes look the same).
    A paragraph ending inside a quotation closes it there; when the next paragraph reopens a
    quotation the two belong to the same run (a multi-paragraph quote).
    """
    found: list[tuple[int, int, int, bool]] = []
    run = 0
    carry = False
    for p_start, p_end in _paragraphs(text):
        if not carry:
            run += 1
        carry = False
        open_at: int | None = None
        single_at: int | None = None
        for mark in _MARKS.finditer(text, p_start, p_end):
            i, ch = mark.start(), mark.group()
            doubled = ch == "''"
            if ch == '"' or ch in OPEN_DOUBLE or ch in CLOSE_DOUBLE or doubled:
                way = ("open" if ch in OPEN_DOUBLE else "close" if ch in CLOSE_DOUBLE
                       else _direction(text, i, 2 if doubled else 1))
                ch = '"' if doubled else ch
                if single_at is not None:
                    continue
                if open_at is None:
                    if way != "close":
                        open_at = i
                elif way == "open" and ch == '"' and i - open_at > 1:
                    open_at = i  # the earlier straight mark never closed; restart here
                elif way != "open" or ch == '"':
                    found.append((open_at + 1, i, run, True))
                    run += 1
                    open_at = None
            elif open_at is None and (ch == "'" or ch in OPEN_SINGLE or ch in CLOSE_SINGLE):
                way = "open" if ch in OPEN_SINGLE else _direction(text, i)
                if ch in CLOSE_SINGLE and way == "either":
                    way = "close"
                if single_at is None and way == "open" and ch != "’":
                    single_at = i
                elif single_at is not None and way == "close" and i - single_at > 1:
                    found.append((single_at + 1, i, run, True))
                    run += 1
                    single_at = None
        if open_at is not None and p_end - open_at > 1:
            found.append((open_at + 1, p_end, run, False))
            following = text[p_end:].lstrip()
            carry = bool(following) and (following[0] in OPEN_DOUBLE or following[0] == '"'
                                         or following.startswith("''"))
    return found


# ---------------------------------------------------------------------------------------------
# Parse helpers


class _Tree:
    """Per-parse indexes: children, subtree edges, sentence of each token, token starts."""

    def __init__(self, parse: Parse):
        tokens = parse.tokens
        n = len(tokens)
        self.parse = parse
        self.tokens = tokens
        self.starts = [t.start for t in tokens]
        self.children: list[list[int]] = [[] for _ in range(n)]
        self.left = list(range(n))
        self.right = list(range(n))
        for t in tokens:
            if t.head != t.i and 0 <= t.head < n:
                self.children[t.head].append(t.i)
        # Subtree edges bottom-up from the roots (a token in a malformed head cycle keeps its own edges).
        order = [t.i for t in tokens if not (t.head != t.i and 0 <= t.head < n)]
        for node in order:
            order.extend(self.children[node])
        left, right = self.left, self.right
        for node in reversed(order):
            kids = self.children[node]
            if kids:
                left[node] = min(left[node], *(left[c] for c in kids))
                right[node] = max(right[node], *(right[c] for c in kids))
        self.paragraph = [0] * n
        # Paragraphs, further cut where the parser ran two sentences together ("a post on X. She called").
        self.segment = [0] * n
        text = parse.text
        for t in tokens[1:]:
            previous = tokens[t.i - 1]
            new_paragraph = "\n" in text[previous.start:t.start]
            self.paragraph[t.i] = self.paragraph[t.i - 1] + new_paragraph
            self.segment[t.i] = self.segment[t.i - 1] + (new_paragraph or (
                t.text in SENTENCE_PRONOUNS and len(previous.text) > 1 and previous.text.endswith(".")
                and previous.end < t.start))
        self.sentence = [0] * n
        self.sentences = list(parse.sentences) or [(0, n)]
        for index, (s, e) in enumerate(self.sentences):
            for i in range(s, min(e, n)):
                self.sentence[i] = index

    def within_paragraph(self, i: int, node: int) -> bool:
        """Whether ``node`` is in the paragraph (segment) of token ``i`` (its subtree is clipped to it later)."""
        return self.segment[node] == self.segment[i]

    def clip(self, i: int, a: int, b: int) -> tuple[int, int]:
        """Tokens ``[a, b)`` limited to the paragraph (segment) of token ``i``, without a leading dateline."""
        p = self.segment[i]
        while a < b and self.segment[a] != p:
            a += 1
        while b > a and self.segment[b - 1] != p:
            b -= 1
        if a < b and (a == 0 or self.segment[a - 1] != p) and self.tokens[a].text.isupper():
            dash = next((j for j in range(a + 1, min(b, a + 16)) if self.tokens[j].text in DASHES), None)
            if dash is not None and dash < i:
                a = dash + 1
        return a, b

    def child(self, i: int, *deps: str) -> int | None:
        return next((c for c in self.children[i] if self.tokens[c].dep in deps), None)

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """Tokens lying inside characters ``[start, end)``."""
        a = bisect.bisect_left(self.starts, start)
        b = bisect.bisect_left(self.starts, end)
        return a, b

    def char_span(self, a: int, b: int) -> Span | None:
        """Span of tokens ``[a, b)`` with punctuation and quote marks trimmed off both ends."""
        text = self.parse.text
        if b <= a:
            return None
        s, e = self.tokens[a].start, self.tokens[b - 1].end
        while s < e and text[s] in _TRIM:
            s += 1
        while e > s and text[e - 1] in _TRIM:
            e -= 1
        return Span(s, e, text[s:e]) if e > s else None


def _balance(text: str, span: Span) -> Span:
    """Extend a span by the closing mark of a quotation it opens (mixed quotes end inside marks)."""
    inner = span.text
    unclosed = inner.count('"') % 2 == 1 or inner.count("“") > inner.count("”")
    if unclosed and span.end < len(text) and text[span.end] in "\"”":
        return Span(span.start, span.end + 1, text[span.start:span.end + 1])
    return span


def _trim(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return Span(start, end, text[start:end]) if end > start else None


# ---------------------------------------------------------------------------------------------
# Cues and their content


@dataclass(eq=False)
class _Attr:
    cue: tuple[int, int]  # token range of the cue
    speaker: int | None  # head token of the source
    speaker_range: tuple[int, int] | None
    content: tuple[int, int] | None  # token range of reported content
    clause: bool = True  # content is a clause (can be a direct quotation) rather than a phrase
    frames: frozenset[str] = field(default_factory=frozenset)
    medium: Span | None = None
    gap: tuple[int, int] | None = None  # the cue phrase, when it interrupts the content


def _cue_frames(tree: _Tree, i: int, lex: Lexicon) -> tuple[tuple[int, int], frozenset[str]] | None:
    tok = tree.tokens[i]
    entry = lex.phrases.get(tok.lower)
    if entry:
        rest, frames = entry
        following = tuple(t.lower for t in tree.tokens[i + 1:i + 1 + len(rest)])
        if following == rest:
            return (i, i + 1 + len(rest)), frames
    frames = lex.cues.get(tok.lemma.lower(), frozenset())
    if tok.pos == "VERB" and frames - {"nominal"}:
        return (i, i + 1), frames - {"nominal"}
    if tok.pos == "NOUN" and "nominal" in frames:
        return (i, i + 1), frozenset({"nominal"})
    return None


def _subject(tree: _Tree, i: int) -> int | None:
    """The source of cue verb ``i``: its subject, or that of the verb it hangs from."""
    node = i
    for _ in range(4):
        tok = tree.tokens[node]
        if tok.dep == "nsubjpass" or any(tree.tokens[c].dep == "auxpass" for c in tree.children[node]):
            agent = tree.child(node, "agent")
            return tree.child(agent, "pobj") if agent is not None else None
        # The subject nearest the verb: a dateline parsed as a second subject lies further out.
        subj = min((c for c in tree.children[node] if tree.tokens[c].dep in ("nsubj", "csubj")),
                   key=lambda c: abs(c - node), default=None)
        if subj is not None:
            if tree.tokens[subj].lower in RELATIVE_PRONOUNS and tok.dep == "relcl":
                return tok.head
            if tree.segment[subj] != tree.segment[node]:  # a parse run across paragraphs: a dateline, a title
                return _noun_before(tree, node)
            return subj
        if tok.dep == "relcl" or (tok.dep == "acl" and tree.tokens[tok.head].pos in ("NOUN", "PROPN", "PRON")):
            return tok.head
        if tok.dep == "pcomp" and tree.tokens[tok.head].dep == "prep":  # "He ... by telling them that ..."
            return tree.child(tree.tokens[tok.head].head, "nsubj")
        if tok.dep in ("conj", "advcl", "xcomp") and tok.head != node:
            node = tok.head
            continue
        return None
    return None


def _noun_before(tree: _Tree, i: int) -> int | None:
    """``In a meeting with the board Trump said ...``: the noun the parse took for an object, right before the cue."""
    j = i - 1
    while j >= 0 and tree.tokens[j].pos in ("ADV", "AUX", "PART"):
        j -= 1
    if j > 0 and tree.tokens[j].text == "," and tree.tokens[j - 1].dep == "appos":  # "his party, the UNM, said"
        j -= 1
    if j < 0 or tree.tokens[j].pos not in ("PROPN", "NOUN", "PRON") or tree.sentence[j] != tree.sentence[i]:
        return None
    if tree.tokens[j].dep not in ("pobj", "dobj", "conj", "appos", "npadvmod"):
        return None
    # "<content>, residents and a local group said": climb the coordination to the comma that opens it.
    while tree.tokens[j].head < j and tree.segment[tree.tokens[j].head] == tree.segment[j] and (
            tree.tokens[j].dep == "appos" or (
            tree.tokens[j].dep == "conj" and tree.left[j] > 0 and tree.tokens[tree.left[j] - 1].text != ",")):
        j = tree.tokens[j].head
    return j


def _np_range(tree: _Tree, head: int, blocked: set[int]) -> tuple[int, int]:
    """The noun phrase of ``head``: its subtree minus relative clauses and anything blocked."""
    a, b = tree.clip(head, tree.left[head], tree.right[head] + 1)
    if tree.tokens[head].pos == "PRON":
        a = head
    for c in tree.children[head]:
        if tree.tokens[c].dep in ("relcl", "acl") and c > head:
            b = min(b, tree.left[c])
    while a < head and (a in blocked or tree.tokens[a].pos == "PUNCT"):
        a += 1
    end = b
    for j in range(head + 1, b):
        if j in blocked:
            end = j
            break
    b = end
    while b - 1 > head and tree.tokens[b - 1].pos == "PUNCT":
        b -= 1
    return a, b


def _around(tree: _Tree, clause: int, gap_a: int, gap_b: int) -> tuple[int, int, bool, tuple[int, int] | None]:
    """The subtree of ``clause`` without the tokens ``[gap_a, gap_b)`` of the cue phrase inside it."""
    a, b = tree.left[clause], tree.right[clause] + 1
    while b > gap_b and tree.tokens[b - 1].pos in ("PUNCT", "SPACE"):
        b -= 1
    if gap_b >= b:
        return a, gap_a, True, None
    if gap_a <= a:
        return gap_b, b, True, None
    return a, b, True, (gap_a, gap_b)


def _content(tree: _Tree, i: int, frames: frozenset[str], lex: Lexicon):
    """Token range ``(a, b, is_clause, gap)`` of the reported content of cue ``i``.

    ``gap`` is the token range of the cue phrase when it interrupts the content
    ("The talks, officials said, failed.").
    """
    tokens = tree.tokens
    kids = [c for c in tree.children[i] if tree.within_paragraph(i, c)]
    if "nominal" in frames:  # "his claim that ...": only a that-clause is content
        clause = next((c for c in kids if c > i and tokens[c].dep in ("acl", "ccomp", "relcl")
                       and tokens[tree.left[c]].lower == "that" and tokens[tree.left[c]].dep == "mark"), None)
        return (tree.left[clause], tree.right[clause] + 1, True, None) if clause is not None else None
    if "according" in frames:
        clause = tokens[i].head
        if clause == i:
            return None
        return _around(tree, clause, tree.left[i], tree.right[i] + 1)
    clauses = [c for c in kids if tokens[c].dep == "ccomp"]
    # Of two clause objects one is a misparse; the one after the cue is the content.
    clause = next((c for c in clauses if c > i), clauses[0]) if len(clauses) > 1 else next(iter(clauses), None)
    if clause is None and "say" in frames:
        clause = _that_clause_on_object(tree, i) or _unmarked_clause(tree, i)
    if clause is not None and tokens[clause].pos in ("NOUN", "PROPN"):
        # "declared X the winner" with X taken for a clause: the naming runs on to the object.
        named = tree.child(i, "dobj", "oprd")
        end = tree.right[named] + 1 if named is not None and named > clause else tree.right[clause] + 1
        return tree.left[clause], end, False, None
    if clause is not None and "evidence" not in frames or (clause is not None and _is_document(tree, i, lex)):
        return tree.left[clause], tree.right[clause] + 1, True, None
    if "appeal" in frames:
        inf = next((c for c in kids if tokens[c].dep == "xcomp" and any(
            tokens[g].lower == "to" for g in tree.children[c])), None)
        if inf is None:
            inf = _infinitive_after_medium(tree, i, kids, lex)
            if inf is not None:
                return tree.left[inf], tree.right[inf] + 1, False, None
        if inf is not None:
            obj = next((c for c in kids if i < c < inf and (tokens[c].dep in ("dobj", "pobj") or (
                tokens[c].dep == "prep" and _addressee(tree, c)))), None)
            a = tree.left[inf] if obj is None else obj + 1 if tokens[obj].dep == "prep" else tree.left[obj]
            return a, tree.right[inf] + 1, False, None
    if "naming" in frames:
        obj = tree.child(i, "dobj")
        name = next((c for c in kids if tokens[c].dep in ("oprd", "xcomp", "ccomp") and obj is not None and c > obj),
                    None)
        if name is not None and obj < i and tokens[obj].lower in RELATIVE_PRONOUNS:
            return tree.left[name], tree.right[name] + 1, False, None  # "whom Beijing calls a separatist"
        if name is not None:
            return tree.left[obj], tree.right[name] + 1, False, None
    for frame in frames:
        if frame.startswith("prep:"):
            preps = frame[5:].split("|")
            prep = next((c for c in kids if tokens[c].dep == "prep" and tokens[c].lower in preps
                         and c > i and tree.right[c] > c), None)
            accused = tree.child(i, "dobj")
            if prep is None and accused is not None and accused > i:  # the parse hung "of Y" on X: "accused X of Y"
                prep = next((c for c in tree.children[accused] if tokens[c].dep == "prep"
                             and tokens[c].lower in preps and tree.right[c] > c), None)
            if prep is not None:
                # "accused X of Y": the charge and whom it is about.
                obj = next((c for c in kids if tokens[c].dep == "dobj" and c < prep), None)
                a = tree.left[obj] if obj is not None and tokens[obj].pos != "PRON" else prep + 1
                return a, tree.right[prep] + 1, False, None
    if "evidence" in frames and _is_document(tree, i, lex) and tree.right[i] > i + 1:
        return i + 1, tree.right[i] + 1, False, None
    if "object" in frames:
        obj = tree.child(i, "dobj")
        # "denied it", "condemned the attack" only react to something; a described thing or a name is content.
        if obj is not None and (tree.right[obj] > obj or tree.right[obj] - tree.left[obj] >= 2
                                or tokens[obj].pos == "PROPN"):
            return tree.left[obj], tree.right[obj] + 1, False, None
        gerund = next((c for c in kids if c > i and tokens[c].dep == "xcomp" and tokens[c].tag == "VBG"), None)
        if obj is None and gerund is not None:  # "denied seeking weapons", "proposed doing away with"
            return tree.left[gerund], tree.right[gerund] + 1, False, None
    tok = tokens[i]
    left = tree.left[i]
    set_off = tok.dep == "parataxis" or (tok.dep == "ccomp" and left > 0 and tokens[left - 1].text == ",")
    if set_off and frames & {"say", "belief"} and tree.within_paragraph(i, tok.head):
        return _around(tree, tok.head, tree.left[i], tree.right[i] + 1)
    return None


def _addressee(tree: _Tree, prep: int) -> bool:
    """Whether ``prep`` names whom an appeal is addressed to ("called on X to"), not when or how ("on Tuesday")."""
    obj = tree.child(prep, "pobj")
    return (obj is not None and tree.tokens[prep].lower in ADDRESSEE_PREPOSITIONS
            and tree.tokens[obj].ent_type not in ("DATE", "TIME") and tree.tokens[obj].pos in ("NOUN", "PROPN", "PRON"))


def _infinitive_after_medium(tree: _Tree, i: int, kids: list[int], lex: Lexicon) -> int | None:
    """``threatened in a video posted online to fight ...``: the parse hung the to-infinitive inside the medium."""
    tokens = tree.tokens
    for prep in kids:
        obj = tree.child(prep, "pobj") if tokens[prep].dep == "prep" and prep > i else None
        if obj is None or tokens[prep].lower not in MEDIUM_PREPOSITIONS or tokens[obj].lemma.lower() not in lex.channels:
            continue
        for j in range(obj + 1, tree.right[prep] + 1):
            if (tokens[j].tag == "VB" and tokens[j].dep in ("advcl", "xcomp")
                    and any(tokens[g].lower == "to" and g < j for g in tree.children[j])):
                return j
    return None


def _that_clause_on_object(tree: _Tree, i: int) -> int | None:
    """``told X that ...`` parsed as a relative clause of X: its ``that`` is a conjunction, not a pronoun."""
    obj = tree.child(i, "dobj", "dative")
    if obj is None:
        return None
    clause = tree.child(obj, "relcl")
    if clause is None:
        return None
    first = tree.tokens[tree.left[clause]]
    return clause if first.lower == "that" and first.dep == "mark" else None


def _unmarked_clause(tree: _Tree, i: int) -> int | None:
    """``said after the vote he would ...``: a clause with its own subject and no conjunction after the cue."""
    for c in tree.children[i]:
        kids = [tree.tokens[g].dep for g in tree.children[c]]
        if (c > i and tree.tokens[c].dep == "advcl" and "nsubj" in kids and "mark" not in kids
                and tree.tokens[tree.left[c]].dep != "advmod"):
            return c
    return None


def _skip_lead(tree: _Tree, a: int, b: int) -> int:
    """Drop a leading conjunction and a leading modifier set off by a comma ("And", "As it stands,")."""
    tokens = tree.tokens
    while a < b:
        if tokens[a].dep in ("cc", "punct") or tokens[a].pos == "SPACE":
            a += 1
            continue
        node = a
        while (a <= tokens[node].head < b and tokens[node].head != node and tree.left[tokens[node].head] == a
               and tokens[tree.right[tokens[node].head]].text != ","
               and tree.right[tokens[node].head] + 1 < b and tree.right[tokens[node].head] < tree.right[node] + 30):
            head = tokens[node].head
            if any(tokens[j].text == "," for j in range(tree.right[node] + 1, tree.right[head] + 1)):
                break
            node = head
        end = tree.right[node] + 1
        if tokens[node].dep in ("advcl", "prep", "advmod", "npadvmod") and end < b and tokens[end].text == ",":
            a = end + 1
            continue
        return a
    return a


def _before_medium(tree: _Tree, a: int, b: int, lex: Lexicon) -> int:
    """End of a phrase content before a medium phrase the parse hung on it ("responsibility in a statement")."""
    tokens = tree.tokens
    for j in range(a + 1, b):
        obj = tree.child(j, "pobj") if tokens[j].dep == "prep" else None
        if (obj is not None and tokens[j].lower in MEDIUM_PREPOSITIONS
                and (tokens[obj].lemma.lower() in lex.channels or tokens[obj].lower in lex.platforms)):
            return j
    return b


def _is_document(tree: _Tree, i: int, lex: Lexicon) -> bool:
    """Whether the source of cue ``i`` is a document ("the poll found", "data showing")."""
    subj = _subject(tree, i)
    return subj is not None and tree.tokens[subj].lemma.lower() in lex.documents


def _medium(tree: _Tree, i: int, sentence: tuple[int, int], lex: Lexicon, blocked: set[int]) -> Span | None:
    tokens = tree.tokens
    if tokens[i].lemma.lower() == "tell":
        obj = tree.child(i, "dobj", "dative")
        if obj is not None:
            a, b = _np_range(tree, obj, blocked)
            name = " ".join(t.lower for t in tokens[a:b])
            if name in lex.outlets or name.removeprefix("the ") in lex.outlets:
                return tree.char_span(i, b)
    candidates = [c for c in tree.children[i] if tokens[c].dep == "prep"]
    candidates += [j for j in range(*sentence) if tokens[j].dep == "prep" and j not in blocked
                   and j not in candidates]
    for prep in candidates:
        obj = tree.child(prep, "pobj")
        if obj is None or tokens[prep].lower not in MEDIUM_PREPOSITIONS:
            continue
        lemma = tokens[obj].lemma.lower()
        platform = " ".join(t.lower for t in tokens[tree.left[obj]:obj + 1]).removeprefix("the ")
        if lemma in lex.channels:
            end = obj + 1
            sub = next((c for c in tree.children[obj] if tokens[c].dep == "prep" and tokens[c].lower in ("on", "via")
                        and (tree.child(c, "pobj") is not None
                             and tokens[tree.child(c, "pobj")].lower in lex.platforms)), None)
            if sub is not None:
                end = tree.right[sub] + 1
            return tree.char_span(prep, end)
        if tokens[prep].lower in ("on", "via") and (lemma in lex.platforms or platform in lex.platforms):
            return tree.char_span(prep, obj + 1)
    return None


def _dash_speaker(tree: _Tree, after: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """``"..." -- Name``: the dash token range and the name's token range."""
    tokens = tree.tokens
    j = after
    while j < len(tokens) and tokens[j].text in ('"', "”", "’", "'", ","):
        j += 1
    # The tokenizer may glue the closing mark to the dash ("”―").
    if j >= len(tokens) or tokens[j].text.lstrip("\"”’'") not in DASHES:
        return None
    a = j + 1
    while a < len(tokens) and tokens[a].pos == "SPACE" and "\n" not in tokens[a].text:  # "―\u00a0Name"
        a += 1
    k = a
    while k < len(tokens) and tokens[k].pos == "PROPN" and k - a < 5:
        k += 1
    if k == a:
        return None
    return (j, j + 1), (a, k)


# ---------------------------------------------------------------------------------------------
# Assembly


def _find_attrs(tree: _Tree, lex: Lexicon, quoted: list[int]) -> list[_Attr]:
    attrs: list[_Attr] = []
    skip_until = -1
    for i, tok in enumerate(tree.tokens):
        if i < skip_until or quoted[i] >= 0:
            continue
        found = _cue_frames(tree, i, lex)
        if not found:
            continue
        cue, frames = found
        glued = None
        skip_until = cue[1]
        if "according" in frames:
            to = cue[1] - 1
            speaker = tree.child(to, "pobj") if to < len(tree.tokens) else None
        elif "nominal" in frames:
            speaker = tree.child(i, "poss")
        else:
            speaker = _subject(tree, i)
            if speaker is None and "say" in frames:
                speaker = _noun_before(tree, i)
                glued = speaker if speaker is not None and speaker < i else None
        if speaker is None or quoted[speaker] >= 0 or _performs_act(tree, i, lex):
            continue
        if tok.dep == "acl" and tree.tokens[speaker].lemma.lower() in lex.signs:  # "a banner saying": see _signs
            continue
        if "evidence" in frames and not _is_document(tree, i, lex):
            frames = frames - {"evidence"}
            if not frames:
                continue
        found_content = _content(tree, i, frames, lex)
        content, clause, gap = None, True, None
        if found_content is not None:
            a, b, clause, gap = found_content
            a, b = tree.clip(i, a, b)
            if glued is not None and a < tree.left[glued] < b:  # the source the parse glued onto the content
                b = tree.left[glued]
            a = _skip_lead(tree, a, gap[0] if gap else b)
            if not clause:
                b = _before_medium(tree, a, b, lex)
            negated = not clause and tree.child(i, "neg") is not None
            named = b - a == 1 and not clause and tree.tokens[a].pos == "PROPN"  # "endorsed Clinton"
            if (b - a >= 2 or named) and not negated and (not a <= i < b or (gap and gap[0] <= i < gap[1])):
                content = (a, b)
        if content is None and "say" in frames:
            content = _before_set_off_source(tree, i, speaker)
        blocked = set(range(*content)) - set(range(*gap)) if content and gap else set(range(*content or (0, 0)))
        blocked.update(range(*cue))
        speaker_range = _np_range(tree, speaker, blocked)
        sentence = tree.sentences[tree.sentence[i]]
        medium = _medium(tree, i, sentence, lex, blocked | {j for j in range(*sentence) if quoted[j] >= 0})
        if medium is None and tree.tokens[speaker].lemma.lower() in lex.channels:
            medium = tree.char_span(*speaker_range)
        attrs.append(_Attr(cue, speaker, speaker_range, content, clause, frames, medium, gap))
    # A phrase attribution inside the clause someone else reports ("said that he welcomed the victory")
    # is part of that report, not a statement of its own.
    clauses = [x.content for x in attrs if x.clause and x.content]
    attrs = [x for x in attrs if (x.clause and x.frames - {"belief"}) or not any(a <= x.cue[0] < b for a, b in clauses)]
    attrs.extend(_labels(tree, lex))
    attrs.extend(_document_settings(tree, lex, quoted))
    attrs.sort(key=lambda x: x.cue[0])
    return attrs


def _performs_act(tree: _Tree, i: int, lex: Lexicon) -> bool:
    """``declared an emergency``, ``announced a state of war``: a formal act done by saying it, not a statement."""
    tokens = tree.tokens
    if tokens[i].lemma.lower() not in lex.decrees:
        return False
    obj = tree.child(i, "dobj")
    if obj is None or tree.child(obj, "oprd", "acl", "relcl") is not None:  # "declared the vote void" names
        return False
    of = next((c for c in tree.children[obj] if tokens[c].lower == "of" and tokens[c].dep == "prep"), None)
    inner = tree.child(of, "pobj") if of is not None and tokens[obj].lemma.lower() == "state" else None
    return tokens[inner if inner is not None else obj].lemma.lower() in lex.acts


def _before_set_off_source(tree: _Tree, i: int, speaker: int) -> tuple[int, int] | None:
    """``<content>, police said.`` when the parse did not hang the content on the cue."""
    left = min(tree.left[speaker], i)
    if left == 0 or tree.tokens[left - 1].text != "," or speaker > i:
        return None
    a, b = tree.clip(i, tree.sentences[tree.sentence[i]][0], left - 1)
    clause = any(t.pos in ("VERB", "AUX") for t in tree.tokens[a:b])
    return (a, b) if b - a >= 3 and clause else None


def _labels(tree: _Tree, lex: Lexicon):
    """``Name: text`` lines (transcripts, headlines such as "Poll: ..."): the name's words."""
    tokens = tree.tokens
    for p_start, p_end in _paragraphs(tree.parse.text):
        a, b = tree.token_range(p_start, p_end)
        quoted = a < b and tokens[a].text in ('"', "“")  # a transcript inside a multi-paragraph quotation
        if quoted:
            a += 1
        colon = next((k for k in range(a + 1, min(b, a + 5)) if tokens[k].text == ":"), None)
        if colon is None or b - colon < 4:
            continue
        label = tokens[a:colon]
        if all((t.pos == "PROPN" or t.lemma.lower() in lex.documents) and t.lower not in lex.not_speakers
               for t in label):
            frames = frozenset({"say", "label"} if quoted else {"say"})
            yield _Attr((colon, colon + 1), colon - 1, (a, colon), (colon + 1, b), True, frames)


def _document_settings(tree: _Tree, lex: Lexicon, quoted: list[int]):
    """``In the latest poll, Clinton led by five points``: the document is the source of its main clause."""
    tokens = tree.tokens
    for t in tokens:
        head = tokens[t.head]
        if (t.lower != "in" or t.dep != "prep" or head.dep != "ROOT" or head.i < t.i or quoted[t.i] >= 0
                or head.lemma.lower() in lex.cues):
            continue
        source = tree.child(t.i, "pobj")
        if source is None or tokens[source].lemma.lower() not in lex.documents:
            continue
        a, b, _, gap = _around(tree, head.i, tree.left[t.i], tree.right[t.i] + 1)
        a, b = tree.clip(t.i, a, b)
        a = _skip_lead(tree, a, gap[0] if gap else b)
        if b - a >= 3:
            blocked = set(range(a, b))
            yield _Attr((t.i, t.i + 1), source, _np_range(tree, source, blocked), (a, b), True,
                        frozenset({"evidence"}), None, gap)


def _signs(tree: _Tree, lex: Lexicon, pieces: list[_Piece]):
    """``protesters carrying banners reading "..."``: a slogan on a sign, said by whoever bears the sign."""
    tokens = tree.tokens
    for piece in pieces:
        k = piece.tokens[0] - 1
        while k >= 0 and piece.tokens[0] - k <= 2 and tokens[k].pos == "PUNCT":
            k -= 1
        end = k + 1
        while k >= 0 and end - k <= 6 and (tokens[k].lemma.lower() in lex.sign_cues or tokens[k].lower in SIGN_JOINERS):
            k -= 1
        start = k + 1
        while start < end and tokens[start].lower in ("that", "which", "were", "was", "is", "are"):
            start += 1
        if k < 0 or start >= end or tokens[k].pos != "NOUN" or tokens[k].lemma.lower() not in lex.signs or not any(
                tokens[j].lemma.lower() in lex.sign_cues for j in range(start, end)):
            continue
        source = _bearer(tree, k)
        blocked = set(range(k, piece.tokens[1]))
        source_range = _np_range(tree, source, blocked) if source is not None else None
        yield _Attr((start, end), source, source_range, piece.tokens, True, frozenset({"say", "sign"}))


def _bearer(tree: _Tree, sign: int) -> int | None:
    """Who carries, holds or shows the sign: the subject of the verb taking it, or the noun it hangs from."""
    tokens = tree.tokens
    node = sign
    while tokens[node].dep in ("conj", "appos", "compound") and tokens[node].head != node:
        node = tokens[node].head
    head = tokens[node].head
    if tokens[node].dep == "pobj" and tokens[head].lower == "with":  # "protesters with placards"
        node, head = head, tokens[head].head
    if tokens[node].dep not in ("dobj", "prep") or head == node:
        return None
    if tokens[head].pos in ("NOUN", "PROPN", "PRON"):
        source = head
    elif tokens[head].dep == "acl" and tokens[head].head != head:  # "many carrying banners"
        source = tokens[head].head
    else:
        source = _subject(tree, head)
    if source is not None and tokens[source].lower in PARTITIVES and source >= 2 and tokens[source - 1].text == ",":
        group = source - 2
        if tokens[group].pos in ("NOUN", "PROPN") and tree.sentence[group] == tree.sentence[source]:
            source = group
    if source is None or tokens[source].pos not in ("NOUN", "PROPN", "PRON"):
        return None
    return source


def _unquoted_words(text: str, span: Span, pieces: list[_Piece]) -> bool:
    """Whether part of ``span`` outside quote marks has words ('that "..."' is mixed, not direct)."""
    position = span.start
    for piece in sorted(pieces, key=lambda p: p.start):
        if any(ch.isalnum() for ch in text[position:min(span.end, max(position, piece.start))]):
            return True
        position = max(position, piece.end)
    return any(ch.isalnum() for ch in text[position:span.end])


def attributions(parse: Parse, doc_id: str, actors: Sequence[Actor] = (), events: Sequence[Event] = (),
                 lexicon: Lexicon | None = None) -> tuple[Attribution, ...]:
    """Quotes with the spans of their cue and source, in text order (``find_quotes`` keeps the quotes)."""
    lex = lexicon or load_lexicon()
    text = parse.text
    if not parse.tokens:
        return ()
    tree = _Tree(parse)
    pieces: list[_Piece] = []
    for start, end, run, closed in find_quoted(text):
        a, b = tree.token_range(start, end)
        if b > a:
            pieces.append(_Piece(start, end, run, closed, (a, b)))
    quoted = [-1] * len(tree.tokens)
    for index, piece in enumerate(pieces):
        for j in range(*piece.tokens):
            quoted[j] = index

    attrs = _find_attrs(tree, lex, quoted)
    attrs.extend(_signs(tree, lex, pieces))
    attrs.sort(key=lambda x: x.cue[0])
    results = _reported(tree, attrs, pieces)
    results.extend(_quotations(tree, attrs, pieces, quoted))
    results.extend(_signed_paragraphs(tree, pieces))
    results.sort(key=lambda r: (r[2].start, r[2].end))
    return _build(tree, doc_id, results, actors, events)


def _reported(tree: _Tree, attrs: list[_Attr], pieces: list[_Piece]) -> list[tuple[_Attr, str, Span]]:
    """Indirect and mixed quotes from cue contents; quotations making up most of a content become its own."""
    text = tree.parse.text
    results = []
    for attr in attrs:
        if attr.content is None:
            continue
        a, b = attr.content
        parts = [(a, attr.gap[0]), (attr.gap[1], b)] if attr.gap else [(a, b)]
        spans = [span for span in (tree.char_span(*part) for part in parts) if span is not None]
        if not spans:
            continue
        inside = [p for p in pieces if any(p.start < span.end and p.end > span.start for span in spans)]
        if "label" in attr.frames:  # the quotation holds the label too: its words are the label's text only
            for p in inside:
                p.owner, p.in_mixed = attr, True
            results.extend((attr, "direct", span) for span in spans)
            continue
        if inside and attr.clause and not any(_unquoted_words(text, span, inside) for span in spans):
            for p in inside:
                if p.owner is None:
                    p.owner = attr
            continue
        mixed = bool(inside) and "belief" not in attr.frames
        for p in inside if mixed else ():
            p.in_mixed = True
        for span in spans:
            results.append((attr, "mixed", _balance(text, span)) if mixed else (attr, "indirect", span))
    return results


def _quotations(tree: _Tree, attrs: list[_Attr], pieces: list[_Piece], quoted: list[int]):
    """Direct (and fragment) quotes from quote marks, each given the source that introduces it."""
    text = tree.parse.text
    results = []
    by_run: dict[int, _Attr] = {}
    for piece in pieces:
        if piece.owner is not None:
            by_run.setdefault(piece.run, piece.owner)
    direct_attrs = [a for a in attrs if "belief" not in a.frames and "evidence" not in a.frames]
    paragraph_starts = [s for s, _ in _paragraphs(text)]

    def paragraph_of(char: int) -> int:
        return bisect.bisect_right(paragraph_starts, char) - 1

    # The last source named in each paragraph: a bare quote paragraph after it continues that source.
    last_source: dict[int, tuple[int, _Attr]] = {}
    for attr in direct_attrs:
        char = tree.tokens[attr.cue[0]].start
        last_source[paragraph_of(char)] = (char, attr)
    latest: dict[int, _Attr] = {}  # the last speaker of each run so far (transcripts change speaker in a run)
    for piece in pieces:
        if piece.in_mixed:
            if piece.owner is not None:
                latest[piece.run] = piece.owner
            continue
        paragraph = paragraph_of(piece.start)
        if piece.owner is None:
            piece.owner = _nearby_cue(tree, piece, direct_attrs, quoted)
        if piece.owner is None:
            dash = _dash_speaker(tree, piece.tokens[1])
            if dash is not None:
                (ca, cb), (sa, sb) = dash
                piece.owner = _Attr((ca, cb), sb - 1, (sa, sb), None)
        if piece.owner is None and piece.run in by_run:
            piece.owner = latest.get(piece.run, by_run[piece.run])
        previous = last_source.get(paragraph - 1)
        if (piece.owner is None and previous is not None
                and text[paragraph_starts[paragraph]:piece.start].strip() in ("", '"', "“", "‘", "'")
                and piece.tokens[1] - piece.tokens[0] >= MIN_UNATTRIBUTED_TOKENS):
            piece.owner = previous[1]
        if piece.owner is not None:
            by_run.setdefault(piece.run, piece.owner)
            latest[piece.run] = piece.owner
            if last_source.get(paragraph, (-1, None))[0] <= piece.start:
                last_source[paragraph] = (piece.start, piece.owner)
    for piece in pieces:
        if piece.in_mixed:
            continue
        # A quotation split around its cue is one utterance: judge its parts together.
        parts = [piece] if piece.owner is None else [
            p for p in pieces if p.owner is piece.owner and not p.in_mixed
            and tree.sentence[p.tokens[0]] == tree.sentence[piece.tokens[0]]]
        size = sum(p.tokens[1] - p.tokens[0] for p in parts)
        utterance = size >= MIN_FRAGMENT_TOKENS and any(
            tree.tokens[j].pos in ("VERB", "AUX") for p in parts for j in range(*p.tokens))
        utterance = utterance or (piece.owner is not None and "sign" in piece.owner.frames)
        if piece.owner is None and (not utterance or size < MIN_UNATTRIBUTED_TOKENS):
            continue
        span = _trim(text, piece.start, piece.end)
        if span is not None:
            results.append((piece.owner, "direct" if utterance else "mixed", span))
    return results


def _signed_paragraphs(tree: _Tree, pieces: list[_Piece]):
    """Paragraphs without quote marks that end with "-- Name": the name's own words."""
    text = tree.parse.text
    for p_start, p_end in _paragraphs(text):
        if any(p_start <= piece.start < p_end for piece in pieces):
            continue
        a, b = tree.token_range(p_start, p_end)
        while b > a and tree.tokens[b - 1].pos in ("PUNCT", "SPACE") and tree.tokens[b - 1].text not in DASHES:
            b -= 1
        dash = next((j for j in range(b - 1, max(a, b - 8) - 1, -1) if tree.tokens[j].text in DASHES), None)
        if dash is None or dash == a or not all(tree.tokens[j].pos == "PROPN" for j in range(dash + 1, b)):
            continue
        span = tree.char_span(a, dash)
        if dash + 1 < b and span is not None and dash - a >= MIN_UNATTRIBUTED_TOKENS:
            yield _Attr((dash, dash + 1), b - 1, (dash + 1, b), None), "direct", span


def _nearby_cue(tree: _Tree, piece: _Piece, attrs: list[_Attr], quoted: list[int]) -> _Attr | None:
    """A cue with a source in the quote's sentence(s), else in the next or previous sentence."""
    a, b = piece.tokens
    first, last = tree.sentence[a], tree.sentence[b - 1]
    after = b
    while after < len(tree.tokens) and tree.tokens[after].pos == "PUNCT":
        after += 1
    if after < len(tree.tokens) and tree.paragraph[after] == tree.paragraph[b - 1]:
        last = max(last, tree.sentence[after])
    before = a - 1
    while before >= 0 and tree.tokens[before].pos == "PUNCT" and tree.tokens[before].text not in (":",):
        before -= 1

    def candidates(lo: int, hi: int) -> list[_Attr]:
        return [x for x in attrs if lo <= tree.sentence[x.cue[0]] <= hi and x.speaker is not None
                and tree.paragraph[x.cue[0]] in (tree.paragraph[a], tree.paragraph[b - 1])
                and quoted[x.cue[0]] < 0 and (x.content is None or not _overlaps(x.content, piece.tokens)
                                              or x.content[0] >= b)]

    def distance(x: _Attr) -> int:
        return min(abs(x.cue[0] - b), abs(a - x.cue[1]))

    own = candidates(first, last)
    if own:
        own = [x for x in own if x.content is None or not (a <= x.content[0] and x.content[1] <= b)] or own
        return min(own, key=distance)
    if before >= 0 and tree.tokens[before].text == ":":
        prev = candidates(tree.sentence[before], tree.sentence[before])
        if prev:
            return min(prev, key=distance)
    if last + 1 < len(tree.sentences):
        nxt = [x for x in candidates(last + 1, last + 1) if x.content is None]
        s, _ = tree.sentences[last + 1]
        if nxt and min(x.cue[0] for x in nxt) - s <= 3 and tree.paragraph[s] == tree.paragraph[b - 1]:
            return min(nxt, key=distance)
    earlier = [x for x in attrs if x.cue[0] < a and x.speaker is not None and quoted[x.cue[0]] < 0
               and tree.paragraph[x.cue[0]] == tree.paragraph[a] and "belief" not in x.frames]
    return max(earlier, key=lambda x: x.cue[0]) if earlier else None


def _overlaps(x: tuple[int, int], y: tuple[int, int]) -> bool:
    return x[0] < y[1] and y[0] < x[1]


def _actor_index(actors: Sequence[Actor]) -> list[tuple[int, int, str]]:
    return sorted((m.start, m.end, a.id) for a in actors for m in a.mentions)


def _actor_at(index: list[tuple[int, int, str]], start: int, end: int) -> str | None:
    best = None
    for m_start, m_end, actor_id in index:
        if m_start >= end:
            break
        covers = m_start <= start < m_end or start <= m_start < end
        if covers and (best is None or m_end - m_start > best[1] - best[0]):
            best = (m_start, m_end, actor_id)
    return best[2] if best else None


def _build(tree: _Tree, doc_id: str, results, actors: Sequence[Actor], events: Sequence[Event]):
    index = _actor_index(actors)
    out: list[Attribution] = []
    seen: set[tuple[int, int]] = set()
    for attr, kind, span in results:
        if (span.start, span.end) in seen:
            continue
        seen.add((span.start, span.end))
        speaker_id = speaker_text = None
        cue_span = speaker_span = None
        cue_text = medium = event_id = None
        if attr is not None:
            cue_span = tree.char_span(*attr.cue) or Span(tree.tokens[attr.cue[0]].start,
                                                         tree.tokens[attr.cue[1] - 1].end,
                                                         tree.parse.text[tree.tokens[attr.cue[0]].start:
                                                                         tree.tokens[attr.cue[1] - 1].end])
            cue_text = cue_span.text
            if attr.speaker_range is not None:
                speaker_span = tree.char_span(*attr.speaker_range)
            if speaker_span is not None:
                speaker_text = speaker_span.text
                head = tree.tokens[attr.speaker]
                speaker_id = _actor_at(index, head.start, head.end) or _actor_at(
                    index, speaker_span.start, speaker_span.end)
            medium = attr.medium.text if attr.medium is not None else None
            event_id = next((e.id for e in events if e.trigger.start < cue_span.end
                             and cue_span.start < e.trigger.end), None)
        quote = Quote(
            id="",
            speaker=speaker_id,
            speaker_text=speaker_text,
            text=span.text,
            start=span.start,
            end=span.end,
            kind=kind,
            cue=cue_text,
            medium=medium,
            event=event_id,
        )
        out.append(Attribution(quote, cue_span, speaker_span))
    return tuple(
        replace(item, quote=replace(item.quote, id=f"{doc_id}:q{n}")) for n, item in enumerate(out, start=1)
    )


def find_quotes(parse: Parse, doc_id: str, actors: Sequence[Actor], events: Sequence[Event],
                lexicon: Lexicon | None = None) -> tuple[Quote, ...]:
    """Quotes of the text with their resolved speakers, cue, medium and speech event."""
    return tuple(
        replace(item.quote, cue_span=item.cue_span, speaker_span=item.speaker_span)
        for item in attributions(parse, doc_id, actors, events, lexicon)
    )
