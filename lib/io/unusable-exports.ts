// Files people will reasonably try to import that hold nobody Rapport can identify. The options page
// names them before sending anything to the worker (which would refuse them anyway, less plainly).

/** Facebook's friends list (Download your information, JSON): names and dates, no profile link or id. */
const FACEBOOK_FRIENDS = /^\s*\{\s*"(friends_v2|friends|received_requests_v2|sent_requests_v2)"\s*:/;

/** Why the file cannot be imported, when it is one of those; null otherwise. */
export function unusableExport(text: string): string | null {
  if (FACEBOOK_FRIENDS.test(text.replace(/^\uFEFF/, '').slice(0, 1_000))) {
    return "This is Facebook's friends list. It gives each friend's name but no profile link or id, so Rapport cannot tell which Facebook profile is whose; nothing was imported. Add friends from their profiles instead (one click in the sidebar).";
  }
  return null;
}
