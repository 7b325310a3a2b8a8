"""Files that cannot be used at all: a French message naming the file, and nothing written."""

from __future__ import annotations

import shutil
import zipfile

import pytest

from responders.errors import UnusableInput
from responders.importers import import_paths, read_paths
from tests.importers.helpers import FIXTURES, snapshot

MAPS = FIXTURES / "maps/Takeout/Maps (your places)/Reviews.json"


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("empty.json", b"", "le fichier est vide"),
        ("blank.csv", b"\xef\xbb\xbf \r\n", "le fichier est vide"),
        ("truncated.json", (FIXTURES / "truncated.json").read_bytes(), "ligne 1, colonne .*semble tronqué"),
        ("bad.json", b'{"reviews": [\n{"reviewId": "a",,}\n]}', "ligne 2, colonne"),
        ("wrong_shape.json", (FIXTURES / "wrong_shape.json").read_bytes(), "format non reconnu \\(clés trouvées : patients, version\\)"),
        ("latin1.json", (FIXTURES / "latin1.json").read_bytes(), "ligne 1, le fichier n'est pas encodé en UTF-8"),
        ("binary.csv", b"\x00\x01\x02\xff\xfe\x00garbage\x81\x8d", "encodage non reconnu"),
        ("no_columns.csv", b"Couleur;Taille\nbleu;3\n", "aucune colonne de texte ni de note"),
        ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "ancien format Excel"),
        ("broken.zip", b"PK\x03\x04 not really a zip", "archive .zip illisible"),
        ("numbers.json", b"[1, 2, 3]", "format non reconnu"),
    ],
)
def test_unusable_files_say_which_and_why(tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UnusableInput, match=expected) as info:
        read_paths([path], location="Cabinet")
    assert str(path) in str(info.value)


def test_missing_path():
    with pytest.raises(UnusableInput, match="introuvable"):
        read_paths(["/nonexistent/avis.json"])


@pytest.mark.parametrize("as_what", ["file", "folder", "zip"])
def test_maps_reviews_are_refused(tmp_path, as_what):
    if as_what == "file":
        target = MAPS
    elif as_what == "folder":
        target = FIXTURES / "maps"
    else:
        target = tmp_path / "takeout.zip"
        with zipfile.ZipFile(target, "w") as zf:
            zf.write(MAPS, "Takeout/Maps (your places)/Reviews.json")
    with pytest.raises(UnusableInput, match="avis que vous avez vous-même écrits") as info:
        read_paths([target])
    assert "Google Business Profile" in str(info.value)


def test_takeout_without_business_profile(tmp_path):
    target = tmp_path / "takeout.zip"
    with zipfile.ZipFile(target, "w") as zf:
        zf.writestr("Takeout/Drive/notes.txt", "rien")
    with pytest.raises(UnusableInput, match="aucun fichier d'avis"):
        read_paths([target], fmt="takeout")


def test_location_is_asked_when_nothing_identifies_the_listing():
    with pytest.raises(UnusableInput, match="--location"):
        read_paths([FIXTURES / "generic_fr_excel.csv"])
    units = read_paths([FIXTURES / "generic_fr_excel.csv"], location="Cabinet Faure")
    assert {r.location_key for _, r in units[0].records} == {"nom:cabinet faure"}


def test_mapping_to_a_missing_column():
    with pytest.raises(UnusableInput, match="la colonne « Commentaire » indiquée dans --mapping"):
        read_paths([FIXTURES / "generic_fr_excel.csv"], location="X", mapping="text=Commentaire")


def test_one_unusable_file_writes_nothing_for_any_file(engine, tmp_path):
    import_paths(engine, [FIXTURES / "gbp_pages.json"], classify=False)
    before = snapshot(engine)
    good = tmp_path / "good.json"
    shutil.copy(FIXTURES / "gbp_page.json", good)
    with pytest.raises(UnusableInput, match="truncated.json"):
        import_paths(engine, [good, FIXTURES / "truncated.json"], classify=False)
    assert snapshot(engine) == before


def test_a_wrong_forced_format_is_named():
    with pytest.raises(UnusableInput, match="--format outscraper ne correspond pas .* « gbp »"):
        read_paths([FIXTURES / "gbp_pages.json"], fmt="outscraper")
    with pytest.raises(UnusableInput, match="attend un fichier JSON"):
        read_paths([FIXTURES / "outscraper.csv"], fmt="gbp")


def test_a_listing_named_by_the_source_needs_no_location(tmp_path):
    path = tmp_path / "outscraper.csv"
    path.write_text(
        "name,review_id,author_title,review_text,review_rating,review_datetime_utc\n"
        "Cabinet du Dr Martin,r1,Ana,Bien,4,01/25/2025 10:00:00\n",
        encoding="utf-8",
    )
    units = read_paths([path])
    assert units[0].records[0][1].location_key == "nom:cabinet du dr martin"
