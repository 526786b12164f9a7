// The standards shipped with the tool. They are parsed and checked at build time
// (scripts/generate.cjs → generated/standards.js), so a cold start reads a JSON tree instead of
// parsing and validating a YAML standard; only the indexes are rebuilt here.
import generated from '../generated/standards';
import type { Clause, Standard } from '../types';

export { BUILTIN_FILE_PREFIX } from './loadStandard';

export const BUILTIN_STANDARD_IDS: readonly string[] = Object.keys(generated).sort();

const cache = new Map<string, Standard>();

/** The built-in standard `id`, or undefined when there is none by that name. Shared: do not mutate. */
export function builtinStandard(id: string): Standard | undefined {
  // Own keys only: `standard: constructor` or `__proto__` in a manifest must not find Object's members.
  if (!Object.prototype.hasOwnProperty.call(generated, id)) return undefined;
  let standard = cache.get(id);
  if (!standard) {
    const tree = generated[id]!;
    const byId = new Map<string, Clause>();
    const leaves: Clause[] = [];
    const index = (c: Clause): void => {
      byId.set(c.id, c);
      c.children.forEach(index);
      if (c.children.length === 0) leaves.push(c);
    };
    tree.clauses.forEach(index);
    const deduction = tree.rating.specialDeduction;
    standard = {
      ...tree,
      rating: { ...tree.rating, specialDeduction: { ...deduction, failAt: deduction.failAt ?? Infinity } },
      byId,
      leaves,
    };
    cache.set(id, standard);
  }
  return standard;
}
