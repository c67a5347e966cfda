"""A Markdown extension: glossary terms as tooltips, the first time a page uses them.

It reads abbreviation definitions (``*[term]: explanation``), as Python-Markdown's ``abbr``
extension does, but marks only the first use of each concept on a page, never inside a
heading, a link, code or an admonition title, and makes the mark focusable, so Material's
tooltip (``content.tooltips``) also opens from the keyboard. Marking every use would underline
the handbook's everyday words in every sentence.

The definitions for a page come from the glossary in the page's language
(``tooltip_definitions``), appended by the hook ``hooks/glossary.py``. Nothing here imports
MkDocs.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions.abbr import AbbrExtension, AbbrTreeprocessor
from markdown.util import AtomicString

from handbook.model import Handbook

# Where a tooltip would get in the way: headings and titles, links, code, an existing mark
SKIP_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "a", "abbr", "code", "pre", "kbd", "script",
             "style", "dt"}
SKIP_CLASSES = {"admonition-title"}


class GlossaryTermsExtension(AbbrExtension):
    """``abbr`` with first-use marking; register it instead of ``abbr``."""

    def extendMarkdown(self, md: Markdown) -> None:
        super().extendMarkdown(md)
        md.treeprocessors.register(FirstUseTreeprocessor(md, self.abbrs), "abbr", 7)


class FirstUseTreeprocessor(AbbrTreeprocessor):
    """Wrap the first use of each explained concept in ``<abbr title tabindex>``, in reading
    order. Aliases of one concept share its explanation, so they count as one concept."""

    def run(self, root: etree.Element) -> None:
        if not self.abbrs:
            return
        keys = sorted(self.abbrs, key=len, reverse=True)
        self.RE = re.compile(rf"(?<![\w-])(?:{'|'.join(re.escape(key) for key in keys)})(?![\w-])")
        self._seen: set[str] = set()
        self.visit(root)

    def create_element(self, title: str, text: str, tail: str) -> etree.Element:
        element = super().create_element(title, text, tail)
        element.set("tabindex", "0")  # Material shows the tooltip on focus as well as on hover
        return element

    def visit(self, element: etree.Element) -> None:
        if element.tag in SKIP_TAGS or SKIP_CLASSES & set(element.get("class", "").split()):
            return
        element.text, text_marks = self.split_at_first_uses(element.text)
        for index, mark in enumerate(text_marks):
            element.insert(index, mark)
        for child in list(element):
            if any(child is mark for mark in text_marks):
                continue  # its tail is the rest of a text that was just read
            self.visit(child)
            child.tail, marks = self.split_at_first_uses(child.tail)
            position = list(element).index(child) + 1
            for offset, mark in enumerate(marks):
                element.insert(position + offset, mark)

    def split_at_first_uses(self, text: str | None) -> tuple[str | None, list[etree.Element]]:
        """Split ``text`` around first uses: the text before the first mark, and the marks
        (each carrying the text after it as its tail)."""
        if not text or isinstance(text, AtomicString):
            return text, []
        marks: list[etree.Element] = []
        head, position = None, 0
        for match in self.RE.finditer(text):
            title = self.abbrs.get(match[0])
            if not title or title in self._seen:
                continue
            self._seen.add(title)
            before = text[position:match.start()]
            if marks:
                marks[-1].tail = before
            else:
                head = before
            marks.append(self.create_element(title, match[0], ""))
            position = match.end()
        if not marks:
            return text, []
        marks[-1].tail = text[position:]
        return head, marks


def makeExtension(**kwargs: object) -> GlossaryTermsExtension:
    return GlossaryTermsExtension(**kwargs)


def tooltip_definitions(handbook: Handbook, language: str, markdown: str) -> str:
    """``*[term]: explanation`` lines for each glossary term (and alias) the page uses."""
    lines = []
    for term in handbook.terms:
        if not term.tooltip or term.note is None:
            continue
        title = " ".join(term.note[language].split())
        for form in (term[language], *term.aliases[language]):
            for key in _cased(form):
                if key in markdown and "]" not in key:
                    lines.append(f"*[{key}]: {title}")
    return "\n".join(lines)


def _cased(form: str) -> tuple[str, ...]:
    """The form, and with a capital at the start of a sentence if it starts in lower case."""
    if form[:1].islower():
        return form, form[0].upper() + form[1:]
    return (form,)
