import type { ESTree, Plugin } from "vite";

const library = "@utrecht/component-library-react";
const importOfLibrary = /import\s*\{([^}]*)\}\s*from\s*["']@utrecht\/component-library-react["'];?/g;
const copyOfLibrary = /@utrecht\/component-library-react\/dist\/index\.mjs\?component=([\w$]+)$/;

/** Every name an AST node mentions, properties and shadowing locals included: more than it uses, never less. */
function namesIn(node: unknown, names = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const child of node) namesIn(child, names);
  else if (node && typeof node === "object") {
    if ((node as { type?: unknown }).type === "Identifier") names.add((node as ESTree.IdentifierName).name);
    for (const value of Object.values(node)) if (value && typeof value === "object") namesIn(value, names);
  }
  return names;
}

/** The names a top-level statement declares. */
function declaredBy(statement: ESTree.Statement | ESTree.Directive | ESTree.ModuleDeclaration): string[] {
  switch (statement.type) {
    case "ImportDeclaration":
      return statement.specifiers.map((specifier) => specifier.local.name);
    case "VariableDeclaration":
      return statement.declarations.flatMap((declaration) => [...namesIn(declaration.id)]);
    case "FunctionDeclaration":
    case "ClassDeclaration":
      return statement.id ? [statement.id.name] : [];
    default:
      return [];
  }
}

/**
 * One component's copy of the library, cut down to the statements it needs: the package it re-exports, or its own
 * definition with the helpers and imports that definition names. Left whole, every copy imports every package the
 * library imports (fields, text boxes), and the bundler places those packages by the copies that import them before
 * it shakes: the page shell's buttons and breadcrumbs took the form-field packages into the chunk every page loads.
 */
export function componentCopy(code: string, component: string, ast: ESTree.Program): string {
  for (const statement of ast.body) {
    if (statement.type !== "ExportNamedDeclaration" || !statement.source) continue;
    const specifier = statement.specifiers.find((s) => (s.exported as ESTree.IdentifierName).name === component);
    if (specifier)
      return `export { ${(specifier.local as ESTree.IdentifierName).name} as ${component} } from ${JSON.stringify(statement.source.value)};\n`;
  }
  const statements = ast.body.map((statement) => ({
    statement,
    declares: declaredBy(statement),
    names: statement.type.startsWith("Export") ? new Set<string>() : namesIn(statement),
  }));
  const needed = new Set([component]);
  const kept = new Set<(typeof statements)[number]>();
  for (let grew = true; grew; ) {
    grew = false;
    for (const entry of statements) {
      if (kept.has(entry)) continue;
      // A declaration that is needed, or a top-level write to something needed (`Component.defaultProps = …`).
      const uses =
        entry.declares.some((name) => needed.has(name)) ||
        (entry.statement.type === "ExpressionStatement" && [...entry.names].some((name) => needed.has(name)));
      if (!uses) continue;
      kept.add(entry);
      grew = true;
      // An import needs nothing more; its specifiers only name what it brings.
      if (entry.statement.type !== "ImportDeclaration") for (const name of entry.names) needed.add(name);
    }
  }
  const body = statements
    .filter((entry) => kept.has(entry))
    .map(({ statement }) => code.slice(statement.start, statement.end));
  return `${body.join("\n")}\nexport { ${component} };\n`;
}

/**
 * `@utrecht/component-library-react` defines its components in one module, and a bundler never splits a module
 * between chunks: every component any page used went into one chunk that every page loaded. In the browser build
 * each named import becomes an import of one copy of the module per component (`…?component=Name`), from which the
 * bundler keeps that component alone; a page then loads the components it renders. Every page imports the same
 * copy of a component, and the module keeps no state (no context, no registry), so nothing can tell the copies
 * apart (ADR 0038, addendum). The server build keeps the one module.
 */
export function splitDesignSystem(): Plugin[] {
  const common = {
    apply: "build",
    applyToEnvironment: (environment: { name: string }) => environment.name === "client",
  } as const;
  return [
    {
      ...common,
      name: "samenspel:split-design-system",
      // After TypeScript and JSX are compiled away, so only imports that are still there are split.
      enforce: "post",
      transform: {
        filter: { id: /\/app\/.+\.tsx?(\?.*)?$/, code: library },
        handler(code) {
          const split = code.replace(importOfLibrary, (_, names: string) =>
            names
              .split(",")
              .map((name) => name.trim())
              .filter((name) => name && !name.startsWith("type "))
              .map((name) => {
                const [imported, local = imported] = name.split(/\s+as\s+/);
                return `import { ${imported} as ${local} } from "${library}?component=${imported}";`;
              })
              .join("\n"),
          );
          return split === code ? null : { code: split, map: null };
        },
      },
    },
    {
      ...common,
      name: "samenspel:design-system-without-side-effects",
      // Before Vite's own resolver, which would otherwise answer first.
      enforce: "pre",
      resolveId: {
        filter: { id: /^@(utrecht|nl-design-system-candidate)\/[^/?]+-react(\?|$)/ },
        async handler(id, importer) {
          const [bare, query] = id.split("?");
          const resolved = await this.resolve(bare!, importer, { skipSelf: true });
          if (!resolved) return null;
          // The component packages only define components (their CSS is imported apart), but do not say so in their
          // package.json: one a component imports would come along with it even when it uses nothing from it.
          return { ...resolved, id: query ? `${resolved.id}?${query}` : resolved.id, moduleSideEffects: false };
        },
      },
    },
    {
      ...common,
      name: "samenspel:design-system-component-copy",
      transform: {
        filter: { id: copyOfLibrary },
        handler(code, id) {
          const component = copyOfLibrary.exec(id)![1]!;
          return { code: componentCopy(code, component, this.parse(code)), map: null };
        },
      },
    },
  ];
}
