import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import type { K8sObject } from '../model/k8sObject';
import { manifestObjects } from '../yaml/manifestObjects';
import type { ParsedYamlFile } from '../yaml/parseYaml';
import type { Finding, Rule } from '../rules/rule';
import { gatewayApiConnections, ingressConnections, podConnections, referenceConnections, serviceConnections, type ExplainContext } from './connections';
import type { ConceptLink, Connection, Gap, ManifestExplanation } from './explanation';
import { podTemplateOf, type PodTemplate } from './manifestModel';
import { objectSummary } from './objectSummary';

export interface ExplainOptions {
  /** Concept links are added for the notes that exist in it. */
  kb?: KnowledgeBase;
  /** A `kustomization.yaml` may leave out its apiVersion and kind. */
  fileName?: string;
  /** The file's rule findings (from the same analysis): they are the "what is wrong" of the explanation. */
  findings?: readonly Finding[];
  /** The rules that produced them, for each finding's concept note. */
  rules?: readonly Rule[];
}

/**
 * Summarises a Kubernetes YAML file: each object in a sentence, how they connect (Ingress → Service → Pods by
 * selector and port, ConfigMaps, Secrets, claims and service accounts the Pods use, autoscalers, bindings), and
 * what is missing or broken — the rules' findings plus the broken references only explain follows (a mount of an
 * undefined volume, a ConfigMap key that does not exist) — each with the concept note that explains it.
 */
export function explainManifest(file: ParsedYamlFile, options: ExplainOptions = {}): ManifestExplanation {
  const objects = manifestObjects(file, options.fileName);
  const templates = objects.map(podTemplateOf).filter((t): t is PodTemplate => t !== undefined);
  const connections: Connection[] = [];
  const gaps: Gap[] = [];
  const concept = (noteId: string): ConceptLink | undefined => {
    const note = options.kb?.note(noteId);
    return note ? { noteId: note.id, title: note.title } : undefined;
  };
  const withConcept = <T extends object>(item: T, noteId: string | undefined): T => {
    const link = noteId ? concept(noteId) : undefined;
    return link ? { ...item, concept: link } : item;
  };
  const ctx: ExplainContext = {
    objects, templates, concept,
    connect: (from, to, relation, detail, resolved, noteId, span) => { connections.push(withConcept({ from: from.address, to, relation, detail, resolved, span }, noteId)); },
    gap: (object, severity, message, noteId, span) => { gaps.push(withConcept({ object: object.address, severity, message, span }, noteId)); },
  };

  for (const object of objects) {
    if (object.kind === 'Service') serviceConnections(ctx, object);
    else if (object.kind === 'Ingress') ingressConnections(ctx, object);
    gatewayApiConnections(ctx, object);
    referenceConnections(ctx, object);
  }
  for (const template of templates) podConnections(ctx, template);
  for (const finding of options.findings ?? []) {
    if (finding.object.language !== 'yaml') continue;
    const rule = options.rules?.find((r) => r.id === finding.ruleId);
    gaps.push(withConcept({ object: finding.object.address, severity: finding.severity === 'hint' ? 'info' : finding.severity, message: finding.message, ruleId: finding.ruleId, span: finding.span }, rule?.concept));
  }

  const severityOrder = { error: 0, warning: 1, info: 2 };
  // Looked up per object and per document: maps, not a scan of every object each time.
  const templateOf = new Map(templates.map((t) => [t.object, t]));
  const documentsWithObjects = new Set(objects.map((o) => o.documentIndex));
  return {
    objects: objects.map((o) => withConcept({
      address: o.address, apiVersion: o.apiVersion, kind: o.kind, name: o.name, namespace: o.namespace, span: o.span,
      summary: objectSummary(o, templateOf.get(o)),
    }, kindNote(options.kb, o))),
    connections: merged(connections),
    gaps: gaps.sort((a, b) => severityOrder[a.severity] - severityOrder[b.severity] || a.span.start - b.span.start),
    skipped: file.documents.flatMap((d) => {
      if (d.isTemplate) return [{ documentIndex: d.index, reason: 'an unrendered Helm template', span: d.span }];
      const holdsObject = documentsWithObjects.has(d.index);
      return d.tree && !holdsObject ? [{ documentIndex: d.index, reason: 'not a Kubernetes object (no apiVersion and kind)', span: d.span }] : [];
    }),
  };
}

/** Many environment variables from one ConfigMap are one connection, not forty. */
function merged(connections: Connection[]): Connection[] {
  const byKey = new Map<string, { first: Connection; details: string[] }>();
  for (const c of connections) {
    const key = `${c.from}\n${c.relation}\n${c.to}`;
    const group = byKey.get(key);
    if (group) group.details.push(c.detail);
    else byKey.set(key, { first: c, details: [c.detail] });
  }
  const MAX_DETAILS = 4;
  return [...byKey.values()].map(({ first, details }) => ({
    ...first,
    detail: details.length <= MAX_DETAILS ? details.join('; ') : `${details.slice(0, MAX_DETAILS).join('; ')}; and ${details.length - MAX_DETAILS} more`,
  }));
}

function kindNote(kb: KnowledgeBase | undefined, object: K8sObject): string | undefined {
  return object.kind ? kb?.notesForKind(object.kind, object.apiVersion)[0]?.id : undefined;
}
