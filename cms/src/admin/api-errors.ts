/** The Italian message the platform's API put in a refused request, or a fallback. */
export const errorMessage = (error: unknown, fallback: string): string =>
  (error as { response?: { data?: { error?: { message?: string } } } }).response?.data?.error?.message ?? fallback;
