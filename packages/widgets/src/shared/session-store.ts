/** What the widget keeps for this tab: the session token, and which case was open. No case content. */
export interface StoredSession {
  /** The `vps_…` token. */
  token: string;
  /** When the service ends the session however active it is. */
  expiresAt: string;
  /** When the service ends the session unless the victim does something first. */
  idleExpiresAt?: string;
  /** How long the service waits, without a request, before it ends the session. */
  idleTimeoutSeconds?: number;
  /** The case the victim last opened, so a reload returns to it. */
  caseId?: string;
}

/** The storage key the widgets use by default. */
export const defaultStorageKey = 'vp-session';

/**
 * Keeps the victim's session for this tab only: sessionStorage, which the browser drops with
 * the tab. Never persistent web storage or a cookie, which would outlive it on a shared device. Where
 * sessionStorage is unavailable (sandboxed frames, some private modes) it falls back to memory:
 * the victim then signs in again after a reload, which is safe.
 */
export class SessionStore {
  readonly #key: string;
  readonly #storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

  /**
   * @param key the sessionStorage key
   * @param storage where to keep it; the tab's sessionStorage by default
   */
  constructor(key = defaultStorageKey, storage = tabStorage()) {
    this.#key = key;
    this.#storage = storage;
  }

  /** @returns the stored session, or undefined if there is none or it is unreadable */
  read(): StoredSession | undefined {
    let raw: string | null;
    try {
      raw = this.#storage.getItem(this.#key);
    } catch {
      return undefined;
    }
    if (!raw) return undefined;
    try {
      const value: unknown = JSON.parse(raw);
      if (isStoredSession(value)) return value;
    } catch {
      // Fall through: something else wrote here; treat as no session.
    }
    this.clear();
    return undefined;
  }

  /** Keeps the session for this tab. */
  write(session: StoredSession): void {
    try {
      this.#storage.setItem(this.#key, JSON.stringify(session));
    } catch {
      // Quota or privacy mode: the session still works until reload.
    }
  }

  /** Forgets the session. */
  clear(): void {
    try {
      this.#storage.removeItem(this.#key);
    } catch {
      // Nothing was stored.
    }
  }
}

function isStoredSession(value: unknown): value is StoredSession {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.token === 'string' &&
    typeof candidate.expiresAt === 'string' &&
    (candidate.idleExpiresAt === undefined || typeof candidate.idleExpiresAt === 'string') &&
    (candidate.idleTimeoutSeconds === undefined || typeof candidate.idleTimeoutSeconds === 'number') &&
    (candidate.caseId === undefined || typeof candidate.caseId === 'string')
  );
}

function tabStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  try {
    // Reading the property itself throws in sandboxed frames.
    const storage = window.sessionStorage;
    storage.getItem(defaultStorageKey);
    return storage;
  } catch {
    const memory = new Map<string, string>();
    return {
      getItem: (key) => memory.get(key) ?? null,
      setItem: (key, value) => void memory.set(key, value),
      removeItem: (key) => void memory.delete(key),
    };
  }
}
