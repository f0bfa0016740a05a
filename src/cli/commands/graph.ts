import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { analyse, languageOfPath } from '../../core/analysis/analyse';
import { GraphIndex } from '../../core/graph/graphIndex';
import { GRAPH_FORMATS, renderGraph, type GraphFormat } from '../../core/graph/render';
import { BATCH_LIMITS, describeBytes } from '../../core/model/limits';
import { initTerraform } from '../../core/terraform/runtime';
import { terminalLine } from '../../core/text/escape';
import { messageOf } from '../../core/util/errors';
import { manifestObjects } from '../../core/yaml/manifestObjects';
import { EXIT, UsageError, packageRoot, type Command } from '../cli';
import { collectFiles } from './files';

export const graphCommand: Command = {
  name: 'graph',
  summary: 'the reference graph of manifests and Terraform files (JSON, Mermaid, DOT)',
  help: [
    'Usage: cnc graph PATHS... [--format json|mermaid|dot]',
    '',
    'Indexes every Kubernetes object of the PATHS (YAML, JSON manifests, Terraform kubernetes_* resources; directories',
    'searched as by cnc lint, skipping node_modules and .git) and prints how they refer to each other. Edge kinds:',
    '  selects    Service, NetworkPolicy, PodDisruptionBudget selector → workloads whose Pods it matches',
    '  routes-to  Ingress and Gateway API routes → Service',
    '  mounts     volumes (ConfigMap, Secret, PVC, projected) and imagePullSecrets → the object',
    '  env-from   env valueFrom and envFrom → ConfigMap or Secret',
    '  runs-as    serviceAccountName → ServiceAccount',
    '  binds      RoleBinding/ClusterRoleBinding → Role/ClusterRole and → each ServiceAccount subject',
    '  scales     scaleTargetRef (HPA, KEDA, ...) → the workload',
    '  governs    StatefulSet serviceName → its headless Service',
    '  calls      a container env value, args or command naming a Service by DNS (svc, svc:port, svc.ns, URLs)',
    '',
    'Namespaces: an object\'s own, else the namespace: of the nearest kustomization.yaml above it. Objects without one',
    'connect to every namespace.',
    '',
    '  --format  json (default): { "nodes": [{ id, kind, name, namespace, file, line }], "edges": [{ from, to, kind, detail }] }',
    '            mermaid (a flowchart) or dot (Graphviz)',
  ].join('\n'),
  async run(args) {
    let parsed;
    try { parsed = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string', default: 'json' } } }); } catch (error) { throw new UsageError(messageOf(error)); }
    const format = parsed.values.format as GraphFormat;
    if (!(GRAPH_FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown --format "${parsed.values.format}" (use ${GRAPH_FORMATS.join(', ')})`);
    if (parsed.positionals.length === 0) throw new UsageError('give at least one file or directory');
    const { files, missing } = collectFiles(parsed.positionals);
    if (missing.length) throw new UsageError(`no such file or directory: ${missing.join(', ')}`);
    if (files.some((f) => languageOfPath(f) === 'terraform')) await initTerraform({ packageRoot: packageRoot() }).catch(() => undefined);
    const index = new GraphIndex();
    const oversized: string[] = [];
    const unread: string[] = [];
    for (const file of files) {
      const name = path.relative(process.cwd(), file).split(path.sep).join('/') || file;
      let text: string;
      try { text = fs.readFileSync(file, 'utf8'); } catch (error) { unread.push(`${name}: ${messageOf(error)}`); continue; }
      const analysis = analyse(text, languageOfPath(file), [], { limits: BATCH_LIMITS });
      if (!analysis.file) { if (analysis.skipped) (analysis.skipped.startsWith('File is') ? oversized : unread).push(`${name}${analysis.skipped.startsWith('File is') ? '' : `: ${analysis.skipped}`}`); continue; }
      const objects = analysis.file.language === 'yaml' ? manifestObjects(analysis.file, file) : analysis.file.objects;
      index.setFile(name, { objects, lines: analysis.file.lines, text: analysis.file.text });
    }
    const graph = index.graph();
    if (oversized.length) console.error(terminalLine(`cnc graph: ${oversized.length} file${oversized.length === 1 ? '' : 's'} over ${describeBytes(BATCH_LIMITS.parsedBytes)} left out: ${oversized.slice(0, 5).join(', ')}${oversized.length > 5 ? ', …' : ''}`));
    for (const line of [...unread.map((u) => `not read: ${u}`), ...graph.notices]) console.error(terminalLine(`cnc graph: ${line}`));
    process.stdout.write(renderGraph(graph, format) + '\n');
    return EXIT.ok;
  },
};
