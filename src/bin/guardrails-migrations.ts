// The `guardrails-migrations` bin (built to dist/guardrails-migrations.js with a node shebang).
import { version } from '../../package.json';
import { runCli } from '../migration/history/cli';

process.exitCode = runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  version,
});
