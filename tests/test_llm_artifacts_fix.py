"""`qa fix` deletes what a translating model leaves (AR01, AR03, AR04) and keeps every other
byte: line ends (CRLF too), no-break spaces, the text's own quotation marks."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from qa.cli import app

runner = CliRunner()

# Each case: the file's bytes, and the pieces the fix must remove (each occurs once).
CASES = {
    "chat-around-a-crlf-article": (
        "Voici la traduction en français :\r\n"
        "Les mineurs de Kiruna déménagent\u00a0: la ville glisse vers l\u2019est. "
        "(Note : « stadsflytt » a été traduit par « déménagement de la ville ».)\r\n"
        "« Nous partirons en 2026 », dit une habitante.\r\n"
        "J'espère que cette traduction vous convient. N'hésitez pas à me demander des ajustements.",
        [
            "Voici la traduction en français :\r\n",
            " (Note : « stadsflytt » a été traduit par « déménagement de la ville ».)",
            "\r\nJ'espère que cette traduction vous convient. N'hésitez pas à me demander des ajustements.",
        ],
    ),
    "pipeline-left-overs-in-an-lf-article": (
        "Sure! Here is the translation:\n"
        "La cathédrale de Cologne rouvre sa tour nord. La cathédrale de Cologne rouvre sa tour nord. Les visites reprennent.\n"
        "Le billet coûte 6\u202f€.<|im_end|>\n",
        [
            "Sure! Here is the translation:\n",
            " La cathédrale de Cologne rouvre sa tour nord.",
            "<|im_end|>",
        ],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_fix_deletes_the_artifacts_and_keeps_every_other_byte(tmp_path: Path, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text, removed = CASES[name]
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode("utf-8"))
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["fix", "-s", "AR01,AR03,AR04", "article.txt"])
    assert result.exit_code in (0, 1), result.output
    expected = text
    for piece in removed:
        assert expected.count(piece) == 1, piece
        expected = expected.replace(piece, "")
    assert path.read_bytes() == expected.encode("utf-8")
