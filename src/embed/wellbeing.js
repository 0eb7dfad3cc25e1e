// The one script a host page includes:
//   <script type="module" src="https://assets.example.org/wellbeing/wellbeing.js"></script>
//   <div data-wellbeing-widget data-endpoint="https://intake.example.org/referrals"></div>
// It loads the widget's code and styles from its own folder, wherever that is hosted, and needs
// no inline script or style (CSP: script-src 'self' 'wasm-unsafe-eval'; style-src 'self').
import init from './wellbeing-widget.js';

const base = new URL('./', import.meta.url).href;
globalThis.wellbeingWidget = Object.freeze({ base });

init({ module_or_path: new URL('wellbeing-widget_bg.wasm', base) }).catch(() => {
  // The code could not load (offline on first visit, blocked, or an old browser): say so in
  // every widget rather than leave "Loading" forever. No personal data is involved.
  console.error('[wellbeing-widget] the widget could not start in this browser');
  for (const host of document.querySelectorAll('[data-wellbeing-widget]')) {
    if (host.shadowRoot) continue;
    const p = document.createElement('p');
    p.textContent =
      'This form could not be loaded. If you need help now, call 999 in an emergency, ' +
      'NHS 111 (option 2) for urgent mental health help, or Samaritans on 116 123.';
    host.replaceChildren(p);
  }
});
