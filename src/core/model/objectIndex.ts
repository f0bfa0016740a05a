import type { K8sObject } from './k8sObject';

/**
 * Postings of the objects a lint sees (`RuleContext.objects`), so that cross-object rules answer "which objects of
 * kind K named N", "which Pod templates carry label k=v" or "which budgets could select these labels" from a few
 * short lists instead of scanning every object for every object (which made a 1,000-object file take a minute).
 *
 * Keys are plain strings chosen by the caller (see rules/support/crossObject.ts, which says what each object is filed
 * under). Every query is "near" an object, with the namespace rule of the cross-object rules: an object without a
 * namespace may be in any namespace, so it is near everything.
 *
 * Results come in the order of the objects array, as a scan of it would give them, so findings stay identical.
 *
 * Cost: a lint in a folder sees its file's objects followed by every other file's. Re-indexing those for each file would
 * make a folder of n files cost n² again, so the other files' objects are indexed once (a base) and reused by the next
 * lint whose remainder is the same list give or take a few objects (one file's objects swap places from lint to lint):
 * those few are masked out of the base or indexed beside it (the overlay). Checking that costs one pointer comparison
 * per object, so it is done once per list of other objects (`ObjectIndex.beside`: a folder lint passes every file the
 * same list, holding the file's own objects, which are masked), not once per file.
 */
export type KeysOf = (object: K8sObject) => readonly string[];

interface Posting { object: K8sObject; position: number }

const NO_NAMESPACE = '\u0000none';
const namespaceKey = (object: K8sObject) => object.namespace ?? NO_NAMESPACE;

/** Postings by key, in every namespace and per namespace, each list sorted by position. */
class Postings {
  readonly all = new Map<string, Posting[]>();
  readonly byNamespace = new Map<string, Map<string, Posting[]>>();

  add(object: K8sObject, position: number, keys: readonly string[]): void {
    const ns = namespaceKey(object);
    let own = this.byNamespace.get(ns);
    if (!own) this.byNamespace.set(ns, (own = new Map()));
    const posting = { object, position };
    for (const key of keys) {
      push(this.all, key, posting);
      push(own, key, posting);
    }
  }

  /** The lists whose union is every posting of `key` near `near`. */
  listsNear(key: string, near: K8sObject): Posting[][] {
    if (near.namespace === undefined) return nonEmpty([this.all.get(key)]);
    return nonEmpty([this.byNamespace.get(near.namespace)?.get(key), this.byNamespace.get(NO_NAMESPACE)?.get(key)]);
  }

  /** Postings of `key` in exactly the namespace of `near` (both without one counts as the same). */
  surelyNear(key: string, near: K8sObject): Posting[] {
    return this.byNamespace.get(namespaceKey(near))?.get(key) ?? [];
  }
}

function push(map: Map<string, Posting[]>, key: string, posting: Posting): void {
  const list = map.get(key);
  if (list) list.push(posting);
  else map.set(key, [posting]);
}

const nonEmpty = (lists: (Posting[] | undefined)[]) => lists.filter((l): l is Posting[] => l !== undefined && l.length > 0);

/** The other files' objects of a lint, indexed once. */
class Base {
  readonly postings = new Postings();
  readonly positions = new Map<K8sObject, number>();
  /** False when an object occurs twice: positions are then ambiguous and the base is not reused. */
  readonly reusable: boolean;

  constructor(readonly objects: readonly K8sObject[], readonly keysOf: KeysOf) {
    let unique = true;
    objects.forEach((object, position) => {
      if (this.positions.has(object)) unique = false;
      this.positions.set(object, position);
      this.postings.add(object, position, keysOf(object));
    });
    this.reusable = unique;
  }
}

/** How many objects may differ between a base and a lint's remainder before the base is rebuilt. */
const maxDifference = (size: number) => Math.max(256, size >> 3);

let lastBase: Base | undefined;
let basesBuilt = 0;

/** How many bases have been built so far (a folder lint builds one): tests count them. */
export const objectIndexBasesBuilt = (): number => basesBuilt;

type Fit = { base: Base; masked: ReadonlySet<K8sObject>; extra: readonly Posting[] };

/** The fit of each list of other objects passed to `ObjectIndex.beside`, found once per list. */
const fits = new WeakMap<readonly K8sObject[], Fit>();

/** The index of one lint's objects: a base with some objects masked, plus the overlay of this file's and new ones. */
export class ObjectIndex {
  private readonly overlay = new Postings();
  private readonly overlayObjects = new Set<K8sObject>();
  private readonly masked: ReadonlySet<K8sObject>;
  private readonly base: Base | undefined;
  private readonly keysOf: KeysOf;

  constructor(objects: readonly K8sObject[], ownCount: number, keysOf: KeysOf);
  constructor(objects: readonly K8sObject[], ownCount: number, keysOf: KeysOf, fit: Fit | undefined, left: ReadonlySet<K8sObject>);
  constructor(objects: readonly K8sObject[], ownCount: number, keysOf: KeysOf, ...given: [Fit | undefined, ReadonlySet<K8sObject>] | []) {
    this.keysOf = keysOf;
    // Own objects come first, before any position of the base.
    for (let i = 0; i < ownCount; i++) this.addToOverlay({ object: objects[i]!, position: i - ownCount - 1 });
    const rest = objects.slice(ownCount);
    const [fit, left]: [Fit | undefined, ReadonlySet<K8sObject>] = given.length === 2 ? given : [rest.length > 0 ? fitted(rest, keysOf) : undefined, new Set()];
    this.base = fit?.base;
    const masked = new Set(fit?.masked);
    for (const object of left) if (fit?.base.positions.has(object)) masked.add(object);
    this.masked = masked;
    for (const posting of fit?.extra ?? []) if (!left.has(posting.object)) this.addToOverlay(posting);
  }

