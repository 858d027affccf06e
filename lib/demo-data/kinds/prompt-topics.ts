// Vocabulary of seeded prompt listings, one topic per category: subjects, styles, audiences, variables, outputs.
import type { CategorySlug } from "@/lib/catalog/categories";
import type { PromptVariable } from "./types";

export type PromptTopic = {
  category: CategorySlug;
  /** Image prompts render a comma-separated scene description; text prompts a role + task + inputs brief. */
  medium: "image" | "text";
  subjects: readonly string[];
  flavors: readonly string[];
  audiences: readonly string[];
  models: readonly string[];
  role: string;
  variables: readonly PromptVariable[];
  outputs: readonly string[];
  tags: readonly string[];
};

const IMAGE_MODELS = ["Midjourney", "Midjourney v7", "DALL-E 3", "Stable Diffusion XL", "Flux", "Ideogram", "Leonardo"] as const;
const CHAT_MODELS = ["ChatGPT", "Claude", "Gemini", "GPT-4o", "Llama 3", "Mistral Large"] as const;

const v = (name: string, description: string, ...examples: string[]): PromptVariable => ({ name, description, examples });

const SCENE_VARIABLES = [
  v("subject", "Who or what is in the picture", "an elderly fisherman", "a ballet dancer mid-leap", "a vintage espresso machine", "a red fox in fresh snow"),
  v("setting", "Where the scene takes place", "a foggy harbor at dawn", "a neon-lit Tokyo alley", "a sunlit Scandinavian kitchen", "a desert canyon at dusk"),
  v("mood", "The feeling of the image", "melancholic", "serene", "triumphant", "mysterious"),
  v("color_palette", "Dominant colours", "teal and orange", "muted earth tones", "pastel pink and mint", "deep emerald and gold"),
  v("aspect_ratio", "Output aspect ratio", "2:3", "16:9", "4:5", "1:1"),
  v("camera_angle", "Framing and viewpoint", "low-angle hero shot", "overhead flat lay", "three-quarter close-up", "wide establishing shot"),
];

const BRIEF_VARIABLES = {
  audience: v("audience", "Who will read the result", "SaaS founders", "first-time home buyers", "busy parents", "B2B marketing leads"),
  topic: v("topic", "What the piece is about", "reducing churn in the first 30 days", "a spring product launch", "remote onboarding", "sustainable packaging"),
  tone: v("tone", "Voice of the writing", "warm and direct", "playful", "authoritative", "calm and reassuring"),
  word_count: v("word_count", "Approximate length in words", "150", "300", "800", "1200"),
  product: v("product", "The product or offer", "a project management app", "a handmade candle shop", "an online Spanish course", "a meal-kit subscription"),
  goal: v("goal", "The outcome you want", "book a demo call", "reply to the email", "sign up for the waitlist", "download the guide"),
  language: v("language", "Programming language or framework", "TypeScript", "Python", "Go", "Rust"),
  code: v("code", "The code or error to work on", "a failing Jest test", "a slow SQL query", "a React component with stale state", "a flaky retry loop"),
  grade_level: v("grade_level", "Learner level", "7th grade", "first-year university", "adult beginners", "AP students"),
  dataset: v("dataset", "Short description of the data", "monthly sales by region", "a CSV of support tickets", "website traffic by channel", "survey answers from 2,000 customers"),
  character: v("character", "Who the AI should play", "a grumpy dwarven blacksmith", "a Victorian detective", "a starship AI with a dry wit", "a kind village healer"),
  genre: v("genre", "Style or genre", "lo-fi hip hop", "cinematic orchestral", "synthwave", "acoustic folk"),
  duration: v("duration", "Length of the piece", "60 seconds", "3 minutes", "8 minutes", "30 seconds"),
  platform: v("platform", "Where it will be published", "YouTube", "TikTok", "Instagram Reels", "LinkedIn"),
};

const b = BRIEF_VARIABLES;

