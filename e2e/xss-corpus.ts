// The XSS corpus: text a person could type into any field Agora shows to someone else. Every payload, if the browser
// ever ran it, calls window.__xss(n) (or alert(n) / sets document.title), which the journey (e2e/xss.spec.ts) records;
// the markdown unit test (lib/catalog/markdown.test.ts) puts the same corpus through the description renderer.
// Plain data: Playwright, Vitest and the journeys' seeding (e2e/xss-fixtures.ts) all load it.

export type XssPayload = {
  /** Its number: what __xss(n) reports, and how the seeded rows are named. */
  n: number;
  /** What it tries. */
  attack: string;
  text: string;
  /**
   * A fragment the rendered description must show as text (markdown turns some of the payload into formatting,
   * e.g. a link's label stays and its javascript: target goes).
   */
  markdownShows: string;
};

/** Sets document.title to this if a payload runs that way. */
export const XSS_TITLE = "XSS-RAN";

const base64 = (text: string) => (typeof btoa === "function" ? btoa(text) : Buffer.from(text).toString("base64"));
const LS = "\u2028";
const PS = "\u2029";

const corpus: Omit<XssPayload, "n">[] = [
  { attack: "script tag", text: "<script>__xss(1)</script>", markdownShows: "<script>__xss(1)</script>" },
  { attack: "img onerror", text: "<img src=x onerror=__xss(2)>", markdownShows: "onerror=__xss(2)" },
  { attack: "svg onload", text: "<svg onload=__xss(3)>", markdownShows: "<svg onload=__xss(3)>" },
  { attack: "script inside svg", text: "<svg><script>__xss(4)</script></svg>", markdownShows: "__xss(4)" },
  { attack: "markdown link to javascript:", text: "[click p5](javascript:__xss(5))", markdownShows: "click p5" },
  { attack: "markdown image from javascript:", text: "![p6](javascript:__xss(6))", markdownShows: "<img />" },
  { attack: "mixed-case scheme", text: "[click p7](JaVaScRiPt:__xss(7))", markdownShows: "click p7" },
  { attack: "entity-encoded scheme", text: "[click p8](&#106;avascript:__xss(8))", markdownShows: "click p8" },
  { attack: "angle-bracket link destination", text: "[click p9](<javascript:__xss(9)>)", markdownShows: "click p9" },
  {
    attack: "data: URL link",
    text: `[click p10](data:text/html;base64,${base64("<script>top.__xss(10)</script>")})`,
    markdownShows: "click p10",
  },
  { attack: "data: SVG image", text: "![p11](data:image/svg+xml,<svg/onload=__xss(11)>)", markdownShows: "<img />" },
  { attack: "HTML entities", text: "&lt;script&gt;__xss(12)&lt;/script&gt;", markdownShows: "__xss(12)" },
  { attack: "numeric entities", text: "&#60;img src=x onerror=__xss(13)&#62;", markdownShows: "__xss(13)" },
  { attack: "double-quote attribute breakout", text: '"><img src=x onerror=__xss(14)>', markdownShows: "onerror=__xss(14)" },
  { attack: "single-quote attribute breakout", text: "'><svg onload=__xss(15)>", markdownShows: "onload=__xss(15)" },
  { attack: "attribute injection", text: '" autofocus onfocus="__xss(16)" x="', markdownShows: "onfocus=" },
  { attack: "textarea breakout", text: "</textarea><script>__xss(17)</script>", markdownShows: "__xss(17)" },
  { attack: "script breakout", text: "</script><script>__xss(18)</script>", markdownShows: "__xss(18)" },
  { attack: "title breakout", text: "</title><script>__xss(19)</script>", markdownShows: "__xss(19)" },
  { attack: "template literal breakout", text: "`;__xss(20);`${__xss(20)}", markdownShows: "__xss(20)" },
  { attack: "JSON-in-script breakout", text: '"};__xss(21);//', markdownShows: "__xss(21)" },
  { attack: "JSON breakout with script close", text: '"}]</script><script>__xss(22)</script>', markdownShows: "__xss(22)" },
  { attack: "U+2028/2029 inside JSON", text: `p23${LS}";__xss(23);//${PS}`, markdownShows: "__xss(23)" },
  { attack: "U+2028 before a script close", text: `${LS}</script>${PS}<script>__xss(24)</script>`, markdownShows: "__xss(24)" },
  { attack: "CSS url(javascript:)", text: '<div style="background:url(javascript:__xss(25))">p25</div>', markdownShows: "p25" },
  { attack: "CSS expression()", text: '<p style="width:expression(__xss(26))">p26</p>', markdownShows: "p26" },
  { attack: "style element import", text: "<style>@import 'javascript:__xss(27)';</style>", markdownShows: "__xss(27)" },
  { attack: "markdown autolink to javascript:", text: "<javascript:__xss(28)>", markdownShows: "__xss(28)" },
  { attack: "GFM bare-URL autolink with a quote", text: 'www.example.com/"onmouseover="__xss(29)', markdownShows: "__xss(29)" },
  { attack: "iframe srcdoc", text: '<iframe srcdoc="<script>parent.__xss(30)</script>"></iframe>', markdownShows: "__xss(30)" },
  { attack: "iframe javascript: src", text: '<iframe src="javascript:parent.__xss(31)"></iframe>', markdownShows: "__xss(31)" },
  {
    attack: "mXSS through noscript",
    text: '<noscript><p title="</noscript><img src=x onerror=__xss(32)>"></noscript>',
    markdownShows: "__xss(32)",
  },
  {
    attack: "mXSS through math/mglyph/style",
    text: "<math><mtext><table><mglyph><style><img src=x onerror=__xss(33)>",
    markdownShows: "__xss(33)",
  },
  { attack: "mXSS through svg/style", text: '<svg></p><style><a id="</style><img src=x onerror=__xss(34)>">', markdownShows: "__xss(34)" },
  {
    attack: "mXSS through nested forms",
    text: "<form><math><mtext></form><form><mglyph><style></math><img src=x onerror=__xss(35)>",
    markdownShows: "__xss(35)",
  },
  { attack: "raw HTML javascript: link", text: '<a href="javascript:__xss(36)">p36</a>', markdownShows: "p36" },
  { attack: "object data", text: '<object data="javascript:__xss(37)"></object>', markdownShows: "__xss(37)" },
  { attack: "embed data: URL", text: '<embed src="data:text/html,<script>top.__xss(38)</script>">', markdownShows: "__xss(38)" },
  { attack: "details ontoggle", text: "<details open ontoggle=__xss(39)>p39</details>", markdownShows: "p39" },
  { attack: "autofocus onfocus", text: "<input autofocus onfocus=__xss(40)>", markdownShows: "__xss(40)" },
  { attack: "body onload", text: "<body onload=__xss(41)>", markdownShows: "__xss(41)" },
  { attack: "named-entity colon in scheme", text: "[click p42](javascript&colon;__xss(42))", markdownShows: "click p42" },
  { attack: "hex-entity scheme in raw HTML", text: '<a href="&#x6A;avascript:__xss(43)">p43</a>', markdownShows: "p43" },
  { attack: "alert and title", text: `<img src=x onerror="alert(44);document.title='${XSS_TITLE}'">`, markdownShows: "alert(44)" },
  { attack: "meta refresh to javascript:", text: '<meta http-equiv="refresh" content="0;url=javascript:__xss(45)">', markdownShows: "__xss(45)" },
  { attack: "base href hijack", text: '<base href="javascript:__xss(46)//">', markdownShows: "__xss(46)" },
  { attack: "vbscript: link", text: "[click p47](vbscript:__xss(47))", markdownShows: "click p47" },
  { attack: "link with a quote in the title", text: '[click p48](https://example.com "a\\" onmouseover=\\"__xss(48))', markdownShows: "click p48" },
  { attack: "leading-space scheme in raw HTML", text: '<a href=" javascript:__xss(49)">p49</a>', markdownShows: "p49" },
  { attack: "client template injection", text: "{{constructor.constructor('__xss(50)')()}}", markdownShows: "__xss(50)" },
];

export const XSS_CORPUS: XssPayload[] = corpus.map((p, i) => ({ n: i + 1, ...p }));

/** The tag every probe listing carries, so one search finds them all. */
export const XSS_SEARCH_TAG = "xssprobe";
export const XSS_PENDING_TITLE = "XSS probe waiting for approval";
export const XSS_REVISION_TITLE = "XSS probe changed details";

/** Creator n's handle and listing n's slug (handles and slugs are checked by shape, so they carry no payload). */
export const xssHandle = (n: number) => `xss-probe-${n}`;
export const xssMailAddress = (template: string, key: string) => `xss-mail-${template.replace(/_/g, "-")}-${key}@e2e.test`;

export const XSS_ACCOUNTS = {
  /** Owns every probe listing; signs in with E2E_PASSWORD. */
  libraryBuyer: { email: "xss-library@e2e.test", name: XSS_CORPUS[13].text },
  /** The actor of the probe audit entries. */
  auditAdmin: { email: "xss-audit-admin@e2e.test", name: XSS_CORPUS[16].text },
} as const;
