import type { FieldSpec, TypeRef, TypeSpec } from './apiTypes';

/**
 * The custom resources the notes talk about, documented in our own words (their projects' CRDs are not shipped):
 * Argo CD Application, Flux GitRepository / Kustomization / HelmRelease, Knative Serving Service and Kustomize's
 * kustomization.yaml. Only their main fields are described, so validation treats other keys as allowed.
 */
interface CustomKind {
  group: string;
  kind: string;
  /** apiVersions in use; any other version of the group still gets these docs. */
  versions: string[];
  type: string;
  docs: string;
}

type FieldDecl = [TypeRef, string] | [TypeRef, string, { required?: boolean; readOnly?: boolean; enum?: string[] }];
interface TypeDecl { name: string; description: string; extends?: string; fields: Record<string, FieldDecl> }

const META: FieldDecl = ['meta.v1.ObjectMeta', "The object's name, namespace, labels and annotations."];
const STATUS: FieldDecl = ['any', 'Written by the controller to report progress and conditions; not part of what you declare.', { readOnly: true }];
const DURATION = 'a Go duration such as `30s`, `5m` or `1h`';

const ARGO = 'cr.argoproj.io.';
const FLUX_SOURCE = 'cr.source.toolkit.fluxcd.io.';
const FLUX_KUSTOMIZE = 'cr.kustomize.toolkit.fluxcd.io.';
const FLUX_HELM = 'cr.helm.toolkit.fluxcd.io.';
const KNATIVE = 'cr.serving.knative.dev.';
const KUSTOMIZE = 'cr.kustomize.config.k8s.io.';

