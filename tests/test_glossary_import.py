"""`qa glossary import` (TBX, CSV/TSV) and `qa glossary check`, and SA01 on what they make."""

from __future__ import annotations

import tomllib
from pathlib import Path

from typer.testing import CliRunner

from qa.cli import app
from qa.knowledge.glossary import parse_toml

runner = CliRunner()

TBX_CORE = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Core" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="c1">
      <langSec xml:lang="en"><termSec><term>screenshot</term></termSec></langSec>
      <langSec xml:lang="fr">
        <termSec><term>capture d’écran</term></termSec>
        <termSec><term>screenshot</term>
          <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>
      </langSec>
    </conceptEntry>
    <conceptEntry id="c2">
      <langSec xml:lang="en"><termSec><term>review</term></termSec></langSec>
      <langSec xml:lang="fr"><termSec><term>relire, vérifier</term></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>
"""


def _import(tmp_path: Path, src: Path, *extra: str) -> tuple[int, dict, str]:
    out = tmp_path / "out.toml"
    result = runner.invoke(app, ["glossary", "import", str(src), "-o", str(out), *extra])
    data = tomllib.loads(out.read_text(encoding="utf-8")) if out.exists() else {}
    return result.exit_code, data, result.stderr


def test_tbx_2019_core_with_deprecated_terms(tmp_path: Path) -> None:
    src = tmp_path / "core.tbx"
    src.write_text(TBX_CORE, encoding="utf-8")
    code, data, _ = _import(tmp_path, src)
    assert code == 0
    entries = {e["source"]: e for e in data["entry"]}
    assert entries["screenshot"]["right"] == ["capture d’écran"] and entries["screenshot"]["wrong"] == ["screenshot"]
    assert entries["review"]["right"] == ["relire", "vérifier"]
    parse_toml((tmp_path / "out.toml").read_text(encoding="utf-8"), "out.toml")  # loads as a qa glossary


def test_real_tbx_basic_weblate(shared: Path, tmp_path: Path) -> None:
    code, data, err = _import(tmp_path, shared / "corpora" / "weblate-glossary-tbx" / "fr.tbx")
    assert code == 0
    by_source = {e["source"]: e["right"] for e in data["entry"]}
    assert by_source["glossary"] == ["glossaire"] and by_source["Weblate"] == ["Weblate"]
    assert len(data["entry"]) > 200
    assert "is prose, not a term" in err  # the « "hooks" terme technique … » note is not a term


def test_nothing_imported_names_the_languages_and_exits_2(shared: Path, tmp_path: Path) -> None:
    code, data, err = _import(tmp_path, shared / "corpora" / "weblate-glossary-tbx" / "nl.tbx")
    assert code == 2 and data == {} and not (tmp_path / "out.toml").exists()
    assert err.strip().endswith(
        "nl.tbx: nothing imported: no en term with a fr rendering; it holds en, nl"
        " (choose them with --source-lang and --target-lang)"
    )
    src = tmp_path / "de.tbx"  # an unrelated file, in TBX 2019 core
    src.write_text(TBX_CORE.replace('xml:lang="fr"', 'xml:lang="de"'), encoding="utf-8")
    code, _, err = _import(tmp_path, src)
    assert code == 2 and "it holds de, en" in err
    code, data, _ = _import(tmp_path, src, "--target-lang", "de")
    assert code == 0 and len(data["entry"]) == 2


def test_empty_table_imports_nothing_and_exits_2(tmp_path: Path) -> None:
    src = tmp_path / "empty.csv"
    src.write_text("source,target\n", encoding="utf-8")
    code, _, err = _import(tmp_path, src)
    assert code == 2 and "empty.csv: nothing imported" in err and "--target-lang" not in err


def test_tbx_with_entities_is_refused(tmp_path: Path) -> None:
    src = tmp_path / "evil.tbx"
    src.write_text('<?xml version="1.0"?>\n<!DOCTYPE martif [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<martif>&x;</martif>\n')
    result = runner.invoke(app, ["glossary", "import", str(src)])
    assert result.exit_code == 2 and "entity declarations are refused" in result.stderr


def test_real_csv_with_guessed_and_mapped_columns(shared: Path, tmp_path: Path) -> None:
    folder = shared / "corpora" / "tico19-terminology"
    code, data, _ = _import(tmp_path, folder / "google_en_fr-FR.csv")
    assert code == 0
    entry = next(e for e in data["entry"] if e["source"] == "contagious")
    assert entry["right"] == ["contagieux"] and "coronavirus" in entry["note"]
    code, data, _ = _import(tmp_path, folder / "facebook_en_fr.csv", "--source-column", "4", "--target-column", "targetString")
    assert code == 0 and any(e["source"] == "acute bronchitis" and e["right"] == ["bronchite aiguë"] for e in data["entry"])
    result = runner.invoke(app, ["glossary", "import", str(folder / "facebook_en_fr.csv"), "--target-column", "nope"])
    assert result.exit_code == 2 and "no target column 'nope'" in result.stderr


def test_tsv_without_a_recognisable_header_needs_a_mapping(tmp_path: Path) -> None:
    src = tmp_path / "t.tsv"
    src.write_text("a\tb\nmask\tmasque\n", encoding="utf-8")
    assert runner.invoke(app, ["glossary", "import", str(src)]).exit_code == 2
    code, data, _ = _import(tmp_path, src, "--source-column", "a", "--target-column", "b")
    assert code == 0 and data["entry"][0]["right"] == ["masque"]


def test_glossary_check_reports_duplicates_conflicts_and_self_maps(tmp_path: Path) -> None:
    good = tmp_path / "good.toml"
    good.write_text('schema = 1\n[[entry]]\nsource = "mask"\nlang = "en"\nright = ["masque"]\nwrong = []\n', encoding="utf-8")
    result = runner.invoke(app, ["glossary", "check", str(good)])
    assert result.exit_code == 0 and "0 problems" in result.stderr
    bad = tmp_path / "bad.toml"
    bad.write_text(
        'schema = 1\n[[entry]]\nsource = "mask"\nlang = "en"\nright = ["masque facial"]\nwrong = []\n\n'
        '[[entry]]\nwrong = ["Le Monde"]\nright = ["Le Monde"]\ncase = "sensitive"\n\n'
        '[[entry]]\nwrong = ["faire sens"]\nright = ["avoir du sens"]\n\n'
        '[[entry]]\nwrong = ["faire sens"]\nright = ["avoir du sens"]\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["glossary", "check", str(good), str(bad)])
    assert result.exit_code == 1
    out = result.stdout
    assert "conflicting source term « mask »: masque / masque facial" in out
    assert "« Le Monde » maps to itself" in out
    assert "duplicate wrong form « faire sens »" in out


def test_imported_glossary_drives_sa01(tmp_path: Path) -> None:
    src = tmp_path / "core.tbx"
    src.write_text(TBX_CORE, encoding="utf-8")
    _import(tmp_path, src)
    target, source = tmp_path / "fr.txt", tmp_path / "en.txt"
    target.write_text("Joignez une copie d’écran.\nJoignez deux captures d’écran.\n", encoding="utf-8")
    source.write_text("Attach a screenshot.\nAttach two screenshots.\n", encoding="utf-8")
    result = runner.invoke(app, ["lint", "--select", "SA01", "-g", str(tmp_path / "out.toml"), str(target), "--source", str(source)])
    assert result.exit_code == 1
    assert result.stdout.count("SA01") == 1 and f"{target}:1:1" in result.stdout  # plural « captures » is fine


def test_wmt21_terminology_benchmark(shared: Path) -> None:
    """SA01 never flags the human reference's annotated terms, and flags the MT's misses."""
    import subprocess
    import sys

    script = Path(__file__).resolve().parent.parent / "bench" / "wmt21_terminology.py"
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, check=True).stdout
    assert "reference: 901 annotated term occurrences; qa term accuracy 100.0%" in out
    assert "MT (Fairseq): 901 annotated term occurrences; qa term accuracy 8" in out
