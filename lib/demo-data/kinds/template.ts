// Seeded template listings: structured JSON documents (email sequences, calendars, PRDs, lesson plans, character cards…).
import type { CategorySlug } from "@/lib/catalog/categories";
import { inSentence, withArticle } from "../listing-text";
import type { Random } from "../random";
import type { ListingDraft } from "./types";

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

type TemplateType = {
  name: string;
  categories: readonly CategorySlug[];
  audiences: readonly string[];
  tags: readonly string[];
  body: (rng: Random, audience: string) => Json;
};

const days = (rng: Random, count: number) => Array.from({ length: count }, (_, i) => i * rng.int(2, 4) + 1);

const TYPES: readonly TemplateType[] = [
  {
    name: "Cold Email Sequence",
    categories: ["marketing", "business"],
    audiences: ["SaaS Founders", "Agencies", "Recruiters", "B2B Sales Teams", "Freelance Designers", "Consultants", "Real Estate Agents", "Fintech Startups"],
    tags: ["email", "outreach", "sales", "cold-email", "sequence"],
    body: (rng, audience) => ({
      audience,
      sequence: days(rng, rng.int(3, 6)).map((day, i) => ({
        day,
        subject: [
          "Quick question about {{company}}",
          "An idea for {{company}}'s onboarding",
          "Worth a 15-minute call?",
          "Closing the loop",
          "One last resource",
        ][i % 5],
        body: `Hi {{first_name}},\n\n${["Noticed {{company}} is hiring for growth.", "Following up with a short case study.", "Teams like yours usually hit this wall at 50 customers.", "I'll stop here unless timing is better next quarter."][i % 4]}\n\n{{signature}}`,
      })),
      variables: ["first_name", "company", "signature"],
    }),
  },
  {
    name: "Content Calendar",
    categories: ["marketing", "productivity"],
    audiences: ["Small Businesses", "Social Media Managers", "Creators", "Nonprofits", "Coffee Shops", "Fitness Coaches", "Bakeries", "Indie Authors"],
    tags: ["content", "calendar", "social-media", "planning", "instagram"],
    body: (rng, audience) => ({
      audience,
      month: "{{month}}",
      channels: rng.sample(["Instagram", "LinkedIn", "TikTok", "Newsletter", "Blog", "YouTube"], 3),
      posts: Array.from({ length: rng.int(8, 16) }, (_, i) => ({
        day: i * 2 + 1,
        channel: rng.pick(["Instagram", "LinkedIn", "TikTok", "Newsletter"]),
        format: rng.pick(["carousel", "short video", "story", "long post", "poll"]),
        pillar: rng.pick(["educate", "behind the scenes", "social proof", "offer"]),
        cta: rng.pick(["save this", "comment your answer", "link in bio", "reply to this email"]),
      })),
    }),
  },
  {
    name: "Product Requirements Document",
    categories: ["business", "coding", "productivity"],
    audiences: ["Product Managers", "Startup Teams", "Engineering Leads", "Indie Hackers", "Agencies", "Mobile App Teams"],
    tags: ["prd", "product", "requirements", "planning", "startup"],
    body: (rng) => ({
      title: "{{feature_name}}",
      problem: "What user problem does this solve, and how do we know?",
      goals: ["{{primary_metric}} improves by {{target}}", "No regression in page load time"],
      nonGoals: ["Mobile app support in this release"],
      userStories: Array.from({ length: rng.int(3, 6) }, (_, i) => ({
        id: `US-${i + 1}`,
        asA: "{{persona}}",
        iWant: "…",
        soThat: "…",
        priority: rng.pick(["must", "should", "could"]),
      })),
      risks: [{ risk: "Scope creep", mitigation: "Weekly scope review" }],
      launchChecklist: ["Analytics events defined", "Docs updated", "Support briefed", "Rollback plan"],
    }),
  },
  {
    name: "Lesson Plan",
    categories: ["education"],
    audiences: ["Middle School Teachers", "ESL Teachers", "Homeschool Parents", "University TAs", "Science Teachers", "Music Teachers", "Coding Bootcamps"],
    tags: ["lesson-plan", "teaching", "classroom", "curriculum", "education"],
    body: (rng, audience) => ({
      audience,
      subject: "{{subject}}",
      durationMinutes: rng.pick([45, 50, 60, 90]),
      objectives: ["Students can explain {{concept}} in their own words", "Students can apply {{concept}} to a new example"],
      activities: [
        { minutes: 5, name: "Warm-up question" },
        { minutes: rng.int(10, 20), name: "Direct instruction with worked example" },
        { minutes: rng.int(10, 20), name: "Pair practice" },
        { minutes: 10, name: "Exit ticket" },
      ],
      differentiation: { support: "Sentence starters and a glossary", stretch: "Open-ended extension problem" },
      assessment: { type: "exit ticket", successCriteria: "3 of 4 correct" },
    }),
  },
  {
    name: "Character Card",
    categories: ["role-play", "writing"],
    audiences: ["Role-Players", "Fiction Writers", "Game Masters", "Discord Communities", "Visual Novel Makers", "Twitch Streamers"],
    tags: ["character", "roleplay", "persona", "story", "character-card"],
    body: (rng) => ({
      spec: "chara_card_v2",
      name: "{{character_name}}",
      personality: rng.sample(["sardonic", "loyal", "curious", "haunted by the past", "secretly kind", "ambitious"], 3),
      scenario: "{{scenario}}",
      firstMessage: "*looks up from the map* 'You're late. The caravan left an hour ago.'",
      exampleDialogue: ["{{user}}: Who are you?", "{{char}}: Someone who knows the way through the pass."],
      systemPrompt: "Stay in character. Describe actions in asterisks. Never speak for {{user}}.",
    }),
  },
  {
    name: "Structured Extraction JSON Schema",
    categories: ["data-analysis", "coding"],
    audiences: ["Data Engineers", "Analysts", "Backend Developers", "Ops Teams", "Accounting Teams", "Legal Ops", "Recruiting Teams"],
    tags: ["json-schema", "extraction", "structured-output", "llm", "data"],
    body: (rng) => ({
      $schema: "https://json-schema.org/draft/2020-12/schema",
      title: rng.pick(["Invoice", "SupportTicket", "JobPosting", "Receipt", "MeetingNotes"]),
      type: "object",
      required: ["id", "date", "total"],
      properties: {
        id: { type: "string" },
        date: { type: "string", format: "date" },
        total: { type: "number", minimum: 0 },
        currency: { type: "string", enum: ["USD", "EUR", "GBP"] },
        lineItems: { type: "array", items: { type: "object", properties: { description: { type: "string" }, amount: { type: "number" } } } },
      },
    }),
  },
  {
    name: "KPI Dashboard Spec",
    categories: ["data-analysis", "business"],
    audiences: ["E-commerce Teams", "SaaS Companies", "Marketing Teams", "Finance Teams", "Support Teams", "Nonprofits", "Restaurants"],
    tags: ["kpi", "dashboard", "metrics", "analytics", "reporting"],
    body: (rng) => ({
      refresh: rng.pick(["hourly", "daily", "weekly"]),
      metrics: rng
        .sample(["MRR", "churn rate", "CAC", "LTV", "conversion rate", "AOV", "NPS", "active users"], 5)
        .map((name) => ({ name, definition: `How we compute ${name}`, target: null, owner: "{{owner}}" })),
      charts: [
        { type: "line", metric: "MRR", period: "12 months", breakdown: null },
        { type: "bar", metric: "conversion rate", period: "90 days", breakdown: "channel" },
      ],
    }),
  },
  {
    name: "YouTube Video Script",
    categories: ["video", "marketing"],
    audiences: ["YouTubers", "Course Creators", "Brands", "Tech Reviewers", "Travel Vloggers", "Fitness Creators", "Gaming Channels"],
    tags: ["youtube", "script", "video", "retention", "hook"],
    body: (rng) => ({
      title: "{{video_title}}",
      targetLengthMinutes: rng.pick([6, 8, 10, 12]),
      sections: ["Hook (0:00-0:15)", "Promise", "Context", "Main point 1", "Main point 2", "Main point 3", "Call to action"].map((name) => ({
        name,
        notes: "",
        bRoll: [],
      })),
      thumbnailIdeas: ["{{emotion}} face + 3-word text", "Before/after split"],
    }),
  },
  {
    name: "Podcast Episode Planner",
    categories: ["audio"],
    audiences: ["Podcasters", "Interview Shows", "Brands", "Solo Hosts", "True Crime Shows", "Business Podcasts"],
    tags: ["podcast", "episode", "interview", "audio", "planning"],
    body: (rng) => ({
      episode: "{{episode_number}}",
      guest: "{{guest_name}}",
      segments: [
        { name: "Cold open", minutes: 1 },
        { name: "Intro", minutes: 2 },
        { name: "Interview", minutes: rng.int(25, 45) },
        { name: "Rapid fire", minutes: 5 },
        { name: "Outro", minutes: 2 },
      ],
      questions: Array.from({ length: rng.int(6, 10) }, (_, i) => `Question ${i + 1}: {{question_${i + 1}}}`),
    }),
  },
  {
    name: "Photo Shoot Shot List",
    categories: ["photography", "image-generation"],
    audiences: ["Wedding Photographers", "Product Photographers", "Brand Shoots", "AI Artists", "Food Photographers", "Real Estate Shoots", "Portrait Studios"],
    tags: ["shot-list", "photoshoot", "photography", "planning", "moodboard"],
    body: (rng) => ({
      shoot: "{{client}}",
      palette: rng.sample(["warm neutrals", "deep green", "terracotta", "cream", "charcoal"], 3),
      shots: Array.from({ length: rng.int(10, 20) }, (_, i) => ({
        n: i + 1,
        subject: "{{subject}}",
        angle: rng.pick(["eye level", "overhead", "low angle", "detail"]),
        lens: rng.pick(["35mm", "50mm", "85mm", "100mm macro"]),
      })),
    }),
  },
  {
    name: "Weekly Planner",
    categories: ["productivity"],
    audiences: ["Freelancers", "Students", "Remote Workers", "Managers", "Parents", "Writers", "Developers"],
    tags: ["planner", "weekly", "goals", "habits", "productivity"],
    body: (rng) => ({
      weekOf: "{{date}}",
      bigThree: ["", "", ""],
      days: ["Mon", "Tue", "Wed", "Thu", "Fri"].map((day) => ({ day, focusBlock: rng.pick(["09:00-11:00", "13:00-15:00"]), tasks: [], notes: "" })),
      review: { wins: [], lessons: [], nextWeek: [] },
    }),
  },
  {
    name: "Blog Post Brief",
    categories: ["writing", "marketing"],
    audiences: ["Content Teams", "SEO Writers", "Freelance Writers", "Agencies", "SaaS Blogs", "Affiliate Sites", "B2B Marketers"],
    tags: ["blog", "seo", "brief", "outline", "writing"],
    body: (rng) => ({
      keyword: "{{primary_keyword}}",
      searchIntent: rng.pick(["informational", "commercial", "transactional"]),
      wordCount: rng.pick([1200, 1800, 2500]),
      outline: ["H1: {{title}}", "H2: Why it matters", "H2: Step-by-step", "H2: Common mistakes", "H2: FAQ"],
      internalLinks: 3,
      tone: "{{tone}}",
    }),
  },
];

