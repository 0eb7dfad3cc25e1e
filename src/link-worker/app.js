// The link-worker app: registers its service worker (sw.js), which keeps the app's files on the
// tablet so that it opens and works with no signal, and says in the page whether it is ready.
// The follow-up itself is the widget on the page, started by ../wellbeing.js.

const status = document.getElementById('app-status');

function say(text) {
  if (status && status.textContent !== text) status.textContent = text;
}

const READY = 'This app is saved on this tablet: it opens and records visits with no signal.';
const UPDATE_WAITING = 'A new version of this app is ready. It will be used the next time you open the app.';

/** Says what the registration's state means for the link worker. */
function describe(registration) {
  if (registration.waiting && navigator.serviceWorker.controller) say(UPDATE_WAITING);
  else if (registration.active) say(READY);
  else say('Saving this app on this tablet for use with no signal…');
}

/** Follows an installing worker until it is installed (or fails). */
function follow(registration, worker) {
  if (!worker) return;
  worker.addEventListener('statechange', () => {
    if (worker.state === 'redundant' && !registration.active) {
      say('This app could not be saved on this tablet yet. Open it again with a signal before you go out.');
    } else {
      describe(registration);
    }
  });
}

async function start() {
  if (!('serviceWorker' in navigator)) {
    say('This browser cannot keep the app for use with no signal. Use a current version of Chrome, Edge, Safari or Firefox.');
    return;
  }
  try {
    // Already registered: the browser itself checks for a new release on each start when online,
    // so registering again (which would fail with no signal) is not needed.
    const registration =
      (await navigator.serviceWorker.getRegistration('./')) ??
      (await navigator.serviceWorker.register('sw.js', { scope: './', updateViaCache: 'none' }));
    describe(registration);
    follow(registration, registration.installing);
    registration.addEventListener('updatefound', () => follow(registration, registration.installing));
  } catch {
    say('This app could not be saved on this tablet yet. Open it again with a signal before you go out.');
  }
}

start();
