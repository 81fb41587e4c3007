"""SA06: placeholders, inline code and tags of the source missing from the target, or added."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from qa.checks.base import Check, Context
from qa.checks.source._shared import whole
from qa.formats.placeholders import counts, is_markup, key, missing_from, placeholders
from qa.model.document import Document
from qa.model.findings import Category, Finding, Severity


class PlaceholderParity(Check):
    """Placeholders, inline code and tags of the source missing from the target, or added.

    « {{ limit }} », « %(name)s », « {0} », reST roles (« :ref:`label` ») and XLIFF
    inline tags must survive translation: a missing one breaks the message at run time.

    Run-time placeholders are counted one by one. Documentation markup is a matter of
    presence, and a literal whose example names the translator renamed the same way
    throughout (« ``f.read(size)`` » → « ``f.read(taille)`` ») is still there
    (qa.formats.placeholders.missing_from); lost markup is a warning, since it breaks no
    program. A fuzzy PO entry is compared with its previous msgid, or not at all.

    Mauvais : source « At least {{ limit }} characters. », cible « Au moins caractères. »
    Bon :     source « At least {{ limit }} characters. », cible « Au moins {{ limit }} caractères. »
    """

    code = "SA06"
    priority = 400
    segment_wide = True
    autofix = "none"  # for `qa rules` and SARIF
    name = "source.placeholder-parity"
    category = Category.ARTIFACT
    summary = "Placeholder or tag of the source missing from the target, or added"
    severity = Severity.ERROR

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        if ctx.source is None or not doc.text.strip():
            return
        src, tgt = counts(ctx.source), counts(doc.text)
        missing = missing_from(ctx.source, doc.text)
        # Translators may add inline-code markup for clarity (« ``assert`` »); an added
        # reST literal or role is harmless, an added format placeholder is not.
        extra = Counter({k: n for k, n in (tgt - src).items() if not k.startswith(("``", ":", "`"))})
        if missing:
            shown = {key(t): t for _, _, t in reversed(placeholders(ctx.source))}  # as the source writes it
            listed = ", ".join(f"« {shown.get(k, k)} »" for k in sorted(missing.elements())[:4])
            # Lost documentation markup (a reST literal, role or link) breaks no program: a warning.
            severity = Severity.WARNING if all(is_markup(k) for k in missing) else None
            yield self.finding(doc, whole(doc), f"placeholder missing from the target: {listed}", severity=severity)
        if extra:
            listed = ", ".join(f"« {t} »" for _, _, t in placeholders(doc.text) if key(t) in extra)
            yield self.finding(doc, whole(doc), f"placeholder not in the source: {listed}")
        source_tags = Counter(getattr(doc, "source_tags", ()))
        target_tags = Counter(getattr(doc, "target_tags", ()))
        if source_tags and source_tags != target_tags:
            lost = sorted((source_tags - target_tags).elements())
            added = sorted((target_tags - source_tags).elements())
            parts = ([f"missing {', '.join(lost[:4])}"] if lost else []) + ([f"added {', '.join(added[:4])}"] if added else [])
            yield self.finding(doc, whole(doc), f"inline tags differ from the source: {'; '.join(parts)}")