export const PROMPT_TOPICS: readonly PromptTopic[] = [
  {
    category: "image-generation",
    medium: "image",
    subjects: ["Portrait Lighting", "Fantasy Landscape", "Isometric Game Asset", "Anime Character Sheet", "Sci-Fi Cityscape", "Vintage Travel Poster", "Watercolor Botanical", "Dark Fantasy Creature", "Cozy Interior", "Children's Book Illustration", "Logo Concept", "Sticker Design"],
    flavors: ["Cinematic", "Moody", "Hyperrealistic", "Dreamy", "Neon", "Minimalist", "Retro", "Ethereal", "Epic", "Whimsical"],
    audiences: ["concept artists", "indie game studios", "print-on-demand sellers", "book authors"],
    models: IMAGE_MODELS,
    role: "",
    variables: SCENE_VARIABLES,
    outputs: [
      "A rain-soaked street glowing with magenta signage; the subject stands in a pool of cyan light, shallow depth of field, film grain.",
      "Soft window light falls across the face, with a warm rim light separating the hair from a dark, textured backdrop.",
      "A sweeping valley under a double sunset, tiny travellers on a ridge for scale, volumetric haze over the river.",
      "Clean vector-style character turnaround: front, side and back views on a neutral grey background with a colour swatch strip.",
    ],
    tags: ["cinematic", "portrait", "lighting", "art", "illustration", "concept-art", "ai-art"],
  },
  {
    category: "photography",
    medium: "image",
    subjects: ["Product Photography", "Food Photography", "Street Photography", "Headshot", "Wedding Portrait", "Real Estate Interior", "Macro Nature", "Fashion Editorial", "Golden Hour Portrait", "Black and White Portrait"],
    flavors: ["Cinematic", "Editorial", "Natural Light", "Studio", "Film-Look", "High-Key", "Low-Key", "Candid"],
    audiences: ["e-commerce brands", "restaurants", "photographers", "real estate agents"],
    models: IMAGE_MODELS,
    role: "",
    variables: SCENE_VARIABLES,
    outputs: [
      "A glossy bottle on wet black acrylic, a single softbox from camera left and a thin strip light tracing its silhouette.",
      "Overhead flat lay of a rustic brunch spread on linen, late-morning window light, crumbs and steam for realism.",
      "A candid portrait at golden hour, backlit hair, creamy 85mm bokeh and natural skin texture.",
    ],
    tags: ["photography", "photo", "portrait", "studio", "lighting", "product", "cinematic"],
  },
  {
    category: "writing",
    medium: "text",
    subjects: ["Blog Post Outline", "Short Story", "Newsletter Intro", "Personal Essay", "Book Chapter Planner", "Poetry Coach", "Ghostwriting Voice Matcher", "Editing Pass", "Speech Writer", "Bedtime Story"],
    flavors: ["Long-Form", "Story-Driven", "Concise", "Punchy", "Lyrical", "SEO-Friendly"],
    audiences: ["Bloggers", "Novelists", "Newsletter Writers", "Students", "Ghostwriters", "Speakers"],
    models: CHAT_MODELS,
    role: "a seasoned editor who has published hundreds of articles and short stories",
    variables: [b.audience, b.topic, b.tone, b.word_count],
    outputs: [
      "Hook: Most advice about remote onboarding is written by people who never had to do it on a Monday with three new hires and no laptops.",
      "The lighthouse keeper counted ships the way other people counted sheep, and on the night the light went out, he counted one too many.",
      "In this issue: why slower launches sell better, a five-minute pricing audit, and the one metric we stopped tracking.",
    ],
    tags: ["writing", "copywriting", "blog", "storytelling", "editing", "content"],
  },
  {
    category: "marketing",
    medium: "text",
    subjects: ["Cold Email Sequence", "Facebook Ad Copy", "Landing Page Copy", "Product Launch Announcement", "SEO Meta Description", "Brand Voice Guide", "Instagram Caption", "Customer Case Study", "Value Proposition Canvas", "Google Ads Headline"],
    flavors: ["High-Converting", "Conversion-Focused", "Data-Driven", "Persuasive", "Friendly", "Bold"],
    audiences: ["SaaS Founders", "Etsy Sellers", "Real Estate Agents", "Coaches", "Agencies", "Local Restaurants", "E-commerce Brands"],
    models: CHAT_MODELS,
    role: "a direct-response copywriter and growth marketer",
    variables: [b.product, b.audience, b.goal, b.tone],
    outputs: [
      "Subject: Quick question about your onboarding\n\nHi Sam, noticed your team shipped a new dashboard last week. Curious how you're getting trial users to their first report?",
      "Stop losing Saturday mornings to spreadsheets. Plan a whole month of meals in ten minutes. Try it free for 14 days.",
      "Headline: The calm way to run client projects. Subhead: One place for briefs, feedback and invoices, without the status meetings.",
    ],
    tags: ["marketing", "copywriting", "email", "ads", "seo", "sales", "growth"],
  },
  {
    category: "coding",
    medium: "text",
    subjects: ["Code Review Assistant", "Unit Test Generator", "SQL Query Optimizer", "Regex Explainer", "Refactoring Coach", "API Documentation Writer", "Bug Hunter", "Commit Message Writer", "System Design Interviewer", "Dockerfile Reviewer"],
    flavors: ["Senior-Level", "Strict", "Beginner-Friendly", "Production-Ready", "Step-by-Step"],
    audiences: ["Backend Developers", "Frontend Developers", "Data Engineers", "Students", "Tech Leads"],
    models: [...CHAT_MODELS, "GitHub Copilot Chat", "Cursor"],
    role: "a staff software engineer who reviews code for correctness, clarity and performance",
    variables: [b.language, b.code, b.audience],
    outputs: [
      "1. The retry loop never resets `attempt` after a success, so the second failure waits 32 seconds. Move the reset into the success branch.",
      "Add a composite index on (customer_id, created_at desc); the planner currently sorts 1.2M rows for every page.",
      "describe('parseInvoice', () => { it('rejects totals that do not match the line items', () => { … }) })",
    ],
    tags: ["coding", "programming", "developer", "code-review", "testing", "sql", "debugging"],
  },
  {
    category: "business",
    medium: "text",
    subjects: ["Business Plan Generator", "Meeting Summary", "Investor Update", "Competitive Analysis", "SWOT Analysis", "Job Description Writer", "Negotiation Coach", "Pricing Strategy Advisor", "Executive Summary", "Contract Clause Explainer"],
    flavors: ["Executive", "Structured", "Concise", "Board-Ready", "Practical"],
    audiences: ["Startup Founders", "Consultants", "Small Business Owners", "Product Managers", "HR Teams"],
    models: CHAT_MODELS,
    role: "a management consultant who writes crisp, decision-ready documents",
    variables: [b.product, b.audience, b.goal],
    outputs: [
      "Highlights: MRR up 14% month over month; churn down to 2.1%. Lowlights: enterprise pipeline slipped one quarter. Asks: two intros to logistics CFOs.",
      "Strengths: loyal local customer base. Weaknesses: no online ordering. Opportunities: catering for nearby offices. Threats: a chain opening two blocks away.",
    ],
    tags: ["business", "strategy", "startup", "management", "consulting", "planning"],
  },
  {
    category: "education",
    medium: "text",
    subjects: ["Lesson Plan Builder", "Socratic Tutor", "Flashcard Generator", "Essay Feedback", "Quiz Maker", "Math Step-by-Step Explainer", "Language Learning Partner", "Study Schedule Planner", "Rubric Writer"],
    flavors: ["Interactive", "Patient", "Curriculum-Aligned", "Exam-Focused", "Playful"],
    audiences: ["Teachers", "Homeschool Parents", "University Students", "Language Learners", "Tutors"],
    models: CHAT_MODELS,
    role: "an experienced teacher who explains ideas in small steps and checks understanding",
    variables: [b.topic, b.grade_level, b.word_count],
    outputs: [
      "Let's start with what you already know: if a recipe for 4 people needs 2 eggs, how many eggs would 8 people need? Why?",
      "Front: What does mitochondria produce? Back: ATP, the cell's energy currency, through cellular respiration.",
    ],
    tags: ["education", "teaching", "study", "tutor", "learning", "students"],
  },
  {
    category: "productivity",
    medium: "text",
    subjects: ["Weekly Review", "Inbox Zero Assistant", "Daily Planner", "Meeting Agenda Builder", "Decision Matrix", "Habit Coach", "Notion Page Writer", "Project Kickoff Checklist", "Focus Session Planner"],
    flavors: ["Time-Saving", "Minimalist", "GTD-Style", "Calm", "Structured"],
    audiences: ["Remote Teams", "Freelancers", "Managers", "Students", "Solo Founders"],
    models: CHAT_MODELS,
    role: "a productivity coach who turns messy notes into clear next actions",
    variables: [b.topic, b.goal, b.tone],
    outputs: [
      "Top three for Monday: 1) send the revised quote to Dana, 2) 90-minute focus block on the Q3 deck, 3) clear the support backlog to under 20.",
      "Agenda (30 min): 5 min wins, 15 min launch blockers, 10 min decisions needed. Owner for each item listed below.",
    ],
    tags: ["productivity", "planning", "notion", "workflow", "time-management", "focus"],
  },
  {
    category: "audio",
    medium: "text",
    subjects: ["Song Lyrics Writer", "Podcast Episode Outline", "Suno Music Prompt", "Audiobook Narration Script", "Jingle Writer", "Voiceover Script", "Beat Description"],
    flavors: ["Catchy", "Cinematic", "Lo-Fi", "Emotional", "Radio-Ready"],
    audiences: ["Podcasters", "Music Producers", "YouTubers", "Indie Artists", "Brands"],
    models: [...CHAT_MODELS, "Suno", "Udio"],
    role: "a songwriter and audio producer who writes for the ear, not the page",
    variables: [b.genre, b.topic, b.duration],
    outputs: [
      "[Verse 1] Neon in the puddles, city hums in minor key / I keep your voice on loop like it still belongs to me",
      "Cold open (0:00–0:45): the sound of a cash register, then: 'This is the story of the shop that refused to close.'",
    ],
    tags: ["audio", "music", "podcast", "lyrics", "suno", "voiceover"],
  },
  {
    category: "video",
    medium: "text",
    subjects: ["YouTube Script", "TikTok Hook Generator", "Sora Video Prompt", "Runway Shot List", "Storyboard Writer", "Video Ad Script", "Explainer Video Script", "Documentary Interview Questions"],
    flavors: ["Cinematic", "Viral", "Fast-Paced", "Story-Driven", "Retention-Focused"],
    audiences: ["YouTubers", "Video Editors", "Brands", "Filmmakers", "Course Creators"],
    models: [...CHAT_MODELS, "Sora", "Runway Gen-3", "Kling"],
    role: "a video producer who writes tight scripts with strong hooks and clear visuals",
    variables: [b.topic, b.platform, b.duration, b.audience],
    outputs: [
      "HOOK (0-3s): 'I tried every budgeting app so you don't have to — only one survived.' Cut to a desk covered in receipts.",
      "Shot 4: slow dolly-in on the barista's hands, steam curling through a shaft of morning light, 24fps, anamorphic flare.",
    ],
    tags: ["video", "youtube", "script", "tiktok", "cinematic", "storyboard"],
  },
  {
    category: "data-analysis",
    medium: "text",
    subjects: ["Data Cleaning Assistant", "SQL Report Builder", "Excel Formula Helper", "Dashboard KPI Advisor", "A/B Test Analyzer", "Survey Insights Summarizer", "Python Pandas Helper", "Chart Recommender"],
    flavors: ["Analytical", "Step-by-Step", "Executive-Ready", "Rigorous", "Fast"],
    audiences: ["Analysts", "Marketers", "Finance Teams", "Researchers", "Operations Managers"],
    models: [...CHAT_MODELS, "ChatGPT Advanced Data Analysis"],
    role: "a senior data analyst who states assumptions and shows the calculation",
    variables: [b.dataset, b.goal, b.audience],
    outputs: [
      "Variant B lifted conversion from 3.1% to 3.6% (p = 0.02, n = 18,400). The effect is concentrated on mobile; desktop is flat.",
      "=IFERROR(XLOOKUP(A2, Orders!B:B, Orders!F:F), \"missing\") returns the order total or flags rows without a match.",
    ],
    tags: ["data", "analysis", "sql", "excel", "analytics", "python", "dashboard"],
  },
  {
    category: "role-play",
    medium: "text",
    subjects: ["Fantasy Tavern Keeper", "Detective Noir Partner", "Space Opera Captain", "Interview Practice Partner", "Dungeon Master", "Language Exchange Buddy", "Historical Figure Chat", "Horror Mystery Narrator"],
    flavors: ["Immersive", "Character-Driven", "Witty", "Atmospheric", "Slow-Burn"],
    audiences: ["Tabletop Players", "Writers", "Language Learners", "Job Seekers", "Story Lovers"],
    models: [...CHAT_MODELS, "Character.AI", "SillyTavern"],
    role: "an improvisational storyteller who stays in character and keeps the scene moving",
    variables: [b.character, b.topic, b.tone],
    outputs: [
      "*wipes a tankard with a rag that has seen better centuries* 'You're not from around here. Nobody orders milk in the Crooked Antler.'",
      "'The rain hadn't stopped in three days, and neither had the phone. You pick up. It's her again.'",
    ],
    tags: ["roleplay", "character", "story", "fantasy", "interactive", "dnd"],
  },
];
