import { honeypotLimits, type TextLimits } from "./fields-limits.ts";

/** How many contact rows the application form offers; enough without JavaScript to add rows. */
export const CONTACT_ROWS = 3;

/** The longest "Meer over het traject" staff may write: a few pages of text. */
export const MORE_TEXT_LIMIT = 20_000;

/** `applyForm` */
export const applyLimits = {
  municipality: { maxLength: 100 },
  project: { maxLength: 4000 },
  learningQuestion: { maxLength: 4000 },
  commitmentCollege: { maxLength: 1000 },
  commitmentCouncil: { maxLength: 1000 },
  commitmentCivilService: { maxLength: 1000 },
  "contacts[].name": { maxLength: 200 },
  "contacts[].email": { maxLength: 254 },
  "contacts[].role": { maxLength: 200 },
} satisfies TextLimits;

/** `costItemForm` */
export const costItemLimits = {
  supplier: { maxLength: 200 },
  description: { maxLength: 1000 },
} satisfies TextLimits;

/** `reverseCostItemForm` */
export const reverseCostItemLimits = {
  reason: { maxLength: 500 },
} satisfies TextLimits;

/** `agendaItemForm` */
export const agendaItemLimits = {
  text: { maxLength: 1000 },
} satisfies TextLimits;

/** `requestWorkshopForm` */
export const requestWorkshopLimits = {
  municipality: { maxLength: 100 },
  preferredDates: { maxLength: 1000 },
} satisfies TextLimits;

/** `designerSignUpForm` */
export const designerSignUpLimits = {
  name: { maxLength: 150 },
  organisation: { maxLength: 200 },
  motivation: { maxLength: 1500 },
  ...honeypotLimits,
} satisfies TextLimits;
