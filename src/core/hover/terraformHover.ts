import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import type { Note } from '../knowledge/note';
import type { Span } from '../model/tree';
import { describeField } from '../schema/describeField';
import { hclPathAt, type HclStep } from '../terraform/hclLocate';
import { attributeOf, blocksOf, type HclBlock, type HclBody } from '../terraform/hclModel';
import { kubernetesFieldPath } from '../terraform/kubernetesPath';
import { KUBERNETES_RESOURCE_KINDS, MANIFEST_RESOURCE } from '../terraform/kubernetesSchema';
import type { ParsedTerraformFile } from '../terraform/parseTerraform';
import { escapeMarkdown, markdownCode } from '../text/escape';
import { markdownLink } from './commandLinks';
import { conceptInfo, renderHover, type ConceptInfo, type HoverResult } from './hover';
import { truncateAtWord } from '../text/lines';

/** Blocks that are Terraform language keywords where they appear nested (top-level blocks always are). */
const NESTED_KEYWORDS = new Set(['backend', 'cloud', 'required_providers', 'lifecycle', 'dynamic', 'provisioner', 'connection']);
/** Meta-arguments: arguments Terraform itself interprets in resource, data and module blocks. */
const META_ARGUMENTS = new Set(['count', 'for_each', 'depends_on', 'provider', 'providers']);
const META_PARENTS = new Set(['resource', 'data', 'module']);
const REGISTRY = 'registry.terraform.io';
const MAX_DESCRIPTION = 900;

/**
 * Hover for a Terraform file: HCL keywords with their concept, resource types with their concept and registry page,
 * and the fields of `kubernetes_*` resources with the Kubernetes API's description of the field they map to. Meant
 * to sit beside HashiCorp's own hovers (which explain provider schemas), not to replace them.
 */
export function terraformHover(file: ParsedTerraformFile, offset: number, kb: KnowledgeBase): HoverResult | undefined {
  const steps = hclPathAt(file.body, offset);
  const last = steps.at(-1);
  const top = steps[0];
  if (!last || top?.kind !== 'block') return undefined;

  if (last.kind === 'block' && last.on === 'type' && (steps.length === 1 || NESTED_KEYWORDS.has(last.block.type))) {
    return keywordHover(last.block.type, last.block.typeSpan, kb);
  }
  if (last.kind === 'attribute' && last.on === 'name' && META_ARGUMENTS.has(last.attribute.name)) {
    const parent = steps.at(-2);
    // Meta-arguments sit directly in a resource, data or module block, or (for_each) in a `dynamic` block.
    const isMeta = parent?.kind === 'block' && (steps.length === 2 ? META_PARENTS.has(parent.block.type) : parent.block.type === 'dynamic');
    if (isMeta) return keywordHover(last.attribute.name, last.attribute.nameSpan, kb);
  }
  const typeLabel = top.block.labels[0];
  if (steps.length === 1 && last.kind === 'block' && last.on === 'label' && last.label === 0 && typeLabel && (top.block.type === 'resource' || top.block.type === 'data')) {
    return typeHover(file, top.block, typeLabel.value, typeLabel.span, kb);
  }
  if (top.block.type === 'resource' && typeLabel) return kubernetesFieldHover(typeLabel.value, top.block, steps, kb);
  return undefined;
}

function keywordHover(keyword: string, span: Span, kb: KnowledgeBase): HoverResult | undefined {
  const notes = kb.notesForTerraform(`keyword:${keyword}`);
  if (notes.length === 0) return undefined;
  const concepts = notes.map((n) => conceptInfo(n, kb));
  return { span, subject: keyword, path: `keyword:${keyword}`, concepts, markdown: renderHover(keyword, concepts) };
}

function typeHover(file: ParsedTerraformFile, block: HclBlock, type: string, span: Span, kb: KnowledgeBase): HoverResult {
  const provider = type.split('_')[0]!;
  const isData = block.type === 'data';
  const lines = [`**${markdownCode(type)}** — ${isData ? 'data source' : 'resource type'} of the ${markdownCode(provider)} provider`];
  const kubernetes = KUBERNETES_RESOURCE_KINDS.get(type);
  if (kubernetes && !isData) lines.push('', `Manages a Kubernetes \`${kubernetes.kind}\` (\`${kubernetes.apiVersion}\`); its blocks and arguments are the object's fields in snake_case.`);
  if (type === MANIFEST_RESOURCE && !isData) lines.push('', 'Manages any Kubernetes object given as a whole manifest, in the API\'s own field names.');
  const docs = registryDocsUrl(file.body, provider, type, isData);
  if (docs) lines.push('', markdownLink('Registry docs ↗', docs));
  const notes = kb.notesForTerraform(type);
  const concepts = notes.map((n) => conceptInfo(n, kb));
  const markdown = [lines.join('\n'), ...(concepts.length ? ['', '---', '', renderHover(type, concepts)] : [])].join('\n');
  return { span, subject: type, path: type, concepts, markdown };
}

