import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import { expect } from "vitest";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Debian's Chromium; Playwright cannot download its own browser here. */
export async function launchBrowser(): Promise<Browser> {
  const launch = () =>
    chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
      // Playwright waits 3 minutes for a start by default, longer than a hook may take: on a loaded 2-core runner
      // a start that has not answered in 40 s is stuck, and a second one starts in seconds.
      timeout: 40_000,
    });
  return launch().catch(launch);
}

export type JourneyOptions = { javaScript: boolean };

const withoutJavaScript = new WeakSet<Page>();

/** A visitor's browser tab; every journey runs once with and once without JavaScript. */
export async function openTab(browser: Browser, baseURL: string, { javaScript }: JourneyOptions): Promise<Page> {
  const context: BrowserContext = await browser.newContext({ baseURL, javaScriptEnabled: javaScript, locale: "nl-NL" });
  const page = await context.newPage();
  if (!javaScript) withoutJavaScript.add(page);
  page.on("pageerror", (error) => {
    throw error;
  });
  // A page whose messages lack a key it shows (ADR 0038): after a navigation only the browser renders, so only
  // its console says so.
  page.on("console", (message) => {
    if (message.type() === "error" && message.text().includes("part of the catalogue")) throw new Error(message.text());
  });
  return page;
}

export const bothModes = [
  { name: "with JavaScript", javaScript: true },
  { name: "without JavaScript", javaScript: false },
] as const;

type AxeViolation = { id: string; impact: string; help: string; nodes: { target: string[] }[] };

/**
 * Fails on any WCAG 2.0/2.1/2.2 level A or AA violation axe finds on the page as it is now. A page shown without
 * JavaScript cannot run axe, so its DOM is replayed, scripts removed, in a scratch tab that can.
 */
export async function expectAccessible(page: Page): Promise<void> {
  if (!withoutJavaScript.has(page)) {
    await settled(page);
    return expectNoViolations(page, page.url());
  }
  const url = page.url();
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>|<link rel="modulepreload"[^>]*>/gi, "");
  const replay = await scratchTabOf(page.context().browser()!);
  // At the visitor's width: what scrolls on a phone (a wide table) only scrolls in a tab as narrow.
  const viewport = page.viewportSize();
  if (viewport) await replay.setViewportSize(viewport);
  // On the app's own origin, so the page's styles and images load as they do for the visitor.
  const { origin } = new URL(url);
  if (new URL(replay.url()).origin !== origin) await replay.goto(`${origin}/healthz`);
  await replay.setContent(html, { waitUntil: "load" });
  await expectNoViolations(replay, url);
}

/**
 * With JavaScript the address changes when the router has the next page, and React draws it a moment later: wait
 * until the router is idle and two frames have passed, so axe does not check the page being left.
 */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    type RouterState = { navigation: { state: string }; revalidation: string };
    const router = (window as unknown as { __reactRouterDataRouter?: { state: RouterState } }).__reactRouterDataRouter;
    return !router || (router.state.navigation.state === "idle" && router.state.revalidation === "idle");
  });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

const scratchTabs = new WeakMap<Browser, Promise<Page>>();
/**
 * One scratch tab per browser, reused: a fresh context and tab for every replay cost more than axe itself, and the
 * tab keeps the styles cached. Not routed, since routing would switch its cache off.
 */
function scratchTabOf(browser: Browser): Promise<Page> {
  let tab = scratchTabs.get(browser);
  if (!tab) {
    tab = browser.newContext().then((context) => context.newPage());
    scratchTabs.set(browser, tab);
  }
  return tab;
}

async function expectNoViolations(page: Page, url: string): Promise<void> {
  // The page at rest: not the hover state of whatever the pointer last clicked.
  await page.mouse.move(0, 0);
  // Evaluated through the DevTools protocol, so the page's strict CSP does not block it.
  await page.evaluate(axeSource);
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: unknown }> } })
      .axe;
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"] },
    });
    return result.violations;
  })) as AxeViolation[];
  const summary = violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  expect(summary, `axe on ${url}`).toEqual([]);
}

/** The texts a field's `aria-describedby` names, joined by " | ": what a screen reader reads out with it. */
export function descriptionOf(field: Locator): Promise<string> {
  return field.evaluate((input) =>
    (input.getAttribute("aria-describedby") ?? "")
      .split(" ")
      .map((id) => document.getElementById(id)?.textContent)
      .join(" | "),
  );
}

/**
 * Opens `path` as a visitor who is not signed in yet: the page sends them to sign in, they sign in with their
 * password, and land back on `path`.
 */
export async function signInWithPassword(page: Page, o: { path: string; email: string; password: string }) {
  await page.goto(o.path);
  await page.waitForURL(/\/inloggen\?terug=/);
  await page.locator("#password").getByLabel("E-mailadres").fill(o.email);
  await page.getByLabel("Wachtwoord", { exact: true }).fill(o.password);
  await page.getByRole("button", { name: "Inloggen met wachtwoord" }).click();
  await page.waitForURL((url) => url.pathname === o.path);
}
