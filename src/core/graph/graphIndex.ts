import type { K8sObject } from '../model/k8sObject';
import type { ParsedFileBase } from '../model/parsedFile';
import { referencesOf, type EdgeKind, type NameOf, type Reference } from '../model/references';
import { at, child, scalarString, type ValueNode } from '../model/tree';
import { podLabelsOf } from '../rules/support/crossObject';
import { describeSelector, isEmptySelector, labelSelectorOf, mapSelectorOf, selectorMatches, type LabelSelector } from '../rules/support/selectors';

/**
 * Every Kubernetes object of a workspace (YAML, JSON and Terraform `kubernetes_*` alike), file by file, and the
 * reference graph over them (`cnc graph`; the language server will feed it from file watchers).
 *
 * Incremental: `setFile`/`removeFile` cost what that file holds (its objects' references are read once, and its
 * objects are added to or deleted from the postings, which are sets). `graph()` resolves every reference through the
 * postings: linear in references, plus the edges selectors truly have, each node capped at MAX_EDGES_PER_NODE.
 *
 * Namespaces: an object's namespace is its own, else the `namespace:` of the nearest kustomization.yaml above its
 * file that declares one, else unknown. As in the cross-object rules, an unknown namespace may be any namespace: it
 * connects to objects of every namespace. References without a namespace mean the referrer's.
 */

export interface GraphNode { id: string; kind: string; name: string; namespace: string | null; file: string; line: number }
export interface GraphEdge { from: string; to: string; kind: EdgeKind; detail: string }
export interface ReferenceGraph { nodes: GraphNode[]; edges: GraphEdge[]; notices: string[] }

/** More edges than this from one node are left out (one notice says so): a selector matching 500 Pods is no map. */
export const MAX_EDGES_PER_NODE = 200;

/** Kinds that live in no namespace: references to them ignore namespaces. */
const CLUSTER_SCOPED = new Set(['ClusterRole', 'ClusterRoleBinding', 'Namespace', 'PersistentVolume', 'StorageClass', 'CustomResourceDefinition', 'PriorityClass', 'IngressClass', 'GatewayClass', 'ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration']);

interface Indexed {
  node: GraphNode;
  object: K8sObject;
  file: string;
  references: Reference[];
  /** Pod labels of a workload (Pod owner). */
  labels: Record<string, string> | undefined;
  /** What a Service, NetworkPolicy or PodDisruptionBudget selects. */
  selector: { selector: LabelSelector; detail: string } | undefined;
}

interface FileEntry { objects: Indexed[]; kustomizeNamespace: string | undefined }

const key = (a: string, b: string) => `${a}\u0000${b}`;
const UNKNOWN_NS = '\u0001';

export class GraphIndex {
  private readonly files = new Map<string, FileEntry>();
  private readonly byName = new Map<string, Set<Indexed>>();
  private readonly byLabel = new Map<string, Set<Indexed>>();
  /** Pod owners per namespace as written (UNKNOWN_NS: none written). */
  private readonly podOwners = new Map<string, Set<Indexed>>();
  private readonly kustomizeNamespaces = new Map<string, string>();
  /** Who refers to kind and name (every reference, guesses included), and which selectors could match a label pair. */
  private readonly referrers = new Map<string, Set<Indexed>>();
  private readonly selectorsByLabel = new Map<string, Set<Indexed>>();
  /** Each node's edges, kept until a change could alter them (see invalidateAround). */
  private readonly edgeCache = new Map<Indexed, { edges: GraphEdge[]; notice?: string }>();
  private readonly namespaceCache = new Map<Indexed, string | undefined>();
  private sortedFiles: string[] | undefined;

  /** Adds or replaces one file's objects (`file` is how it is named in the graph, e.g. a relative path). */
  setFile(file: string, parsed: Pick<ParsedFileBase, 'objects' | 'lines' | 'text'>): void {
    this.removeFile(file);
    const nameOf = namesIn(parsed.text);
    const objects = parsed.objects.map((object, position) => indexed(file, position, object, parsed.lines.positionAt(object.span.start).line + 1, nameOf));
    const kustomization = objects.find((o) => o.object.kind === 'Kustomization');
    const kustomizeNamespace = scalarString(child(kustomization?.object.root, 'namespace'));
    this.files.set(file, { objects, kustomizeNamespace });
    this.sortedFiles = undefined;
    if (kustomizeNamespace) { this.kustomizeNamespaces.set(directoryOf(file), kustomizeNamespace); this.namespacesChanged(); }
    for (const o of objects) {
      this.post(o, add);
      this.invalidateAround(o);
    }
  }

