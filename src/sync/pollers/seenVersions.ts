/**
 * Incident versions a poller has already queued, so the overlapping windows it reads do not
 * queue the same change twice. Bounded: the oldest entries go first; forgetting one costs at
 * most a job that finds nothing to do.
 */
export class SeenVersions {
  private readonly versions = new Map<string, string>();

  constructor(private readonly capacity = 50_000) {}

  /** True when `version` of `id` was seen before; records it either way. */
  check(id: string, version: string): boolean {
    if (this.versions.get(id) === version) return true;

    this.versions.delete(id);
    this.versions.set(id, version);
    if (this.versions.size > this.capacity) {
      const oldest = this.versions.keys().next().value;
      if (oldest !== undefined) this.versions.delete(oldest);
    }
    return false;
  }

  get size(): number {
    return this.versions.size;
  }
}
