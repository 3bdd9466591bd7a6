/** Milliseconds since the Unix epoch, like `Date.now`. Injected so tests can pin and move time. */
export type Clock = () => number;
