export type MailLocale = "nl" | "en";

/** Every mail the platform sends and the parameters it needs. */
export type MailTemplates = {
  "magic-link": { url: string; minutes: number };
  "registration-confirmed": { meeting: string; track: string; when: string; url: string };
  "registration-wait-listed": { meeting: string; track: string; position: number; url: string };
  "registration-promoted": { meeting: string; track: string; when: string; url: string };
  "newsletter-confirm": { themes: string; url: string };
  "newsletter-edition": { subject: string; body: string; unsubscribeUrl: string };
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
    "registration-confirmed": ({ meeting, track, when, url }) => ({
      subject: `Aangemeld: ${track}`,
      greeting: "Hallo,",
      lines: [
        `U bent aangemeld voor "${track}" tijdens ${meeting}, ${when}.`,
        "In de bijlage staat de afspraak voor uw agenda.",
        "Kunt u toch niet? Meld u dan af op de pagina van de bijeenkomst. Dan krijgt iemand anders uw plaats.",
      ],
      action: ["Naar de bijeenkomst", url],
    }),
    "registration-wait-listed": ({ meeting, track, position, url }) => ({
      subject: `Op de wachtlijst: ${track}`,
      greeting: "Hallo,",
      lines: [
        `"${track}" tijdens ${meeting} is vol. U staat op de wachtlijst, op plaats ${position}.`,
        "Komt er een plaats vrij? Dan krijgt u die vanzelf en sturen wij u een e-mail.",
      ],
      action: ["Naar de bijeenkomst", url],
    }),
    "registration-promoted": ({ meeting, track, when, url }) => ({
      subject: `U heeft een plaats: ${track}`,
      greeting: "Hallo,",
      lines: [
        `Er is een plaats vrijgekomen. U bent nu aangemeld voor "${track}" tijdens ${meeting}, ${when}.`,
        "In de bijlage staat de afspraak voor uw agenda.",
        "Kunt u toch niet? Meld u dan af op de pagina van de bijeenkomst.",
      ],
      action: ["Naar de bijeenkomst", url],
    }),
    "newsletter-confirm": ({ themes, url }) => ({
      subject: "Bevestig uw aanmelding voor de nieuwsbrief",
      greeting: "Hallo,",
      lines: [
        `U wilt de nieuwsbrief van Democratie in Actie ontvangen over: ${themes}.`,
        "Klik op de knop hieronder om dit te bevestigen. Zonder bevestiging sturen wij u niets.",
        "Heeft u dit niet gevraagd? Dan kunt u deze e-mail negeren.",
      ],
      action: ["Aanmelding bevestigen", url],
    }),
    "newsletter-edition": ({ subject, body, unsubscribeUrl }) => ({
      subject,
      greeting: "Hallo,",
      lines: [...body.split(/\n{2,}/), `Wilt u deze nieuwsbrief niet meer ontvangen? Afmelden: ${unsubscribeUrl}`],
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
    "registration-confirmed": ({ meeting, track, when, url }) => ({
      subject: `Registered: ${track}`,
      greeting: "Hello,",
      lines: [
        `You are registered for "${track}" at ${meeting}, ${when}.`,
        "The attachment holds the appointment for your calendar.",
        "Can you not come after all? Then cancel on the meeting's page, so someone else gets your place.",
      ],
      action: ["Go to the meeting", url],
    }),
    "registration-wait-listed": ({ meeting, track, position, url }) => ({
      subject: `On the wait-list: ${track}`,
      greeting: "Hello,",
      lines: [
        `"${track}" at ${meeting} is full. You are on the wait-list, at position ${position}.`,
        "When a place becomes free, you get it automatically and we send you an e-mail.",
      ],
      action: ["Go to the meeting", url],
    }),
    "registration-promoted": ({ meeting, track, when, url }) => ({
      subject: `You have a place: ${track}`,
      greeting: "Hello,",
      lines: [
        `A place became free. You are now registered for "${track}" at ${meeting}, ${when}.`,
        "The attachment holds the appointment for your calendar.",
        "Can you not come after all? Then cancel on the meeting's page.",
      ],
      action: ["Go to the meeting", url],
    }),
    "newsletter-confirm": ({ themes, url }) => ({
      subject: "Confirm your newsletter subscription",
      greeting: "Hello,",
      lines: [
        `You want to receive the Democratie in Actie newsletter about: ${themes}.`,
        "Click the button below to confirm. Without confirmation we send you nothing.",
        "Did you not ask for this? Then you can ignore this e-mail.",
      ],
      action: ["Confirm subscription", url],
    }),
    "newsletter-edition": ({ subject, body, unsubscribeUrl }) => ({
      subject,
      greeting: "Hello,",
      lines: [...body.split(/\n{2,}/), `No longer want this newsletter? Unsubscribe: ${unsubscribeUrl}`],
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
