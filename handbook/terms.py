"""One term per concept: the glossary's preferred terms, the variants to avoid, and phrases.

``content/glossary.yaml`` gives each concept its preferred term per language (``nl``, ``en``),
accepted ``aliases`` and the variants to ``avoid``; its ``phrases`` list wording that is not a
term but a literal translation to avoid (English "follow up" for Dutch "opvolgen"). The
warnings module asks :func:`find` where a text uses one of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from handbook.errors import ContentError
from handbook.yamlsource import SourceFile


@dataclass(frozen=True)
class Avoid:
    """One form to avoid in one language, and what to write instead."""

    language: str
    form: str
    advice: str  # "write 'leerplatformbeheerder'" or the phrase's 'use'
    term_index: int | None  # the glossary entry that lists it (its own text is not checked)


@dataclass(frozen=True)
class Use:
    """Where a text uses a form to avoid."""

    avoid: Avoid
    start: int
    end: int
    found: str


def vocabulary(glossary: SourceFile) -> tuple[Avoid, ...]:
    """Every form to avoid, from the glossary's terms and phrases (read defensively: the
    content may be invalid when this runs for the warnings of a broken file)."""
    data = glossary.data if isinstance(glossary.data, dict) else {}
    found: list[Avoid] = []
    for index, term in enumerate(_list(data.get("terms"))):
        avoid = term.get("avoid") if isinstance(term.get("avoid"), dict) else {}
        for language in ("nl", "en"):
            preferred = term.get(language)
            if not isinstance(preferred, str):
                continue
            for form in _list(avoid.get(language)):
                if isinstance(form, str):
                    found.append(Avoid(language, form, f"write '{preferred}'", index))
    for phrase in _list(data.get("phrases")):
        language, use = phrase.get("language"), phrase.get("use")
        if language in ("nl", "en") and isinstance(use, str):
            found.extend(Avoid(language, form, f"write {use} instead", None)
                         for form in _list(phrase.get("avoid")) if isinstance(form, str))
    return tuple(found)


def find(text: str, language: str, avoid: tuple[Avoid, ...]) -> Iterator[Use]:
    """Each place in ``text`` that uses a form to avoid in ``language``: whole words, written
    as in the glossary (a form in lower case also with a capital, at the start of a sentence),
    a plural or possessive ending included."""
    forms = tuple(item for item in avoid if item.language == language)
    if not forms:
        return
    by_form = {_first_lower(item.form): item for item in forms}
    for match in _pattern(tuple(item.form for item in forms)).finditer(text):
        yield Use(by_form[_first_lower(match["form"])], match.start(), match.end(), match[0])


def check_glossary(glossary: SourceFile) -> Iterator[ContentError]:
    """A form to avoid may not be any concept's preferred term or accepted alias: the check
    would then flag the very word the glossary asks for."""
    data = glossary.data if isinstance(glossary.data, dict) else {}
    accepted: dict[tuple[str, str], str] = {}
    for term in _list(data.get("terms")):
        aliases = term.get("aliases") if isinstance(term.get("aliases"), dict) else {}
        for language in ("nl", "en"):
            forms = [term.get(language), *_list(aliases.get(language))]
            for form in forms:
                if isinstance(form, str):
                    accepted.setdefault((language, form.casefold()), form)
    for index, term in enumerate(_list(data.get("terms"))):
        avoid = term.get("avoid") if isinstance(term.get("avoid"), dict) else {}
        for language in ("nl", "en"):
            for position, form in enumerate(_list(avoid.get(language))):
                if isinstance(form, str) and (language, form.casefold()) in accepted:
                    yield glossary.error(("terms", index, "avoid", language, position), (
                        f"'{form}' is listed to avoid, but the glossary also accepts "
                        f"'{accepted[(language, form.casefold())]}' as a term or alias — keep "
                        "it in one of the two lists"))


# ---------------------------------------------------------------------------------------------
# Helper functions
# ---------------------------------------------------------------------------------------------


def _list(value: object) -> list:
    return [item for item in value if isinstance(item, dict | str)] if isinstance(value, list) else []


def _first_lower(form: str) -> str:
    return form[:1].lower() + form[1:]


def _form_pattern(form: str) -> str:
    first, rest = form[:1], re.escape(form[1:])
    return f"[{first}{first.upper()}]{rest}" if first.islower() else re.escape(first) + rest


@lru_cache(maxsize=8)
def _pattern(forms: tuple[str, ...]) -> re.Pattern[str]:
    # Longest first, so "ICT policy cell" wins over "policy cell" at the same place; a word
    # character or a hyphen on either side means the form is part of a longer word
    alternatives = "|".join(_form_pattern(form) for form in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?P<form>{alternatives})(?:s|es|en|'s|\u2019s)?(?![\w-])")
