// Every in-app link: next/link's client-side navigation, without prefetching. Each page here is rendered per request
// (its CSP nonce, the session), so a prefetch brings back only the route's tree (about 350 bytes) and the click still
// renders the page; yet every prefetch runs the server's render pipeline (about 4 ms of CPU). With next/link's default,
// a page view in Chromium sent 39 of them (every card, facet and menu link on screen) and cost the server 353 ms of
// CPU; without, 81 ms (`npm run bench -- views`). A link may still ask for prefetching explicitly.
import NextLink from "next/link";
import type { ComponentPropsWithRef } from "react";

export type LinkProps = ComponentPropsWithRef<typeof NextLink>;

export default function Link({ prefetch = false, ...props }: LinkProps) {
  return <NextLink prefetch={prefetch} {...props} />;
}
