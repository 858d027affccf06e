// Words for seeded people: names, studio names, bios and the email domains they use.

export const FIRST_NAMES = [
  "Maya", "Liam", "Sofia", "Noah", "Amara", "Ethan", "Priya", "Lucas", "Chloe", "Mateo",
  "Hana", "Oliver", "Zara", "Daniel", "Aisha", "Felix", "Ines", "Jonas", "Leila", "Marco",
  "Nadia", "Owen", "Rosa", "Samir", "Talia", "Viktor", "Yuki", "Elena", "Kofi", "Mei",
  "Arjun", "Clara", "Diego", "Freya", "Hugo", "Isla", "Javier", "Keiko", "Lena", "Milo",
  "Nora", "Omar", "Paula", "Rafael", "Sienna", "Tomas", "Uma", "Wen", "Ximena", "Yara",
  "Adele", "Bruno", "Camila", "Dev", "Emeka", "Fatima", "Gabriel", "Harper", "Ivan", "Jade",
] as const;

export const LAST_NAMES = [
  "Chen", "Okafor", "Rossi", "Nguyen", "Silva", "Patel", "Müller", "Kowalski", "Haddad", "Tanaka",
  "Johansson", "García", "Dubois", "Kim", "Mensah", "O'Brien", "Novak", "Alvarez", "Schmidt", "Sato",
  "Ibrahim", "Fischer", "Moreau", "Andersen", "Costa", "Lindqvist", "Mendes", "Park", "Reyes", "Walsh",
  "Bauer", "Castillo", "Delgado", "Eriksen", "Fernandes", "Greco", "Horvat", "Ishikawa", "Jovanovic", "Khan",
] as const;

export const STUDIO_WORDS = [
  "Lumen", "Prompt", "Pixel", "Neural", "Atlas", "Nimbus", "Vector", "Quill", "Signal", "Ember",
  "Orbit", "Kite", "Prism", "Cobalt", "Juniper", "Marble", "Vertex", "Harbor", "Nova", "Sable",
] as const;

export const STUDIO_SUFFIXES = ["Studio", "Labs", "Works", "Forge", "Collective", "Atelier", "Co.", "Foundry"] as const;

export const CREATOR_CRAFTS = [
  "prompt engineer",
  "commercial photographer",
  "colorist",
  "ML engineer",
  "growth marketer",
  "technical writer",
  "instructional designer",
  "indie game artist",
  "data analyst",
  "cloud architect",
  "music producer",
  "video editor",
  "brand designer",
  "copywriter",
  "solutions architect",
] as const;

export const BIO_CLAIMS = [
  "I build what I wish I had when I started.",
  "Every asset is tested on real client work before it ships.",
  "Updates are free for everyone who bought a listing.",
  "I answer questions in the reviews, usually within a day.",
  "Clear instructions, no fluff, honest examples.",
  "Most of my work comes out of a decade of agency projects.",
  "I publish a new version whenever the underlying models change.",
  "Open to custom requests: leave a note on any listing.",
] as const;

export const EMAIL_DOMAINS = ["example.com", "example.org", "example.net", "mail.example", "studio.example"] as const;

/** Lowercase ASCII version of a name part, for emails and handles. */
export function asciiSlug(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
