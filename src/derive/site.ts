/**
 * The site of a fact (bond, element, shell…) in one spelling, so that derivations matching on it
 * never silently miss evidence typed with a hyphen, minus or em dash where the vocabulary has an
 * en dash (O-O, O−O → O–O).
 */
const DASHES = /([A-Z][a-z]?|\bM)\s*[-‐‑‒—−]\s*(?=[A-Z][a-z]?\b|M\b)/g;

export function canonicalSite(site: string): string {
  return site.trim().replace(DASHES, '$1–');
}
