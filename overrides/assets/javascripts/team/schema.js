// A small JSON Schema (2020-12) checker for the documents a page saves and reads, so the
// published schema is the one source of their field names, types and limits. It knows the
// keywords our schemas use and refuses any other that would change what is valid: a schema
// that starts using one fails loudly in the tests instead of being half-checked.
//
// The schema is compiled once into plain functions; checking a 300-task plan takes well under
// a millisecond, so a page can check every document before it saves it.

/** Keywords that only describe; they never change what is valid. */
const ANNOTATIONS = new Set(["$schema", "$id", "$comment", "$defs", "title", "description", "format", "default", "examples"]);

/**
 * Compile a schema into a check function.
 * @param {object} root the schema (local references only: "#/$defs/name")
 * @returns {(value: unknown) => ({ok: true} | {ok: false, path: string, keyword: string})}
 *   path names the failing value like "plans[0].members[2].hours"
 */
export function compileSchema(root) {
  const compiled = new Map();
  const check = compile(root, root, compiled);
  return (value) => {
    const failure = check(value);
    return failure ? { ok: false, path: pathText(failure.path), keyword: failure.keyword } : { ok: true };
  };
}

// A compiled node returns null when the value is valid, or {path: [...segments], keyword}.

function compile(schema, root, compiled) {
  if (compiled.has(schema)) return compiled.get(schema);
  // Placeholder first, so a schema that refers to itself compiles
  let checks = [];
  const node = (value) => {
    // Indexed loops: the checker runs once per document at start-up, before the JIT warms up
    for (let i = 0; i < checks.length; i++) {
      const failure = checks[i](value);
      if (failure) return failure;
    }
    return null;
  };
  compiled.set(schema, node);
  checks = Object.entries(schema).filter(([keyword]) => !ANNOTATIONS.has(keyword))
    .map(([keyword, argument]) => keywordCheck(keyword, argument, schema, root, compiled));
  return node;
}

function keywordCheck(keyword, argument, schema, root, compiled) {
  const fail = (path = []) => ({ path, keyword });
  switch (keyword) {
    case "$ref": {
      if (!argument.startsWith("#/")) throw new Error(`schema.js: only local references, not '${argument}'`);
      const target = argument.slice(2).split("/").reduce((node, key) => node?.[key], root);
      if (!target) throw new Error(`schema.js: '${argument}' points nowhere`);
      let check = null;
      return (value) => (check ??= compile(target, root, compiled))(value);
    }
    case "type": {
      const test = TYPES[argument];
      if (!test) throw new Error(`schema.js: unknown type '${argument}'`);
      return (value) => (test(value) ? null : fail());
    }
    case "const": return (value) => (value === argument ? null : fail());
    case "enum": return (value) => (argument.includes(value) ? null : fail());
    case "minimum": return (value) => (typeof value !== "number" || value >= argument ? null : fail());
    case "maximum": return (value) => (typeof value !== "number" || value <= argument ? null : fail());
    // Lengths count characters (code points), as JSON Schema does, not UTF-16 units
    // (a string has at least half as many code points as UTF-16 units, and at most as many)
    case "minLength": return (value) => (typeof value !== "string" || value.length / 2 >= argument || length(value) >= argument ? null : fail());
    case "maxLength": return (value) => (typeof value !== "string" || value.length <= argument || length(value) <= argument ? null : fail());
    case "pattern": {
      const pattern = new RegExp(argument, "u");
      return (value) => (typeof value !== "string" || pattern.test(value) ? null : fail());
    }
    case "minItems": return (value) => (!Array.isArray(value) || value.length >= argument ? null : fail());
    case "maxItems": return (value) => (!Array.isArray(value) || value.length <= argument ? null : fail());
    case "items": {
      const check = compile(argument, root, compiled);
      return (value) => {
        if (!Array.isArray(value)) return null;
        for (let i = 0; i < value.length; i++) {
          const failure = check(value[i]);
          if (failure) return { ...failure, path: [i, ...failure.path] };
        }
        return null;
      };
    }
    case "required": return (value) => {
      if (!isObject(value)) return null;
      for (let i = 0; i < argument.length; i++) if (!Object.hasOwn(value, argument[i])) return fail([argument[i]]);
      return null;
    };
    case "maxProperties": return (value) => (!isObject(value) || Object.keys(value).length <= argument ? null : fail());
    case "properties": {
      const keys = Object.keys(argument);
      const checks = keys.map((key) => compile(argument[key], root, compiled));
      return (value) => {
        if (!isObject(value)) return null;
        for (let i = 0; i < keys.length; i++) {
          if (!Object.hasOwn(value, keys[i])) continue;
          const failure = checks[i](value[keys[i]]);
          if (failure) return { ...failure, path: [keys[i], ...failure.path] };
        }
        return null;
      };
    }
    case "propertyNames": {
      const check = compile(argument, root, compiled);
      return (value) => {
        if (!isObject(value)) return null;
        const keys = Object.keys(value);
        for (let i = 0; i < keys.length; i++) if (check(keys[i])) return fail([keys[i]]);
        return null;
      };
    }
    case "additionalProperties": {
      const known = new Set(Object.keys(schema.properties || {}));
      const check = argument === false ? null : compile(argument, root, compiled);
      return (value) => {
        if (!isObject(value)) return null;
        const keys = Object.keys(value);
        for (let i = 0; i < keys.length; i++) {
          const key = keys[i];
          if (known.has(key)) continue;
          if (!check) return fail([key]);
          const failure = check(value[key]);
          if (failure) return { ...failure, path: [key, ...failure.path] };
        }
        return null;
      };
    }
    default:
      throw new Error(`schema.js: the keyword '${keyword}' is not supported; add it here before the schema uses it`);
  }
}

const TYPES = {
  object: isObject,
  array: Array.isArray,
  string: (value) => typeof value === "string",
  number: (value) => typeof value === "number" && Number.isFinite(value),
  integer: (value) => Number.isInteger(value),
  boolean: (value) => typeof value === "boolean",
};

function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function length(text) {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

function pathText(segments) {
  return segments.reduce((text, segment) => (typeof segment === "number" ? `${text}[${segment}]` : text ? `${text}.${segment}` : segment), "");
}
