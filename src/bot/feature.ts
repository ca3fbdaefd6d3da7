import type { ApprovalKind } from '../features/approvals/approval-kind.ts';
import type { Confirmable } from '../features/confirm/pending-confirmations.ts';
import type { BookOpeners } from './books.ts';
import type { NoticeSource } from './notices.ts';
import { Registry } from './registry.ts';
import type { CommandSpec } from './spec.ts';

// A feature is one folder under src/features/ whose index.ts exports one Feature value; the
// list in src/features/index.ts is the only place the bot learns of it. Everything a feature
// plugs in is on that value: its commands, what it says first, what it asks approval or
// confirmation for, and how its books are opened.

/** What the whole list offers a feature whose commands work on the other features' parts. */
export interface FeatureCatalog {
  /** Every command (help lists it; filled in list order, so help comes last). */
  registry: Registry;
  approvalKinds: ApprovalKind[];
  confirmables: Confirmable<any>[];
}

export interface Feature {
  /** The folder's name, e.g. `complaints`. */
  name: string;
  /** Its commands, in the order they are matched; or built from the catalog (approve, confirm, help). */
  commands: CommandSpec<any>[] | ((catalog: FeatureCatalog) => CommandSpec<any>[]);
  /** What makes the bot speak first; the scheduler tick collects each. */
  noticeSources?: NoticeSource[];
  /** What it asks approval for (decided by `approve` / `reject`). */
  approvalKinds?: ApprovalKind[];
  /** What it previews and runs on `confirm`. */
  confirmables?: Confirmable<any>[];
  /** The books it owns, opened once per process into `services.books`. */
  books?: BookOpeners;
}

/** Throws when two features claim the same name for something. */
function once(what: string, named: { feature: string; id: string }[]): void {
  const seen = new Map<string, string>();
  for (const { feature, id } of named) {
    const first = seen.get(id);
    if (first) throw new Error(`${what} ${id} is declared by both ${first} and ${feature}`);
    seen.set(id, feature);
  }
}

/** The approval kinds and confirmables of every feature, and a registry to fill. */
export function catalogOf(features: Feature[]): FeatureCatalog {
  once('feature', features.map((f) => ({ feature: f.name, id: f.name })));
  once('approval kind', features.flatMap((f) => (f.approvalKinds ?? []).map((k) => ({ feature: f.name, id: k.kind }))));
  once('confirmable', features.flatMap((f) => (f.confirmables ?? []).map((c) => ({ feature: f.name, id: c.kind }))));
  return { registry: new Registry(), approvalKinds: features.flatMap((f) => f.approvalKinds ?? []), confirmables: features.flatMap((f) => f.confirmables ?? []) };
}

/** One feature's commands (built from the catalog when the feature needs the others' parts). */
export function commandsOf(feature: Feature, catalog: FeatureCatalog): CommandSpec<any>[] {
  return typeof feature.commands === 'function' ? feature.commands(catalog) : feature.commands;
}

/** Every command the bot knows: each feature's, in the list's order. */
export function buildRegistry(features: Feature[]): Registry {
  const catalog = catalogOf(features);
  for (const f of features) catalog.registry.add(...commandsOf(f, catalog));
  return catalog.registry;
}

/** Everything that makes the bot speak first, in the list's order (the tick collects them in turn). */
export function noticeSourcesOf(features: Feature[]): NoticeSource[] {
  once('notice source', features.flatMap((f) => (f.noticeSources ?? []).map((s) => ({ feature: f.name, id: s.id }))));
  return features.flatMap((f) => f.noticeSources ?? []);
}

/** Every feature's book openers as one table; a book opened by two features throws. */
export function bookOpenersOf(features: Feature[]): BookOpeners {
  once('book', features.flatMap((f) => Object.keys(f.books ?? {}).map((id) => ({ feature: f.name, id }))));
  return Object.assign({}, ...features.map((f) => f.books ?? {})) as BookOpeners;
}
