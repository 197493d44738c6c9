import { AuditLog } from './AuditLog';
import { Users } from './Users';

/** Administration (admins only): users and the audit log. */
export default function AdminScreen() {
  return (
    <main className="page" id="main">
      <h1>Administration</h1>
      <Users />
      <AuditLog />
    </main>
  );
}
