import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Composer } from './Composer';

describe('Composer', () => {
  it('should send on Enter, add a line on Shift+Enter, and not send blank text', async () => {
    const onSend = vi.fn();
    render(<Composer streaming={false} onSend={onSend} onStop={vi.fn()} />);
    const box = screen.getByLabelText('Message');
    await userEvent.type(box, '{Enter}');
    expect(onSend).not.toHaveBeenCalled();
    await userEvent.type(box, 'first line{Shift>}{Enter}{/Shift}second line');
    expect(onSend).not.toHaveBeenCalled();
    expect((box as HTMLTextAreaElement).value).toBe('first line\nsecond line');
    await userEvent.type(box, '{Enter}');
    expect(onSend).toHaveBeenCalledWith('first line\nsecond line');
    expect((box as HTMLTextAreaElement).value).toBe('');
  });

  it('should stop on Escape while an answer streams, and offer a Stop button instead of Send', async () => {
    const onStop = vi.fn();
    const onSend = vi.fn();
    render(<Composer streaming onSend={onSend} onStop={onStop} />);
    const box = screen.getByLabelText('Message');
    await userEvent.type(box, 'more{Enter}');
    expect(onSend).not.toHaveBeenCalled();
    await userEvent.keyboard('{Escape}');
    expect(onStop).toHaveBeenCalledTimes(1);
    await userEvent.click(screen.getByRole('button', { name: 'Stop' }));
    expect(onStop).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole('button', { name: 'Send' })).toBeNull();
  });

  it('should start from the text to edit', () => {
    render(<Composer streaming={false} initialText="edit me" onSend={vi.fn()} onStop={vi.fn()} />);
    expect(screen.getByLabelText<HTMLTextAreaElement>('Message').value).toBe('edit me');
  });
});
