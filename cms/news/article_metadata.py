"""What a legacy article's text does not say, from a TOML file with one table per article, keyed
by the text file's name without `.txt`: the member units it concerns, the unit whose news section
holds it, its categories and tags, the time of day it was published (the date is the text's first
line), and generated photos for its hero and for its inline captions.

TOML, not JSON: people write and review this file, so it needs comments (why an article is filed
where it is), Vietnamese as typed, no quoted keys and no trailing-comma errors; a time of day is
a TOML type (`15:00:00`); and the standard library reads it (`tomllib`), naming the line and
column of a syntax error.

Pure, like the text parser: text in, `ArticleMetadata` out, or `MetadataError` naming the file,
the line and the key. Whether the slugs exist is for the importer to say: the database knows.
"""

import datetime
import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from .placeholder_photos import SCENES

MAX_TAG_LENGTH = 100  # taggit's `Tag.name`
ARTICLE_KEYS = ("section", "units", "categories", "tags", "published_time", "hero", "photos")
PHOTO_KEYS = ("scene", "colour")
COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_TOML_POSITION = re.compile(r"\(at line (\d+), column \d+\)")
_HEADER = re.compile(r"^\s*\[\[?([^\[\]]+)\]\]?")
_KEY = re.compile(r"^\s*[\"']?([A-Za-z0-9_-]+)[\"']?\s*=")


class MetadataError(ValueError):
    """A metadata file that cannot be used, as `file:line: key: reason` (line 0: not known)."""

    def __init__(self, path: Path | str, reason: str, *, key: str = "", line: int = 0):
        super().__init__(reason)
        self.path = Path(path)
        self.reason = reason
        self.key = key
        self.line = line

    def __str__(self):
        return f"{self.path}:{self.line}: {self.key + ': ' if self.key else ''}{self.reason}"


@dataclass(frozen=True)
class Photo:
    """A generated placeholder photo (`placeholder_photos.py`): a scene (picked from the seed when
    not named) in a colour."""

    colour: str
    scene: str | None = None


@dataclass(frozen=True)
class ArticleMetadata:
    """One article's table; None where the table says nothing (the importer's defaults apply)."""

    source: Path
    key: str
    section: str | None = None
    units: tuple[str, ...] | None = None
    categories: tuple[str, ...] | None = None
    tags: tuple[str, ...] | None = None
    published_time: datetime.time | None = None
    hero: Photo | None = None
    photos: tuple[Photo, ...] | None = None
    text: str = field(default="", repr=False, compare=False)

    def error(self, key: str, reason: str) -> MetadataError:
        """An error about this article's `key`, with the line it is written on."""
        return MetadataError(self.source, reason, key=f"{self.key}.{key}", line=line_of(self.text, self.key, key))


def line_of(text: str, table: str, key: str = "", index: int = 0) -> int:
    """Where `[table]` (its `index`-th `[[table]]`) starts or, with `key`, where the key is set
    in it (table "": before any table) or its `[table.key]` starts; else the table's own line;
    0 when not found."""
    seen, start, inside = -1, 0, not table
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            name = ".".join(part.strip().strip("\"'") for part in header[1].split("."))
            if start and key and name == f"{table}.{key}":
                return number
            if name == table:
                seen += 1
                inside = seen == index
                start = number if inside else start
            else:
                inside = False
            continue
        found = _KEY.match(line)
        if inside and found and found[1] == key:
            return number
    return start


def read_toml(path: Path | str) -> tuple[dict, str]:
    """A TOML file's data and text; `MetadataError` (with the line) for one that cannot be read."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise MetadataError(path, f"không đọc được tệp ({error.strerror or error})") from error
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise MetadataError(path, "không phải UTF-8", line=line) from error
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as error:
        position = _TOML_POSITION.search(str(error))
        line = int(position[1]) if position else len(text.splitlines()) or 1  # "at end of document"
        raise MetadataError(path, f"không phải TOML hợp lệ ({error})", line=line) from error


def read_metadata_file(path: Path | str) -> dict[str, ArticleMetadata]:
    """Every article's metadata in the file, by the article file's name without `.txt`."""
    data, text = read_toml(path)
    return parse_metadata(data, source=Path(path), text=text)


def parse_metadata(data: dict, *, source: Path, text: str = "") -> dict[str, ArticleMetadata]:
    articles = {}
    for key, table in data.items():
        if not isinstance(table, dict):
            line = line_of(text, "", key)
            raise MetadataError(source, "phải là một bảng [tên-tệp] của một bài viết", key=key, line=line)
        articles[key] = _article(table, ArticleMetadata(source=source, key=key, text=text))
    return articles


def _article(table: dict, empty: ArticleMetadata) -> ArticleMetadata:
    unknown = [key for key in table if key not in ARTICLE_KEYS]
    if unknown:
        raise empty.error(unknown[0], f"khóa không biết (dùng được: {', '.join(ARTICLE_KEYS)})")
    values = {}
    if "section" in table:
        values["section"] = _slug(table["section"], empty, "section")
    for key in ("units", "categories", "tags"):
        if key in table:
            values[key] = _strings(table[key], empty, key)
    for tag in values.get("tags", ()):
        if len(tag) > MAX_TAG_LENGTH:
            raise empty.error("tags", f"từ khóa dài {len(tag)} ký tự, tối đa {MAX_TAG_LENGTH}: {tag[:40]!r}…")
    if "published_time" in table:
        published = table["published_time"]
        if not isinstance(published, datetime.time) or published.tzinfo is not None:
            raise empty.error("published_time", "phải là giờ trong ngày, không ngoặc kép, ví dụ 15:00:00")
        values["published_time"] = published
    if "hero" in table:
        values["hero"] = _photo(table["hero"], empty, "hero")
    if "photos" in table:
        photos = table["photos"]
        if not isinstance(photos, list):
            raise empty.error("photos", 'phải là danh sách ảnh, ví dụ [{ colour = "#1f5f8b" }]')
        values["photos"] = tuple(_photo(photo, empty, "photos", number) for number, photo in enumerate(photos, 1))
    return replace(empty, **values)


def _slug(value, metadata: ArticleMetadata, key: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise metadata.error(key, "phải là một slug trong ngoặc kép")
    return value.strip()


def _strings(value, metadata: ArticleMetadata, key: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        raise metadata.error(key, 'phải là danh sách chuỗi không rỗng, ví dụ ["a", "b"]')
    return tuple(item.strip() for item in value)


def _photo(value, metadata: ArticleMetadata, key: str, number: int = 0) -> Photo:
    which = f"ảnh thứ {number}: " if number else ""
    if not isinstance(value, dict):
        raise metadata.error(key, f'{which}phải là một bảng, ví dụ {{ scene = "hydro-dam", colour = "#1f5f8b" }}')
    unknown = [name for name in value if name not in PHOTO_KEYS]
    if unknown:
        raise metadata.error(key, f"{which}khóa không biết '{unknown[0]}' (dùng được: {', '.join(PHOTO_KEYS)})")
    colour = value.get("colour")
    if not isinstance(colour, str) or not COLOUR.match(colour):
        raise metadata.error(key, f'{which}colour phải là màu dạng "#1f5f8b", gặp: {colour!r}')
    scene = value.get("scene")
    if scene is not None and scene not in SCENES:
        raise metadata.error(key, f"{which}không có cảnh '{scene}' (có: {', '.join(SCENES)})")
    return Photo(colour=colour, scene=scene)
