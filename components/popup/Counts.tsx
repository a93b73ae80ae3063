export interface CountsProps {
  people: number;
  strong: number;
  weak: number;
  dueToday: number;
  layers: { layer: number; count: number; strong: number }[];
}

/** Ties by strength and by Dunbar layer (5, 15, 50, 150 closest), and prompts due today. */
export function Counts({ people, strong, weak, dueToday, layers }: CountsProps) {
  return (
    <dl class="counts">
      <div>
        <dt>Due today</dt>
        <dd data-count="due">{dueToday}</dd>
      </div>
      <div>
        <dt>People</dt>
        <dd>{people}</dd>
      </div>
      <div>
        <dt>Strong ties</dt>
        <dd data-count="strong">{strong}</dd>
      </div>
      <div>
        <dt>Weak ties</dt>
        <dd data-count="weak">{weak}</dd>
      </div>
      {layers.map((l) => (
        <div key={l.layer}>
          <dt>Closest {l.layer}</dt>
          <dd>
            {l.count} ({l.strong} strong)
          </dd>
        </div>
      ))}
    </dl>
  );
}
