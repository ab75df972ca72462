// A newsroom page in TypeScript: the element made and listened to, typed.
import { define } from 'backchannel-explainer';
import type { BackchannelEvent, BackchannelEventName } from 'backchannel-explainer';
import { exercise, type Exercised } from './exercise';

declare global {
  interface Window {
    consumer: { events: string[]; exercise: () => Promise<Exercised> };
  }
}

define();
const el = document.createElement('backchannel-explainer');
el.setAttribute('scenario', 'what-happened');
const fallback = document.createElement('p');
fallback.textContent = 'An interactive explainer: what happens when a private message is made public.';
el.append(fallback);
document.querySelector('#app')?.append(el);

const events: string[] = [];
el.addEventListener('backchannel:ready', (e) => events.push(`${e.type}`));
el.addEventListener('backchannel:public', (e) => events.push(`${e.type} ${e.detail.message} ${e.detail.public}`));
el.addEventListener('backchannel:scenario', (e) => events.push(`${e.type} ${e.detail.scenario}`));
el.addEventListener('backchannel:complete', (e) => events.push(`${e.type} ${e.detail.beat}`));
el.addEventListener('backchannel:step', (e) => events.push(`${e.type} ${e.detail === null}`));
el.addEventListener('backchannel:error', (e) => events.push(`${e.type} ${e.detail.field}: ${e.detail.message}`));
// The same, from the document, through the events' names alone.
const names: BackchannelEventName[] = ['backchannel:ready', 'backchannel:error'];
for (const name of names) document.addEventListener(name, (e) => void (e as BackchannelEvent).detail);

window.consumer = { events, exercise: () => exercise(el) };
