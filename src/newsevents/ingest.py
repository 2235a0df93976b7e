"""Read articles from files, directories, globs, JSONL and stdin; repair and clean their text.

Bad input never stops a batch: an unreadable file, a malformed JSONL line, binary data, an empty or
non-English article each become one article whose ``error`` says what was wrong and where.
"""

from __future__ import annotations

import glob
import gzip
import json
import logging
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from functools import cache, lru_cache
from html.parser import HTMLParser
from pathlib import Path

from .model import ErrorInfo, RawArticle, Removed, stable_id

log = logging.getLogger("newsevents.ingest")

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

# Limits (override with the environment variables of the same name prefixed NEWSEVENTS_, or per call).
# Longer articles are cut at a paragraph or sentence boundary; the cut is listed in ``removed``.
MAX_ARTICLE_CHARS = int(os.environ.get("NEWSEVENTS_MAX_ARTICLE_CHARS", "100000"))
# Bytes read from one text or HTML file; the rest of a bigger file is never loaded.
MAX_FILE_BYTES = int(os.environ.get("NEWSEVENTS_MAX_FILE_BYTES", "32000000"))
# HTML left after dropping scripts and styles is cut to this many characters before extraction.
MAX_HTML_CHARS = int(os.environ.get("NEWSEVENTS_MAX_HTML_CHARS", "1000000"))
# Runs of non-space characters this long (base64 blobs, minified code) are not language.
MAX_TOKEN_CHARS = int(os.environ.get("NEWSEVENTS_MAX_TOKEN_CHARS", "200"))
LANGUAGES = tuple(os.environ.get("NEWSEVENTS_LANGUAGES", "en").split(","))

BOILERPLATE_FILE = Path(__file__).with_name("data") / "boilerplate.tsv"


BOILERPLATE_SCOPES = ("line", "tail", "list", "prompt", "keep")


@dataclass(frozen=True)
class BoilerplateRule:
    """A line of site chrome: ``reason`` shown in ``removed``; ``tail`` also drops every later line.

    ``scope`` is one of ``BOILERPLATE_SCOPES`` (see the header of ``data/boilerplate.tsv``).
    """

    reason: str
    pattern: re.Pattern[str]
    tail: bool
    scope: str = "line"


@cache
def load_boilerplate_rules(paths: tuple[str, ...] = ()) -> tuple[BoilerplateRule, ...]:
    """The bundled boilerplate rules (``data/boilerplate.tsv``) plus rules from the user's files of that format."""
    rules = []
    for path in (BOILERPLATE_FILE, *map(Path, paths)):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            try:
                reason, scope, pattern = line.split("\t", 2)
                if scope not in BOILERPLATE_SCOPES:
                    raise ValueError(f"unknown scope {scope!r}, expected one of {', '.join(BOILERPLATE_SCOPES)}")
                rules.append(BoilerplateRule(reason, re.compile(pattern, re.IGNORECASE), scope == "tail", scope))
            except (ValueError, re.error) as exc:
                raise ValueError(f"{path}:{number}: bad boilerplate rule: {exc}") from None
    return tuple(rules)


_MAX_BOILERPLATE_LINE = 300
# A list of links under a "Most read" header: short lines that are headlines (numbered, bulleted, or not
# ending as a sentence does), never more than this many.
_MAX_LIST_ITEMS = 12
_MAX_LIST_ITEM = 160
_LIST_ITEM = re.compile(r"(\d{1,2}[.)]|[\u2022\u00b7\u25aa\u25ba\u2013\u2014*-])\s")
_SENTENCE_END = re.compile(r"[.!:;,\"\u201d\u2019']$")


class IngestError(Exception):
    """A problem with one input article; becomes that article's error record."""


# --- repairing decoded text -------------------------------------------------------------------------------

