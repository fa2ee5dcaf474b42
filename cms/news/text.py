"""Text that must survive XML (feeds) and HTML on the way out."""

import re

# Characters XML 1.0 cannot carry: C0 controls but tab/newline/CR, surrogates, U+FFFE/U+FFFF.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def strip_xml_illegal(text: str) -> str:
    """Drop characters that XML 1.0 cannot carry (pasted control characters, lone surrogates)."""
    return _XML_ILLEGAL.sub("", text)
