import { data } from "react-router";

/** The 404 answer for a page that does not exist; the root error boundary shows it in the reader's language. */
export function notFound(): never {
  throw data("Not Found", { status: 404 });
}
