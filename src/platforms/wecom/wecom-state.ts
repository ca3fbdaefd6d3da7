import type { Doc, DocStore } from '../../domain/ports.ts';

// What the adapter remembers across restarts: the msgids it already handled. WeCom repeats a
// callback it thinks was lost (a slow answer, a dropped connection), and a repeated press must
// not decide twice, so each msgid is processed once, persisted before the handler runs.

const KEEP = 2000;

interface State {
  msgids: string[];
}

export class WecomState {
  private doc?: Promise<Doc<State>>;
  constructor(private readonly docs: DocStore) {}

  private open(): Promise<Doc<State>> {
    this.doc ??= this.docs.open<State>('wecom/state', { msgids: [] });
    return this.doc;
  }

  /** True the first time a msgid is seen; checked and recorded in one step so concurrent copies see each other. */
  async firstTime(msgid: string): Promise<boolean> {
    const doc = await this.open();
    const list = doc.data.msgids;
    if (list.includes(msgid)) return false;
    list.push(msgid);
    if (list.length > KEEP) list.splice(0, list.length - KEEP);
    await doc.write();
    return true;
  }
}