  /**
   * The index of `own` followed by `others` without `own`: what `new ObjectIndex([...own, ...others minus own],
   * own.length)` indexes, without copying or walking `others` for each file. `others` is fitted to a base once per
   * list; each call costs its own objects only.
   */
  static beside(own: readonly K8sObject[], others: readonly K8sObject[], keysOf: KeysOf): ObjectIndex {
    let fit = fits.get(others);
    if (others.length > 0 && fit?.base.keysOf !== keysOf) fits.set(others, (fit = fitted(others, keysOf)));
    return new ObjectIndex(own, own.length, keysOf, fit, new Set(own));
  }

  /** Every object filed under `key` that is near `near` (not `near` itself), in the order of the objects array. */
  *near(key: string, near: K8sObject): Generator<K8sObject> {
    for (const { object } of merged([...this.baseListsNear(key, near), ...this.overlay.listsNear(key, near)])) {
      if (object !== near) yield object;
    }
  }

  first(key: string, near: K8sObject): K8sObject | undefined {
    for (const object of this.near(key, near)) return object;
    return undefined;
  }

  /** How many objects filed under `key` are near `near` (not counting `near`). */
  countNear(key: string, near: K8sObject): number {
    let count = 0;
    for (const list of [...(this.base?.postings.listsNear(key, near) ?? []), ...this.overlay.listsNear(key, near)]) count += list.length;
    return count - this.maskedIn(key, near, false) - (this.holds(key, near) ? 1 : 0);
  }

  /** Whether some object filed under `key` is surely in the namespace of `near`. */
  anySurelyNear(key: string, near: K8sObject): boolean {
    const count = (this.base?.postings.surelyNear(key, near).length ?? 0) + this.overlay.surelyNear(key, near).length;
    return count - this.maskedIn(key, near, true) - (this.holds(key, near) ? 1 : 0) > 0;
  }

  /** How many objects are filed under `key` in all namespaces: for choosing the shortest list to walk. */
  sizeOf(key: string): number {
    return (this.base?.postings.all.get(key)?.length ?? 0) + (this.overlay.all.get(key)?.length ?? 0);
  }

  private addToOverlay(posting: Posting): void {
    this.overlayObjects.add(posting.object);
    this.overlay.add(posting.object, posting.position, this.keysOf(posting.object));
  }

  /** Whether `object` itself is one of the objects filed under `key` (queries leave it out). */
  private holds(key: string, object: K8sObject): boolean {
    const inIndex = this.overlayObjects.has(object) || (this.base !== undefined && this.base.positions.has(object) && !this.masked.has(object));
    return inIndex && this.keysOf(object).includes(key);
  }

  private baseListsNear(key: string, near: K8sObject): Posting[][] {
    if (!this.base) return [];
    const lists = this.base.postings.listsNear(key, near);
    return this.masked.size === 0 ? lists : lists.map((list) => list.filter((p) => !this.masked.has(p.object)));
  }

  /** How many masked objects of the base are filed under `key` near (or surely near) `near`. */
  private maskedIn(key: string, near: K8sObject, surely: boolean): number {
    let count = 0;
    for (const object of this.masked) {
      if (!this.keysOf(object).includes(key)) continue;
      const counted = surely ? namespaceKey(object) === namespaceKey(near) : near.namespace === undefined || object.namespace === undefined || object.namespace === near.namespace;
      if (counted) count++;
    }
    return count;
  }
}

/**
 * The base for a lint's remainder `rest`: the last one when `rest` is its objects in the same order with a few left
 * out (masked) or added (extra, given positions between their neighbours); otherwise a new one.
 */
function fitted(rest: readonly K8sObject[], keysOf: KeysOf): Fit {
  const previous = lastBase;
  if (previous?.reusable && previous.keysOf === keysOf) {
    const fit = difference(previous, rest);
    if (fit) return { base: previous, ...fit };
  }
  const base = new Base(rest, keysOf);
  basesBuilt++;
  lastBase = base;
  return { base, masked: new Set(), extra: [] };
}

function difference(base: Base, rest: readonly K8sObject[]): { masked: Set<K8sObject>; extra: Posting[] } | undefined {
  const limit = maxDifference(base.objects.length);
  const masked = new Set<K8sObject>();
  const extra: Posting[] = [];
  const step = 1 / (limit + 2);
  let next = 0;
  for (const object of rest) {
    if (base.objects[next] === object) { next++; continue; }
    const position = base.positions.get(object);
    if (position === undefined) {
      // Between the last object matched and the next one of the base.
      extra.push({ object, position: next - 1 + step * (extra.length + 1) });
    } else {
      if (position < next) return undefined; // another order
      for (let skipped = next; skipped < position; skipped++) masked.add(base.objects[skipped]!);
      next = position + 1;
    }
    if (masked.size + extra.length > limit) return undefined;
  }
  for (let skipped = next; skipped < base.objects.length; skipped++) masked.add(base.objects[skipped]!);
  return masked.size + extra.length > limit ? undefined : { masked, extra };
}

/** Merges lists sorted by position into one sequence sorted by position. */
function* merged(lists: Posting[][]): Generator<Posting> {
  if (lists.length === 1) { yield* lists[0]!; return; }
  const heads = lists.map(() => 0);
  for (;;) {
    let best = -1;
    for (let i = 0; i < lists.length; i++) {
      const candidate = lists[i]![heads[i]!];
      if (candidate && (best < 0 || candidate.position < lists[best]![heads[best]!]!.position)) best = i;
    }
    if (best < 0) return;
    yield lists[best]![heads[best]!++]!;
  }
}