  removeFile(file: string): void {
    const entry = this.files.get(file);
    if (!entry) return;
    this.files.delete(file);
    this.sortedFiles = undefined;
    if (entry.kustomizeNamespace) { this.kustomizeNamespaces.delete(directoryOf(file)); this.namespacesChanged(); }
    for (const o of entry.objects) {
      this.post(o, remove);
      this.invalidateAround(o);
      this.namespaceCache.delete(o);
    }
  }

  /** Files `o` in (add) or out of (remove) every posting: the two must stay mirror images. */
  private post(o: Indexed, change: (map: Map<string, Set<Indexed>>, k: string, value: Indexed) => void): void {
    for (const name of namesOf(o.object)) change(this.byName, key(o.object.kind!, name), o);
    if (o.labels) {
      change(this.podOwners, o.object.namespace ?? UNKNOWN_NS, o);
      for (const [k, v] of Object.entries(o.labels)) { change(this.byLabel, key(k, v), o); change(this.byLabel, k, o); }
    }
    for (const ref of o.references) change(this.referrers, key(ref.kind, ref.name), o);
    if (o.selector) change(this.selectorsByLabel, selectorKey(o.selector.selector), o);
  }

  /** The graph: nodes in file-name order then document order, edges in the order of their source nodes. */
  graph(): ReferenceGraph {
    this.sortedFiles ??= [...this.files.keys()].sort();
    const nodes: GraphNode[] = [];
    const edges: GraphEdge[] = [];
    const notices: string[] = [];
    for (const file of this.sortedFiles) {
      for (const source of this.files.get(file)!.objects) {
        nodes.push(source.node);
        let known = this.edgeCache.get(source);
        if (!known) this.edgeCache.set(source, (known = this.edgesFrom(source)));
        for (const edge of known.edges) edges.push(edge);
        if (known.notice) notices.push(known.notice);
      }
    }
    return { nodes, edges, notices };
  }

  /**
   * Forgets the cached edges a change of `o` could alter: its own, those of every object referring to its kind and
   * name, and those of every selector that could match its Pod labels.
   */
  private invalidateAround(o: Indexed): void {
    this.edgeCache.delete(o);
    const namespace = this.namespaceOf(o);
    // Only objects that could connect to `o` across their namespaces: a change in one namespace recomputes its own.
    const mayReach = (other: Indexed) => namespace === undefined || CLUSTER_SCOPED.has(o.node.kind) || other.references.some((r) => r.namespace !== undefined) || near(this.namespaceOf(other), namespace);
    for (const name of namesOf(o.object)) {
      for (const referrer of this.referrers.get(key(o.object.kind!, name)) ?? []) if (mayReach(referrer)) this.edgeCache.delete(referrer);
    }
    if (!o.labels) return;
    for (const label of [...Object.entries(o.labels).map(([k, v]) => key(k, v)), EVERY]) {
      for (const selector of this.selectorsByLabel.get(label) ?? []) if (mayReach(selector)) this.edgeCache.delete(selector);
    }
  }

  /** A kustomization's namespace came or went: every object's namespace may differ (rare: all is recomputed). */
  private namespacesChanged(): void {
    this.namespaceCache.clear();
    this.edgeCache.clear();
  }

  private edgesFrom(source: Indexed): { edges: GraphEdge[]; notice?: string } {
    const out = new Map<string, GraphEdge>();
    let dropped = false;
    const connect = (target: Indexed, kind: EdgeKind, detail: string) => {
      if (target === source) return true;
      const id = `${target.node.id}\u0000${kind}`;
      if (out.has(id)) return true;
      if (out.size >= MAX_EDGES_PER_NODE) { dropped = true; return false; }
      out.set(id, { from: source.node.id, to: target.node.id, kind, detail });
      return true;
    };
    const namespace = this.namespaceOf(source);
    for (const ref of source.references) {
      const clusterScoped = CLUSTER_SCOPED.has(ref.kind);
      const wanted = clusterScoped ? undefined : ref.namespace ?? namespace;
      for (const target of this.byName.get(key(ref.kind, ref.name)) ?? []) {
        if (clusterScoped || near(wanted, this.namespaceOf(target))) connect(target, ref.edge, ref.detail);
      }
    }
    if (source.selector) {
      for (const target of this.selected(source.selector.selector, namespace)) if (!connect(target, 'selects', source.selector.detail)) break;
    }
    const edges = [...out.values()].sort(byTarget);
    const { kind, name, file, line } = source.node;
    return dropped ? { edges, notice: `${kind}/${name} (${file}:${line}) has more than ${MAX_EDGES_PER_NODE} edges; the rest are left out.` } : { edges };
  }

  private namespaceOf(o: Indexed): string | undefined {
    if (o.object.namespace) return o.object.namespace;
    if (this.namespaceCache.has(o)) return this.namespaceCache.get(o);
    let found: string | undefined;
    for (let dir = directoryOf(o.file); ; dir = parentOf(dir)) {
      found = this.kustomizeNamespaces.get(dir);
      if (found || dir === '') break;
    }
    this.namespaceCache.set(o, found);
    return found;
  }

