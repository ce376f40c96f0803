import { defineMessages } from "../define-messages.ts";

/** Following a subject (a process, later a round or an initiative) by e-mail. */
export const following = defineMessages({
  nl: {
    "following.confirm.title": "Volgen bevestigen",
    "following.confirm.intro": "Klik op de knop. Daarna krijgt u e-mail als er nieuws is.",
    "following.confirm.submit": "Bevestigen",
    "following.confirmed": "Bedankt. U krijgt vanaf nu e-mail als er nieuws is.",
    "following.linkInvalid": "Deze link werkt niet (meer). Vraag op de pagina opnieuw om e-mail.",
    "following.unsubscribe.title": "Geen e-mail meer",
    "following.unsubscribe.intro": "Klik op de knop. Daarna sturen wij u hierover geen e-mail meer.",
    "following.unsubscribe.submit": "Afmelden",
    "following.unsubscribed": "U bent afgemeld. U krijgt hierover geen e-mail meer.",
    "following.back": "Terug naar de pagina",
  },
  en: {
    "following.confirm.title": "Confirm following",
    "following.confirm.intro": "Click the button. After that you receive e-mail when there is news.",
    "following.confirm.submit": "Confirm",
    "following.confirmed": "Thank you. From now on you receive e-mail when there is news.",
    "following.linkInvalid": "This link does not work (any more). Ask for e-mail again on the page.",
    "following.unsubscribe.title": "No more e-mail",
    "following.unsubscribe.intro": "Click the button. After that we no longer send you e-mail about this.",
    "following.unsubscribe.submit": "Unsubscribe",
    "following.unsubscribed": "You have unsubscribed. You no longer receive e-mail about this.",
    "following.back": "Back to the page",
  },
});
