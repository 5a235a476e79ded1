import type { Element, Phase } from '@/lib/engine/elements'
import type { AnswerLanguage } from './answer-language'

/** The offline answer's own words, around what it quotes, in one language. */
export type AnswerFrame = {
  /** Warm tones open by the engine's reading (element, then phase). */
  openers: Record<Element, Record<Phase, string>>
  /** Formal or businesslike tones. */
  plain: string
  /** Any tone, when the best passage only comes close. */
  weak: string
  nothingRelevant: string
  overview: (assistantName: string) => string
  overviewClose: string
  offlineNote: (assistantName: string) => string
}

const EN: AnswerFrame = {
  openers: {
    fire: {
      1: 'Here is a first step you can take, from what we have written down.',
      2: 'Here is what can help you keep going.',
      3: 'You have come a long way; here is what can help you lead with it.',
    },
    water: {
      1: 'Let us take this gently; here is what our knowledge says.',
      2: 'Let us take this slowly and with care.',
      3: 'You have come far; here is what supports you.',
    },
    earth: {
      1: 'Let us make this concrete.',
      2: 'Here are the practical pieces.',
      3: 'Here is how to keep what you have built growing.',
    },
    air: {
      1: 'Let us bring some clarity to this question.',
      2: 'Let us lay the facts out plainly.',
      3: 'Here are the key points, distilled.',
    },
    aether: {
      1: 'Here is how the pieces begin to fit.',
      2: 'Let us hold the whole of this together, one piece at a time.',
      3: 'Here is how it all connects.',
    },
  },
  plain: 'Here is what our documentation says.',
  weak: 'I found no passage that answers this directly. The closest the knowledge base comes is:',
  nothingRelevant:
    'The knowledge base holds nothing relevant to this question. ' +
    'Try rephrasing it with the words your topic would use, or contact the organisation directly.',
  overview: (name) => `${name} answers from this organisation's documents, for example:`,
  overviewClose: 'Ask about any of these topics.',
  offlineNote: (name) => `_${name} is in offline mode: the lines above are quoted from the knowledge base._`,
}

const FR: AnswerFrame = {
  openers: {
    fire: {
      1: 'Voici un premier pas possible, d’après ce que nous avons écrit.',
      2: 'Voici ce qui peut vous aider à continuer.',
      3: 'Vous avez fait beaucoup de chemin ; voici ce qui peut vous aider à aller plus loin.',
    },
    water: {
      1: 'Prenons cela en douceur ; voici ce que dit notre documentation.',
      2: 'Prenons le temps, avec soin.',
      3: 'Vous avez fait beaucoup de chemin ; voici ce qui peut vous soutenir.',
    },
    earth: {
      1: 'Voyons cela concrètement.',
      2: 'Voici les éléments pratiques.',
      3: 'Voici comment faire fructifier ce que vous avez construit.',
    },
    air: {
      1: 'Éclaircissons cette question.',
      2: 'Posons les faits simplement.',
      3: 'Voici l’essentiel.',
    },
    aether: {
      1: 'Voici comment les éléments s’articulent.',
      2: 'Prenons l’ensemble, un élément à la fois.',
      3: 'Voici comment tout se relie.',
    },
  },
  plain: 'Voici ce que dit notre documentation.',
  weak: 'Je n’ai trouvé aucun passage qui réponde directement. Le plus proche dans la base de connaissances :',
  nothingRelevant:
    'La base de connaissances ne contient rien qui réponde à cette question. ' +
    'Essayez de la reformuler avec les mots du sujet, ou contactez directement l’organisation.',
  overview: (name) => `${name} répond à partir des documents de cette organisation, par exemple :`,
  overviewClose: 'Posez une question sur l’un de ces sujets.',
  offlineNote: (name) => `_${name} fonctionne hors ligne : les lignes ci-dessus sont citées de la base de connaissances._`,
}

