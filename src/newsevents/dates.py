"""Time expressions found in the text and normalised against the publication date.

A rule grammar over words (``data/dates/*.tsv`` holds the vocabulary) finds and reads time expressions;
spaCy DATE/TIME entities the grammar does not cover are read by :func:`resolve`, which falls back on
dateparser. Relative expressions are anchored to the publication date; the tense of the governing verb
decides between the past and the future reading of a weekday, month or season named without a year.

Values follow TimeML TIMEX3 conventions, so they compare with TempEval gold:

========================  =========  ==================================================================
value                     precision  example
========================  =========  ==================================================================
``YYYY-MM-DD``            day        "Friday", "March 22, 2013", "yesterday", "Tuesday last week", "Palm Sunday",
                                     "a day earlier", "the day before yesterday"
``YYYY-MM-DDTHH:MM``      time       "8 p.m. Sunday", "15:00 GMT"
``YYYY-MM-DDTMO``         time       "this morning", "the morning of May 5" (AF afternoon, EV evening, NI night:
                                     "overnight", the night before publication when told in the past); "that
                                     night", "the next morning", "by early afternoon" on the last day named
``YYYY-Www``              week       "last week" (ISO week)
``YYYY-Www-WE``           week       "the weekend"
``YYYY-MM``               month      "early December", "earlier this month", "April last year"
``YYYY-Qn``, ``YYYY-Hn``  quarter    "the third quarter", "the first half of 2012"
``YYYY-SP|SU|FA|WI``      season     "last summer"
``YYYY``                  year       "2010", "last year", "six years ago", "year-end" (last year's when told
                                     in the past before December)
``YYY``                   decade     "the 1990s"
``YY``                    century    "the 20th century" (19)
``PnY`` ``PnD`` ``PTnH``  duration   "five years", "90 days", "a decade" (P10Y), "several days" (PXD), "month-long",
                                     "weeklong", "hours later" (PTXH), "a fortnight" (P2W); a spelled-out fraction
                                     counts in the next smaller unit ("a year and a half" P18M, "half an hour"
                                     PT30M), digits stay as written ("1.5 years" P1.5Y)
``PnY`` ...               range      "the past two years": a stretch ending (or starting) at publication
``YYYY/YYYY``             range      "2009-10" read by :func:`resolve` (``find_dates`` gives each year)
``PRESENT_REF`` ...       ref        "now", "recently", "years ago" (PAST_REF), "the future" (FUTURE_REF)
``XXXX-WXX-1`` ...        set        "every Monday", "daily" (XXXX-XX-XX), "annually" (XXXX)
========================  =========  ==================================================================

Modifiers such as "early", "late", "mid-" and "the end of" widen the span but keep the value of what they
modify (TimeML keeps them apart in ``mod``). "The next day", "the following month", "the year before", "a day
earlier", "two weeks later" count from the last date the text named (else from publication), in the unit they
count ("a week later" is an ISO week); such a count stays a duration where it measures ("a month earlier than
usual", "two days after the vote", "moved the vote a day earlier", "three years earlier, in 2005") or would fall
after publication in a sentence not about the future. A bare clock time just after a named day falls on
that day ("Wednesday, March 27, at 10 a.m."). Without a usable publication date, only expressions that name
their year get a value.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from importlib import resources

from .model import DateExpr, Parse

__all__ = ["find_dates", "load_words", "resolve"]

_WORD_RE = re.compile(r"[AaPp]\.[Mm]\.|\d{1,4}(?:[:/.\-]\d{1,4})+|\d{1,3}(?:,\d{3})+(?!\d)"
                      r"|\d+(?:st|nd|rd|th|s)?|'\d\ds|[A-Za-z]+|\S")
_NUMERIC_DATE = re.compile(r"(\d{1,4})([/.\-])(\d{1,2})\2(\d{2,4})$")
_YEAR_PAIR = re.compile(r"(\d{4})[-/](\d{2}|\d{4})$")
_DAY_RANGE = re.compile(r"(\d{1,2})-(\d{1,2})$")
_CLOCK = re.compile(r"(\d{1,2}):(\d{2})$")
_DOTTED_CLOCK = re.compile(r"(\d{1,2})\.(\d{2})$")
_WIRE_CLOCK = re.compile(r"([01]\d|2[0-3])([0-5]\d)$")
_ORDINAL = re.compile(r"(\d{1,2})(?:st|nd|rd|th)$")
_DECADE = re.compile(r"(?:(\d{2})|')?(\d)0s$")
_QUARTER = re.compile(r"q([1-4])$")
# One character for one, so offsets stay those of the text: curly apostrophe, en dash and Unicode hyphens.
_PLAIN_CHARS = str.maketrans({"\u2019": "'", "\u2013": "-", "\u2010": "-", "\u2011": "-"})
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+$")
_DECIMAL = re.compile(r"\d{1,3}\.\d{1,2}$")
_HALF = Fraction(1, 2)
_PREFER_FUTURE = ("future", "progressive")
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_SMALLER_UNIT = {"Y": ("M", 12), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60),
                 "MIN": ("S", 60)}
_UNIT_CODE = {"S": "TS", "MIN": "TM", "H": "TH", "D": "D", "W": "W", "M": "M", "Y": "Y"}
_PRECISION_OF_UNIT = {"D": "day", "W": "week", "M": "month", "Y": "year", "DE": "decade", "CE": "century",
                      "Q": "quarter", "WE": "week"}
_CURRENCY = {"$", "€", "£", "¥", "us$"}
_AFTER_NUMBER_NOT_DATE = {"%", "percent", "people", "troops", "votes", "km", "miles", "feet", "metres",
                          "meters", "tons", "tonnes", "dollars", "euros", "pounds", "units", "cases"}
_BEFORE_HOLIDAY = {"on", "at", "over", "before", "after", "since", "until", "till", "by", "during", "around",
                   "this", "last", "next", "for"}
_DAY_STEP = {"next": 1, "following": 1, "previous": -1, "preceding": -1, "prior": -1}
_PERIOD_CLOSERS = {"to", "through", "until", "till"}
_SPAN_PREPOSITIONS = {"over", "through", "throughout", "across", "in"}
_AFTER_VAGUE_SPAN = {"later", "earlier", "after", "before", "afterwards", "afterward"}
_YEAR_OWNERS = {"its", "their", "his", "her", "our"}
_YEAR_SPAN_OPENERS = {"between", "since", "until", "till", "during"}
DATELINE_CHARS = 300
_RANGE_LINKS = {"to", "through", "until", "till", "-", "\u2013", "through to"}
_WEEKDAY_LINKS = {"and", "or", ",", "to", "through", "until", "-", "\u2013", "and on", "or on"}
_CLOCK_REACH = 12  # characters between a day and a clock time that still sets that day: ", at about "
_ANAPHOR_UNITS = {"day": "D", "week": "W", "month": "M", "year": "Y"}
_ANAPHOR_CODES = frozenset(_ANAPHOR_UNITS.values())
_STEP_FROM_ANCHOR = {"earlier": -1, "before": -1, "prior": -1, "later": 1, "after": 1}
# What may follow "the day before" or "two days after" for it to count from the last date, not a clause.
_CLAUSE_END = frozenset({"", ",", ".", ";", ":", "!", "?", ")", '"', "\u201d", "\u2014", "-", "and", "but", "when"})
_COMPARED_WITH = {"from", "with", "on", "over", "than", "versus", "vs"}
_MOTION_PREPOSITIONS = {"to", "into", "in", "on", "at", "from", "across", "toward", "towards", "through", "onto"}
# ", in the spring of 2005" after "three years earlier" names the time itself.
_APPOSITION = re.compile(r"\s*[,\u2014-]\s*(?:in|on|at)?\s*$")
_NEGATIVE_ENTITY = {"MONEY", "PERCENT", "QUANTITY"}
_NAME_ENTITY = {"PERSON", "ORG", "WORK_OF_ART", "LAW", "FAC", "PRODUCT", "GPE", "NORP", "LOC"}


def _words(text: str) -> list[tuple[str, int, int, str]]:
    plain = text.translate(_PLAIN_CHARS)
    return [(m.group().lower(), m.start(), m.end(), m.group()) for m in _WORD_RE.finditer(plain)]


@lru_cache(maxsize=1)
def load_words() -> dict[str, dict[tuple[str, ...], str]]:
    """The time-expression vocabulary: ``{kind: {phrase words: value}}`` from ``data/dates/*.tsv``."""
    lexicon: dict[str, dict[tuple[str, ...], str]] = {}
    folder = resources.files("newsevents") / "data" / "dates"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".tsv"):
            continue
        for line in entry.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            kind, phrase, value = line.split("\t")[:3]
            key = tuple(w[0] for w in _words(phrase))
            lexicon.setdefault(kind, {})[key] = value
    return lexicon


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    """Words that can open an expression: the scanner skips every other word cheaply."""
    lex = load_words()
    openers = {key[0] for kind, table in lex.items()
               if kind not in ("future_verb", "future_aux", "timezone", "schedule_verb") for key in table}
    openers |= {key[0] + "s" for key in lex.get("weekday", {})}
    openers |= {key[0] + "long" for key in lex.get("unit", {})} | {"mid" + unit for unit in _ANAPHOR_UNITS}
    openers |= {"the", "yesterday", "today", "tomorrow", "tonight", "every", "each", "once", "twice", "times",
                "fiscal", "fy", "noon", "midday", "midnight", "overnight", "that", "earlier", "later", "recent", "q", "'",
                "-", "half", "all"}
    return frozenset(openers)


@lru_cache(maxsize=1)
def _phrase_sizes() -> dict[tuple[str, str], tuple[int, ...]]:
    """``(kind, first word) -> phrase lengths``, longest first: a word that opens no phrase costs one lookup."""
    sizes: dict[tuple[str, str], set[int]] = {}
    for kind, table in load_words().items():
        for key in table:
            sizes.setdefault((kind, key[0]), set()).add(len(key))
    return {k: tuple(sorted(v, reverse=True)) for k, v in sizes.items()}


class _Grammar:
    """Recursive-descent reader of time expressions over lower-cased words."""

    def __init__(self, words: list[tuple[str, int, int, str]], blocked: frozenset[int] = frozenset(),
                 whole: bool = False):
        self.whole = whole
        self.low = [w[0] for w in words]
        self.raw = [w[3] for w in words]
        self.n = len(words)
        self.blocked = blocked
        self.lex = load_words()
        self.sizes = _phrase_sizes()

    def w(self, i: int) -> str:
        return self.low[i] if 0 <= i < self.n else ""

    def phrase(self, kind: str, i: int) -> tuple[int, str] | None:
        if not 0 <= i < self.n:
            return None
        sizes = self.sizes.get((kind, self.low[i]))
        if not sizes:
            return None
        table = self.lex[kind]
        for size in sizes:
            key = tuple(self.low[i:i + size])
            if len(key) == size and key in table:
                return i + size, table[key]
        return None

    # --- small pieces -------------------------------------------------------------------------------

    def number(self, i: int) -> tuple[int, int | Fraction | Decimal | str] | None:
        w = self.w(i)
        if w == "half" and self.w(i + 1) in ("a", "an"):
            return i + 2, _HALF  # "half a century"
        if w in ("a", "an") and self.w(i + 1) in ("half", "quarter"):
            share = _HALF if self.w(i + 1) == "half" else Fraction(1, 4)
            if self.w(i + 2) == "-" or self.unit(i + 2):
                return i + 2, share  # "a half-hour", "a quarter-century"
            if self.w(i + 2) == "of" and self.w(i + 3) in ("a", "an") and self.unit(i + 4):
                return i + 4, share  # "a quarter of a century"
        if _GROUPED.match(w):
            return self.and_a_half(i + 1, int(w.replace(",", "")))
        if _DECIMAL.match(w) and self.w(i + 1).replace(".", "") not in ("am", "pm"):
            return i + 1, Decimal(w)
        if w.isdigit() and len(w) <= 4:
            if self.w(i + 1) == "1/2":
                return i + 2, int(w) + _HALF  # "2 1/2 years"
            return self.and_a_half(i + 1, int(w))
        vague = self.phrase("vague", i)
        if vague:
            return vague
        found = self.phrase("number", i)
        if not found:
            return None
        j, value = found[0], int(found[1])
        if 20 <= value < 100 and value % 10 == 0:
            k = j + 1 if self.w(j) == "-" else j
            unit = self.phrase("number", k)
            if unit and int(unit[1]) < 10 and self.w(k) not in ("a", "an"):
                return self.and_a_half(unit[0], value + int(unit[1]))
        return self.and_a_half(j, value)

    def and_a_half(self, j: int, value: int) -> tuple[int, int | Fraction]:
        """A count, plus one half where "and a half" follows it ("two and a half years", "three-and-a-half")."""
        k = j + (self.w(j) == "-")
        if self.w(k) != "and":
            return j, value
        k += 1 + (self.w(k + 1) == "-")
        if self.w(k) != "a":
            return j, value
        k += 1 + (self.w(k + 1) == "-")
        return (k + 1, value + _HALF) if self.w(k) == "half" else (j, value)

    def unit(self, i: int) -> tuple[int, str, bool] | None:
        found = self.phrase("unit", i)
        return (found[0], found[1], self.w(i).endswith("s")) if found else None

    def year(self, i: int) -> tuple[int, int] | None:
        w = self.w(i)
        if len(w) == 4 and w.isdigit() and 1000 <= int(w) <= 2199:
            return i + 1, int(w)
        return None

    def day_number(self, i: int) -> tuple[int, int] | None:
        w = self.w(i)
        days = _DAY_RANGE.match(w)
        if days and int(days.group(1)) < int(days.group(2)) <= 31:
            w = days.group(1)
        m = _ORDINAL.match(w)
        value = int(m.group(1)) if m else int(w) if w.isdigit() and len(w) <= 2 else None
        if value is None:
            ordinal = self.phrase("ordinal", i)
            if ordinal and self.w(i - 1) == "the":
                return ordinal[0], int(ordinal[1])
            return None
        return (i + 1, value) if 1 <= value <= 31 else None

    def month(self, i: int) -> tuple[int, int] | None:
        found = self.phrase("month", i)
        if not found or i in self.blocked or not self.raw[i][:1].isupper():
            return None
        j, value = found[0], int(found[1])
        if len(self.w(i)) <= 4 and self.w(i) not in ("may", "june", "july"):
            if self.w(j) == ".":
                j += 1
            elif not self.day_number(j) and not self.year(j):
                return None
        return j, value

    # --- expressions -------------------------------------------------------------------------------

    def match(self, i: int) -> tuple[int, tuple] | None:
        """The longest expression starting at word ``i``: ``(end, meaning)``."""
        best = None
        for rule in (self.modified, self.core, self.duration, self.clock_first, self.ref, self.set_expr):
            found = rule(i)
            if found and (best is None or found[0] > best[0]):
                best = found
        return best

    def modified(self, i: int):
        mod = self.phrase("modifier", i)
        if not mod and self.w(i) == "the" and self.w(i + 1) in ("early", "late", "mid"):
            mod = self.phrase("modifier", i + 1)
        w = self.w(i)
        if w[:3] == "mid" and w[3:] in ("year", "month", "week"):
            return i + 1, ("rel", _ANAPHOR_UNITS[w[3:]], 0)  # "midyear"
        if not mod:
            return None
        j = mod[0] + (1 if self.w(mod[0]) == "-" else 0)
        part = self.phrase("part_of_day", j)
        if part and self.low[mod[0] - 1] in ("early", "late", "mid") and self.w(part[0]) not in ("of", "'"):
            return part[0], ("time", ("anaphor", "D", 0), part[1])  # "by early afternoon": the day in view
        bare = j + 1 if self.w(j) == "the" else j
        if self.w(bare) in ("year", "month", "week", "decade", "century") and \
                (bare > j or mod[0] - i > 1 or w == "mid" and j > mod[0]):
            unit = {"year": "Y", "month": "M", "week": "W", "decade": "DE", "century": "CE"}[self.w(bare)]
            if unit == "Y" and "end" in self.low[i:mod[0]]:
                return bare + 1, ("year_end",)
            return bare + 1, ("rel", unit, 0)
        found = self.core(j)
        if found and found[1][0] not in ("time",):
            return found
        return None

    def core(self, i: int):
        best = None
        for rule in (self.calendar_date, self.numeric, self.decade, self.century, self.season, self.quarter,
                     self.relative, self.named_day, self.weekday, self.holiday, self.ago):
            found = rule(i)
            if found and (best is None or found[0] > best[0]):
                best = found
        if best:
            best = self.with_clock(*best)
        return best

    def calendar_date(self, i: int):
        start = i + 1 if self.w(i) == "the" else i
        day = self.day_number(start)
        if day and self.w(day[0]) == "of" and self.month(day[0] + 1):
            j, month = self.month(day[0] + 1)
            year = self.year(j + (1 if self.w(j) == "," else 0))
            return (year[0], ("date", year[1], month, day[1])) if year else (j, ("date", None, month, day[1]))
        if start != i:
            return None
        if day and self.month(day[0]):
            j, month = self.month(day[0])
            year = self.year(j + (1 if self.w(j) == "," else 0))
            return (year[0], ("date", year[1], month, day[1])) if year else (j, ("date", None, month, day[1]))
        found = self.month(i)
        if found:
            j, month = found
            day = self.day_number(j)
            if day and not (self.w(day[0]).isdigit() and len(self.w(day[0])) < 4):
                k = day[0] + (1 if self.w(day[0]) == "," else 0)
                year = self.year(k)
                if year:
                    return year[0], ("date", year[1], month, day[1])
                shift = self.relative_year(k)
                if shift:
                    return shift[0], ("date", None, month, day[1], None, shift[1])
                return day[0], ("date", None, month, day[1])
            k = j + (1 if self.w(j) in (",", "of") else 0)
            year = self.year(k)
            if year:
                return year[0], ("date", year[1], month, None)
            shift = self.relative_year(k)
            if shift:
                return shift[0], ("date", None, month, None, None, shift[1])
            return j, ("date", None, month, None)
        if self.w(i) == "fiscal" and self.w(i + 1) == "year" and self.year(i + 2):
            j, year = self.year(i + 2)
            return j, ("date", year, None, None)
        if self.w(i) == "fiscal" and self.year(i + 1):
            j, year = self.year(i + 1)
            return j, ("date", year, None, None)
        if self.w(i) == "fy" and self.raw[i] == "FY" and \
                (self.year(i + 1) or len(self.w(i + 1)) == 2 and self.w(i + 1).isdigit()):
            return i + 2, ("date", self.year(i + 1)[1] if self.year(i + 1) else 2000 + int(self.w(i + 1)), None,
                           None)  # "FY2013", "FY13"
        year = self.year(i)
        if year:
            return year[0], ("year", year[1])
        return None

    def numeric(self, i: int):
        w = self.w(i)
        m = _NUMERIC_DATE.match(w)
        if m:
            a, sep, b, c = int(m.group(1)), m.group(2), int(m.group(3)), m.group(4)
            if len(m.group(1)) == 4:
                year, month, day = a, b, int(c)
            else:
                year = int(c) + (2000 if len(c) == 2 and int(c) < 50 else 1900 if len(c) == 2 else 0)
                month, day = (a, b) if sep == "/" and a <= 12 else (b, a)
            if _valid(year, month, day):
                return i + 1, ("date", year, month, day)
            return None
        m = _YEAR_PAIR.match(w)
        if m:
            first = int(m.group(1))
            second = int(m.group(2)) if len(m.group(2)) == 4 else first // 100 * 100 + int(m.group(2))
            if 1000 <= first < second <= 2199 and second - first < 100:
                return i + 1, ("years", first, second)
        return None

    def relative_year(self, i: int) -> tuple[int, int] | None:
        """"last year", "this year", "next year" after a month or season: ``(end, year offset)``."""
        rel = self.phrase("relative", i)
        if rel and self.w(i) in ("last", "this", "next") and self.w(rel[0]) == "year":
            return rel[0] + 1, int(rel[1])
        return None

    def decade(self, i: int):
        start = i + 1 if self.w(i) == "the" else i
        w = self.w(start)
        word = self.phrase("decade_word", start)
        if word and start != i:
            return word[0], ("decade", None, int(word[1]))
        m = _DECADE.match(w)
        if not m:
            return None
        if m.group(1):
            return start + 1, ("decade", int(m.group(1)), int(m.group(2)))
        if w.startswith("'") or start != i or self.w(i - 1) in ("-", "early", "late", "mid"):
            return start + 1, ("decade", None, int(m.group(2)))
        return None

    def century(self, i: int):
        start = i + 1 if self.w(i) == "the" else i
        w = self.w(start)
        m = _ORDINAL.match(w)
        value = int(m.group(1)) if m else None
        j = start + 1
        if value is None:
            found = self.phrase("ordinal", start)
            if not found:
                return None
            j, value = found[0], int(found[1])
        if self.w(j) == "-":
            j += 1
        if self.w(j) == "century":
            return j + 1, ("century", value - 1)
        return None

    def season(self, i: int):
        rel = None
        j = i
        found = self.phrase("relative", i)
        if found:
            j, rel = found[0], int(found[1])
        elif self.w(i) == "the":
            j = i + 1
        season = self.phrase("season", j)
        if not season or j in self.blocked:
            return None
        k, code = season
        with_year = k + 1 if self.w(k) == "of" else k
        year = self.year(with_year)
        if year:
            return year[0], ("season", code, year[1], None)
        pair = _YEAR_PAIR.match(self.w(with_year))
        if pair and code == "WI":
            return with_year + 1, ("season", code, int(pair.group(1)), None)  # "the winter of 2011-12"
        shift = self.relative_year(k) if rel is None else None
        if shift:
            return shift[0], ("season", code, None, ("year", shift[1]))
        if rel is None and j == i and self.w(i - 1) not in ("in", "during", "this", "early", "late", "mid", "-",
                                                            "until", "since", "by", "through", "over"):
            return None
        if self.w(i) == "the" and self.w(k) in ("of", "'"):
            return None
        return k, ("season", code, None, rel)

    def quarter(self, i: int):
        w = self.w(i)
        m = _QUARTER.match(w)
        if m or w == "q" and self.raw[i] == "Q" and self.w(i + 1) in ("1", "2", "3", "4"):
            number, j = (int(m.group(1)), i + 1) if m else (int(self.w(i + 1)), i + 2)
            year = self.year(j)
            return (year[0], ("quarter", "Q", number, year[1], None)) if year else \
                (j, ("quarter", "Q", number, None, None))
        start = i + 1 if w == "the" else i
        rel = self.phrase("relative", start)
        if rel and self.w(rel[0]) == "quarter":
            return rel[0] + 1, ("rel", "Q", int(rel[1]))
        ordinal = self.phrase("ordinal", start)
        if not ordinal:
            return None
        j = ordinal[0] + (1 if self.w(ordinal[0]) == "-" else 0)
        kind = self.w(j)
        if kind not in ("quarter", "half") or not (1 <= int(ordinal[1]) <= (4 if kind == "quarter" else 2)):
            return None
        code = "Q" if kind == "quarter" else "H"
        k = j + 1
        if self.w(k) == "of":
            year = self.year(k + 1)
            if year:
                return year[0], ("quarter", code, int(ordinal[1]), year[1], None)
            rel = self.phrase("relative", k + 1) or ((k + 2, "0") if self.w(k + 1) == "the" else None)
            if rel and self.w(rel[0]) == "year":
                return rel[0] + 1, ("quarter", code, int(ordinal[1]), None, int(rel[1]))
        if code == "H":
            # A bare "the second half" is mostly a match period, not half a year.
            return None
        return k, ("quarter", code, int(ordinal[1]), None, None)

    def relative(self, i: int):
        the = self.w(i) == "the"
        start = i + 1 if the else i
        if self.w(start) == "year" and self.w(start + 1) == "-" and self.w(start + 2) == "end":
            return start + 3, ("year_end",)
        if the and self.w(start) == "weekend" or self.w(i) == "weekend" and self.w(i - 1) in ("over", "on"):
            return start + 1, ("weekend",)
        same = i + 2 if self.w(i) in ("that", "the") and self.w(i + 1) in ("same", "very") else \
            i + 1 if self.w(i) == "that" else None
        if same is not None and self.w(same) in _ANAPHOR_UNITS and self.w(same + 1) not in ("of", "'"):
            return same + 1, ("anaphor", _ANAPHOR_UNITS[self.w(same)], 0)
        step = 0 if same is not None else _DAY_STEP.get(self.w(start)) if the else None
        part = self.phrase("part_of_day", same if same is not None else start + 1) if step is not None else None
        if part and self.w(part[0]) not in ("of", "'"):
            return part[0], ("time", ("anaphor", "D", step), part[1])  # "that night", "the next morning"
        if self.w(i) in ("earlier", "later") and self.w(i + 1) == "in" and self.w(i + 2) == "the" and \
                self.w(i + 3) in _ANAPHOR_UNITS and self.w(i + 4) not in ("of", "'"):
            return i + 4, ("anaphor", _ANAPHOR_UNITS[self.w(i + 3)], 0)
        step = _STEP_FROM_ANCHOR.get(self.w(start + 1)) if the and self.w(start) in _ANAPHOR_UNITS else None
        if step and self.w(start) == "day" and self.w(start + 2) in ("yesterday", "tomorrow"):
            return start + 3, ("rel", "D", 2 * step)  # "the day before yesterday", "the day after tomorrow"
        # Only when nothing follows: in "the day before she vanished" the anchor is the clause.
        if step and self.w(start + 2) in _CLAUSE_END:
            return start + 2, ("anaphor", _ANAPHOR_UNITS[self.w(start)], step)
        rel = self.phrase("relative", start)
        if not rel:
            return None
        word = self.w(start)
        j, offset = rel[0], int(rel[1])
        if word == "this" and self.w(j) == "past":
            word, j, offset = "last", j + 1, -1
        if self.w(j) in ("fiscal", "financial") and self.w(j + 1) == "year":
            j += 1
        unit = self.phrase("unit", j)
        if unit and not self.w(j).endswith("s") and unit[1] not in ("S", "MIN", "H"):
            code = unit[1]
            if word in ("past", "last") and (the or word == "past") and \
                    code in ("D", "W", "FN", "M", "Y", "DE", "CE"):
                return unit[0], ("dur", 1, code, True)
            if word in ("following", "previous", "preceding", "prior") or \
                    the and word == "next" and code in _ANAPHOR_CODES:
                return unit[0], ("anaphor", code, offset)
            if code == "D":
                return None
            if the and word not in ("coming", "current", "upcoming"):
                return None
            return unit[0], ("rel", code, offset)
        if the:
            return None
        month = self.month(j)
        if month:
            return month[0], ("date", None, month[1], None, offset)
        weekday = self.phrase("weekday", j)
        if weekday and j not in self.blocked:
            return weekday[0], ("weekday", int(weekday[1]), offset)
        return None

    def named_day(self, i: int):
        w = self.w(i)
        offset = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0}.get(w)
        if w == "overnight" and self.w(i - 1) not in ("a", "an", "the"):
            return i + 1, ("overnight",)
        if w == "the" and self.phrase("part_of_day", i + 1):
            # "the morning of March 5": that day's part, not the bare day
            j, part = self.phrase("part_of_day", i + 1)
            day = self.core(j + 1) if self.w(j) == "of" else None
            if day and (day[1][0] in ("weekday", "holiday") or day[1][0] == "date" and day[1][3]
                        or day[1][0] == "rel" and day[1][1] == "D"):
                return day[0], ("time", day[1], part)
            return None
        if offset is None:
            if w in ("this", "last") and self.phrase("part_of_day", i + 1):
                j, part = self.phrase("part_of_day", i + 1)
                if w == "last" and part != "NI":
                    return None
                return j, ("time", ("rel", "D", -1 if w == "last" else 0), part)
            return None
        if w == "tonight":
            return i + 1, ("time", ("rel", "D", 0), "NI")
        return i + 1, ("rel", "D", offset)

    def weekday(self, i: int):
        if i in self.blocked:
            return None
        found = self.phrase("weekday", i)
        if not found and self.w(i).endswith("days"):
            plural = self.lex.get("weekday", {}).get((self.w(i)[:-1],))
            return (i + 1, ("set", f"XXXX-WXX-{plural}")) if plural else None
        if not found:
            return None
        j, day = found[0], int(found[1])
        k = j + (1 if self.w(j) == "," else 0)
        date = self.calendar_date(k)
        if date and date[1][0] == "date" and date[1][3]:
            return date
        rel = self.phrase("relative", j)
        if rel and self.w(j) in ("last", "this", "next") and self.w(rel[0]) == "week":
            return rel[0] + 1, ("weekday", day, ("week", int(rel[1])))
        return j, ("weekday", day, None)

    def holiday(self, i: int):
        found = self.phrase("holiday", i)
        if not found or not self.raw[i][:1].isupper() or i in self.blocked:
            return None
        j, rule = found
        if self.raw[j:j + 1] and self.raw[j][:1].isupper() and not self.year(j) and not self.phrase("weekday", j):
            return None  # a longer name: "Christmas Island", "the Easter Rising"
        year = self.year(j)
        return (year[0], ("holiday", rule, year[1])) if year else (j, ("holiday", rule, None))

    def ago(self, i: int):
        dur = self.plain_duration(i)
        if not dur:
            unit = self.unit(i)
            if unit and unit[2] and self.w(unit[0]) == "ago":
                return unit[0] + 1, ("ref", "PAST_REF")  # "years ago": some unsaid time back
            return None
        j, (_, count, unit, _) = dur
        count, unit = _integral(count, unit)
        if not isinstance(count, int):
            count = "X"
        if self.w(j) == "ago":
            return j + 1, ("shift", -count, unit) if count != "X" else ("ref", "PAST_REF")
        if self.w(j) == "from" and self.w(j + 1) in ("now", "today") and count != "X":
            return j + 2, ("shift", count, unit)
        step = _STEP_FROM_ANCHOR.get(self.w(j))
        if step is None or count == "X" or unit not in _ANAPHOR_CODES or not self.counts_from_anchor(i, j):
            return None
        if step < 0 and unit == "Y" and self.w(i - 1) in _COMPARED_WITH:
            # Figures compared "with a year earlier" mean the year before publication, like "a year ago".
            return j + 1, ("shift", -count, unit)
        return j + 1, ("counted", unit, step * count, count)  # "a day earlier", "two weeks later"

    def counts_from_anchor(self, i: int, j: int) -> bool:
        """Whether "<count> <unit>" at ``i`` and the "earlier"/"later"/"before"/"after" at ``j`` name a time
        counted from the last date: not when a comparison ("a month earlier than usual"), a clause ("two
        days after the vote") or a rescheduling verb ("moved the vote a day earlier") makes the count a length."""
        if self.w(j) in ("before", "after", "prior"):
            return self.w(j + 1) in _CLAUSE_END
        if self.w(j + 1) == "than":
            return False
        schedule = self.lex.get("schedule_verb", {})
        for k in range(i - 1, max(-1, i - 5), -1):
            if (self.w(k),) in schedule:
                return False
            if not self.w(k)[:1].isalpha() or self.w(k) in _MOTION_PREPOSITIONS:
                break  # "troops who moved into the town a day earlier": the time of the move
        return True

    def plain_duration(self, i: int):
        count = self.number(i)
        if not count:
            return None
        j, value = count
        if self.w(j) == "-" and self.w(j + 1) in ("plus", "odd"):
            j += 2  # "30-plus years", "20-odd years"
        hyphen = self.w(j) == "-"
        if hyphen:
            j += 1
        unit = self.unit(j)
        if not unit:
            return None
        k, code, plural = unit
        if not plural and isinstance(value, int):
            k, value = self.and_a_half(k, value)  # "a year and a half"
        if not plural and self.w(k) == "-" and self.w(k + 1) == "long":
            k += 2  # "a decade-long war"
        if code in ("WE", "Q") or self.w(i - 1) in ("age", "ages", "aged"):
            return None
        if self.w(k) == "old" or (self.w(k) == "-" and self.w(k + 1) == "old") or \
                (self.w(k) == "of" and self.w(k + 1) == "age"):
            return None
        if hyphen and (plural or value == "X"):
            return None
        if value == 1 and plural:
            return None
        if value == 1 and code == "S" and self.w(i) in ("a", "one"):
            return None  # "a second campus"
        if self.w(i) in ("a", "an") and (self.number(i - 1) or self.unit(i - 1)) and \
                self.w(k) not in ("ago", "earlier", "later"):
            return None  # a rate: "$9 an hour", "24 hours a week"
        return k, ("dur", value, code, False)

    def duration(self, i: int):
        w = self.w(i)
        if w in ("the", "past", "last", "next", "coming", "recent", "first") and i not in self.blocked:
            j = i + 1 if w == "the" else i
            anchored = self.w(j) in ("past", "last", "next", "coming", "recent")
            if self.w(j) in ("past", "last", "next", "coming", "recent", "first"):
                j += 1
            found = self.plain_duration(j)
            if found:
                return found[0], ("dur", found[1][1], found[1][2], anchored)
            unit = self.unit(j)
            if unit and w == "the" and not unit[2] and unit[1] in ("W", "M", "Y") and \
                    self.closes_period(unit[0]):
                return unit[0], ("dur", 1, unit[1], False)  # "in the year to February"
            if not unit or not unit[2] or unit[1] in ("WE", "Q"):
                return None
            if self.w(unit[0]) == "ahead":
                return unit[0] + 1, ("dur", "X", unit[1], True)  # "the weeks ahead"
            if anchored:
                return unit[0], ("dur", "X", unit[1], True)
            if w == "the" and self.w(i - 1) in _SPAN_PREPOSITIONS and self.w(unit[0]) not in ("of", "'"):
                return unit[0], ("dur", "X", unit[1], False)  # "over the years"
            return None
        found = self.plain_duration(i)
        if found:
            return found
        if w == "all" and self.w(i + 1) in _ANAPHOR_UNITS and self.w(i + 2) not in ("of", "'", "-"):
            return i + 2, ("dur", 1, _ANAPHOR_UNITS[self.w(i + 1)], False)  # "closed all week"
        if w.endswith("long") and (w[:-4],) in self.lex.get("unit", {}):
            count = "X" if w[:-4].endswith("s") else 1
            return i + 1, ("dur", count, self.lex["unit"][(w[:-4],)], False)  # "weeklong", "monthslong"
        unit = self.unit(i)
        if not unit or unit[1] in ("WE", "Q"):
            return None
        if self.w(unit[0]) == "-" and self.w(unit[0] + 1) == "long":
            return unit[0] + 2, ("dur", "X" if unit[2] else 1, unit[1], False)  # "a month-long strike"
        if unit[2] and (self.w(i - 1) in ("for", "over", "within", "in") or
                        self.w(i - 1) == "of" and self.w(i - 2) == "matter" or self.whole and i == 0 or
                        self.w(unit[0]) in _AFTER_VAGUE_SPAN and not self.phrase("season", i - 1)
                        and not self.phrase("part_of_day", i - 1)) and self.w(i + 1) not in ("of", "'"):
            return unit[0], ("dur", "X", unit[1], False)  # "for weeks", "hours later"
        return None

    def closes_period(self, i: int) -> bool:
        """Whether word ``i`` ends a stretch at a date: "(the year) ended March 31", "(the year) to February"."""
        if self.w(i) in ("ended", "ending"):
            return True
        return self.w(i) in _PERIOD_CLOSERS and bool(self.month(i + 1) or self.phrase("weekday", i + 1) or
                                                     self.year(i + 1))

    def ref(self, i: int):
        found = self.phrase("ref", i)
        if not found:
            return None
        j, value = found
        if self.w(i) == "now" and self.w(i + 1) == "that" or value == "PAST_REF" and self.w(i - 1) == "how":
            return None  # "now that ...", "how long ago"
        return j, ("ref", value)

    def set_expr(self, i: int):
        found = self.phrase("set", i)
        if found:
            return found[0], ("set", found[1])
        if self.w(i) in ("every", "each"):
            day = self.phrase("weekday", i + 1)
            if day:
                return day[0], ("set", f"XXXX-WXX-{day[1]}")
            unit = self.unit(i + 2) if self.w(i + 1) == "other" else None
            if unit and not unit[2] and unit[1] in _UNIT_CODE:
                return unit[0], ("set", _duration(2, unit[1]))  # "every other week": P2W
        if self.w(i) in ("once", "twice") or self.w(i) == "times":
            j = i + 1
            if self.w(j) in ("a", "per", "every", "each"):
                unit = self.unit(j + 1)
                if unit and unit[1] in ("D", "W", "M", "Y"):
                    return unit[0], ("set", {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX",
                                             "Y": "XXXX"}[unit[1]])
        return None

    def clock(self, i: int) -> tuple[int, str] | None:
        w = self.w(i)
        if w in ("noon", "midday"):
            return i + 1, "12:00"
        if w == "midnight":
            return i + 1, "24:00"
        m = _CLOCK.match(w)
        if not m and self.w(i + 1).replace(".", "") in ("am", "pm"):
            m = _DOTTED_CLOCK.match(w)  # British "10.30am"
        if not m and self.phrase("timezone", i + 1) and self.raw[i + 1].isupper():
            m = _WIRE_CLOCK.match(w)  # wire services' "at 0600 GMT"
        hour, minute = (int(m.group(1)), int(m.group(2))) if m else (int(w), 0) if w.isdigit() and \
            len(w) <= 2 else (None, None)
        if hour is None:
            return None
        j = i + 1
        meridiem = self.w(j).replace(".", "")
        if meridiem in ("am", "pm"):
            j += 1
            if not 1 <= hour <= 12:
                return None
            hour = hour % 12 + (12 if meridiem == "pm" else 0)
        elif self.w(j) == "o" and self.w(j + 1) == "'" and self.w(j + 2) == "clock":
            j += 3
        elif not m:
            return None
        if hour > 23 or minute > 59:
            return None
        if self.phrase("timezone", j) and self.raw[j].isupper():
            j += 1
        elif self.w(j) == "local" and self.w(j + 1) == "time":
            j += 2
        return j, f"{hour:02d}:{minute:02d}"

    def clock_first(self, i: int):
        found = self.clock(i)
        if not found:
            return None
        j, clock = found
        k = j + (1 if self.w(j) in (",", "on") else 0)
        day = None
        for rule in (self.weekday, self.named_day, self.calendar_date, self.relative):
            candidate = rule(k)
            if candidate and candidate[1][0] in ("weekday", "date", "rel") and \
                    (candidate[1][0] != "rel" or candidate[1][1] == "D"):
                day = candidate
                break
        if day:
            return day[0], ("time", day[1], clock)
        return j, ("time", None, clock)

    def with_clock(self, end: int, meaning: tuple) -> tuple[int, tuple]:
        """Extend a day expression by a following part of day or clock time ("Friday night", "Monday at 9")."""
        if meaning[0] not in ("weekday", "date", "rel") or (meaning[0] == "rel" and meaning[1] != "D") or \
                (meaning[0] == "date" and meaning[3] is None):
            return end, meaning
        part = self.phrase("part_of_day", end)
        if part:
            return part[0], ("time", meaning, part[1])
        if self.w(end) in ("at", ","):
            clock = self.clock(end + 1)
            if clock and (self.w(end + 2) in ("am", "pm", "a.m.", "p.m.") or ":" in self.w(end + 1)
                          or self.w(end + 1) in ("noon", "midnight")):
                return clock[0], ("time", meaning, clock[1])
        return end, meaning


def _valid(year: int | None, month: int, day: int | None) -> bool:
    if not 1 <= month <= 12:
        return False
    if day is None:
        return True
    limit = calendar.monthrange(year, month)[1] if year else 31
    return 1 <= day <= limit


def _parse_published(published: str | None) -> dt.date | None:
    if not published or not isinstance(published, str):
        return None
    try:
        return dt.date.fromisoformat(published.strip()[:10])
    except ValueError:
        return None


def _add_months(year: int, month: int, offset: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + offset
    return index // 12, index % 12 + 1


def _week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _choose(candidates: list[tuple[dt.date, dt.date]], anchor: dt.date, tense: str | None) -> int:
    """Index of the (start, end) period meant: past tense -> latest started by ``anchor``, future ->
    earliest not yet over, otherwise the nearest."""
    if tense == "past":
        started = [k for k, (start, _) in enumerate(candidates) if start <= anchor]
        return started[-1] if started else 0
    if tense in _PREFER_FUTURE:
        pending = [k for k, (_, end) in enumerate(candidates) if end >= anchor]
        return pending[0] if pending else len(candidates) - 1

    def distance(k: int) -> float:
        start, end = candidates[k]
        if start <= anchor <= end:
            return 0
        # News mostly reports what happened: a later reading must be clearly nearer to win.
        return (anchor - end).days if end < anchor else 1.5 * (start - anchor).days

    return min(range(len(candidates)), key=distance)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _holiday(rule: str, year: int) -> dt.date | None:
    if rule.startswith("easter"):
        a, b, c = year % 19, year // 100, year % 100
        d, e = b // 4, b % 4
        f = (b + 8) // 25
        g = (b - f + 1) // 3
        h = (19 * a + b - d - g + 15) % 30
        i, k = c // 4, c % 4
        l_ = (32 + 2 * e + 2 * i - h - k) % 7
        m = (a + 11 * h + 22 * l_) // 451
        month, day = divmod(h + l_ - 7 * m + 114, 31)
        return dt.date(year, month, day + 1) + dt.timedelta(days=int(rule[6:] or 0))
    if ":" in rule:
        month, nth, weekday = (int(x) for x in rule.split(":"))
        days = [d for d in range(1, calendar.monthrange(year, month)[1] + 1)
                if dt.date(year, month, d).isoweekday() == weekday]
        return dt.date(year, month, days[nth - 1 if nth > 0 else nth])
    month, day = (int(x) for x in rule.split("-"))
    return dt.date(year, month, day) if _valid(year, month, day) else None


def _integral(count: int | Fraction | Decimal | str, unit: str) -> tuple[int | Fraction | Decimal | str, str]:
    """The count in whole units where it can be: a fortnight is two weeks, a year and a half 18 months, half
    a century 50 years. Decimals written in digits ("1.5 years") stay as written."""
    if unit == "FN":
        count, unit = (count * 2 if count != "X" else "X"), "W"
    if unit in ("DE", "CE") and count != "X":
        count, unit = count * (10 if unit == "DE" else 100), "Y"
    if isinstance(count, (Fraction, Decimal)) and count == int(count):
        count = int(count)
    if isinstance(count, Fraction):
        smaller, factor = _SMALLER_UNIT.get(unit, (unit, 1))
        if (count * factor).denominator == 1:
            count, unit = int(count * factor), smaller
    return count, unit


def _duration(count: int | Fraction | Decimal | str, unit: str) -> str | None:
    count, unit = _integral(count, unit)
    if count == "X" and unit in ("DE", "CE"):
        return f"PX{unit}"
    code = _UNIT_CODE.get(unit)
    if code is None:
        return None
    text = format(count.normalize(), "f") if isinstance(count, Decimal) else \
        f"{float(count):g}" if isinstance(count, Fraction) else str(count)
    return f"PT{text}{code[1]}" if code.startswith("T") else f"P{text}{code}"


def _season_period(code: str, year: int) -> tuple[dt.date, dt.date]:
    start = dt.date(year, _SEASON_START[code], 1)
    end_year, end_month = _add_months(year, _SEASON_START[code], 2)
    return start, _month_end(end_year, end_month)


def _meaning_value(meaning: tuple, anchor: dt.date | None, tense: str | None) -> tuple[str | None, str | None]:
    kind = meaning[0]
    if kind == "year":
        return str(meaning[1]), "year"
    if kind == "date":
        year, month, day = meaning[1], meaning[2], meaning[3]
        offset = meaning[4] if len(meaning) > 4 else None
        year_offset = meaning[5] if len(meaning) > 5 else None
        if month is None:
            return str(year), "year"
        precision = "day" if day else "month"
        if year is None:
            if anchor is None:
                return None, precision
            if year_offset is not None:
                year = anchor.year + year_offset
            elif offset is not None:
                # "last March" is the latest March before this month; "next March" the first after it.
                year = anchor.year
                if offset < 0:
                    year -= 1 if month >= anchor.month else 0
                elif offset > 0:
                    year += 1 if month <= anchor.month else 0
            else:
                years = [anchor.year - 1, anchor.year, anchor.year + 1]
                if day:
                    periods = [(dt.date(y, month, min(day, calendar.monthrange(y, month)[1])),) * 2
                               for y in years]
                else:
                    periods = [(dt.date(y, month, 1), _month_end(y, month)) for y in years]
                year = years[_choose(periods, anchor, tense)]
        if day:
            return (f"{year:04d}-{month:02d}-{day:02d}", "day") if _valid(year, month, day) else (None, None)
        return f"{year:04d}-{month:02d}", "month"
    if kind == "decade":
        century, tens = meaning[1], meaning[2]
        if century is None:
            now = anchor.year if anchor else 2000
            century = now // 100 if tens * 10 <= now % 100 else now // 100 - 1
        return f"{century:02d}{tens}", "decade"
    if kind == "century":
        return f"{meaning[1]:02d}", "century"
    if kind == "years":
        return f"{meaning[1]}/{meaning[2]}", "range"
    if kind == "ref":
        return meaning[1], "ref"
    if kind == "set":
        return meaning[1], "set"
    if kind == "dur":
        _, count, unit, anchored = meaning
        return _duration(count, unit), "range" if anchored else "duration"
    if kind == "holiday":
        rule, year = meaning[1], meaning[2]
        if year is None:
            if anchor is None:
                return None, "day"
            years = [anchor.year - 1, anchor.year, anchor.year + 1]
            days = [_holiday(rule, y) for y in years]
            if any(d is None for d in days):
                return None, "day"
            year = years[_choose([(d, d) for d in days], anchor, tense)]
        day = _holiday(rule, year)
        return (day.isoformat() if day else None), "day"
    if kind == "season":
        _, code, year, rel = meaning
        if year is None:
            if anchor is None:
                return None, "season"
            years = [anchor.year - 2, anchor.year - 1, anchor.year, anchor.year + 1]
            periods = [_season_period(code, y) for y in years]
            if isinstance(rel, tuple):
                year = anchor.year + rel[1]
            elif rel == 0 and code != "WI":
                year = anchor.year  # "this summer" is this year's, whether over or to come
            elif rel == -1:
                done = [k for k, (_, end) in enumerate(periods) if end < anchor]
                year = years[done[-1]]
            elif rel == 1:
                year = years[next(k for k, (start, _) in enumerate(periods) if start > anchor)]
            elif rel == 0:
                year = years[_choose(periods, anchor, None)]
            else:
                year = years[_choose(periods, anchor, tense)]
        return f"{year}-{code}", "season"
    if kind == "quarter":
        _, code, number, year, rel = meaning
        size = 3 if code == "Q" else 6
        if year is None:
            if anchor is None:
                return None, "quarter"
            if rel is not None:
                year = anchor.year + rel
            else:
                years = [anchor.year - 1, anchor.year, anchor.year + 1]
                periods = [(dt.date(y, (number - 1) * size + 1, 1), _month_end(y, number * size)) for y in years]
                year = years[_choose(periods, anchor, tense)]
        return f"{year}-{code}{number}", "quarter"
    if kind == "time":
        day_meaning, clock = meaning[1], meaning[2]
        day_value = _meaning_value(day_meaning, anchor, tense)[0] if day_meaning else \
            anchor.isoformat() if anchor else None
        if day_value is None or len(day_value) != 10:
            return None, "time"
        return f"{day_value}T{clock}", "time"
    if kind == "year_end":
        if anchor is None:
            return None, "year"
        # Told in the past before December, "the end of the year" has passed: it is last year's.
        return str(anchor.year - (tense == "past" and anchor.month < 12)), "year"
    if kind == "overnight":
        if anchor is None:
            return None, "time"
        # The night before publication when told in the past, the coming one otherwise.
        night = anchor - dt.timedelta(days=tense in ("past", None))
        return f"{night.isoformat()}TNI", "time"
    if anchor is None:
        return None, _PRECISION_OF_UNIT.get(meaning[1]) if kind in ("rel", "shift") else None
    if kind in ("rel", "anaphor"):
        return _relative(meaning[1], meaning[2], anchor)
    if kind == "counted":
        return _counted_value(meaning, anchor, anchor, tense)
    if kind == "weekend":
        # The weekend closes its ISO week: past tense -> the latest one begun by the anchor date.
        this_week = anchor + dt.timedelta(days=6 - anchor.isoweekday())
        if tense in _PREFER_FUTURE or tense == "present":
            return _week(anchor) + "-WE", "week"
        return _week(this_week if anchor.isoweekday() >= 6 else anchor - dt.timedelta(weeks=1)) + "-WE", "week"
    if kind == "shift":
        count, unit = meaning[1], meaning[2]
        if unit in ("S", "MIN", "H"):
            return anchor.isoformat(), "day"
        if anchor.year + count * {"Y": 1, "DE": 10, "CE": 100}.get(unit, 0) < 1000:
            return "PAST_REF", "ref"  # "2,000 years ago" lies before any year we write
        if unit == "DE":
            return str(anchor.year + 10 * count), "year"
        if unit == "CE":
            return f"{(anchor.year + 100 * count) // 100:02d}", "century"
        return _relative(unit, count, anchor)
    if kind == "weekday":
        day, offset = meaning[1], meaning[2]
        if isinstance(offset, tuple):
            monday = anchor - dt.timedelta(days=anchor.isoweekday() - 1) + dt.timedelta(weeks=offset[1])
            return (monday + dt.timedelta(days=day - 1)).isoformat(), "day"
        delta = day - anchor.isoweekday()
        if offset == -1:
            back = (anchor.isoweekday() - day) % 7 or 7
            return (anchor - dt.timedelta(days=back)).isoformat(), "day"
        if offset == 1:
            ahead = (day - anchor.isoweekday()) % 7 or 7
            return (anchor + dt.timedelta(days=ahead)).isoformat(), "day"
        if tense in _PREFER_FUTURE or tense == "present":
            # A present tense that is not reporting speech schedules: "the summit opens Friday".
            delta %= 7
        elif offset is None or tense == "past":
            delta = -((-delta) % 7)
        return (anchor + dt.timedelta(days=delta)).isoformat(), "day"
    return None, None


def _counted_value(meaning: tuple, start: dt.date | None, published: dt.date | None,
                   tense: str | None) -> tuple[str | None, str | None]:
    """"Two days later" counted from ``start``; a length ("P2D") where that would fall after publication
    in a sentence not about the future: "15 years later" in "still haunts family 15 years later"."""
    _, unit, offset, count = meaning
    if start is None:
        return _duration(count, unit), "duration"
    value, precision = _relative(unit, offset, start)
    if published and tense not in _PREFER_FUTURE and value > _relative(unit, 0, published)[0]:
        return _duration(count, unit), "duration"
    return value, precision


def _relative(unit: str, offset: int, anchor: dt.date) -> tuple[str | None, str | None]:
    if unit == "D":
        return (anchor + dt.timedelta(days=offset)).isoformat(), "day"
    if unit == "W":
        return _week(anchor + dt.timedelta(weeks=offset)), "week"
    if unit == "WE":
        return _week(anchor + dt.timedelta(weeks=offset)) + "-WE", "week"
    if unit == "M":
        year, month = _add_months(anchor.year, anchor.month, offset)
        return f"{year:04d}-{month:02d}", "month"
    if unit == "Y":
        return str(anchor.year + offset), "year"
    if unit == "Q":
        year, month = _add_months(anchor.year, anchor.month, 3 * offset)
        return f"{year}-Q{(month - 1) // 3 + 1}", "quarter"
    if unit == "DE":
        return str(anchor.year // 10 + offset), "decade"
    if unit == "CE":
        return f"{anchor.year // 100 + offset:02d}", "century"
    return None, None


def _whole(text: str) -> tuple[list[tuple[str, int, int, str]], tuple | None]:
    """Read ``text`` as one expression, allowing a leading preposition and trailing punctuation."""
    words = _words(text)
    lex = load_words()
    hedges, trailers = lex.get("hedge", {}), lex.get("trailer", {})
    stripped = True
    while stripped and words:
        stripped = False
        for size in (3, 2, 1):
            if tuple(w[0] for w in words[:size]) in hedges and len(words) > size:
                words, stripped = words[size:], True
                break
    while words and ((words[-1][0],) in trailers or words[-1][0] in (".", ",", ";", ":", "'", "s")):
        words = words[:-1]
    if not words:
        return words, None
    found = _Grammar(words, whole=True).match(0)
    if found and found[0] == len(words):
        return words, found[1]
    return words, None


@lru_cache(maxsize=4096)
def _dateparser_value(text: str, anchor: dt.date, tense: str | None) -> tuple[str | None, str | None]:
    parser = _date_data_parser(anchor, "future" if tense in _PREFER_FUTURE else "past")
    try:
        data = parser.get_date_data(text)
    except (ValueError, OverflowError, TypeError):
        return None, None
    if data is None or data.date_obj is None:
        return None, None
    day = data.date_obj.date()
    period = data.period or "day"
    if not 1000 <= day.year <= 2199:
        return None, None
    if period == "year":
        return str(day.year), "year"
    if period == "month":
        return f"{day.year:04d}-{day.month:02d}", "month"
    if period == "week":
        return day.isoformat(), "day"
    if period == "time":
        return f"{day.isoformat()}T{data.date_obj:%H:%M}", "time"
    return day.isoformat(), "day"


@lru_cache(maxsize=64)
def _date_data_parser(anchor: dt.date, prefer: str):
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings={
        "RELATIVE_BASE": dt.datetime(anchor.year, anchor.month, anchor.day),
        "PREFER_DATES_FROM": prefer,
        "RETURN_TIME_AS_PERIOD": True,
    })


def _worth_dateparser(words: list[tuple[str, int, int, str]]) -> bool:
    """Only text naming a month, a weekday or a date-like number: dateparser turns "the 99th day" into 1999
    and "a second" into a clock time."""
    lex = load_words()
    if any(_ORDINAL.match(w[0]) and int(_ORDINAL.match(w[0]).group(1)) > 31 for w in words):
        return False
    for low, _start, _end, _raw in words:
        if any((low,) in lex.get(kind, {}) for kind in ("month", "weekday")) or low in ("yesterday", "tomorrow"):
            return True
        if _NUMERIC_DATE.match(low) or _CLOCK.match(low):
            return True
    return False


@lru_cache(maxsize=8192)
def resolve(text: str, published: str | None, tense: str | None = None) -> tuple[str | None, str | None]:
    """Normalise one time expression: ``(value, precision)`` as in the module docstring, or ``(None, None)``.

    ``published`` is the anchor date ``YYYY-MM-DD`` (anything else counts as unknown); ``tense`` is
    ``"past"``, ``"present"``, ``"progressive"``, ``"future"`` or None and picks between earlier and later
    readings of a weekday or a month without year. Falls back on dateparser for what the rules cannot read.
    """
    anchor = _parse_published(published)
    words, meaning = _whole(text)
    if meaning is not None:
        return _meaning_value(meaning, anchor, tense)
    if anchor is None or not words or not _worth_dateparser(words):
        return None, None
    return _dateparser_value(" ".join(w[3] for w in words), anchor, tense)


# --- tense of the governing verb -------------------------------------------------------------------


def _tense(parse: Parse, index: int, children: dict[int, list[int]]) -> str | None:
    """Tense of the verb governing token ``index``: past, present, progressive, future or None."""
    tokens = parse.tokens
    lex = load_words()
    future_aux = lex.get("future_aux", {})
    future_verbs = lex.get("future_verb", {})
    token = tokens[index]
    before = index - 1
    while before >= 0 and tokens[before].lower in ("on", "at", "early", "late", "last", "this", "next", ","):
        before -= 1
    if before >= 0 and tokens[before].pos == "VERB" and tokens[before].dep not in ("aux", "auxpass", "amod"):
        # The verb right before a date is its verb even where the parser attaches the date elsewhere:
        # "said on Monday it would respond".
        token = tokens[before]
    for _ in range(10):
        if token.pos in ("VERB", "AUX") and token.dep not in ("aux", "auxpass"):
            break
        if token.head == token.i:
            return None
        token = tokens[token.head]
    else:
        return None
    for _ in range(3):
        auxes = [tokens[c] for c in children.get(token.i, ()) if tokens[c].dep in ("aux", "auxpass")]
        aux_words = {a.lower for a in auxes}
        if any((w,) in future_aux for w in aux_words) and not aux_words & {"have", "'ve"}:
            return "future"
        if token.tag == "VB" and "to" in aux_words and token.head != token.i:
            governor = tokens[token.head]
            if (governor.lemma.lower(),) in future_verbs or governor.pos not in ("VERB", "AUX") or \
                    token.dep in ("advcl", "acl", "relcl"):
                return "future"
        if aux_words & {"has", "have", "'ve"}:
            return "perfect"
        if aux_words & {"had", "'d", "did", "was", "were"}:
            return "past"
        if token.tag == "VBD":
            return "past"
        if token.tag == "VBG" and aux_words & {"is", "are", "am", "'s", "'re"}:
            return "progressive"
        if token.tag in ("VBZ", "VBP"):
            return "past" if (token.lemma.lower(),) in lex.get("report_verb", {}) else "present"
        if token.tag == "VBN" and aux_words & {"is", "are", "'s", "'re", "be"}:
            return "present"
        if token.tag == "VBN" and not aux_words:
            if token.head != token.i:
                token = tokens[token.head]
                continue
            return "past"
        if token.head == token.i or token.tag not in ("VB", "VBG", "VBN"):
            return None
        token = tokens[token.head]
    return None


def _negated(parse: Parse, index: int, children: dict[int, list[int]]) -> bool:
    """Whether the verb governing token ``index`` is negated: "did not seek help until April 28" happened."""
    token = parse.tokens[index]
    for _ in range(10):
        if token.pos in ("VERB", "AUX") or token.head == token.i:
            break
        token = parse.tokens[token.head]
    return any(parse.tokens[c].dep == "neg" for c in children.get(token.i, ()))


def _children(parse: Parse) -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for token in parse.tokens:
        if token.head != token.i:
            children.setdefault(token.head, []).append(token.i)
    return children


# --- the stage ---------------------------------------------------------------------------------------


def _blocked_words(words, parse: Parse, token_at) -> frozenset[int]:
    """Calendar words that are something else here: "May" the modal, "March" and "last" the verbs, "Friday" in
    a name ("the Good Friday Agreement", "April Ryan")."""
    if not parse.tokens:
        return frozenset()
    lex = load_words()
    calendar_words = {key[0] for kind in ("month", "weekday", "season", "holiday") for key in lex.get(kind, {})}
    calendar_words.add("last")
    holidays = {key[0] for key in lex.get("holiday", {})}
    blocked = set()
    for k, (low, start, _end, _raw) in enumerate(words):
        if low not in calendar_words:
            continue
        token = parse.tokens[token_at(start)]
        if token.tag == "MD" or token.tag.startswith("V") and low in ("may", "march", "fall", "spring", "last"):
            blocked.add(k)
        elif token.ent_type in _NAME_ENTITY and not (low in holidays and k > 0 and words[k - 1][0] in _BEFORE_HOLIDAY):
            # The parser calls a holiday a name too: "on Easter" is still the day.
            blocked.add(k)
    return frozenset(blocked)


def _is_quantity(meaning: tuple, words, k: int, end: int, parse: Parse, token_at) -> bool:
    """A bare four-digit number that is an amount, not a year ("2010 people", "$2010")."""
    if meaning[0] != "year" or end != k + 1:
        return False
    before = words[k - 1][0] if k > 0 else ""
    after = words[end][0] if end < len(words) else ""
    if before in _CURRENCY or after in _AFTER_NUMBER_NOT_DATE:
        return True
    if before in _YEAR_SPAN_OPENERS:
        return False  # "between 2001 and 2005": the parser may hang the year on a later noun
    streets = load_words().get("street", {})
    for low, _start, _end, raw in words[end:end + 3]:
        if (low,) in streets:
            return True  # a house number: "1935 Orchard St."
        if not raw[:1].isupper():
            break
    if parse.tokens:
        token = parse.tokens[token_at(words[k][1])]
        if meaning[1] < 1800 and token.ent_type != "DATE":
            return True  # an old year needs the tagger's support: "at 1146 and 1160 W. Avenue"
        # "the company's 2012 results": a possessive before a recent-looking number names the year.
        owner = before in _YEAR_OWNERS or (before == "s" and k > 1 and words[k - 2][0] in ("'", "’"))
        if owner and 1950 <= meaning[1] <= 2050 and meaning[1] % 100 and token.ent_type not in _NEGATIVE_ENTITY:
            return False
        if token.ent_type in _NEGATIVE_ENTITY or token.ent_type == "CARDINAL" and token.dep == "nummod":
            return True
        # "for 2010 tickets" counts tickets; "the 2010 elections" names a year.
        head = parse.tokens[token.head]
        if token.dep == "nummod" and head.tag == "NNS" and (head.lower,) not in load_words().get("unit", {}) \
                and before not in ("the", "'s", "its", "their", "his", "her", "this", "that", "these", "those"):
            return True
    return False


def find_dates(parse: Parse, published: str | None) -> tuple[DateExpr, ...]:
    """Date expressions of the text with values resolved against ``published``, in text order.

    Without a usable ``published``, a full date in the first ``DATELINE_CHARS`` characters (a dateline such
    as "NAIROBI, March 3, 2025 -") anchors the relative expressions instead.
    """
    text = parse.text
    words = _words(text)
    if not words:
        return ()
    starts = [t.start for t in parse.tokens]

    def token_at(char: int) -> int:
        return max(0, bisect.bisect_right(starts, char) - 1)

    grammar = _Grammar(words, _blocked_words(words, parse, token_at))
    openers = _first_words()
    anchor = _parse_published(published)
    anchor_text = anchor.isoformat() if anchor else None
    children: dict[int, list[int]] | None = None
    found: list[tuple[int, int, tuple | None, str]] = []
    rejected: list[tuple[int, int]] = []
    k = 0
    while k < len(words):
        low = words[k][0]
        if low not in openers and not low[:1].isdigit() and not low.startswith("'"):
            k += 1
            continue
        match = grammar.match(k)
        if match and (_is_quantity(match[1], words, k, match[0], parse, token_at) or
                      match[1] == ("overnight",) and parse.tokens and
                      parse.tokens[token_at(words[k][1])].pos == "ADJ"):  # "overnight trading" is no time
            rejected.append((words[k][1], words[k][2]))
            match = None
        if not match:
            k += 1
            continue
        end, meaning = match
        if meaning[0] == "years":
            _, first, second = meaning
            word_start, word_end = words[k][1], words[k][2]
            cut = word_start + 4
            found.append((word_start, cut, ("year", first), ""))
            found.append((cut + 1, word_end, ("year", second), ""))
        else:
            found.append((words[k][1], words[end - 1][2], meaning, ""))
        k = end
    for entity in parse.entities:
        if entity.label not in ("DATE", "TIME"):
            continue
        if any(s < entity.end_char and entity.start_char < e for s, e, _, _ in found) or \
                any(s < entity.end_char and entity.start_char < e for s, e in rejected):
            continue
        found.append((entity.start_char, entity.end_char, None, entity.text))
    found.sort(key=lambda item: (item[0], item[1]))
    if anchor is None:
        anchor = _dateline(found)
        anchor_text = anchor.isoformat() if anchor else None
    result = []
    last_point: tuple[str, str] | None = None
    range_start: DateExpr | None = None
    for index, (start, end, meaning, entity_text) in enumerate(found):
        if parse.tokens:
            if children is None:
                children = _children(parse)
            tense = _tense(parse, token_at(start), children)
            preposition = _word_before(text, start)
            if preposition == "since":
                tense = "past"
            elif tense == "perfect":
                # "has been postponed until Saturday" points forward; otherwise a perfect reports the past.
                tense = "future" if preposition in ("until", "till") else "past"
            elif tense == "past" and preposition in ("until", "till") and meaning is not None and \
                    (meaning[0] == "weekday" or meaning[0] == "date" and meaning[3]) and \
                    not _negated(parse, token_at(start), children):
                # "adjourned the trial until April 8": a named day closing a past act is most often still ahead.
                tense = "future" if meaning[0] == "weekday" else None
        else:
            tense = None
        if meaning is not None and meaning[0] == "counted":
            following = found[index + 1] if index + 1 < len(found) else None
            value, precision = _counted_value(meaning, _discourse_anchor(last_point, meaning[1]) or anchor,
                                              anchor, tense)
            if following and _APPOSITION.fullmatch(text[end:following[0]]):
                value, precision = _duration(meaning[3], meaning[1]), "duration"
        elif meaning is not None and (meaning[0] == "anaphor" or meaning[0] == "time" and meaning[1] and
                                    meaning[1][0] == "anaphor"):
            unit = meaning[1] if meaning[0] == "anaphor" else "D"
            value, precision = _meaning_value(meaning, _discourse_anchor(last_point, unit) or anchor, tense)
        elif meaning is not None and meaning[0] == "time" and meaning[1] is None and \
                _day_just_before(result, text, start):
            value, precision = f"{result[-1].value[:10]}T{meaning[2]}", "time"  # "Wednesday, March 27, at 10"
        elif meaning is not None:
            value, precision = _meaning_value(meaning, anchor, tense)
        else:
            value, precision = resolve(entity_text, anchor_text, tense)
            if value is None or _looks_like_age(entity_text):
                continue
        if meaning is not None and meaning[0] == "weekday" and meaning[2] is None and value and result:
            after = _weekday_after(result[-1], meaning[1], value, text[result[-1].end:start])
            if after and not (tense == "past" and anchor_text and after > anchor_text >= result[-1].value):
                value = after
        yearless = meaning is not None and meaning[0] == "date" and meaning[1] is None and \
            all(extra is None for extra in meaning[4:])
        if yearless and value and range_start and _ends_range(range_start, value, text[range_start.end:start]):
            later = _shift_year(value, 1)
            if tense == "past" and anchor and later > anchor.isoformat()[:len(later)]:
                # Told in the past, the range is over: "ran from January through June" began the year before.
                earlier = _shift_year(range_start.value, -1)
                result[-1] = DateExpr(range_start.start, range_start.end, range_start.text, earlier,
                                      range_start.precision)
            else:
                value = later  # "runs from June to November": the November after that June
        result.append(DateExpr(start, end, text[start:end], value, precision))
        range_start = result[-1] if yearless and value else None
        if precision in ("day", "month", "year") and value and value[:4].isdigit():
            last_point = (value, precision)
    return tuple(result)


def _ends_range(first: DateExpr, value: str, between: str) -> bool:
    """Whether a month or day without a year closes a range opened by ``first`` yet reads as earlier."""
    return between.strip().lower() in _RANGE_LINKS and len(value) == len(first.value) and value < first.value \
        and not value.endswith("-02-29") and not first.value.endswith("-02-29")


def _weekday_after(first: DateExpr, weekday: int, value: str, between: str) -> str | None:
    """A weekday listed right after a day it would otherwise precede: "next Wednesday and Thursday" is the
    Thursday after that Wednesday."""
    if first.precision != "day" or not first.value or value >= first.value or \
            between.strip().lower() not in _WEEKDAY_LINKS:
        return None
    day = dt.date.fromisoformat(first.value)
    return (day + dt.timedelta(days=(weekday - day.isoweekday()) % 7 or 7)).isoformat()


def _shift_year(value: str, years: int) -> str:
    return f"{int(value[:4]) + years:04d}{value[4:]}"


def _day_just_before(result: list[DateExpr], text: str, start: int) -> bool:
    """Whether a bare clock time follows a named day closely in the same clause, and so falls on it."""
    if not result or not result[-1].value or not result[-1].value[:4].isdigit() or \
            result[-1].precision not in ("day", "time") or len(result[-1].value) < 10:
        return False
    between = text[result[-1].end:start]
    return len(between) <= _CLOCK_REACH and not any(c in between for c in ".;:!?\n")


def _dateline(found) -> dt.date | None:
    """A full date near the top of an undated article: its dateline, the best stand-in for publication."""
    for start, _end, meaning, _text in found:
        if start > DATELINE_CHARS:
            break
        if meaning and meaning[0] == "date" and meaning[1] and meaning[3] and _valid(*meaning[1:4]):
            return dt.date(*meaning[1:4])
    return None


def _discourse_anchor(point: tuple[str, str] | None, unit: str) -> dt.date | None:
    """The date "the next day" or "the following month" counts from: the last date the text named, when it
    is at least as precise as the unit."""
    if point is None:
        return None
    value, precision = point
    needed = {"D": ("day",), "W": ("day",), "M": ("day", "month"), "Y": ("day", "month", "year")}
    if precision not in needed.get(unit, ()):
        return None
    parts = [int(p) for p in value.split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _word_before(text: str, start: int) -> str:
    before = text[max(0, start - 20):start].split()
    return before[-1].lower() if before else ""


def _looks_like_age(text: str) -> bool:
    low = text.lower()
    return "old" in low.split() or low.endswith("-old") or "year-old" in low
