// A small, strict argument parser: unknown flags are usage errors (exit 2), never ignored.
export interface ParsedArgs {
  command?: string;
  positional: string[];
  flags: Map<string, string | true>;
}

const VALUE_FLAGS = new Set([
  '--format',
  '--min-rating',
  '--lang',
  '--root',
  '--standard',
  '--out',
  '--diff',
  '--org',
  '--type',
  '--target',
  '--date',
]);
const BOOL_FLAGS = new Set(['--force', '--help', '-h', '--version', '--no-color']);
/** Every option the CLI knows, for "did you mean". */
export const KNOWN_OPTIONS: readonly string[] = [...VALUE_FLAGS, ...BOOL_FLAGS].filter((f) => f.startsWith('--'));

/** A usage mistake, named by id so that main.ts can say it in the user's language. */
export class UsageError extends Error {
  constructor(
    readonly id: 'needsValue' | 'unknownOption',
    readonly args: Record<string, string>,
  ) {
    super(`${id} ${JSON.stringify(args)}`);
  }
}

export function parseArgs(argv: string[]): ParsedArgs {
  const out: ParsedArgs = { positional: [], flags: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('-')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(0, eq) : a;
      if (VALUE_FLAGS.has(name)) {
        const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
        if (value === undefined || value === '') throw new UsageError('needsValue', { name });
        out.flags.set(name, value);
      } else if (BOOL_FLAGS.has(name) && eq < 0) {
        out.flags.set(name, true);
      } else {
        throw new UsageError('unknownOption', { option: a });
      }
    } else if (!out.command) {
      out.command = a;
    } else {
      out.positional.push(a);
    }
  }
  return out;
}
