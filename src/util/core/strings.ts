/** Where internString stores and removes keys: null-prototype, so no inherited property shadows one. */
const internTable: Record<string, number> = Object.create(null) as Record<string, number>;

/**
 * An equal string that V8 keeps internalized (one copy in its string table): storing a string as a property key
 * internalizes it in place. Keyed lookups by an internalized string (`record[id]`) take V8's fast path; by any other
 * string each one searches the string table, several times slower on a large record such as the quiz progress. So
 * keys that are looked up often, and are made at run time (parsed, or by template literals), are interned once where
 * they are made. Costs about half a microsecond; a string already interned comes back as it is.
 */
export function internString(text: string): string {
  internTable[text] = 0;
  delete internTable[text];
  return text;
}
