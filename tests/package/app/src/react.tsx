// A React 19 app (StrictMode) with <Backchannel>: a config object and a
// story pack, the language from the app's state, callbacks for the events,
// the ref to the handle, and a route that mounts and unmounts it.
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Backchannel } from 'backchannel-explainer/react';
import type { BackchannelConfig, BackchannelHandle, BackchannelPack } from 'backchannel-explainer/react';
import packUrl from 'backchannel-explainer/packs/nato-summit-2025.json?url';

declare global {
  interface Window {
    app: { events: string[]; handle: BackchannelHandle | null; setLang: (lang: string) => void };
  }
}

// Two of the story's steps, and a parameter of the host's own.
const config: BackchannelConfig = { beats: ['act', 'lab'], params: { gamma: 0.9 } };
const pack = (await (await fetch(packUrl)).json()) as BackchannelPack;

const events: string[] = [];
window.app = { events, handle: null, setLang: () => {} };
// A stable callback ref: the handle once ready, null after unmounting.
const keepHandle = (handle: BackchannelHandle | null) => {
  window.app.handle = handle;
};

function Story({ lang }: { lang: string }) {
  return (
    <Backchannel
      ref={keepHandle}
      lang={lang}
      theme="light"
      config={config}
      pack={pack}
      onReady={(e) => events.push(e.type)}
      onPublic={(e) => events.push(`public ${e.detail.public}`)}
      onScenario={(e) => events.push(`scenario ${e.detail.scenario}`)}
      onComplete={(e) => events.push(`complete ${e.detail.beat}`)}
      onStep={(e) => events.push(e.type)}
      onError={(e) => events.push(`error ${e.detail.field}: ${e.detail.message}`)}
    >
      <p>An interactive explainer: what happens when a private message is made public.</p>
    </Backchannel>
  );
}

const route = () => (location.hash === '#home' ? 'home' : 'story');

function App() {
  const [page, setPage] = useState(route);
  const [lang, setLang] = useState('en');
  useEffect(() => {
    const follow = () => setPage(route());
    addEventListener('hashchange', follow);
    window.app.setLang = setLang;
    return () => removeEventListener('hashchange', follow);
  }, []);
  return (
    <>
      <nav>
        <a href="#story">Story</a> <a href="#home">Home</a>
      </nav>
      {page === 'story' ? <Story lang={lang} /> : <p>Home</p>}
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
