/** A permission matrix once loaded and checked: nothing in it is left to validate. */
export interface Matrix {
  /** The file it came from, as given. */
  readonly file: string;
  /** Base URL of the API under test. */
  readonly target: string;
  /** The API's client id: the default audience of every token. */
  readonly audience: string;
  readonly sso: MatrixSso;
  readonly identities: readonly MatrixIdentity[];
  readonly routes: readonly MatrixRoute[];
  /** One cell per identity and route, identities in file order, then routes in file order. */
  readonly cells: readonly MatrixCell[];
}

export interface MatrixSso {
  /** API Access token endpoint for `clientId` and emulator `roles` identities. */
  readonly tokenEndpoint: string;
  /** Set when the SSO is the emulator, which registers `roles` identities. */
  readonly emulator?: { readonly adminUrl: string; readonly adminSecretEnv: string };
}

/** Who calls. */
export type MatrixIdentity =
  | { readonly kind: 'none'; readonly name: string }
  | {
      readonly kind: 'application';
      readonly name: string;
      readonly clientId: string;
      /** Environment variable holding the secret. */
      readonly secretEnv: string;
      readonly audience: string;
    }
  | {
      readonly kind: 'roles';
      readonly name: string;
      readonly roles: readonly string[];
      readonly audience: string;
    };

export interface MatrixRoute {
  /** As written: `DELETE /reports/{id}`. */
  readonly name: string;
  readonly method: string;
  /** Path with its parameters filled in and the query appended: `/reports/1`. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Sent as JSON when present. */
  readonly body?: unknown;
}

export interface MatrixCell {
  readonly identity: MatrixIdentity;
  readonly route: MatrixRoute;
  readonly expected: number;
}
