// The detector loader's bundle entry (scripts/lib/detector-loader-build.ts): see lib/page/detector-loader.
import { startDetectorLoader } from './detector-loader';

startDetectorLoader();
