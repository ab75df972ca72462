// Types for the <backchannel-explainer> element, its handle and its events
// (src/embed/handle.rs, src/embed.rs, www/embed/loader/). The config and
// pack types are generated from the JSON Schemas (config.d.ts, pack.d.ts).
import type { BackchannelConfig } from './config.js';
import type { BackchannelPack } from './pack.js';

export type { BackchannelConfig, BackchannelPack };

/** The model parameters a config or `setParam` may set, by id. */
export type BackchannelParams = NonNullable<BackchannelConfig['params']>;
/** A model parameter's id (`gamma`, `half_life`, …). */
export type BackchannelParamId = keyof BackchannelParams;
/** The explainer's colour theme: light unless asked. */
export type BackchannelTheme = 'light' | 'dark' | 'auto';

/** What the explainer shows for the day in view (the model's outputs, 0 to 1 unless said). */
export interface BackchannelOutputs {
  leak_risk: number;
  trust: number;
  candor: number;
  leaker_share: number;
  rerouted: number;
  rhetoric: number;
  lock_in: number;
  publicity: number;
  safety_valve: number;
  compromise: number;
  speed: number;
  progress: number;
}

/** The state as `state()` reports it, current at the call. */
export interface BackchannelState {
  /** Whether the message in view was made public. */
  public: boolean;
  /** The scenario shown. */
  scenario: string;
  /** The model day in view. */
  day: number;
  playing: boolean;
  /** The id of the story step in view. */
  beat: string;
  speed: number;
  /** The language the explainer speaks (`en`, `fr`, `vi`). */
  lang: string;
  outputs: BackchannelOutputs;
}

/** A leak in a scenario: on `day`, the message of sender number `sender` is posted. */
export interface BackchannelLeak {
  day: number;
  sender: number;
  sensitivity: number;
}

/** A scenario on offer (`scenarios()`). */
export interface BackchannelScenario {
  id: string;
  events: BackchannelLeak[];
}

/** What `exportSvg` and `exportPng` may be asked for. */
export interface BackchannelExportOptions {
  /** The image's theme; the explainer's own by default. */
  theme?: 'light' | 'dark';
  /** `social` (1200 × 675, the default) or `column` (600 wide). */
  size?: 'social' | 'column';
}

/** One problem `validatePack` found. */
export interface BackchannelProblem {
  /** Where: a field path (`beats[2].message`), a parameter id, or empty for the whole document. */
  path: string;
  problem: string;
}

/** What `validatePack` says of a pack. */
export interface BackchannelValidation {
  ok: boolean;
  /** The story in one line, when `ok`. */
  summary?: string;
  problems: BackchannelProblem[];
}

/**
 * The host page's handle on one explainer, at `element.backchannel` once
 * `backchannel:ready` has fired. Methods that can be refused throw an
 * `Error` naming the parameter or field at fault; after `destroy()` every
 * method but `destroy` throws.
 */
export interface BackchannelHandle {
  /** The state, current at the call. */
  state(): BackchannelState;
  /** Makes the message in view public (true) or private (false). */
  setPublic(isPublic: boolean): void;
  /** The scenarios on offer: the story's, then the config's own. */
  scenarios(): BackchannelScenario[];
  /** Chooses a scenario by id; throws for an id not among `scenarios()`. */
  selectScenario(id: string): void;
  /** Jumps to a model day (clamped to the timeline). */
  seek(day: number): void;
  /** Starts playback. */
  play(): void;
  /** Stops playback. */
  pause(): void;
  /** Changes a model parameter; throws the validation message (out of range). */
  setParam(id: BackchannelParamId, value: number): void;
  /** Every parameter back to the pack's and the config's values. */
  resetParams(): void;
  /** Shows step `n` of the story (0-based, clamped). */
  goToBeat(n: number): void;
  /** Tells the explainer whether it is on screen (the element does this itself). */
  setVisible(visible: boolean): void;
  /**
   * Shows the explainer in another language among the story's (`en`, `fr`,
   * `vi` for the built-in story), keeping the day, the scenario and what the
   * reader made public. Resolves once the words are on screen (fetching the
   * language's file the first time), rejects with the reason; throws at once
   * for a language the story is not told in.
   */
  setLanguage(code: string): Promise<void>;
  /**
   * Tells another story: the pack reader (a small wasm of its own, loaded
   * the first time) checks the pack, then the explainer starts over under
   * the element's config; the promise resolves once it has taken the
   * story, and `backchannel:ready` fires again when it shows. A refused
   * pack shows its problem, dispatches `backchannel:error` and rejects
   * with it.
   */
  loadPack(pack: BackchannelPack): Promise<void>;
  /** The view as SVG text. */
  exportSvg(options?: BackchannelExportOptions): string;
  /** The view as a PNG, `scale` 1 to 4 (2 by default). */
  exportPng(scale?: number, options?: BackchannelExportOptions): Promise<Blob>;
  /** Unmounts the explainer and frees it, as removing the element does. Safe to call twice. */
  destroy(): void;
}

