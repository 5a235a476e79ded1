import { stemLight, wordsOf } from '@/lib/ai/text-tokens'

// Glue words of questions and passages, English and French: they match everything, so
// they say nothing about which sentence answers.
const GLUE = new Set(
  (
    'a an and are as at be been being but by can could did do does doing for from had has have having he her hers him his how ' +
    'i if in into is it its itself me my myself no nor not of off on or our ours she should so such than that the their theirs ' +
    'them then there these they this those through to too us was we were what when where which while who whom why will with ' +
    'would you your yours about also am any just let may might much must shall some very want wants tell get gets got need needs ' +
    'know like please help thing things really there here one ones way lot lots many more most other own same each every ' +
    'le la les l de des du d un une et est en pour que qui qu dans sur au aux par pas plus ce cet cette ces son sa ses leur leurs ' +
    'il elle ils elles on nous vous je j tu mon ma mes ton ta tes notre nos votre vos y a ou où ne n se s c m t quel quelle quels ' +
    'quelles quoi comment combien quand être etre avoir fait faire peut peuvent peux puis dois doit faut sont ont était avec sans ' +
    'si mais donc car comme tout tous toute toutes aussi ça cela ceci'
  ).split(' '),
)

// French elisions ("l'encodage", "d’un", "qu'il"): without this the article glues onto the
// word and "l'encodage" never meets the question's "encodage". Only a word-initial letter
// (or qu-) before an apostrophe and a letter is dropped, which English never has.
const ELISION = /(?<![\p{L}\p{N}])(?:jusqu|lorsqu|puisqu|qu|[cdjlmnst])['\u2019](?=\p{L})/giu

/** The stems of a text's content words, in order (repeats kept). */
export function stemsOf(text: string): string[] {
  return wordsOf(text.replace(ELISION, ''))
    .filter((word) => !GLUE.has(word) && !/^\d{1,2}$/.test(word))
    .map(stemLight)
}

/** A question's distinct content stems. */
export function questionStems(question: string): Set<string> {
  return new Set(stemsOf(question))
}
