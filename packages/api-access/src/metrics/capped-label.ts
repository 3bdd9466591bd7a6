/**
 * Label values from a set that outsiders can grow (client ids): the first `max` distinct values
 * are kept as they are, every later one reads `other`. Memory stays bounded whatever arrives.
 */
export class CappedLabel {
  private readonly seen = new Set<string>();

  constructor(private readonly max: number) {}

  of(value: string): string {
    if (this.seen.has(value)) return value;
    if (this.seen.size >= this.max) return 'other';
    this.seen.add(value);
    return value;
  }
}
