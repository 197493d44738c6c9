/** A platform role. Group roles are separate (groups issue). */
export type UserRole = 'admin' | 'user';

/** How the caller of a request proved who they are. */
export type AuthenticationMethod = 'api-key' | 'session' | 'forward-auth';

/** An authenticated, active user making a request. */
export interface UserActor {
  kind: 'user';
  userId: string;
  username: string;
  role: UserRole;
  via: AuthenticationMethod;
  /** The key that authenticated this request, or that created its session. */
  apiKeyId?: string;
  /** The browser session of this request (via `session`). */
  sessionId?: string;
}

/** Nobody has authenticated. */
export interface AnonymousActor {
  kind: 'anonymous';
}

/** Who is making a request. Every service method that acts for someone takes one. */
export type Actor = UserActor | AnonymousActor;

export const anonymousActor: AnonymousActor = { kind: 'anonymous' };

export function isUserActor(actor: Actor): actor is UserActor {
  return actor.kind === 'user';
}
