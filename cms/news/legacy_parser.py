"""Parse a legacy plain-text article (as the old corporate site published it) into structure.

Pure: bytes in, `LegacyArticle` out, or `LegacyFormatError` naming the line. The format, as the
old site's sample `cms/news/demo/legacy/000_f6e6f11bcf16baad.txt` and the fixtures in
`tests/data/legacy/` have it:

    Thứ Sáu, 29/11/2024                 ← date line (weekday optional)
    Title, possibly wrapped             ← title: the rest of the first block
                                        ← blank line
    Caption of the hero photo,          ← optional caption block (wrapped over several
    wrapped over lines                    lines, or followed by two blank lines)

    Lead paragraph                      ← first body paragraph
    Lĩnh vực kinh tế: …                 ← a field section (short label + colon)
    Other paragraphs …
    Mùa khô năm nay là thử thách …      ← a quotation: the line right before
    — Ông A, Tổng giám đốc                 a `— ` line of the same block (who said it)
    Caption of an inline photo          ← a later block followed by two blank lines
    Ảnh: Quốc Bảo                          (like the hero's caption); a last `Ảnh: …`
                                           line is the photo's credit
    Phương Linh                         ← short last line: the byline
    Gửi cho bạn bè / Xem nhiều nhất …   ← furniture of the old site, not content

Quotations and inline photos are written the way the page shows them (the quote, then
`— who`; the caption, then the credit), so a file's lines are the page's text in order. Files
without them (the old site's, `tests/data/legacy/`) read as before. The photos themselves are
not in the text: an import keeps the caption and an editor attaches the photo, unless a
metadata file asks for one (docs/importing.md).

Text is kept exactly as written; only whitespace is normalised and characters that XML
cannot carry are dropped.
"""

import datetime
import re
import unicodedata
from dataclasses import dataclass, field

from .dates import WEEKDAYS
from .text import strip_xml_illegal


class LegacyFormatError(ValueError):
    """The file cannot be read as a legacy article; `line` is 1-based (0: the whole file)."""

    def __init__(self, reason: str, line: int = 0):
        super().__init__(reason)
        self.reason = reason
        self.line = line

    def __str__(self):
        return f"dòng {self.line}: {self.reason}" if self.line else self.reason


@dataclass(frozen=True)
class Section:
    """One body block: `paragraph` (text), `field` (label + text), `quote` (text +
    attribution) or `photo` (the caption as text + credit)."""

    kind: str
    text: str
    label: str = ""
    attribution: str = ""
    credit: str = ""


@dataclass(frozen=True)
class LegacyArticle:
    date: datetime.date
    title: str
    lead: str
    hero_caption: str = ""
    sections: list[Section] = field(default_factory=list)
    author: str = ""


# Lines of the old site's page furniture. Everything after the most-viewed heading is the
# most-viewed list (other articles' titles), so the body ends there.
FURNITURE_LINES = {"gửi cho bạn bè", "in bài viết", "bản in", "quay lại", "về đầu trang", "chia sẻ"}
END_OF_ARTICLE_LINES = {"xem nhiều nhất", "tin liên quan", "các tin khác", "tin khác"}

_WEEKDAY_PATTERN = "|".join(re.escape(day) for day in WEEKDAYS)
DATE_LINE = re.compile(
    rf"^(?:(?P<weekday>{_WEEKDAY_PATTERN})\s*,?\s*)?"
    r"(?P<day>\d{1,2})\s*/\s*(?P<month>\d{1,2})\s*/\s*(?P<year>\d{4})"
    r"(?:\s*[-,]?\s*\d{1,2}:\d{2}(?::\d{2})?)?$",
    re.IGNORECASE,
)
# `Lĩnh vực kinh tế: …`: a short label (at most 10 syllables, 60 characters, starting with a
# capital letter, no sentence punctuation) then a colon and the text on the same line.
FIELD_LABEL = re.compile(r"^(?P<label>[^\W\d_][^:.!?;…\"“”]{0,59}?)\s*:\s+(?P<text>\S.*)$", re.DOTALL)
MAX_LABEL_WORDS = 10  # Vietnamese words are syllables: `Lĩnh vực xây dựng hệ thống chính trị` is 8
MAX_BYLINE_LENGTH = 80
MAX_TITLE_LENGTH = 255  # Wagtail's `Page.title`; longer would fail on PostgreSQL with no line to show
# `Tin, ảnh: Minh Tuấn`, `Bài và ảnh: …`: a credit label before the name is a byline, not a field.
BYLINE_CREDIT = re.compile(
    r"^(?:tin|bài|ảnh|video|clip|nguồn|theo|thực hiện)(?:\s*(?:,|và|&|/|-)?\s*(?:tin|bài|ảnh|video|clip))*\s*:",
    re.IGNORECASE,
)