const TYPES: Record<string, TypeDecl> = {
  'cr.ref.NamespacedName': { name: 'NamespacedReference', description: 'Points at another object by name (and namespace, when it may live elsewhere).', fields: {
    name: ['string', 'Name of the object referred to.', { required: true }],
    namespace: ['string', "Its namespace; the referring object's own namespace when empty."],
  } },
  'cr.ref.KindNamespacedName': { name: 'CrossNamespaceSourceReference', description: 'Points at a Flux source object by kind and name.', fields: {
    apiVersion: ['string', 'API version of the source; the current one of its kind when empty.'],
    kind: ['string', 'Kind of the source object.', { required: true }],
    name: ['string', 'Name of the source object.', { required: true }],
    namespace: ['string', "Namespace of the source; the referring object's namespace when empty (cross-namespace references can be disabled cluster-wide)."],
  } },
  'cr.ref.ImageOverride': { name: 'Image', description: 'Rewrites one container image reference without patching the objects that use it.', fields: {
    name: ['string', 'The image as written in the manifests (without tag), which this entry matches.', { required: true }],
    newName: ['string', 'Replacement image name (registry and repository).'],
    newTag: ['string', 'Replacement tag.'],
    digest: ['string', 'Replacement digest (`sha256:...`); pins the exact image and wins over newTag.'],
  } },
  'cr.ref.Patch': { name: 'Patch', description: 'A strategic-merge or JSON 6902 patch and the objects it applies to.', fields: {
    path: ['string', 'File holding the patch, relative to the kustomization.'],
    patch: ['string', 'The patch itself, inline (YAML for a strategic merge, a list of operations for JSON 6902).'],
    target: ['cr.ref.PatchTarget', 'Which objects the patch applies to; without it, the patch names its object itself.'],
    options: ['{}boolean', '`allowNameChange` / `allowKindChange`: let the patch rename an object or change its kind.'],
  } },
  'cr.ref.PatchTarget': { name: 'Selector', description: 'Selects objects by group, version, kind, name, namespace or selectors; every field given must match.', fields: {
    group: ['string', 'API group, e.g. `apps`.'],
    version: ['string', 'API version, e.g. `v1`.'],
    kind: ['string', 'Kind, e.g. `Deployment`.'],
    name: ['string', 'Name (a regular expression).'],
    namespace: ['string', 'Namespace (a regular expression).'],
    labelSelector: ['string', 'Label selector, e.g. `app=web,tier!=cache`.'],
    annotationSelector: ['string', 'Annotation selector, same syntax as labelSelector.'],
  } },

  // Argo CD
  [`${ARGO}Application`]: { name: 'Application', description: 'An Argo CD application: a source of manifests (Git, Helm, OCI) and the cluster and namespace Argo CD keeps in sync with it.', fields: {
    apiVersion: ['string', 'argoproj.io/v1alpha1'], kind: ['string', 'Application'], metadata: META,
    spec: [`${ARGO}ApplicationSpec`, 'What to deploy, where, and how Argo CD syncs it.', { required: true }],
    operation: ['any', 'A one-off operation (usually a sync) requested through the CLI or UI; Argo CD clears it when done.'],
    status: STATUS,
  } },
  [`${ARGO}ApplicationSpec`]: { name: 'ApplicationSpec', description: 'Desired state of an Argo CD application.', fields: {
    project: ['string', 'The AppProject this application belongs to. Projects restrict which repositories, clusters, namespaces and kinds an application may use; `default` allows everything.', { required: true }],
    source: [`${ARGO}ApplicationSource`, 'Where the desired manifests come from. Argo CD renders them (plain YAML, Kustomize, Helm or a plugin) and compares the result with the cluster.'],
    sources: [`[]${ARGO}ApplicationSource`, 'Several sources combined into one application, e.g. a chart from a Helm repository plus its values file from Git (`ref` + `$ref/values.yaml`). Use instead of `source`.'],
    destination: [`${ARGO}ApplicationDestination`, 'The cluster and namespace to deploy to.', { required: true }],
    syncPolicy: [`${ARGO}SyncPolicy`, 'When and how Argo CD syncs. Without `automated`, differences are only reported and a person starts each sync.'],
    ignoreDifferences: [`[]${ARGO}ResourceIgnoreDifferences`, 'Fields Argo CD should not count as drift, e.g. `/spec/replicas` owned by an autoscaler or a webhook\'s injected CA bundle.'],
    revisionHistoryLimit: ['number', 'How many past syncs are kept for rollback (10 when unset).'],
    info: ['[]any', 'Name/value pairs shown in the Argo CD UI (links to dashboards, owners).'],
  } },
  [`${ARGO}ApplicationSource`]: { name: 'ApplicationSource', description: 'One source of manifests for an Argo CD application.', fields: {
    repoURL: ['string', 'URL of the Git repository, Helm chart repository or OCI registry.', { required: true }],
    path: ['string', 'Directory inside a Git repository holding plain manifests, a Kustomize overlay or a Helm chart.'],
    targetRevision: ['string', 'What to track: a branch, tag or commit for Git (`HEAD` when empty), a chart version or semver range for Helm. A branch deploys every new commit; a tag or SHA pins the version.'],
    chart: ['string', 'Chart name, when repoURL is a Helm repository.'],
    ref: ['string', 'Names this source so another source can read its files as `$<ref>/path` (typically a values file kept in Git).'],
    helm: [`${ARGO}ApplicationSourceHelm`, 'Helm rendering options: values files, inline values, parameters, release name.'],
    kustomize: [`${ARGO}ApplicationSourceKustomize`, 'Kustomize options applied on top of the kustomization: images, name prefix/suffix, labels.'],
    directory: [`${ARGO}ApplicationSourceDirectory`, 'Options for a directory of plain manifests (or Jsonnet): recursion, include/exclude globs.'],
    plugin: ['any', 'Render with a config management plugin instead of Helm, Kustomize or plain YAML.'],
  } },
  [`${ARGO}ApplicationSourceHelm`]: { name: 'ApplicationSourceHelm', description: 'How Argo CD renders a Helm chart (it runs `helm template`; Helm does not manage the release).', fields: {
    valueFiles: ['[]string', 'Values files, relative to the chart or `$ref/...` from another source, applied in order.'],
    values: ['string', 'Inline values as one YAML string; `valuesObject` is the structured form.'],
    valuesObject: ['object', 'Inline values as a YAML object; wins over `values`.'],
    parameters: ['[]any', 'Single values set like `helm --set name=value` (`name`, `value`, `forceString`).'],
    releaseName: ['string', "Release name used when rendering; the application's name when empty."],
    skipCrds: ['boolean', "Leave out the chart's CRDs."],
    version: ['string', 'Helm version used to render (`v3`).'],
  } },
  [`${ARGO}ApplicationSourceKustomize`]: { name: 'ApplicationSourceKustomize', description: 'Kustomize options Argo CD applies when building the overlay.', fields: {
    images: ['[]string', 'Image overrides like `kustomize edit set image`: `name=newName:tag` or `name:tag`.'],
    namePrefix: ['string', 'Prefix added to every object name.'],
    nameSuffix: ['string', 'Suffix added to every object name.'],
    namespace: ['string', 'Namespace set on every namespaced object.'],
    commonLabels: ['{}string', 'Labels added to every object (and to selectors).'],
    commonAnnotations: ['{}string', 'Annotations added to every object.'],
    patches: ['[]cr.ref.Patch', 'Patches applied after the build.'],
    components: ['[]string', 'Kustomize components added to the build.'],
    version: ['string', 'Which configured Kustomize binary to use.'],
  } },
  [`${ARGO}ApplicationSourceDirectory`]: { name: 'ApplicationSourceDirectory', description: 'Options for a directory of plain manifests.', fields: {
    recurse: ['boolean', 'Also read manifests in subdirectories (off by default).'],
    include: ['string', 'Glob of files to read, e.g. `*.yaml` or `{a.yaml,b.yaml}`.'],
    exclude: ['string', 'Glob of files to skip.'],
    jsonnet: ['any', 'Jsonnet options: external variables and top-level arguments.'],
  } },
  [`${ARGO}ApplicationDestination`]: { name: 'ApplicationDestination', description: 'Target cluster and namespace; give either server or name.', fields: {
    server: ['string', 'API server URL of the cluster; `https://kubernetes.default.svc` is the cluster Argo CD itself runs in.'],
    name: ['string', 'Name of a cluster registered in Argo CD, instead of its URL.'],
    namespace: ['string', "Namespace for namespaced objects that do not set their own; it must exist unless syncOptions has `CreateNamespace=true`."],
  } },
  [`${ARGO}SyncPolicy`]: { name: 'SyncPolicy', description: 'When and how Argo CD applies the desired state.', fields: {
    automated: [`${ARGO}SyncPolicyAutomated`, 'Sync by itself whenever Git and the cluster differ. Without it, Argo CD only reports OutOfSync.'],
    syncOptions: ['[]string', 'Options such as `CreateNamespace=true`, `ServerSideApply=true`, `PruneLast=true`, `ApplyOutOfSyncOnly=true`, `Replace=true`.'],
    retry: [`${ARGO}RetryStrategy`, 'Retries for a failed sync, with backoff.'],
    managedNamespaceMetadata: ['any', 'Labels and annotations for the namespace that `CreateNamespace=true` creates.'],
  } },
  [`${ARGO}SyncPolicyAutomated`]: { name: 'SyncPolicyAutomated', description: 'Automatic sync: Git is the source of truth and Argo CD applies every change.', fields: {
    prune: ['boolean', 'Delete objects that were removed from Git. Off by default: deleting a file from Git leaves its object running.'],
    selfHeal: ['boolean', 'Undo changes made directly in the cluster (drift) by syncing again, not only when Git changes.'],
    allowEmpty: ['boolean', 'Allow a sync that leaves the application with no objects at all (otherwise pruning everything is refused).'],
  } },
  [`${ARGO}RetryStrategy`]: { name: 'RetryStrategy', description: 'How failed syncs are retried.', fields: {
    limit: ['number', 'Maximum attempts; a negative number retries forever.'],
    backoff: ['any', `Wait between attempts: \`duration\` (${DURATION}), multiplied by \`factor\` each time, capped at \`maxDuration\`.`],
  } },
  [`${ARGO}ResourceIgnoreDifferences`]: { name: 'ResourceIgnoreDifferences', description: 'Fields of matching objects that Argo CD ignores when comparing Git with the cluster.', fields: {
    group: ['string', 'API group of the objects (empty for the core group).'],
    kind: ['string', 'Kind of the objects.', { required: true }],
    name: ['string', 'Only this object.'],
    namespace: ['string', 'Only objects in this namespace.'],
    jsonPointers: ['[]string', 'JSON Pointers (RFC 6901) of the ignored fields, e.g. `/spec/replicas`.'],
    jqPathExpressions: ['[]string', 'jq path expressions of the ignored fields, for list items matched by content.'],
    managedFieldsManagers: ['[]string', 'Ignore every field owned by these field managers (e.g. an autoscaler).'],
  } },

  // Flux sources
  [`${FLUX_SOURCE}GitRepository`]: { name: 'GitRepository', description: "A Flux source: the source controller clones a Git repository at an interval and publishes the checked-out revision as an artifact that Kustomizations and HelmReleases consume.", fields: {
    apiVersion: ['string', 'source.toolkit.fluxcd.io/v1'], kind: ['string', 'GitRepository'], metadata: META,
    spec: [`${FLUX_SOURCE}GitRepositorySpec`, 'Which repository, which reference, how often, with which credentials.', { required: true }],
    status: STATUS,
  } },
  [`${FLUX_SOURCE}GitRepositorySpec`]: { name: 'GitRepositorySpec', description: 'What the source controller fetches.', fields: {
    url: ['string', 'Repository URL: `https://`, `http://` or `ssh://` (SSH needs secretRef with a private key and known_hosts).', { required: true }],
    interval: ['string', `How often to look for new commits, ${DURATION}.`, { required: true }],
    ref: [`${FLUX_SOURCE}GitRepositoryRef`, 'Which branch, tag, semver range, reference or commit to check out; the default branch when empty.'],
    secretRef: ['core.v1.LocalObjectReference', 'Secret in the same namespace with credentials: `username` and `password` (or a token) for HTTPS, `identity` and `known_hosts` for SSH.'],
    timeout: ['string', 'Time limit for Git operations (60s by default).'],
    ignore: ['string', 'Paths to leave out of the artifact, in .gitignore syntax.'],
    suspend: ['boolean', 'Pause reconciliation of this source until set back to false.'],
    recurseSubmodules: ['boolean', 'Also clone Git submodules.'],
    include: ['[]any', "Other GitRepositories whose artifacts are copied into this one's (`repository`, `fromPath`, `toPath`)."],
    verify: ['any', "Verify the commit's or tag's signature (`mode`) with the public keys in `secretRef`; an unsigned or badly signed revision is not used."],
    proxySecretRef: ['core.v1.LocalObjectReference', 'Secret with the proxy address and credentials used to reach the repository.'],
  } },
  [`${FLUX_SOURCE}GitRepositoryRef`]: { name: 'GitRepositoryRef', description: 'The Git reference to check out. When several are set, commit wins over name, name over semver, semver over tag, tag over branch.', fields: {
    branch: ['string', 'Follow the head of this branch.'],
    tag: ['string', 'Check out this tag.'],
    semver: ['string', 'A semver range; the newest matching tag is checked out.'],
    name: ['string', 'A full reference name, e.g. `refs/heads/main` or `refs/pull/42/head`.'],
    commit: ['string', 'An exact commit SHA (with branch, it must be on that branch).'],
  } },

  // Flux Kustomization
  [`${FLUX_KUSTOMIZE}Kustomization`]: { name: 'Kustomization', description: "A Flux Kustomization: the kustomize controller builds a path of a source's artifact with Kustomize and applies the result to the cluster, pruning and correcting drift at every interval. Not the same thing as Kustomize's own kustomization.yaml.", fields: {
    apiVersion: ['string', 'kustomize.toolkit.fluxcd.io/v1'], kind: ['string', 'Kustomization'], metadata: META,
    spec: [`${FLUX_KUSTOMIZE}KustomizationSpec`, 'Which source and path to apply, how often, and how.', { required: true }],
    status: STATUS,
  } },
  [`${FLUX_KUSTOMIZE}KustomizationSpec`]: { name: 'KustomizationSpec', description: 'What the kustomize controller applies and how.', fields: {
    sourceRef: ['cr.ref.KindNamespacedName', 'The Flux source (GitRepository, OCIRepository or Bucket) whose artifact holds the manifests.', { required: true }],
    path: ['string', 'Directory inside the artifact to build. Its kustomization.yaml is used; without one, Flux generates one with every manifest there. The root when empty.'],
    interval: ['string', `How often to reconcile the cluster with the source, even without new commits (drift is corrected), ${DURATION}.`, { required: true }],
    retryInterval: ['string', 'Wait before retrying after a failed reconciliation; interval when empty.'],
    prune: ['boolean', 'Delete objects this Kustomization applied before that are no longer in the source.', { required: true }],
    targetNamespace: ['string', 'Namespace set on every namespaced object, overriding the manifests.'],
    dependsOn: ['[]cr.ref.NamespacedName', 'Kustomizations that must be ready before this one is applied (e.g. CRDs before the objects that use them).'],
    wait: ['boolean', 'Wait until every applied object is ready before this Kustomization reports ready.'],
    healthChecks: ['[]cr.ref.KindNamespacedName', 'Objects whose readiness decides this Kustomization\'s health.'],
    timeout: ['string', 'Time limit for building, applying and health checks.'],
    suspend: ['boolean', 'Pause reconciliation until set back to false.'],
    force: ['boolean', 'Delete and recreate an object when an immutable field changed and the apply failed.'],
    serviceAccountName: ['string', 'Service account impersonated while applying, which limits what this Kustomization may change.'],
    postBuild: ['any', 'Variable substitution after the build: `${VAR}` replaced from `substitute` values or from ConfigMaps and Secrets in `substituteFrom`.'],
    patches: ['[]cr.ref.Patch', 'Patches applied to the built objects.'],
    images: ['[]cr.ref.ImageOverride', 'Image overrides applied to the built objects.'],
    components: ['[]string', 'Kustomize components added to the build.'],
    namePrefix: ['string', 'Prefix added to every object name.'],
    nameSuffix: ['string', 'Suffix added to every object name.'],
    commonMetadata: ['any', 'Labels and annotations added to every object (not to selectors).'],
    decryption: ['any', 'Decrypt SOPS-encrypted Secrets (`provider: sops`) with the keys in `secretRef`.'],
    kubeConfig: ['any', 'Apply to another cluster, with the kubeconfig in this Secret.'],
  } },

  // Flux HelmRelease
  [`${FLUX_HELM}HelmRelease`]: { name: 'HelmRelease', description: 'A Flux HelmRelease: the helm controller installs a chart with the given values and keeps the release upgraded, remediated and free of drift.', fields: {
    apiVersion: ['string', 'helm.toolkit.fluxcd.io/v2'], kind: ['string', 'HelmRelease'], metadata: META,
    spec: [`${FLUX_HELM}HelmReleaseSpec`, 'Which chart, which values, and how installs and upgrades behave.', { required: true }],
    status: STATUS,
  } },
  [`${FLUX_HELM}HelmReleaseSpec`]: { name: 'HelmReleaseSpec', description: 'What the helm controller installs and how.', fields: {
    chart: [`${FLUX_HELM}HelmChartTemplate`, 'The chart to install; the controller creates a HelmChart object from this template. Use either chart or chartRef.'],
    chartRef: ['cr.ref.KindNamespacedName', 'An existing OCIRepository or HelmChart to install from, instead of the chart template.'],
    interval: ['string', `How often the release is reconciled (upgraded when the chart or values changed), ${DURATION}.`, { required: true }],
    releaseName: ['string', 'Helm release name; `[targetNamespace-]name` when empty.'],
    targetNamespace: ['string', "Namespace the chart is installed into; the HelmRelease's namespace when empty."],
    storageNamespace: ['string', 'Namespace where Helm stores the release history.'],
    values: ['object', 'Values for the chart, as in a values.yaml file; merged last, over valuesFrom.'],
    valuesFrom: ['[]any', 'Values read from ConfigMaps or Secrets (`kind`, `name`, `valuesKey`, `targetPath`, `optional`), merged in order.'],
    install: ['any', 'First install: `remediation.retries` on failure, `crds` handling, `createNamespace`, `timeout`.'],
    upgrade: ['any', 'Upgrades: `remediation` (retries, rollback or uninstall on failure), `crds` handling, `cleanupOnFail`, `force`.'],
    rollback: ['any', 'Options for rollbacks the controller performs as remediation.'],
    uninstall: ['any', 'Options for uninstalling (`keepHistory`, `disableHooks`).'],
    test: ['any', 'Run the chart\'s Helm tests after install and upgrade (`enable: true`).'],
    dependsOn: ['[]cr.ref.NamespacedName', 'HelmReleases that must be ready before this one is installed.'],
    suspend: ['boolean', 'Pause reconciliation until set back to false.'],
    timeout: ['string', 'Time limit for each Helm action (5m by default).'],
    serviceAccountName: ['string', 'Service account impersonated for Helm actions.'],
    maxHistory: ['number', 'How many release revisions Helm keeps (5 by default).'],
    driftDetection: ['any', '`mode: enabled` corrects changes made in the cluster to the released objects, `warn` only reports them.'],
    postRenderers: ['[]any', 'Kustomize patches and image overrides applied to the rendered manifests before they are applied.'],
    kubeConfig: ['any', 'Install into another cluster, with the kubeconfig in this Secret.'],
  } },
  [`${FLUX_HELM}HelmChartTemplate`]: { name: 'HelmChartTemplate', description: 'Template of the HelmChart object that fetches the chart.', fields: {
    spec: [`${FLUX_HELM}HelmChartTemplateSpec`, 'Chart name, version and source.', { required: true }],
    metadata: ['any', 'Labels and annotations for the generated HelmChart.'],
  } },
  [`${FLUX_HELM}HelmChartTemplateSpec`]: { name: 'HelmChartTemplateSpec', description: 'Which chart to fetch and from which Flux source.', fields: {
    chart: ['string', 'Chart name in a Helm repository, or its path in a Git repository or bucket.', { required: true }],
    version: ['string', 'Chart version or semver range (`1.2.x`, `>=4.0.0`); the newest when empty. Ignored for Git and bucket sources.'],
    sourceRef: ['cr.ref.KindNamespacedName', 'The HelmRepository, GitRepository or Bucket holding the chart.', { required: true }],
    interval: ['string', 'How often to check the source for a new chart version.'],
    reconcileStrategy: ['string', 'For Git and bucket sources: rebuild the chart on a new chart version (`ChartVersion`, default) or on every new source revision (`Revision`).', { enum: ['ChartVersion', 'Revision'] }],
    valuesFiles: ['[]string', "Values files inside the chart, merged in order; they replace the chart's values.yaml as the base."],
    verify: ['any', 'Verify the chart\'s signature (OCI charts).'],
  } },

  // Knative Serving
  [`${KNATIVE}Service`]: { name: 'Service', description: 'A Knative Service: runs a container as an autoscaled, request-driven workload (down to zero) with a stable URL. Each change to its template creates a new immutable Revision, and traffic can be split between Revisions. Not the core Kubernetes Service.', fields: {
    apiVersion: ['string', 'serving.knative.dev/v1'], kind: ['string', 'Service'], metadata: META,
    spec: [`${KNATIVE}ServiceSpec`, 'The Revision template and how traffic is split.'],
    status: STATUS,
  } },
  [`${KNATIVE}ServiceSpec`]: { name: 'ServiceSpec', description: 'Desired state of a Knative Service.', fields: {
    template: [`${KNATIVE}RevisionTemplateSpec`, 'Template for Revisions: every change here makes a new immutable Revision.'],
    traffic: [`[]${KNATIVE}TrafficTarget`, 'How requests are split between Revisions; everything goes to the latest ready Revision when empty.'],
  } },
  [`${KNATIVE}RevisionTemplateSpec`]: { name: 'RevisionTemplateSpec', description: 'Metadata and spec of the Revisions this Service creates.', fields: {
    metadata: ['meta.v1.ObjectMeta', 'Labels and annotations of the Revision. Autoscaling is tuned here with `autoscaling.knative.dev/*` annotations (`min-scale`, `max-scale`, `target`); `name` fixes the Revision name.'],
    spec: [`${KNATIVE}RevisionSpec`, 'The Pod-like spec of each Revision (usually one container) plus request handling limits.'],
  } },
  [`${KNATIVE}RevisionSpec`]: { name: 'RevisionSpec', description: 'A subset of the Pod spec (containers, volumes, service account, ...) plus how a Revision handles requests.', extends: 'core.v1.PodSpec', fields: {
    containerConcurrency: ['number', 'Most requests one replica handles at once; 0 (default) sets no hard limit and the autoscaler aims at its soft target instead.'],
    timeoutSeconds: ['number', 'Longest a request may take before Knative answers with an error.'],
    responseStartTimeoutSeconds: ['number', 'How long the container may take to start answering a request.'],
    idleTimeoutSeconds: ['number', 'How long a request may stay open without any bytes being sent.'],
  } },
  [`${KNATIVE}TrafficTarget`]: { name: 'TrafficTarget', description: 'One share of the traffic.', fields: {
    revisionName: ['string', 'Send this share to this Revision.'],
    latestRevision: ['boolean', 'Send this share to the latest ready Revision (true) or to revisionName (false).'],
    percent: ['number', 'Share of requests, 0-100; all percents must add up to 100.'],
    tag: ['string', 'Gives this target its own URL (`<tag>-<service>...`), e.g. to try a candidate before shifting traffic to it.'],
    configurationName: ['string', 'Send this share to the latest ready Revision of this Configuration.'],
    url: ['string', 'The tagged URL, filled in by Knative.', { readOnly: true }],
  } },

  // Kustomize
  [`${KUSTOMIZE}Kustomization`]: { name: 'Kustomization', description: "Kustomize's kustomization.yaml: which resources to build and how to change them (namespace, names, labels, images, patches, generated ConfigMaps and Secrets), with no templates. `kubectl apply -k` and `kustomize build` read it; it is never applied to the cluster itself.", fields: {
    apiVersion: ['string', 'kustomize.config.k8s.io/v1beta1 (optional in a kustomization.yaml).'],
    kind: ['string', 'Kustomization (or Component for a reusable component).'],
    metadata: ['any', 'Only a name, for your own reference; not applied anywhere.'],
    resources: ['[]string', 'Files, directories (other kustomizations) and remote Git URLs whose objects are included.'],
    components: ['[]string', 'Kustomize components: reusable bundles of resources and patches, applied in order.'],
    bases: ['[]string', 'Deprecated: the old name for directories listed in resources.'],
    namespace: ['string', 'Namespace set on every namespaced object.'],
    namePrefix: ['string', 'Prefix added to every object name; references to renamed ConfigMaps, Secrets and Services are updated too.'],
    nameSuffix: ['string', 'Suffix added to every object name, with references updated.'],
    labels: [`[]${KUSTOMIZE}Label`, 'Labels added to every object; with includeSelectors they also go into selectors and Pod templates.'],
    commonLabels: ['{}string', 'Deprecated in favour of labels: adds labels to every object and also to selectors, which cannot change on an existing Deployment.'],
    commonAnnotations: ['{}string', 'Annotations added to every object.'],
    images: ['[]cr.ref.ImageOverride', 'Changes container image references (name, tag, digest) without patching.'],
    replicas: ['[]any', 'Sets the replica count (`name`, `count`) of the named workloads.'],
    patches: ['[]cr.ref.Patch', 'Strategic-merge or JSON 6902 patches, from a file or inline, applied to the objects their target selects.'],
    patchesStrategicMerge: ['[]string', 'Deprecated: strategic-merge patches; use patches.'],
    patchesJson6902: ['[]any', 'Deprecated: JSON 6902 patches; use patches.'],
    configMapGenerator: [`[]${KUSTOMIZE}Generator`, 'ConfigMaps generated from files, literals or env files. A hash of the content is appended to the name, so changing the data rolls out the Pods that use it.'],
    secretGenerator: [`[]${KUSTOMIZE}Generator`, 'Secrets generated like configMapGenerator (the values are only base64-encoded, not encrypted).'],
    generatorOptions: ['any', 'Options for all generators: `disableNameSuffixHash`, `labels`, `annotations`, `immutable`.'],
    helmCharts: ['[]any', 'Helm charts inflated into objects (`name`, `repo`, `version`, `valuesFile`, `valuesInline`); needs `kustomize build --enable-helm`.'],
    crds: ['[]string', 'CRD files, so that custom resources get name references and patches right.'],
    openapi: ['any', 'An OpenAPI schema file for custom types, used by strategic merge patches.'],
    transformers: ['[]string', 'Transformer plugin configurations applied to the objects.'],
    generators: ['[]string', 'Generator plugin configurations that add objects.'],
    validators: ['[]string', 'Validator plugin configurations run on the result.'],
    buildMetadata: ['[]string', 'Annotations recording how objects were built (`managedByLabel`, `originAnnotations`).'],
    sortOptions: ['any', 'Output order: `legacy` (kinds in dependency order) or `fifo`.'],
  } },
  [`${KUSTOMIZE}Label`]: { name: 'Label', description: 'Labels and where Kustomize writes them.', fields: {
    pairs: ['{}string', 'The labels.'],
    includeSelectors: ['boolean', 'Also add them to selectors (and Pod templates). Changing a selector of an existing Deployment is rejected, so only for new workloads.'],
    includeTemplates: ['boolean', 'Also add them to Pod templates, without touching selectors.'],
    fields: ['[]any', 'Extra field paths to write the labels to.'],
  } },
  [`${KUSTOMIZE}Generator`]: { name: 'GeneratorArgs', description: 'One generated ConfigMap or Secret.', fields: {
    name: ['string', 'Base name; a content hash is appended unless disabled.', { required: true }],
    namespace: ['string', 'Namespace of the generated object.'],
    behavior: ['string', 'What happens when a base already generates one with this name: `create` (default, error), `replace` or `merge`.', { enum: ['create', 'replace', 'merge'] }],
    files: ['[]string', 'Files whose content becomes entries (key = file name, or `key=path`).'],
    literals: ['[]string', '`KEY=value` entries.'],
    envs: ['[]string', 'Env files with one `KEY=value` per line.'],
    type: ['string', 'Secret type (secretGenerator only), e.g. `kubernetes.io/tls`.'],
    options: ['any', 'Per-generator `labels`, `annotations`, `disableNameSuffixHash`, `immutable`.'],
  } },
};

