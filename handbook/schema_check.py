"""Check content files against the JSON Schemas in ``schema/`` and explain each failure.

The same schema files give VS Code its hints, so the editor's hints and the build's errors
cannot drift apart. jsonschema's own messages are written for programmers; each one is
turned into a sentence that says what is wrong and how to fix it.
"""

from __future__ import annotations

import difflib
import json
import re
from functools import lru_cache
from pathlib import Path

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource

from handbook.errors import ContentError
from handbook.yamlsource import FieldPath, SourceFile

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schema"
LANGUAGE_NAMES = {"nl": "Dutch", "en": "English"}
# Fields that hold a date (YYYY-MM-DD): a wrong value gets a message that shows the form
DATE_FIELDS = {"reviewed", "review_by"}


def check_schema(source: SourceFile, schema_name: str, schema_dir: Path = SCHEMA_DIR) -> list[ContentError]:
    """Validate ``source`` against ``schema_name`` and return every problem, explained."""
    validator = _validator(schema_dir, schema_name, schema_fingerprint(schema_dir))
    id_pattern = _id_pattern(schema_dir)
    errors = []
    for error in validator.iter_errors(source.data):
        errors.extend(_explain(source, error, validator.schema, id_pattern))
    return errors


# ---------------------------------------------------------------------------------------------
# Helper functions
# ---------------------------------------------------------------------------------------------


def schema_fingerprint(schema_dir: Path = SCHEMA_DIR) -> bytes:
    """The bytes of every schema: an edited schema (under `make serve`) is a new validator."""
    return b"\0".join(path.read_bytes() for path in sorted(schema_dir.glob("*.schema.json")))


