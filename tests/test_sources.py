import codecs
from pathlib import Path

import pytest

from govlint.sources import SourceError
from govlint.sources.text import decode, read_text_file

TEXT = "某县2012年政府信息公开工作年度报告\n一、概述\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),
        (TEXT.encode("gbk"), "gb18030"),
        (TEXT.encode("gb18030"), "gb18030"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        ("某縣政府資訊公開報告".encode("big5"), "big5"),
    ],
)
def test_decodes(data, encoding):
    text, found = decode(data)
    assert found == encoding
    assert "县" in text or "縣" in text
    assert not text.startswith("\ufeff")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "file is empty"),
        (b"  \n\t\n", "file is empty"),
        (bytes(range(256)) * 4, "binary file (NUL bytes), not text"),
        (codecs.BOM_UTF8 + b"\xff\xfe\xfa", "has a utf-8 BOM but byte 0 is not valid utf-8"),
        (b"\x01\x02\x03\x04\x05 abc \x06\x07\x08", "looks binary (8 control characters)"),
    ],
)
def test_refuses_with_a_reason(data, reason):
    with pytest.raises(SourceError) as info:
        decode(data)
    assert info.value.en == reason
    assert info.value.zh


def test_unreadable_file(tmp_path: Path, monkeypatch):
    path = tmp_path / "report.txt"
    path.write_text(TEXT, encoding="utf-8")

    def denied(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", denied)  # root reads a chmod 000 file: simulate
    with pytest.raises(SourceError) as info:
        read_text_file(path, "report.txt")
    assert info.value.en == "cannot read file: Permission denied"


def test_directory_named_like_a_report(tmp_path: Path):
    (tmp_path / "dir.txt").mkdir()
    with pytest.raises(SourceError) as info:
        read_text_file(tmp_path / "dir.txt", "dir.txt")
    assert info.value.en == "is a directory, not a file"
