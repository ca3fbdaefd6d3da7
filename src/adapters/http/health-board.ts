/** What a platform's connection is doing right now, as /healthz reports it. */
export type PlatformState = 'online' | 'connecting' | 'reconnecting' | 'stopped' | 'failed';

/**
 * Where adapters say how their connection is doing; every guarded HTTP listener reads it for
 * `GET /healthz`. Only the state is kept — never a token, URL or error text — so the health
 * check can be public without leaking anything.
 */
export class HealthBoard {
  private readonly states = new Map<string, PlatformState>();

  set(platform: string, state: PlatformState): void {
    this.states.set(platform, state);
  }

  get(platform: string): PlatformState | undefined {
    return this.states.get(platform);
  }

  /** Platforms by name, sorted so the answer is stable. */
  snapshot(): Record<string, PlatformState> {
    return Object.fromEntries([...this.states].sort(([a], [b]) => a.localeCompare(b)));
  }

  /** Healthy while no platform has failed (a stopped one was stopped on purpose). */
  ok(): boolean {
    return ![...this.states.values()].includes('failed');
  }
}

/** The process's board: adapters and listeners share it unless a test passes its own. */
export const healthBoard = new HealthBoard();