@lru_cache(maxsize=32)
def _validator(schema_dir: Path, schema_name: str, fingerprint: bytes) -> Draft202012Validator:
    resources = []
    for path in sorted(schema_dir.glob("*.schema.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append((path.name, Resource.from_contents(contents)))
    registry = Registry().with_resources(resources)
    schema = registry[schema_name].contents
    return Draft202012Validator(schema, registry=registry)


def _id_pattern(schema_dir: Path) -> str:
    """The pattern every id follows (common.schema.json#/$defs/id)."""
    common = json.loads((schema_dir / "common.schema.json").read_text(encoding="utf-8"))
    return common["$defs"]["id"]["pattern"]


def _explain(source: SourceFile, error: ValidationError, root: dict,
             id_pattern: str) -> list[ContentError]:
    path: FieldPath = tuple(error.absolute_path)
    kind = error.validator
    schema = error.schema if isinstance(error.schema, dict) else {}
    if "propertyNames" in error.relative_schema_path:
        return [_bad_key(source, path, error, _property_names_schema(root, error))]
    if kind == "required":
        return [_missing(source, path, key, schema) for key in error.validator_value
                if isinstance(error.instance, dict) and key not in error.instance]
    if kind == "additionalProperties":
        allowed = list(schema.get("properties", {}))
        extra = [key for key in error.instance if key not in allowed]
        return [_unknown_key(source, (*path, key), allowed) for key in extra]
    if kind == "type" and _is_bilingual(schema):
        label = path[-1] if path else "text"
        message = (f"expected Dutch and English text — write 'nl: …' and 'en: …' on indented "
                   f"lines under '{label}:'")
        return [source.error(path, message)]
    return [source.error(path, _describe(path, kind, error, schema, id_pattern))]


def _missing(source: SourceFile, path: FieldPath, key: str, schema: dict) -> ContentError:
    if _is_bilingual(schema):
        other = "en" if key == "nl" else "nl"
        noun = _noun(path)
        message = (f"{LANGUAGE_NAMES[key]} {noun} is missing — add '{key}: …' next to "
                   f"'{other}: …'")
        return source.error(path, message)
    description = schema.get("properties", {}).get(key, {}).get("description", "")
    hint = f" ({description[0].lower()}{description[1:].rstrip('.')})" if description else ""
    return source.error(path, f"the field '{key}' is missing — add '{key}: …'{hint}")


def _unknown_key(source: SourceFile, path: FieldPath, allowed: list[str]) -> ContentError:
    key = str(path[-1])
    if set(allowed) == {"nl", "en"}:
        message = f"unknown language '{key}' — the handbook is written in 'nl' and 'en' only"
        return source.error(path, message, at_key=True)
    suggestion = difflib.get_close_matches(key, allowed, n=1)
    hint = f"did you mean '{suggestion[0]}'?" if suggestion else "check the spelling"
    message = f"unknown key '{key}' — {hint} Allowed here: {', '.join(allowed)}"
    return source.error(path, message, at_key=True)


def _bad_key(source: SourceFile, path: FieldPath, error: ValidationError,
             names: dict) -> ContentError:
    """A key that the schema's ``propertyNames`` refuses: named after the schema's description
    of such keys ("A label name: …" → "is not a valid label name — use …")."""
    key = str(error.instance)
    noun, _, rule = names.get("description", "").partition(":")
    noun = re.sub(r"^(a|an|the) ", "", noun.strip().rstrip(".").lower()) or "key"
    message = f"'{key}' is not a valid {noun}"
    if error.validator == "enum":
        options = [str(option) for option in error.validator_value]
        suggestion = difflib.get_close_matches(key, options, n=1)
        hint = f" (did you mean '{suggestion[0]}'?)" if suggestion else ""
        message += f"{hint} — use one of: {', '.join(options)}"
    elif rule.strip():
        message += f" — use {rule.strip().rstrip('.')}"
    elif error.validator == "pattern":
        message += f" — it must match the pattern {error.validator_value}"
    return source.error((*path, key), message, at_key=True)


def _property_names_schema(root: dict, error: ValidationError) -> dict:
    """The ``propertyNames`` schema an error came from, where its description is (the error's
    own schema may be a definition it refers to, without one)."""
    schema: object = root
    for part in error.relative_schema_path:
        if not isinstance(schema, dict | list):
            break
        schema = schema[part]
        if part == "propertyNames":
            return schema if isinstance(schema, dict) else {}
    return error.schema if isinstance(error.schema, dict) else {}


def _describe(path: FieldPath, kind: str, error: ValidationError, schema: dict,
              id_pattern: str) -> str:
    value = error.instance
    last = path[-1] if path else ""
    if last in LANGUAGE_NAMES and (value is None or kind in {"minLength", "pattern"}):
        return (f"{LANGUAGE_NAMES[last]} {_noun(path[:-1])} is empty — write the "
                f"{LANGUAGE_NAMES[last]} text after '{last}:'")
    if kind in {"pattern", "type"} and last in DATE_FIELDS:
        return f"'{value}' is not a date — write it as YYYY-MM-DD, for example 2026-11-29"
    if kind == "type":
        return (f"expected {_TYPE_WORDS.get(str(error.validator_value), error.validator_value)}, "
                f"got {_kind_of(value)} — see content/README.md for the shape of this field")
    if kind == "enum":
        options = ", ".join(str(option) for option in error.validator_value)
        suggestion = difflib.get_close_matches(str(value), [str(o) for o in error.validator_value], n=1)
        hint = f" (did you mean '{suggestion[0]}'?)" if suggestion else ""
        return f"'{value}' is not allowed here{hint} — use one of: {options}"
    if kind in {"pattern", "maxLength"} and schema.get("pattern") == id_pattern:
        # An id, or a reference to one (common.schema.json#/$defs/id)
        longest = f", at most {schema['maxLength']} characters" if "maxLength" in schema else ""
        return (f"'{value}' is not a valid id — use lowercase letters, digits and single hyphens, "
                f"starting with a letter{longest} (for example 'tech-wifi')")
    if kind == "pattern" and last == "url":
        return f"'{value}' is not a full web address — write it as https://…"
    if kind in {"minLength", "pattern"}:
        return f"'{last}' is empty — write some text or remove the field"
    if kind == "minItems":
        if error.validator_value > 1:
            return f"the list needs at least {error.validator_value} items"
        return "the list is empty — add at least one item"
    if kind == "maxItems":
        return f"the list may hold at most {error.validator_value} items"
    if kind == "uniqueItems":
        return "the same value is listed twice — remove the duplicate"
    if kind in {"minimum", "maximum"}:
        return f"{value} is out of range — use {_number_range(schema)}"
    return error.message


def _number_range(schema: dict) -> str:
    """'a whole number from 0 to 2000', in the schema's own bounds."""
    number = "a whole number" if schema.get("type") == "integer" else "a number"
    low, high = schema.get("minimum"), schema.get("maximum")
    if low is not None and high is not None:
        return f"{number} from {low} to {high}"
    return f"{number} of at least {low}" if low is not None else f"{number} of at most {high}"


def _is_bilingual(schema: dict) -> bool:
    return set(schema.get("properties", {})) == {"nl", "en"}


def _noun(path: FieldPath) -> str:
    """The field a bilingual value belongs to: 'title', or 'tips item' for list items."""
    if not path:
        return "text"
    last = path[-1]
    if isinstance(last, int) and len(path) > 1:
        return f"{path[-2]} item"
    return str(last)


def _kind_of(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"
    if isinstance(value, dict):
        return "a block of fields"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, int | float):
        return f"the number {value}"
    return f"the text '{value}'"


_TYPE_WORDS = {
    "object": "a block of fields (key: value lines)",
    "array": "a list (lines starting with '- ', or [a, b])",
    "string": "text",
    "integer": "a whole number",
    "boolean": "true or false",
}
