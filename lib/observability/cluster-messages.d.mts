// Types of cluster-messages.mjs (plain JavaScript so that `npm start` runs it with node alone).
export const METRICS_MESSAGES: {
  readonly request: "agora:metrics:request";
  readonly collect: "agora:metrics:collect";
  readonly part: "agora:metrics:part";
  readonly parts: "agora:metrics:parts";
};
