import type { Element, Phase } from './elements'

/*
 * The offline detector's vocabulary, written from general knowledge of the elemental
 * framework (not from any evaluation set). Cues are plain words or multi-word phrases;
 * both sides are stemmed, so "feel" also matches "feelings". A cue that starts with "="
 * matches that exact word only, for words whose stem collides ("meaning" vs "mean").
 * Strength decides the weight; a phrase wins over the single words inside it.
 */

export interface CueGroups {
  strong?: readonly string[]
  medium?: readonly string[]
  weak?: readonly string[]
}

export const CUE_WEIGHTS: Record<keyof CueGroups, number> = { strong: 3, medium: 2, weak: 1 }

export const ELEMENT_CUES: Record<Element, CueGroups> = {
  fire: {
    strong: [
      'vision', 'visionary', 'passion', 'passionate', 'courage', 'courageous', 'brave', 'bravery',
      'ambition', 'ambitious', 'dream', 'inspire', 'inspiration', 'motivation', 'motivate',
      'transform', 'transformation', 'bold', 'boldness', 'daring', 'fearless', 'spark', 'ignite',
      'reignite', 'willpower', 'determination', 'determined', 'burning desire', 'take the leap',
      'leap of faith', 'go for it', 'go after', 'fire in my belly', 'nerve', 'guts',
      'make it happen', 'can\'t wait', 'entrepreneur', 'unmotivated',
    ],
    medium: [
      'drive', 'driven', 'goal', 'achieve', 'achievement', 'chase', 'pursue', 'lead', 'leader',
      'leadership', 'confidence', 'confident', 'risk', 'adventure', 'excite', 'excited',
      'enthusiasm', 'create', 'creative', 'creativity', 'launch', 'start my own', 'breakthrough',
      'anger', 'angry', 'rage', 'furious', 'restless', 'impatient', 'procrastinate',
      'procrastination', 'burnout', 'burned out', 'burnt out', 'quit my job', 'change my life',
      'reinvent', 'rebel', 'compete', 'competition', 'success', 'succeed', 'win', 'hustle',
      'fight for', 'stand up for', 'take action', 'momentum', 'desire', 'potential', 'bravely',
      'new venture', 'initiative', 'challenge myself', 'startup', 'investor', 'all in', 'art',
      'artist', 'play small',
    ],
    weak: ['energy', 'build', 'start', 'want more', 'career', 'project', 'change', 'fire', 'power', 'strong', 'bigger'],
  },
  water: {
    strong: [
      'emotion', 'emotional', '=feeling', '=feelings', 'sad', 'sadness', 'cry', 'crying', 'tears', 'grief',
      'grieve', 'mourn', 'heartbreak', 'heartbroken', 'broken heart', 'lonely', 'loneliness',
      'relationship', 'partner', 'husband', 'wife', 'boyfriend', 'girlfriend', 'marriage',
      'divorce', 'breakup', 'break up', 'betray', 'betrayal', 'forgive', 'forgiveness', 'heal',
      'trauma', 'compassion', 'empathy', 'intimacy', 'closeness', 'vulnerable', 'vulnerability',
      'depressed', 'depression', 'heartache', 'longing', 'jealous', 'jealousy', 'shame', 'guilt',
      'passed away', 'lost my', 'miss him', 'miss her', 'miss them', 'numb',
    ],
    medium: [
      'feel', 'heart', 'love', 'alone', 'family', 'mother', 'father', 'mom', 'mum', 'dad',
      'sister', 'brother', 'son', 'daughter', 'friend', 'friendship', 'child', 'children', 'kids',
      'parent', 'trust', 'hurt', 'wound', 'tender', 'afraid', 'scared', 'fear', 'anxious',
      'anxiety', 'overwhelmed', 'upset', 'mood', 'grieving', 'loss', 'miss', 'nostalgia', 'care',
      'nurture', 'comfort', 'soothe', 'belong', 'rejected', 'rejection', 'abandoned', 'attachment',
      'argument', 'reconcile', 'apologise', 'apologize', 'hug', 'cried',
      'kindness', 'gentle', 'sensitive', 'cared for', 'connect with', 'close to', 'dating',
      'people pleasing', 'boundaries with', 'let go', 'unloved', 'tearful', 'weep',
    ],
    weak: ['pain', 'happy', 'happiness', 'joy', 'hope', 'safe', 'together', 'people', 'water', 'flow', 'deeply', 'soft'],
  },
  earth: {
    strong: [
      'body', 'health', 'healthy', 'exercise', 'workout', 'gym', 'fitness', 'diet', 'nutrition',
      'sleep', 'insomnia', 'money', 'finances', 'financial', 'budget', 'debt', 'savings', 'bills',
      'rent', 'mortgage', 'salary', 'income', 'tax', 'taxes', 'invoice', 'routine', 'habit',
      'schedule', 'declutter', 'grounded', 'grounding', 'physical', 'practical', 'cost', 'price',
      'pricing', 'fee', 'paperwork', 'insurance', 'appointment', 'refund', 'subscription',
      'step by step', 'to do list', 'checklist', 'how much', 'back pain', 'pay off', 'afford',
    ],
    medium: [
      'eat', 'food', 'meal', 'cook', 'weight', 'tired', 'fatigue', 'exhausted', 'rest', 'sick',
      'illness', 'injury', 'ache', 'hurts', 'pay', 'spend', 'save', 'job', 'business', 'plan',
      'structure', 'organise', 'organize', 'discipline', 'deadline', 'productivity',
      'time management', 'home', 'house', 'apartment', 'move house', 'clean', 'garden', 'nature',
      'stable', 'stability', 'security', 'foundation', 'walk', 'yoga', 'register', 'book a',
      'booking', 'opening hours', 'office hours', 'address', 'location', 'delivery', 'shipping',
      'order', 'cancel', 'install', 'set up', 'steps', 'daily', 'stick to', 'steady', 'concrete',
      'tangible', 'resources', 'logistics', 'included', 'cheaper',
      'expensive', 'hands', 'stretch', 'run', 'running', 'doctor', 'medication', 'hormones',
    ],
    weak: ['work', 'time', 'morning', 'earth', 'build', 'week', 'month', 'year', 'hour', 'place', 'live', 'space'],
  },
  air: {
    strong: [
      'think', 'thought', 'mind', 'idea', 'understand', 'understanding', 'explain', 'explanation',
      'clarity', 'clarify', 'confused', 'confusion', 'analyse', 'analyze', 'analysis', 'logic',
      'logical', 'reasoning', 'communicate', 'communication', 'articulate', 'brainstorm',
      'overthink', 'overthinking', 'racing thoughts', 'pros and cons', 'make sense', 'figure out',
      'the difference between', 'perspective', 'concept', 'theory', 'information', 'research',
      'clause', 'explain how', 'put into words',     ],
    medium: [
      'mental', 'decide', 'decision', 'choose', 'choice', 'options', 'compare', 'comparison',
      'reason', 'question', 'learn', 'learning', 'study', 'data', 'facts', 'knowledge', 'opinion',
      'debate', 'talk', 'conversation', 'speak', 'words', 'write', 'writing', 'express',
      'present', 'presentation', 'meeting', 'email', 'message', 'listen', 'feedback', 'strategy',
      'insight', 'interpret', 'evaluate', 'assess', 'curious', 'curiosity', 'focus',
      'concentrate', 'distracted', 'memory', 'define', 'definition', 'difference', 'law', 'legal',
      'policy', 'rules', 'terms', 'contract', 'clearly', 'clear', 'plan out', 'weigh', 'argue',
      'language', 'book', 'read', 'explain to', 'framework', 'solution', 'problem',
      'what does', 'how does',
    ],
    weak: ['know', 'why', 'how', 'what', 'answer', 'wonder', 'air', 'name', 'see', 'view'],
  },
  aether: {
    strong: [
      '=meaning', '=meaningful', '=meaningless', 'purpose', 'spirit', 'spiritual', 'soul',
      'sacred', 'divine', 'god', 'universe', 'cosmos', 'cosmic', 'oneness', 'wholeness',
      'integration', 'integrate', 'unity', 'something greater', 'bigger than myself',
      'greater than myself', 'higher self', 'higher power', 'consciousness', 'transcend',
      'transcendence', 'enlightenment', 'meditate', 'meditation', 'prayer', 'pray', 'faith',
      'existential', 'existence', 'why am i here', 'who am i', 'true self', 'essence', 'eternal',
      'afterlife', 'after we die', 'after death', 'mystical', 'synchronicity', 'soul purpose',
      'life purpose', 'point of it all', 'bigger picture', 'all the parts', 'one whole',
      'inner peace', 'sense of self', 'who i really am', 'connected to everything', 'aether',
    ],
    medium: [
      'whole', 'awaken', 'awakening', 'awareness', 'presence', 'stillness', 'silence', 'mystery',
      'intuition', 'calling', 'destiny', 'fate', 'path', 'journey', 'balance', 'harmony', 'peace',
      'infinite', 'ritual', 'ceremony', 'religion', 'belief', 'sign', 'signs', 'being',
      'bring together', 'come together', 'everything is connected', 'part of something',
      'center', 'centre', 'the point of', 'authentic', 'alive', 'wonder why',
      'mortality', 'death', 'die', 'grace', 'gratitude', 'blessing', 'energy of', 'light',
    ],
    weak: ['everything', 'life', 'deeper', 'world', 'all of it', 'nothing matters', 'spaciousness'],
  },
}

