import fs from 'node:fs';
import path from 'node:path';
import { compareKubernetesVersions } from '../model/kubernetesVersion';
import { kubernetesDataDir } from './builtInData';

/** What scripts/gen-kubernetes-data.mjs writes to dist/kubernetes/history.json. */
interface HistoryFile {
  format: 1;
  /** Release of the newest API data (the one fields.json describes). */
  newest: string;
  /** Releases whose API data was compared, oldest first. */
  releases: string[];
  /** type id → field → [first release whose data has it, newest release known without it] */
  fields: Record<string, Record<string, [string, string]>>;
  /** type id → field → [stage ('alpha', 'beta' or ''), feature gate or ''], as the field's description states */
  stages: Record<string, Record<string, [string, string]>>;
  /** `apiVersion kind` → [first release serving it, newest release known not to] */
  kinds: Record<string, [string, string]>;
}

/** Since when something exists: exactly `since` when `after` is the release before it, else somewhere in (after, since]. */
export interface Since {
  since: string;
  after: string;
  exact: boolean;
}

interface FieldMaturity {
  stage?: 'alpha' | 'beta';
  featureGate?: string;
}

const HISTORY_FILE = 'history.json';
let loaded: HistoryFile | undefined;

/** No history (an unbuilt development tree): nothing is known to be recent, so nothing is reported. */
const NO_HISTORY: HistoryFile = { format: 1, newest: '', releases: [], fields: {}, stages: {}, kinds: {} };

/** history.json, loaded once; when it is not there, decided once too: an empty history. */
function history(): HistoryFile {
  if (loaded) return loaded;
  let dir: string | undefined;
  try { dir = kubernetesDataDir(); } catch { dir = undefined; }
  const file = dir && path.join(dir, HISTORY_FILE);
  if (!file || !fs.existsSync(file)) return (loaded = NO_HISTORY);
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as HistoryFile;
  if (raw.format !== 1) throw new Error(`Unsupported Kubernetes history format in ${file}; rebuild with npm run build.`);
  return (loaded = raw);
}

const own = <T>(record: Record<string, T> | undefined, key: string): T | undefined =>
  record && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;

function sinceOf(entry: [string, string] | undefined): Since | undefined {
  if (!entry) return undefined;
  const [since, after] = entry;
  const [major, minor] = since.split('.').map(Number);
  return { since, after, exact: `${major}.${(minor ?? 0) - 1}` === after };
}

/** Since when a field of an API type exists, for fields added within the releases compared; undefined otherwise. */
export function fieldSince(typeId: string, field: string): Since | undefined {
  return sinceOf(own(own(history().fields, typeId), field));
}

/** Since when an apiVersion serves a kind, for those added within the releases compared. */
export function kindSince(apiVersion: string, kind: string): Since | undefined {
  return sinceOf(own(history().kinds, `${apiVersion} ${kind}`));
}

function fieldMaturity(typeId: string, field: string): FieldMaturity | undefined {
  const entry = own(own(history().stages, typeId), field);
  if (!entry) return undefined;
  const [stage, gate] = entry;
  return { ...(stage === 'alpha' || stage === 'beta' ? { stage } : {}), ...(gate ? { featureGate: gate } : {}) };
}

/** Whether a target release certainly lacks what exists `since` (a target inside an unknown range is given the benefit of the doubt). */
export function isMissingIn(target: string, since: Since): boolean {
  return compareKubernetesVersions(target, since.after) <= 0;
}

/** What something needs: "Kubernetes 1.33 or newer" when exact, else "a release after Kubernetes 1.30 (1.32 has it)". */
export function neededRelease(since: Since): string {
  return since.exact ? `Kubernetes ${since.since} or newer` : `a release after Kubernetes ${since.after} (${since.since} has it)`;
}

/** The releases whose API data the history compares, oldest first, and the newest. */
export function historyReleases(): { releases: string[]; newest: string } {
  const { releases, newest } = history();
  return { releases, newest };
}

/**
 * One sentence on since when a recent field exists and how mature the API says it is, for hovers:
 * "New in Kubernetes 1.33 (beta, feature gate ContainerStopSignals)." Undefined for fields older than the history.
 */
export function fieldMaturityText(typeId: string, field: string): string | undefined {
  const since = fieldSince(typeId, field);
  const maturity = fieldMaturity(typeId, field);
  const notes = [maturity?.stage, maturity?.featureGate && `feature gate ${maturity.featureGate}`].filter(Boolean).join(', ');
  if (since) {
    const when = since.exact ? `New in Kubernetes ${since.since}` : `Added after Kubernetes ${since.after}, present by ${since.since}`;
    return `${when}${notes ? ` (${notes})` : ''}.`;
  }
  return maturity?.featureGate ? `The API describes it as ${notes}.` : undefined;
}
