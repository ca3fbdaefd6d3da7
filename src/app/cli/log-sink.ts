import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Where the bot's JSON log lines go: stderr until `toFile` points them at a file. The terminal
 * chat moves them to a file under DATA_DIR, so a log line never lands between a question and its answer.
 * A pino destination (anything with `write(line)`); writes are synchronous, so no line is lost on exit.
 */
export class LogSink {
  private fd = 2;

  write(line: string): void {
    writeSync(this.fd, line);
  }

  toFile(path: string): void {
    mkdirSync(dirname(path), { recursive: true });
    const fd = openSync(path, 'a');
    if (this.fd !== 2) closeSync(this.fd);
    this.fd = fd;
  }
}
