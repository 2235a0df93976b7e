"""Read articles from files, directories, JSONL and stdin; strip site boilerplate."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from .model import ErrorInfo, RawArticle, Removed, stable_id

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

# Each rule: (reason, pattern matched against one stripped paragraph/line). A
# matching line is removed; a "tail" rule also removes everything after it,
# since comment sections and footers run to the end of the page.
_LINE_RULES: tuple[tuple[str, re.Pattern[str], bool], ...] = tuple(
    (reason, re.compile(pattern, re.IGNORECASE), tail)
    for reason, pattern, tail in (
        ("comments", r"^(\d+\s+)?(comments?|conversations?|join the (conversation|discussion)|"
         r"leave a (comment|reply)|show comments|view comments|reader comments)\b.{0,60}$", True),
        ("comments", r"^(comments|conversation) (are|is) (closed|moderated)\b.*$", True),
        ("disclaimer", r"^(disclaimer|note)\s*:.*\b(views|opinions)\b.*\b(author|contributor|reader)s?\b.*$", False),
        ("disclaimer", r"^.*\b(views|opinions) expressed\b.*\b(do not|don't|not necessarily)\b.*$", False),
        ("disclaimer", r"^.*\breader[- ]?(contributed|submitted|generated)\b.*$", False),
        ("copyright", r"^(©|\(c\)|copyright\b).{0,200}$", False),
        ("copyright", r"^.*\ball rights reserved\b.{0,100}$", False),
        ("copyright", r"^.*\bmay not be (published|reproduced|broadcast|rewritten|redistributed)\b.*$", False),
        ("share", r"^(share|share this|share on|tweet|email|print|facebook|twitter|whatsapp|linkedin)"
         r"([\s|/•·,]+(share|tweet|email|print|facebook|twitter|x|whatsapp|linkedin|reddit|telegram))*\s*$", False),
        ("subscribe", r"^.*\b(subscribe|sign up)\b.*\b(newsletter|updates|alerts|inbox|channel)\b.{0,80}$", False),
        ("subscribe", r"^(follow us|follow .{1,40} on (twitter|facebook|instagram|x|telegram))\b.{0,80}$", False),
        ("related", r"^(related|read more|read also|also read|see also|more on this|recommended|"
         r"most read|trending|you may also like)\s*(:|stories|articles|coverage)?.{0,120}$", False),
        ("advertisement", r"^(advertisement|sponsored( content)?|ad)\s*$", False),
        ("navigation", r"^(skip to (main )?content|back to top|home\s*[>/»].*)$", False),
    )
)

_MAX_BOILERPLATE_LINE = 300


class IngestError(Exception):
    """A problem with one input article; becomes that article's error record."""


def clean_text(text: str) -> tuple[str, tuple[Removed, ...]]:
    """Remove site chrome (comments, disclaimers, share lines ...) the way a reader skips it.

    Returns the cleaned text and the removed blocks with the reason for each.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    kept: list[str] = []
    removed: list[Removed] = []
    lines = text.split("\n")
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped or len(stripped) > _MAX_BOILERPLATE_LINE:
            kept.append(line)
            continue
        rule = next(((reason, tail) for reason, pattern, tail in _LINE_RULES if pattern.match(stripped)), None)
        if rule is None:
            kept.append(line)
            continue
        reason, tail = rule
        if tail:
            rest = "\n".join(lines[index:]).strip()
            removed.append(Removed(rest, reason))
            break
        removed.append(Removed(stripped, reason))
    cleaned = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    return cleaned, tuple(removed)


def parse_published(value: object) -> str | None:
    """Validate a publication date; returns ``YYYY-MM-DD`` or raises ValueError."""
    if value is None or value == "":
        return None
    text = str(value).strip()
    match = re.match(r"^(\d{4}-\d{2}-\d{2})", text)
    if not match:
        raise ValueError(f"invalid publication date {text!r}: expected YYYY-MM-DD")
    return date.fromisoformat(match.group(1)).isoformat()


def make_doc_id(text: str, source: str | None = None, url: str | None = None) -> str:
    return stable_id(source, url, text)


def read_text(
    text: str,
    published: str | None = None,
    source: str | None = None,
    url: str | None = None,
    title: str | None = None,
    doc_id: str | None = None,
    origin: str | None = None,
) -> RawArticle:
    """Clean one plain-text article; problems become the article's error record."""
    error = None
    try:
        published = parse_published(published)
    except ValueError as exc:
        error = ErrorInfo("InvalidDate", str(exc), "ingest")
        published = None
    cleaned, removed = clean_text(text or "")
    if error is None and not cleaned.strip():
        error = ErrorInfo("EmptyArticle", "article has no text after cleaning", "ingest")
    return RawArticle(
        doc_id=doc_id or make_doc_id(cleaned, source, url),
        text=cleaned,
        source=source,
        url=url,
        title=title,
        published=published,
        removed=removed,
        error=error,
        origin=origin,
    )


