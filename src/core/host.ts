// What the engine needs from the outside world, injected so that the CLI (real disk),
// the extension (disk + unsaved editor buffers) and the tests (in memory) share one engine.

export interface FileStat {
  isFile: boolean;
  isDirectory: boolean;
  isSymbolicLink: boolean;
  size: number;
}
export interface DirEntry {
  name: string;
  isFile: boolean;
  isDirectory: boolean;
  isSymbolicLink: boolean;
}

export interface FileSystem {
  /** Raw bytes; rejects when the file cannot be read. */
  readFile(path: string): Promise<Uint8Array>;
  /** undefined when nothing is there. Does not follow a final symlink when `lstat` is true. */
  stat(path: string, lstat?: boolean): Promise<FileStat | undefined>;
  readDir(path: string): Promise<DirEntry[]>;
  /** Resolves symlinks; undefined when the path does not exist. */
  realpath(path: string): Promise<string | undefined>;
}

export interface Clock {
  today(): string; /* YYYY-MM-DD, local date */
}

export interface Logger {
  warn(message: string): void;
}

export interface Host {
  fs: FileSystem;
  clock: Clock;
  logger?: Logger;
  lang: import('./types').Lang;
  /** Files above this size are skipped with `file-too-large` (bytes). */
  maxFileSize?: number;
  /** The boundary for `outside-workspace` (absolute, forward slashes). */
  workspaceRoot: string;
}

export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

export const systemClock: Clock = {
  today() {
    const d = new Date();
    const p = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
  },
};
