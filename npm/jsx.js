// backchannel-explainer/jsx has types only (jsx.d.ts): React 19's JSX knows
// <backchannel-explainer> once it is imported (`import type {} from
// 'backchannel-explainer/jsx'`). Nothing runs.
export {};
