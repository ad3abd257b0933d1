import { signedInBar } from '/assets/ledger.js';

await signedInBar();
