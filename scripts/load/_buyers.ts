// The load tool's buyers: people created in the database, signed in through Auth.js' credentials endpoint (as the
// journeys' signInViaApi does), who each buy a listing through the pages' own forms — Buy on /l/<slug>, then Pay on
// the local test checkout — posted the way a browser without JavaScript posts a server-action form.
import { randomBytes } from "node:crypto";
import { inArray, sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { orders, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { entitlingOrder } from "@/lib/orders/entitlement";
import type { Sample } from "./_traffic";

export type Buyer = { id: string; email: string; listingId: string; slug: string };
const PASSWORD = "load-test-password";

/** `count` verified people with a password, each paired with a different paid, published listing. */
export async function createBuyers(db: Db, count: number): Promise<Buyer[]> {
  const run = randomBytes(4).toString("hex");
  const passwordHash = await hashPassword(PASSWORD);
  const rows = await db
    .insert(users)
    .values(Array.from({ length: count }, (_, i) => ({ email: `load-${run}-${i}@load.test`, name: `Load buyer ${i}`, passwordHash })))
    .returning({ id: users.id, email: users.email });
  const listings = await queryRows<{ id: string; slug: string }>(
    db,
    sql`select id, slug from listings where status = 'published' and price_cents > 0 order by md5(id::text || ${run}) limit ${count}`,
  );
  if (listings.length < count) throw new Error(`the catalog has only ${listings.length} paid listings`);
  return rows.map((row, i) => ({ ...row, listingId: listings[i].id, slug: listings[i].slug }));
}

/** A browser's cookies for one site, enough for Auth.js and server actions. */
class CookieJar {
  private cookies = new Map<string, string>();
  take(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair.indexOf("=");
      this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1));
    }
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

const ENTITIES: Record<string, string> = { "&quot;": '"', "&amp;": "&", "&#x27;": "'", "&#39;": "'", "&lt;": "<", "&gt;": ">" };
const unescape = (text: string) => text.replace(/&(quot|amp|#x27|#39|lt|gt);/g, (m) => ENTITIES[m]);

/** The fields a browser would send for the first form in `html` that has a field named `marker` (hidden inputs). */
export function formFields(html: string, marker: string): FormData | null {
  for (const [form] of html.matchAll(/<form\b[\s\S]*?<\/form>/g)) {
    if (!form.includes(`name="${marker}"`)) continue;
    const data = new FormData();
    for (const [input] of form.matchAll(/<input\b[^>]*>/g)) {
      const name = /\sname="([^"]*)"/.exec(input)?.[1];
      if (name) data.append(unescape(name), unescape(/\svalue="([^"]*)"/.exec(input)?.[1] ?? ""));
    }
    return data;
  }
  return null;
}

/** One buyer's purchase, step by step over HTTP; each step's latency is a "checkout" sample. Throws on a wrong answer. */
export async function purchase(base: string, buyer: Buyer, samples: Sample[]): Promise<string> {
  const jar = new CookieJar();
  const call = async (path: string, init: RequestInit = {}) => {
    const t0 = performance.now();
    const response = await fetch(`${base}${path}`, {
      ...init,
      redirect: "manual",
      headers: { cookie: jar.header(), origin: base, ...(init.headers as Record<string, string>) },
    });
    const body = await response.text();
    samples.push({ route: "checkout", ms: performance.now() - t0, status: response.status });
    jar.take(response);
    return { status: response.status, location: response.headers.get("location") ?? "", body };
  };
  const expectStatus = (step: string, got: { status: number }, wanted: number[]) => {
    if (!wanted.includes(got.status)) throw new Error(`${buyer.email}: ${step} answered ${got.status}`);
  };

  const { csrfToken } = JSON.parse((await call("/api/auth/csrf")).body) as { csrfToken: string };
  const signIn = await call("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, email: buyer.email, password: PASSWORD, callbackUrl: "/" }).toString(),
  });
  expectStatus("sign-in", signIn, [302, 303]);
  if (/error=/.test(signIn.location)) throw new Error(`${buyer.email}: sign-in refused (${signIn.location})`);

  const listing = await call(`/l/${buyer.slug}`);
  expectStatus("listing page", listing, [200]);
  const buy = formFields(listing.body, "listingId");
  if (!buy) throw new Error(`${buyer.email}: no Buy form on /l/${buyer.slug}`);
  const started = await call(`/l/${buyer.slug}`, { method: "POST", body: buy });
  expectStatus("Buy", started, [303]);
  const checkoutPath = new URL(started.location, base).pathname;
  if (!/^\/checkout\/local\/cs_local_[0-9a-f]{24}$/.test(checkoutPath)) throw new Error(`${buyer.email}: Buy went to ${started.location}`);

  const checkout = await call(checkoutPath);
  expectStatus("checkout page", checkout, [200]);
  const pay = formFields(checkout.body, "sessionId");
  if (!pay) throw new Error(`${buyer.email}: no Pay form on ${checkoutPath}`);
  const paid = await call(checkoutPath, { method: "POST", body: pay });
  expectStatus("Pay", paid, [303]);
  const success = await call(new URL(paid.location, base).pathname + new URL(paid.location, base).search);
  expectStatus("success page", success, [200]);
  return checkoutPath.split("/").at(-1) as string;
}

/** What the database says about the buyers' orders: one paid order each, one sale journal each, entitled, no refund. */
export async function verifyFulfilment(db: Db, buyers: Buyer[]) {
  const ids = buyers.map((b) => b.id);
  const rows = await db.select().from(orders).where(inArray(orders.buyerId, ids));
  const orderIds = sql.join(
    rows.map((o) => sql`${o.id}::uuid`),
    sql`, `,
  );
  const journals = rows.length
    ? await queryRows<{ order_id: string; sale_journals: number; refund_journals: number; sale_lines: number }>(
        db,
        sql`select order_id, count(distinct journal_id) filter (where kind = 'sale')::int as sale_journals,
                   count(distinct journal_id) filter (where kind = 'refund')::int as refund_journals,
                   count(*) filter (where kind = 'sale')::int as sale_lines
            from ledger_entries where order_id in (${orderIds}) group by order_id`,
      )
    : [];
  let entitled = 0;
  for (const b of buyers) if (await entitlingOrder(db, b.id, b.listingId)) entitled += 1;
  const paid = rows.filter((o) => o.status === "paid").length;
  const onceEach = journals.filter((j) => j.sale_journals === 1 && j.refund_journals === 0).length;
  const n = buyers.length;
  return {
    orders: rows.length,
    paid,
    fulfilled_exactly_once: onceEach,
    entitled,
    sale_ledger_rows: journals.reduce((sum, j) => sum + j.sale_lines, 0),
    ok: rows.length === n && paid === n && onceEach === n && entitled === n,
  };
}
