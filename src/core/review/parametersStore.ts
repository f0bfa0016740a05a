import { parametersFileBeside, readParametersFile, writeParametersFile, type StoredParameters } from './parametersFile';

/**
 * The FSRS parameters the scheduler uses, read from fsrs-parameters.json beside the history. A damaged or unreadable
 * file never replaces what was in use: the previous parameters (or FSRS's defaults) stay, and `load` says why.
 */
export class ParametersStore {
  readonly file: string;
  private current: StoredParameters | undefined;

  constructor(historyFile: string) {
    this.file = parametersFileBeside(historyFile);
  }

  /** The stored parameters in use, undefined while FSRS's defaults are used. */
  get stored(): StoredParameters | undefined { return this.current; }

  get weights(): readonly number[] | undefined { return this.current?.weights; }

  /** (Re)reads the file. Returns a problem to show when the file is there but cannot be trusted. */
  async load(): Promise<string | undefined> {
    const read = await readParametersFile(this.file);
    if (!read) { this.current = undefined; return undefined; }
    if (!read.stored) return `The FSRS parameters file ${this.file} was not used: ${read.problem}. ${this.current ? 'The parameters in use are kept' : "FSRS's default parameters are used"}.`;
    this.current = read.stored;
    return undefined;
  }

  /** Writes new parameters (atomically) and uses them from now on. */
  async save(stored: StoredParameters): Promise<void> {
    await writeParametersFile(this.file, stored);
    this.current = stored;
  }
}
