/** The apiVersion Kustomize assumes for a kustomization.yaml that does not name one. */
export const IMPLIED_KUSTOMIZATION = { apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization' } as const;

/** A Kustomize entry point by its file name (the only sign of one that leaves its header out). */
export const isKustomizationFile = (fileName: string | undefined) => !!fileName && /(^|[\\/])kustomization\.ya?ml$/i.test(fileName);
