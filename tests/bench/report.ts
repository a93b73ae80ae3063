import { printResults, RESULTS_FILE } from './results';

/** The last figures of every bench, from bench-results.json (what `npm run bench` ends with). */
console.info(`\nLatest benchmark figures (${RESULTS_FILE}):`);
printResults();