/**
 * The provider's page on the public registry: namespace from the file's `required_providers` when it declares the
 * provider, else `hashicorp` (what Terraform itself assumes). None for providers from another registry host.
 */
export function registryDocsUrl(top: HclBody, provider: string, type: string, isData: boolean): string | undefined {
  let namespace = 'hashicorp';
  let name = provider;
  for (const terraform of blocksOf(top, 'terraform')) {
    for (const required of blocksOf(terraform.body, 'required_providers')) {
      const declared = attributeOf(required.body, provider)?.value;
      const source = declared?.kind === 'object' ? declared.entries.find((e) => e.key === 'source')?.value : undefined;
      if (source?.kind !== 'literal' || typeof source.value !== 'string') continue;
      const parts = source.value.toLowerCase().split('/');
      if (parts.length === 3 && parts[0] !== REGISTRY) return undefined;
      [namespace, name] = parts.slice(-2) as [string, string];
    }
  }
  const page = type.startsWith(`${provider}_`) ? type.slice(provider.length + 1) : type;
  return `https://${REGISTRY}/providers/${namespace}/${name}/latest/docs/${isData ? 'data-sources' : 'resources'}/${page}`;
}

function kubernetesFieldHover(type: string, resource: HclBlock, steps: HclStep[], kb: KnowledgeBase): HoverResult | undefined {
  const last = steps.at(-1)!;
  const onName = (last.kind === 'attribute' && last.on === 'name') || (last.kind === 'block' && (last.on === 'type' || (last.on === 'label' && last.block.type === 'dynamic'))) || (last.kind === 'entry' && last.on === 'key');
  if (!onName) return undefined;
  const known = type === MANIFEST_RESOURCE ? manifestKind(resource) : KUBERNETES_RESOURCE_KINDS.get(type);
  if (!known) return undefined;
  const path = kubernetesFieldPath(type, known.kind, steps);
  if (!path?.length) return undefined;
  // Undefined when the API has no such field, or when the generated API data is not there (a tree not built).
  const doc = describeField(known.apiVersion, known.kind, path);
  if (!doc) return undefined;
  const span = last.kind === 'attribute' ? last.attribute.nameSpan : last.kind === 'entry' ? last.entry.keySpan : last.kind === 'block' && last.on === 'label' ? last.block.labels[0]!.span : last.kind === 'block' ? last.block.typeSpan : undefined;
  if (!span) return undefined;
  const notes: Note[] = kb.notesForField([doc.path, doc.typePath]);
  const concepts: ConceptInfo[] = notes.map((n) => conceptInfo(n, kb));
  const subject = doc.entryKey !== undefined ? `${doc.path}["${doc.entryKey}"]` : doc.path;
  const lines = [
    `**${markdownCode(doc.field)}** — ${markdownCode(subject)} (${doc.type})${doc.exactVersion ? '' : ` · described from another version of ${known.kind}`}`,
    '',
    escapeMarkdown(shorten(doc.description)) || '_The Kubernetes API gives no description for this field._',
    '',
    markdownLink('Kubernetes API reference ↗', doc.docsUrl),
  ];
  const markdown = [lines.join('\n'), ...(concepts.length ? ['', '---', '', renderHover(doc.path, concepts)] : [])].join('\n');
  return { span, subject, path: doc.path, concepts, markdown };
}

function manifestKind(resource: HclBlock): { apiVersion: string; kind: string } | undefined {
  const manifest = attributeOf(resource.body, 'manifest')?.value;
  if (manifest?.kind !== 'object') return undefined;
  const value = (key: string) => {
    const v = manifest.entries.find((e) => e.key === key)?.value;
    return v?.kind === 'literal' && typeof v.value === 'string' ? v.value : undefined;
  };
  const apiVersion = value('apiVersion');
  const kind = value('kind');
  return apiVersion && kind ? { apiVersion, kind } : undefined;
}

function shorten(text: string): string {
  return truncateAtWord(text.trim(), MAX_DESCRIPTION);
}
