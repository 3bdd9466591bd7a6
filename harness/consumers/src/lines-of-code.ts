/**
 * The lines of code an app adds or changes to use the package: the lines of `after` that are not
 * in `before` (a longest common subsequence of their code lines), leaving out blank lines,
 * comment-only lines and configuration (the options object a `useFactory` returns).
 */
export function addedLinesOfCode(before: string, after: string): string[] {
  const old = codeLines(before);
  const now = codeLines(after);
  // common[i][j]: length of the longest common subsequence of old[i..] and now[j..].
  const common = Array.from({ length: old.length + 1 }, () =>
    new Array<number>(now.length + 1).fill(0),
  );
  for (let i = old.length - 1; i >= 0; i--) {
    for (let j = now.length - 1; j >= 0; j--) {
      common[i]![j] =
        old[i] === now[j]
          ? common[i + 1]![j + 1]! + 1
          : Math.max(common[i + 1]![j]!, common[i]![j + 1]!);
    }
  }
  const added: string[] = [];
  for (let i = 0, j = 0; j < now.length;) {
    if (i < old.length && old[i] === now[j]) {
      i++;
      j++;
    } else if (i < old.length && common[i + 1]![j]! >= common[i]![j + 1]!) {
      i++; // a line of `before` that `after` dropped or changed
    } else {
      if (!isConfiguration(now, j)) added.push(now[j]!);
      j++;
    }
  }
  return added;
}

/** Lines that are code: not blank, not only a comment. Trailing comments are cut off. */
function codeLines(source: string): string[] {
  return source
    .split('\n')
    .map((line) => line.replace(/\s+\/\/ .*$/, '').trimEnd())
    .filter((line) => line.trim() !== '' && !line.trim().startsWith('//'));
}

/** Inside `useFactory: () => ({ ... })`: the options, i.e. configuration, not code. */
function isConfiguration(lines: string[], index: number): boolean {
  for (let k = index - 1; k >= 0; k--) {
    const line = lines[k]!;
    if (/useFactory: \(\) => \(\{$/.test(line)) {
      const indent = line.length - line.trimStart().length;
      const closing = lines.findIndex(
        (candidate, at) => at > k && candidate === `${' '.repeat(indent)}}),`,
      );
      return index < closing;
    }
  }
  return false;
}
