/** Issue 15 in Firefox ESR: the stored copy with the sites offline (stored.ts, shared with Chromium). */
import { firefoxDriver } from '../../scripts/lib/firefox-driver';
import { defineStoredCopyJourney } from './stored';

defineStoredCopyJourney('Firefox', () => firefoxDriver());
