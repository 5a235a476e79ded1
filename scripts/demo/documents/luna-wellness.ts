import type { DemoDocument } from './types'

// Luna Wellness: an independent holistic wellness coach. Coaching, not medical care.
export const lunaWellnessDocuments: DemoDocument[] = [
  {
    title: 'How Coaching with Luna Works',
    category: 'about',
    tags: ['coaching', 'first session', 'approach'],
    elemental_tags: ['water', 'aether'],
    content: `# How Coaching with Luna Works

Coaching with Luna is a partnership. You bring what you want to change, whether that is your energy, your sleep, your relationship with stress or simply a sense of being more at home in your own life, and together we build small, repeatable practices that fit the life you actually have.

Every journey starts with a ninety-minute discovery session. We look at five areas: rest, movement, nourishment, connection and meaning. You rate each one, and we choose one or two to focus on first. Trying to change everything at once is the most common reason people give up, so we begin where a small step will make the biggest difference.

Between sessions you receive a short written summary and one or two practices to try. Regular sessions last fifty minutes and happen every two weeks, in person at the studio or by video. Many clients also use the assistant on this site between sessions to revisit practices and reflect on how the week went.

Luna is a certified health and wellness coach, not a doctor or therapist. Coaching complements medical and psychological care; it never replaces it. If you are experiencing a medical emergency or thoughts of harming yourself, contact emergency services or a crisis line right away.`,
  },
  {
    title: 'The Morning Grounding Ritual',
    category: 'practices',
    tags: ['morning', 'ritual', 'grounding', 'intention'],
    elemental_tags: ['earth', 'water'],
    content: `# The Morning Grounding Ritual

This ten-minute ritual is the practice clients ask about most. It is designed to be done before you look at your phone, and it works best when it happens in the same place every morning.

First, water. Drink a full glass of water, ideally at room temperature, slowly enough to notice it. After seven or eight hours without fluid your body is mildly dehydrated, and this simple act is a signal that the day has begun with care rather than urgency.

Second, breath and feet. Stand barefoot, feel the floor under your heels and toes, and take six slow breaths: in through the nose for four counts, out through the mouth for six. A longer exhale than inhale activates the parasympathetic nervous system, the part of you that rests and digests.

Third, one intention. Ask yourself: what would make today feel well lived? Write a single sentence in a notebook. Not a to-do list, a direction, such as "I will speak kindly to myself when I make a mistake" or "I will take a real lunch break."

If ten minutes feels impossible, do one glass of water and one breath. Consistency matters far more than duration.`,
  },
  {
    title: 'Sleep Foundations',
    category: 'practices',
    tags: ['sleep', 'evening routine', 'rest'],
    elemental_tags: ['water', 'earth'],
    content: `# Sleep Foundations

Sleep is the foundation every other change is built on. When clients tell me they lack willpower, very often they lack rest. These are the five foundations we work on first.

Keep a regular wake time, including weekends, within about thirty minutes. Your body clock anchors to the time you get up far more than to the time you go to bed. Get daylight within an hour of waking, ideally outdoors for ten minutes; morning light sets the clock that makes you sleepy sixteen hours later.

Create a wind-down hour. Dim the lights, put screens away or at least out of reach, and do something slow: reading on paper, a warm shower, gentle stretching, or writing tomorrow's worries on a list so your mind can set them down.

Keep the bedroom cool, dark and quiet, around 18 degrees Celsius. Reserve the bed for sleep and intimacy so your brain learns that bed means rest. Watch caffeine after midday and alcohol in the evening: alcohol helps you fall asleep but fragments the second half of the night.

If you lie awake for more than twenty minutes, get up and do something calm in low light until you feel sleepy. Persistent insomnia, loud snoring or gasping at night deserve a conversation with your doctor.`,
  },
  {
    title: 'Working with Stress: The Breath Reset',
    category: 'practices',
    tags: ['stress', 'breathing', 'anxiety', 'nervous system'],
    elemental_tags: ['water', 'air'],
    content: `# Working with Stress: The Breath Reset

Stress is not the enemy. It is energy that prepares you to meet a challenge. Trouble starts when the stress response switches on many times a day and never fully switches off. The breath is the one part of that response you can steer directly, which makes it the fastest tool we have.

The physiological sigh: take a full breath in through the nose, then a second short sip of air on top of it, then a long, slow exhale through the mouth. One to three of these can noticeably calm you within a minute. Use it before a difficult conversation, after an upsetting email, or whenever you notice your shoulders creeping towards your ears.

Box breathing: in for four, hold for four, out for four, hold for four, repeated for two to four minutes. It steadies attention and is a favourite of clients who work in high-pressure jobs.

The feeling check-in: three times a day, pause and name what you feel in one or two words. Naming an emotion reduces its intensity; you move from being inside the feeling to noticing it.

Breathwork is safe for most people, but stop if you feel dizzy. If stress is constant, affects your sleep for weeks, or comes with panic attacks, please also speak with a doctor or therapist.`,
  },
  {
    title: 'Packages, Scheduling and Cancellations',
    category: 'policies',
    tags: ['pricing', 'packages', 'booking', 'cancellation'],
    elemental_tags: ['earth'],
    content: `# Packages, Scheduling and Cancellations

The discovery session costs 120 dollars and includes your written wellness map. After it, most clients choose one of two packages. Foundations: six fortnightly sessions over three months, 540 dollars. Deepening: twelve fortnightly sessions over six months with a mid-point review, 1,020 dollars. Single sessions are available at 100 dollars for returning clients.

Sessions can be booked through the booking page or by replying to any summary email. The studio is open Monday to Thursday from 8 am to 7 pm and Saturday mornings; video sessions can also be booked on Friday.

Life happens, so cancellation is simple: cancel or reschedule up to 24 hours before your session at no charge. Later cancellations count as a used session, except for illness or emergencies, where I always make an exception. Packages are valid for twelve months from the first session and can be paused for up to three months, for example after the birth of a child or during a period of illness.

Sliding-scale places are available every quarter for people on low incomes. Just ask; you will never be asked to prove anything.`,
  },
]
