"""Hostile files: bombs, huge files, loops, blocking files, text that attacks an output
format, and code planted in the checked folder. Each is refused or neutralised; the rest of
the run goes on."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, run_cli

from govlint.engine import CliSettings, Engine
from govlint.plugins import build_registry

CLEAN = (ROOT / "examples" / "clean" / "ff-2012-county.txt").read_text(encoding="utf-8")


def check_dir(path: Path, **cli) -> dict[str, list]:
    engine = Engine(build_registry(load_entry_points=False), CliSettings(**cli))
    return {r.path: r.findings for r in engine.run([path])}


def gl001(findings) -> str:
    assert [f.rule for f in findings] == ["GL001"], [f.rule for f in findings]
    return findings[0].text("en")


# -- size limits ------------------------------------------------------------------------------


def zip_bomb(path: Path, unpacked: int) -> None:
    """A Word-looking zip whose document.xml inflates from ~1/1000 of its size."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w") as member:
            chunk = b"\0" * (1 << 20)
            for _ in range(unpacked >> 20):
                member.write(chunk)


def test_docx_zip_bomb_is_refused_before_inflating(tmp_path):
    zip_bomb(tmp_path / "bomb.docx", 300 << 20)
    assert (tmp_path / "bomb.docx").stat().st_size < 1 << 20
    (tmp_path / "ok.txt").write_text(CLEAN, encoding="utf-8")
    found = check_dir(tmp_path)
    message = gl001(found[f"{tmp_path.as_posix()}/bomb.docx"])
    assert "unpacks to too much (300 MB in 2 members, limit 256 MB: max-unpacked-mb)" in message
    assert found[f"{tmp_path.as_posix()}/ok.txt"] == []  # the other file is still checked


def test_zip_bomb_limit_is_configurable(tmp_path):
    for folder in ("default", "configured"):
        (tmp_path / folder).mkdir()
        zip_bomb(tmp_path / folder / "bomb.docx", 3 << 20)
    (tmp_path / "configured" / "govlint.toml").write_text("max-unpacked-mb = 2\n", "utf-8")
    found = check_dir(tmp_path)
    base = tmp_path.as_posix()
    # Under the default limit it is read, and is not Word.
    assert "not a valid Word document" in gl001(found[f"{base}/default/bomb.docx"])
    assert "limit 2 MB: max-unpacked-mb" in gl001(found[f"{base}/configured/bomb.docx"])


def many_page_pdf(path: Path, pages: int) -> None:
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=200, height=200)
    writer.write(path)


def test_pdf_page_limit(tmp_path):
    many_page_pdf(tmp_path / "long.pdf", 12)
    (tmp_path / "govlint.toml").write_text("max-pdf-pages = 10\n", encoding="utf-8")
    message = gl001(check_dir(tmp_path)[f"{tmp_path.as_posix()}/long.pdf"])
    assert "too many PDF pages (12, limit 10: max-pdf-pages)" in message


def test_huge_file_is_refused_without_reading_it(tmp_path):
    huge = tmp_path / "huge.pdf"
    with huge.open("wb") as fh:  # sparse: 65 MB on paper, nothing on disk
        fh.write(b"%PDF-1.4\n")
        fh.truncate(65 << 20)
    message = gl001(check_dir(tmp_path)[huge.as_posix()])
    assert "file too large (65 MB, limit 64 MB: max-file-mb)" in message


def test_file_size_limit_is_configurable(tmp_path):
    (tmp_path / "r.txt").write_text(CLEAN * 800, encoding="utf-8")  # ~1.5 MB
    (tmp_path / "govlint.toml").write_text("max-file-mb = 1\n", encoding="utf-8")
    assert "limit 1 MB: max-file-mb" in gl001(check_dir(tmp_path)[f"{tmp_path.as_posix()}/r.txt"])


# -- the directory walk -----------------------------------------------------------------------


