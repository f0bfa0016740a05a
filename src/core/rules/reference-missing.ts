import { danglingReferenceRule } from './support/danglingReferences';

export const referenceMissing = danglingReferenceRule({
  id: 'reference-missing',
  strict: false,
  enabledByDefault: true,
  title: 'Reference to a ConfigMap, Secret, claim, service account, role or Service that is not defined',
});
