/** Issue 15 in Firefox ESR: review packages between two browser profiles (team.ts, shared with Chromium). */
import { firefoxDriver } from '../../scripts/lib/firefox-driver';
import { defineTeamJourney, TEAM_SHOTS } from './team';

defineTeamJourney('Firefox', () => firefoxDriver(), TEAM_SHOTS);
