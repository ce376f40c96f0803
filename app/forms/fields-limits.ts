/**
 * The limits of a form's fields as plain data, in a module beside each form module (`<forms>-limits.ts`): the schema
 * reads its limits from there, and so does the page, which renders them (`maxlength`, the limit stated beside the
 * field) through conform's `constraint` option. A page imports the limits module, never the schema module, so zod and
 * the schemas stay out of the browser (ADR 0038). Keys are conform's field names (`contacts[].name`).
 * `forms/limits.test.ts` checks each limits object against the schema it belongs to.
 */
export type TextLimits = Record<string, { maxLength: number }>;

/** The hidden field people never see (`honeypot` in `fields.ts`): anything typed in it is too long. */
export const honeypotLimits = { website: { maxLength: 0 } } satisfies TextLimits;