const DE: AnswerFrame = {
  openers: {
    fire: {
      1: 'Hier ist ein erster Schritt, nach dem, was wir aufgeschrieben haben.',
      2: 'Hier ist, was Ihnen hilft, weiterzumachen.',
      3: 'Sie sind schon weit gekommen; hier ist, was Ihnen hilft, voranzugehen.',
    },
    water: {
      1: 'Gehen wir es behutsam an; hier ist, was unsere Unterlagen sagen.',
      2: 'Nehmen wir uns Zeit, mit Sorgfalt.',
      3: 'Sie sind weit gekommen; hier ist, was Sie unterstützt.',
    },
    earth: {
      1: 'Machen wir es konkret.',
      2: 'Hier sind die praktischen Punkte.',
      3: 'So wächst weiter, was Sie aufgebaut haben.',
    },
    air: {
      1: 'Bringen wir Klarheit in diese Frage.',
      2: 'Hier sind die Fakten, schlicht dargelegt.',
      3: 'Hier sind die wichtigsten Punkte.',
    },
    aether: {
      1: 'So fügen sich die Teile zusammen.',
      2: 'Betrachten wir das Ganze, Stück für Stück.',
      3: 'So hängt alles zusammen.',
    },
  },
  plain: 'Das steht in unserer Dokumentation.',
  weak: 'Ich habe keine Stelle gefunden, die das direkt beantwortet. Am nächsten kommt die Wissensbasis hiermit:',
  nothingRelevant:
    'Die Wissensbasis enthält nichts zu dieser Frage. ' +
    'Formulieren Sie sie mit den Begriffen des Themas neu oder wenden Sie sich direkt an die Organisation.',
  overview: (name) => `${name} antwortet aus den Dokumenten dieser Organisation, zum Beispiel:`,
  overviewClose: 'Fragen Sie zu einem dieser Themen.',
  offlineNote: (name) => `_${name} arbeitet offline: Die Zeilen oben sind aus der Wissensbasis zitiert._`,
}

const ES: AnswerFrame = {
  openers: {
    fire: {
      1: 'Este es un primer paso posible, según lo que tenemos escrito.',
      2: 'Esto es lo que puede ayudarle a seguir adelante.',
      3: 'Ha recorrido un largo camino; esto puede ayudarle a avanzar.',
    },
    water: {
      1: 'Vayamos con calma; esto es lo que dice nuestra documentación.',
      2: 'Tomémonos el tiempo, con cuidado.',
      3: 'Ha llegado lejos; esto es lo que le apoya.',
    },
    earth: {
      1: 'Vamos a lo concreto.',
      2: 'Estos son los aspectos prácticos.',
      3: 'Así puede seguir creciendo lo que ha construido.',
    },
    air: {
      1: 'Aclaremos esta pregunta.',
      2: 'Expongamos los hechos con sencillez.',
      3: 'Estos son los puntos clave.',
    },
    aether: {
      1: 'Así empiezan a encajar las piezas.',
      2: 'Veamos el conjunto, pieza a pieza.',
      3: 'Así se relaciona todo.',
    },
  },
  plain: 'Esto es lo que dice nuestra documentación.',
  weak: 'No encontré ningún pasaje que responda directamente. Lo más cercano en la base de conocimiento es:',
  nothingRelevant:
    'La base de conocimiento no contiene nada relevante para esta pregunta. ' +
    'Intente reformularla con las palabras del tema o contacte directamente con la organización.',
  overview: (name) => `${name} responde a partir de los documentos de esta organización, por ejemplo:`,
  overviewClose: 'Pregunte sobre cualquiera de estos temas.',
  offlineNote: (name) => `_${name} funciona sin conexión: las líneas anteriores se citan de la base de conocimiento._`,
}

export const ANSWER_FRAMES: Record<AnswerLanguage, AnswerFrame> = { en: EN, fr: FR, de: DE, es: ES }
