/**
 * CPU time this process spent running `work`, in µs (user + system). Unlike wall time it leaves
 * out the time other processes held the core, which on a shared machine is most of the noise.
 */
export async function cpuMicros(work: () => Promise<void>): Promise<number> {
  const before = process.cpuUsage();
  await work();
  const used = process.cpuUsage(before);
  return used.user + used.system;
}
