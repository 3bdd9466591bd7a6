/** The status a plain GET of `url` gets. */
export async function status(url: string): Promise<number> {
  return (await fetch(url)).status;
}
