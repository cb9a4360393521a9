"""Typeset a plain-text official document with LibreOffice, as an office would print it.

Nothing of the reader is used: the layout roles come from a few patterns on the raw
lines (title lines above the 文号, a centred 文号, the addressee flush left, signature
and date flush right, every other line a justified paragraph with a two-character
indent), and LibreOffice lays them out on A4 (GB/T 9704 margins, page numbers "— N —"
in the footer) and exports the PDF. Only the glyphs come from the shipped CJK fonts, through
a private fontconfig file, so the machine needs no CJK font package.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from xml.sax.saxutils import escape

FONTS = Path(__file__).resolve().parent.parent / "resources" / "fonts"
NUMBER = re.compile(r"^\S{1,20}[〔\[［(（﹝【]\s*\d{4}\s*[〕\]］)）﹞】]\s*\d+\s*号$")
DATE = re.compile(r"^(\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*[\d〇○一二三四五六七八九十]{1,3}\s*月"
                  r"\s*[\d〇○一二三四五六七八九十]{1,3}\s*日$")


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def roles(text: str) -> list[tuple[str, str]]:
    """(style, line) for every non-empty line."""
    lines = [ln.strip() for ln in text.replace("\r\n", "\n").split("\n") if ln.strip()]
    number = next((i for i, ln in enumerate(lines[:8]) if NUMBER.match(ln.replace(" ", ""))), None)
    out = []
    for i, ln in enumerate(lines):
        if number is not None and i < number:
            style = "Title"
        elif i == number:
            style = "Center"
        elif number is not None and number < i <= number + 2 and ln.endswith(("：", ":")):
            style = "Flush"
        elif DATE.match(ln):
            style = "Right"
        else:
            style = "Body"
        out.append([style, ln])
    # Signatures: the short lines right above a date.
    for i, (style, ln) in enumerate(out):
        if style == "Right":
            j = i - 1
            while j >= 0 and out[j][0] == "Body" and len(out[j][1]) <= 25 and not re.search(r"[。；：，、]$", out[j][1]):
                out[j][0] = "Right"
                j -= 1
    # A joint signature set on one line with spaces is printed one organ per line.
    return [(s, part) for s, ln in out for part in (ln.split() if s == "Right" and not DATE.match(ln) else [ln])]


_STYLES = {
    "Title": 'fo:text-align="center" fo:margin-bottom="8pt"|fo:font-weight="bold" style:font-weight-asian="bold" SIZE22',
    "Center": 'fo:text-align="center" fo:margin-bottom="16pt"|SIZE16',
    "Flush": 'fo:text-align="start"|SIZE16',
    "Body": 'fo:text-align="justify" fo:text-indent="32pt"|SIZE16',
    "Right": 'fo:text-align="end" fo:margin-right="64pt"|SIZE16',
    "Footer": 'fo:text-align="center"|SIZE14',
}


def _style(name: str, spec: str) -> str:
    para, text = spec.split("|")
    size = text[-2:]
    text = text[:-6].strip()
    font = "Noto Serif CJK SC"
    return (f'<style:style style:name="{name}" style:family="paragraph">'
            f'<style:paragraph-properties {para} fo:line-height="150%"/>'
            f'<style:text-properties style:font-name="{font}" style:font-name-asian="{font}" '
            f'fo:font-size="{size}pt" style:font-size-asian="{size}pt" {text}/></style:style>')


def fodt(paragraphs: list[tuple[str, str]]) -> str:
    body = "\n".join(f'<text:p text:style-name="{s}">{escape(t)}</text:p>' for s, t in paragraphs)
    styles = "".join(_style(n, spec) for n, spec in _STYLES.items())
    return f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="Noto Serif CJK SC" svg:font-family="'Noto Serif CJK SC'"/></office:font-face-decls>
<office:styles>{styles}</office:styles>
<office:automatic-styles><style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="210mm"
 fo:page-height="297mm" fo:margin-top="37mm" fo:margin-bottom="20mm" fo:margin-left="28mm" fo:margin-right="26mm"/>
</style:page-layout></office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4"><style:footer>
<text:p text:style-name="Footer">— <text:page-number text:select-page="current">1</text:page-number> —</text:p>
</style:footer></style:master-page></office:master-styles>
<office:body><office:text>
{body}
</office:text></office:body></office:document>
'''


def to_pdfs(texts: dict[str, str], work: Path) -> dict[str, Path]:
    """Each text typeset by LibreOffice (one run for all): name -> ``work/name.pdf``."""
    work.mkdir(parents=True, exist_ok=True)
    sources = []
    for name, text in texts.items():
        src = work / f"{name}.fodt"
        src.write_text(fodt(roles(text)), encoding="utf-8")
        sources.append(str(src))
    conf = work / "fonts.conf"
    conf.write_text(f'''<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>
<include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>{escape(str(FONTS))}</dir>
<cachedir>{escape(str(work / "fc-cache"))}</cachedir></fontconfig>''', encoding="utf-8")
    env = dict(os.environ, FONTCONFIG_FILE=str(conf), HOME=str(work))
    r = subprocess.run([soffice(), "--headless", "--norestore", f"-env:UserInstallation={(work / 'profile').as_uri()}",
                        "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(work), *sources],
                       capture_output=True, text=True, timeout=600, env=env)
    out = {name: work / f"{name}.pdf" for name in texts}
    missing = [n for n, p in out.items() if not p.exists()]
    if r.returncode != 0 or missing:
        raise RuntimeError(f"LibreOffice failed ({r.returncode}) for {missing}: {r.stderr.strip()[-500:]}")
    return out


def to_pdf(text: str, work: Path, name: str = "doc") -> Path:
    return to_pdfs({name: text}, work)[name]
