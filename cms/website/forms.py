"""The "Gửi cho bạn bè" form: what a reader may type, and everything refused."""

import re
import unicodedata

from django import forms
from django.core.exceptions import ValidationError

NOTE_MAX_LENGTH = 500
NAME_MAX_LENGTH = 80

# Bidirectional controls reorder what a reader sees ("…\u202egpj.exe"): removed from names,
# notes and the Subject. Invisible joiners and soft hyphens hide inside a word (`evil\u200b.com`).
BIDI_CONTROLS = re.compile(r"[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_INVISIBLE = re.compile(r"[\u00ad\u180e\u200b-\u200d\u2060\ufeff]")
# What a mail client or a reader takes for a dot: NFKC folds the fullwidth and small forms, not these.
_DOTS = str.maketrans({"\u3002": ".", "\uff61": ".", "\u2024": ".", "\u0701": ".", "\u0702": "."})

# Top-level domains that make a bare `name.tld` a link: every two-letter country code, the generic
# ones spam uses, punycode (`xn--…`) and any TLD in a non-Latin script (IDN, homoglyphs).
COUNTRY_CODE_TLDS = frozenset(
    """ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo bq br bs bt bw by
    bz ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg er es et eu fi fj fk
    fm fo fr ga gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id ie il im in io iq ir is
    it je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mg mh mk ml mm
    mn mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr
    ps pt pw py qa re ro rs ru rw sa sb sc sd se sg sh si sk sl sm sn so sr ss st su sv sx sy sz tc td tf tg th
    tj tk tl tm tn to tr tt tv tw tz ua ug uk us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw""".split()  # noqa: SIM905
)
GENERIC_TLDS = frozenset(
    """com net org info biz name pro mobi asia tel travel jobs aero coop museum cat int edu gov mil arpa xyz top
    site online club link app dev page blog shop store tech website space live life world news today email
    click cloud host press fun icu vip win bid loan loans work men date stream download racing review party
    trade science cricket accountant faith gdn kim ltd group global one city center company agency digital
    network solutions services systems media studio zone help support social chat guru rest bar lol wtf sex
    porn xxx adult casino bet poker game games money cash finance bank cam monster buzz best cyou sbs cfd
    quest beauty hair skin makeup tokyo moscow""".split()  # noqa: SIM905
)
# Vietnamese abbreviations written with a dot and no space ("TP.HCM", "PGS.TS", "TS.BS"): prose.
VIETNAMESE_ABBREVIATIONS = frozenset(
    "tp tx tt q p h hcm hn gs pgs ts ths bs bsck ck ks kts cn ls ds nxb ubnd hđnd đh th thcs thpt".split()  # noqa: SIM905
)
_GENERIC = "|".join(sorted(GENERIC_TLDS | {"vn"}, key=len, reverse=True))
# `evil[.]com`, `evil(dot)com`, `evil chấm com`, `evil . com`: written-out dots, made plain.
_WRITTEN_DOTS = [
    re.compile(r"\s*[\[({<]\s*(?:\.|dot|chấm|cham)\s*[\])}>]\s*"),
    re.compile(rf"\s+(?:dot|chấm|cham)\s+(?=(?:{_GENERIC})\b)"),
    re.compile(rf"(?<=\w)\s*\.\s+(?=(?:{_GENERIC})\b)|(?<=\w)\s+\.\s*(?=(?:{_GENERIC})\b)"),
]
_MARKUP_OR_SCHEME = re.compile(
    r"[a-z][a-z0-9+.-]*://|www\.|<\s*a\b|\[\s*(?:url|link)|href\s*=|src\s*="
    r"|\b(?:mailto|javascript|vbscript|file|callto|skype|zalo|tg|whatsapp|viber|magnet|market|intent|sms):\s*\S"
    r"|\bdata:\s*\w+/"
    r"|(?:^|[\s\"'(<\[{=])(?://|\\\\)[^\s/\\]"  # scheme-relative //evil.example, \\evil.example
    r"|\[[0-9a-f]*:[0-9a-f]*:[0-9a-f:.]*\]"  # [2001:db8::1]
)
_IPV4 = re.compile(r"(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?![\d])")
_DOMAIN = re.compile(r"(?<![\w.-])((?:[^\W_](?:[\w-]{0,61}[^\W_])?\.)+)(xn--[a-z0-9-]+|[^\W\d_]{2,63})(?![\w-])")


def remove_bidi_controls(value: str) -> str:
    """The text without the characters that reorder how it is displayed."""
    return BIDI_CONTROLS.sub("", value)


def _plain(text: str) -> str:
    """The text as a mail client would read a link in it: folded, dots plain, nothing invisible."""
    text = unicodedata.normalize("NFKC", text).translate(_DOTS)
    text = _INVISIBLE.sub("", remove_bidi_controls(text)).casefold()
    for pattern in _WRITTEN_DOTS:
        text = pattern.sub(".", text)
    return text


def _is_tld(label: str) -> bool:
    if label.startswith("xn--") or label in GENERIC_TLDS:
        return True
    if label.isascii():
        return label in COUNTRY_CODE_TLDS
    return any(character.isalpha() and not unicodedata.name(character, "").startswith("LATIN") for character in label)


def _is_ip_address(match: re.Match, text: str) -> bool:
    groups = match.group(0).split(".")
    if any(int(group) > 255 for group in groups):
        return False
    # 1.200.000.000 (đồng) is a number written the Vietnamese way: a group with a leading zero is
    # never an address octet. 123.123.123.123 has none, so it is an address, as a mail client reads it.
    number = any(len(group) > 1 and group.startswith("0") for group in groups[1:])
    return not number or text.startswith(("/", ":"), match.end())


def contains_link(text: str) -> bool:
    """Does the text carry something a mail client or a reader could follow as a link?

    URLs with any scheme, scheme-relative `//host`, `www.`, HTML and BBCode links, bare domains
    (`evil.de`, IDN and punycode hosts), IP addresses, and the same written with fullwidth,
    ideographic or bracketed dots. Dates (29.11.2024), numbers (1.200 MW) and abbreviations
    (TP. HCM, TP.HCM, PGS.TS) are prose.
    """
    plain = _plain(text)
    if _MARKUP_OR_SCHEME.search(plain):
        return True
    if any(_is_ip_address(match, plain) for match in _IPV4.finditer(plain)):
        return True
    for match in _DOMAIN.finditer(plain):
        labels = [*match.group(1).split(".")[:-1], match.group(2)]
        if _is_tld(match.group(2)) and not all(label in VIETNAMESE_ABBREVIATIONS for label in labels):
            return True
    return False


LINE_BREAKS = re.compile(r"[\r\n\x0b\x0c\x85\u2028\u2029]")


def _refuse_line_breaks(value: str) -> None:
    # A line break in a value that ends up in a mail header is a header injection attempt.
    if LINE_BREAKS.search(value or ""):
        raise ValidationError("Không được có ký tự xuống dòng.", code="header_injection")


class ShareArticleForm(forms.Form):
    recipient = forms.CharField(
        label="E-mail người nhận",
        max_length=254,
        validators=[_refuse_line_breaks],
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        strip=False,
    )
    sender_name = forms.CharField(
        label="Tên của bạn", max_length=NAME_MAX_LENGTH, validators=[_refuse_line_breaks], strip=False
    )
    note = forms.CharField(
        label="Lời nhắn (không bắt buộc)",
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": NOTE_MAX_LENGTH}),
        help_text=f"Tối đa {NOTE_MAX_LENGTH} ký tự, không chứa đường dẫn.",
    )
    # Honeypot: hidden from people (CSS and aria-hidden), filled in by naive bots.
    website = forms.CharField(
        label="Để trống ô này",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean_recipient(self) -> str:
        value = self.cleaned_data["recipient"].strip()
        forms.EmailField().clean(value)
        return value

    def clean_sender_name(self) -> str:
        value = remove_bidi_controls(self.cleaned_data["sender_name"]).strip()
        if not value:
            raise ValidationError("Vui lòng nhập tên của bạn.", code="required")
        if contains_link(value):
            raise ValidationError("Tên không được chứa đường dẫn.", code="link")
        return value

    def clean_note(self) -> str:
        value = remove_bidi_controls(self.cleaned_data["note"]).strip()
        if contains_link(value):
            raise ValidationError("Lời nhắn không được chứa đường dẫn.", code="link")
        return value

    @property
    def is_bot_submission(self) -> bool:
        return bool(self.data.get("website"))
