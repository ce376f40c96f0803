import { dirname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { ESTree, Plugin } from "vite";

const formsDir = resolve(import.meta.dirname, "../../app/forms");
const fieldsModule = resolve(formsDir, "fields.ts");

type Node = { type: string; start: number; end: number } & Record<string, unknown>;
/** Text to put in place of `start`–`end`, which begins with `was`. */
type Edit = { start: number; end: number; text: string; was: string };

/** Every node below `node`, depth first. */
function* nodesIn(node: unknown): Generator<Node> {
  if (Array.isArray(node)) for (const child of node) yield* nodesIn(child);
  else if (node && typeof node === "object") {
    if (typeof (node as Node).type === "string") yield node as Node;
    for (const value of Object.values(node)) if (value && typeof value === "object") yield* nodesIn(value);
  }
}

/** `name`, `name.key` or `name["key"]`: the name and the keys below it; undefined for anything else. */
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

/** Numbers, strings, booleans and null, and arrays and plain objects of them: what a literal can say. */
function isPlainData(value: unknown): boolean {
  if (value === null || ["number", "string", "boolean"].includes(typeof value)) return true;
  if (Array.isArray(value)) return value.every(isPlainData);
  if (typeof value !== "object" || ![Object.prototype, null].includes(Object.getPrototypeOf(value))) return false;
  return Object.values(value as object).every(isPlainData);
}

function applied(code: string, edits: Edit[]): string {
  let result = code;
  for (const { start, end, text, was } of edits.sort((a, b) => b.start - a.start)) {
    // The parser's offsets must be the string's: a file in other units would be cut in the wrong places.
    if (!result.slice(start, end).startsWith(was)) throw new Error(`forms-without-schemas: no ${was} at ${start}`);
    result = result.slice(0, start) + text + result.slice(end);
  }
  return result;
}

/**
 * The browser needs a form module (`app/forms/*`) for data, never for its schema: forms are checked on the server, and
 * a page reads only the length limits of the text fields (`textLimits(schema)`, rendered as `maxlength`) and a few
 * constants (how many contact rows, which units). In the browser build, each `textLimits(importedSchema)` becomes the
 * limits themselves and each imported constant a `const` with its value, both computed at build time from the same
 * module; what is then no longer named is no longer imported. The pages stop loading zod (23 kB compressed) and
 * their schemas (ADR 0038, addendum). A page that uses a form module's function or its schema itself still imports
 * it.
 */
export function formsWithoutSchemas(): Plugin {
  return {
    name: "samenspel:forms-without-schemas",
    apply: "build",
    applyToEnvironment: (environment) => environment.name === "client",
    // After TypeScript is compiled away, so type-only uses of a schema are gone.
    enforce: "post",
    transform: {
      filter: { id: /\/app\/.+\.tsx?(\?.*)?$/, code: "/forms/" },
      async handler(code, id) {
        const dir = dirname(id.split("?")[0]!);
        const load = async (file: string) => (await import(pathToFileURL(file).href)) as Record<string, unknown>;
        const formImports = (ast: ESTree.Program) =>
          ast.body.flatMap((statement) =>
            statement.type === "ImportDeclaration" &&
            resolve(dir, statement.source.value).startsWith(`${formsDir}/`) &&
            statement.specifiers.every((specifier) => specifier.type === "ImportSpecifier")
              ? [{ statement, file: resolve(dir, statement.source.value) }]
              : [],
          );

        // 1. `textLimits(schema)` with a schema imported from a form module: the limits.
        let ast = this.parse(code);
        const imported = new Map(
          formImports(ast).flatMap(({ statement, file }) =>
            statement.specifiers.map((specifier) => [
              specifier.local.name,
              { file, name: ((specifier as ESTree.ImportSpecifier).imported as ESTree.IdentifierName).name },
            ]),
          ),
        );
        const textLimits = [...imported].find(([, i]) => i.file === fieldsModule && i.name === "textLimits")?.[0];
        const limitEdits: Edit[] = [];
        if (textLimits) {
          const limitsOf = (await load(fieldsModule)).textLimits as (schema: unknown) => unknown;
          for (const node of nodesIn(ast.body)) {
            const callee = node.type === "CallExpression" ? (node.callee as Node) : undefined;
            if (callee?.type !== "Identifier" || callee.name !== textLimits) continue;
            const argument = (node.arguments as Node[])[0];
            const path = argument && pathOf(argument);
            const from = path && imported.get(path.name);
            if (!path || !from) continue;
            const schema = path.keys.reduce<unknown>(
              (value, key) => (value as Record<string, unknown>)[key],
              (await load(from.file))[from.name],
            );
            limitEdits.push({
              start: node.start,
              end: node.end,
              text: JSON.stringify(limitsOf(schema)),
              was: textLimits,
            });
          }
        }
        const limited = applied(code, limitEdits);

        // 2. Each form import: a name no longer used goes, a constant becomes a `const`, the rest stays imported.
        ast = this.parse(limited);
        const used = new Set<string>();
        for (const statement of ast.body)
          if (statement.type !== "ImportDeclaration")
            for (const node of nodesIn(statement)) if (node.type === "Identifier") used.add(node.name as string);
        const importEdits: Edit[] = [];
        for (const { statement, file } of formImports(ast)) {
          const module = await load(file);
          const kept: string[] = [];
          const constants: string[] = [];
          for (const specifier of statement.specifiers as ESTree.ImportSpecifier[]) {
            const [name, local] = [(specifier.imported as ESTree.IdentifierName).name, specifier.local.name];
            if (!used.has(local)) continue;
            if (isPlainData(module[name])) constants.push(`const ${local} = ${JSON.stringify(module[name])};`);
            else kept.push(name === local ? name : `${name} as ${local}`);
          }
          if (kept.length === statement.specifiers.length) continue;
          const declaration = kept.length > 0 ? [`import { ${kept.join(", ")} } from ${statement.source.raw};`] : [];
          importEdits.push({
            start: statement.start,
            end: statement.end,
            text: [...declaration, ...constants].join(""),
            was: "import",
          });
        }
        if (limitEdits.length === 0 && importEdits.length === 0) return null;
        return { code: applied(limited, importEdits), map: null };
      },
    },
  };
}
