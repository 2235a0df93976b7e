"""Actor dictionaries: reading our TSV files and PETRARCH/TABARI ones, and matching them over tokens.

A dictionary maps surface forms (token sequences) to :class:`Entry` records. Matching walks a trie of
normalised word pieces, so "al-Shabaab", "U.S." and "Hamas'" match whatever way the tokenizer split them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from .model import Parse

# Kinds of entries. "country", "demonym" and "capital" lend a country; "agent" entries compose with one.
PERSON, ORGANIZATION, GROUP, COUNTRY, DEMONYM, CAPITAL, OTHER = (
    "person", "organization", "group", "country", "demonym", "capital", "other",
)
REFERENCE = "reference"

_PIECE = re.compile(r"\w+|[^\w\s]")
_POSSESSIVE_PIECES = (("'",), ("'", "s"))
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_BUNDLED_FILES = ("countries.tsv", "organizations.tsv", "people.tsv", "agents.tsv", "collectives.tsv")


@dataclass(frozen=True, slots=True)
class Entry:
    """One dictionary entry: a named actor, or an agent noun (``agent`` True) that composes with a country."""

    name: str
    code: str | None
    kind: str
    country: str | None = None
    role: str | None = None
    title: str | None = None
    wikidata: str | None = None
    agent: bool = False
    prefix: bool = False  # agent code goes before the country code (NGO~)
    dated: tuple[tuple[str, str, str], ...] = ()  # (first day, last day, code), ISO dates, "" = open
    valid: tuple[str, str] = ("", "")  # period the entry's title and code hold
    key: str = ""
    user: bool = False  # from a user's file: trusted over the tagger's entity types

    def code_on(self, day: str | None) -> str | None:
        """The code valid on ISO date ``day`` (date-restricted codes first, else the default)."""
        if day and self.dated:
            for first, last, code in self.dated:
                if (not first or day >= first) and (not last or day <= last):
                    return code
        if self.code is None and self.dated and not day:
            return self.dated[-1][2]
        return self.code


def pieces(text: str) -> list[str]:
    """Normalised word pieces of ``text`` (lower case, straight apostrophes, punctuation split off)."""
    return _PIECE.findall(text.replace("\u2019", "'").replace("\u2018", "'").lower())


def _case_rule(form: str) -> str:
    letters = [c for c in form if c.isalpha()]
    if not letters or not any(c.isupper() for c in letters):
        return "any"
    if len(letters) <= 5 and all(c.isupper() for c in letters):
        return "exact"
    return "capital"


@dataclass
class ActorDictionary:
    """Surface forms -> entries, as a trie over word pieces. Later additions override earlier ones."""

    trie: dict = field(default_factory=dict)
    entries: list[Entry] = field(default_factory=list)
    person_nouns: set[str] = field(default_factory=set)  # last words of person agent nouns ("minister")
    _names: dict[str, str] | None = field(default=None, repr=False)

    def country_names(self) -> dict[str, str]:
        """Country code -> the country's name (its first listed form)."""
        if self._names is None:
            names: dict[str, str] = {}
            for entry in self.entries:
                if entry.kind == COUNTRY and entry.code and not entry.agent:
                    names.setdefault(entry.code, entry.name)
            self._names = names
        return self._names

    def add(self, entry: Entry, forms: Iterable[str], case: str | None = None, generated: Iterable[str] = ()) -> None:
        """Map ``forms`` to ``entry``; ``generated`` forms (regular plurals) never replace another entry's form."""
        self.entries.append(entry)
        self._names = None
        for form in generated:
            node = self.trie
            for key in pieces(form):
                node = node.setdefault(key, {})
            if "" not in node:
                node[""] = (entry, case or _case_rule(form), form)
        for form in forms:
            keys = pieces(form)
            if not keys:
                continue
            if entry.agent and entry.kind == PERSON:
                self.person_nouns.add(keys[-1])
            node = self.trie
            for key in keys:
                node = node.setdefault(key, {})
            node[""] = (entry, case or _case_rule(form), form)

    def match(self, parse: Parse) -> list[tuple[int, int, int, Entry]]:
        """Longest non-overlapping matches, left to right: ``(first token, end token, end char, entry)``.

        A match ends at a token boundary, or inside a token whose rest is a possessive ("Hamas'").
        """
        tokens = parse.tokens
        token_pieces = [pieces(t.text) for t in tokens]
        found = []
        i = 0
        n = len(tokens)
        while i < n:
            best = None
            node = self.trie
            j = i
            while j < n and node:
                tp = token_pieces[j]
                if not tp:
                    break
                k = 0
                while k < len(tp) and node:
                    node = node.get(tp[k])
                    k += 1
                    if node is None:
                        break
                    if "" in node and (k == len(tp) or tuple(tp[k:]) in _POSSESSIVE_PIECES):
                        entry, case, _ = node[""]
                        if _case_ok(case, tokens[i:j + 1]):
                            end_char = tokens[j].end if k == len(tp) else tokens[j].end - _suffix_len(tokens[j].text)
                            best = (i, j + 1, end_char, entry)
                if node is None or k < len(tp):
                    break
                j += 1
            if best:
                found.append(best)
                i = best[1]
            else:
                i += 1
        return found

    def copy(self) -> ActorDictionary:
        return ActorDictionary(_copy_trie(self.trie), list(self.entries), set(self.person_nouns))


