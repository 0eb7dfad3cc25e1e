// The one script a host page includes:
//   <script type="module" src="https://assets.example.org/wellbeing/wellbeing.js"></script>
//   <div data-wellbeing-widget data-endpoint="https://intake.example.org/referrals"></div>
// It looks at each host element's attributes and loads, from its own folder, only the modules
// those elements need (a patient's page loads only the patient module). It needs no inline script
// or style (CSP: script-src 'self' 'wasm-unsafe-eval'; style-src 'self').

const base = new URL('./', import.meta.url).href;

// Each module's files are <name>.js and <name>_bg.wasm.
const MODULES = {
  patient: 'wellbeing-widget',
  licensed: 'wellbeing-licensed',
  fhir: 'wellbeing-fhir',
  'follow-up': 'wellbeing-follow-up',
};

// The module an element needs, read as the widget reads these attributes: data-mode="follow-up"
// (exactly, around spaces) is the follow-up, whatever its data-format; otherwise
// data-format="fhir" (any case) is the FHIR module; otherwise a data-instruments-url (a file of
// licensed or extra instruments) needs the module that reads one; anything else is the patient
// form.
function moduleOf(host) {
  if ((host.getAttribute('data-mode') ?? '').trim() === 'follow-up') return 'follow-up';
  if ((host.getAttribute('data-format') ?? '').trim().toLowerCase() === 'fhir') return 'fhir';
  if ((host.getAttribute('data-instruments-url') ?? '').trim() !== '') return 'licensed';
  return 'patient';
}

// Where to get help now: the widget's own words (src/domain/crisis.rs); tests/domain/crisis.rs
// checks that they stay the same.
const CRISIS_HELP = [
  'If you or someone else has physically harmed themselves, or if a life is at risk, call 999 or go to A&E.',
  'For urgent mental health help, call NHS 111 and choose option 2. It is open day and night.',
  'To talk to someone any time, call Samaritans free on 116 123.',
];

const hosts = {};
for (const host of document.querySelectorAll('[data-wellbeing-widget]')) {
  (hosts[moduleOf(host)] ??= []).push(host);
}
// Each module mounts only the elements listed under its name here, so two modules on one page
// never mount the same element.
for (const list of Object.values(hosts)) Object.freeze(list);
globalThis.wellbeingWidget = Object.freeze({ base, hosts: Object.freeze(hosts) });

if (Object.keys(hosts).length === 0) {
  console.error('[wellbeing-widget] no element with the data-wellbeing-widget attribute was found on this page');
}

for (const [kind, list] of Object.entries(hosts)) {
  const name = MODULES[kind];
  import(new URL(`${name}.js`, base).href)
    .then((module) => module.default({ module_or_path: new URL(`${name}_bg.wasm`, base) }))
    .catch(() => {
      // The code could not load (offline on first visit, blocked, or an old browser): say so in
      // each of this module's widgets rather than leave "Loading" forever. No personal data is
      // involved.
      console.error('[wellbeing-widget] the widget could not start in this browser');
      for (const host of list) {
        if (host.shadowRoot) continue;
        const p = document.createElement('p');
        p.textContent = 'This form could not be loaded. If you need help now:';
        const list = document.createElement('ul');
        for (const sentence of CRISIS_HELP) {
          const li = document.createElement('li');
          li.textContent = sentence;
          list.append(li);
        }
        host.replaceChildren(p, list);
      }
    });
}
