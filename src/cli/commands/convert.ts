import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { analyse, languageOfPath } from '../../core/analysis/analyse';
import { ingressToGateway } from '../../core/convert/ingressToGateway';
import { BATCH_LIMITS } from '../../core/model/limits';
import { terminalLine } from '../../core/text/escape';
import { messageOf } from '../../core/util/errors';
import { EXIT, UsageError, type Command } from '../cli';

const CONVERSIONS = ['ingress-to-gateway'] as const;

export const convertCommand: Command = {
  name: 'convert',
  summary: 'convert manifests: ingress-to-gateway FILE prints the Gateway API equivalent of its Ingresses',
  help: [
    'Usage: cnc convert ingress-to-gateway FILE [--json]',
    '',
    'Prints, as YAML on standard output, a Gateway per ingress class and namespace (an HTTP listener per host, an',
    'HTTPS listener per TLS host and Secret) and an HTTPRoute per Ingress and host (paths → matches, Services →',
    'backendRefs) for every Ingress in FILE. What has no portable equivalent (annotations, named Service ports,',
    'resource backends, ImplementationSpecific paths) is listed as comments at the top, not guessed.',
    '--json prints {yaml, converted, notConverted} instead. Exit code 1 when FILE holds no Ingress.',
  ].join('\n'),
  run(args) {
    let parsed;
    try { parsed = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false } } }); } catch (error) { throw new UsageError(messageOf(error)); }
    const [conversion, file, ...rest] = parsed.positionals;
    if (!conversion || !(CONVERSIONS as readonly string[]).includes(conversion)) throw new UsageError(`name a conversion: ${CONVERSIONS.join(', ')}`);
    if (!file || rest.length > 0) throw new UsageError('give exactly one FILE');
    if (languageOfPath(file) !== 'yaml') throw new UsageError(`not a YAML file: ${file}`);
    let text: string;
    try { text = fs.readFileSync(file, 'utf8'); } catch { throw new UsageError(`cannot read ${file}`); }
    const analysis = analyse(text, 'yaml', [], { limits: BATCH_LIMITS });
    if (analysis.file?.language !== 'yaml') { console.error(terminalLine(`cnc convert: ${analysis.skipped ?? 'cannot read this file'}`)); return EXIT.findings; }
    const result = ingressToGateway(analysis.file.objects);
    if (parsed.values.json) console.log(JSON.stringify(result, null, 2));
    else process.stdout.write(result.yaml);
    if (result.converted.length === 0) { console.error(terminalLine(`cnc convert: no Ingress in ${file}`)); return EXIT.findings; }
    return EXIT.ok;
  },
};