export const PHASE_CUES: Record<Phase, CueGroups> = {
  1: {
    strong: [
      'first time', 'for the first time', 'just started', 'just starting', 'starting out',
      'want to start', 'how do i start', 'where do i begin', 'where do i start', 'new to',
      'beginner', 'get started', 'getting started', 'first step', 'thinking about starting',
      'just found out', 'just realised', 'just realized', 'beginning to', 'starting to',
      'never done', 'brand new', 'new chapter', 'can\'t wait to', 'ready to begin',
    ],
    medium: [
      'begin', 'beginning', 'start', 'new', 'newly', 'noticing', 'awaken', 'awakening', 'discover',
      'explore', 'curious', 'idea for', 'spark', 'seed', 'recently', 'lately', 'first', 'opening',
      'ready for', 'considering', 'wondering if', 'should i', 'want to try', 'initiate',
    ],
  },
  2: {
    strong: [
      'stuck', 'struggle', 'struggling', 'keep failing', 'again and again', 'why does this keep',
      'keeps happening', 'keep happening', 'same pattern', 'going in circles', 'no matter what i do',
      'tried everything', 'can\'t seem to', 'hit a wall', 'setback', 'plateau', 'falling apart',
      'breaking down', 'dig deeper', 'go deeper', 'deeper into', 'over and over', 'still can\'t',
      'keep getting', 'keep coming back', 'not working', 'resistance',
    ],
    medium: [
      'deeper', 'hard', 'harder', 'difficult', 'challenge', 'challenging', 'frustrated',
      'frustrating', 'resist', 'obstacle', 'burned out', 'burnout', 'overwhelmed', 'exhausted',
      'keep', 'again', 'still', 'stall', 'doubt', 'lose', 'losing', 'failing', 'fail', 'conflict',
      'pushing through', 'in the middle of', 'halfway', 'tension', 'racing', 'heavy',
    ],
  },
  3: {
    strong: [
      'looking back', 'i\'ve learned', 'i have learned', 'i learned', 'teach others', 'teaching',
      'mastery', 'master', 'integrate', 'integration', 'wisdom', 'mentor', 'pass on',
      'share what i know', 'share what i\'ve learned', 'lessons', 'full circle', 'now i understand',
      'finally understand', 'how far i\'ve come', 'how far i have come', 'guide others',
      'help others', 'embody', 'embodied', 'years of', 'came through', 'made it through',
      'after all these years', 'harvest', 'legacy',
    ],
    medium: [
      'teach', 'sustain', 'maintain', 'refine', 'grateful for', 'gratitude', 'finally',
      'complete', 'completion', 'accomplished', 'bring together', 'come together', 'whole',
      'reflect', 'reflecting', 'experienced', 'expert', 'give back', 'mature', 'ripened',
    ],
  },
}

