/**
 * `items.map(work)` one item after the other. Queries of one transaction share its one connection: started at once
 * (`Promise.all`), pg queues them with a deprecation warning and PGlite holds its lock all the same, so nothing
 * is gained.
 */
export async function inTurn<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (const item of items) results.push(await work(item));
  return results;
}
