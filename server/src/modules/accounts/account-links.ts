/**
 * Pages of the application that mail links open. Tokens travel in the fragment (#jeton=…),
 * which browsers never send to a server: they stay out of access logs and Referer headers;
 * the page reads it and calls the mutation.
 */
export function accountLinks(publicUrl: string) {
  return {
    verifyEmail: (token: string) => `${publicUrl}/compte/confirmer-adresse#jeton=${token}`,
    resetPassword: (token: string) => `${publicUrl}/compte/nouveau-mot-de-passe#jeton=${token}`,
    forgotPassword: `${publicUrl}/compte/mot-de-passe-oublie`,
  };
}
