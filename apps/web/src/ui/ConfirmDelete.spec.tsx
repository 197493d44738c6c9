import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ConfirmDelete } from './ConfirmDelete';

describe('ConfirmDelete', () => {
  const setup = () => {
    const onConfirm = vi.fn();
    render(
      <ConfirmDelete
        label="Delete…"
        question="Delete “notes.md” and its chunks?"
        confirmLabel="Delete permanently"
        groupLabel="Confirm deletion"
        onConfirm={onConfirm}
      />,
    );
    return { onConfirm, user: userEvent.setup() };
  };

  it('should ask first and delete only on the confirming button', async () => {
    const { onConfirm, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Delete…' }));
    const question = screen.getByRole('group', { name: 'Confirm deletion' });
    expect(question.textContent).toContain('Delete “notes.md” and its chunks?');
    expect(onConfirm).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Delete permanently' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });

  it('should go back to the first button on Cancel, deleting nothing', async () => {
    const { onConfirm, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Delete…' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('group', { name: 'Confirm deletion' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Delete…' })).toBeTruthy();
    expect(onConfirm).not.toHaveBeenCalled();
  });
});
