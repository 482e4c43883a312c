/**
 * The command line of backup, restore and export: one path (a file or a folder) and, where the
 * command has it, --force; anything else prints the usage line and exits 2.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';

export function pathArgument(usage: string, options: { force?: boolean } = {}): { path: string; given: string; force: boolean } {
  try {
    const { values, positionals } = parseArgs({ args: process.argv.slice(2), options: options.force ? { force: { type: 'boolean' } } : {}, allowPositionals: true, strict: true });
    if (positionals.length === 1) return { path: path.resolve(positionals[0]!), given: positionals[0]!, force: values.force === true };
  } catch {
    // An unknown option: the usage below.
  }
  console.error(`usage: ${usage}`);
  process.exit(2);
}
