import { z } from 'zod';
import { addMonths, type Day } from '../calendar.ts';
import { ROLES } from '../roles.ts';
import { hhmmSchema } from '../time-of-day.ts';

// Checklist and cadence templates live as JSON in data/templates so a team can edit
// them; they are checked here when loaded, and a bad one is refused with the reason.

const bilingual = z.object({ zh: z.string().min(1), en: z.string().min(1) });

/** `-90d`, `-2w`, `-3m`, `0d`, `7d`: days, weeks or calendar months from the event date. */
export const offsetSchema = z.string().regex(/^[+-]?\d{1,3}[dwm]$/, 'an offset like -90d, -2w, -3m or 7d');

export const templateSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'a lower-case id like big-promotion'),
    name: bilingual,
    aliases: z.array(z.string().min(1)).default([]),
    /** Named events run with this template (双11, 618), each with the words people type for it. */
    events: z.array(z.object({ aliases: z.array(z.string().min(1)).min(1), name: bilingual })).default([]),
    phases: z.array(z.object({ id: z.string().min(1), name: bilingual })).min(1),
    items: z
      .array(
        z.object({
          phase: z.string().min(1),
          offset: offsetSchema,
          owner: z.enum(ROLES),
          title: bilingual,
          description: bilingual,
        }),
      )
      .min(1),
  })
  .refine((t) => t.items.every((i) => t.phases.some((p) => p.id === i.phase)), { message: 'every item must name one of the phases' });

export type ChecklistTemplate = z.infer<typeof templateSchema>;

export const cadenceSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: bilingual,
  every: z.enum(['week', 'month', 'quarter']),
  /** Weekday 1 (Monday) – 7 for weekly cadences; day of the month 1–28 otherwise. */
  on: z.number().int().min(1).max(28),
  at: hhmmSchema('09:30'),
  figures: z.enum(['last_week', 'last_month']).optional(),
  text: bilingual,
});

export const cadenceFileSchema = z.object({ cadences: z.array(cadenceSchema) });
export type Cadence = z.infer<typeof cadenceSchema>;

/** The store day an item is due: the event day moved by the item's offset. */
export function dueDay(eventDay: Day, offset: string): Day {
  const m = /^([+-]?)(\d+)([dwm])$/.exec(offset)!;
  const n = Number(m[2]) * (m[1] === '-' ? -1 : 1);
  if (m[3] === 'm') return addMonths(eventDay, n);
  return eventDay + n * (m[3] === 'w' ? 7 : 1);
}

/** The event's name in both languages: `double11` → 双11 / Double 11; else the template's name. */
export function eventName(t: ChecklistTemplate, typed: string): { zh: string; en: string } {
  const w = typed.trim().toLowerCase();
  return t.events.find((e) => e.aliases.some((a) => a.toLowerCase() === w))?.name ?? t.name;
}

/** Finds a template by id or alias (`double11`, `双11`, `618`), case-insensitively. */
export function findTemplate(templates: ChecklistTemplate[], typed: string): ChecklistTemplate | undefined {
  const t = typed.trim().toLowerCase();
  return templates.find((x) => x.id === t || x.aliases.some((a) => a.toLowerCase() === t) || x.events.some((e) => e.aliases.some((a) => a.toLowerCase() === t)));
}

/** Every template the store has: checklists by id and the routine cadences. */
export interface TemplateSet {
  checklists: ChecklistTemplate[];
  cadences: Cadence[];
}
