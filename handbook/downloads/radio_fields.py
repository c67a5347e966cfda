"""Radio groups in the fillable PDFs, made as PDF readers expect them.

WeasyPrint 70 writes each HTML radio group as a parent field with the buttons as its kids, but
also lists every button among the form's top-level fields and gives it the group's name again:
qpdf reports a loop for each button, readers see names such as ``rating-x.rating-x``, and a
button's state is its position (``/0`` … ``/3``) rather than its value (``/1`` … ``/4``).
:func:`tidy_radio_groups` is passed to WeasyPrint's public ``write_pdf(finisher=…)``, which
hands over the PDF just before it is written: the buttons leave the top-level list, lose the
repeated name and take their value as state. A document whose groups are already made this way
is left as it is, so an upstream fix makes this a no-op (``tests/test_downloads.py`` checks the
result with qpdf and pypdf either way).
"""

from __future__ import annotations

import pydyf


def tidy_radio_groups(_document: object, pdf: pydyf.PDF) -> None:
    acroform = pdf.catalog.get("AcroForm")
    if acroform is None or "Fields" not in acroform:
        return
    by_reference = {obj.reference: obj for obj in pdf.objects if isinstance(obj, pydyf.Dictionary)}
    buttons = set()
    for reference in acroform["Fields"]:
        group = by_reference.get(reference)
        if group is None or "Kids" not in group or "Opt" not in group:
            continue
        values = [_state(option) for option in group["Opt"]]
        for index, button_reference in enumerate(group["Kids"]):
            button = by_reference[button_reference]
            buttons.add(button_reference)
            button.pop("T", None)  # the name is the group's
            button.pop("TU", None)
            appearances = button["AP"]["N"]
            if index in appearances:  # a state named by position: name it by its value
                appearances[values[index]] = appearances.pop(index)
                if button["AS"] != "/Off":
                    button["AS"] = f"/{values[index]}"
        current = str(group.get("V", "/Off")).lstrip("/")
        if current.isdigit() and int(current) < len(values) and group.get("V") != "/Off":
            group["V"] = f"/{values[int(current)]}"
        del group["Opt"]  # the states carry the values now
    acroform["Fields"] = pydyf.Array(ref for ref in acroform["Fields"] if ref not in buttons)


def _state(option: object) -> str:
    """A radio button's value as a PDF name: letters, digits and hyphens."""
    text = getattr(option, "string", option)
    text = text.decode() if isinstance(text, bytes) else str(text)
    return "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in text) or "on"
