// How hard a text is to read, as the Flesch-Kincaid grade (the US school
// grade that could read it; textstat's formula): 0.39 × words a sentence
// + 11.8 × syllables a word − 15.59. Syllables are counted as textstat's
// fallback does, by groups of vowels, with a silent final "e" left out.

function syllables(word) {
  const w = word.toLowerCase().replace(/[^a-z]/g, "");
  if (!w) return 0;
  const groups = w.match(/[aeiouy]+/g)?.length ?? 0;
  const silentE = w.length > 2 && w.endsWith("e") && !w.endsWith("le") && groups > 1 ? 1 : 0;
  return Math.max(1, groups - silentE);
}

/** The grade of `text`; its sentences end at . ! ? or a line's end. */
export function readingGrade(text) {
  const sentences = text
    .split(/[.!?]+\s|[.!?]+$|\n+/)
    .map((s) => s.trim())
    .filter((s) => /[a-z]/i.test(s));
  const words = sentences.flatMap((s) => s.split(/\s+/).filter((w) => /[a-z0-9]/i.test(w)));
  const syllableCount = words.reduce((sum, w) => sum + syllables(w), 0);
  return 0.39 * (words.length / sentences.length) + 11.8 * (syllableCount / words.length) - 15.59;
}
