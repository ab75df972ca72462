// backchannel-explainer/react: <Backchannel>, the element as a typed React
// component. Attributes are props; `config` and `pack` take an object (set
// as the element's properties) or a URL (the attribute); each
// `backchannel:*` event has its callback; the ref is the handle, once ready.
// React is a peer dependency of this entry only.
import { createElement, forwardRef, useEffect, useImperativeHandle, useLayoutEffect, useRef, useState } from 'react';
// Registers the element in a browser; on a server, the package's server.js.
import 'backchannel-explainer';

const EVENTS = {
  onReady: 'backchannel:ready',
  onPublic: 'backchannel:public',
  onScenario: 'backchannel:scenario',
  onComplete: 'backchannel:complete',
  onStep: 'backchannel:step',
  onError: 'backchannel:error',
};

/**
 * A URL goes in the attribute; an object is the element's property (the
 * attribute removed, so the two cannot disagree). The property is cleared
 * only if this component set it. An object equal to the last one (as JSON:
 * `config={{ … }}` written inline is a new object at every render) is not
 * set again, as setting it tells the explainer to start over.
 */
function useInput(element, name, value) {
  const given = useRef(undefined);
  useLayoutEffect(() => {
    const el = element.current;
    const object = value !== null && typeof value === 'object';
    let text;
    try {
      text = object ? JSON.stringify(value) : undefined;
    } catch {
      text = Symbol(name); // not JSON: the element says why
    }
    if (object && text === given.current) return;
    if (given.current !== undefined && !object) el[name] = null;
    given.current = text;
    if (typeof value === 'string') el.setAttribute(name, value);
    else if (el.hasAttribute(name)) el.removeAttribute(name);
    if (object) el[name] = value;
  }, [element, name, value]);
}

export const Backchannel = forwardRef(function Backchannel(props, ref) {
  const { config, pack, children, ...rest } = props;
  const element = useRef(null);
  const [handle, setHandle] = useState(null);
  useImperativeHandle(ref, () => handle, [handle]);

  // The latest callbacks, read when an event comes: listeners are added once.
  const callbacks = useRef(props);
  useLayoutEffect(() => {
    callbacks.current = props;
  });
  useEffect(() => {
    const el = element.current;
    const listeners = Object.entries(EVENTS).map(([prop, type]) => {
      const listener = (event) => {
        if (type === 'backchannel:ready') setHandle(el.backchannel ?? null);
        callbacks.current[prop]?.(event);
      };
      el.addEventListener(type, listener);
      return [type, listener];
    });
    // After StrictMode's second mount, or a remount: the handle, if ready.
    setHandle(el.backchannel ?? null);
    return () => {
      for (const [type, listener] of listeners) el.removeEventListener(type, listener);
      setHandle(null);
    };
  }, []);

  useInput(element, 'config', config);
  useInput(element, 'pack', pack);

  // Everything else (lang, theme, scenario, id, className, hidden, data-*)
  // is the element's, as React 19 sets it on a custom element.
  const attributes = { ref: element };
  for (const [key, value] of Object.entries(rest)) if (!(key in EVENTS)) attributes[key] = value;
  return createElement('backchannel-explainer', attributes, children);
});
