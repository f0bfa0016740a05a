import type { ContainerRef } from '../../model/podSpecs';
import { child, listItems, scalarString, type ValueNode } from '../../model/tree';
import { integerOf } from './values';

export const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
export type ProbeName = (typeof PROBES)[number];

/** What a probe checks, as a comparable string (handler and target, not timings); undefined when not known. */
export function probeTarget(probe: ValueNode | undefined): string | undefined {
  if (probe?.kind !== 'map' || containsUnknown(probe)) return undefined;
  const http = child(probe, 'httpGet');
  if (http) return `http ${scalarString(child(http, 'path')) ?? '/'} ${scalarString(child(http, 'port')) ?? ''}`;
  const tcp = child(probe, 'tcpSocket');
  if (tcp) return `tcp ${scalarString(child(tcp, 'port')) ?? ''}`;
  const grpc = child(probe, 'grpc');
  if (grpc) return `grpc ${scalarString(child(grpc, 'port')) ?? ''} ${scalarString(child(grpc, 'service')) ?? ''}`;
  const exec = child(probe, 'exec');
  if (exec) {
    const command = listItems(child(exec, 'command')).map((c) => scalarString(c));
    return command.every((c) => c !== undefined) ? `exec ${JSON.stringify(command)}` : undefined;
  }
  return undefined;
}

function containsUnknown(node: ValueNode): boolean {
  if (node.kind === 'unknown') return true;
  if (node.kind === 'map') return node.entries.some((e) => containsUnknown(e.value));
  if (node.kind === 'list') return node.items.some(containsUnknown);
  return false;
}

/** The port node a probe connects to (httpGet, tcpSocket or grpc). */
export function probePort(probe: ValueNode | undefined): ValueNode | undefined {
  for (const handler of ['httpGet', 'tcpSocket', 'grpc']) {
    const port = child(child(probe, handler), 'port');
    if (port) return port;
  }
  return undefined;
}

export interface DeclaredPort { name?: string; number?: number; protocol: string }

/** Whether every declared port can be read statically (no Terraform references among names, numbers, protocols). */
export function portsKnown(ref: ContainerRef): boolean {
  const ports = child(ref.container, 'ports');
  return ports === undefined || (ports.kind === 'list' && !containsUnknown(ports));
}

export function declaredPorts(ref: ContainerRef): DeclaredPort[] {
  return listItems(child(ref.container, 'ports')).map((port) => ({
    name: scalarString(child(port, 'name')),
    number: integerOf(child(port, 'containerPort')),
    protocol: scalarString(child(port, 'protocol')) ?? 'TCP',
  }));
}

/** How a generated probe should name the container's first TCP port: its name when it has one, else its number. */
export function firstTcpPort(ref: ContainerRef): string | number | undefined {
  const port = declaredPorts(ref).find((p) => p.protocol === 'TCP' && (p.name || p.number));
  return port?.name ?? port?.number;
}
