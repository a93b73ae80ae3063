import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Mozilla's linter on the Firefox build. Errors fail, and so does every warning except one we have
 * read and accept: Preact's renderer assigns `innerHTML` for the `dangerouslySetInnerHTML` prop, which
 * Rapport never uses (a Biome rule and tests/unit/meta/boundaries.test.ts forbid it). That warning is
 * accepted only where the flagged code is that Preact branch.
 */
interface Message {
  code: string;
  file?: string;
  line?: number;
  column?: number;
  message: string;
}

const sourceDir = resolve(import.meta.dirname, '..', process.env.RAPPORT_OUT_DIR ?? '.output', 'firefox-mv2');
let stdout: string;
try {
  stdout = execFileSync('npx', ['web-ext', 'lint', '--source-dir', sourceDir, '--output', 'json'], {
    encoding: 'utf8',
  });
} catch (error) {
  // web-ext exits non-zero when it finds errors; the JSON report is still on stdout.
  stdout = (error as { stdout?: string }).stdout ?? '';
}
const report = JSON.parse(stdout) as { errors: Message[]; warnings: Message[]; notices: Message[] };

function isPreactInnerHtml(message: Message): boolean {
  if (message.code !== 'UNSAFE_VAR_ASSIGNMENT' || !message.file || message.column === undefined) return false;
  const line =
    readFileSync(resolve(sourceDir, message.file), 'utf8').split('\n')[(message.line ?? 1) - 1] ?? '';
  const around = line.slice(Math.max(0, message.column - 400), message.column + 100);
  return around.includes('dangerouslySetInnerHTML') && /\.innerHTML=\w+\.__html|\.innerHTML=``/.test(around);
}

const accepted = report.warnings.filter(isPreactInnerHtml);
const problems = [...report.errors, ...report.warnings.filter((warning) => !accepted.includes(warning))];
for (const problem of problems) {
  console.error(
    `web-ext lint: ${problem.code} ${problem.file ?? ''}:${problem.line ?? ''} ${problem.message}`,
  );
}
console.info(
  `web-ext lint: ${report.errors.length} errors, ${report.warnings.length} warnings ` +
    `(${accepted.length} accepted: Preact's innerHTML branch), ${report.notices.length} notices`,
);
process.exit(problems.length === 0 ? 0 : 1);
