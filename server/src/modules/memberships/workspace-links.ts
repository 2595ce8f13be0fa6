/** Pages of "Mon espace" that mails link to. The invitation token travels in the fragment (never sent to a server). */
export function workspaceUrl(publicUrl: string): string {
  return `${publicUrl}/mon-espace`;
}

export function invitationUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/mon-espace/invitation#jeton=${token}`;
}
