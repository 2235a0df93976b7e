"""Near-duplicate articles: MinHash signatures over word shingles, banded for LSH lookup.

Wire copies, rewrites and updates of one story share most of their word 3-grams. Each article gets a
MinHash signature (``datasketch``); the signature is cut into LSH bands whose hashed values are stored,
so a later article only needs to be compared with the few articles that share a band bucket.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from functools import cache

import numpy as np

NUM_PERM = 128
SHINGLE_WORDS = 3
THRESHOLD = 0.6  # estimated Jaccard of shingle sets at or above which two articles are one story
SEED = 1

_WORD = re.compile(r"\w+", re.UNICODE)


def content_hash(text: str) -> str | None:
    """A hash of the text that ignores case, punctuation and spacing (exact re-ingest detection).

    None for a text without words: empty texts (failed articles) are not copies of each other.
    """
    words = _WORD.findall(text.lower())
    return hashlib.sha1(" ".join(words).encode("utf-8")).hexdigest() if words else None


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[bytes]:
    """The set of lower-cased word ``k``-grams of ``text`` (the whole text when shorter)."""
    words = _WORD.findall(text.lower())
    if len(words) <= k:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + k]).encode("utf-8") for i in range(len(words) - k + 1)}


@cache
def _lsh_shape() -> tuple[int, int]:
    """Bands and rows per band that datasketch picks for our threshold and permutation count."""
    from datasketch import MinHashLSH

    # Weighted towards recall: every candidate is verified against its full signature anyway.
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM, weights=(0.1, 0.9))
    return lsh.b, lsh.r


@cache
def _empty_minhash():
    from datasketch import MinHash

    # CRC-32 is deterministic across processes and several times faster than datasketch's default SHA-1.
    return MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=zlib.crc32)


def signature(text: str) -> np.ndarray | None:
    """The MinHash signature of the text's shingles (``uint64[NUM_PERM]``), None for empty text."""
    grams = shingles(text)
    if not grams:
        return None
    m = _empty_minhash().copy()
    m.update_batch(list(grams))
    return m.hashvalues.astype(np.uint64)


def band_keys(sig: np.ndarray) -> list[tuple[int, int]]:
    """``(band, bucket)`` pairs of a signature; two articles sharing a pair are candidates."""
    bands, rows = _lsh_shape()
    keys = []
    for b in range(bands):
        digest = hashlib.blake2b(sig[b * rows : (b + 1) * rows].tobytes(), digest_size=8).digest()
        keys.append((b, int.from_bytes(digest, "little") >> 1))
    return keys


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.count_nonzero(a == b)) / len(a)


def to_bytes(sig: np.ndarray | None) -> bytes | None:
    return None if sig is None else sig.astype("<u8").tobytes()


def from_bytes(blob: bytes | None) -> np.ndarray | None:
    return None if blob is None else np.frombuffer(blob, dtype="<u8").astype(np.uint64)
