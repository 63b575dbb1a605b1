// The tenant scan's findings (the report's `secrets` entries) kept out of the heap: each entry is
// one JSON line appended to a file of the scan's own, and memory holds per entry only its end
// instant and where its line is (about 20 bytes). Held as objects until the report was written,
// they cost about 1 kB each of peak RSS (the objects, their copies, and the old generation grown
// around them): 60,000 in the window of a 100,000-app tenant were most of a 190 MB peak.
// Read back soonest first, one at a time, when the report is written.
//
// The file is created only once more than FLUSH_BYTES of lines are waiting (a few thousand
// entries: a small tenant never touches the disk), in a new directory of the system temp
// directory (mkdtemp, mode 0700), exclusively (O_EXCL) with mode 0600, and unlinked at once: the
// open descriptor keeps its data, nothing is left behind however the process ends, and no other
// user can open it by name. When it cannot be created or written (full disk, read-only temp
// directory) the lines stay in memory instead: slower to nothing, larger only then.
import {
  closeSync,
  mkdtempSync,
  openSync,
  readSync,
  rmdirSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SecretEntries, SecretReport } from '../engine/types.js';

/** Lines waiting in memory before they are appended to the file (one write). */
const FLUSH_BYTES = 64 * 1024;

/** Closes a log's file once the log itself is collected (tests run many scans in one process). */
const closeOnCollect = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // Already closed.
  }
});

/** Entries in the order they were added, read back soonest first. */
export class SecretLog implements SecretEntries {
  private count = 0;
  /** End instant (ms) of each entry: the sort key. */
  private ends = new Float64Array(256);
  /** 0 sorts before 1 at the same instant: this app's own entries before other apps'. */
  private ranks = new Uint8Array(256);
  /** Byte offset of the entry's line in the file, or -(index + 1) into `kept`. */
  private where = new Float64Array(256);
  /** Byte length of the entry's line (UTF-8). */
  private sizes = new Uint32Array(256);
  /** Lines in memory: those not yet written (from `pendingFrom` on), and any the file refused. */
  private kept: string[] = [];
  private pendingFrom = 0;
  private pendingBytes = 0;
  private fd: number | undefined;
  private fileBytes = 0;
  /** The file could not be created or written: every line stays in `kept`. */
  private inMemory = false;
  private order: Uint32Array | undefined;
  private readBuffer = Buffer.alloc(0);

  constructor(private readonly dir: () => string = tmpdir) {}

  get length(): number {
    return this.count;
  }

  /** Adds an entry (rank 0: sorted before rank-1 entries that end at the same instant). */
  add(entry: SecretReport, rank: 0 | 1 = 1): void {
    const line = JSON.stringify(entry);
    const size = Buffer.byteLength(line);
    if (this.count === this.ends.length) this.grow();
    const i = this.count++;
    this.ends[i] = Date.parse(entry.endDateTime) || 0;
    this.ranks[i] = rank;
    this.sizes[i] = size;
    this.where[i] = -(this.kept.push(line) - 1) - 1;
    this.order = undefined;
    this.pendingBytes += size;
    if (!this.inMemory && this.pendingBytes >= FLUSH_BYTES) this.flush();
  }

  /** Soonest first; entries ending at the same instant by rank, then in the order added. */
  *[Symbol.iterator](): Iterator<SecretReport> {
    const order = (this.order ??= this.sorted());
    for (let n = 0; n < order.length; n++) yield JSON.parse(this.line(order[n]!)) as SecretReport;
  }

  private sorted(): Uint32Array {
    const { ends, ranks } = this;
    const order = new Uint32Array(this.count);
    for (let i = 0; i < order.length; i++) order[i] = i;
    return order.sort((a, b) => ends[a]! - ends[b]! || ranks[a]! - ranks[b]! || a - b);
  }

  private line(i: number): string {
    const at = this.where[i]!;
    if (at < 0) return this.kept[-at - 1]!;
    const size = this.sizes[i]!;
    if (this.readBuffer.length < size) this.readBuffer = Buffer.alloc(Math.max(size, 4096));
    let read = 0;
    while (read < size) {
      const n = readSync(this.fd!, this.readBuffer, read, size - read, at + read);
      if (n === 0) throw new Error('the scan findings file ended early');
      read += n;
    }
    return this.readBuffer.toString('utf8', 0, size);
  }

  /** Appends the waiting lines to the file; on any failure they (and later ones) stay in memory. */
  private flush(): void {
    try {
      this.fd ??= this.openFile();
      const chunk = Buffer.from(this.kept.slice(this.pendingFrom).join(''));
      for (let done = 0; done < chunk.length;)
        done += writeSync(this.fd, chunk, done, chunk.length - done, this.fileBytes + done);
    } catch {
      this.inMemory = true;
      return;
    }
    // Lines of this chunk now live in the file, in the order they were added.
    let offset = this.fileBytes;
    for (let i = this.count - (this.kept.length - this.pendingFrom); i < this.count; i++) {
      this.where[i] = offset;
      offset += this.sizes[i]!;
    }
    this.fileBytes = offset;
    this.kept.length = this.pendingFrom;
    this.pendingBytes = 0;
  }

  private openFile(): number {
    const dir = mkdtempSync(join(this.dir(), 'm365-mail-preflight-scan-'));
    const path = join(dir, 'secrets.jsonl');
    const fd = openSync(path, 'wx+', 0o600);
    closeOnCollect.register(this, fd);
    try {
      unlinkSync(path);
      rmdirSync(dir);
    } catch {
      // Where an open file cannot be removed: at exit.
      process.once('exit', () => {
        try {
          closeSync(fd);
          unlinkSync(path);
          rmdirSync(dir);
        } catch {
          // Left to the temp directory's cleaning.
        }
      });
    }
    return fd;
  }

  private grow(): void {
    const size = this.ends.length * 2;
    const grown = <T extends Float64Array | Uint32Array | Uint8Array>(from: T): T => {
      const to = new (from.constructor as new (length: number) => T)(size);
      to.set(from);
      return to;
    };
    this.ends = grown(this.ends);
    this.ranks = grown(this.ranks);
    this.where = grown(this.where);
    this.sizes = grown(this.sizes);
  }
}
