import type { Network } from '@/lib/domain/prompts';

// A dismissed headline banner is stored as the popup's own prompt state for that headline change
// (`promptStates`, via actOnPrompt): it survives the sidebar's partitioned storage, travels in the
// backup, and dismissing it in the sidebar or in the popup puts both away. (Dismissals an older version
// kept in the frame's localStorage are not carried over: the in-page frame could not use it anyway, and
// losing one only shows its banner once more.)

/** The key lib/domain/prompts/acknowledge-success.ts gives the prompt for this headline change. */
export function milestonePromptKey(personId: string, network: Network, seenAt: number): string {
  return `acknowledge-success:${personId}:headline:${network}:${seenAt}`;
}
