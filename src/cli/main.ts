/** scoregraph CLI entry: `scoregraph run <graph.json> …` (see args.ts for the flags). */
import { registry } from '../nodes/registry';
import { runCli } from './run-command';

const code = await runCli(process.argv.slice(2), registry, {
  stdout: (line) => console.log(line),
  stderr: (line) => console.error(line),
  tty: process.stderr.isTTY,
});
process.exit(code);
