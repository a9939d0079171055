// The family switch: circle, ellipse (either reward), line, or the reader's own goals.
import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { FAMILY_CHOICES, type FamilyChoice, familyChoiceOf, familyPatch } from '../state/familySwitch';
import { useSettings } from '../state/settingsStore';

export function FamilySelect({ label = 'Task family', testId }: { label?: string; testId?: string }) {
  const choice = useSettings(
    useShallow((s) => familyChoiceOf({ family: s.settings.family, reward: s.settings.reward })),
  );
  const id = useId();
  return (
    <div className="field family-select">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        data-testid={testId}
        value={choice}
        onChange={(e) => {
          const { settings, update } = useSettings.getState();
          update(familyPatch(settings, e.target.value as FamilyChoice));
        }}
      >
        {FAMILY_CHOICES.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}