def read_html(
    html: str,
    published: str | None = None,
    source: str | None = None,
    url: str | None = None,
    title: str | None = None,
    doc_id: str | None = None,
    origin: str | None = None,
) -> RawArticle:
    """Extract the main text and metadata of an HTML page with trafilatura, then clean it."""
    import trafilatura

    try:
        extracted = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    except Exception as exc:  # noqa: BLE001 - trafilatura raises many kinds on broken markup
        extracted = None
        reason = f"HTML could not be parsed: {exc}"
    else:
        reason = "no article text found in HTML"
    if extracted is None or not getattr(extracted, "text", None):
        return _error_article(html, "UnreadableHTML", reason, source, url, title, published, doc_id, origin)
    meta_date = getattr(extracted, "date", None)
    return read_text(
        extracted.text,
        published=published or meta_date,
        source=source or getattr(extracted, "sitename", None),
        url=url or getattr(extracted, "url", None),
        title=title or getattr(extracted, "title", None),
        doc_id=doc_id,
        origin=origin,
    )


def _error_article(content, kind, message, source=None, url=None, title=None, published=None, doc_id=None,
                   origin=None) -> RawArticle:
    where = f"{origin}: " if origin else ""
    return RawArticle(
        doc_id=doc_id or stable_id("error", origin, source, url, str(content)[:10000]),
        text="",
        source=source,
        url=url,
        title=title,
        published=published if isinstance(published, str) else None,
        error=ErrorInfo(kind, where + message, "ingest"),
        origin=origin,
    )


def _decode(data: bytes, origin: str) -> str:
    if b"\x00" in data[:8192]:
        raise IngestError("binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise IngestError("undecodable bytes: not text in any known encoding") from None
        return str(best)


def read_jsonl_lines(lines: Iterable[str], origin: str, published=None, source=None) -> Iterator[RawArticle]:
    """One article per JSON line; a malformed line becomes an error record naming its line number."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise ValueError("line is not a JSON object")
        except ValueError as exc:
            yield _error_article(line, "MalformedJSONL", f"line {number}: {exc}", origin=where)
            continue
        kwargs = dict(
            published=record.get("published") or published,
            source=record.get("source") or source,
            url=record.get("url"),
            title=record.get("title"),
            doc_id=str(record["id"]) if record.get("id") is not None else None,
            origin=where,
        )
        if isinstance(record.get("text"), str):
            yield read_text(record["text"], **kwargs)
        elif isinstance(record.get("html"), str):
            yield read_html(record["html"], **kwargs)
        else:
            yield _error_article(line, "MalformedJSONL", f"line {number}: no 'text' or 'html' field", **kwargs)


def read_file(path: Path, published=None, source=None) -> Iterator[RawArticle]:
    """Articles from one file (.txt, .html, .jsonl); a bad file yields one error record."""
    origin = str(path)
    try:
        text = _decode(path.read_bytes(), origin)
    except (OSError, IngestError) as exc:
        yield _error_article(origin, "UnreadableFile", str(exc), source=source, origin=origin)
        return
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl_lines(text.splitlines(), origin, published, source)
    elif suffix in HTML_SUFFIXES:
        yield read_html(text, published=published, source=source, origin=origin)
    else:
        yield read_text(text, published=published, source=source, origin=origin)


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Expand directories (recursively, sorted) into supported files."""
    for item in paths:
        path = Path(item)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in SUPPORTED_SUFFIXES:
                    yield child
        else:
            yield path


def read_paths(paths: Iterable[str | Path], published=None, source=None, stdin=None) -> Iterator[RawArticle]:
    """All articles under the given paths; ``-`` reads stdin (JSONL if it looks like it, else one text)."""
    for path in iter_files(paths):
        if str(path) == "-":
            data = (stdin or sys.stdin).read()
            if data.lstrip().startswith("{"):
                yield from read_jsonl_lines(data.splitlines(), "<stdin>", published, source)
            else:
                yield read_text(data, published=published, source=source, origin="<stdin>")
            continue
        yield from read_file(path, published=published, source=source)
