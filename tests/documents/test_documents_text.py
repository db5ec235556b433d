"""Plain text: decoding (BOM, CRLF, CR, charsets), positions, and the bad-input matrix."""

from __future__ import annotations

import pytest
from documents_helpers import load_collecting, position_of

from factlint.documents import load_documents
from factlint.documents.decode import decode
from factlint.documents.load import load_path
from factlint.errors import InputError


def test_plain_text_positions_are_source_lines_and_columns(write):
    path = write("a.txt", "First line here\n\n  Indented Berlin word\n")
    (doc,) = load_documents([str(path)])
    assert doc.path == str(path)
    assert doc.format == "txt"
    assert position_of(doc, "Berlin") == (3, 12)
    assert position_of(doc, "First") == (1, 1)
    assert doc.source == "First line here\n\n  Indented Berlin word\n"


def test_bom_is_stripped_and_columns_stay_right(write):
    path = write("bom.txt", b"\xef\xbb\xbfParis is here\nand Rome there\n")
    (doc,) = load_documents([str(path)])
    assert not doc.text.startswith("\ufeff")
    assert position_of(doc, "Paris") == (1, 1)
    assert position_of(doc, "Rome") == (2, 5)


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_lone_cr_count_as_one_line_break(write, newline):
    body = newline.join(["Headline words here", "", "Then Lisbon came", "and Oslo"]) + newline
    (doc,) = load_documents([str(write("nl.txt", body.encode()))])
    assert "\r" not in doc.text
    assert position_of(doc, "Lisbon") == (3, 6)
    assert position_of(doc, "Oslo") == (4, 5)


def test_utf16_with_bom_is_read(write):
    path = write("u16.txt", "Madrid hosts talks\n".encode("utf-16"))
    (doc,) = load_documents([str(path)])
    assert position_of(doc, "talks") == (1, 14)


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_non_utf8_text_is_detected(write, encoding):
    text = (
        "Le président a visité la région de Besançon à l'été, où les élèves l'ont accueilli.\n"
        "Señor Muñoz était présent; il a déclaré que la coopération franco-espagnole continuera.\n"
    )
    (doc,) = load_documents([str(write("fr.txt", text.encode(encoding)))])
    assert "Besançon" in doc.text
    assert "Muñoz" in doc.text
    assert position_of(doc, "Muñoz") == (2, 7)


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF document"),
        (b"some words\x00\x00\x01\x02 more", "NUL bytes"),
    ],
)
def test_binary_file_is_a_one_line_error_and_others_still_load(write, content, kind):
    bad = write("photo.txt", content)
    good = write("good.txt", "Vienna welcomed the delegation.\n")
    docs, errors = load_collecting([str(bad), str(good)])
    assert [d.path for d in docs] == [str(good)]
    assert len(errors) == 1
    message = str(errors[0])
    assert message.startswith(f"{bad}: binary file")
    assert kind in message
    assert "\n" not in message


def test_binary_file_raises_without_on_error(write):
    bad = write("x.txt", b"\x89PNG\r\n\x1a\n\x00\x00")
    with pytest.raises(InputError) as info:
        load_documents([str(bad)])
    assert info.value.location == str(bad)


def test_undecodable_bytes_give_a_clear_error():
    # Random high bytes: not UTF-8; either detected as some charset or refused clearly.
    try:
        text = decode(bytes(range(128, 256)) * 4, "x.txt")
    except InputError as error:
        assert error.location == "x.txt"
        assert "encoding" in error.message
    else:
        assert isinstance(text, str)


@pytest.mark.parametrize("content", ["", "   \n\t\n  \n", "\n\n\n"])
def test_empty_and_whitespace_only_files_load_without_text(write, content):
    (doc,) = load_documents([str(write("empty.txt", content))])
    assert doc.text.strip() == ""
    assert doc.published is None


def test_missing_path_is_reported_and_others_load(write, tmp_path):
    good = write("good.txt", "Athens\n")
    missing = tmp_path / "nope.txt"
    docs, errors = load_collecting([str(missing), str(good)])
    assert [d.path for d in docs] == [str(good)]
    assert [str(e) for e in errors] == [f"{missing}: no such file or directory"]


def test_unreadable_file_is_reported(write):
    bad = write("secret.txt", "Kyiv\n")
    good = write("good.txt", "Warsaw\n")
    bad.chmod(0)
    try:
        try:
            bad.read_bytes()
        except PermissionError:
            pass
        else:
            pytest.skip("running as a user who can read a chmod 000 file (root)")
        docs, errors = load_collecting([str(bad), str(good)])
    finally:
        bad.chmod(0o644)
    assert [d.path for d in docs] == [str(good)]
    assert [str(e) for e in errors] == [f"{bad}: permission denied"]


def test_very_long_line_keeps_positions(write):
    filler = "word " * 200_000
    path = write("long.txt", f"{filler}Geneva end\nsecond Bern line\n")
    (doc,) = load_documents([str(path)])
    assert position_of(doc, "Geneva") == (1, len(filler) + 1)
    assert position_of(doc, "Bern") == (2, 8)


def test_fifty_megabyte_document_loads_and_is_refused_for_analysis(write):
    paragraph = (
        "The council met in Lyon on Tuesday and discussed the budget for the coming year. "
        "Members voted on twelve proposals, and the mayor thanked the staff.\n\n"
    )
    count = 50 * 1024 * 1024 // len(paragraph) + 1
    path = write(
        "big.txt", "Big report on the council\n\n" + paragraph * count + "Final Zagreb line\n"
    )
    good = write("good.txt", "Warsaw\n")
    (doc,) = load_path(str(path), on_error=lambda error: None)
    assert len(doc.text) > 50 * 1024 * 1024
    line, column = position_of(doc, "Zagreb")
    assert (line, column) == (3 + 2 * count, 7)
    # No length limit: the NLP pass takes long documents in chunks (factlint.nlp.pieces).
    docs, errors = load_collecting([str(path), str(good)])
    assert [d.path for d in docs] == [str(path), str(good)]
    assert errors == []


def test_permission_error_is_reported_even_as_root(write, monkeypatch):
    bad = write("locked.txt", "Kyiv\n")
    good = write("good.txt", "Warsaw\n")
    import factlint.documents.load as load

    original = load.os.open

    def open_(path, flags, *args, **kwargs):
        if str(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied")
        return original(path, flags, *args, **kwargs)

    monkeypatch.setattr(load.os, "open", open_)
    docs, errors = load_collecting([str(bad), str(good)])
    assert [d.path for d in docs] == [str(good)]
    assert [str(e) for e in errors] == [f"{bad}: permission denied"]


def test_utf8_with_one_broken_byte_stays_utf8(write):
    good = "Zoë Ångström visited Kraków and Łódź; café owners in Málaga agreed. " * 3
    data = good.encode("utf-8") + b"\xff" + " End in Gdańsk.\n".encode()
    (doc,) = load_documents([str(write("mostly.txt", data))])
    assert "Kraków" in doc.text and "Gdańsk" in doc.text
    assert "\ufffd" in doc.text
