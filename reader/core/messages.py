"""What the core says to a person, in Chinese and in English: one catalogue, one renderer.

A message is a ``Msg``: a ``str`` whose value is the Chinese rendering (what the core has
always produced, so Chinese output, stored text and tests stay as they were) carrying its
``code`` and ``params``. ``render(text, lang)`` gives it in either language. Text stored
before (warnings kept in the library) or passed on as a plain string (a worker's error)
is matched against the Chinese templates and rendered the same way; text that matches no
template is shown as it is — document text is never translated.

Templates (the catalogue is in ``catalogue.py``): ``{name}`` a parameter as given —
document text (titles, 文号, quoted lines) stays as it is; ``{name:date}`` an ISO date
(Chinese 2022年6月13日, English 2022-06-13); ``{name:dates}`` and ``{name:list}`` a
sequence, joined as each language joins, ``{name:items}`` clauses (；/; ); ``{name:msg}`` a
message within the message. English only: ``{n:document|documents}`` the word for ``n``
(plural forms). A field's kind is given in the Chinese template; English may leave it out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

ZH, EN = "zh_CN", "en"
_FIELD = re.compile(r"\{\{|\}\}|\{(\w+)(?::([^{}]*))?\}")
_JOIN = {False: (", ", "、"), True: ("; ", "；")}       # [items?][Chinese?]: a list, a list of clauses
_IDEOGRAPH = re.compile(r"[\u4e00-\u9fff]")
_ZH_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")


@dataclass(frozen=True)
class Entry:
    zh: str
    en: str


class Msg(str):
    """A core message: its Chinese text, its code and its parameters."""

    def __new__(cls, message_code: str, /, **params):
        entry = _catalogue()[message_code]      # an unknown code is a bug: fail where it is made
        self = super().__new__(cls, _format(entry.zh, params, ZH))
        self.code = message_code
        self.params = params
        return self

    def __reduce__(self):                    # pickles (and copies) as a message, not a bare str
        return (_rebuild, (self.code, self.params))

    def __repr__(self) -> str:
        return f"Msg({self.code!r}, {str(self)!r})"


def _rebuild(code, params):
    return Msg(code, **params)


def render(text, lang: str) -> str:
    """``text`` in ``lang``: a Msg from its template, a plain string through the Chinese
    templates it matches; the Chinese text itself for Chinese (byte for byte)."""
    if text is None:
        return ""
    if lang != EN:
        return str(text)
    msg = text if isinstance(text, Msg) else parse(str(text))
    if msg is None:
        return str(text)
    return _format(_catalogue()[msg.code].en, msg.params, EN, _kinds(msg.code))


def parse(text: str, within: bool = False) -> "Msg | None":
    """The message a Chinese text is the rendering of (None: not one of ours). ``within``: a
    part of a message already read, where templates without words of their own count too."""
    for code, pattern, specs in _patterns(within):
        m = pattern.fullmatch(text)
        if m is None:
            continue
        params = {}
        try:
            for name, spec in specs.items():
                params[name] = _read(m.group(name), spec)
        except ValueError:
            continue
        msg = Msg(code, **params)
        if str(msg) == text:        # the parameters read back give the very same text
            return msg
    return None


# -- formatting ------------------------------------------------------------------

def _format(template: str, params: dict, lang: str, kinds: dict | None = None) -> str:
    def field(m):
        if m.group(0) in ("{{", "}}"):
            return m.group(0)[0]
        return _value(params[m.group(1)], m.group(2) or (kinds or {}).get(m.group(1), ""), lang)
    return _FIELD.sub(field, template)


def _value(value, spec: str, lang: str) -> str:
    if "|" in spec:                                   # English plural forms: one|many
        one, many = spec.split("|", 1)
        return one if int(value) == 1 else many
    if spec == "date":
        return _date(value, lang)
    if spec in ("dates", "list", "items"):
        items = [_date(v, lang) if spec == "dates" else _value(v, "", lang) for v in value]
        return _JOIN[spec == "items"][lang == ZH].join(items)
    if isinstance(value, Msg) or spec == "msg":
        return render(value, lang)
    return str(value)


def _date(iso: str, lang: str) -> str:
    if lang != ZH or not iso:
        return iso or ""
    y, m, d = iso.split("-")
    return f"{int(y)}年{int(m)}月{int(d)}日"


# -- reading Chinese text back --------------------------------------------------------

def _read(value: str, spec: str):
    if spec == "date":
        return _iso(value)
    if spec == "dates":
        return tuple(_iso(v) for v in value.split("、"))
    if spec == "list":
        return tuple(parse(v, within=True) or v for v in value.split("、"))
    if spec == "items":
        return tuple(parse(v, within=True) or v for v in value.split("；"))
    if spec == "msg":
        return parse(value, within=True) or value
    return value


def _iso(text: str) -> str:
    m = _ZH_DATE.fullmatch(text)
    if m is None:
        raise ValueError(text)
    return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"


_CAPTURE = {"date": r"\d{4}年\d{1,2}月\d{1,2}日", "dates": r"\d{4}年\d{1,2}月\d{1,2}日(?:、\d{4}年\d{1,2}月\d{1,2}日)*"}


@lru_cache(maxsize=2)
def _patterns(within: bool = False) -> list[tuple[str, re.Pattern, dict[str, str]]]:
    """Each Chinese template as a regular expression; the most specific (most fixed text) first."""
    out = []
    for code, entry in _catalogue().items():
        parts, specs, fixed, pos = [], {}, "", 0
        for m in _FIELD.finditer(entry.zh):
            literal = entry.zh[pos:m.start()]
            parts.append(re.escape(literal))
            fixed += literal
            pos = m.end()
            if m.group(0) in ("{{", "}}"):
                parts.append(re.escape(m.group(0)[0]))
                continue
            name, spec = m.group(1), m.group(2) or ""
            if name in specs:
                parts.append(f"(?P={name})")
                continue
            specs[name] = spec
            parts.append(f"(?P<{name}>{_CAPTURE.get(spec, '.+?')})")
        parts.append(re.escape(entry.zh[pos:]))
        fixed += entry.zh[pos:]
        # Only a template with words of its own is read back: "《{title}》（{number}）" would
        # take any quoted title for a message.
        # Two fields side by side cannot be told apart in the text: such a message (made only
        # in this process, never stored) is not read back.
        if "}{" in entry.zh:
            continue
        if len(_IDEOGRAPH.findall(fixed)) >= 2 or (within and fixed):
            out.append((len(fixed), code, re.compile("".join(parts), re.S), specs))
    out.sort(key=lambda x: -x[0])
    return [(code, p, f) for _, code, p, f in out]


def fields(template: str) -> dict[str, set[str]]:
    """A template's parameters and the specs each is used with (for the catalogue's tests)."""
    out: dict[str, set[str]] = {}
    for m in _FIELD.finditer(template):
        if m.group(1):
            out.setdefault(m.group(1), set()).add(m.group(2) or "")
    return out


@lru_cache(maxsize=None)
def _kinds(code: str) -> dict[str, str]:
    """Each field's kind (date, list, message), as the Chinese template gives it."""
    return {name: next(iter(specs)) for name, specs in fields(_catalogue()[code].zh).items()}


@lru_cache(maxsize=1)
def _catalogue() -> dict[str, Entry]:
    from .catalogue import CATALOGUE
    return {code: Entry(zh, en) for code, (zh, en) in CATALOGUE.items()}


__all__ = ["Msg", "render", "parse", "fields", "Entry", "ZH", "EN"]
