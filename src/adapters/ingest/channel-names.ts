import { channelId } from '../../features/shared/channels.ts';

/** Channel as written in a file (抖音, Douyin, douyin) → stored id; unknown names lower-cased. Cached per import. */
export function channelNormalizer(): (raw: string) => string {
  const cache = new Map<string, string>();
  return (raw) => {
    let id = cache.get(raw);
    if (id === undefined) {
      id = channelId(raw) ?? raw.trim().toLowerCase();
      cache.set(raw, id);
    }
    return id;
  };
}
