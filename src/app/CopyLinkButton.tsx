// Copies the current shareable link (the hash mirrors the settings; a write still waiting is flushed first).
import { useState } from 'react';
import { flushHash } from '../state/settingsStore';

export function CopyLinkButton() {
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      flushHash();
      await navigator.clipboard.writeText(location.href);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
    setTimeout(() => setCopied('idle'), 2000);
  };
  return (
    <button type="button" className="copy-link" onClick={copy} data-testid="copy-link">
      {copied === 'copied'
        ? 'Link copied'
        : copied === 'failed'
          ? 'Copy failed — use the address bar'
          : 'Copy link'}
    </button>
  );
}
