import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    user: { id: string; name?: string | null; email?: string | null; image?: string | null };
    /** The users.session_version the token was issued for (lib/accounts/sessions.ts). */
    sessionVersion?: number;
    /** Only in a server-side unstable_update: the proof that moves this token to a new session version. */
    reissue?: string;
  }
  interface User {
    sessionVersion?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    /** users.session_version when the token was issued; tokens from before versions existed count as 1. */
    sv?: number;
  }
}
