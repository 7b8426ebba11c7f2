"""GL0xx diagnostics: findings about the run, raised by the engine, not by a check."""

from __future__ import annotations

from govlint.findings import Severity
from govlint.rules.base import Diagnostic


class UnreadableInput(Diagnostic):
    """The file can't be read, decoded or extracted.

    ## What it checks
    Every file govlint is asked to check must turn into text: it must exist and be readable,
    be a supported type (`.txt`, `.md`), and decode as UTF-8 (with or without BOM),
    UTF-16 (with BOM), GB18030/GBK or Big5. An empty or binary file is reported too.
    The finding names the file and the cause; the other files are still checked.

    ## Why
    A report nobody can read can't be checked — and, published as is, can't be read by the
    public either (条例 requires information to be made available in a usable form).

    ## Bad example
    A Word document saved with the extension `.txt`, a file of zero bytes, or a file in an
    encoding that is neither Unicode nor GB18030/Big5.

    ## Good example
    The same report saved as UTF-8 text.
    """

    id = "GL001"
    name = "unreadable-input"
    severity = Severity.ERROR
    summary = {"zh": "文件无法读取、解码或提取", "en": "file can't be read, decoded or extracted"}
    messages = {"default": ("无法读取：{reason}", "unreadable: {reason}")}


class RuleCrashed(Diagnostic):
    """A rule raised an exception on this file.

    ## What it checks
    Each rule runs in isolation. When one raises, govlint reports this finding naming the
    rule and the exception, and the other rules still run on the file.

    ## Why
    A crash is a bug in govlint or a plugin, never a verdict on the report: it is shown so
    that nobody mistakes "no findings" for "checked and clean".

    ## Bad example
    A plugin rule that divides by a count that is zero in this report.

    ## Good example
    Rules that are silent when they can't decide.
    """

    id = "GL002"
    name = "rule-crashed"
    severity = Severity.ERROR
    summary = {"zh": "规则运行出错", "en": "a rule crashed"}
    messages = {
        "default": (
            "规则 {rule} 运行出错（{error}），该规则的结果不完整；其他规则已正常运行",
            "rule {rule} crashed ({error}); its results are incomplete, the other rules ran",
        )
    }


class PluginFailed(Diagnostic):
    """A plugin failed to load; the run continues without it.

    ## What it checks
    Every entry point in the group `govlint` is loaded on its own. One that fails to import
    or whose hooks raise is reported here, with the plugin's name and the error.

    ## Why
    A broken plugin must not stop the built-in checks, nor silently drop its own rules.

    ## Bad example
    A plugin package whose module has a syntax error.

    ## Good example
    A plugin that imports cleanly and returns its rule classes from `govlint_rules`.
    """

    id = "GL003"
    name = "plugin-failed"
    severity = Severity.ERROR
    summary = {"zh": "插件加载失败", "en": "a plugin failed to load"}
    messages = {
        "default": (
            "插件“{plugin}”加载失败（{error}），本次运行不含该插件",
            "plugin '{plugin}' failed to load ({error}); the run continues without it",
        )
    }


DIAGNOSTICS = (UnreadableInput, RuleCrashed, PluginFailed)
