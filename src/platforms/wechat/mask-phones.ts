// Mainland mobile numbers (11 digits starting 13–19, optionally +86 and
// separated by spaces or dashes) shown as 138****1234. The last safety net for
// anything the bot writes to a room, whatever the feature already masked.

const MOBILE = /(?<![\d*])((?:\+?86[\s-]?)?1[3-9]\d)[\s-]?\d{4}[\s-]?(\d{4})(?![\d*])/g;

export const maskPhones = (text: string): string => text.replace(MOBILE, (_m, head: string, tail: string) => `${head}****${tail}`);
