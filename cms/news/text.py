"""Text that must survive XML (feeds) and HTML on the way out."""

import re

# Characters XML 1.0 cannot carry: C0 controls but tab/newline/CR, surrogates, U+FFFE/U+FFFF.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# The same C0 controls as UTF-8 bytes: in UTF-8 they only ever stand for themselves.
_C0_ILLEGAL_BYTES = bytes(range(0x00, 0x09)) + b"\x0b\x0c" + bytes(range(0x0E, 0x20))


def strip_xml_illegal(text: str) -> str:
    """Drop characters that XML 1.0 cannot carry (pasted control characters, lone surrogates).

    Every feed runs whole articles through this, so the usual case (nothing to drop) takes the
    road that runs in C: encoding fails only on a lone surrogate, and deleting bytes needs no
    regular expression, which remains for the rare cases (bench/README.md).
    """
    try:
        encoded = text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates
        return _XML_ILLEGAL.sub("", text)
    if "\ufffe" in text or "\uffff" in text:
        return _XML_ILLEGAL.sub("", text)
    kept = encoded.translate(None, _C0_ILLEGAL_BYTES)
    return text if len(kept) == len(encoded) else kept.decode("utf-8")


# What `drop_xml_illegal_controls` looks for: one fast substring search per character.
_ILLEGAL_SCALARS = tuple(chr(code) for code in _C0_ILLEGAL_BYTES) + ("\ufffe", "\uffff")


def has_xml_illegal_controls(text: str) -> bool:
    """Whether text that cannot hold lone surrogates (the sanitiser's output: Rust strings
    never do) holds a character XML forbids.

    Sanitised HTML can still carry control characters, typed as character references (`&#11;`)
    that the parser decodes. A substring search for each of the 31 characters makes no copy of
    the text, as encoding it as UTF-8 to look would (bench/README.md).
    """
    return any(character in text for character in _ILLEGAL_SCALARS)


def drop_xml_illegal_controls(text: str) -> str:
    """`strip_xml_illegal` for text that cannot hold lone surrogates (see above)."""
    return _XML_ILLEGAL.sub("", text) if has_xml_illegal_controls(text) else text
