/** Only same-site paths: an open redirect would let a phishing link borrow our address. */
export function safeReturnPath(value: unknown, fallback = "/"): string {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\")
    ? value
    : fallback;
}
