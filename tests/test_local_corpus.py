"""The 50 local-government documents of ../shared/corpus/local, scored against truth.tsv.

Every complete document must import on its own with title, 文号, issuer and date as
truth.tsv gives them (文号 compared in normal form, so 〔〕 [] ［］ are the same); the
cut-off ones (spreadsheet cells that stop at 32,767 characters) must be refused in one
line saying where they stop, or imported with a warning that they are incomplete.

Run it as a script to see the per-field table:
    python tests/test_local_corpus.py [corpus folder]
"""
from __future__ import annotations

import csv
import sys
from dataclasses import dataclass, field
from pathlib import Path

FIELDS = ("title", "doc_number", "issuer", "date")


@dataclass
class Score:
    passed: dict[str, int] = field(default_factory=lambda: {f: 0 for f in FIELDS + ("cut",)})
    total: dict[str, int] = field(default_factory=lambda: {f: 0 for f in FIELDS + ("cut",)})
    misses: list[str] = field(default_factory=list)

    def table(self) -> str:
        parts = [f"{f} {self.passed[f]}/{self.total[f]}" for f in FIELDS + ("cut",)]
        all_p, all_t = sum(self.passed.values()), sum(self.total.values())
        return ", ".join(parts) + f"; all {all_p}/{all_t}"


def truth_rows(corpus: Path) -> list[dict[str, str]]:
    with open(corpus / "truth.tsv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def is_cut(row: dict[str, str]) -> bool:
    return "cut off" in row["layout"]


def _normal_number(text: str | None) -> str | None:
    from reader.core import docnumber
    if not text:
        return None
    d = docnumber.parse(text)
    return d.normal if d else text


def _check(score: Score, name: str, fld: str, got, want) -> None:
    score.total[fld] += 1
    if got == want:
        score.passed[fld] += 1
    else:
        score.misses.append(f"{name}: {fld} got {got!r}, want {want!r}")


def score_corpus(corpus: Path) -> Score:
    from reader.core.errors import ImportRefused
    from reader.core.importer import parse_file
    from reader.core.model import Standalone

    score = Score()
    for row in truth_rows(corpus):
        name = row["file"]
        try:
            result = parse_file(corpus / name).result
            refusal = None
        except ImportRefused as e:
            result, refusal = None, str(e)
        if is_cut(row):
            score.total["cut"] += 1
            warned = result is not None and any("不完整" in w for w in result.warnings)
            refused_where = refusal is not None and "\n" not in refusal and "第" in refusal and "行" in refusal
            if warned or refused_where:
                score.passed["cut"] += 1
            else:
                score.misses.append(f"{name}: cut-off text neither refused nor warned ({refusal or 'imported'})")
            continue
        if not isinstance(result, Standalone):
            for fld in FIELDS:
                _check(score, name, fld, None if refusal is None else "refused", "imported")
            score.misses.append(f"{name}: {refusal or 'parsed as an issue'}")
            continue
        d = result.document
        _check(score, name, "title", d.title, row["title"])
        _check(score, name, "doc_number", _normal_number(d.doc_number), _normal_number(row["doc_number"]))
        _check(score, name, "issuer", d.issuer or "", row["issuer"])
        _check(score, name, "date", d.date or "", row["date"])
    return score


def test_local_corpus_against_truth(local_corpus, capsys):
    score = score_corpus(local_corpus)
    with capsys.disabled():
        print(f"\nlocal corpus: {score.table()}")
    assert score.misses == []


def issue_of(corpus: Path, rows: list[dict[str, str]], pages: bool) -> str:
    """The documents put together as one issue of a 公报, with a 目录 as web editions print it
    (文号 in brackets after each title) or with page numbers too."""
    toc = []
    for k, r in enumerate(rows):
        title = r["title"].replace(" ", "")
        number = f"（{r['doc_number']}）" if r["doc_number"] else ""
        toc.append(f"{title}{number}（{k * 5 + 1}）" if pages else f"{title}{number}")
    text = "某市人民政府公报\n\n2024年第1期\n\n目录\n\n市政府文件\n\n" + "\n\n".join(toc) + "\n\n"
    return text + "".join((corpus / r["file"]).read_text(encoding="utf-8").strip("\n") + "\n\n" for r in rows)


def test_the_documents_as_one_issue(local_corpus):
    """Whole issues of another 公报: every complete document with a title is found in the
    issue, with the same fields as on its own, whatever the order."""
    from reader.core.conservation import check_issue
    from reader.core.importer import parse_text
    from reader.core.model import Issue
    rows = [r for r in truth_rows(local_corpus) if not is_cut(r) and r["title"]]
    for pages, order in ((False, rows), (True, rows[::-1])):
        text = issue_of(local_corpus, order, pages)
        issue = parse_text(text, "issue.txt")
        assert isinstance(issue, Issue) and check_issue(text, issue).ok
        docs = {d.title: d for s in issue.sections for d in s.documents}
        got = [(r["file"], docs[r["title"]].doc_number, docs[r["title"]].issuer or "", docs[r["title"]].date or "")
               for r in order if r["title"] in docs]
        want = [(r["file"], _normal_number(r["doc_number"]), r["issuer"], r["date"]) for r in order]
        assert got == want
        assert issue.warnings == ()


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from reader.corpus_paths import corpus_dir
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else corpus_dir("local")
    if folder is None:
        sys.exit("local corpus not found")
    s = score_corpus(folder)
    for m in s.misses:
        print(m)
    print(s.table())
