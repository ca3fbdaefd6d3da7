import type { Part } from './parts.ts';
import { rulesOf, sticky, type Rule } from './tokenizer.ts';

// Breakdowns, trends and the filler words a question may carry without changing it.

const SHAPES: [Part, string][] = [
  [{ kind: 'by', by: 'channel' }, '(?:by|per|each|every|across)\\s+(?:channels?|platforms?)|channel\\s+breakdown|(?:按|分|各|每个)\\s*(?:渠道|平台)'],
  [{ kind: 'channel_word' }, 'channels?|platforms?|渠道|平台'],
  [{ kind: 'by', by: 'sku' }, '(?:by|per|each)\\s+(?:skus?|products?|items?)|(?:按|分|各)\\s*(?:商品|产品|sku|单品)'],
  [{ kind: 'trend', grain: 'day' }, '(?:by|per|each)\\s+day|daily|day\\s+by\\s+day|every\\s+day|trend|每天|每日|按天|按日|分天|逐日|趋势|走势'],
  [{ kind: 'trend', grain: 'week' }, '(?:by|per|each)\\s+week|weekly|week\\s+by\\s+week|every\\s+week|每周|按周|分周|逐周'],
  [{ kind: 'trend', grain: 'month' }, '(?:by|per|each)\\s+month|monthly|month\\s+by\\s+month|every\\s+month|每月|按月|分月|逐月'],
  [
    { kind: 'filler' },
    // ['’]s: the possessive in "today's gmv", "douyin's orders".
    "['’]s|what(?:'s|s)?|how\\s+(?:much|many)|how(?:'s|s)?|is|are|was|were|the|a|an|of|for|in|on|at|over|during|so\\s+far|show(?:\\s+me)?|give\\s+me|tell\\s+me|me|please|pls|plz|can\\s+you|could\\s+you|i\\s+want|get|check|our|my|we|did|do|does|have|has|had|total|overall|number|value|figure|figures|stats?|data|report|and|hi|hey|thanks|thx|bot|\\?|" +
      '的|了|呢|吗|嘛|啊|呀|吧|哈|哦|喔|是多少|有多少|一共多少|多少钱|多少|是|有|一下|帮我查(?:一下|下)?|帮我看(?:一下|下)?|帮忙查(?:一下|下)?|帮我|查一下|查下|查查|查|看一下|看下|看看|看|请问|请|麻烦|给我|我想知道|想知道|告诉我|总共|一共|合计|总|情况|数据|数字|怎么样|如何|怎样|咋样|咋样了|那天|当天|期间|里|内|全店|整体|店铺|统计|报表|那个|这个|在',
  ],
];

export const shapeRules: Rule<Part>[] = SHAPES.flatMap(([part, source]) => rulesOf<Part>(source, () => part));

export const SHAPE_WORDS = ['daily', 'weekly', 'monthly', 'trend', 'products', 'breakdown', 'please', 'show', 'what', 'total', 'overall', 'much', 'many', 'during'];
