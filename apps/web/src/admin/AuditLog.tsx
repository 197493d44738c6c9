import { useState } from 'react';
import { describeError } from '../api/errors';
import { LoadMore } from '../ui/LoadMore';
import { useAuditEvents, type AuditFilters } from './queries';

function isoOrUndefined(value: string): string | undefined {
  return value === '' ? undefined : new Date(value).toISOString();
}

/** The audit log, newest first, filtered by action, actor and time; paged. */
export function AuditLog() {
  const [action, setAction] = useState('');
  const [actor, setActor] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const filters: AuditFilters = {
    ...(action.trim() ? { action: action.trim() } : {}),
    ...(/^[0-9a-f-]{36}$/i.test(actor.trim()) ? { actorUserId: actor.trim() } : {}),
    from: isoOrUndefined(from),
    to: isoOrUndefined(to),
  };
  const events = useAuditEvents(filters);
  return (
    <section className="card" aria-labelledby="audit-title">
      <h2 id="audit-title">Audit log</h2>
      <div className="filters" role="search">
        <label>
          Action{' '}
          <input
            value={action}
            placeholder="auth.login"
            onChange={(event) => {
              setAction(event.target.value);
            }}
          />
        </label>
        <label>
          Actor user id{' '}
          <input
            value={actor}
            onChange={(event) => {
              setActor(event.target.value);
            }}
          />
        </label>
        <label>
          From{' '}
          <input
            type="datetime-local"
            value={from}
            onChange={(event) => {
              setFrom(event.target.value);
            }}
          />
        </label>
        <label>
          To{' '}
          <input
            type="datetime-local"
            value={to}
            onChange={(event) => {
              setTo(event.target.value);
            }}
          />
        </label>
      </div>
      {events.isError && (
        <p className="error" role="alert">
          {describeError(events.error)}
        </p>
      )}
      {events.data?.length === 0 && <p className="muted">No events match.</p>}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Actor</th>
              <th scope="col">Action</th>
              <th scope="col">Target</th>
              <th scope="col">Outcome</th>
              <th scope="col">IP</th>
            </tr>
          </thead>
          <tbody>
            {events.data?.map((event) => (
              <tr key={event.id}>
                <td>{new Date(event.occurredAt).toLocaleString()}</td>
                <td>{event.actorLabel}</td>
                <td>{event.action}</td>
                <td>{event.targetType ? `${event.targetType} ${event.targetId ?? ''}` : ''}</td>
                <td>{event.outcome}</td>
                <td>{event.ip ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <LoadMore query={events} what="audit events" />
    </section>
  );
}
