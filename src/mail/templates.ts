export type MailLocale = "nl" | "en";

/** Every mail the platform sends and the parameters it needs. */
export type MailTemplates = {
  "magic-link": { url: string; minutes: number };
};
export type MailTemplate = keyof MailTemplates;

export type RenderedMail = { subject: string; text: string; html: string };

type Copy<P> = (params: P) => {
  subject: string;
  greeting: string;
  lines: string[];
  action?: [label: string, url: string];
};

/**
 * Mail copy lives here and not in the web catalogue: the worker sends mail outside any request, and `src/` may not
 * import `app/`. Same rule as the catalogue: Dutch and English, every template in both.
 */
const copy: { [L in MailLocale]: { [T in MailTemplate]: Copy<MailTemplates[T]> } } = {
  nl: {
    "magic-link": ({ url, minutes }) => ({
      subject: "Uw inloglink voor Samenspel",
      greeting: "Hallo,",
      lines: [
        "U vroeg om in te loggen op Samenspel. Klik op de knop hieronder om in te loggen.",
        `De link werkt ${minutes} minuten en maar één keer.`,
        "Heeft u niet om deze link gevraagd? Dan kunt u deze e-mail negeren. Er gebeurt dan niets.",
      ],
      action: ["Inloggen op Samenspel", url],
    }),
  },
  en: {
    "magic-link": ({ url, minutes }) => ({
      subject: "Your sign-in link for Samenspel",
      greeting: "Hello,",
      lines: [
        "You asked to sign in to Samenspel. Click the button below to sign in.",
        `The link works for ${minutes} minutes and only once.`,
        "Did you not ask for this link? Then you can ignore this e-mail. Nothing will happen.",
      ],
      action: ["Sign in to Samenspel", url],
    }),
  },
};

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** Plain text for every client, and simple HTML with the same words. */
export function renderMail<T extends MailTemplate>(
  template: T,
  locale: MailLocale,
  params: MailTemplates[T],
): RenderedMail {
  const c = (copy[locale][template] as Copy<MailTemplates[T]>)(params);
  const text = [
    c.greeting,
    "",
    ...c.lines.flatMap((line) => [line, ""]),
    ...(c.action ? [`${c.action[0]}: ${c.action[1]}`, ""] : []),
    "Samenspel",
  ].join("\n");
  const paragraphs = [c.greeting, ...c.lines].map((line) => `<p>${escapeHtml(line)}</p>`);
  const action = c.action ? `<p><a href="${escapeHtml(c.action[1])}">${escapeHtml(c.action[0])}</a></p>` : "";
  const html = `<!doctype html><html lang="${locale}"><body style="font-family:sans-serif;line-height:1.5">${paragraphs.join("")}${action}<p>Samenspel</p></body></html>`;
  return { subject: c.subject, text, html };
}