const KINDS: CustomKind[] = [
  { group: 'argoproj.io', kind: 'Application', versions: ['v1alpha1'], type: `${ARGO}Application`, docs: 'https://argo-cd.readthedocs.io/en/stable/operator-manual/declarative-setup/#applications' },
  { group: 'source.toolkit.fluxcd.io', kind: 'GitRepository', versions: ['v1', 'v1beta2'], type: `${FLUX_SOURCE}GitRepository`, docs: 'https://fluxcd.io/flux/components/source/gitrepositories/' },
  { group: 'kustomize.toolkit.fluxcd.io', kind: 'Kustomization', versions: ['v1', 'v1beta2'], type: `${FLUX_KUSTOMIZE}Kustomization`, docs: 'https://fluxcd.io/flux/components/kustomize/kustomizations/' },
  { group: 'helm.toolkit.fluxcd.io', kind: 'HelmRelease', versions: ['v2', 'v2beta2', 'v2beta1'], type: `${FLUX_HELM}HelmRelease`, docs: 'https://fluxcd.io/flux/components/helm/helmreleases/' },
  { group: 'serving.knative.dev', kind: 'Service', versions: ['v1'], type: `${KNATIVE}Service`, docs: 'https://knative.dev/docs/serving/' },
  { group: 'kustomize.config.k8s.io', kind: 'Kustomization', versions: ['v1beta1'], type: `${KUSTOMIZE}Kustomization`, docs: 'https://kubectl.docs.kubernetes.io/references/kustomize/kustomization/' },
  { group: 'kustomize.config.k8s.io', kind: 'Component', versions: ['v1alpha1'], type: `${KUSTOMIZE}Kustomization`, docs: 'https://kubectl.docs.kubernetes.io/guides/config_management/components/' },
];

