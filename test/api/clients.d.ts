// The two client libraries ship no types; the tests treat their answers as untyped JSON.
declare module '@tryghost/content-api' {
  const GhostContentAPI: any;
  export default GhostContentAPI;
}
declare module 'wpapi' {
  const WPAPI: any;
  export default WPAPI;
}