def _copy_trie(node: dict) -> dict:
    return {k: (v if k == "" else _copy_trie(v)) for k, v in node.items()}


def _suffix_len(text: str) -> int:
    return 2 if text[-2:].lower() in ("'s", "\u2019s") else 1


def _case_ok(case: str, tokens) -> bool:
    if case == "any":
        return True
    if case == "exact":
        return all(not any(c.islower() for c in t.text) for t in tokens)
    return any(t.text[:1].isupper() for t in tokens)


# ---------------------------------------------------------------- our TSV format


def _plurals(form: str) -> list[str]:
    words = form.split(" ")
    last = words[-1]
    if not last.isalpha() or last.isupper():
        return []
    if last.endswith("man"):
        plural = last[:-3] + "men"
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        plural = last[:-1] + "ies"
    elif last.endswith(("s", "x", "ch", "sh")):
        plural = last + "es"
    else:
        plural = last + "s"
    return [" ".join(words[:-1] + [plural])]


def _dates(text: str) -> tuple[str, str]:
    if ".." not in text:
        return ("", "")
    first, last = (part.strip() for part in text.split("..", 1))
    return (first if _DATE.match(first) else "", last if _DATE.match(last) else "")


def read_tsv(lines: Iterable[str], dictionary: ActorDictionary, source: str, user: bool = False) -> None:
    """Add the entries of one file in our tab-separated format (header comment in agents.tsv)."""
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = [c.strip() for c in line.rstrip("\n").split("\t")] + [""] * 8
        names, code, country, role, kind, dates, wikidata, title = cols[:8]
        forms = [f.strip() for f in names.split("|") if f.strip()]
        if not forms:
            continue
        agent = code.startswith("~") or code.endswith("~")
        suffix = code.strip("~") or None
        entry = Entry(
            name=forms[0],
            code=suffix if agent else (code or None),
            kind=kind or OTHER,
            country=country or None,
            role=role or None,
            title=title or None,
            wikidata=wikidata or None,
            agent=agent,
            prefix=code.endswith("~") and not code.startswith("~"),
            valid=_dates(dates),
            key=f"{source}:{number}",
            user=user,
        )
        plurals = [p for f in forms for p in _plurals(f)] if agent and entry.kind != REFERENCE else []
        dictionary.add(entry, forms, generated=plurals)


# ---------------------------------------------------------------- PETRARCH / TABARI formats

_HTML_COMMENT = re.compile(r"<!.*?-->", re.DOTALL)
_CODE = re.compile(r"\[([^\]]*)\]")
_PLURAL = re.compile(r"\{([^}]*)\}")
_MACRO = re.compile(r"^\s*(![A-Z_]+!)\s*=\s*(.+)$")
# Endings TABARI lets an unterminated stem take ("ARGENTIN" -> "Argentina", "Argentinian").
_STEM_ENDINGS = ("", "s", "n", "ns", "a", "e", "i", "an", "ans", "ian", "ians", "ine", "ese", "ish")


