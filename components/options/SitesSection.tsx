export type Network = 'linkedin' | 'facebook' | 'x';
const LABELS: Record<Network, string> = { linkedin: 'LinkedIn', facebook: 'Facebook', x: 'X' };

export interface SitesSectionProps {
  panel: Record<Network, boolean>;
  onChange: (network: Network, panel: boolean) => void;
  error: string | null;
}

/** Per site: Rapport on the page (a sidebar beside it) or in the browser's side panel. */
export function SitesSection({ panel, onChange, error }: SitesSectionProps) {
  return (
    <div>
      <p>
        On each site Rapport can show itself in the page, as a sidebar beside the profile, or in the browser's
        side panel. The side panel leaves the page exactly as the site made it. LinkedIn's user agreement
        forbids adding elements to its pages, and LinkedIn looks for extensions that do; on LinkedIn the side
        panel is the careful choice. The trade-off: you open the side panel yourself (toolbar button or the
        keyboard shortcut), and it takes room from every tab while open.
      </p>
      {(Object.keys(LABELS) as Network[]).map((network) => (
        <div class="options-check" key={network}>
          <input
            id={`panel-${network}`}
            type="checkbox"
            checked={panel[network]}
            onChange={(event) => onChange(network, event.currentTarget.checked)}
          />
          <label for={`panel-${network}`}>On {LABELS[network]}, show Rapport in the side panel instead</label>
        </div>
      ))}
      {error && (
        <p class="options-status options-status-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export function ShortcutHint() {
  return (
    <p>
      Press <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>R</kbd> on a profile to open or collapse Rapport. To change
      the shortcut, open <code>chrome://extensions/shortcuts</code> in the address bar (in Firefox: Add-ons,
      the gear menu, Manage Extension Shortcuts).
    </p>
  );
}
