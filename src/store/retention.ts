/**
 * The change feed's retention: how far it may be trimmed (GraphStore.trimChanges). An event goes once it is
 * older than `maxAgeMs` and not among the newest `minEvents` — and never past `cap`, the position a caller
 * still needs events after (a nearline refresher's own position; with Kafka the publisher's). The taxonomy's
 * events stay whatever their age (KEPT_SUBJECTS). A reader left behind the trimmed point (a replica away longer
 * than the retention) is told so by `changes` (FeedTrimmed) and starts over from the current graph.
 */
import type { GraphStore } from './types.ts';

export interface FeedRetention {
  /** Events younger than this are kept, in ms (0: the feed is never trimmed). */
  maxAgeMs: number;
  /** The newest this many events are kept, however old. */
  minEvents: number;
}

/**
 * The position the feed may be trimmed through now: the last of the oldest events that are all older than
 * `now - maxAgeMs`, at most `head - minEvents` and `cap`; the current trimmed point when nothing more may go.
 * Event times rise with their numbers (one writer's clock per commit), so a binary search over numbers finds
 * it in ~log2(head) reads of one event each.
 */
export async function trimPoint(
  store: GraphStore,
  retention: FeedRetention,
  opts: { now?: number; cap?: number } = {},
): Promise<number> {
  return pointWithin(store, retention, opts, await bounds(store));
}

/** Trims the feed as far as the retention allows; null when nothing more may go. */
export async function trimFeed(
  store: GraphStore,
  retention: FeedRetention,
  opts: { now?: number; cap?: number } = {},
): Promise<{ through: number; removed: number } | null> {
  const feed = await bounds(store);
  const point = await pointWithin(store, retention, opts, feed);
  if (point <= feed.trimmed) return null;
  return { through: point, removed: await store.trimChanges(point) };
}

/** The feed's head and trimmed point, read once for a trim. */
async function bounds(store: GraphStore): Promise<{ head: number; trimmed: number }> {
  const [head, trimmed] = await Promise.all([store.lastSeq(), store.trimmedThrough()]);
  return { head, trimmed };
}

async function pointWithin(
  store: GraphStore,
  retention: FeedRetention,
  opts: { now?: number; cap?: number },
  { head, trimmed }: { head: number; trimmed: number },
): Promise<number> {
  if (retention.maxAgeMs <= 0) return trimmed;
  const before = (opts.now ?? Date.now()) - retention.maxAgeMs;
  const limit = Math.min(head - retention.minEvents, opts.cap ?? Infinity);
  if (limit <= trimmed) return trimmed;
  // young(x): the first event after x is younger than `before` (or there is none). False up to the point
  // wanted, true from it on; the event after `point - 1` is then `point` itself, and old.
  const young = async (x: number) => {
    const [next] = await store.changes(x, 1);
    return !next || Date.parse(next.at) >= before;
  };
  let lo = trimmed;
  let hi = limit;
  if (!(await young(hi))) return hi;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (await young(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
