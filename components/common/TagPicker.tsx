import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';

/** Preset tags as toggles plus free tags typed by the reviewer (Enter or comma adds one). */
export function TagPicker({ presets, value, onChange }: { presets: string[]; value: string[]; onChange: (tags: string[]) => void }) {
  const [draft, setDraft] = useState('');
  const toggle = (tag: string) => onChange(value.includes(tag) ? value.filter((x) => x !== tag) : [...value, tag]);
  const addFree = () => {
    // over-long tags are kept: the form's limit check names them instead of dropping them silently
    const tags = draft.split(/[,，;；\s]+/).map((x) => x.trim()).filter((x) => x && !value.includes(x));
    if (tags.length) onChange([...value, ...tags]);
    setDraft('');
  };
  const free = value.filter((x) => !presets.includes(x));
  return (
    <fieldset class="rl-tags">
      <legend>{t('annotationTags')}</legend>
      {presets.map((p) => (
        <label key={p} class="rl-tag-toggle">
          <input type="checkbox" checked={value.includes(p)} onChange={() => toggle(p)} /> {p}
        </label>
      ))}
      {free.map((f) => (
        <button type="button" key={f} class="rl-tag-free" title={t('removeTag')} onClick={() => toggle(f)}>{f} ×</button>
      ))}
      <input type="text" name="freeTag" placeholder={t('freeTagPlaceholder')} value={draft}
        onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)}
        onKeyDown={(e) => { if (e.key === 'Enter' || e.key === ',') { e.preventDefault(); addFree(); } }} onBlur={addFree} />
    </fieldset>
  );
}
