/** How many points a feedback form offers at once; a module of its own so pages can use it without the schemas. */
export const FEEDBACK_ROWS = 5;
