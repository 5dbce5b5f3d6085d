"""Reading what people paste into one comparable form: phone numbers without separators or the
+86 prefix, e-mail addresses and host names in lower-case ASCII (IDNA), agent codes in upper
case. Full-width characters (common in Chinese input methods) are folded first."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

from kefu.kit.phone import normalize_phone

MAX_LENGTH = 300
_CHINESE = (
    re.compile(r"^1[3-9]\d{9}$"),  # mobile
    re.compile(r"^[48]00\d{7}$"),  # 400 / 800 service numbers
    re.compile(r"^(1\d{4}|9\d{4})$"),  # short service numbers
)
_EMAIL = re.compile(r"^[^@\s]{1,64}@([^@\s]{1,253})$")
_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
# Letters that look like Latin ones (Cyrillic, Greek) and digit swaps scammers use in domains.
_CONFUSABLES = str.maketrans(
    {
        "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x", "у": "y", "і": "i",
        "ј": "j", "ѕ": "s", "ԁ": "d", "ո": "n", "к": "k", "м": "m", "т": "t", "в": "b",
        "ο": "o", "α": "a", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ρ": "p", "τ": "t",
        "0": "o", "1": "l", "3": "e", "5": "s",
    }
)  # fmt: skip


def fold(value: str) -> str:
    """Full-width letters and digits to ASCII, surrounding space removed."""
    return unicodedata.normalize("NFKC", value).strip()


def phone(value: str) -> str | None:
    """A number as dialled inside China (+86 dropped, a landline with its 0), or E.164."""
    compact = re.sub(r"[\s\-().]", "", fold(value))
    if compact.startswith("86") and len(compact) in (12, 13) and compact.isdigit():
        compact = "+" + compact  # 86 138…: the country code without its plus
    number = normalize_phone(compact)
    if number is None:
        return None
    if number.startswith("+86"):
        national = number.removeprefix("+86")
        if any(p.match(national) for p in _CHINESE) or national.startswith("0"):
            return national
        return "0" + national  # a landline dialled from abroad loses its trunk 0
    return number


def host(value: str) -> str | None:
    """A host name in lower-case ASCII (IDNA), or None when it is not one."""
    name = value.strip().rstrip(".").lower()
    if not name or len(name) > 253:
        return None
    try:
        ascii_name = name.encode("idna").decode("ascii")
    except UnicodeError:
        return None
    labels = ascii_name.split(".")
    if len(labels) < 2 or not all(_LABEL.match(label) for label in labels):
        return None
    return ascii_name


def email(value: str) -> tuple[str, str] | None:
    """(address, host) in lower case, or None."""
    address = fold(value).lower().removeprefix("mailto:")
    match = _EMAIL.match(address)
    if match is None:
        return None
    domain = host(match.group(1))
    if domain is None:
        return None
    local = address.split("@", 1)[0]
    return f"{local}@{domain}", domain


def url_host(value: str) -> str | None:
    """The host a web address leads to: what follows "user@" (a classic trick), never it."""
    text = fold(value)
    if any(c.isspace() for c in text):
        return None
    if "://" not in text:
        text = "https://" + text
    try:
        parts = urlsplit(text)
        hostname = parts.hostname
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not hostname:
        return None
    return host(hostname)


def agent(value: str) -> str:
    return re.sub(r"[\s\-_#:：]", "", fold(value)).upper()


def skeleton(name: str) -> str:
    """How a name looks rather than what it is: accents dropped, look-alike letters and
    digits replaced, "rn" read as "m", so "kefü", "kеfu" (Cyrillic е) and "kefu" meet."""
    try:
        decoded = name.encode("ascii").decode("idna")  # xn--… back to Unicode
    except UnicodeError:
        decoded = name
    plain = "".join(
        c for c in unicodedata.normalize("NFKD", decoded) if not unicodedata.combining(c)
    )
    return plain.lower().translate(_CONFUSABLES).replace("rn", "m").replace("vv", "w")
