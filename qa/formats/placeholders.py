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


def is_markup(token_key: str) -> bool:
    """reST roles, inline literals and links: documentation markup, not run-time placeholders."""
    return token_key.startswith((":", "`"))


_ROLE = re.compile(r":[\w:-]+:`([^`]+)`")
_IDENTIFIER = re.compile(r"[^\W\d]\w*")
_QUOTES = re.compile(r"[\"'«»“”‘’]")


def _shape(token: str) -> tuple[str, str, tuple[str, ...]]:
    """(kind, skeleton, names) of a markup token: what a translator who renames the example
    names in it (« ``f.read(size)`` » → « ``f.read(taille)`` ») leaves unchanged.

    The skeleton is the token's text with every name replaced by « w », quotes and spaces
    dropped. A role that links (« :func:`len` ») may not rename its target, since the link
    would break: its skeleton is the last dotted part of the target as written, so only a
    shorter path to the same object pairs with it (« :meth:`~list.pop` », « :meth:`pop` »),
    with or without the « () » some authors add. A role marked « ! » links nowhere and is
    shown as code, like a literal."""
    role = _ROLE.fullmatch(token)
    if role and not role.group(1).startswith("!"):
        target = re.search(r"<([^<>]+)>$", role.group(1))
        last = (target.group(1) if target else role.group(1)).removesuffix("()").rsplit(".", 1)[-1].lstrip("!~")
        return "role", last, ()
    if role:
        body, kind = role.group(1), "shown"
    elif token.startswith("``"):
        body, kind = token[2:-2], "shown"
    else:
        body, kind = token, "link"
    body = re.sub(r"\s+", "", _QUOTES.sub("", body))
    return kind, _IDENTIFIER.sub("w", body), tuple(_IDENTIFIER.findall(body))


def missing_from(source: str, target: str) -> Counter[str]:
    """The placeholders of source (by ``key``) that target lacks.

    Run-time placeholders are counted: each one the source has must be in the target.
    Documentation markup (reST roles, literals, links) is a matter of presence, since a
    translation may refer back to a repeated « ``else`` » with a pronoun; and a markup token
    whose example names the translator renamed is accounted for by the target token of the
    same kind and skeleton (« ``modname.funcname`` » → « ``nommodule.nomfonction`` »), as
    long as each renamed name is renamed the same way throughout the segment. A token
    translated whole (« ``None`` » → « ``Aucun`` ») looks the same as a renamed example
    name and goes unreported: documentation translators rename example names routinely.
    """
    src_tokens = placeholders(source)
    tgt_tokens = placeholders(target)
    src, tgt = Counter(key(t) for _, _, t in src_tokens), Counter(key(t) for _, _, t in tgt_tokens)
    missing = Counter({k: n for k, n in (src - tgt).items() if not is_markup(k)})
    lost = [t for _, _, t in src_tokens if is_markup(key(t)) and key(t) not in tgt]
    spare = [t for _, _, t in tgt_tokens if is_markup(key(t)) and key(t) not in src]
    renamed: dict[str, str] = {}
    for token in lost:
        kind, skeleton, names = _shape(token)
        for candidate in spare:
            other_kind, other_skeleton, other_names = _shape(candidate)
            pairs = dict(zip(names, other_names, strict=True)) if (kind, skeleton) == (other_kind, other_skeleton) else None
            if pairs is not None and all(renamed.get(a, b) == b for a, b in pairs.items()):
                renamed.update(pairs)
                spare.remove(candidate)
                break
        else:
            if not _within_literal(token, [t for _, _, t in tgt_tokens]):
                missing[key(token)] += 1
    return missing


def _within_literal(token: str, targets: list[str]) -> bool:
    """An inline literal held whole by a literal of targets."""
    if not token.startswith("``"):
        return False
    code = token[2:-2]
    return any(code in t[2:-2] for t in targets if t.startswith("``"))
