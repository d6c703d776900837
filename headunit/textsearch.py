"""Text search shared by the map's places and the music library: SQLite FTS5 with accents and case ignored,
every word matched as a prefix, and Chinese, Japanese and Korean searched by characters.

unicode61 keeps a run of Chinese characters as one token, so "摩纳" would not find "摩纳哥赌场" by prefix.
Texts with CJK characters are therefore also indexed with a space between those characters (`spaced_cjk`, in a
column of its own), and a CJK part of a query becomes a phrase of single characters: it finds the characters
in order anywhere in the text, which is how Chinese is searched (no spaces between words). The trigram
tokenizer was the alternative, but it needs three characters per term and two-character Chinese queries are
common.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata

# The FTS5 tokenizer: letters and digits, case folded, accents removed ("Beyoncé" is found by "beyonce").
TOKENIZER = "unicode61 remove_diacritics 2"

_CJK = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0002fa1f]")
_CJK_RUN = re.compile(rf"({_CJK.pattern}+)")
_WORD = re.compile(r"[^\W_]+")  # letters and digits


def spaced_cjk(text: str) -> str:
    """The CJK characters of `text` as separate tokens ("摩纳哥 Casino" -> "摩 纳 哥"), or ""."""
    return " ".join(_CJK.findall(text))


def fts_query(text: str) -> str | None:
    """An FTS5 query: every word must match, as a prefix; CJK runs as phrases of single characters.
    None when `text` has no letters or digits (nothing to search for)."""
    terms = []
    for word in _WORD.findall(text):
        for part in filter(None, _CJK_RUN.split(word)):
            terms.append('"' + " ".join(part) + '"' if _CJK.match(part) else f'"{part}"*')
    return " ".join(terms) or None


def is_query_error(exc: sqlite3.OperationalError) -> bool:
    """Whether FTS5 rejected the query itself (which then finds nothing), rather than the database failing."""
    message = str(exc).lower()
    return "fts5" in message or "syntax error" in message


def sort_key(text: str) -> str:
    """A key that sorts names the way people expect: case and accents ignored ("Émile" beside "emma")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
