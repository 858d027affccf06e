// What a person is to a listing: one word for it in lib, components and pages (ARCHITECTURE.md, "Vocabulary").

/**
 * `creator` made it; `owner` holds an entitling order (paid or disputed); `admin` is an active admin;
 * `visitor` is signed in and none of these; `signed_out` is anyone without a session.
 */
export type ListingRelation = "creator" | "owner" | "admin" | "visitor" | "signed_out";