/** The `detail` of each event the element dispatches. */
export interface BackchannelEventDetails {
  /** The explainer is interactive (again, after `loadPack`). */
  'backchannel:ready': null;
  /** The reader (or the host) made a message public or private. */
  'backchannel:public': { message: string; public: boolean };
  /** Another scenario was chosen. */
  'backchannel:scenario': { scenario: string };
  /** The reader reached the last step (once). */
  'backchannel:complete': { beat: string };
  /** The reader moved to another step; `composedPath()[0]` is its heading. */
  'backchannel:step': null;
  /**
   * The explainer could not start, refused an input or stopped: `field` is
   * `wasm`, `config`, `pack`, `internal` or the path of the field at fault.
   */
  'backchannel:error': { message: string; field: string };
}

export type BackchannelEventName = keyof BackchannelEventDetails;

/** A `backchannel:*` event: a bubbling, composed CustomEvent from the element. */
export interface BackchannelEvent<K extends BackchannelEventName = BackchannelEventName>
  extends CustomEvent<BackchannelEventDetails[K]> {
  readonly type: K;
}

/** The element's attributes (all optional strings, as in HTML). */
export interface BackchannelAttributes {
  /** The scenario a reader's flip plays and the lab opens on. */
  scenario?: string;
  /** The language to start in (`en`, `fr`, `vi`). */
  lang?: string;
  theme?: BackchannelTheme;
  /** URL of a story pack (on the page's origin or the explainer's). */
  pack?: string;
  /** URL of a JSON config (on the page's origin or the explainer's). */
  config?: string;
  /** @deprecated Accepted from older embed codes and ignored. */
  autoplay?: boolean | 'true' | 'false' | '';
}

/** `<backchannel-explainer>`. */
export interface BackchannelExplainerElement extends HTMLElement {
  /** The handle, from `backchannel:ready` until `destroy()` or removal. */
  backchannel?: BackchannelHandle;
  /** A config object (or a URL), in place of the `config` attribute. */
  config?: BackchannelConfig | string | null;
  /** A story pack object (or a URL), in place of the `pack` attribute. */
  pack?: BackchannelPack | string | null;
}

declare global {
  interface HTMLElementTagNameMap {
    'backchannel-explainer': BackchannelExplainerElement;
  }
  interface HTMLElementEventMap {
    'backchannel:ready': BackchannelEvent<'backchannel:ready'>;
    'backchannel:public': BackchannelEvent<'backchannel:public'>;
    'backchannel:scenario': BackchannelEvent<'backchannel:scenario'>;
    'backchannel:complete': BackchannelEvent<'backchannel:complete'>;
    'backchannel:step': BackchannelEvent<'backchannel:step'>;
    'backchannel:error': BackchannelEvent<'backchannel:error'>;
  }
}

/**
 * Registers `<backchannel-explainer>` if it is not yet (importing the
 * package already does, in a browser) and returns its class; `undefined`
 * where there is no DOM (a server rendering the page).
 */
export function define(): CustomElementConstructor | undefined;

/** Upgrades a `<div data-backchannel>` added after the page loaded. */
export function upgrade(host: HTMLElement): void;

/** Checks a story pack (JSON text or an object) with the explainer's own rules. */
export function validatePack(pack: string | object): Promise<BackchannelValidation>;

/** Bytes of wasm memory the page's explainers hold (0 before the first loads). */
export function wasmMemoryBytes(): number;
