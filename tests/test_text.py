"""The text layer shared by the classifier and the guard."""

from __future__ import annotations

from responders.text import chars, fold, literals, words
from responders.text.datafiles import data_lines


def test_one_look_alike_table_for_both_engines() -> None:
    assert chars._CONFUSABLES is fold.CONFUSABLES
    assert words._CONFUSABLES is fold.CONFUSABLES
    # Cyrillic « о » and « с », a typographic apostrophe, a ligature
    assert "".join(fold.fold(c) for c in "Dосteur l’œil") == "docteur l'oeil"


def test_both_normalisers_map_back_to_the_original_characters() -> None:
    text = "Un vrai с0nnard… l’équipe"
    doc = chars.normalize(text)
    start = doc.text.index("connard")
    assert text[slice(*doc.span(start, start + len("connard")))] == "с0nnard"
    norm = words.normalize(text)
    token = next(t for t in norm.tokens if t.text == "equipe")
    assert text[token.start : token.end] == "équipe"


def test_the_language_model_quote_check_folds_like_the_engines() -> None:
    from responders.llm import locate_quote

    review = "Ce dоcteur est un charlatan."  # a Cyrillic « о »
    span = locate_quote("ce docteur est un charlatan", review)
    assert span is not None and review[span[0] : span[1]] == review.rstrip(".")


def test_the_literal_gate_keeps_no_text_between_calls() -> None:
    pattern = literals.GatedPattern(r"factur\w*|charg\w*")
    assert pattern.literals == frozenset({"factur", "charg"})
    text = "La facturation était fausse."
    present = literals.literals_in(text)
    assert "factur" in present
    assert [m.group() for m in pattern.finditer(text, present)] == ["facturation"]
    assert list(pattern.finditer("Rien à voir.", literals.literals_in("Rien à voir."))) == []
    # nothing about the last text is kept in the module
    assert not [name for name, value in vars(literals).items() if isinstance(value, tuple) and text in value]
    assert not hasattr(literals, "_last")


def test_data_files_are_read_the_same_way_for_both_engines() -> None:
    words_list = data_lines("responders.classify", "insults_strong.txt", strip=True)
    assert words_list and not any(line.startswith("#") or not line.strip() for line in words_list)
    general = data_lines("responders.guard", "general_fr.txt.gz")
    assert len(general) > 1000
