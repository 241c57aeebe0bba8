/** Where tests read the shared data sets: the repository's `datasets/` (or `$DATASETS_DIR` to try other copies). */
export const DATASETS_DIR = process.env.DATASETS_DIR || 'datasets';

/** The path of data set `file`. */
export const datasetPath = (file: string): string => `${DATASETS_DIR}/${file}`;
