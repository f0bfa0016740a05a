import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/core/commands';

const root = path.resolve(__dirname, '..', '..');
interface Step { id: string; title: string; description: string; media: Record<string, string>; completionEvents: string[] }
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  icon: string;
  contributes: {
    walkthroughs: { id: string; steps: Step[] }[];
    configuration: { properties: Record<string, unknown> };
    views: Record<string, { id: string }[]>;
  };
};
const steps = manifest.contributes.walkthroughs.flatMap((w) => w.steps);
const ours = (id: string) => id.startsWith('cnc.');

describe('the Get Started walkthrough', () => {
  it('has media files that exist, and an icon', () => {
    for (const file of [manifest.icon, ...steps.flatMap((s) => Object.values(s.media))]) {
      expect(fs.existsSync(path.join(root, file)), file).toBe(true);
    }
  });

  it('completes on events that name our commands, settings and views', () => {
    const views = Object.values(manifest.contributes.views).flat().map((v) => v.id);
    const known: string[] = Object.values(COMMANDS);
    for (const step of steps) {
      expect(step.completionEvents.length, step.id).toBeGreaterThan(0);
      for (const event of step.completionEvents) {
        const [kind, target = ''] = event.split(/:(.*)/s);
        if (kind === 'onCommand' && ours(target)) expect(known, event).toContain(target);
        else if (kind === 'onSettingChanged') expect(Object.keys(manifest.contributes.configuration.properties), event).toContain(target);
        else if (kind === 'onView') expect(views, event).toContain(target);
        else expect(kind, event).toBe('onCommand'); // a built-in command, such as editor.action.quickFix
      }
    }
  });

  it('has buttons that run commands of the table', () => {
    const links = steps.flatMap((s) => [...s.description.matchAll(/\]\(command:([\w.]+)/g)].map((m) => m[1] ?? ''));
    expect(links.filter(ours).length).toBeGreaterThan(0);
    expect(links.filter(ours).filter((c) => !(Object.values(COMMANDS) as string[]).includes(c))).toEqual([]);
  });
});
