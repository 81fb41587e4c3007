"""Placeholders and inline code in localisation strings: kept verbatim by translators.

Used twice: the segment documents protect them (no check reports a typo inside
« {{ limit }} » or « :ref:`x` »), and SA06 compares them between source and target.
"""

from __future__ import annotations

import re
from collections import Counter

PLACEHOLDER = re.compile(
    r"\{\{\s*[\w.\-]+\s*\}\}"  # Twig / Symfony: {{ limit }}
    r"|\$\{[\w.]+\}"  # ${name}
    r"|\{[\w.]*(?:,[^{}]{0,80})?\}"  # ICU / .NET / Python format: {0}, {name}, {n, plural, …}
    r"|%(?:\d+\$)?[-+#0]*\d*(?:\.\d+)?[sdifuxXeEgGcr%@](?![^\W\d_])"  # printf: %s, %1$d, %.2f (not « 50 % de »)
    r"|%\([\w.]+\)[-+ #0]*\d*(?:\.\d+)?[sdifrxX]"  # Python: %(name)s
    r"|:[\w:-]+:`[^`\n]+`"  # reST role: :ref:`label`, :func:`len`
    r"|``[^`\n]+``"  # reST inline literal
    r"|`[^`\n]+`_{1,2}"  # reST link: `text <url>`_
    r"|\|[\w-]+\|"  # reST substitution: |version|
    r"|(?<![\w%])%[A-Z_][A-Z0-9_]*%"  # %NAME%
    r"|\$\d+"  # $1
)


# Roles whose text is itself translated with the document (Sphinx): a glossary term is
# looked up in the translated glossary, so « :term:`floor division` » becomes « :term:`division
# entière` » in a French build that links correctly; a definition, an index entry, a key
# name (« Ctrl » for « Control »), a menu or a label are text the reader sees.
_TRANSLATED_ROLES = frozenset({":term:", ":dfn:", ":index:", ":kbd:", ":menuselection:", ":guilabel:", ":abbr:"})


def placeholders(text: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of each placeholder in text."""
    out = []
    for m in PLACEHOLDER.finditer(text):
        if m.group() == "%%":
            continue
        out.append((m.start(), m.end(), m.group()))
    return out


def key(token: str) -> str:
    """What must match between source and target: reST roles may translate their text
    (« :ref:`tut-intro` » keeps its label, but « :ref:`Introduction <x>` » may not)."""
    role = re.fullmatch(r"(:[\w:-]+:)`([^`]+)`", token)
    if role:
        if role.group(1) in _TRANSLATED_ROLES:
            return role.group(1)
        target = re.search(r"<([^<>]+)>$", role.group(2))
        # « ! » (no link) and « ~ » (last component shown) change the display, not the target
        return role.group(1) + (target.group(1) if target else role.group(2)).lstrip("!~")
    link = re.fullmatch(r"`([^`]+?)\s*<([^<>]+)>`(_{1,2})", token)
    if link:
        if re.match(r"https?://", link.group(2)):
            return f"`<url>`{link.group(3)}"  # a translation may point to the page in its language
        return f"`<{link.group(2)}>`{link.group(3)}"
    if token.startswith("`") and not token.startswith("``"):
        return "`…`_"  # a named reference: its text is translated
    return re.sub(r"\s+", "", token)


def counts(text: str) -> Counter[str]:
    return Counter(key(t) for _, _, t in placeholders(text))
