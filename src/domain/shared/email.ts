/**
 * An e-mail address as one key: trimmed and in lower case. The domain part is case-insensitive, and providers treat
 * the local part so too in practice, so `Anna@Example.org` and `anna@example.org ` are one person, one follower, one
 * voter.
 */
export function normaliseEmail(input: string): string {
  return input.trim().toLowerCase();
}
