import { defineRule } from './rule';
import { hostPathVolumes, isRuntimeSocket } from './support/hostPaths';

/** Host directories whose contents control the node or hold its secrets. */
const SENSITIVE = ['/', '/boot', '/dev', '/etc', '/lib', '/proc', '/sys', '/usr', '/root', '/var/run', '/run', '/var/lib/kubelet', '/var/lib/docker', '/var/lib/containerd'];

export const hostPathVolume = defineRule({
  id: 'host-path-volume',
  target: 'object',
  title: 'Pod mounts a directory of the node (hostPath)',
  severity: 'warning',
  enabledByDefault: true,
  reports: 'presence',
  concept: 'host-path-volumes',
  rationale:
    'A hostPath volume gives the container a directory of the node itself. Data written there outlives the Pod and ' +
    'differs per node, and system directories (/etc, /var/run, /proc…) let the container read node credentials or ' +
    'change the node; combined with root it is a well-known path to a node takeover.',
  remediation: 'Use an emptyDir, a ConfigMap/Secret, or a PersistentVolumeClaim. If a node agent needs host files, mount only the exact path, read-only, and suppress this finding with a reason.',
  equivalents: {
    kubeLinter: ['sensitive-host-mounts', 'writable-host-mount'],
    polaris: ['hostPathSet'],
    datree: ['CONTAINERS_INCORRECT_KEY_HOSTPATH'],
  },
  differences: 'Every hostPath is reported (as Polaris does); sensitive system paths say so in the message. Runtime sockets are left to `docker-socket-mounted`.',

  check(object) {
    return hostPathVolumes(object).flatMap(({ volume, path, node }) => {
      if (isRuntimeSocket(path)) return [];
      const normalised = path.replace(/\/+$/, '') || '/';
      const sensitive = SENSITIVE.some((s) => normalised === s || (s !== '/' && normalised.startsWith(`${s}/`)));
      const why = sensitive ? 'a sensitive directory of the node' : 'a directory of the node';
      return [{ message: `Volume "${volume}" mounts ${path}, ${why}.`, span: node.span }];
    });
  },
});
