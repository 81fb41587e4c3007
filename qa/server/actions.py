"""Code actions and hover: quick fixes, fix-all, suppression, glossary entries, `qa explain`."""

from __future__ import annotations

from pathlib import Path

from lsprotocol import types

from qa.model.findings import Finding
from qa.server.diagnostics import diagnostic
from qa.server.incremental import ENGINE_ERROR
from qa.server.positions import Lines

FIX_ALL = "source.fixAll.qa"
ADD_TO_GLOSSARY = "qa.addToGlossary"
# Formats whose suppression directive is an HTML comment (qa.engine.suppress) a writer may type.
SUPPRESSIBLE = (".md", ".markdown", ".html", ".htm")


def _edit(uri: str, edits: list[types.TextEdit]) -> types.WorkspaceEdit:
    return types.WorkspaceEdit(changes={uri: edits})


def _wanted(only: list[str] | None, kind: str) -> bool:
    """Does the client's ``only`` filter admit kind (a kind admits its sub-kinds)?"""
    return not only or any(kind == o or kind.startswith(o + ".") for o in only)


def quick_fixes(uri: str, lines: Lines, f: Finding) -> list[types.CodeAction]:
    diag = diagnostic(f, lines, uri, related=False)
    out = []
    for i, s in enumerate(f.suggestions):
        title = f"Replace « {f.text} » with « {s} »" if s else f"Delete « {f.text} »"
        out.append(types.CodeAction(
            title=f"{title} ({f.code})",
            kind=types.CodeActionKind.QuickFix,
            diagnostics=[diag],
            is_preferred=f.autofix and i == 0,
            edit=_edit(uri, [types.TextEdit(lines.range(f.span.start, f.span.end), s)]),
        ))
    return out


def suppress_here(uri: str, lines: Lines, f: Finding, path: str) -> types.CodeAction | None:
    """« <!-- qa: ignore CODE --> » at the end of the finding's line (Markdown, HTML)."""
    if Path(path).suffix.lower() not in SUPPRESSIBLE or f.code == ENGINE_ERROR:
        return None
    text = lines.text
    end = len(text)
    for brk in ("\r\n", "\n", "\r"):
        at = text.find(brk, f.span.end)
        if at >= 0:
            end = min(end, at)
    directive = f" <!-- qa: ignore {f.code} -->"
    return types.CodeAction(
        title=f"Suppress {f.code} on this line",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic(f, lines, uri, related=False)],
        edit=_edit(uri, [types.TextEdit(lines.range(end, end), directive)]),
    )


def add_to_glossary(uri: str, lines: Lines, f: Finding) -> types.CodeAction | None:
    if not f.suggestions or not f.suggestions[0] or f.code == ENGINE_ERROR:
        return None
    right = f.suggestions[0]
    return types.CodeAction(
        title=f"Add « {f.text} » → « {right} » to the workspace glossary",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic(f, lines, uri, related=False)],
        command=types.Command(
            title="Add to glossary", command=ADD_TO_GLOSSARY,
            arguments=[{"uri": uri, "wrong": f.text, "right": right, "category": f.category.value, "code": f.code}],
        ),
    )


def fix_all(uri: str, lines: Lines, findings: tuple[Finding, ...]) -> types.CodeAction | None:
    """The safe (autofix) fixes of the file that do not overlap, as one edit."""
    from qa.engine.fixes import apply_edits

    chosen = [f for f in findings if f.autofix]
    if not chosen:
        return None
    _, skipped = apply_edits(lines.text, [f.edit() for f in chosen])
    left = {(e.span.start, e.span.end, e.replacement) for e in skipped}
    edits = [
        types.TextEdit(lines.range(f.span.start, f.span.end), f.suggestions[0])
        for f in chosen if (f.span.start, f.span.end, f.suggestions[0]) not in left
    ]
    if not edits:
        return None
    return types.CodeAction(title=f"Apply qa's {len(edits)} safe fixes", kind=FIX_ALL, edit=_edit(uri, edits))


def code_actions(
    uri: str, path: str, lines: Lines, findings: tuple[Finding, ...], start: int, end: int, only: list[str] | None
) -> list[types.CodeAction]:
    out: list[types.CodeAction] = []
    if _wanted(only, types.CodeActionKind.QuickFix):
        for f in findings:
            if not (f.span.start <= end and start <= f.span.end):
                continue
            out.extend(quick_fixes(uri, lines, f))
            for action in (suppress_here(uri, lines, f, path), add_to_glossary(uri, lines, f)):
                if action is not None:
                    out.append(action)
    # fix-all is offered when asked for (on save, `only: [source.fixAll]`) or with the quick fixes
    if _wanted(only, FIX_ALL):
        action = fix_all(uri, lines, findings)
        if action is not None:
            out.append(action)
    return out


def hover(lines: Lines, findings: tuple[Finding, ...], offset: int, markdown: bool) -> types.Hover | None:
    """`qa explain` for the codes of the findings under offset."""
    from qa.report.explain import explain_text

    here = [f for f in findings if f.span.start <= offset < max(f.span.end, f.span.start + 1)]
    if not here:
        return None
    parts = []
    for code in dict.fromkeys(f.code for f in here):
        text = explain_text(code) or f"{code}: a check failed on this paragraph; see the server's log."
        head, _, body = text.partition("\n")
        parts.append(f"**{head}**\n\n```text\n{body}\n```" if markdown else text)
    first = min(here, key=lambda f: f.span.start)
    kind = types.MarkupKind.Markdown if markdown else types.MarkupKind.PlainText
    sep = "\n\n---\n\n" if markdown else "\n\n"
    return types.Hover(types.MarkupContent(kind, sep.join(parts)), lines.range(first.span.start, first.span.end))
