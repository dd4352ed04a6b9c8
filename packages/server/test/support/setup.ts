import { beforeAll } from 'vitest';
import { harness } from './harness.js';

// Every file starts (or joins) the shared server in a hook, whose 60 s limit covers starting
// PGlite and migrating it, so that the first test of whichever file runs first is not charged
// for that under its 20 s limit on a busy machine.
beforeAll(() => harness());
