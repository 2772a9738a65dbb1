"""``spinscan rule ID``: a rule's documentation and examples, printed with rich."""
from __future__ import annotations

from rich.console import Console
from rich.markdown import Markdown
from rich.panel import Panel

from scanner.report.rich_report import ReportConsole
from scanner.rule import Rule


def print_rule(rule: Rule, console: Console | None = None) -> None:
    """Print what the rule does, why, its default severity, its options with their defaults
    and its examples."""
    console = console or ReportConsole()
    lines = [
        f"# {rule.id} {rule.name}",
        f"**category** {rule.category.value} · **severity** {rule.severity.value} · "
        f"**from** {rule.origin}",
        "",
        rule.summary,
        "",
        rule.docs.strip(),
    ]
    if rule.default_options:  # what [options.ID] in a config may set
        lines += ["", f"## Options (`[options.{rule.id}]`, defaults)"]
        lines += [f"- `{name} = {value!r}`" for name, value in rule.default_options.items()]
    for flagged, heading in ((True, "Flagged"), (False, "Not flagged")):
        examples = [e for e in rule.examples if e.flagged is flagged]
        if examples:
            lines += ["", f"## {heading}"]
            lines += [f"- `{e.text}`" + (f" (title: `{e.title}`)" if e.title else "")
                      for e in examples]
    console.print(Panel(Markdown("\n".join(lines)), expand=False))
