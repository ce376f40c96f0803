/**
 * Walks zod 4 schemas as the form tests need them: the messages a schema names itself, the field names a form
 * posts, the literal values (intents, choices) it accepts and the length limits it enforces. Reads zod's public `_zod.def` tree.
 */
import type { z } from "zod";
import type { TextLimits } from "../../app/forms/fields-limits.ts";

export type ZodNode = { _zod: { def: Record<string, unknown> & { error?: (issue: object) => unknown } } };

export function isZod(value: unknown): value is ZodNode {
  return typeof value === "object" && value !== null && "_zod" in value;
}

function childrenOf(def: Record<string, unknown>): unknown[] {
  return [
    ...Object.values((def.shape as Record<string, unknown>) ?? {}),
    ...((def.options as unknown[]) ?? []),
    ...((def.items as unknown[]) ?? []),
    def.innerType,
    def.in,
    def.out,
    def.element,
    def.left,
    def.right,
    def.valueType,
    def.keyType,
  ];
}

/** The messages a schema names itself, on its types and on its checks, through the whole tree. */
export function ownMessages(node: unknown, found = new Set<string>(), seen = new Set<unknown>()): Set<string> {
  if (!isZod(node) || seen.has(node)) return found;
  seen.add(node);
  const def = node._zod.def;
  const add = (error: unknown) => {
    const text = typeof error === "function" ? error({}) : undefined;
    if (typeof text === "string") found.add(text);
    else if (typeof (text as { message?: unknown } | undefined)?.message === "string") {
      found.add((text as { message: string }).message);
    }
  };
  add(def.error);
  for (const check of (def.checks as ZodNode[] | undefined) ?? []) add(check._zod.def.error);
  for (const child of childrenOf(def)) ownMessages(child, found, seen);
  return found;
}

/** The field names a schema reads, as a form posts them (`contacts[0].name`). */
export function fieldNames(node: unknown, prefix = ""): string[] {
  if (!isZod(node)) return prefix ? [prefix] : [];
  const def = node._zod.def;
  if (def.shape) {
    return Object.entries(def.shape as Record<string, unknown>).flatMap(([key, child]) =>
      fieldNames(child, prefix ? `${prefix}.${key}` : key),
    );
  }
  if (def.element) return fieldNames(def.element, `${prefix}[0]`);
  const inner = [def.innerType, def.in, ...((def.options as unknown[]) ?? [])].filter(Boolean);
  if (inner.length) return [...new Set(inner.flatMap((child) => fieldNames(child, prefix)))];
  return prefix ? [prefix] : [];
}

/** Every literal and enum value in a schema: the intents and choices a form accepts. */
export function literalValues(node: unknown, found = new Set<string>(), seen = new Set<unknown>()): Set<string> {
  if (!isZod(node) || seen.has(node)) return found;
  seen.add(node);
  const def = node._zod.def;
  for (const value of (def.values as unknown[]) ?? []) if (typeof value === "string") found.add(value);
  for (const value of Object.values((def.entries as Record<string, unknown>) ?? {})) {
    if (typeof value === "string") found.add(value);
  }
  for (const child of childrenOf(def)) literalValues(child, found, seen);
  return found;
}

/**
 * The length limit of every text field of a form, as its schema enforces it, keyed as conform names the fields
 * (`contacts[].name`): what the form's limits module (`app/forms/*-limits.ts`) must say, for `maxlength`.
 */
export function textLimits(schema: z.ZodType): TextLimits {
  const limits: TextLimits = {};
  collectLimits(schema, "", limits);
  return limits;
}

function collectLimits(schema: z.core.$ZodType, name: string, limits: TextLimits): void {
  const def = schema._zod.def;
  const inner = (key: string) => collectLimits((def as unknown as Record<string, z.core.$ZodType>)[key]!, name, limits);
  switch (def.type) {
    case "object":
      for (const [key, field] of Object.entries((def as unknown as z.core.$ZodObjectDef).shape)) {
        collectLimits(field, name ? `${name}.${key}` : key, limits);
      }
      return;
    case "union":
      for (const option of (def as unknown as z.core.$ZodUnionDef).options) collectLimits(option, name, limits);
      return;
    case "intersection":
      inner("left");
      inner("right");
      return;
    case "array":
      collectLimits((def as unknown as z.core.$ZodArrayDef).element, `${name}[]`, limits);
      return;
    case "pipe":
      // `z.preprocess` puts its function first; the form's field is the schema after it.
      inner((def as unknown as z.core.$ZodPipeDef).in._zod.def.type === "transform" ? "out" : "in");
      return;
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
      inner("innerType");
      return;
    case "string": {
      const maxima = (def.checks ?? []).flatMap((check) =>
        check._zod.def.check === "max_length" ? [(check._zod.def as z.core.$ZodCheckMaxLengthDef).maximum] : [],
      );
      // A field in several branches of a union keeps the longest of its limits: the branch sent decides on the server.
      if (name && maxima.length > 0) {
        limits[name] = { maxLength: Math.max(limits[name]?.maxLength ?? 0, Math.min(...maxima)) };
      }
      return;
    }
    default:
      return;
  }
}
