import { defineRule } from './rule';
import { hostPathVolumes, isRuntimeSocket } from './support/hostPaths';

export const dockerSocketMounted = defineRule({
  id: 'docker-socket-mounted',
  target: 'object',
  title: 'Pod mounts the container runtime socket',
  severity: 'error',
  enabledByDefault: true,
  reports: 'presence',
  concept: 'host-path-volumes',
  rationale:
    'The Docker, containerd or CRI-O socket is the API that starts containers on the node. Anything that can write to it ' +
    'can start a privileged container with the host filesystem mounted, so mounting it hands the node to the Pod.',
  remediation: 'Remove the volume. Build images with a daemonless builder (BuildKit rootless, Kaniko, Buildah) and read container information from the Kubernetes API instead.',
  equivalents: { kubeLinter: ['docker-sock'], polaris: ['hostPathSet'], checkov: ['CKV_K8S_27'], datree: ['CONTAINERS_INCORRECT_HOSTPATH_VALUE_DOCKERSOCKET'] },

  check(object) {
    return hostPathVolumes(object).flatMap(({ volume, path, node }) =>
      isRuntimeSocket(path) ? [{ message: `Volume "${volume}" mounts the container runtime socket ${path}: whoever uses it controls the node.`, span: node.span }] : []);
  },
});
