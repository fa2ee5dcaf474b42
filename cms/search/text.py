"""Vietnamese text as the search index sees it: whole syllables, folded and exact.

Vietnamese writes one syllable per space-separated word, so the unit of matching is the
syllable: `dan` must never match inside `danh` or `thanh`. Each syllable is indexed twice:

- folded: lower case, tone and vowel marks dropped, `đ` → `d` (`Đảng` → `dang`), so that a
  reader typing without accents finds it;
- exact: the folded letters plus a code of its marks (`Đảng` → `dang039`), so that a reader who
  typed the accents gets the articles with exactly those words first. The code lists the tone
  and the vowel marks regardless of where they sit, so the old and new tone placements
  (`hoà`/`hòa`, `thuỷ`/`thủy`) give the same token.

Both forms are plain ASCII-or-letter tokens joined by spaces, so any full-text engine (SQLite
FTS5, PostgreSQL's `simple` parser, OpenSearch's whitespace tokenizer) sees the same tokens.
"""

import functools
import re
import unicodedata

_SYLLABLE = re.compile(r"[^\W_]+")
_TONES = {"\u0301": "1", "\u0300": "2", "\u0309": "3", "\u0303": "4", "\u0323": "5"}
_VOWEL_MARKS = {"\u0302": "6", "\u0306": "7", "\u031b": "8"}  # circumflex, breve, horn
_STROKE = "9"  # đ
EXACT_SEPARATOR = "0"
# Between the two syllables of a pair token (`nha0q0may`, PostgreSQL's `pair_vector`): no
# syllable holds it, and the full-text parser keeps letters and digits together as one token.
PAIR_SEPARATOR = "0q0"


def syllables(text: str) -> list[str]:
    """The words of `text`, lower case, composed (NFC): punctuation and markup-free text in, tokens out."""
    return _SYLLABLE.findall(unicodedata.normalize("NFC", text or "").lower())


@functools.lru_cache(maxsize=65536)  # a language has few syllables: snippets fold the same ones again and again
def fold(syllable: str) -> str:
    """`Đảng` → `dang`: marks dropped, `đ` → `d`."""
    decomposed = unicodedata.normalize("NFD", syllable.lower())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return plain.replace("đ", "d")


@functools.lru_cache(maxsize=65536)  # as `fold`: indexing an article meets the same syllables again and again
def exact(syllable: str) -> str | None:
    """The exact token of a syllable that carries marks (`Đảng` → `dang039`), else None."""
    decomposed = unicodedata.normalize("NFD", syllable.lower())
    tone = "".join(_TONES[char] for char in decomposed if char in _TONES)[:1]
    marks = [_VOWEL_MARKS[char] for char in decomposed if char in _VOWEL_MARKS]
    marks += [_STROKE] * decomposed.count("đ")
    if not tone and not marks:
        return None
    return f"{fold(syllable)}{EXACT_SEPARATOR}{tone or '0'}{''.join(sorted(marks))}"


def folded_tokens(text: str) -> str:
    """The folded syllables of `text`, space-separated, in order (what phrases are matched on)."""
    return " ".join(fold(syllable) for syllable in syllables(text))


def exact_tokens(texts: list[str]) -> str:
    """The distinct exact tokens of these texts, space-separated (membership is all that counts)."""
    # Each distinct syllable once (an article of 1,500 words has a few hundred); two spellings
    # of one syllable (`hoà`, `hòa`) still give one token.
    distinct = {syllable for text in texts for syllable in syllables(text)}
    return " ".join(sorted({token for token in map(exact, distinct) if token}))
