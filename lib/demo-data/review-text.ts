// Review and creator-reply wording for seeded reviews, by star rating and listing kind.
import type { Kind } from "@/lib/listings/kinds";
import type { Random } from "./random";

const PRAISE = [
  "Exactly what I needed.",
  "Saved me hours of trial and error.",
  "Worth every cent.",
  "Worked on the first try.",
  "Clear, well organised and easy to adapt.",
  "Better than the free alternatives I tried.",
  "I've already used it on three client projects.",
];

const MIXED = [
  "Solid starting point, but I had to tweak it a fair bit.",
  "Good overall, though the instructions could be clearer.",
  "Does the job. Not as polished as the preview suggests.",
  "Useful, but a bit pricey for what it is.",
];

const CRITICISM = [
  "Not what the description suggested.",
  "My results looked nothing like the examples.",
  "Too generic to be useful for my case.",
  "Felt unfinished; hoping for an update.",
];

const DETAILS: Record<Kind, readonly string[]> = {
  prompt: [
    "The variables make it easy to reuse for different clients.",
    "Outputs were consistent across runs.",
    "The cinematic lighting keywords really make a difference.",
    "The example outputs helped me understand what each input does.",
  ],
  preset: [
    "Skin tones stay natural, which is rare for film looks.",
    "Subtle enough for client work.",
    "Imported without any issues.",
    "The variations cover pretty much every lighting situation I shoot in.",
  ],
  template: [
    "The structure is thoughtful and the placeholders are well named.",
    "Dropped it into Notion and was up and running in minutes.",
    "It covers details I would have forgotten.",
    "Easy to adapt to our team's process.",
  ],
  test: [
    "The explanations helped me understand my mistakes.",
    "Passed my exam the following week.",
    "Questions feel close to the real exam.",
    "Good mix of easy and tricky questions.",
  ],
  model: [
    "Runs fine on my 12 GB GPU.",
    "Checksum matched and the usage notes were spot on.",
    "Noticeably better than the base model for this task.",
    "The recommended settings were a great starting point.",
  ],
};

export const RATING_WEIGHTS: readonly (readonly [number, number])[] = [
  [5, 55],
  [4, 27],
  [3, 10],
  [2, 5],
  [1, 3],
];

export function reviewBody(rng: Random, rating: number, kind: Kind): string {
  const detail = rng.pick(DETAILS[kind]);
  if (rating >= 4) return rng.chance(0.5) ? `${rng.pick(PRAISE)} ${detail}` : `${detail} ${rng.pick(PRAISE)}`;
  if (rating === 3) return `${rng.pick(MIXED)} ${detail}`;
  return rng.chance(0.3) ? rng.pick(CRITICISM) : `${rng.pick(CRITICISM)} ${rng.pick(MIXED)}`;
}

const REPLIES_POSITIVE = [
  "Thank you so much, glad it helped!",
  "Thanks for the kind words! More updates coming soon.",
  "Really appreciate you taking the time to review it.",
];
const REPLIES_CRITICAL = [
  "Thanks for the honest feedback. The next version addresses this; it will show up in your library.",
  "Sorry it didn't work out. Send me a message with your setup and I'll help you get the results from the examples.",
];

export function creatorReply(rng: Random, rating: number): string {
  return rng.pick(rating >= 4 ? REPLIES_POSITIVE : REPLIES_CRITICAL);
}
