/**
 * Walks zod 4 schemas as the form tests need them: the messages a schema names itself, the field names a form
 * posts, and the literal values (intents, choices) it accepts. Reads zod's public `_zod.def` tree.
 */
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
