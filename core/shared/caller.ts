/** Who is calling. In the cloud: the OPENID from the function context; locally: the X-WX-OPENID header. Never a client field. */
export interface Caller {
  openid: string | null;
}
