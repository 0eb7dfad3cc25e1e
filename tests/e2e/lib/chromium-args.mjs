// How every test and benchmark starts Debian's Chromium: no sandbox (containers), no GPU, no
// QUIC, and nothing that reaches out to Google's services on its own.

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