# `— Ông A, Tổng giám đốc`: who said the line above it (the page prints a quote's attribution so).
ATTRIBUTION_PREFIX = "— "
PHOTO_CAPTION_BLANK_LINES = 2

_HORIZONTAL_SPACE = re.compile(r"[^\S\n]+")


def decode_legacy_bytes(data: bytes) -> str:
    """UTF-8 with or without BOM; a decoding error names the line of the first bad byte."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise LegacyFormatError(
            f"không phải UTF-8 (byte 0x{data[error.start]:02x} ở vị trí {error.start})", line
        ) from error


def _normalise_lines(text: str) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Vertical tab and form feed are line breaks in Word pastes: make them spaces, not glue.
    text = text.replace("\x0b", " ").replace("\x0c", " ")
    text = unicodedata.normalize("NFC", strip_xml_illegal(text))
    return [_HORIZONTAL_SPACE.sub(" ", line).strip() for line in text.split("\n")]


def _blocks(lines: list[str]) -> list[tuple[int, list[str], int]]:
    """Blank-line-separated blocks as (first line number, lines, blank lines that follow)."""
    blocks: list[tuple[int, list[str], int]] = []
    current: list[str] = []
    start = 0
    for number, line in enumerate(lines, start=1):
        if line:
            if not current:
                start = number
            current.append(line)
            continue
        if current:
            blocks.append((start, current, 0))
            current = []
        elif blocks:
            start_, block, blanks = blocks[-1]
            blocks[-1] = (start_, block, blanks + 1)
            continue
        if blocks:
            start_, block, blanks = blocks[-1]
            blocks[-1] = (start_, block, blanks + 1)
    if current:
        blocks.append((start, current, 0))
    return blocks


def parse_date_line(line: str, number: int) -> datetime.date:
    match = DATE_LINE.match(line)
    if not match:
        raise LegacyFormatError(f"thiếu dòng ngày (dạng 'Thứ Sáu, 29/11/2024'), gặp: {line[:80]!r}", number)
    try:
        return datetime.date(int(match["year"]), int(match["month"]), int(match["day"]))
    except ValueError as error:
        raise LegacyFormatError(f"ngày không tồn tại: {line!r}", number) from error


# `Ông A cho biết: “…”` introduces a quotation, not a labelled section.
REPORTING_VERBS = re.compile(
    r"(?:cho biết|nói|cho hay|chia sẻ|khẳng định|nhấn mạnh|phát biểu|nhận định|bày tỏ|kể|thông tin|"
    r"yêu cầu|đề nghị|kết luận|trả lời|giải thích|tâm sự|phấn khởi|hỏi)$",
    re.IGNORECASE,
)
# `Công tác dự báo và thông tin: …` names a topic, whatever word it ends with: a label that opens
# with one of these is never someone speaking.
TOPIC_LABEL = re.compile(r"^(?:về|lĩnh vực|công tác|nội dung)\s", re.IGNORECASE)


def _is_field(paragraph: str) -> re.Match | None:
    match = FIELD_LABEL.match(paragraph)
    if not match or not match["label"][0].isupper():
        return None
    label = match["label"].strip()
    if REPORTING_VERBS.search(label) and not TOPIC_LABEL.match(label):
        return None
    syllables = [word for word in match["label"].split() if any(char.isalnum() for char in word)]
    if len(syllables) <= MAX_LABEL_WORDS:
        return match
    return None


def _is_byline(paragraph: str) -> bool:
    if len(paragraph) > MAX_BYLINE_LENGTH or paragraph.endswith((".", ":", ";", "!", "?", "…", ",")):
        return False
    return not _is_field(paragraph) or bool(BYLINE_CREDIT.match(paragraph))


def _without_furniture(blocks):
    kept = []
    for start, block, blanks in blocks:
        lines = []
        for line in block:
            lowered = line.casefold().rstrip(" :")
            if lowered in END_OF_ARTICLE_LINES:
                if lines:
                    kept.append((start, lines, blanks))
                return kept
            if lowered not in FURNITURE_LINES:
                lines.append(line)
        if lines:
            kept.append((start, lines, blanks))
    return kept


def parse_legacy_article(data: bytes | str) -> LegacyArticle:
    """Parse one legacy article; raise `LegacyFormatError` with the line at fault."""
    text = decode_legacy_bytes(data) if isinstance(data, bytes) else data
    lines = _normalise_lines(text)
    blocks = _without_furniture(_blocks(lines))
    if not blocks:
        raise LegacyFormatError("tệp rỗng", 1)

    start, first_block, _blanks = blocks[0]
    article_date = parse_date_line(first_block[0], start)
    title_lines = first_block[1:]
    rest = blocks[1:]
    if not title_lines:
        if not rest:
            raise LegacyFormatError("thiếu tiêu đề sau dòng ngày", start + 1)
        start, title_lines = rest[0][0] - 1, rest[0][1]
        rest = rest[1:]
    title = " ".join(title_lines)
    if len(title) > MAX_TITLE_LENGTH:
        raise LegacyFormatError(f"tiêu đề dài {len(title)} ký tự, tối đa {MAX_TITLE_LENGTH}", start + 1)

    hero_caption = ""
    if len(rest) >= 2:
        _start, candidate, blanks_after = rest[0]
        if len(candidate) > 1 or blanks_after >= 2:
            hero_caption = " ".join(candidate)
            rest = rest[1:]

    items = _body_items(rest)
    if not items:
        raise LegacyFormatError("thiếu nội dung (sapo) sau tiêu đề", len(lines))

    author = ""
    if len(items) > 1 and items[-1].kind == "paragraph" and _is_byline(items[-1].text):
        author = items.pop().text

    lead = items[0].text
    sections = []
    for item in items[1:]:
        match = _is_field(item.text) if item.kind == "paragraph" else None
        if match:
            sections.append(Section(kind="field", label=match["label"].strip(), text=match["text"].strip()))
        else:
            sections.append(item)
    return LegacyArticle(
        date=article_date, title=title, lead=lead, hero_caption=hero_caption, sections=sections, author=author
    )


def _photo(block: list[str]) -> Section:
    """A photo caption block: the caption (wrapped lines joined), then a credit line if any."""
    if len(block) > 1 and len(block[-1]) <= MAX_BYLINE_LENGTH and BYLINE_CREDIT.match(block[-1]):
        return Section(kind="photo", text=" ".join(block[:-1]), credit=block[-1])
    return Section(kind="photo", text=" ".join(block))


def _body_items(blocks) -> list[Section]:
    """The body in order: one paragraph per source line (the old site wrote one per line), a
    line with the `— ` line after it as a quote, a caption block as a photo.

    The lead (the first line) is always a paragraph, and the last block never a caption (blank
    lines after the byline are the old site's layout, not a photo)."""
    items: list[Section] = []
    last = len(blocks) - 1
    for index, (_start, block, blanks) in enumerate(blocks):
        if 0 < index < last and blanks >= PHOTO_CAPTION_BLANK_LINES:
            items.append(_photo(block))
            continue
        for position, line in enumerate(block):
            quoted = items[-1] if position and len(items) > 1 and items[-1].kind == "paragraph" else None
            attribution = line.removeprefix(ATTRIBUTION_PREFIX).strip()
            if quoted is not None and line.startswith(ATTRIBUTION_PREFIX) and attribution:
                items[-1] = Section(kind="quote", text=quoted.text, attribution=attribution)
            else:
                items.append(Section(kind="paragraph", text=line))
    return items