def _petrarch_text(text: str) -> list[str]:
    return [line.split("#", 1)[0].rstrip() for line in _HTML_COMMENT.sub("", text).splitlines()]


def _petrarch_date(text: str) -> str:
    digits = text.strip()
    if len(digits) == 6:
        year = int(digits[:2])
        digits = f"{1900 + year if year > 30 else 2000 + year}{digits[2:]}"
    return f"{digits[:4]}-{digits[4:6]}-{digits[6:8]}" if len(digits) == 8 and digits.isdigit() else ""


def _petrarch_code(block: str) -> tuple[str, str, str] | None:
    """``CODE``, ``CODE >YYMMDD``, ``CODE <YYMMDD`` or ``CODE YYMMDD-YYMMDD`` -> (first, last, code)."""
    parts = block.split()
    if not parts:
        return None
    code = parts[0]
    rest = "".join(parts[1:])
    if not rest:
        return ("", "", code)
    if rest.startswith(">"):
        return (_petrarch_date(rest[1:]), "", code)
    if rest.startswith("<"):
        return ("", _petrarch_date(rest[1:]), code)
    if "-" in rest:
        first, last = rest.split("-", 1)
        return (_petrarch_date(first), _petrarch_date(last), code)
    return ("", "", code)


def _petrarch_forms(name: str) -> list[str]:
    stemmed = not name.endswith("_")
    words = name.strip("_").replace("_", " ").split()
    if not words:
        return []
    form = " ".join(words)
    if stemmed and words[-1].isalpha() and len(words[-1]) > 3:
        return [form + ending.upper() for ending in _STEM_ENDINGS]
    return [form]


def read_petrarch_actors(text: str, dictionary: ActorDictionary, source: str, user: bool = True) -> None:
    """Add a PETRARCH/TABARI actors file: ``NAME [CODE]`` lines, ``+ALIAS`` lines, dated ``[CODE >YYMMDD]``."""
    groups: list[tuple[list[str], list[tuple[str, str, str]], int]] = []
    for number, line in enumerate(_petrarch_text(text), 1):
        stripped = line.strip()
        if not stripped:
            continue
        codes = [c for c in (_petrarch_code(b) for b in _CODE.findall(stripped)) if c]
        name = _CODE.sub("", stripped).strip()
        if stripped.startswith("+") and groups:
            groups[-1][0].append(name[1:].strip())
        elif not line[:1].isspace() and name:
            groups.append(([name], [], number))
        if codes and groups:
            groups[-1][1].extend(codes)
    for names, codes, number in groups:
        undated = [c for c in codes if not c[0] and not c[1]]
        dated = tuple(c for c in codes if c[0] or c[1])
        code = undated[0][2] if undated else None
        if code is None and not dated:
            continue
        entry = Entry(
            name=names[0].strip("_").replace("_", " ").title(),
            code=code,
            kind=COUNTRY if code and len(code) == 3 and code.isalpha() else OTHER,
            country=code[:3] if code and len(code) >= 3 and code[:3].isalpha() else None,
            dated=dated,
            key=f"{source}:{number}",
            user=user,
        )
        forms = [f for n in names for f in _petrarch_forms(n)]
        dictionary.add(entry, forms, case="capital")


def _expand_macros(name: str, macros: dict[str, list[str]]) -> list[str]:
    for macro, values in macros.items():
        if macro in name:
            return [f for v in values for f in _expand_macros(name.replace(macro, v), macros)]
    return [name]


def read_petrarch_agents(text: str, dictionary: ActorDictionary, source: str,
                         person_words: frozenset[str] = frozenset(), user: bool = True) -> None:
    """Add a PETRARCH agents file: ``NOUN {PLURALS} [~CODE]`` lines and ``!MACRO! = A, B`` substitutions."""
    macros: dict[str, list[str]] = {}
    for number, line in enumerate(_petrarch_text(text), 1):
        macro = _MACRO.match(line)
        if macro:
            macros[macro.group(1)] = [v.strip() for v in macro.group(2).split(",") if v.strip()]
            continue
        codes = _CODE.findall(line)
        if not codes:
            continue
        code = codes[0].replace(" ", "")
        plurals = _PLURAL.search(line)
        name = _PLURAL.sub("", _CODE.sub("", line)).strip()
        if not name or not code:
            continue
        names = _expand_macros(name, macros)
        forms = [n.strip("_").replace("_", " ") for n in names]
        if plurals is None:
            forms += [p for f in forms for p in _plurals(f.lower())]
        else:
            forms += [p.strip().replace("_", " ") for p in plurals.group(1).split(",") if p.strip()]
        last_word = forms[0].split()[-1].lower()
        entry = Entry(
            name=forms[0].lower(),
            code=code.strip("~") or None,
            kind=PERSON if last_word in person_words else GROUP,
            role=code.strip("~")[:3] or None,
            agent=True,
            prefix=code.endswith("~") and not code.startswith("~"),
            key=f"{source}:{number}",
            user=user,
        )
        dictionary.add(entry, [f.lower() for f in forms], case="any")


