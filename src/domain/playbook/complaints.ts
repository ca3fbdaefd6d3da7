import { z } from 'zod';
import { hhmmSchema } from '../time-of-day.ts';
import { playbookSection } from './load.ts';

// The complaint SOP from the operating playbook. PLAYBOOK_FILE may override any of it
// under "complaints", e.g. {"complaints": {"firstResponseMinutes": 20, "businessHours": {"start": "09:00", "end": "21:00"}}}.

const words = z.object({ zh: z.array(z.string().min(1)).default([]), en: z.array(z.string().min(1)).default([]) });
const hhmm = hhmmSchema('09:00');

/** Keyword categories; the first four-hour ones outrank quality, which outranks the normal ones. */
export const SERIOUS_CATEGORIES = ['safety', 'allergy', 'counterfeit', 'regulator', 'media', 'quality'] as const;
export const NORMAL_CATEGORIES = ['delivery', 'refund', 'attitude'] as const;
export type Category = (typeof SERIOUS_CATEGORIES)[number] | (typeof NORMAL_CATEGORIES)[number];

const DEFAULT_KEYWORDS: Record<Category, { zh: string[]; en: string[] }> = {
  safety: { zh: ['安全', '受伤', '划伤', '烫伤', '爆炸', '起火', '触电', '中毒', '住院'], en: ['safety', 'injury', 'injured', 'burn', 'explode', 'fire', 'shock', 'poison', 'hospital'] },
  allergy: { zh: ['过敏', '红肿', '起疹', '皮疹'], en: ['allergy', 'allergic', 'rash'] },
  counterfeit: { zh: ['假货', '假冒', '山寨', '仿冒', '不是正品'], en: ['counterfeit', 'fake', 'knockoff', 'not genuine'] },
  regulator: { zh: ['12315', '12345', '市场监管', '工商', '消协', '投诉到平台', '起诉', '律师'], en: ['12315', 'regulator', 'consumer association', 'lawyer', 'lawsuit', 'sue'] },
  media: { zh: ['媒体', '记者', '曝光', '微博', '上热搜', '小红书发帖'], en: ['media', 'journalist', 'reporter', 'press', 'go viral', 'expose'] },
  quality: { zh: ['质量', '破损', '漏液', '坏了', '损坏', '变质', '过期', '异物', '发霉', '瑕疵', '次品'], en: ['quality', 'broken', 'damaged', 'leak', 'leaking', 'defect', 'defective', 'expired', 'spoiled', 'mould', 'mold'] },
  delivery: { zh: ['物流', '快递', '发货', '没收到', '未收到', '延迟', '配送', '丢件', '错发', '漏发'], en: ['delivery', 'shipping', 'courier', 'late', 'not received', 'never arrived', 'lost parcel', 'wrong item'] },
  refund: { zh: ['退款', '退货', '退钱', '换货', '售后'], en: ['refund', 'return', 'money back', 'exchange'] },
  attitude: { zh: ['态度', '不理人', '骂人', '不耐烦', '敷衍'], en: ['attitude', 'rude', 'ignored', 'impolite', 'unhelpful'] },
};

const keywords = z
  .object(Object.fromEntries(Object.entries(DEFAULT_KEYWORDS).map(([k, v]) => [k, words.default(v)])) as Record<Category, z.ZodDefault<typeof words>>)
  .default(DEFAULT_KEYWORDS);

export const complaintRulesSchema = z.object({
  firstResponseMinutes: z.number().positive('a number of minutes like 30').default(30),
  /** Resolution windows in hours: serious, quality claims, everything else. */
  resolutionHours: z
    .object({
      serious: z.number().positive('hours like 4').default(4),
      quality: z.number().positive('hours like 48').default(48),
      normal: z.number().positive('hours like 24').default(24),
      watch: z.number().positive('hours like 24').default(24),
    })
    .default({ serious: 4, quality: 48, normal: 24, watch: 24 }),
  /** The warning goes out when this share of a deadline's time has passed. */
  warnAt: z.number().gt(0, 'a share like 0.8').lt(1, 'a share below 1, like 0.8').default(0.8),
  /** Count only these store-local hours and weekdays (1 = Monday … 7 = Sunday); none = around the clock. */
  businessHours: z
    .object({ start: hhmm, end: hhmm, days: z.array(z.number().int().min(1).max(7)).min(1).default([1, 2, 3, 4, 5, 6, 7]) })
    .refine((b) => b.start < b.end, 'start before end, like 09:00 to 21:00')
    .nullable()
    .default(null),
  keywords,
});

export type ComplaintRules = z.infer<typeof complaintRulesSchema>;

export const defaultComplaintRules = (): ComplaintRules => complaintRulesSchema.parse({});

/** The rules in force: playbook defaults with the PLAYBOOK_FILE overrides. */
export const complaintRules = (file: Record<string, unknown> = {}): ComplaintRules => playbookSection('complaints', complaintRulesSchema, file);