/** Words that weaken a cue when they come shortly before it ("not angry", "never felt"). */
export const NEGATORS: readonly string[] = [
  'not', 'no', 'never', 'nor', 'neither', 'without', 'hardly', 'barely', 'cannot',
  "don't", 'dont', "doesn't", 'doesnt', "didn't", 'didnt', "can't", 'cant', "won't", 'wont',
  "isn't", 'isnt', "aren't", 'arent', "wasn't", 'wasnt', "weren't", "haven't", 'havent',
  "hasn't", "hadn't", "shouldn't", "wouldn't", "couldn't", 'couldnt',
]

/** Words that strengthen the cue right after them ("really angry", "so lonely"). */
export const INTENSIFIERS: readonly string[] = [
  'very', 'really', 'so', 'extremely', 'incredibly', 'deeply', 'totally', 'completely',
  'utterly', 'absolutely', 'super', 'truly', 'terribly', 'desperately', 'intensely', 'such',
  'overwhelmingly', 'seriously', 'painfully',
]

/** Words that soften the cue right after them ("a bit sad", "slightly worried"). */
export const DIMINISHERS: readonly string[] = ['slightly', 'somewhat', 'mildly', 'bit', 'kinda', 'sorta', 'fairly']

/**
 * Words skipped when measuring how far back a negator may sit, so "not about my body or
 * my health" reaches "health" while "and" still ends the reach.
 */
export const FUNCTION_WORDS: readonly string[] = [
  'a', 'an', 'the', 'my', 'your', 'our', 'his', 'her', 'their', 'its', 'this', 'that', 'these',
  'those', 'about', 'of', 'to', 'in', 'on', 'for', 'with', 'at', 'or', 'nor', 'any', 'anything',
  'much', 'just', 'even', 'too', 'be', 'been', 'is', 'am', 'are', 'was', 'were', 'i', 'me', 'it',
  "i'm", 'im', 'all', 'really', 'very', 'so', 'feel', 'felt', 'get', 'got',
]
