// backchannel-explainer/react: <Backchannel>.
import type { ForwardRefExoticComponent, HTMLAttributes, ReactNode, RefAttributes } from 'react';
import type {
  BackchannelAttributes,
  BackchannelConfig,
  BackchannelEvent,
  BackchannelExplainerElement,
  BackchannelHandle,
  BackchannelPack,
} from './index.js';

export type {
  BackchannelConfig,
  BackchannelEvent,
  BackchannelExplainerElement,
  BackchannelHandle,
  BackchannelPack,
} from './index.js';

/** The callbacks, one per `backchannel:*` event, each given the event. */
export interface BackchannelCallbacks {
  /** The explainer is interactive (the ref now holds the handle); again after `loadPack`. */
  onReady?: (event: BackchannelEvent<'backchannel:ready'>) => void;
  /** A message was made public or private: `detail.message`, `detail.public`. */
  onPublic?: (event: BackchannelEvent<'backchannel:public'>) => void;
  /** Another scenario was chosen: `detail.scenario`. */
  onScenario?: (event: BackchannelEvent<'backchannel:scenario'>) => void;
  /** The reader reached the last step: `detail.beat`. */
  onComplete?: (event: BackchannelEvent<'backchannel:complete'>) => void;
  /** The reader moved to another step. */
  onStep?: (event: BackchannelEvent<'backchannel:step'>) => void;
  /** It could not start, refused an input or stopped: `detail.message`, `detail.field`. */
  onError?: (event: BackchannelEvent<'backchannel:error'>) => void;
}

export interface BackchannelProps
  extends Omit<HTMLAttributes<BackchannelExplainerElement>, keyof BackchannelAttributes | keyof BackchannelCallbacks>,
    Omit<BackchannelAttributes, 'config' | 'pack' | 'autoplay'>,
    BackchannelCallbacks {
  /** A config object (the element's property) or a config URL (its attribute). */
  config?: BackchannelConfig | string;
  /** A story pack object (the element's property) or a pack URL (its attribute). */
  pack?: BackchannelPack | string;
  /** The fallback: what readers see while it loads, without JavaScript, or if it cannot start. */
  children?: ReactNode;
}

/**
 * `<backchannel-explainer>` as a React component. Its ref is the handle
 * (`null` until `onReady`, and after unmounting).
 */
export const Backchannel: ForwardRefExoticComponent<BackchannelProps & RefAttributes<BackchannelHandle | null>>;
