/** The shared user journeys (journeys.ts) in Chromium, the same ones journeys.firefox.ts runs in Firefox ESR. */
import { chromiumDriver } from '../../scripts/lib/chromium-driver';
import { definePrivacyCheck, defineJourneys } from './journeys';

const driver = defineJourneys('Chromium', () => chromiumDriver());
definePrivacyCheck('Chromium', driver);
