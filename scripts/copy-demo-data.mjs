// Copies the demo tables shipped in datasets/ into static/demo/ so the built
// site serves them from its own origin (the demo notebook fetches them there).
import { cpSync, mkdirSync, readdirSync } from 'node:fs';

const DEMO_FILES = ['wa_churn.csv', 'small_fine_foods_train.csv', 'small_fine_foods_test.csv'];
mkdirSync('static/demo', { recursive: true });
for (const name of DEMO_FILES) cpSync(`datasets/${name}`, `static/demo/${name}`);
console.log(`demo data: ${readdirSync('static/demo').length} files in static/demo`);
