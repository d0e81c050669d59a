/** scoregraph CLI entry: `scoregraph run <graph.json> …` (args.ts) and `scoregraph export … --to pytorch` (export-command.ts). */
import { registry } from '../nodes/registry';
import { runExport } from './export-command';
import { runCli } from './run-command';

const argv = process.argv.slice(2);
const io = {
  stdout: (line: string) => console.log(line),
  stderr: (line: string) => console.error(line),
  tty: process.stderr.isTTY,
};
const code =
  argv[0] === 'export' ? await runExport(argv.slice(1), registry, io) : await runCli(argv, registry, io);
process.exit(code);