export interface CustomKindInfo { group: string; kind: string; versions: readonly string[]; typeId: string; docs: string }

export function customKind(group: string, kind: string): CustomKindInfo | undefined {
  const k = KINDS.find((c) => c.group === group && c.kind === kind);
  return k && { group: k.group, kind: k.kind, versions: k.versions, typeId: k.type, docs: k.docs };
}

export function customKinds(): CustomKindInfo[] {
  return KINDS.map((k) => ({ group: k.group, kind: k.kind, versions: k.versions, typeId: k.type, docs: k.docs }));
}

const built = new Map<string, TypeSpec>();

/** A custom type; `builtIn` resolves the Kubernetes types they point at (Knative's RevisionSpec extends PodSpec). */
export function customType(id: string, builtIn: (id: string) => TypeSpec | undefined): TypeSpec | undefined {
  const cached = built.get(id);
  if (cached) return cached;
  const decl = Object.prototype.hasOwnProperty.call(TYPES, id) ? TYPES[id] : undefined;
  if (!decl) return undefined;
  const own = new Map<string, FieldSpec>(Object.entries(decl.fields).map(([name, [type, description, flags]]) => [name, {
    type, description, required: flags?.required ?? false, readOnly: flags?.readOnly ?? false, ...(flags?.enum ? { enum: flags.enum } : {}),
  }]));
  const base = () => (decl.extends ? builtIn(decl.extends) : undefined);
  const spec: TypeSpec = {
    id, name: decl.name, description: decl.description, custom: true, open: true,
    field: (name) => own.get(name) ?? base()?.field(name),
    fieldNames: () => [...new Set([...own.keys(), ...(base()?.fieldNames() ?? [])])],
  };
  built.set(id, spec);
  return spec;
}

export function customTypeIds(): string[] {
  return Object.keys(TYPES);
}
