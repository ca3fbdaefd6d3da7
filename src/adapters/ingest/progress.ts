import cliProgress from 'cli-progress';

/** A progress bar on stderr for large files, only when stderr is a terminal. */
export interface Progress {
  update(bytesDone: number): void;
  stop(): void;
}

const MB = 1 << 20;

export function progressBar(label: string, totalBytes: number, wanted: boolean): Progress | undefined {
  if (!wanted || !process.stderr.isTTY || totalBytes < 4 * MB) return undefined;
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: `${label} {bar} {percentage}% | {value}/{total} MB | {eta_formatted} left`, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(Math.ceil(totalBytes / MB), 0);
  return {
    update: (done) => bar.update(Math.floor(done / MB)),
    stop: () => {
      bar.stop();
      // Saving the touched months comes next and can take a moment on a large file.
      process.stderr.write(`${label}: read ${Math.ceil(totalBytes / MB)} MB, saving…\n`);
    },
  };
}

/** Passes items through, moving the bar whenever the bytes read advance. */
export function* tracked<T extends { done: number }>(items: Iterable<T>, bar: Progress | undefined): Generator<T> {
  if (!bar) return yield* items;
  let last = -1;
  for (const it of items) {
    if (it.done !== last) bar.update((last = it.done));
    yield it;
  }
  bar.stop();
}
