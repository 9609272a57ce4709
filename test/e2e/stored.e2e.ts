/** Issue 15 in Chromium: the stored copy with the sites offline (stored.ts, shared with Firefox). */
import { chromiumDriver } from '../../scripts/lib/chromium-driver';
import { defineStoredCopyJourney } from './stored';

defineStoredCopyJourney('Chromium', () => chromiumDriver());
