import type { MouseEvent } from 'react';
import type { Me } from '../auth/session';
import { navigate } from './router';

interface NavItem {
  href: string;
  label: string;
  /** An SVG path (24×24, stroked). */
  icon: string;
}

const items: NavItem[] = [
  { href: '/chat', label: 'Chat', icon: 'M4 5h16v11H9l-5 4z' },
  { href: '/documents', label: 'Documents', icon: 'M6 3h8l4 4v14H6zM14 3v4h4M9 12h6M9 16h6' },
  {
    href: '/groups',
    label: 'Groups',
    icon: 'M8 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM2 20c0-3 3-5 6-5s6 2 6 5M16 11a3 3 0 1 0 0-6M18 15c2 .5 4 2 4 5',
  },
  {
    href: '/settings',
    label: 'Settings',
    icon: 'M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8zM12 2v3M12 19v3M2 12h3M19 12h3',
  },
];

const adminItem: NavItem = { href: '/admin', label: 'Admin', icon: 'M12 3l8 3v6c0 5-4 8-8 9-4-1-8-4-8-9V6z' };

function Icon({ path }: { path: string }) {
  return (
    <svg
      aria-hidden="true"
      width="22"
      height="22"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinejoin="round"
    >
      <path d={path} />
    </svg>
  );
}

/** In-app link: plain `<a>` (keyboard, middle-click) that navigates without a page load. */
export function followLink(event: MouseEvent<HTMLAnchorElement>, href: string): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
    return;
  }
  event.preventDefault();
  navigate(href);
}

/** The side rail (desktop) / bottom bar (≤ 768 px). */
export function Nav({ me, path, onSignOut }: { me: Me; path: string; onSignOut: () => void }) {
  const all = me.role === 'admin' ? [...items, adminItem] : items;
  return (
    <nav className="rail" aria-label="Main">
      <span className="logo" aria-hidden="true">
        Y
      </span>
      <ul>
        {all.map((item) => {
          const current = path.startsWith(item.href) || (item.href === '/chat' && path === '/');
          return (
            <li key={item.href}>
              <a
                href={item.href}
                aria-current={current ? 'page' : undefined}
                onClick={(event) => {
                  followLink(event, item.href);
                }}
              >
                <Icon path={item.icon} />
                <span>{item.label}</span>
              </a>
            </li>
          );
        })}
      </ul>
      <div className="rail-user">
        <span className="muted" title={me.username}>
          {me.displayName || me.username}
        </span>
        <button type="button" onClick={onSignOut}>
          Sign out
        </button>
      </div>
    </nav>
  );
}
