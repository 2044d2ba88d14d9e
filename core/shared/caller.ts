/** Who is calling. In the cloud: the OPENID from the function context; locally: the X-WX-OPENID header. Never a client field. */
export interface Caller {
  openid: string | null;
  /**
   * Who an anonymous caller is for rate limits only (the PC asking for a sign-in code): the local
   * server's client address, CloudBase's anonymous user id. Never an identity.
   */
  client?: string;
}
