// The element itself in React 19's JSX, typed by backchannel-explainer/jsx
// (type-checked only; the app uses <Backchannel>).
import type {} from 'backchannel-explainer/jsx';
import type { BackchannelConfig } from 'backchannel-explainer';

const config: BackchannelConfig = { theme: 'dark', beats: ['act'] };

export const Element = () => (
  <backchannel-explainer
    lang="fr"
    scenario="what-happened"
    config={config}
    onbackchannel:scenario={(e) => console.log(e.detail.scenario)}
    // `public` is a reserved word where JSX reads `a:b`: spread the name instead.
    {...{ 'onbackchannel:public': (e: HTMLElementEventMap['backchannel:public']) => console.log(e.detail.public) }}
    onbackchannel:error={(e) => console.log(e.detail.field)}
  >
    <p>Fallback</p>
  </backchannel-explainer>
);
