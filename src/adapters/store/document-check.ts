// What makes a parsed file not the document its reader expects, judged against the
// reader's defaults: it must be an object like them, hold at least one of their fields,
// and each field it holds must be of the same kind (list, object, text, number). Fields
// added to a document later may be missing; that is not damage.

const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'list' : typeof v === 'object' ? 'object' : typeof v);

export function problemWith(data: unknown, defaults: unknown): string | undefined {
  if (kind(defaults) !== 'object') return kind(data) === kind(defaults) || kind(defaults) === 'null' ? undefined : `expected a ${kind(defaults)}, found a ${kind(data)}`;
  if (kind(data) !== 'object') return `expected an object, found ${kind(data) === 'list' ? 'a list' : kind(data)}`;
  const want = Object.entries(defaults as Record<string, unknown>);
  if (want.length === 0) return undefined;
  const got = data as Record<string, unknown>;
  const present = want.filter(([k]) => Object.hasOwn(got, k));
  if (present.length === 0) return `none of its fields (${want.slice(0, 4).map(([k]) => k).join(', ')}${want.length > 4 ? ', …' : ''}) are there`;
  for (const [k, d] of present) {
    const a = kind(got[k]);
    const b = kind(d);
    if (a !== b && b !== 'null' && a !== 'null') return `field "${k}" is a ${a}, expected a ${b}`;
  }
  return undefined;
}
