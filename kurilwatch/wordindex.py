"""The word index `items_search` behind Datasette's search box on the items table.

SQLite's tokenizers cannot search a two-character Japanese name: unicode61 reads a whole
Japanese sentence as one token and the trigram index (`items_fts`, the CLI's `search`)
holds nothing shorter than three characters. So this index stores the items' title and
text with every Chinese/Japanese/Korean character as a word of its own, and a search box
query becomes a phrase of those characters (国後 -> "国 後"): any run of them is found
wherever it occurs, one character or ten. Other words are words (unicode61), each matched
as a prefix, so Шикотан finds Шикотане and Kuril finds Kurils.

The store writes the index (`indexed` of each title and text); the Datasette plugin in
`kurilwatch/datasette_plugins/` turns the box's query into its phrases (`box_query`).
"""

from __future__ import annotations

import re
import unicodedata

TABLE = "items_search"

# Kana, CJK ideographs (with extensions and compatibility forms) and Hangul syllables.
_CJK_RUN = re.compile(
    "[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
    "\U00020000-\U0003ffff]+"
)
# Datasette's own reading of the box: quoted phrases kept whole, other words split on spaces.
_BITS = re.compile(r'\s+|(".*?")')


def indexed(text: str | None) -> str | None:
    """Text as the word index stores it: NFKC (ＥＵ is EU), each CJK character a word."""
    if text is None:
        return None
    return _CJK_RUN.sub(_spaced, unicodedata.normalize("NFKC", text))


def box_query(search: str | None) -> str:
    """The FTS5 query for what was typed in the box: each word or "phrase" a quoted phrase.

    Like Datasette's own escaping, nothing typed is read as FTS5 syntax; unlike it, CJK runs
    become phrases of characters and each phrase's last word is matched as a prefix.
    """
    search = search or ""
    if search.count('"') % 2:
        search += '"'
    phrases = []
    for bit in _BITS.split(search):
        if not bit or bit == '""':
            continue
        words = (indexed(bit.strip('"')) or "").split()
        if words:
            phrases.append('"' + " ".join(words).replace('"', '""') + '"*')
    return " ".join(phrases)


def _spaced(run: re.Match[str]) -> str:
    return " " + " ".join(run.group()) + " "