# ---------------------------------------------------------------- loading


def detect_format(text: str) -> str:
    """``tsv`` (ours), ``petrarch-agents`` or ``petrarch-actors``."""
    body = [line for line in _petrarch_text(text) if line.strip()]
    if any(re.search(r"\[\s*~|~\s*\]", line) for line in body):
        return "petrarch-agents"
    if any(line.count("\t") >= 3 for line in text.splitlines() if line and not line.startswith("#")):
        return "tsv"
    if any(_CODE.search(line) or line.lstrip().startswith("+") for line in body):
        return "petrarch-actors"
    return "tsv"


def bundled_texts() -> list[tuple[str, str]]:
    folder = resources.files("newsevents") / "data" / "actors"
    return [(name, (folder / name).read_text(encoding="utf-8")) for name in _BUNDLED_FILES]


def load_text(dictionary: ActorDictionary, text: str, source: str, user: bool = True) -> None:
    """Add one file's text to ``dictionary`` in whichever format it is written."""
    kind = detect_format(text)
    if kind == "petrarch-agents":
        read_petrarch_agents(text, dictionary, source, frozenset(dictionary.person_nouns), user)
    elif kind == "petrarch-actors":
        read_petrarch_actors(text, dictionary, source, user)
    else:
        read_tsv(text.splitlines(), dictionary, source, user)


def build(paths: Sequence[str | Path] = (), base: ActorDictionary | None = None) -> ActorDictionary:
    """A dictionary of ``base`` (or the bundled files) plus ``paths``, later files overriding earlier ones."""
    if base is None:
        base = ActorDictionary()
        for name, text in bundled_texts():
            load_text(base, text, name, user=False)
    else:
        base = base.copy()
    for path in paths:
        load_text(base, Path(path).read_text(encoding="utf-8", errors="replace"), str(path))
    return base


def read_pronouns() -> dict[str, frozenset[str]]:
    """``pronouns.tsv`` and ``first_names.tsv``: word -> features (a given name is a gender cue marked "given")."""
    folder = resources.files("newsevents") / "data" / "actors"
    table = {}
    for line in (folder / "first_names.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, gender = line.split("\t", 1)
            table[name.strip().lower()] = frozenset({"cue", "given", gender.strip()})
    for line in (folder / "pronouns.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            word, features = line.split("\t", 1)
            table[word.strip().lower()] = frozenset(f.strip() for f in features.split(","))
    return table


def read_demonyms() -> dict[str, str]:
    """The demonym rows of ``countries.tsv``: each demonym or plural ("Turkish", "Syrians") -> its country's code."""
    table: dict[str, str] = {}
    for name, text in bundled_texts():
        if name != "countries.tsv":
            continue
        for line in text.splitlines():
            cols = line.split("\t")
            if line.startswith("#") or len(cols) <= 4 or cols[4].strip() != DEMONYM or not cols[2].strip():
                continue
            for word in cols[0].split("|"):
                table.setdefault(word.strip(), cols[2].strip())
    return table


def read_epithets() -> dict[str, frozenset[str]]:
    """``epithets.tsv``: a phrase that refers back to a country ("gulf state") -> the countries it can mean."""
    table = {}
    text = (resources.files("newsevents") / "data" / "actors" / "epithets.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            phrases, codes = line.split("\t", 1)
            for phrase in phrases.split("|"):
                table[phrase.strip().lower()] = frozenset(c.strip() for c in codes.split(","))
    return table
