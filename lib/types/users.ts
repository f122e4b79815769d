/** What the SCRAM user endpoints return; shared by route handlers, hooks and components. */
import type { ScramMechanismName } from '@/lib/scram-credential';

export interface ScramUser {
  name: string;
  /** Each SCRAM mechanism the user can log in with; the credential itself is never readable. */
  mechanisms: { mechanism: ScramMechanismName | 'UNKNOWN'; iterations: number }[];
}

export interface ScramUserList {
  users: ScramUser[];
}

/** The answer to POST: never the password. */
export interface ScramUserChange {
  name: string;
  mechanism: ScramMechanismName;
  iterations: number;
}
