/**
 * Only same-site paths, and only ones that fit in a `Location` header: an open redirect would let a phishing link
 * borrow our address, and a path with a control character, a space or a character outside ASCII (what invalid UTF-8
 * decodes to) would break the header and the answer. Printable ASCII after one `/`, no `//` or `/\` at the start;
 * anything else gives the fallback. Applied again where a stored return path is used, so an old link cannot fail.
 */
export function safeReturnPath(value: unknown, fallback = "/"): string {
  return typeof value === "string" && value.length <= 1000 && /^\/(?![/\\])[\x21-\x7E]*$/.test(value)
    ? value
    : fallback;
}
