/**
 * "Closest known" suggestions for names a client typed: property keys, families, units. These
 * are data every client may list (`propertyKeys`, `families`, docs), not schema, so they are
 * given in production too; they are worded "closest known", not graphql-js's "Did you mean",
 * which production mode strips because that one names schema fields (src/security/limits.ts).
 */
import { distance } from 'fastest-levenshtein';
import { isKnownUnit, KNOWN_UNITS, unitsCompatible } from './units.js';

/**
 * Up to `limit` known names close to `given`, best first: case-insensitive edit distance within
 * 40 % of the length (graphql-js's threshold for its own suggestions), then names that contain
 * it or that it contains (`NaMO3` → `ilmenite-namo3`), shortest first.
 */
export function closestKnown(given: string, known: Iterable<string>, limit = 3): string[] {
  const needle = given.trim().toLowerCase();
  if (!needle) return [];
  const threshold = Math.floor(needle.length * 0.4) + 1;
  const near: { name: string; d: number }[] = [];
  const containing: string[] = [];
  for (const name of new Set(known)) {
    const lower = name.toLowerCase();
    const d = distance(needle, lower);
    if (d <= threshold) near.push({ name, d });
    else if (needle.length >= 3 && (lower.includes(needle) || needle.includes(lower))) containing.push(name);
  }
  near.sort((a, b) => a.d - b.d || a.name.localeCompare(b.name));
  containing.sort((a, b) => a.length - b.length || a.localeCompare(b));
  return [...near.map((n) => n.name), ...containing].slice(0, limit);
}

/** A name as typed, quoted, cut to 80 characters (a message must not echo a 90 kB argument). */
export function quoted(name: string): string {
  return JSON.stringify(name.length > 80 ? `${name.slice(0, 80)}…` : name);
}

/** `; the closest known: "a", "b"` (or nothing), to append to an "unknown …" message. */
export function closestKnownText(suggestions: readonly string[]): string {
  return suggestions.length ? `; the closest known: ${suggestions.map((s) => `"${s}"`).join(', ')}` : '';
}

/**
 * `unknown unit "mAh/gg"; the closest known: "mAh/g"`: suggestions among the units that convert
 * to `compatibleWith` when it is given (a property's canonical unit), else among all.
 */
export function unknownUnitMessage(symbol: string, compatibleWith?: string): string {
  const compatible = compatibleWith && isKnownUnit(compatibleWith) ? KNOWN_UNITS.filter((u) => unitsCompatible(u, compatibleWith)) : [];
  const suggestions = closestKnown(symbol, compatible.length ? compatible : KNOWN_UNITS);
  return `unknown unit ${quoted(symbol)}${closestKnownText(suggestions)}`;
}

/** `unknown property "capcity_retention"; the closest known: "capacity_retention"`. */
export function unknownPropertyMessage(key: string, knownKeys: Iterable<string>): string {
  return `unknown property ${quoted(key)}${closestKnownText(closestKnown(key, knownKeys))}; query propertyKeys for the vocabulary`;
}

/** `unknown family "NaMO3"; the closest known: "ilmenite-namo3"`, matching keys and names (`Ilmenite NaMO3`). */
export function unknownFamilyMessage(family: string, known: readonly { key: string; name: string }[]): string {
  const keyOf = new Map<string, string>();
  for (const f of known) {
    keyOf.set(f.key, f.key);
    if (!keyOf.has(f.name)) keyOf.set(f.name, f.key);
  }
  const keys = [...new Set(closestKnown(family, keyOf.keys(), 6).map((name) => keyOf.get(name)!))].slice(0, 3);
  return `unknown family ${quoted(family)}${closestKnownText(keys)}; query families for the list`;
}
