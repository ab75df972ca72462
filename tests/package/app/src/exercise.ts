// Every method of the handle and every export of the package, with the
// types a newsroom developer's editor shows. Compiled by tsc --strict
// (tests/package/package.test.js) and run in the browser at the end of the
// plain page's test, so the types and what the handle does cannot disagree.
import { validatePack, wasmMemoryBytes } from 'backchannel-explainer';
import type {
  BackchannelExplainerElement,
  BackchannelHandle,
  BackchannelPack,
  BackchannelParamId,
  BackchannelScenario,
  BackchannelState,
  BackchannelValidation,
} from 'backchannel-explainer';
import packUrl from 'backchannel-explainer/packs/greenland-2026.json?url';

export interface Exercised {
  lang: string;
  scenarios: string[];
  day: number;
  svg: boolean;
  png: string;
  valid: boolean;
  summary: string | undefined;
  memory: number;
  packReady: boolean;
  destroyed: boolean;
}

export async function exercise(el: BackchannelExplainerElement): Promise<Exercised> {
  const handle: BackchannelHandle | undefined = el.backchannel;
  if (!handle) throw new Error('not ready');
  const before: BackchannelState = handle.state();
  const trust: number = before.outputs.trust;
  if (!(trust >= 0 && trust <= 1)) throw new Error(`trust ${trust}`);

  handle.setPublic(true);
  handle.setPublic(false);
  const scenarios: BackchannelScenario[] = handle.scenarios();
  const leakDays: number[] = scenarios.flatMap((s) => s.events.map((e) => e.day));
  if (leakDays.some((d) => d < 0)) throw new Error('a negative day');
  handle.goToBeat(99); // the lab, where a chosen scenario shows
  handle.selectScenario(scenarios[0].id);
  handle.seek(30);
  handle.play();
  handle.pause();
  const param: BackchannelParamId = 'gamma';
  handle.setParam(param, 0.5);
  handle.resetParams();
  handle.setVisible(true);
  handle.goToBeat(0);
  await handle.setLanguage('vi');
  const lang = handle.state().lang;
  await handle.setLanguage('en');
  const svg: string = handle.exportSvg({ theme: 'dark', size: 'column' });
  const png: Blob = await handle.exportPng(1, { size: 'social' });

  const pack = (await (await fetch(packUrl)).json()) as BackchannelPack;
  const validation: BackchannelValidation = await validatePack(pack);
  const again = new Promise<boolean>((ok) => el.addEventListener('backchannel:ready', () => ok(true), { once: true }));
  const loading: Promise<void> = handle.loadPack(pack);
  await loading;
  const packReady = await again;
  const memory: number = wasmMemoryBytes();
  handle.destroy();
  handle.destroy();
  return {
    lang,
    scenarios: scenarios.map((s) => s.id),
    day: before.day,
    svg: svg.startsWith('<svg'),
    png: png.type,
    valid: validation.ok,
    summary: validation.summary,
    memory,
    packReady,
    destroyed: el.backchannel === undefined,
  };
}
