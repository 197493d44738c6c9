import { useState } from 'react';

/** What {@link ConfirmDelete} shows: the first button, then the question and its two answers. */
export interface ConfirmDeleteProps {
  /** The first (danger) button, e.g. "Delete…". */
  label: string;
  /** The question shown once it is pressed. */
  question: string;
  /** The button that deletes, e.g. "Delete permanently". */
  confirmLabel: string;
  /** The accessible name of the question's group. */
  groupLabel: string;
  onConfirm: () => void;
}

/** A delete that asks first: a danger button that turns into "<question> [confirm] [Cancel]". */
export function ConfirmDelete({ label, question, confirmLabel, groupLabel, onConfirm }: ConfirmDeleteProps) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button
        type="button"
        className="danger"
        onClick={() => {
          setConfirming(true);
        }}
      >
        {label}
      </button>
    );
  }
  return (
    <span role="group" aria-label={groupLabel}>
      {question}{' '}
      <button type="button" className="danger" onClick={onConfirm}>
        {confirmLabel}
      </button>{' '}
      <button
        type="button"
        onClick={() => {
          setConfirming(false);
        }}
      >
        Cancel
      </button>
    </span>
  );
}
