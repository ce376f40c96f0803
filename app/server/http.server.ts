import { data } from "react-router";

/** The 404 answer for a page that does not exist; the root error boundary shows it in the reader's language. */
export function notFound(): never {
  throw data("Not Found", { status: 404 });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The id in a page's path; anything that is no id is a 404 before it reaches the database. */
export function idOrNotFound(id: string): string {
  if (!UUID.test(id)) notFound();
  return id;
}
