import { AsyncLocalStorage } from 'node:async_hooks';

const workflow = new AsyncLocalStorage<true>();

/** Runs writes that only the editorial workflow may make: stage changes, publishing, unpublishing. */
export const asWorkflow = <T>(write: () => Promise<T>): Promise<T> => workflow.run(true, write);

export const isWorkflowWrite = (): boolean => workflow.getStore() === true;
