import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileAtomically } from './historyStore';
import { weightsProblem, type FitMetrics } from './optimizer';

const PARAMETERS_FORMAT = 'cnc-fsrs-parameters';
const PARAMETERS_VERSION = 1;
/** Kept beside the review history (global storage), in its own small file so the history's format is untouched. */
export const PARAMETERS_FILE_NAME = 'fsrs-parameters.json';

/** FSRS parameters fitted to the user's history, and how well they fitted when they were chosen. */
export interface StoredParameters {
  weights: number[];
  /** When the optimizer produced them, epoch ms. */
  optimizedAt: number;
  /** Reviews they were fitted to and their fit then. */
  reviews: number;
  fit: FitMetrics;
}

export const parametersFileBeside = (historyFile: string): string => path.join(path.dirname(historyFile), PARAMETERS_FILE_NAME);

/**
 * Export History writes the parameters as a second file beside the exported history (`x.json` → `x.fsrs-parameters.json`),
 * so an export stays the plain history file older versions import, and Import History finds the parameters by name.
 */
export const exportedParametersFile = (exportedHistory: string): string => `${exportedHistory.replace(/\.json$/i, '')}.${PARAMETERS_FILE_NAME}`;

export function serializeParameters(stored: StoredParameters): string {
  return `${JSON.stringify({ format: PARAMETERS_FORMAT, version: PARAMETERS_VERSION, ...stored }, null, 2)}\n`;
}

export type ParsedParameters = { stored: StoredParameters; problem?: undefined } | { stored?: undefined; problem: string };

/** Reads the file's text; never throws. A file that cannot be trusted gives a problem, and the caller keeps the defaults. */
export function parseParameters(text: string): ParsedParameters {
  let data: unknown;
  try { data = JSON.parse(text.replace(/^\uFEFF/, '')); } catch (error) { return { problem: `the file is not JSON (${(error as Error).message})` }; }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== PARAMETERS_FORMAT) return { problem: 'the file is not a Cloud-Native Companion FSRS parameters file' };
  const d = data as Record<string, unknown>;
  if (d.version !== PARAMETERS_VERSION) return { problem: `the file has an unknown version (${JSON.stringify(d.version)})` };
  const problem = weightsProblem(d.weights);
  if (problem) return { problem };
  const fit = d.fit as Record<string, unknown> | undefined;
  const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
  if (!finite(d.optimizedAt) || !finite(d.reviews) || !fit || !finite(fit.logLoss) || !finite(fit.rmse)) return { problem: 'the file lacks when and how well the parameters were fitted' };
  return { stored: { weights: d.weights as number[], optimizedAt: d.optimizedAt, reviews: d.reviews, fit: { logLoss: fit.logLoss, rmse: fit.rmse } } };
}

/** The stored parameters, undefined when there are none yet; a damaged file is reported as a problem and left as it is. */
export async function readParametersFile(file: string): Promise<ParsedParameters | undefined> {
  let text: string;
  try { text = await fs.readFile(file, 'utf8'); } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return { problem: `cannot read ${file}: ${(error as Error).message}` };
  }
  return parseParameters(text);
}

/** Written like the history: to a temporary file, flushed, then renamed over the old one. */
export async function writeParametersFile(file: string, stored: StoredParameters): Promise<void> {
  const problem = weightsProblem(stored.weights);
  if (problem) throw new Error(`refusing to store FSRS parameters: ${problem}`);
  await writeFileAtomically(file, serializeParameters(stored));
}
