"""Map one JSON object or CSV row onto an :class:`InputRecord` using configurable field names."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from scanner.io.markup import not_a_page
from scanner.io.options import ReadOptions
from scanner.io.records import InputRecord, Origin, empty_document, with_line_breaks

TEXT_WORDS = 12  # a string this long beside a title is a text, not a date, name or tag
_DEFAULT = ReadOptions()


def lookup(obj: Mapping[str, Any], name: str) -> Any:
    """``obj[name]``, following dots into nested objects (``meta.url``); None when absent."""
    if name in obj:
        return obj[name]
    value: Any = obj
    for part in name.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    return value


def record_from_object(obj: Any, where: Origin | str,
                       options: ReadOptions = _DEFAULT) -> InputRecord:
    """The record for one parsed object; problems become an error record named where it was
    read (``where``: the object's :class:`Origin`, its file and line), or, for an object of
    the Python API (``where`` a name, ``document 3``), by its id when it has one.

    The id is the id field (a string or an integer) as text, ``where`` when absent; the source
    the url field, else a ``source`` field (a string), else ``where``. A record needs a text,
    html or title field, and one of them not blank (else it is an empty document, as an empty
    file is); a title alone is a headline judged alone unless another field holds a text
    (:func:`_text_elsewhere`). An html field that holds no page (a PDF, a text without markup:
    :func:`~scanner.io.markup.not_a_page`) makes an error record.
    """
    origin = where if isinstance(where, Origin) else None
    name = str(where)

    def label(record_id: str) -> str:
        """How an error names the record: where it was read, else (the Python API) its id."""
        return name if origin is not None else record_id

    def failed(problem: str, record_id: str = name, source: str = name,
               title: str | None = None) -> InputRecord:
        return InputRecord(id=record_id, source=source, origin=origin, title=title,
                           error=f"{label(record_id)}: {problem}")

    if not isinstance(obj, Mapping):
        return failed("a record must be a JSON object" if origin is not None else
                      f"a document must be a dict or another mapping, not {type(obj).__name__}")
    record_id = lookup(obj, options.id_field)
    if record_id is None:
        record_id = name
    elif isinstance(record_id, str) or _is_integer(record_id):
        record_id = str(record_id)
    elif isinstance(record_id, float) and record_id.is_integer() and abs(record_id) >= 2**63:
        return failed(f"'{options.id_field}' is an integer too large to read exactly (over 64 "
                      "bits): write it as a string")
    else:
        return failed(f"'{options.id_field}' must be a string or an integer")
    source_field, source = _source(obj, options)
    if source is not None and not isinstance(source, str):
        return failed(f"'{source_field}' must be a string", record_id)
    source = source or name
    title = lookup(obj, options.title_field)
    if title is not None and not isinstance(title, str):
        return failed(f"'{options.title_field}' must be a string", record_id, source)
    text, html = lookup(obj, options.text_field), lookup(obj, options.html_field)
    fields = ((options.text_field, text), (options.html_field, html), (options.title_field, title))
    for field_name, value in fields[:2]:  # (the title is checked above)
        if value is not None and not isinstance(value, str):
            return failed(f"'{field_name}' must be a string", record_id, source)
    if text is not None:
        text = with_line_breaks(text)
    if text is None and html is None:
        if not title:
            return failed(_nothing_to_read(obj, options, origin is None), record_id, source)
        elsewhere = _text_elsewhere(obj, title, options, origin is None)
        if elsewhere:
            return failed(elsewhere, record_id, source, title)
        text = ""
    error = empty_document(label(record_id), text, html, title)
    if error:
        return InputRecord(id=record_id, source=source, origin=origin,
                           error=f"{error} ({_blank_fields(fields)})")
    problem = not_a_page(html) if text is None else None
    if problem:
        return failed(f"'{options.html_field}' holds {problem}", record_id, source, title)
    metadata = {"format": "html" if html is not None and text is None else "text"}
    return InputRecord(id=record_id, source=source, origin=origin, title=title or None,
                       text=text, html=html if text is None else None, metadata=metadata)


def _text_elsewhere(obj: Mapping[str, Any], title: str, options: ReadOptions,
                    api: bool) -> str | None:
    """What is wrong with an object with a title and neither the text nor the html field that
    holds a text under another name (a string of :data:`TEXT_WORDS` words or more beside the
    title, at most one object deep: ``--text-field body`` misspelt): read as a headline alone,
    its text would be lost in silence. None for any other object (a headline with its date,
    author or tags)."""
    found = _field_with_text(obj, title)
    if found is None:
        return None
    return (f"record has no '{options.text_field}' or '{options.html_field}' field but "
            f"{_text_field_hint(*found, api)} (a headline alone has no text)")


def _field_with_text(obj: Mapping[str, Any], title: str | None = None) -> tuple[str, int] | None:
    """The first field of ``obj`` (or of an object in it, named with a dot: ``meta.body``)
    that holds a string of :data:`TEXT_WORDS` words or more other than ``title``, and its word
    count; None if none."""
    for key, value in obj.items():
        inner = ([(f"{key}.{k}", v) for k, v in value.items()] if isinstance(value, dict)
                 else [(str(key), value)])
        for name, text in inner:
            if isinstance(text, str) and text is not title and len(text.split()) >= TEXT_WORDS:
                return name, len(text.split())
    return None


def _blank_fields(fields: tuple[tuple[str, str | None], ...]) -> str:
    """Which of an empty document's text, html and title ``fields`` (``(name, value read)``
    pairs) it has, each empty or blank (``'text' is empty``), as a null one is named (QA pass
    35: an empty text named no field)."""
    return ", ".join(f"'{name}' is {'empty' if value == '' else 'whitespace only'}"
                     for name, value in fields if value is not None)


_FIELDS_LISTED = 12


def _nothing_to_read(obj: Mapping[str, Any], options: ReadOptions, api: bool) -> str:
    """The error of a record with no text, html or title (a JSON null counts as absent): the
    fields it has and, when one of them holds a text, how to read it (``content``, ``body``
    or ``article`` for ``text``; the Python API's documents have no field options)."""
    keys = [f"{key}: null" if value is None else str(key) for key, value in obj.items()]
    keys += [f"{name}: null" for name in (options.text_field, options.html_field,
                                          options.title_field)
             if "." in name and name not in obj and _is_null_at(obj, name)]
    listed = ", ".join(keys[:_FIELDS_LISTED]) + (", ..." if len(keys) > _FIELDS_LISTED else "")
    problem = (f"record has no '{options.text_field}', '{options.html_field}' or "
               f"'{options.title_field}' ({f'fields: {listed}' if keys else 'no fields'})")
    found = _field_with_text(obj)
    if found is not None:
        title = "its title as 'title'" if api else "its title's with --title-field"
        problem += f"; {_text_field_hint(*found, api)} (and {title})"
    return problem


def _is_null_at(obj: Mapping[str, Any], dotted: str) -> bool:
    """Whether the nested field ``dotted`` (``doc.body``) is there and null."""
    parent, _, leaf = dotted.rpartition(".")
    holder = lookup(obj, parent)
    return isinstance(holder, Mapping) and leaf in holder and holder[leaf] is None


def _text_field_hint(key: str, words: int, api: bool) -> str:
    """How to read the text found in field ``key``: on the command line with ``--text-field``,
    in the Python API (``api``) under the key ``text``."""
    how = "pass it as the document's 'text'" if api else "name its text field with --text-field"
    return f"'{key}' holds a text of {words} words: {how}"


def _is_integer(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _source(obj: Mapping[str, Any], options: ReadOptions) -> tuple[str, Any]:
    """The field that gives a record's source, and its value: the url field unless it is
    missing, null or empty, else the ``source`` field."""
    url = lookup(obj, options.url_field)
    return (options.url_field, url) if url not in (None, "") else ("source", obj.get("source"))