const CHANGES = [
  "Added fields requested by buyers.",
  "Clearer placeholder names.",
  "New example values and a filled-in sample.",
  "Split long sections into smaller blocks.",
];

export function generateTemplate(rng: Random): ListingDraft {
  const type = rng.pick(TYPES);
  const audience = rng.pick(type.audiences);
  const category = rng.pick(type.categories);
  const flavor = rng.pick(["Ready-to-Use", "Proven", "Complete", "Minimal", "Notion-Friendly", "Plug-and-Play", "Professional"]);
  const tool = rng.pick(["Notion", "Google Docs", "Airtable", "ChatGPT", "Claude", "Obsidian", "Coda"]);
  const title = rng.weighted<string>([
    [`${type.name} Template for ${audience}`, 3],
    [`${flavor} ${type.name} Template`, 2],
    [`${type.name} Template (${audience} Edition)`, 1],
    [`${flavor} ${type.name} Template for ${tool}`, 2],
    [`${type.name} Kit for ${audience}: ${flavor} JSON Template`, 1],
  ]);
  const body = type.body(rng, audience);
  return {
    category,
    title,
    summary: `${withArticle(inSentence(flavor))} ${inSentence(type.name)} template built for ${inSentence(audience)}: structured JSON you can paste into your tools or feed to an AI assistant.`,
    tags: [...type.name.toLowerCase().split(/\s+/), ...type.tags, "template"],
    highlights: [
      `A complete ${inSentence(type.name)} structure in JSON`,
      "Placeholders in `{{double_braces}}` for everything you need to change",
      `Field names chosen for ${inSentence(audience)}`,
      "Works with Notion, Airtable, Zapier or any LLM that accepts JSON",
    ],
    steps: [
      "Download or copy the JSON from your library.",
      "Fill the placeholders with your own details.",
      "Import it into your tool of choice or paste it into your AI assistant as a starting point.",
    ],
    contentFor: (version) => ({
      kind: "template",
      format: "json",
      body: version === 1 ? body : { ...(body as { [key: string]: Json }), revision: version },
      notes: `Built for ${inSentence(audience)}. Keep the field names stable if you automate on top of it.`,
    }),
    changelogFor: () => rng.pick(CHANGES),
  };
}
