/** The documents format every figure and date by the platform's one set of Italian rules. */
export * from '@coop/vocabulary/format';
