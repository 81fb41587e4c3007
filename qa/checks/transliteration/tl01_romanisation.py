"""TL01: Russian, Ukrainian and Belarusian names romanised by Dutch, German or English conventions.

The knowledge is in qa.knowledge.romanisation (the conventions, qa/data/transliteration.toml)
and qa.knowledge.gazetteer (the established French forms, qa/data/gazetteer.tsv). IC01
defers to this check for any token found here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from qa.checks.base import Check, Context
from qa.knowledge.romanisation import cached_romanisations, detect
from qa.model.document import Document
from qa.model.findings import Category, Finding

_LANG_NAMES = {"nl": "Dutch", "de": "German", "en": "English"}


class Transliteration(Check):
    """A Russian, Ukrainian or Belarusian name romanised by another language's convention.

    Dutch writes « tsj, sj, zj, oe, j » (Poetin, Tsjaikovski), German « tsch, sch,
    w, j » (Selenskyj, Gorbatschow, Kyjiw), English « ch, sh, zh, y » (Zelenskyy,
    Shoigu) where French writes « tch, ch, j, ou, ï ». The gazetteer of established
    French forms (qa/data/gazetteer.tsv) confirms a suggestion; a name it does not
    know gets the rule-based French romanisation, not applied automatically. Photo
    credits keep the spelling the photographer signs with.

    Mauvais : « Le président Vladimir Poetin a rencontré Selenskyj. »
    Bon :     « Le président Vladimir Poutine a rencontré Zelensky. »
    """

    code = "TL01"
    priority = 50
    name = "transliteration.romanisation"
    category = Category.TRANSLITERATION
    summary = "Name romanised by a Dutch, German or English convention"
    data_files = ("gazetteer.tsv", "transliteration.toml")

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        for hit in cached_romanisations(doc, ctx):
            text = doc[hit.span]
            found = detect(text)
            lang = hit.lang or (found[0][0] if found else None)
            if len(found) > 1 and found[0][1] == found[1][1]:
                names = f"{_LANG_NAMES[found[0][0]]} or {_LANG_NAMES[found[1][0]]}"  # « -yj »: Dutch and German alike
            else:
                names = _LANG_NAMES[lang] if lang else ""
            if hit.entity is not None:
                how = f"a {names} romanisation" if names else "a foreign romanisation"
                message = f"« {text} » is {how}; the French form is « {hit.suggestion} »"
                # With two accepted French forms, only the one the text already uses is safe.
                autofix = len(hit.entity.french_forms) == 1 or bool(
                    re.search(rf"(?<!\w){re.escape(hit.suggestion)}(?!\w)", doc.text)
                )
            else:
                how = f"{names or 'foreign'} romanisation"
                message = f"« {text} » looks like a {how}; French would write « {hit.suggestion} »"
                autofix = False
            yield self.finding(doc, hit.span, message, suggestions=[hit.suggestion], autofix=autofix)