  /** Pod owners the selector matches near `namespace`: walks the shortest posting every match must be on. */
  private *selected(selector: LabelSelector, namespace: string | undefined): Generator<Indexed> {
    const required = [
      ...Object.entries(selector.matchLabels).map(([k, v]) => key(k, v)),
      ...selector.requirements.filter((r) => r.operator === 'Exists' || r.operator === 'In').map((r) => r.key),
    ];
    let candidates: Iterable<Indexed> | undefined;
    let size = Infinity;
    for (const k of required) {
      const list = this.byLabel.get(k);
      if (!list) return;
      if (list.size < size) { candidates = list; size = list.size; }
    }
    // Objects without a namespace (or given one by a kustomization) are filed under UNKNOWN_NS.
    candidates ??= namespace === undefined ? chain(...this.podOwners.values()) : chain(this.podOwners.get(namespace), this.podOwners.get(UNKNOWN_NS));
    for (const owner of candidates) {
      if (owner.labels && near(namespace, this.namespaceOf(owner)) && selectorMatches(selector, owner.labels)) yield owner;
    }
  }
}

/** Selectors are filed under their first matchLabels pair (every match carries it), or under EVERY without one. */
const EVERY = '\u0002every';
function selectorKey(selector: LabelSelector): string {
  const first = Object.entries(selector.matchLabels)[0];
  return first ? key(first[0], first[1]) : EVERY;
}

const near = (a: string | undefined, b: string | undefined) => a === undefined || b === undefined || a === b;

function* chain<T>(...sets: (Set<T> | undefined)[]): Generator<T> {
  for (const set of sets) if (set) yield* set;
}

function byTarget(a: GraphEdge, b: GraphEdge): number {
  return a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.to < b.to ? -1 : a.to > b.to ? 1 : 0;
}

/** What an object is found by: its name, and a Terraform resource also by its address (see namesIn). */
function namesOf(object: K8sObject): string[] {
  if (!object.kind) return [];
  const names = object.name ? [object.name] : [];
  if (object.language === 'terraform') names.push(`@${object.address}`);
  return names;
}

const TERRAFORM_NAME = /^(kubernetes_[a-z0-9_]+\.[A-Za-z0-9_-]+)\.metadata(?:\[0\]|\.0)\.name$/;

/** Names as written, and a Terraform expression naming another resource's name as `@<its address>`. */
function namesIn(text: string): NameOf {
  return (node) => {
    if (node?.kind !== 'unknown') return scalarString(node);
    const address = TERRAFORM_NAME.exec(text.slice(node.span.start, node.span.end).trim())?.[1];
    return address ? `@${address}` : undefined;
  };
}

function indexed(file: string, position: number, object: K8sObject, line: number, nameOf: NameOf): Indexed {
  const node: GraphNode = { id: `${file}#${position}`, kind: object.kind ?? '?', name: object.name ?? '?', namespace: object.namespace ?? null, file, line };
  return { node, object, file, references: referencesOf(object, nameOf), labels: podLabelsOf(object), selector: selectorOf(object) };
}

function selectorOf(object: K8sObject): Indexed['selector'] {
  const spec = child(object.root, 'spec');
  let selector: LabelSelector | undefined;
  let node: ValueNode | undefined;
  if (object.kind === 'Service') {
    if (scalarString(child(spec, 'type')) === 'ExternalName') return undefined;
    node = child(spec, 'selector');
    selector = node ? mapSelectorOf(node) : undefined;
  } else if (object.kind === 'NetworkPolicy') {
    node = child(spec, 'podSelector');
    selector = labelSelectorOf(node);
    // An empty podSelector does select every Pod of the namespace.
    return selector ? { selector, detail: `podSelector ${describe(selector)}` } : undefined;
  } else if (object.kind === 'PodDisruptionBudget') {
    node = at(spec, 'selector');
    selector = node ? labelSelectorOf(node) : undefined;
  }
  // A Service or budget without a selector selects nothing (endpoints managed by hand; see crossObject.ts).
  if (!selector || isEmptySelector(selector)) return undefined;
  return { selector, detail: `selector ${describe(selector)}` };
}

const describe = (selector: LabelSelector) => describeSelector(selector) || '{} (every Pod)';

function add<T>(map: Map<string, Set<T>>, k: string, value: T): void {
  const set = map.get(k);
  if (set) set.add(value); else map.set(k, new Set([value]));
}

function remove<T>(map: Map<string, Set<T>>, k: string, value: T): void {
  const set = map.get(k);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) map.delete(k);
}

const directoryOf = (file: string) => { const i = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')); return i < 0 ? '' : file.slice(0, i); };
const parentOf = (dir: string) => directoryOf(dir);
