import { isSafeNumber, parse } from 'lossless-json';

// Shopify ids exceed 2^53: JSON.parse would round 820982911946154508 to …500. Numbers that
// are not safe are kept as their exact digits (a string); the schemas read ids as strings.

export function parseBigJson(text: string): unknown {
  return parse(text, undefined, (digits) => (isSafeNumber(digits) ? Number(digits) : digits));
}
