import { dirname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { ESTree, Plugin } from "vite";

const formsDir = resolve(import.meta.dirname, "../../app/forms");
const fieldsModule = resolve(formsDir, "fields.ts");

type Node = { type: string; start: number; end: number } & Record<string, unknown>;

/** Every node below `node`, depth first. */
function* nodesIn(node: unknown): Generator<Node> {
  if (Array.isArray(node)) for (const child of node) yield* nodesIn(child);
  else if (node && typeof node === "object") {
    if (typeof (node as Node).type === "string") yield node as Node;
    for (const value of Object.values(node)) if (value && typeof value === "object") yield* nodesIn(value);
  }
}

/** `name`, `name.key` or `name["key"]`: the imported name and the keys below it; undefined for anything else. */
function pathOf(node: Node): { name: string; keys: string[] } | undefined {
  if (node.type === "Identifier") return { name: node.name as string, keys: [] };
  if (node.type !== "MemberExpression") return undefined;
  const property = node.property as Node;
  const key = node.computed
    ? property.type === "Literal" && typeof property.value === "string"
      ? property.value
      : undefined
    : (property.name as string);
  const object = pathOf(node.object as Node);
  return key === undefined || !object ? undefined : { name: object.name, keys: [...object.keys, key] };
}

/**
 * The browser needs a form's schema for one thing: the length limits of its text fields (`textLimits(schema)`,
 * rendered as `maxlength`), since forms are checked on the server. In the browser build each
 * `textLimits(importedSchema)` becomes the limits themselves, computed at build time by the same function from the
 * same schema, and an import of a schema module that is then unused is dropped: the pages no longer load zod
 * (23 kB compressed) and their schemas to read a few numbers (ADR 0038, addendum). A call whose schema is not imported
 * from `app/forms` stays as it is.
 */
export function formLimits(): Plugin {
  return {
    name: "samenspel:form-limits",
    apply: "build",
    applyToEnvironment: (environment) => environment.name === "client",
    // After TypeScript is compiled away, so type-only uses of a schema are gone.
    enforce: "post",
    transform: {
      filter: { id: /\/app\/.+\.tsx?(\?.*)?$/, code: "textLimits" },
      async handler(code, id) {
        const ast = this.parse(code);
        const imports = new Map<string, { source: string; imported: string }>();
        for (const statement of ast.body) {
          if (statement.type !== "ImportDeclaration") continue;
          const source = resolve(dirname(id.split("?")[0]!), statement.source.value);
          for (const specifier of statement.specifiers)
            if (specifier.type === "ImportSpecifier")
              imports.set(specifier.local.name, {
                source,
                imported: (specifier.imported as ESTree.IdentifierName).name,
              });
        }
        const textLimits = [...imports].find(
          ([, { source, imported }]) => source === fieldsModule && imported === "textLimits",
        )?.[0];
        if (!textLimits) return null;
        const { textLimits: limitsOf } = (await import(
          pathToFileURL(fieldsModule).href
        )) as typeof import("../../app/forms/fields.ts");
        const replacements: { start: number; end: number; text: string }[] = [];
        for (const node of nodesIn(ast.body)) {
          const callee = node.type === "CallExpression" ? (node.callee as Node) : undefined;
          if (callee?.type !== "Identifier" || callee.name !== textLimits) continue;
          const argument = (node.arguments as Node[])[0];
          const path = argument && pathOf(argument);
          const from = path && imports.get(path.name);
          if (!path || !from?.source.startsWith(`${formsDir}/`)) continue;
          const module = (await import(pathToFileURL(from.source).href)) as Record<string, unknown>;
          const schema = path.keys.reduce<unknown>(
            (value, key) => (value as Record<string, unknown>)[key],
            module[from.imported],
          );
          replacements.push({ start: node.start, end: node.end, text: JSON.stringify(limitsOf(schema as never)) });
        }
        if (replacements.length === 0) return null;
        let result = code;
        for (const { start, end, text } of replacements.reverse()) {
          if (!result.slice(start, end).startsWith(textLimits)) throw new Error(`${id}: unexpected AST offsets`);
          result = result.slice(0, start) + text + result.slice(end);
        }
        return { code: withoutUnusedFormImports(result, this.parse(result), dirname(id.split("?")[0]!)), map: null };
      },
    },
  };
}

/**
 * Drops the names imported from `app/forms` that the module no longer mentions, and an import of those modules left
 * with no names: the module would still be loaded for its side effects, and its schemas would build zod's.
 */
function withoutUnusedFormImports(code: string, ast: ESTree.Program, dir: string): string {
  const used = new Set<string>();
  for (const statement of ast.body)
    if (statement.type !== "ImportDeclaration")
      for (const node of nodesIn(statement)) if (node.type === "Identifier") used.add(node.name as string);
  let result = code;
  for (const statement of [...ast.body].reverse()) {
    if (statement.type !== "ImportDeclaration" || !resolve(dir, statement.source.value).startsWith(`${formsDir}/`))
      continue;
    const kept = statement.specifiers.filter((specifier) => used.has(specifier.local.name));
    if (kept.length === statement.specifiers.length || kept.some((s) => s.type !== "ImportSpecifier")) continue;
    const text =
      kept.length === 0
        ? ""
        : `import { ${kept
            .map((specifier) => {
              const imported = ((specifier as ESTree.ImportSpecifier).imported as ESTree.IdentifierName).name;
              return imported === specifier.local.name ? imported : `${imported} as ${specifier.local.name}`;
            })
            .join(", ")} } from ${JSON.stringify(statement.source.value)};`;
    result = result.slice(0, statement.start) + text + result.slice(statement.end);
  }
  return result;
}
