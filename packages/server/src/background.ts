/**
 * Work that runs after the response has gone (so that, for example, asking for a sign-in link
 * takes the same time whether or not the contact is known), tracked so that tests and a
 * graceful shutdown can wait for it.
 */
export class BackgroundTasks {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly onFailure: (error: unknown) => void) {}

  /** Start a task; its failure is reported, never thrown at the caller. */
  run(task: () => Promise<void>): void {
    const promise = task()
      .catch((error: unknown) => this.onFailure(error))
      .finally(() => this.running.delete(promise));
    this.running.add(promise);
  }

  /** @returns once every task started so far has finished */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }
}
