"""Document's cached views (scanner.document.cached_view): computed once, on first access."""
from __future__ import annotations

from scanner.document import Document, cached_view


def test_a_view_is_computed_once_and_kept_in_the_instance():
    calls = []

    class Counted:
        @cached_view
        def value(self):
            """The value."""
            calls.append(self)
            return len(calls)

    first, second = Counted(), Counted()
    assert (first.value, first.value, second.value, first.value) == (1, 1, 2, 1)
    assert first.__dict__ == {"value": 1} and len(calls) == 2
    del first.value  # dropped, as functools.cached_property's: computed again
    assert first.value == 3
    assert isinstance(Counted.value, cached_view) and Counted.value.__doc__ == "The value."


def test_document_views_are_cached_views():
    doc = Document(text="One line\n\nAnother line")
    assert doc.nonblank_lines is doc.nonblank_lines and "nonblank_lines" in doc.__dict__
    assert Document.lines.__doc__.startswith("Every line")


def test_the_characters_beyond_ascii_are_the_texts_in_order_and_tell_its_unicode_space():
    from scanner.token_hashes import has_unicode_space

    for text in ("plain ASCII\t\n", "“Ünïcode” £5 \ud800 𝔘 é", "a\xa0b", "tab\u3000end", ""):
        doc = Document(text=text)
        assert doc.chars_beyond_ascii == "".join(char for char in text if not char.isascii())
        assert doc.unicode_space == has_unicode_space(text)
