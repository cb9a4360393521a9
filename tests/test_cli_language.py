"""The command line speaks one language per run, argparse's own words included, with proper metavars."""
import re

import pytest

from conftest import run_cli

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
COMMANDS = [(), ("import",), ("dump",), ("build-db",), ("bookmarks",), ("bookmarks", "export"),
            ("bookmarks", "import"), ("bench",)]


@pytest.mark.parametrize("command", COMMANDS)
def test_english_help_has_no_chinese_and_no_internal_names(command):
    r = run_cli(*command, "--help", env_extra={"GAZETTE_READER_LANG": "", "LC_ALL": "en_US.UTF-8"})
    out = r.stdout.decode()
    assert r.returncode == 0 and "usage:" in out
    assert not CJK.search(out), CJK.findall(out)
    assert "DB_SUB" not in out and "FILES" not in out


@pytest.mark.parametrize("command", COMMANDS)
def test_chinese_help_has_no_argparse_english(command):
    r = run_cli(*command, "--help", env_extra={"GAZETTE_READER_LANG": "", "LC_ALL": "zh_CN.UTF-8"})
    out = r.stdout.decode()
    assert r.returncode == 0 and out.startswith("用法：")
    for english in ("usage:", "options", "positional arguments", "show this help", "DB_SUB", "SOURCES", "OUT"):
        assert english not in out, english


def test_errors_follow_the_language_too():
    zh = run_cli("dump", "--bogus", env_extra={"GAZETTE_READER_LANG": "zh_CN"})
    assert zh.returncode == 2 and "无法识别的参数" in zh.stderr.decode() and "error" not in zh.stderr.decode()
    en = run_cli("dump", "--bogus", env_extra={"GAZETTE_READER_LANG": "en"})
    assert en.returncode == 2 and "unrecognized arguments" in en.stderr.decode()
    assert not CJK.search(en.stderr.decode())


def test_language_follows_the_locale():
    from reader.cli_text import cli_language
    assert cli_language({"LANG": "en_GB.UTF-8"}) == "en"
    assert cli_language({"LANG": "zh_CN.UTF-8"}) == "zh_CN"
    assert cli_language({"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}) == "en"
    assert cli_language({"GAZETTE_READER_LANG": "zh_CN", "LANG": "en_US"}) == "zh_CN"
    assert cli_language({}) == "zh_CN"            # like the window, Chinese unless told otherwise


def test_an_english_dry_run_reports_in_english_with_plural_forms(tmp_path):
    from conftest import SAMPLE
    r = run_cli("import", str(SAMPLE), "--dry-run", env_extra={"GAZETTE_READER_LANG": "en",
                                                               "GAZETTE_READER_DATA": str(tmp_path)})
    out = r.stdout.decode()
    assert r.returncode == 0 and out.startswith("Import preview:")
    assert "4 documents" in out and "3 interpretations" in out and "导入预览" not in out and "合计" not in out
    zh = run_cli("import", str(SAMPLE), "--dry-run", env_extra={"GAZETTE_READER_DATA": str(tmp_path)})
    assert zh.stdout.decode().startswith("导入预览")
