"""What qa says about a file that is not UTF-8 (issue #19 item 11), on real byte strings."""

from __future__ import annotations

import pytest

from qa.formats.reading import DecodeError, decode

LATIN1_FRENCH = [
    "Le président a déclaré être très ému.\nÀ côté, l’hôtel ferme.\n".replace("’", "'"),
    "Où est la fenêtre ? Il préfère ça, naïf et sûr de lui.\n",
    "Noël à Besançon : cœur\n".replace("œ", "oe"),
]


def message(data: bytes) -> str:
    with pytest.raises(DecodeError) as info:
        decode(data, "f.txt")
    return str(info.value)


@pytest.mark.parametrize("text", LATIN1_FRENCH)
def test_latin1_french_is_called_latin1(text: str) -> None:
    said = message(text.encode("latin-1"))
    assert "Latin-1" in said and "'iconv -f ISO-8859-1 -t UTF-8'" in said, said
    assert "cp1250" not in said.lower()
    # The advice is right: converting as told gives the French back, « è » and « ê » included.
    assert text.encode("latin-1").decode("iso-8859-1") == text


@pytest.mark.parametrize("text", ["« Le coût » — l’élève a dit… œuvre\n", "Il l’a vu ; “oui”, répond-elle.\n"])
def test_windows_1252_punctuation_is_called_cp1252(text: str) -> None:
    said = message(text.encode("cp1252"))
    assert "Windows-1252" in said and "'iconv -f CP1252 -t UTF-8'" in said, said


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"Un texte \xed\xa0\x80 ici.\n", "surrogate encoded as UTF-8"),
        (b"Un texte \xed\xbf\xbf ici.\n", "surrogate encoded as UTF-8"),
        (b"Un texte \xc0\xaf ici.\n", "overlong"),
        (b"Un texte \xe0\x80\xaf ici.\n", "overlong"),
        (b"Un texte \xf4\x90\x80\x80 ici.\n", "beyond U+10FFFF"),
        ("Le café coûté".encode()[:-1], "cut short at the end"),
    ],
)
def test_damaged_utf8_is_called_damaged_utf8(data: bytes, what: str) -> None:
    said = message(data)
    assert "damaged UTF-8" in said and what in said, said
    assert "cp1125" not in said and "big5" not in said and "iconv" not in said


def test_a_latin1_letter_at_the_end_is_not_a_cut_character() -> None:
    assert "Latin-1" in message("Un café".encode("latin-1"))


def test_utf8_mixed_with_a_stray_latin1_byte() -> None:
    said = message("Le café est servi.\n".encode() + "Un thé.\n".encode("latin-1"))
    assert said.startswith("f.txt:2: not valid UTF-8 (byte 0xe9)") and "mixes in another encoding" in said, said


@pytest.mark.parametrize(
    ("codec", "label"),
    [("utf-16-le", "UTF-16 little-endian"), ("utf-16-be", "UTF-16 big-endian"),
     ("utf-32-le", "UTF-32 little-endian"), ("utf-32-be", "UTF-32 big-endian")],
)
def test_byte_order_marks_say_exactly_what_the_file_is(codec: str, label: str) -> None:
    data = "\ufeffLe café est bon.\n".encode(codec)
    said = message(data)
    assert said.startswith(f"f.txt: {label} text (it starts with that byte-order mark)"), said
    assert "binary" not in said
    iconv = label.split()[0]
    assert f"'iconv -f {iconv} -t UTF-8'" in said
    assert data.decode(iconv.lower()) == "Le café est bon.\n"  # the named codec reads the mark and drops it


@pytest.mark.parametrize(("codec", "label"), [("utf-16-le", "little"), ("utf-16-be", "big")])
def test_utf16_without_a_mark(codec: str, label: str) -> None:
    said = message("Le rapport est prêt.\nLa suite demain.\n".encode(codec))
    assert f"UTF-16 {label}-endian text without a byte-order mark" in said, said


def test_other_encodings_are_an_uncertain_guess() -> None:
    said = message("Привет, как дела? Это простой текст на русском языке.\n".encode("cp1251"))
    assert "uncertain guess" in said and "Latin-1" not in said and "Windows-1252" not in said, said


def test_binary_and_utf8_unchanged() -> None:
    assert "binary file (NUL byte)" in message(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert decode("\ufeffL’été.\n".encode(), "f.txt") == ("L’été.\n", True)
    assert decode("Déjà.\n".encode(), "f.txt") == ("Déjà.\n", False)
