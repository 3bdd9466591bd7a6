/** How many requests reached the emulator: lets tests prove that caches and single-flight work. */
export class RequestCounters {
  tokenRequests = { apiAccess: 0, standard: 0 };
  jwksRequests = 0;

  snapshot(): { tokenRequests: { apiAccess: number; standard: number }; jwksRequests: number } {
    return { tokenRequests: { ...this.tokenRequests }, jwksRequests: this.jwksRequests };
  }
}
