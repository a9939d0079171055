// Tells the user which fields of the link they opened were bad, and that defaults replaced them.
import { useSettings } from '../state/settingsStore';

export function LinkErrorBanner() {
  const all = useSettings((s) => s.linkErrors);
  const errors = [...new Set(all.map((e) => e.message))];
  const dismiss = useSettings((s) => s.dismissLinkErrors);
  if (errors.length === 0) return null;
  return (
    <div className="link-error" role="alert" data-testid="link-error">
      <strong>Some settings in this link were not valid and use their defaults:</strong>
      <ul>
        {errors.slice(0, 12).map((message) => (
          <li key={message}>{message}</li>
        ))}
        {errors.length > 12 && <li>…and {errors.length - 12} more</li>}
      </ul>
      <button type="button" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
