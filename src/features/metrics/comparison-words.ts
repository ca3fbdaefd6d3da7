import type { Part } from './parts.ts';
import { rulesOf, sticky, type Rule } from './tokenizer.ts';

// How a question says what to compare with, and the words that join two periods.

const COMPARE: [Part, string][] = [
  [{ kind: 'compare', compare: 'last_year' }, '同比|yoy|y/y|year\\s*over\\s*year|year[-\\s]on[-\\s]year|去年同期|上年同期|(?:vs\\.?|versus|compared\\s+(?:to|with)|against)\\s+(?:the\\s+)?(?:same\\s+(?:period|time|days?)\\s+)?last\\s+year|same\\s+(?:period|time|days?)\\s+(?:of\\s+|in\\s+)?last\\s+year|(?:和|跟|与|比|对比|相比)\\s*去年(?:同期)?(?:\\s*(?:比|相比|对比))?'],
  [{ kind: 'compare', compare: 'previous' }, '环比|mom|pop|(?:vs\\.?|versus|compared\\s+(?:to|with)|against)\\s+(?:the\\s+)?(?:previous|prior|last)\\s+period|previous\\s+period|上期|上一期|较上期|(?:和|跟|与|比|对比|相比)\\s*上期(?:\\s*(?:比|相比))?'],
  [{ kind: 'compare', compare: 'last_week_same_day' }, '上周同日|上周同期|上周同一天|wow|w/w|week\\s*over\\s*week|same\\s+day\\s+last\\s+week|(?:vs\\.?|versus|compared\\s+(?:to|with))\\s+(?:the\\s+)?same\\s+day\\s+last\\s+week'],
  [{ kind: 'vs' }, 'vs\\.?|versus|compared\\s+(?:to|with)|against|对比|相比|比较|较|比|和|跟|与'],
  [{ kind: 'to' }, 'to|until|till|through|thru|至|到|~|～|—|–|-'],
];

export const comparisonRules: Rule<Part>[] = COMPARE.flatMap(([part, source]) => rulesOf<Part>(source, () => part));

export const COMPARISON_WORDS = ['versus', 'compared', 'against', 'previous', 'period', 'same', 'until', 'through'];
