import { danglingReferenceRule } from './support/danglingReferences';

export const referenceMissingStrict = danglingReferenceRule({
  id: 'reference-missing-strict',
  strict: true,
  enabledByDefault: false,
  title: 'Reference to an object not defined in the linted files, judged as if they held the whole app',
});
