// <backchannel-explainer> in React 19's JSX (IntrinsicElements), for teams
// that use the element itself rather than <Backchannel>
// (backchannel-explainer/react): `import type {} from 'backchannel-explainer/jsx'`.
// React 19 sets `config` and `pack` objects as the element's properties and
// listens to `onbackchannel:public` and the like as the events of those names.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type {
  BackchannelAttributes,
  BackchannelConfig,
  BackchannelEvent,
  BackchannelEventName,
  BackchannelExplainerElement,
  BackchannelPack,
} from './index.js';

/** The element's props in JSX: its attributes, objects for `config` and `pack`, and its events. */
export type BackchannelExplainerJSX = Omit<
  DetailedHTMLProps<HTMLAttributes<BackchannelExplainerElement>, BackchannelExplainerElement>,
  keyof BackchannelAttributes
> &
  Omit<BackchannelAttributes, 'config' | 'pack'> & {
    config?: string | BackchannelConfig;
    pack?: string | BackchannelPack;
  } & {
    [K in BackchannelEventName as `on${K}`]?: (event: BackchannelEvent<K>) => void;
  };

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'backchannel-explainer': BackchannelExplainerJSX;
    }
  }
}