def test_symlink_loops_are_reported_not_followed(tmp_path):
    (tmp_path / "ok.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    found = check_dir(tmp_path)
    base = tmp_path.as_posix()
    assert sorted(found) == [f"{base}/a.txt", f"{base}/b.txt", f"{base}/ok.txt"]
    for name in ("a.txt", "b.txt"):
        assert "Too many levels of symbolic links" in gl001(found[f"{base}/{name}"])
    assert found[f"{base}/ok.txt"] == []


def test_a_fifo_does_not_block_the_run(tmp_path):
    (tmp_path / "ok.txt").write_text(CLEAN, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")  # opening it for reading would wait forever
    found = check_dir(tmp_path)
    assert "not a regular file (FIFO, device…)" in gl001(found[f"{tmp_path.as_posix()}/pipe.txt"])
    assert found[f"{tmp_path.as_posix()}/ok.txt"] == []


def test_unlistable_directory_is_reported(tmp_path, monkeypatch):
    (tmp_path / "ok.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "hidden.txt").write_text(CLEAN, encoding="utf-8")
    locked = tmp_path / "locked"
    real_scandir, real_listdir = os.scandir, os.listdir

    def denied(real):  # root ignores chmod 000: simulate the permission error
        def call(path="."):
            if Path(path) == locked:
                raise PermissionError(13, "Permission denied", str(path))
            return real(path)

        return call

    monkeypatch.setattr(os, "scandir", denied(real_scandir))
    monkeypatch.setattr(os, "listdir", denied(real_listdir))
    found = check_dir(tmp_path)
    assert sorted(found) == [locked.as_posix(), f"{tmp_path.as_posix()}/ok.txt"]
    assert "cannot read directory: Permission denied" in gl001(found[locked.as_posix()])


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_for_real(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(CLEAN, encoding="utf-8")
    path.chmod(0)
    assert "Permission denied" in gl001(check_dir(tmp_path)[path.as_posix()])


# -- report text that attacks an output format ----------------------------------------------

HOSTILE_LINE = (
    '<script>alert("x")</script>&amp;&lt;b&gt; "q" \\ \x1b[31mred\x1b]0;title\x07 '
    "::error file=x::pwn %0A ]]> \u2028 [bold]markup[/bold] {json}"
)
# Doubled clauses (GL707 quotes them in its message): report text in every output's messages.
CLAUSES = ['确认上述内容\x1b[31m"q"\\%0A::error x::', "核对全部数据<b>]]>&amp;[bold]{j}"]


def hostile_report(tmp_path: Path) -> Path:
    lines = CLEAN.splitlines()
    lines.insert(6, HOSTILE_LINE + "".join(f"。{c}{c}" for c in CLAUSES) + "。")
    path = tmp_path / "evil.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["rich", "json", "sarif", "github", "junit", "html"])
def test_hostile_text_is_escaped_in_every_format(tmp_path, fmt):
    hostile_report(tmp_path)
    result = run_cli(
        "check", "evil.txt", "--format", fmt, "--lang", "en", "--select", "GL7", cwd=tmp_path
    )
    assert result.returncode == 1, result.stderr
    out = result.stdout
    assert "\x1b" not in out and "\x07" not in out  # no terminal control sequence survives
    if fmt == "rich":
        assert "␛[31mred" in out and "[bold]markup[/bold]" in out  # shown, not interpreted
    elif fmt in ("json", "sarif"):
        texts = json.dumps(json.loads(out), ensure_ascii=False)
        for clause in CLAUSES:  # kept exactly, as JSON data
            assert json.dumps(clause, ensure_ascii=False)[1:-1] in texts
    elif fmt == "github":
        commands = out.splitlines()
        as_json = run_cli("check", "evil.txt", "--format", "json", "--select", "GL7", cwd=tmp_path)
        # One command per finding: the text's "::error" stays inside a message.
        assert len(commands) == len(json.loads(as_json.stdout)["findings"]) >= 3
        assert all(c.startswith(("::error ", "::warning ", "::notice ")) for c in commands)
        assert "%250A" in out  # the text's own "%0A" is not a line break for the runner
    elif fmt == "junit":
        root = ET.fromstring(out)
        texts = "".join(root.itertext()) + "".join(str(e.attrib) for e in root.iter())
        assert "核对全部数据<b>]]>&amp;[bold]{j}" in texts and "<script>" in texts
    elif fmt == "html":
        assert out.count("<script") == 1  # ours only
        assert "<script>alert" not in out and "&lt;script&gt;" in out
        assert "核对全部数据&lt;b&gt;]]&gt;&amp;amp;" in out


def test_hostile_text_in_sarif_is_valid_against_the_schema(tmp_path, shared):
    jsonschema = pytest.importorskip("jsonschema")
    hostile_report(tmp_path)
    result = run_cli("check", "evil.txt", "--format", "sarif", cwd=tmp_path)
    schema = json.loads(
        (shared / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")
    )
    jsonschema.validate(json.loads(result.stdout), schema)


# -- code in the checked folder ---------------------------------------------------------------

PLANTED = ["rich", "pluggy", "opencc", "govlint_plugin", "conftest", "sitecustomize"]


@pytest.mark.parametrize("how", ["module", "script"])
def test_code_in_the_checked_folder_is_never_imported(tmp_path, how):
    for name in PLANTED:
        (tmp_path / f"{name}.py").write_text(
            f"open({str(tmp_path / (name + '.imported'))!r}, 'w').close()\n", encoding="utf-8"
        )
    (tmp_path / "r.txt").write_text(CLEAN, encoding="utf-8")
    if how == "module":
        command = [sys.executable, "-m", "govlint"]
    else:
        script = shutil.which("govlint", path=str(Path(sys.executable).parent))
        if script is None:
            pytest.skip("no govlint script next to this interpreter")
        command = [script]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = subprocess.run(
        [*command, "check", "."], cwd=tmp_path, capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert sorted(p.name for p in tmp_path.glob("*.imported")) == []


def test_a_report_on_one_long_line_is_shown_as_a_window(tmp_path):
    """Outputs show a window of a 1 MB line, not the line: each finding would copy it."""
    sentence = "本机关主动公开政府信息1234条，同比增长12.5%。"
    middle = len(sentence) * 15_000
    text = (
        "某县2012年政府信息公开工作年度报告 "
        + sentence * 15_000
        + "自年7月起施行。"
        + sentence * 15_000
    )
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    args = ("check", "long.txt", "--select", "GL401", "--lang", "en")
    rich = run_cli(*args, cwd=tmp_path).stdout.splitlines()
    column = len("某县2012年政府信息公开工作年度报告 ") + middle + 2  # 年 of 自年7月
    assert rich[0].startswith(f"long.txt:1:{column}: GL401 error")
    shown, marker = rich[1], rich[2]
    assert shown.lstrip().startswith("│ …") and shown.endswith("…")
    assert len(shown) < 200 and "自年7月起施行" in shown
    assert marker.rstrip().endswith("^")
    sarif = json.loads(run_cli(*args, "--format", "sarif", cwd=tmp_path).stdout)
    location = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["region"]["startColumn"] == column
    assert "contextRegion" not in location  # the whole line would be the snippet
