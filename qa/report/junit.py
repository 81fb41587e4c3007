"""The JUnit XML report: one test case per file, failed when the file has findings.

CI systems that understand JUnit (GitLab, Jenkins, Azure) then show which texts need review.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from qa.model.results import Result
from qa.model.findings import Severity
from qa.report.escape import visible
from qa.report.text import lines

# Characters XML 1.0 cannot carry at all, even escaped; a text file may still contain them.
_INVALID = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(s: str, keep: str = "") -> str:
    return _INVALID.sub("\ufffd", visible(s, keep))


def render(results: Sequence[Result]) -> str:
    failures = sum(1 for r in results if r.findings and not r.error)
    errors = sum(1 for r in results if r.error)
    counts = {"tests": str(len(results)), "failures": str(failures), "errors": str(errors)}
    suites = ET.Element("testsuites", {"name": "qa", **counts})
    suite = ET.SubElement(suites, "testsuite", {"name": "qa", **counts})
    detail = {id(f): text for _, f, text in lines(results)}
    for r in results:
        path = _clean(r.document.path)
        case = ET.SubElement(suite, "testcase", {"classname": "qa", "name": path, "file": path})
        if r.error:
            ET.SubElement(case, "error", {"message": _clean(r.error), "type": "input"}).text = _clean(r.error)
        elif r.findings:
            worst = max((Severity(f.severity) for f in r.findings), key=lambda s: s.rank)
            n = len(r.findings)
            failure = ET.SubElement(case, "failure", {
                "message": f"{n} finding{'s' if n != 1 else ''}", "type": worst.value,
            })
            failure.text = _clean("\n".join(detail[id(f)] for f in r.findings), keep="\n")
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