# What the bytes 0x80-0x9F become when UTF-8 is misread as Windows-1252 (0x81 0x8D 0x8F 0x90 0x9D are
# unassigned there and survive as the C1 control of the same number).
_CP1252_HIGH = "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(0x80, 0xA0))
_CONT = "[\u00a0-\u00bf" + re.escape(_CP1252_HIGH) + "]"
_MOJIBAKE = re.compile(f"(?:[\u00c2-\u00df]{_CONT}|[\u00e0-\u00ef]{_CONT}{{2}}|[\u00f0-\u00f4]{_CONT}{{3}})+")
# A closing curly quote whose last byte (0x9D) was dropped by the misreading program.
_MOJIBAKE_CLOSE_QUOTE = re.compile("\u00e2\u20ac(?:\ufffd|(?=[\\s.,;:!?)]|$))")
_LINE_BREAKS = re.compile("[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# C0/C1 controls (tab, newline and carriage return stay), lone surrogates, BOMs, zero-width space,
# noncharacters: none is text and some break JSON or database writers downstream.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f-\x9f\ud800-\udfff\ufeff\ufffe\uffff\u200b]")


def _mojibake_bytes(run: str) -> bytes:
    out = bytearray()
    for char in run:
        try:
            out += char.encode("cp1252")
        except UnicodeEncodeError:
            out.append(ord(char))
    return bytes(out)


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 text that was decoded as Windows-1252 (``â€™`` -> ``’``, ``Ã©`` -> ``é``).

    Only runs that form complete UTF-8 sequences are changed, so correct accented text is left alone.
    """

    def fix(match: re.Match[str]) -> str:
        try:
            return _mojibake_bytes(match.group()).decode("utf-8")
        except UnicodeDecodeError:
            return match.group()

    for _ in range(2):  # text mangled twice needs two passes
        if not _MOJIBAKE.search(text):
            break
        fixed = _MOJIBAKE.sub(fix, text)
        if fixed == text:
            break
        text = fixed
    return _MOJIBAKE_CLOSE_QUOTE.sub("\u201d", text) if "\u00e2\u20ac" in text else text


def _sanitize(text: str) -> tuple[str, list[Removed]]:
    """Repair mojibake, drop control characters and over-long tokens; report what was dropped."""
    removed: list[Removed] = []
    text = repair_mojibake(text)
    text = _LINE_BREAKS.sub("\n", text)
    count = len(_CONTROL.findall(text))
    if count:
        text = _CONTROL.sub("", text)
        removed.append(Removed(f"{count} control or invalid characters", "control-characters"))
    if len(text) >= MAX_TOKEN_CHARS:
        long_token = re.compile(rf"\S{{{MAX_TOKEN_CHARS},}}")
        long_tokens = long_token.findall(text)
        if long_tokens:
            text = long_token.sub("", text)
            removed.extend(Removed(_preview(t), "long-token") for t in long_tokens[:20])
    return text, removed


def _preview(text: str, size: int = 80) -> str:
    return text if len(text) <= size else f"{text[:size]}... ({len(text)} characters)"


def clean_text(text: str) -> tuple[str, tuple[Removed, ...]]:
    """Repair the text and remove site chrome (comments, disclaimers, share lines ...) as a reader skips it.

    Returns the cleaned text and the removed blocks with the reason for each.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text, removed = _sanitize(text)
    kept: list[str] = []
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        stripped = line.strip()
        rule = _chrome_rule(stripped) if stripped and len(stripped) <= _MAX_BOILERPLATE_LINE else None
        if rule is None:
            kept.append(line)
        elif rule.tail:
            removed.append(Removed("\n".join(lines[index - 1:]).strip(), rule.reason))
            break
        elif rule.scope == "list":
            end = _list_end(lines, index)
            removed.append(Removed("\n".join(x.strip() for x in lines[index - 1:end] if x.strip()), rule.reason))
            index = end
        else:
            removed.append(Removed(stripped, rule.reason))
    cleaned = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    return cleaned, tuple(removed)


def _chrome_rule(line: str) -> BoilerplateRule | None:
    """The first rule that removes ``line``; ``prompt`` rules spare a line a ``keep`` rule finds prose in."""
    rules = load_boilerplate_rules()
    for rule in rules:
        if rule.scope == "keep" or not rule.pattern.match(line):
            continue
        if rule.scope == "prompt" and any(k.pattern.search(line) for k in rules if k.scope == "keep"):
            continue
        return rule
    return None


def _list_end(lines: list[str], start: int) -> int:
    """Index after the headline links that follow a list header at ``start - 1`` (blank lines between)."""
    end = index = start
    items = 0
    while index < len(lines) and items < _MAX_LIST_ITEMS:
        item = lines[index].strip()
        index += 1
        if not item:
            continue
        if len(item) > _MAX_LIST_ITEM or not (_LIST_ITEM.match(item) or not _SENTENCE_END.search(item)):
            break
        items += 1
        end = index
    return end


def parse_published(value: object) -> str | None:
    """Validate a publication date (ISO 8601 or RFC 2822); returns ``YYYY-MM-DD`` or raises ValueError."""
    if value is None or value == "":
        return None
    text = str(value).strip()
    match = re.match(r"^(\d{4}-\d{2}-\d{2})", text)
    try:
        if match:
            return date.fromisoformat(match.group(1)).isoformat()
        if re.match(r"^\d{8}$", text):
            return datetime.strptime(text, "%Y%m%d").date().isoformat()
        return parsedate_to_datetime(text).date().isoformat()
    except (ValueError, TypeError, IndexError):
        pass
    raise ValueError(f"invalid publication date {text[:80]!r}: expected YYYY-MM-DD")


def make_doc_id(text: str, source: str | None = None, url: str | None = None) -> str:
    return stable_id(source, url, text)


def _truncate(text: str, limit: int) -> tuple[str, Removed | None]:
    """Cut ``text`` to at most ``limit`` characters at a paragraph, sentence or word boundary."""
    if len(text) <= limit:
        return text, None
    floor = limit // 2
    cut = text.rfind("\n\n", floor, limit)
    if cut < 0:
        cut = max(text.rfind(end, floor, limit - 1) for end in (". ", "! ", "? ", ".\n", '." ', ".\u201d "))
        cut = cut + 1 if cut >= 0 else text.rfind(" ", floor, limit)
    kept = text[: cut if cut > 0 else limit].rstrip()
    note = f"{len(text) - len(kept)} characters after the first {len(kept)} (article longer than {limit})"
    return kept, Removed(note, "truncated")


# --- language ---------------------------------------------------------------------------------------------

_WORDS = re.compile(r"[^\W\d_]+")
# Frequent English function words: news English has 30-45% of them, other languages almost none,
# so most articles are settled without the (slower) n-gram detector.
_ENGLISH_WORDS = frozenset(re.findall(r"\w+", """
    the of and to in a is that for on was with he it as at by said from his be have has are were not but an
    they this who will their been after had would which or she her its we i you our more than also about
    into over
"""))


@lru_cache(maxsize=1)
def _language_detector_factory():
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.set_seed(0)  # langdetect samples at random: a fixed seed makes it deterministic
    return factory


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when there is too little text to tell."""
    sample = text[:3000]
    words = _WORDS.findall(sample.lower())
    if len(words) >= 8 and sum(w in _ENGLISH_WORDS for w in words) >= 0.15 * len(words):
        return "en"
    if sum(map(len, words)) < 40:
        return None
    from langdetect.lang_detect_exception import LangDetectException

    detector = _language_detector_factory().create()
    detector.append(sample)
    try:
        best = detector.get_probabilities()[0]
    except (LangDetectException, IndexError):
        return None
    # Unsure answers count as English: dropping an English article costs more than parsing a foreign one.
    return best.lang if best.prob >= 0.9 else "en"


# --- one article ------------------------------------------------------------------------------------------

def _safe(text: str | None) -> str | None:
    """``text`` encodable as UTF-8 (file names and JSON strings can hold lone surrogates)."""
    return None if text is None else text.encode("utf-8", "replace").decode("utf-8")


def _meta(value: object) -> str | None:
    """A metadata field as clean text (JSONL producers put numbers, lists and junk there)."""
    if value is None or isinstance(value, (dict, list, tuple, bool)):
        return None
    text = _CONTROL.sub("", _LINE_BREAKS.sub(" ", str(value))).strip()
    return text[:2000] or None


def read_text(
    text: str,
    published: str | None = None,
    source: str | None = None,
    url: str | None = None,
    title: str | None = None,
    doc_id: str | None = None,
    origin: str | None = None,
    *,
    max_chars: int | None = None,
) -> RawArticle:
    """Repair and clean one plain-text article; problems become the article's error record."""
    error = None
    source, url, title, origin = _meta(source), _meta(url), _meta(title), _safe(origin)
    try:
        published = parse_published(published)
    except ValueError as exc:
        error = ErrorInfo("InvalidDate", str(exc), "ingest")
        published = None
    cleaned, removed = clean_text(text if isinstance(text, str) else "")
    cleaned, cut = _truncate(cleaned, max_chars or MAX_ARTICLE_CHARS)
    if cut:
        removed += (cut,)
        log.warning("%s: %s", origin or "article", cut.text)
    language = "en"
    where = f"{origin}: " if origin else ""
    if error is None and not cleaned.strip():
        error = ErrorInfo("EmptyArticle", f"{where}article has no text after cleaning", "ingest")
    elif error is None:
        language = detect_language(cleaned) or "en"
        if language not in LANGUAGES:
            error = ErrorInfo("NonEnglish", f"{where}article is in language {language!r}, not English", "ingest")
    if doc_id is None and cleaned:
        doc_id = make_doc_id(cleaned, source, url)
    return RawArticle(
        doc_id=_meta(doc_id) or stable_id("empty", origin, source, url),
        text=cleaned,
        source=source,
        url=url,
        title=title,
        published=published,
        removed=removed,
        language=language,
        error=error,
        origin=origin,
    )


# --- HTML -------------------------------------------------------------------------------------------------

_NON_TEXT_ELEMENTS = ("script", "style", "noscript", "svg", "template", "iframe", "object")
_BLOCK_TAGS = frozenset(re.findall(r"\w+", """
    p div br li ul ol h1 h2 h3 h4 h5 h6 article section header footer blockquote tr table pre figcaption
    title dd dt
"""))


def _drop_elements(html: str) -> str:
    """Remove comments and script/style-like elements in one linear pass (unclosed ones run to the end)."""
    lower = html.lower()
    pieces: list[str] = []
    pos = 0
    pattern = re.compile(r"<!--|<({})\b".format("|".join(_NON_TEXT_ELEMENTS)))
    while True:
        match = pattern.search(lower, pos)
        if match is None:
            pieces.append(html[pos:])
            break
        pieces.append(html[pos : match.start()])
        closing = "-->" if match.group() == "<!--" else f"</{match.group(1)}"
        end = lower.find(closing, match.end())
        if end < 0:
            break
        end = lower.find(">", end)
        pos = len(html) if end < 0 else end + 1
    return "".join(pieces)


class _TextExtractor(HTMLParser):
    """Fallback extraction when trafilatura cannot parse a page (deep nesting, broken markup)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title = ""
        self.depth = self.max_depth = 0
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        self.depth += 1
        self.max_depth = max(self.max_depth, self.depth)
        if tag in _NON_TEXT_ELEMENTS or tag == "head":
            self._skip += 1
        self._in_title = tag == "title"
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        self.depth = max(0, self.depth - 1)
        if tag in _NON_TEXT_ELEMENTS or tag == "head":
            self._skip = max(0, self._skip - 1)
        self._in_title = False
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        elif not self._skip:
            self.parts.append(data)

    def text(self) -> str:
        lines = (" ".join(line.split()) for line in "".join(self.parts).split("\n"))
        return "\n\n".join(line for line in lines if line)


def _fallback_html_text(html: str) -> tuple[str, str, int]:
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    return parser.text(), " ".join(parser.title.split()), parser.max_depth


# libxml2 gives up on documents nested deeper than this; trafilatura then finds nothing.
_LXML_MAX_DEPTH = 255


def read_html(
    html: str,
    published: str | None = None,
    source: str | None = None,
    url: str | None = None,
    title: str | None = None,
    doc_id: str | None = None,
    origin: str | None = None,
    *,
    max_chars: int | None = None,
) -> RawArticle:
    """Extract the main text and metadata of an HTML page with trafilatura, then clean it."""
    html = _drop_elements(html if isinstance(html, str) else "")
    notes: list[Removed] = []
    if len(html) > MAX_HTML_CHARS:
        notes.append(Removed(f"HTML after the first {MAX_HTML_CHARS} of {len(html)} characters", "truncated"))
        html = html[: html.rfind("<", 0, MAX_HTML_CHARS) if "<" in html[:MAX_HTML_CHARS] else MAX_HTML_CHARS]
    extracted, failure = None, None
    try:
        import trafilatura

        # Its complaints about broken pages are logged as errors; the article's error record says it better.
        logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
        extracted = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    except Exception as exc:  # noqa: BLE001 - trafilatura raises many kinds on broken markup
        failure = f"{type(exc).__name__}: {exc}"
    text = getattr(extracted, "text", None) if extracted is not None else None
    if text:
        meta = extracted
    else:
        try:
            fallback, page_title, depth = _fallback_html_text(html)
        except Exception as exc:  # noqa: BLE001 - the stdlib parser is the last resort
            fallback, page_title, depth = "", "", 0
            failure = failure or f"{type(exc).__name__}: {exc}"
        if not fallback or (failure is None and depth <= _LXML_MAX_DEPTH):
            reason = f"HTML could not be parsed: {failure}" if failure else "no article text found in HTML"
            return error_article(html, "UnreadableHTML", reason, source, url, title, published, doc_id, origin)
        text, meta = fallback, None
        title = title or page_title or None
        notes.append(Removed("page text taken without main-content detection (markup too deep or broken)",
                             "fallback-extraction"))
    article = read_text(
        text,
        published=published or getattr(meta, "date", None),
        source=source or getattr(meta, "sitename", None),
        url=url or getattr(meta, "url", None),
        title=title or getattr(meta, "title", None),
        doc_id=doc_id,
        origin=origin,
        max_chars=max_chars,
    )
    if notes:
        from dataclasses import replace

        article = replace(article, removed=tuple(notes) + article.removed)
    return article


def error_article(content, kind, message, source=None, url=None, title=None, published=None, doc_id=None,
                  origin=None) -> RawArticle:
    """A RawArticle that records why an input could not be read (``error.stage == "ingest"``)."""
    origin, message = _safe(origin), _safe(message)
    where = f"{origin}: " if origin else ""
    return RawArticle(
        doc_id=_meta(doc_id) or stable_id("error", origin, _meta(source), _meta(url), _safe(str(content)[:10000])),
        text="",
        source=_meta(source),
        url=_meta(url),
        title=_meta(title),
        published=published if isinstance(published, str) and re.match(r"^\d{4}-\d{2}-\d{2}$", published) else None,
        error=ErrorInfo(kind, where + message, "ingest"),
        origin=origin,
    )


# --- bytes and files --------------------------------------------------------------------------------------

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_BINARY_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\x0c\x1b")


def decode(data: bytes) -> str:
    """Bytes to text: BOM, then UTF-8, then charset detection; raises IngestError for binary data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    head = data[:8192]
    if head and len(head.translate(None, _BINARY_BYTES)) < 0.95 * len(head):
        raise IngestError("binary data (many control bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
            return data[: exc.start].decode("utf-8")  # a file cut inside its last character
    if b"\x00" in head:  # stray NULs in valid UTF-8 are tolerated (and removed later); here they mean binary
        raise IngestError("binary data (NUL bytes and invalid UTF-8), not text")
    from charset_normalizer import from_bytes

    best = from_bytes(data[:MAX_FILE_BYTES]).best()
    if best is None:
        raise IngestError("undecodable bytes: not text in any known encoding")
    if _single_byte(best.encoding):
        # Short Western texts fool the detector into cp1250, mac_roman ...; English news that is not
        # UTF-8 is almost always Windows-1252 / Latin-1.
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    return str(best)


def _single_byte(encoding: str) -> bool:
    western = r"^(cp125[0247]|latin_1|iso8859_(1|2|9|15|16)|mac_(roman|latin2|iceland)|cp437|cp850)$"
    return bool(re.match(western, encoding or ""))


def _decode_line(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")  # JSON should be UTF-8; old exports are often cp1252


def read_jsonl_lines(lines: Iterable[str | bytes], origin: str, published=None, source=None,
                     start: int = 1) -> Iterator[RawArticle]:
    """One article per JSON line; a malformed line becomes an error record naming its file and line."""
    for number, line in enumerate(lines, start=start):
        if isinstance(line, bytes):
            line = _decode_line(line)
        line = line.rstrip("\r\n")
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise TypeError("line is not a JSON object")
        except (ValueError, TypeError, RecursionError) as exc:
            yield error_article(line, "MalformedJSONL", _preview(str(exc)), origin=where)
            continue
        kwargs = {
            "published": record.get("published") or record.get("date") or published,
            "source": record.get("source") or source,
            "url": record.get("url"),
            "title": record.get("title"),
            "doc_id": record.get("id"),
            "origin": where,
        }
        if isinstance(record.get("text"), str):
            yield read_text(record["text"], **kwargs)
        elif isinstance(record.get("html"), str):
            yield read_html(record["html"], **kwargs)
        else:
            yield error_article(line, "MalformedJSONL", "no 'text' or 'html' string field", **kwargs)


def file_kind(path: str | Path) -> str | None:
    """``"jsonl"``, ``"html"`` or ``"text"`` from the file name (``.gz`` looks at the name inside)."""
    suffixes = [s.lower() for s in Path(path).suffixes[-2:]]
    suffix = suffixes[-2] if suffixes and suffixes[-1] == ".gz" and len(suffixes) == 2 else (suffixes or [""])[-1]
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in TEXT_SUFFIXES:
        return "text"
    return None


def open_binary(path: str | Path):
    """Open a file for reading bytes, decompressing ``.gz``."""
    return gzip.open(path, "rb") if str(path).lower().endswith(".gz") else open(path, "rb")


def read_data(data: bytes, origin: str, kind: str = "text", published=None, source=None,
              first_line: int = 1) -> Iterator[RawArticle]:
    """Articles from the bytes of one file (or a run of JSONL lines starting at ``first_line``)."""
    if kind == "jsonl":
        yield from read_jsonl_lines(data.split(b"\n"), origin, published, source, start=first_line)
        return
    try:
        text = decode(data)
    except IngestError as exc:
        yield error_article(origin, "UnreadableFile", str(exc), source=source, origin=origin)
        return
    if kind == "html":
        yield read_html(text, published=published, source=source, origin=origin)
    else:
        yield read_text(text, published=published, source=source, origin=origin)


def read_file(path: Path, published=None, source=None) -> Iterator[RawArticle]:
    """Articles from one file (.txt, .html, .jsonl, optionally .gz); a bad file yields one error record."""
    origin = str(path)
    kind = file_kind(path) or "text"
    try:
        with open_binary(path) as handle:
            if kind == "jsonl":
                yield from read_jsonl_lines(handle, origin, published, source)
                return
            data = handle.read(MAX_FILE_BYTES + 1)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        yield error_article(origin, "UnreadableFile", f"{type(exc).__name__}: {exc}", source=source, origin=origin)
        return
    if len(data) > MAX_FILE_BYTES:
        log.warning("%s: only the first %d bytes are read", origin, MAX_FILE_BYTES)
        data = data[:MAX_FILE_BYTES]
    yield from read_data(data, origin, kind, published, source)


def _is_glob(item: str) -> bool:
    return any(c in item for c in "*?[")


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Expand directories (recursively, sorted, hidden entries skipped) and glob patterns into files."""
    for item in paths:
        path = Path(item)
        if str(item) != "-" and not path.exists() and _is_glob(str(item)):
            yield from iter_files(sorted(glob.glob(str(item), recursive=True)))
        elif path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and file_kind(name):
                        yield Path(root) / name
        else:
            yield path


def read_paths(paths: Iterable[str | Path], published=None, source=None, stdin=None) -> Iterator[RawArticle]:
    """All articles under the given paths; ``-`` reads stdin (JSONL if it looks like it, else one text)."""
    for path in iter_files(paths):
        if str(path) == "-":
            data = (stdin or sys.stdin).read()
            if data.lstrip().startswith("{"):
                yield from read_jsonl_lines(data.split("\n"), "<stdin>", published, source)
            else:
                yield read_text(data, published=published, source=source, origin="<stdin>")
            continue
        yield from read_file(path, published=published, source=source)
