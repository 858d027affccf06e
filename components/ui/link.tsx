// Every in-app link: next/link's client-side navigation, without prefetching. Each page here is rendered per request
// (its CSP nonce, the session), so a prefetch brings back only the route's tree (about 350 bytes) and the click still
// renders the page; yet every prefetch runs the server's render pipeline (about 4 ms of CPU). With next/link's default,
// one page view in Chromium sent about 43 of them (every card, facet and menu link on screen) and cost the server
// ~490 ms of CPU, where the page itself takes ~30 ms. A link may still ask for prefetching explicitly.
import NextLink from "next/link";
import type { ComponentPropsWithRef } from "react";

export type LinkProps = ComponentPropsWithRef<typeof NextLink>;

export default function Link({ prefetch = false, ...props }: LinkProps) {
  return <NextLink prefetch={prefetch} {...props} />;
}
