// The words that turn a metric question into "why did it move": 为什么昨天GMV下降了,
// why did gmv drop yesterday, gmv yesterday why. They are taken out before the rest is read
// as a metric question, so the question's own reading rule applies to what is left.

const WHY = /^(?:why|how come)\b|\bwhy\??$|为什么|为啥|怎么回事|原因|什么原因|咋回事/i;
const MOVE_WORDS =
  /\b(?:why|how come|did|does|do|is|was|were|has|have|go|goes|went|gone|drop(?:ped|s)?|fall|fell|fallen|falls|decline[ds]?|decrease[ds]?|rise|rose|risen|rises|increase[ds]?|grow|grew|grown|jump(?:ed|s)?|spike[ds]?|change[ds]?|move[ds]?|moved|down|up|so|much)\b|下降了?|下跌了?|下滑了?|降了|跌了|掉了|少了|上涨了?|上升了?|涨了|多了|增加了?|减少了?|变化了?|变了|为什么|为啥|怎么回事|什么原因|原因|咋回事|了|会|这么|那么|[?？]/gi;

export const asksWhy = (text: string): boolean => WHY.test(text.trim());

/** The metric question inside a why question: "why did gmv drop yesterday" → "gmv yesterday". */
export const questionOf = (text: string): string => text.replace(MOVE_WORDS, ' ').replace(/\s+/g, ' ').trim();
